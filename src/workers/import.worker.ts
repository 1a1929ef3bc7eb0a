/**
 * The import worker: parses, reprojects and checks a user's file off the main thread with the
 * same pure code as `npm run convert`. Progress goes back through a comlink proxy.
 */
import { expose } from 'comlink';
import { importFile, type ImportInput, type ImportOptions, type ImportResult } from '../lib/data/import/index.ts';
import { exportCollection, type ExportOptions, type ExportResult } from '../lib/data/export/index.ts';
import type { FeatureCollection, Geometry } from 'geojson';
import { createStore, set } from 'idb-keyval';

/** The collection of the last successful import, until it is stored (see `storeLayer`). */
let last: FeatureCollection | null = null;

export const importApi = {
  async importFile(input: ImportInput, options: Omit<ImportOptions, 'signal' | 'onProgress'>, onProgress?: (f: number) => void): Promise<ImportResult> {
    last = null;
    const r = await importFile(input, { ...options, onProgress: onProgress ? (f) => void onProgress(f) : undefined });
    if (r.ok) last = r.collection;
    return r;
  },
  /**
   * Stores the last import's collection with `meta` as one record (`key` in the app's IndexedDB
   * store, as the main thread's item store would), so a big layer is cloned into the database
   * here and not on the main thread. False when there is no such collection.
   */
  async storeLayer(key: string, meta: Record<string, unknown>, db: { name: string; store: string }): Promise<boolean> {
    if (!last) return false;
    await set(key, { ...meta, collection: last }, createStore(db.name, db.store));
    last = null;
    return true;
  },
  exportCollection(fc: FeatureCollection<Geometry | null>, options: ExportOptions): ExportResult {
    return exportCollection(fc, options);
  },
};

export type ImportApi = typeof importApi;

expose(importApi);
