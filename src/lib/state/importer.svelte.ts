/**
 * The import workflow: read a file in the worker, show what was found (issues, rejected features,
 * the CRS, a column mapping to choose), let the user give it a role, then add it to the app.
 * A bad file never touches what is already loaded or drafted.
 */
import type { ImportResult, ImportSuccess, ColumnMapping } from '../data/import/types.ts';
import { abortIssue } from '../data/import/abort.ts';
import type { UserLayerSpec } from '../data/user-layers.ts';
import { ImportClient } from '../../workers/import-client.ts';
import type { AppState } from './app-state.svelte.ts';
import { APP_DB, ItemStore, type ItemStoreOptions } from './item-store.ts';
import { noticeOf } from './notices.ts';
import { MAP_PART_PREFIX } from '../map/display-part.ts';
import { earlyBigLayers, type EarlyLayer } from './early-layers.ts';

/** The single record of earlier versions, moved to one key per layer (`user-layer:<id>`) on first load. */
const LEGACY_KEY = 'user-layers:v1';
/** Key prefix of the imported layers in the app's IndexedDB store. */
const LAYER_PREFIX = 'user-layer:';

const isLayer = (l: UserLayerSpec | undefined): l is UserLayerSpec => !!l && typeof l.id === 'string' && l.collection?.type === 'FeatureCollection';

/**
 * Imported layers, one IndexedDB key each, so two tabs never overwrite each other's layers.
 * Stored by structured clone; compared by {@link layerFingerprint} (never the whole collection).
 */
export function userLayerStore(options: ItemStoreOptions<UserLayerSpec> = { channel: 'backan-user-layers' }): ItemStore<UserLayerSpec> {
  // A big layer's map parts are stored beside its record by the import worker (display-part.ts);
  // its features are stored in parts (record-parts.ts), read back without a long task.
  return new ItemStore<UserLayerSpec>(LAYER_PREFIX, 'imported layers', {
    fingerprint: layerFingerprint,
    alongside: (id) => [MAP_PART_PREFIX + id],
    inParts: { name: layerName },
    ...options,
  });
}

/** A stored layer as messages name it: `"file name" (id)`. */
function layerName(head: unknown, id: string): string {
  const name = (head as Partial<UserLayerSpec> | null)?.name;
  return typeof name === 'string' ? `"${name}" (${id})` : id;
}

/**
 * What tells a changed imported layer from an unchanged one without serialising its features:
 * everything but the collection, the number of features and the first and last of them. A layer's
 * features are never edited in place (a new import is a new layer), so this is enough, and it is
 * the same for the layer and its stored copy.
 */
export function layerFingerprint(l: UserLayerSpec): string {
  const { collection, ...meta } = l;
  const fs = Array.isArray(collection?.features) ? collection.features : [];
  return JSON.stringify([meta, fs.length, fs[0] ?? null, fs[fs.length - 1] ?? null]);
}

/**
 * Reads the saved layers in the order they were added (ids carry the time), migrating the legacy
 * record. `unreadable`: records that are not layers; `failed`: layers stored in parts that could
 * not be read whole (each error names the layer and the part); both stay stored. `storedWhole`:
 * ids of big layers an earlier version stored as one record. `onEarly` is told the big reference
 * layers stored in parts (without their features) as soon as their heads are read, before their
 * features are.
 */
export async function loadUserLayers(store: ItemStore<UserLayerSpec>, onEarly?: (early: EarlyLayer[]) => void): Promise<{ layers: UserLayerSpec[]; unreadable: number; failed: Error[]; storedWhole: string[] }> {
  const { items: all, failed, storedWhole } = await store.read({
    key: LEGACY_KEY,
    split: (old) => (Array.isArray(old) ? (old as UserLayerSpec[]).filter(isLayer).map((l) => [l.id, l]) : []),
  }, onEarly && ((heads) => onEarly(earlyBigLayers(heads))));
  const layers = [...all.values()].filter(isLayer).sort((a, b) => (a.addedAt ?? 0) - (b.addedAt ?? 0) || a.id.localeCompare(b.id));
  return { layers, unreadable: all.size - layers.length, failed, storedWhole };
}
/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface PendingImport {
  file: { name: string; bytes: Uint8Array };
  result: ImportResult;
  fromCrs?: number;
  columns?: ColumnMapping;
}

export class Importer {
  busy = $state(false);
  progress = $state(0);
  pending = $state.raw<PendingImport | null>(null);
  error = $state<string | null>(null);
  private client = new ImportClient();
  /** Runs started; only the newest one's result is shown. */
  private runs = 0;
  private store = userLayerStore();
  private subscribed = false;

  constructor(private app: AppState) {
    // A big reference layer's map part is written by the import worker from the stored record.
    app.displayPart = (spec, keys) => {
      const { collection, ...meta } = spec;
      void collection;
      return this.client.displayPart(`${LAYER_PREFIX}${spec.id}`, meta, APP_DB, keys);
    };
    app.storedDisplayPart = (layer, keys) => this.client.storedDisplayPart(layer.id, APP_DB, keys);
  }

  /** Reads a File from a picker or a drop. */
  async importFile(file: File): Promise<void> {
    this.error = null;
    if (file.size > MAX_IMPORT_BYTES) {
      // Refused before reading, explained like any other issue (headline and reason in both languages).
      const message = `"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB, over the limit of ${MAX_IMPORT_BYTES / 1048576} MB; it was not read. Split it or convert it with npm run convert.`;
      this.pending = { file: { name: file.name, bytes: new Uint8Array(0) }, result: { ok: false, issues: [{ severity: 'error', code: 'file-too-large', message }] } };
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await this.run({ name: file.name, bytes });
  }

  /**
   * Runs (or re-runs, with a CRS or columns chosen) the import of the pending file. A newer run
   * supersedes an unfinished one: the older's result is dropped (its features stop coming).
   */
  async run(file: { name: string; bytes: Uint8Array }, fromCrs?: number, columns?: ColumnMapping): Promise<void> {
    const run = ++this.runs;
    this.busy = true;
    this.progress = 0;
    try {
      const m = this.app.manifest;
      const result = await this.client.importFile(
        { name: file.name, bytes: file.bytes },
        { regionBbox: m?.region.bbox, preferredCrs: m?.region.crs, maxBytes: MAX_IMPORT_BYTES, ...(fromCrs ? { fromCrs } : {}), ...(columns ? { columns } : {}) },
        (f) => { if (run === this.runs) this.progress = f; },
      );
      if (run !== this.runs) return;
      // Cancelled: say so, rather than clearing the panel without a word.
      this.pending = { file, result: result ?? { ok: false, issues: [abortIssue()] }, fromCrs, columns };
    } catch (e) {
      if (run === this.runs) this.error = `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (run === this.runs) this.busy = false;
    }
  }

  cancel(): void {
    this.client.cancel();
  }

  discard(): void {
    this.pending = null;
  }

  /** Adds the pending (successful) import as a user layer in the given role. */
  accept(role: Omit<UserLayerSpec, 'id' | 'name' | 'collection'>): void {
    const p = this.pending;
    if (!p?.result.ok) return;
    const ok = p.result as ImportSuccess;
    // Unique across tabs (two tabs importing at once must not reuse an id).
    const ids = new Set(this.app.userLayers.map((l) => l.id));
    const addedAt = Date.now();
    const newId = () => `user-${addedAt.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
    let id = newId();
    while (ids.has(id)) id = newId();
    const layer: UserLayerSpec = { ...role, id, name: p.file.name, collection: ok.collection, addedAt };
    this.app.userLayers = [...this.app.userLayers, layer];
    this.pending = null;
    void this.saveNew(layer);
  }

  /**
   * Saves a new layer: the import worker, which still holds its features, writes the record (no
   * clone of a 200 000-point collection on the main thread); else the store writes it.
   */
  private async saveNew(layer: UserLayerSpec): Promise<void> {
    const { collection, ...meta } = layer;
    void collection;
    await this.store.adopt(layer.id, layer, (key, db) => this.client.storeLayer(key, meta, db, layerFingerprint(layer)));
    await this.save();
  }

  remove(id: string): void {
    this.app.userLayers = this.app.userLayers.filter((l) => l.id !== id);
    void this.save();
  }

  /** Exports any collection in the worker (formats, CRS) and returns the file. */
  export(...args: Parameters<ImportClient['exportCollection']>) {
    return this.client.exportCollection(...args);
  }

  /** Reads the saved layers, and reloads them whenever another tab changes them. */
  async load(): Promise<void> {
    if (!this.subscribed) {
      this.subscribed = true;
      this.store.onExternalChange(() => void this.load());
    }
    try {
      // A big layer's points are drawn from its stored map part while its features are read.
      const { layers, unreadable, failed, storedWhole } = await loadUserLayers(this.store, (early) => {
        if (early.length) this.app.earlyBigLayers = early;
      });
      this.app.userLayers = layers;
      if (this.app.earlyBigLayers.length) this.app.earlyBigLayers = [];
      // A big layer stored whole by an earlier version: the import worker rewrites it in parts
      // (read back without a long task from the next visit on); failing that, it stays as it is.
      for (const l of layers) if (storedWhole.includes(l.id)) void this.client.storeInParts(`${LAYER_PREFIX}${l.id}`, APP_DB, layerFingerprint(l));
      if (unreadable) this.app.notify('layersNotRead', `${unreadable} imported layer(s) could not be read and were set aside`);
      for (const e of failed) this.app.notices = [...this.app.notices, noticeOf('layerNotRead', e)];
    } catch (e) {
      if (this.app.earlyBigLayers.length) this.app.earlyBigLayers = [];
      this.app.notices = [...this.app.notices, noticeOf('layersNotRead', e)];
    }
  }

  private async save(): Promise<void> {
    try {
      await this.store.save(new Map(this.app.userLayers.map((l) => [l.id, l])));
    } catch (e) {
      this.app.notices = [...this.app.notices, noticeOf('layersNotSaved', e)];
    }
  }
}
