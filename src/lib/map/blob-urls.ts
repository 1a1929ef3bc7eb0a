/**
 * MapLibre's workers read the app's Blob URLs (big imported layers, see `geojson-url.ts`)
 * themselves: `worker/blob-urls.mjs` registers the `blob:` scheme in each of them. Until it is
 * loaded (or if it cannot be), MapLibre falls back to reading them through the page.
 */
import { importScriptInWorkers } from 'maplibre-gl';
import scriptUrl from './worker/blob-urls.mjs?url&no-inline';

let ready: Promise<void> | null = null;

/** Loads the script into MapLibre's workers once; resolves when they have it (or failed to load it). */
export function workersReadBlobUrls(): Promise<void> {
  ready ??= importScriptInWorkers(new URL(scriptUrl, location.href).href).catch(() => undefined);
  return ready;
}
