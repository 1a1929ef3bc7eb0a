/**
 * Big collections go to MapLibre by URL: the GeoJSON text is written into a Blob a slice of
 * features at a time, yielding between slices, and MapLibre's worker fetches and parses it. Sending
 * the object instead would structured-clone every feature on the main thread in one long task.
 * Only the keys the style reads are written (see `safe-features.ts`).
 */
import type { FeatureCollection } from 'geojson';
import { forMapLibre } from './safe-features.ts';

/** Collections with at least this many features go by URL. */
export const URL_MIN_FEATURES = 20_000;
/** Features written per slice (a few ms of work each). */
const SLICE = 2000;

export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The GeoJSON text of `fc` as MapLibre gets it (only `keys`), as a Blob built in slices. Resolves
 * to null when `stale()` turns true between slices (a newer collection replaced this one).
 */
export async function geojsonBlob(fc: FeatureCollection, keys: ReadonlySet<string>, stale: () => boolean = () => false, yieldFn: () => Promise<void> = nextTask): Promise<Blob | null> {
  const body = await featuresBlob(fc, keys, stale, yieldFn);
  return body && new Blob(['{"type":"FeatureCollection","features":[', body, ']}'], { type: 'application/geo+json' });
}

/** The features of {@link geojsonBlob} alone, separated by commas (no collection around them). */
export async function featuresBlob(fc: FeatureCollection, keys: ReadonlySet<string>, stale: () => boolean = () => false, yieldFn: () => Promise<void> = nextTask): Promise<Blob | null> {
  // a Blob per slice: each slice's text is encoded in its own task (one Blob of all the strings
  // encoded them all in the last one: ~0.3 s at 50 000 sites); the whole refers to the parts
  const parts: Blob[] = [];
  for (let i = 0; i < fc.features.length; i += SLICE) {
    if (i > 0) {
      await yieldFn();
      if (stale()) return null;
    }
    const slice = forMapLibre({ type: 'FeatureCollection', features: fc.features.slice(i, i + SLICE) }, keys);
    const text = slice.features.map((f) => JSON.stringify(f)).join(',');
    parts.push(new Blob([i > 0 ? `,${text}` : text]));
  }
  return new Blob(parts, { type: 'application/geo+json' });
}
