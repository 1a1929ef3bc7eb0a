/**
 * The analysis of every site, as state: owns the worker client, the rows, the progress and the
 * error, and re-runs when the data (bundled or imported), the sites, the radius or the weights
 * change; the worker rebuilds its indexes only when the layers themselves changed. Shaped like
 * `Importer`; the client is made on the first `follow()` (injectable, so the behaviour is testable
 * without a browser).
 */
import type { Feature } from 'geojson';
import type { AnalysisOptions, Layers, SiteAnalysis } from '../analysis/analyze.ts';
import type { SiteRow, SlimRow } from '../analysis/site-row.ts';
import { AnalysisClient, type RunHandle } from '../../workers/analysis-client.ts';
import type { SaveReport, SetRanges } from '../../workers/analysis-session.ts';
import { withRanges, withRowRange, type RangeStatus } from './score-ranges.ts';
import type { ExportPiece, ExportRequest } from '../../workers/table-export-jobs.ts';
import type { ChunkCredits } from '../analysis/table-stream.ts';
import type { ExportOptions } from '../data/export/index.ts';

/** What the analysis needs from a worker client (see `AnalysisClient`). */
export interface AnalysisRunner {
  setLayers(layers: Layers): void;
  run(sites: Feature[], opts: AnalysisOptions, onProgress?: (done: number, total: number) => void): RunHandle;
  /** Score and rank ranges of the whole set of the last run; null when a newer run started. */
  ranges?(): Promise<SetRanges | null>;
  /** Full rows of the last run's sites at `indices`, checked against `ids`. */
  fullRows?(indices: number[], ids?: string[]): Promise<SiteAnalysis[]>;
  /** A file of some of the last run's rows written in the worker, a piece at a time (see table-export-jobs.ts). */
  exportPieces?(req: ExportRequest): AsyncGenerator<ExportPiece>;
  /** Once the last save is written, what the store holds for the last complete analysis. */
  saved?(): Promise<SaveReport | null>;
  /** Sites the engine analysed in the last finished run (not taken from the cache or the saved analysis). */
  readonly lastRunAnalysed?: number;
}

/** The inputs the analysis follows; read inside an effect, so every read is tracked. */
export interface AnalysisInputs {
  /** False until the data package is loaded: nothing runs before. */
  ready: boolean;
  layers: Layers;
  sites: Feature[];
  opts: AnalysisOptions;
}

/** Progress is shown only when a run takes longer than this, ms. */
export const SHOW_PROGRESS_AFTER_MS = 150;
/** The whole set's score and rank ranges are asked for only when no newer run followed within this, ms. */
export const RANGES_GRACE_MS = 300;

export class AnalysisState {
  /**
   * One row per site (existing, drafts, imported), from the last finished run: the slim rows the
   * page displays (lib/analysis/site-row.ts); the full ones are fetched with `fullRows`.
   */
  rows = $state.raw<SlimRow[]>([]);
  /** Progress of a running analysis (shown only after a moment), or null. */
  progress = $state<{ done: number; total: number } | null>(null);
  error = $state<string | null>(null);
  /** Score and rank ranges of the whole set: being computed, or too many sites. */
  rangeStatus = $state<RangeStatus>(null);
  byId: Map<string, SlimRow> = $derived(new Map(this.rows.map((r) => [r.id, r])));
  /** Id of the site whose full row the card shows (set by the card once fetched; the map frames again then, as the card has grown). */
  cardFull = $state<string | null>(null);
  /** Sites the engine analysed in the last finished run (0 when every row was reused), or null. */
  analysed = $state<number | null>(null);
  /** What the browser's store holds for the last finished run, once written (see SaveReport), or null. */
  saved = $state<SaveReport | null>(null);
  /** Finished runs so far (a save report is kept only for the last one). */
  private finished = 0;

  private client: AnalysisRunner | null = null;
  private indexedLayers: unknown = null;

  /** Position of each row (by the row, then by id) in `rows`, for the worker's full rows. */
  private positions: { rows: SlimRow[]; byRow: Map<SiteRow, number>; byId: Map<string, number> } | null = null;

  constructor(private makeClient: () => AnalysisRunner = () => new AnalysisClient()) {}

  /**
   * Follows `inputs()`: a run as soon as they are ready and on every change after; a newer run
   * cancels the older one. Returns the function that stops following (and cancels the last run).
   */
  follow(inputs: () => AnalysisInputs, now: () => number = () => performance.now()): () => void {
    return $effect.root(() => {
      $effect(() => {
        const { ready, layers, sites, opts } = inputs();
        if (!ready) return;
        const client = (this.client ??= this.makeClient());
        if (layers !== this.indexedLayers) {
          client.setLayers(layers);
          this.indexedLayers = layers;
        }
        this.error = null;
        const started = now();
        let shown = false;
        const handle = client.run(sites, opts, (done, total) => {
          // Show progress only when the work takes longer than a moment.
          if (!shown && now() - started > SHOW_PROGRESS_AFTER_MS) shown = true;
          if (shown) this.progress = { done, total };
        });
        handle.done
          .then((rows) => {
            if (!rows) return;
            this.rows = rows;
            this.analysed = client.lastRunAnalysed ?? null;
            void this.savedOf(client, ++this.finished);
            void this.rangesOf(client, rows);
          })
          .catch((e) => { this.error = e instanceof Error ? e.message : String(e); })
          .finally(() => { this.progress = null; });
        return () => handle.cancel();
      });
    });
  }

  /** What the store holds once the save of finished run `run` is written (a newer run's report wins). */
  private async savedOf(client: AnalysisRunner, run: number): Promise<void> {
    if (!client.saved) return;
    this.saved = null;
    try {
      const report = await client.saved();
      if (run === this.finished) this.saved = report;
    } catch { /* no report: the page shows none */ }
  }

  /** Score and rank ranges of the whole set, once its batches are in (a separate worker message). */
  private async rangesOf(client: AnalysisRunner, rows: SlimRow[]): Promise<void> {
    if (!client.ranges) return;
    this.rangeStatus = { state: 'computing' };
    // a moment's grace: a run that follows at once (a draft being drawn) makes these ranges moot, and
    // the worker would compute them before the new run's batches
    await new Promise((r) => setTimeout(r, RANGES_GRACE_MS));
    if (this.rows !== rows) return;
    try {
      const out = await client.ranges();
      if (!out || this.rows !== rows) return; // a newer run took over
      const merged = withRanges(rows, out);
      // too many sites: the rows stay the same array (a new one would redo every view of them)
      if (merged.status?.state !== 'tooMany') this.rows = merged.rows;
      this.rangeStatus = merged.status;
    } catch (e) {
      this.rangeStatus = null;
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * The full rows of some of the page's rows (in that order), from the analysis worker, with the
   * score ranges the page's rows carry (the worker's rows have none): the card, the dossier and
   * the exports. Rows no longer in the analysis, or a worker whose sites changed since, throw.
   * @throws `site "x" is not in the analysis`
   */
  async fullRows(list: readonly SiteRow[]): Promise<SiteAnalysis[]> {
    const client = this.client;
    if (!client?.fullRows) throw new Error('the analysis has not run yet');
    const rows = this.rows;
    const indices = this.indicesOf(list);
    const full = await client.fullRows(indices, indices.map((i) => rows[i].id));
    // the page's score ranges: the same merge as `withRanges` (same key order)
    return full.map((f, k) => withRowRange(f, rows[indices[k]].uncertainty));
  }

  /**
   * The CSV or GeoJSON of some of the page's rows (in that order), written by the analysis worker
   * from its full rows with the page's score ranges, as text pieces; `progress` hears the rows
   * written so far. Same errors as {@link fullRows}.
   */
  exportChunks(list: readonly SiteRow[], format: 'csv' | 'geojson', credits?: ChunkCredits, progress?: (done: number, total: number) => void): AsyncGenerator<string> {
    return this.pieces(list, { format, credits }, progress);
  }

  /**
   * The Data panel's file of some of the page's rows (flat columns, in `options`' format and CRS),
   * written by the analysis worker as {@link exportChunks} is. Same errors, and the writer's
   * (`collectionWriter`) for impossible options.
   */
  collectionChunks(list: readonly SiteRow[], options: ExportOptions, progress?: (done: number, total: number) => void): AsyncGenerator<string> {
    return this.pieces(list, { format: 'collection', collection: options }, progress);
  }

  private async *pieces(list: readonly SiteRow[], what: Pick<ExportRequest, 'format' | 'credits' | 'collection'>, progress?: (done: number, total: number) => void): AsyncGenerator<string> {
    const client = this.client;
    if (!client?.exportPieces) throw new Error('the analysis has not run yet');
    const rows = this.rows;
    const indices = this.indicesOf(list);
    const req: ExportRequest = { ...what, indices, ids: indices.map((i) => rows[i].id), uncertainty: indices.map((i) => rows[i].uncertainty) };
    for await (const piece of client.exportPieces(req)) {
      progress?.(piece.rows, piece.total);
      if (piece.text) yield piece.text;
    }
  }

  /**
   * Positions in the analysis of some of the page's rows (by the row, else by its id).
   * @throws `site "x" is not in the analysis`
   */
  private indicesOf(list: readonly SiteRow[]): number[] {
    const rows = this.rows;
    if (this.positions?.rows !== rows) {
      const byRow = new Map<SiteRow, number>(), byId = new Map<string, number>();
      rows.forEach((r, i) => { byRow.set(r, i); byId.set(r.id, i); });
      this.positions = { rows, byRow, byId };
    }
    const { byRow, byId } = this.positions;
    return list.map((r) => {
      const i = byRow.get(r) ?? byId.get(r.id);
      if (i === undefined) throw new Error(`site ${JSON.stringify(r.id)} is not in the analysis`);
      return i;
    });
  }

  /** The full row of one of the page's rows (see {@link fullRows}). */
  async fullRow(row: SiteRow): Promise<SiteAnalysis> {
    return (await this.fullRows([row]))[0];
  }
}
