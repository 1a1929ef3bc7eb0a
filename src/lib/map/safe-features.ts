/**
 * Property names are data. Feature properties from a user's file can be named anything —
 * `constructor`, `__proto__`, `$name`, `$type` — and MapLibre cannot pass such an object to its
 * worker (its serialiser reads `$name` and `constructor` as class markers): the whole source then
 * draws nothing. So what reaches MapLibre carries only the keys the style reads (every
 * `['get', key]` of its layers, and `id`), with primitive values; the card reads the app's own
 * copy, which keeps the original names and values. Pure.
 */
import type { Feature, FeatureCollection } from 'geojson';

/**
 * Properties a clustered source gives its groups of points (see `big-points.ts`): read by the
 * style, never taken from a file (a point carrying `point_count` would be drawn as a group).
 */
export const CLUSTER_KEYS: ReadonlySet<string> = new Set(['cluster', 'cluster_id', 'point_count', 'point_count_abbreviated']);

/** Keys a style's layers read with `['get', key]` (in paint, layout and filter), plus `id`; never {@link CLUSTER_KEYS}. */
export function styleKeys(layers: readonly object[]): Set<string> {
  const keys = new Set<string>(['id']);
  const walk = (x: unknown): void => {
    if (!Array.isArray(x)) {
      if (x && typeof x === 'object') for (const v of Object.values(x)) walk(v);
      return;
    }
    if (x[0] === 'get' && typeof x[1] === 'string' && x.length === 2 && !CLUSTER_KEYS.has(x[1])) keys.add(x[1]);
    for (const v of x) walk(v);
  };
  for (const l of layers) {
    const { paint, layout, filter } = l as { paint?: unknown; layout?: unknown; filter?: unknown };
    walk(paint);
    walk(layout);
    walk(filter);
  }
  return keys;
}

/** A key MapLibre's worker transfer or the style language could read as something other than data. */
const RESERVED = /^(?:\$|__)|^(?:constructor|prototype|toString|valueOf|hasOwnProperty)$/;

const cache = new WeakMap<FeatureCollection, { keys: ReadonlySet<string>; out: FeatureCollection }>();

/**
 * A copy of `fc` for MapLibre: each feature keeps only `keys` (never a reserved name), with
 * string, number or boolean values; its geometry and id are shared, not copied. Cached per
 * collection object.
 */
export function forMapLibre(fc: FeatureCollection, keys: ReadonlySet<string>): FeatureCollection {
  const hit = cache.get(fc);
  if (hit && hit.keys === keys) return hit.out;
  const allowed = [...keys].filter((k) => !RESERVED.test(k));
  const features = fc.features.map((f): Feature => {
    const src = f.properties ?? {};
    const properties: Record<string, string | number | boolean> = {};
    for (const k of allowed) {
      if (!Object.hasOwn(src, k)) continue;
      const v = (src as Record<string, unknown>)[k];
      if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) properties[k] = v;
    }
    const out: Feature = { type: 'Feature', geometry: f.geometry, properties };
    if (typeof f.id === 'string' || typeof f.id === 'number') out.id = f.id;
    return out;
  });
  const out: FeatureCollection = { type: 'FeatureCollection', features };
  cache.set(fc, { keys, out });
  return out;
}
