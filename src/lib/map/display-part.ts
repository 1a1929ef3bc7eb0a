/**
 * A big reference layer as MapLibre draws it: its features normalised (ids `<layer id>-<n>`,
 * see `normaliseUserFeature`) with only the keys the style reads (`forMapLibre`), as GeoJSON
 * feature texts separated by commas, in Blobs (its single points apart from the rest). The import worker writes it (it holds or reads
 * the layer); the map joins such parts with its other features into one Blob URL
 * ({@link joinFeatureParts}) without reading them. Pure apart from the Blob.
 */
import type { Feature } from 'geojson';
import { normaliseUserFeature, type UserLayerSpec } from '../data/user-layers.ts';
import { forMapLibre, styleKeys } from './safe-features.ts';
import { bigPointsLayers } from './big-points.ts';

/**
 * The keys the clustered points carry: those its layers read (only `id`, what a click selects).
 * Less to parse and to copy between MapLibre's worker and the page.
 */
const POINT_KEYS = styleKeys(bigPointsLayers());

/** Features normalised and written per slice (a few ms each). */
const SLICE = 2000;

/**
 * A big layer's map parts: its single points (drawn from a clustered source, see `big-points.ts`)
 * and its other features (lines, polygons, multipoints: drawn with the other imported features).
 */
export interface DisplayParts { points: Blob | null; other: Blob | null }

/**
 * The parts of `spec` (each null when it has no feature that can be drawn): the points with only
 * the keys of `keys` the clustered layers read, the other features with all of `keys`. `yieldFn` runs
 * between slices (on the main thread, the fallback when the worker cannot write them); none in a
 * worker.
 */
export async function displayPart(spec: UserLayerSpec, keys: Set<string>, yieldFn?: () => Promise<void>): Promise<DisplayParts> {
  const all = spec.collection.features;
  const points: string[] = [];
  const other: string[] = [];
  const pointKeys = new Set([...POINT_KEYS].filter((k) => keys.has(k)));
  const write = (into: string[], fs: Feature[], only: Set<string>) => {
    if (!fs.length) return;
    const text = forMapLibre({ type: 'FeatureCollection', features: fs }, only).features.map((f) => JSON.stringify(f)).join(',');
    into.push(into.length ? `,${text}` : text);
  };
  for (let i = 0; i < all.length; i += SLICE) {
    if (i > 0 && yieldFn) await yieldFn();
    const p: Feature[] = [];
    const o: Feature[] = [];
    for (let j = i; j < Math.min(i + SLICE, all.length); j++) {
      const r = normaliseUserFeature(spec, all[j], j);
      if (!('reason' in r)) (r.geometry?.type === 'Point' ? p : o).push(r);
    }
    write(points, p, pointKeys);
    write(other, o, keys);
  }
  const blob = (parts: string[]) => (parts.length ? new Blob(parts, { type: 'application/geo+json' }) : null);
  return { points: blob(points), other: blob(other) };
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
