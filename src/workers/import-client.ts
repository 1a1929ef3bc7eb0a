/**
 * Main-thread side of the import worker. The worker (and its ~600 kB of format and projection
 * code) starts on the first import. Cancel terminates it: parsing is synchronous inside the
 * worker, so no message could interrupt it; the next import starts a fresh worker. So does a
 * worker that fails (`error`: e.g. its chunk cannot be loaded offline; `messageerror`) or takes
 * longer than the timeout: it is terminated and the import resolves to an explained failure
 * (`worker-failed`, `worker-timeout`), never to a progress bar stuck at 0 %.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ImportFailure, ImportInput, ImportOptions, ImportResult } from '../lib/data/import/types.ts';
import type { ExportOptions } from '../lib/data/export/index.ts';
import { CsvPlanner, type CsvPlan } from '../lib/data/export/csv-plan.ts';
import { plain } from '../lib/plain.ts';
import { nextTask } from '../lib/map/geojson-url.ts';
import type { ImportApi } from './import.worker.ts';
import type { UserLayerSpec } from '../lib/data/user-layers.ts';
import type { DisplayParts } from '../lib/map/display-part.ts';
import { FeatureReceiver } from './import-parts.ts';

/** Longest an import may run in the worker, ms (a 50 MB file takes well under a minute on a phone). */
export const IMPORT_TIMEOUT_MS = 180_000;
/**
 * Share of the progress bar for reading the file in the worker; the rest is its features reaching
 * the page in parts (see `import-parts.ts`).
 */
export const READ_SHARE = 0.9;
/** Features per message of an export (a plain copy and a structured clone of a few ms each). */
export const EXPORT_SLICE = 5000;

type WorkerFactory = () => Worker;

export class ImportClient {
  private worker: Worker | null = null;
  private api: Remote<ImportApi> | null = null;
  private cancelRun: (() => void) | null = null;
  /** Rejected with the reason when the current worker fails. */
  private failed: Promise<ImportFailure> | null = null;
  /** Ends the current import as superseded (a newer one started): its remaining parts are not read. */
  private supersede: (() => void) | null = null;
  /** Imports started (the newest is the current one). */
  private runs = 0;

  constructor(
    private readonly makeWorker: WorkerFactory = () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
    private readonly timeoutMs = IMPORT_TIMEOUT_MS,
  ) {}

  private start(): Remote<ImportApi> {
    if (!this.api) {
      const worker = this.makeWorker();
      this.worker = worker;
      this.failed = new Promise<ImportFailure>((resolve) => {
        const fail = (what: string) => {
          this.stop();
          resolve({ ok: false, issues: [{ severity: 'error', code: 'worker-failed', message: `The file reader (a background worker) stopped: ${what}. Reload the page when online and try again.` }] });
        };
        worker.addEventListener('error', (e) => {
          e.preventDefault?.();
          fail(e.message || 'its code could not be loaded or it crashed');
        });
        worker.addEventListener('messageerror', () => fail('a message could not be read'));
      });
      this.api = wrap<ImportApi>(worker);
    }
    return this.api;
  }

  /** Terminates the worker; the next call starts a fresh one. */
  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  /**
   * Imports one file; resolves to null when cancelled or superseded by a newer import, to a
   * `worker-failed` / `worker-timeout` failure when the worker does, to a `result-part-lost`
   * failure when its features did not all reach the page. Many features come in parts, each read
   * in its own task (see `import-parts.ts`); `onProgress` gets the reading, then the parts.
   */
  async importFile(input: ImportInput, options: Omit<ImportOptions, 'signal' | 'onProgress'>, onProgress: (f: number) => void): Promise<ImportResult | null> {
    this.supersede?.();
    const run = ++this.runs;
    const api = this.start();
    const failed = this.failed!;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancelled = new Promise<null>((resolve) => {
      this.cancelRun = () => {
        this.stop();
        resolve(null);
      };
    });
    const superseded = new Promise<null>((resolve) => (this.supersede = () => resolve(null)));
    const { port1, port2 } = new MessageChannel();
    const receiver = new FeatureReceiver(port1, input.name, (f) => onProgress(READ_SHARE + (1 - READ_SHARE) * f));
    const timedOut = new Promise<ImportFailure>((resolve) => {
      timer = setTimeout(() => {
        this.stop();
        resolve({ ok: false, issues: [{ severity: 'error', code: 'worker-timeout', message: `Reading "${input.name}" took more than ${this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`} and was stopped.` }] });
      }, this.timeoutMs);
    });
    try {
      const read = api.importFile(input, options, proxy((f: number) => onProgress(f * READ_SHARE)), transfer(port2, [port2]));
      return await Promise.race([read.then((r) => receiver.result(r)), receiver.failed, superseded, cancelled, failed, timedOut]);
    } finally {
      clearTimeout(timer);
      receiver.close();
      // unless a newer import replaced them already
      if (this.runs === run) {
        this.cancelRun = null;
        this.supersede = null;
      }
    }
  }

  cancel(): void {
    this.cancelRun?.();
  }

  /**
   * Stores the last import's collection with `meta` under `key` from the worker (no clone of the
   * features on the main thread). False when the worker no longer holds it (cancelled, restarted).
   */
  async storeLayer(key: string, meta: Record<string, unknown>, db: { name: string; store: string }, fingerprint: string): Promise<boolean> {
    if (!this.api) return false;
    const failed = this.failed!.then(() => false);
    return Promise.race([this.api.storeLayer(key, meta, db, fingerprint), failed]);
  }

  /**
   * Rewrites in parts the stored layer `key` that an earlier version stored as one record (in the
   * worker, see `record-parts.ts`); false when it did not (already in parts, gone, the worker failed).
   */
  async storeInParts(key: string, db: { name: string; store: string }, fingerprint: string): Promise<boolean> {
    const api = this.start();
    const failed = this.failed!.then(() => false);
    return Promise.race([api.storeInParts(key, db, fingerprint).catch(() => false), failed]);
  }

  /**
   * The map's parts of the stored layer `key` written in the worker (see `display-part.ts`); null
   * when the worker cannot (no such record, the worker failed): the caller writes it itself.
   */
  async displayPart(key: string, meta: Omit<UserLayerSpec, 'collection'>, db: { name: string; store: string }, keys: string[]): Promise<DisplayParts | null> {
    const api = this.start();
    const failed = this.failed!.then(() => null);
    return Promise.race([api.displayPart(key, meta, db, keys).catch(() => null), failed]);
  }

  /**
   * The map's parts stored next to layer `id` for `keys` (see `display-part.ts`), read in the
   * worker; null when there are none of this format (or the worker failed).
   */
  async storedDisplayPart(id: string, db: { name: string; store: string }, keys: string[]): Promise<DisplayParts | null> {
    const api = this.start();
    const failed = this.failed!.then(() => null);
    return Promise.race([api.storedDisplayPart(id, db, keys).catch(() => null), failed]);
  }

  /**
   * Exports a collection (reprojected) in the worker: its features go a slice at a time (each
   * copied to plain JSON, so Svelte state can be exported), a CSV's columns planned on the way here
   * first; the file comes back as a Blob. Rejects with the writer's error (impossible options) or
   * when the worker fails.
   */
  async exportCollection(fc: FeatureCollection<Geometry | null>, options: ExportOptions, slice = EXPORT_SLICE): Promise<{ filename: string; mime: string; blob: Blob }> {
    const api = this.start();
    const failed = this.failed!.then((f) => Promise.reject(new Error(f.issues[0].message)));
    const call = <T>(p: Promise<T>) => Promise.race([p, failed]);
    const features = fc.features;
    let plan: CsvPlan | undefined;
    if (options.format === 'csv') {
      const planner = new CsvPlanner();
      for (let i = 0; i < features.length; i += slice) {
        if (i > 0) await nextTask();
        planner.add(features.slice(i, i + slice));
      }
      plan = planner.plan;
    }
    const job = await call(api.exportBegin(options, plan));
    try {
      for (let i = 0; i < features.length; i += slice) await call(api.exportPart(job, plain(features.slice(i, i + slice))));
      return await call(api.exportFinish(job));
    } catch (e) {
      void api.exportCancel(job).catch(() => undefined);
      throw e;
    }
  }
}
