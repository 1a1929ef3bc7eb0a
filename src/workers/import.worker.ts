/**
 * The import worker: parses, reprojects and checks a user's file off the main thread with the
 * same pure code as `npm run convert`. Progress goes back through a comlink proxy.
 */
import { expose } from 'comlink';
import { importFile, type ImportInput, type ImportOptions, type ImportResult } from '../lib/data/import/index.ts';
import { exportCollection, type ExportOptions, type ExportResult } from '../lib/data/export/index.ts';
import type { FeatureCollection, Geometry } from 'geojson';
import { createStore, get, set } from 'idb-keyval';
import type { UserLayerSpec } from '../lib/data/user-layers.ts';
import { displayPart, type DisplayParts } from '../lib/map/display-part.ts';

/** The collection of the last successful import, until it is stored (see `storeLayer`). */
let last: FeatureCollection | null = null;
/** The collection last stored by `storeLayer`, until `displayPart` wrote it (saves reading it back). */
let stored: { key: string; collection: FeatureCollection } | null = null;

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
    stored = { key, collection: last };
    await set(key, { ...meta, collection: last }, createStore(db.name, db.store));
    last = null;
    return true;
  },
  /**
   * The map's part of the stored layer `key` (see `display-part.ts`), `meta` being the layer
   * without its collection: normalised and written here, so a big layer costs the main thread
   * nothing but joining Blobs. Reads the collection from the database unless it was just stored.
   * Null when there is no such record.
   */
  async displayPart(key: string, meta: Omit<UserLayerSpec, 'collection'>, db: { name: string; store: string }, keys: string[]): Promise<DisplayParts | null> {
    let collection: FeatureCollection | undefined;
    if (stored?.key === key) {
      collection = stored.collection;
      stored = null;
    } else collection = (await get<UserLayerSpec>(key, createStore(db.name, db.store)))?.collection;
    if (!Array.isArray(collection?.features)) return null;
    return displayPart({ ...meta, collection }, new Set(keys));
  },
  exportCollection(fc: FeatureCollection<Geometry | null>, options: ExportOptions): ExportResult {
    return exportCollection(fc, options);
  },
};

export type ImportApi = typeof importApi;

expose(importApi);
