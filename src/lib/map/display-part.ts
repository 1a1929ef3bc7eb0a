/**
 * A big reference layer as MapLibre draws it. Its single points as typed arrays (positions and
 * feature numbers: ids `<layer id>-<n>`, see `normaliseUserFeature`), which the tile worker of
 * `big-points-tiles.ts` groups and cuts into vector tiles; its other features normalised with only
 * the keys the style reads (`forMapLibre`), as GeoJSON feature texts separated by commas, in a
 * Blob. The import worker writes them (it holds or reads the layer) and stores them next to the
 * layer's record, so a later visit reads them back without normalising the layer again; the map
 * joins the other features with its own into one Blob URL ({@link joinFeatureParts}) without
 * reading them. Pure apart from the Blob.
 */
import type { Feature } from 'geojson';
import { normaliseUserFeature, ROLE_GEOMETRIES, type UserLayerSpec } from '../data/user-layers.ts';
import { forMapLibre } from './safe-features.ts';

/** Features read per slice (a few ms each). */
const SLICE = 2000;

/**
 * A big layer's single points: `coords` holds longitude then latitude of each, `n` its feature's
 * number in the layer (1-based: the feature's id is `<layer id>-<n>`), in the layer's order.
 */
export interface PointsPart { coords: Float64Array; n: Uint32Array }

/**
 * A big layer's map parts: its single points (drawn grouped from vector tiles, see `big-points.ts`)
 * and its other features (lines, polygons, multipoints: drawn with the other imported features).
 */
export interface DisplayParts { points: PointsPart | null; other: Blob | null }

/**
 * The parts of `spec` (each null when it has no feature that can be drawn): the points (those of
 * a role that takes points, with finite coordinates), the other features with all of `keys`.
 * `yieldFn` runs between slices (on the main thread, the fallback when the worker cannot write
 * them); none in a worker.
 */
export async function displayPart(spec: UserLayerSpec, keys: Set<string>, yieldFn?: () => Promise<void>): Promise<DisplayParts> {
  const all = spec.collection.features;
  const takesPoints = ROLE_GEOMETRIES[spec.role].includes('Point');
  let coords = new Float64Array(0);
  let n = new Uint32Array(0);
  let count = 0;
  const other: string[] = [];
  for (let i = 0; i < all.length; i += SLICE) {
    if (i > 0 && yieldFn) await yieldFn();
    const o: Feature[] = [];
    for (let j = i; j < Math.min(i + SLICE, all.length); j++) {
      const g = all[j]?.geometry;
      if (takesPoints && g?.type === 'Point') {
        // A point of a role that takes points is always kept by `normaliseUserFeature`.
        const [lon, lat] = g.coordinates;
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
        if (count === n.length) {
          const size = Math.max(1024, Math.min(all.length, count * 2));
          const c = new Float64Array(size * 2);
          c.set(coords);
          coords = c;
          const m = new Uint32Array(size);
          m.set(n);
          n = m;
        }
        coords[count * 2] = lon;
        coords[count * 2 + 1] = lat;
        n[count++] = j + 1;
        continue;
      }
      const r = normaliseUserFeature(spec, all[j], j);
      if (!('reason' in r)) o.push(r);
    }
    if (o.length) {
      const text = forMapLibre({ type: 'FeatureCollection', features: o }, keys).features.map((f) => JSON.stringify(f)).join(',');
      other.push(other.length ? `,${text}` : text);
    }
  }
  return {
    points: count ? { coords: coords.slice(0, count * 2), n: n.slice(0, count) } : null,
    other: other.length ? new Blob(other, { type: 'application/geo+json' }) : null,
  };
}

/**
 * Key prefix of a big layer's stored map parts (`<prefix><layer id>`, next to its record
 * `user-layer:<layer id>` in the app's IndexedDB store), and the format they are stored in.
 */
export const MAP_PART_PREFIX = 'map-part:';
const MAP_PART_FORMAT = 1;

/** A big layer's map parts as stored: for the style's keys `keys` (another build may read others). */
export interface StoredParts extends DisplayParts { format: number; keys: string }

/** The record to store for `parts` written with `keys`. */
export const storedParts = (parts: DisplayParts, keys: readonly string[]): StoredParts => ({ format: MAP_PART_FORMAT, keys: keys.join('\n'), ...parts });

/** The parts of a stored record when it is one of this format written for `keys`; else null (write them again). */
export function readStoredParts(v: unknown, keys: readonly string[]): DisplayParts | null {
  const r = v as Partial<StoredParts> | null | undefined;
  if (!r || r.format !== MAP_PART_FORMAT || r.keys !== keys.join('\n')) return null;
  const p = r.points;
  const pointsOk = p === null || (p?.coords instanceof Float64Array && p.n instanceof Uint32Array && p.coords.length === p.n.length * 2);
  const otherOk = r.other === null || r.other instanceof Blob;
  return pointsOk && otherOk ? { points: p ?? null, other: r.other ?? null } : null;
}

/** One FeatureCollection's GeoJSON text from parts of feature texts (each a Blob or a string; empty ones left out). */
export function joinFeatureParts(parts: readonly (Blob | string)[]): Blob {
  const out: (Blob | string)[] = ['{"type":"FeatureCollection","features":['];
  let first = true;
  for (const p of parts) {
    if ((typeof p === 'string' ? p.length : p.size) === 0) continue;
    if (!first) out.push(',');
    out.push(p);
    first = false;
  }
  out.push(']}');
  return new Blob(out, { type: 'application/geo+json' });
}
