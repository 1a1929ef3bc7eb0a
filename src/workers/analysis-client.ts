/**
 * Main-thread side of the analysis worker. The sites go to the worker once per run; the page's
 * slim rows (lib/analysis/site-row.ts) come back in large batches (sized so each takes about a quarter of a second in the worker, at most
 * MAX_BATCH sites), so progress can be shown and a run cancelled between batches without paying a
 * round trip per few sites. Results of runs that a newer run superseded are dropped. The full rows
 * stay in the worker: `fullRows` fetches those of some sites on demand (the card, the dossier, the
 * exports, in parts).
 */
import { wrap, type Remote } from 'comlink';
import type { Feature } from 'geojson';
import type { AnalysisOptions, Layers, SiteAnalysis } from '../lib/analysis/analyze.ts';
import type { SaveReport, SetRanges, SlimBatch } from './analysis-session.ts';
import type { ExportPiece, ExportRequest } from './table-export-jobs.ts';
import { internIds, type SlimRow } from '../lib/analysis/site-row.ts';
import { plain } from '../lib/plain.ts';
import { FIRST_PART, sendInParts, type PartOptions } from './parts.ts';

export interface RunHandle { cancel(): void; done: Promise<SlimRow[] | null> }

/** The worker calls the client makes (the worker's API, or a direct session in tests). */
export interface AnalysisBackend {
  init(layers: Layers): Promise<unknown> | unknown;
  setSites(sites: Feature[], opts: AnalysisOptions): Promise<number> | number;
  /** Part `index` of the sites of run `run` (see parts.ts); the worker's count of them so far. */
  sitesPart?(run: number, index: number, sites: Feature[]): Promise<number> | number;
  /** Sets the `total` sites of run `run` sent in parts, and the options; as `setSites`. */
  setSitesSent?(run: number, total: number, opts: AnalysisOptions): Promise<number> | number;
  slimBatch(start: number, end: number): Promise<SlimBatch> | SlimBatch;
  fullRows(indices: number[], ids?: string[]): Promise<SiteAnalysis[]> | SiteAnalysis[];
  ranges?(maxSites?: number): Promise<SetRanges> | SetRanges;
  saved?(): Promise<SaveReport | null> | SaveReport | null;
  /** A file written in the worker (table-export-jobs.ts): started, pulled a piece at a time, ended. */
  exportStart?(req: ExportRequest): Promise<number> | number;
  exportNext?(job: number): Promise<ExportPiece> | ExportPiece;
  exportEnd?(job: number): Promise<void> | void;
}

export const FIRST_BATCH = 256;
export const MAX_BATCH = 8192;
/**
 * Most rows per batch when the last one came wholly from the cache (a reload reusing the saved
 * analysis): they cost the worker nothing, but each message is read on the page in one task.
 */
export const MAX_CACHED_BATCH = 2048;
/** Wanted time per batch, ms: long enough to make round trips negligible, short enough to cancel. */
const TARGET_MS = 250;

export class AnalysisClient {
  private api: AnalysisBackend;
  private worker: Worker | null = null;
  private ready: Promise<unknown> = Promise.resolve();
  private generation = 0;
  /** Generation of the last run that finished (its rows returned). */
  private finished = 0;
  /** One string per target id across the rows (see `internIds`). */
  private ids = new Map<string, string>();
  /** Round trips of the last run (for tests). */
  lastRunBatches = 0;
  /** Sites the engine analysed in the last finished run (the others came from the cache or the saved analysis). */
  lastRunAnalysed = 0;

  /** Sizes of the parts the sites are sent in (see parts.ts). */
  private partOptions: Required<Pick<PartOptions, 'first'>> & PartOptions;

  constructor(backend?: AnalysisBackend, parts: PartOptions = {}) {
    this.partOptions = { first: FIRST_PART, ...parts };
    if (backend) this.api = backend;
    else {
      this.worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
      this.api = wrap<AnalysisBackend>(this.worker) as Remote<AnalysisBackend> as AnalysisBackend;
    }
  }

  /** Rebuilds the worker's indexes for a new set of layers. */
  setLayers(layers: Layers): void {
    this.ready = Promise.resolve(this.api.init(layers));
  }

  /**
   * Analyses `sites`. `onProgress(done, total)` after each batch. Resolves to null when cancelled
   * or superseded by a newer run.
   */
  run(sites: Feature[], opts: AnalysisOptions, onProgress?: (done: number, total: number) => void): RunHandle {
    const gen = ++this.generation;
    let cancelled = false;
    const stale = () => cancelled || gen !== this.generation;
    const done = (async () => {
      await this.ready;
      if (stale()) return null;
      const total = await this.send(gen, sites, opts, stale);
      if (total === null) return null;
      const out: SlimRow[] = new Array(total);
      let size = FIRST_BATCH;
      let batches = 0;
      let analysed = 0;
      for (let i = 0; i < total;) {
        if (stale()) return null;
        const end = Math.min(total, i + size);
        const t = performance.now();
        const { rows, cached } = await this.api.slimBatch(i, end);
        batches++;
        internIds(rows, this.ids);
        for (let j = 0; j < rows.length; j++) out[i + j] = rows[j];
        // Grow (or shrink) the next batch towards TARGET_MS of engine work.
        const computed = rows.length - cached;
        analysed += computed;
        const perSite = computed > 0 ? (performance.now() - t) / computed : 0;
        size = perSite > 0 ? Math.max(64, Math.min(MAX_BATCH, Math.round(TARGET_MS / perSite))) : MAX_CACHED_BATCH;
        i = end;
        onProgress?.(i, total);
      }
      this.lastRunBatches = batches;
      this.lastRunAnalysed = analysed;
      if (stale()) return null;
      this.finished = gen;
      return out;
    })();
    return { cancel: () => { cancelled = true; }, done };
  }

  /**
   * Sends the sites and options of run `gen`: in parts when there are more than a first part's
   * worth and the worker takes parts (one message of 50 000 sites was one long task on the page),
   * else in one message. Resolves to the worker's count of sites, or null when a newer run started
   * while the parts were sent.
   */
  private async send(gen: number, sites: Feature[], opts: AnalysisOptions, stale: () => boolean): Promise<number | null> {
    const api = this.api;
    // called as methods: a comlink proxy forwards `f.call(...)` as a call of `call`, with `this` as an argument
    if (sites.length > this.partOptions.first && api.sitesPart && api.setSitesSent) {
      const sent = await sendInParts(sites, (part, index) => api.sitesPart!(gen, index, part), stale, this.partOptions);
      if (sent === null || stale()) return null;
      return retryPlain(() => api.setSitesSent!(gen, sites.length, opts), () => api.setSitesSent!(gen, sites.length, plain(opts)));
    }
    return retryPlain(() => this.api.setSites(sites, opts), () => this.api.setSites(plain(sites), plain(opts)));
  }

  /**
   * Score and rank ranges of the whole set of the last run (call after its `done`); null when a
   * newer run started meanwhile (its ranges will follow it).
   */
  async ranges(maxSites?: number): Promise<SetRanges | null> {
    const gen = this.generation;
    if (!this.api.ranges) throw new Error('analysis backend has no ranges()');
    // A newer run is under way: the worker already holds its sites, and would analyse them here
    // (rows its batches would then take as cached) and draw ranges nobody reads. Not asked.
    if (gen !== this.finished) return null;
    const out = await this.api.ranges(maxSites);
    return gen === this.generation ? out : null;
  }

  /**
   * Full rows of the last run's sites at `indices` (positions in its rows), checked against `ids`
   * when given (a newer run's sites throw rather than answer for the wrong site).
   */
  async fullRows(indices: number[], ids?: string[]): Promise<SiteAnalysis[]> {
    await this.ready;
    return this.api.fullRows(indices, ids);
  }

  /**
   * The CSV or GeoJSON of the last run's rows at `req.indices`, written in the worker, a piece at a
   * time (each piece's text read on the page in a task of its own). Stopping early ends the job.
   */
  async *exportPieces(req: ExportRequest): AsyncGenerator<ExportPiece> {
    const api = this.api;
    if (!api.exportStart || !api.exportNext) throw new Error('this analysis worker writes no files');
    await this.ready;
    const job = await api.exportStart(req);
    let end = false;
    try {
      while (!end) {
        const piece = await api.exportNext(job);
        end = piece.end;
        yield piece;
      }
    } finally {
      if (!end) await api.exportEnd?.(job);
    }
  }

  /** Once the last save is written, what the worker's store holds for the last complete analysis. */
  async saved(): Promise<SaveReport | null> {
    return this.api.saved ? this.api.saved() : null;
  }

  terminate(): void {
    this.worker?.terminate();
  }
}

/** `call()`, or `again()` when Svelte's $state proxies made its message uncloneable (a plain JSON copy). */
async function retryPlain<T>(call: () => Promise<T> | T, again: () => Promise<T> | T): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'DataCloneError')) throw e;
    return again();
  }
}
