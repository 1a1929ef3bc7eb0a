/**
 * The import workflow: read a file in the worker, show what was found (issues, rejected features,
 * the CRS, a column mapping to choose), let the user give it a role, then add it to the app.
 * A bad file never touches what is already loaded or drafted.
 */
import { get, set } from 'idb-keyval';
import type { ImportResult, ImportSuccess, ColumnMapping } from '../data/import/types.ts';
import type { UserLayerSpec } from '../data/user-layers.ts';
import { ImportClient } from '../../workers/import-client.ts';
import type { AppState } from './app-state.svelte.ts';

const KEY = 'user-layers:v1';
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
  private counter = 0;

  constructor(private app: AppState) {}

  /** Reads a File from a picker or a drop. */
  async importFile(file: File): Promise<void> {
    this.error = null;
    if (file.size > MAX_IMPORT_BYTES) {
      this.error = `"${file.name}" is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB. Split it or convert it with npm run convert.`;
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    await this.run({ name: file.name, bytes });
  }

  /** Runs (or re-runs, with a CRS or columns chosen) the import of the pending file. */
  async run(file: { name: string; bytes: Uint8Array }, fromCrs?: number, columns?: ColumnMapping): Promise<void> {
    this.busy = true;
    this.progress = 0;
    try {
      const m = this.app.manifest;
      const result = await this.client.importFile(
        { name: file.name, bytes: file.bytes },
        { regionBbox: m?.region.bbox, preferredCrs: m?.region.crs, maxBytes: MAX_IMPORT_BYTES, ...(fromCrs ? { fromCrs } : {}), ...(columns ? { columns } : {}) },
        (f) => (this.progress = f),
      );
      this.pending = result ? { file, result, fromCrs, columns } : null;
    } catch (e) {
      this.error = `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.busy = false;
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
    const ids = new Set(this.app.userLayers.map((l) => l.id));
    let id = `user-${++this.counter}`;
    while (ids.has(id)) id = `user-${++this.counter}`;
    this.app.userLayers = [...this.app.userLayers, { ...role, id, name: p.file.name, collection: ok.collection }];
    this.pending = null;
    void this.save();
  }

  remove(id: string): void {
    this.app.userLayers = this.app.userLayers.filter((l) => l.id !== id);
    void this.save();
  }

  /** Exports any collection in the worker (formats, CRS) and returns the file. */
  export(...args: Parameters<ImportClient['exportCollection']>) {
    return this.client.exportCollection(...args);
  }

  async load(): Promise<void> {
    try {
      const saved = (await get(KEY)) as UserLayerSpec[] | undefined;
      if (Array.isArray(saved)) this.app.userLayers = saved.filter((l) => l && typeof l.id === 'string' && l.collection?.type === 'FeatureCollection');
    } catch (e) {
      this.app.notices = [...this.app.notices, `imported layers could not be read: ${e instanceof Error ? e.message : String(e)}`];
    }
  }

  private async save(): Promise<void> {
    try {
      await set(KEY, JSON.parse(JSON.stringify(this.app.userLayers)));
    } catch (e) {
      this.app.notices = [...this.app.notices, `imported layers not saved: ${e instanceof Error ? e.message : String(e)}`];
    }
  }
}
