/**
 * Main-thread side of the import worker. The worker (and its ~600 kB of format and projection
 * code) starts on the first import. Cancel terminates it: parsing is synchronous inside the
 * worker, so no message could interrupt it; the next import starts a fresh worker.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ImportInput, ImportOptions, ImportResult } from '../lib/data/import/types.ts';
import type { ExportOptions, ExportResult } from '../lib/data/export/index.ts';
import type { ImportApi } from './import.worker.ts';

export class ImportClient {
  private worker: Worker | null = null;
  private api: Remote<ImportApi> | null = null;
  private cancelRun: (() => void) | null = null;

  private start(): Remote<ImportApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      this.api = wrap<ImportApi>(this.worker);
    }
    return this.api;
  }

  /** Imports one file; resolves to null when cancelled. */
  async importFile(input: ImportInput, options: Omit<ImportOptions, 'signal' | 'onProgress'>, onProgress: (f: number) => void): Promise<ImportResult | null> {
    const api = this.start();
    const cancelled = new Promise<null>((resolve) => {
      this.cancelRun = () => {
        this.worker?.terminate();
        this.worker = null;
        this.api = null;
        resolve(null);
      };
    });
    try {
      return await Promise.race([api.importFile(input, options, proxy(onProgress)), cancelled]);
    } finally {
      this.cancelRun = null;
    }
  }

  cancel(): void {
    this.cancelRun?.();
  }

  /** Exports a collection (reprojected) in the worker. */
  exportCollection(fc: FeatureCollection<Geometry | null>, options: ExportOptions): Promise<ExportResult> {
    return this.start().exportCollection(fc, options);
  }
}
