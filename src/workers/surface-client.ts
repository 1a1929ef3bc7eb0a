/**
 * Main-thread side of the surface worker: one worker for the page (it keeps the distance fields
 * while the panel is closed), rebuilt only when the data layers, the cell size or the radius change.
 */
import { wrap, type Remote } from 'comlink';
import type { SurfaceApi, SurfaceInit } from './surface.worker.ts';
import type { SurfaceLayers } from '../lib/analysis/surface/surface.ts';
import { plain } from '../lib/plain.ts';

let worker: Worker | null = null;
let api: Remote<SurfaceApi> | null = null;
let built: { layers: unknown; key: string; init: Promise<SurfaceInit> } | null = null;

/** The shared worker API. */
export function surfaceWorker(): Remote<SurfaceApi> {
  if (!api) {
    worker = new Worker(new URL('./surface.worker.ts', import.meta.url), { type: 'module' });
    api = wrap<SurfaceApi>(worker);
  }
  return api;
}

/** Fields for these layers and options (reused when nothing changed). */
export function ensureFields(layers: SurfaceLayers, opts: { crs: number; cell: number; radiusKm: number }): Promise<SurfaceInit> {
  const key = JSON.stringify(opts);
  if (built && built.layers === layers && built.key === key) return built.init;
  const init = surfaceWorker().init(plain(layers), opts);
  built = { layers, key, init };
  init.catch(() => { if (built?.init === init) built = null; });
  return init;
}
