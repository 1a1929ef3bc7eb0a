/**
 * The import worker: parses, reprojects and checks a user's file off the main thread with the
 * same pure code as `npm run convert`. Progress goes back through a comlink proxy; a result of many
 * features goes to the page in parts on a channel of its own (see `import-parts.ts`).
 */
import { expose, transfer } from 'comlink';
import { importFile, type ImportInput, type ImportOptions } from '../lib/data/import/index.ts';
import { collectionWriter, type CollectionWriter, type CsvPlan, type ExportOptions } from '../lib/data/export/index.ts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';
import type { UserLayerSpec } from '../lib/data/user-layers.ts';
import { displayPart, MAP_PART_PREFIX, readStoredParts, storedParts, type DisplayParts } from '../lib/map/display-part.ts';
import { FEATURES_PER_PART, partsNote, putInParts, readWhole } from '../lib/state/record-parts.ts';
import { partsFailure, sendResult, type SentResult } from './import-parts.ts';

/** The collection of the last successful import, until it is stored (see `storeLayer`). */
let last: FeatureCollection | null = null;
/** The number of the newest import; an older one still sending its features stops (see `import-parts.ts`). */
let imports = 0;
/** Ends an older import's wait for the page's answer to a part. */
let stopWaiting: (() => void) | null = null;
/** The collection last stored by `storeLayer`, until `displayPart` wrote it (saves reading it back). */
let stored: { key: string; collection: FeatureCollection } | null = null;

/**
 * One connection per database: its transactions run in the order they are made, so the map parts
 * written after "Add" see the record written just before (see `saveParts`).
 */
const stores = new Map<string, UseStore>();
function storeOf(db: { name: string; store: string }): UseStore {
  const id = `${db.name}\n${db.store}`;
  let s = stores.get(id);
  if (!s) stores.set(id, (s = createStore(db.name, db.store)));
  return s;
}

/** Files being written from parts sent by the page (see `exportBegin`). */
const exportJobs = new Map<number, { writer: CollectionWriter; parts: Blob[] }>();
let exportSeq = 0;

export const importApi = {
  /**
   * Reads a file. With `port` (the page's end of a channel for this import), a result of many
   * features sends them on it in parts and resolves without them (see `import-parts.ts`); null
   * when a newer import started meanwhile.
   */
  async importFile(input: ImportInput, options: Omit<ImportOptions, 'signal' | 'onProgress'>, onProgress?: (f: number) => void, port?: MessagePort): Promise<SentResult | null> {
    const mine = ++imports;
    stopWaiting?.();
    stopWaiting = null;
    last = null;
    const r = await importFile(input, { ...options, onProgress: onProgress ? (f) => void onProgress(f) : undefined });
    if (r.ok) last = r.collection;
    if (!port) return r;
    try {
      return await sendResult(r, input.name, port, () => mine !== imports, (stop) => (stopWaiting = stop));
    } catch (e) {
      if (mine === imports) last = null;
      return partsFailure(e, input.name);
    } finally {
      port.close();
    }
  },
  /**
   * Stores the last import's collection with `meta` under `key` in the app's IndexedDB store, as
   * the main thread's item store would (a big one in parts, see `record-parts.ts`, with the item's
   * `fingerprint`), so a big layer is cloned into the database here and not on the main thread.
   * False when there is no such collection.
   */
  async storeLayer(key: string, meta: Record<string, unknown>, db: { name: string; store: string }, fingerprint: string): Promise<boolean> {
    if (!last) return false;
    stored = { key, collection: last };
    const item = { ...meta, collection: last };
    await storeOf(db)('readwrite', (s) => {
      putInParts(s, key, item, fingerprint);
      return promisifyRequest(s.transaction);
    });
    last = null;
    return true;
  },
  /**
   * Rewrites the record `key` in parts (with the item's `fingerprint`) when an earlier version
   * stored it whole, in one transaction (a layer deleted or rewritten meanwhile is left as it is).
   * True when it did.
   */
  async storeInParts(key: string, db: { name: string; store: string }, fingerprint: string): Promise<boolean> {
    return storeOf(db)('readwrite', async (s) => {
      const v = (await promisifyRequest(s.get(key))) as Partial<UserLayerSpec> | undefined;
      const n = v?.collection?.features;
      if (!v || partsNote(v) || !Array.isArray(n) || n.length <= FEATURES_PER_PART) return false;
      putInParts(s, key, v, fingerprint);
      await promisifyRequest(s.transaction);
      return true;
    });
  },
  /**
   * The map's parts of the stored layer `key` (see `display-part.ts`), `meta` being the layer
   * without its collection: written here, so a big layer costs the main thread nothing but
   * joining Blobs. Written from the collection just stored (after "Add"), else read back from the
   * parts stored next to the record (a later visit), else from the record (a layer stored before
   * the parts were); parts written are stored next to the record for the next visit. The points'
   * arrays are transferred. Null when there is no such record.
   */
  async displayPart(key: string, meta: Omit<UserLayerSpec, 'collection'>, db: { name: string; store: string }, keys: string[]): Promise<DisplayParts | null> {
    const store = storeOf(db);
    const partKey = MAP_PART_PREFIX + meta.id;
    let collection: FeatureCollection | undefined;
    if (stored?.key === key) {
      collection = stored.collection;
      stored = null;
    } else {
      const saved = readStoredParts(await get(partKey, store).catch(() => undefined), keys);
      if (saved) return transferred(saved);
      collection = (await readWhole<UserLayerSpec>(store, key))?.collection;
    }
    if (!Array.isArray(collection?.features)) return null;
    const parts = await displayPart({ ...meta, collection }, new Set(keys));
    await saveParts(store, key, partKey, storedParts(parts, keys));
    return transferred(parts);
  },
  /**
   * The map's parts stored next to layer `id`'s record when they are of this format for `keys`
   * (transferred), else null: nothing is written (a reload draws a big layer's points from them
   * before its record is read; without them the map waits for the record, see `displayPart`).
   */
  async storedDisplayPart(id: string, db: { name: string; store: string }, keys: string[]): Promise<DisplayParts | null> {
    const saved = readStoredParts(await get(MAP_PART_PREFIX + id, storeOf(db)).catch(() => undefined), keys);
    return saved ? transferred(saved) : null;
  },
  /**
   * Starts a file of `options` (see `collectionWriter`, whose errors it throws) whose features come
   * in parts ({@link exportPart}) — never the whole collection in one message; returns its number.
   */
  exportBegin(options: ExportOptions, plan?: CsvPlan): number {
    const writer = collectionWriter(options, plan);
    exportJobs.set(++exportSeq, { writer, parts: [] });
    return exportSeq;
  },
  /** The next features of file `job`, in order. @throws `no export N` */
  exportPart(job: number, features: Feature<Geometry | null>[]): void {
    const j = exportJobs.get(job);
    if (!j) throw new Error(`no export ${job}`);
    const text = j.writer.part(features);
    if (text) j.parts.push(new Blob([text]));
  },
  /** File `job` whole, as a Blob (sent by reference), and forgotten. @throws `no export N` */
  exportFinish(job: number): { filename: string; mime: string; blob: Blob } {
    const j = exportJobs.get(job);
    if (!j) throw new Error(`no export ${job}`);
    exportJobs.delete(job);
    const { writer: w } = j;
    return { filename: w.filename, mime: w.mime, blob: new Blob([w.head, ...j.parts, w.tail], { type: w.mime }) };
  },
  /** Forgets file `job` (the page gave up on it). */
  exportCancel(job: number): void {
    exportJobs.delete(job);
  },
};


/** `parts` with the points' arrays transferred (not copied) to the page. */
const transferred = (parts: DisplayParts): DisplayParts => transfer(parts, parts.points ? [parts.points.coords.buffer, parts.points.n.buffer] : []);

/**
 * Stores a layer's map parts next to its record, if the record is still there (a layer removed
 * meanwhile leaves none behind), in one transaction; awaited before the arrays are transferred
 * (the store clones them when the write runs). A failed write only costs the next visit time.
 */
async function saveParts(store: UseStore, key: string, partKey: string, value: unknown): Promise<void> {
  try {
    await store('readwrite', async (s) => {
      if ((await promisifyRequest(s.getKey(key))) !== undefined) s.put(value, partKey);
      await promisifyRequest(s.transaction);
    });
  } catch {
    // not stored: the next visit writes them again from the record
  }
}

export type ImportApi = typeof importApi;

expose(importApi);
