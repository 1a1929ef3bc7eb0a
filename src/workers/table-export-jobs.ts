/**
 * The analysis table's exports written in the analysis worker: the page sends which of its rows to
 * write, in its order (positions in the analysis, ids, and the score ranges it holds), and pulls
 * the file's text back a piece at a time. The worker has the full rows (kept, or analysed again)
 * and the sites' attributes, so no full row crosses to the page: before, every part of 1 000 full
 * rows (≈ 11 MB as a structured clone) was read and written out on the page in one task of
 * ≈ 250 ms. The text is {@link streamedCsvChunks} / {@link streamedGeoJsonChunks}: the same as the
 * page wrote. The Data panel's export of the analysis (flat columns, any format and CRS of
 * `data/export`) is written here the same way, with `collectionWriter`. Pure (runs and tests in Node).
 */
import type { Feature } from 'geojson';
import type { SiteAnalysis } from '../lib/analysis/analyze.ts';
import type { ScoreRange } from '../lib/analysis/score-range.ts';
import type { SiteRow } from '../lib/analysis/site-row.ts';
import type { ChunkCredits } from '../lib/analysis/table-stream.ts';
import { withRowRange } from '../lib/state/score-ranges.ts';
import { EXPORT_PART_ROWS, sitesById, streamedCsvChunks, streamedGeoJsonChunks } from '../lib/ui/table-export.ts';
import { TABLE_COLUMNS, toTableRows } from '../lib/analysis/table.ts';
import { collectionWriter, type ExportOptions } from '../lib/data/export/index.ts';

/** What to write: the rows at these positions of the analysis, in this order. */
export interface ExportRequest {
  /** The table's CSV or GeoJSON, or (`collection`) the Data panel's file of the flat rows. */
  format: 'csv' | 'geojson' | 'collection';
  /** With `collection`: its format, CRS, name and credits. */
  collection?: ExportOptions;
  /** Positions of the rows in the analysis (the page's rows). */
  indices: number[];
  /** The ids the page expects at those positions (a changed set of sites throws). */
  ids: string[];
  /** The score ranges the page's rows carry (the worker's full rows have none). */
  uncertainty: (ScoreRange | null)[];
  credits?: ChunkCredits;
}

/** A piece of the file: its text, the rows written so far of `total`, and whether it is the last. */
export interface ExportPiece { text: string; rows: number; total: number; end: boolean }

/** Characters per piece sent to the page (each read there in a task of its own). */
export const EXPORT_PIECE_CHARS = 2 << 20;

/** Where the full rows and the sites come from (the analysis session). */
export interface ExportSource {
  fullRows(indices: readonly number[], ids?: readonly string[]): SiteAnalysis[];
  readonly currentSites: readonly Feature[];
}

/** A row to write: its position, id and range (what `full` needs of the page's row). */
type Wanted = Pick<SiteRow, 'id' | 'uncertainty'> & { at: number };

interface Job { chunks: AsyncGenerator<string>; written: { rows: number }; total: number }

export class ExportJobs {
  private jobs = new Map<number, Job>();
  private seq = 0;

  constructor(private readonly source: ExportSource, private readonly partRows = EXPORT_PART_ROWS) {}

  /**
   * Starts writing a file; returns its job number (pull it with {@link next}).
   * @throws `export: N positions, M ids, K ranges` when the lists differ in length
   */
  start(req: ExportRequest): number {
    const n = req.indices.length;
    if (req.ids.length !== n || req.uncertainty.length !== n) throw new Error(`export: ${n} positions, ${req.ids.length} ids, ${req.uncertainty.length} ranges`);
    const wanted: Wanted[] = req.indices.map((at, k) => ({ at, id: req.ids[k], uncertainty: req.uncertainty[k] }));
    const written = { rows: 0 };
    const full = async (part: readonly SiteRow[]) => {
      const ws = part as unknown as Wanted[];
      const rows = this.source.fullRows(ws.map((w) => w.at), ws.map((w) => w.id));
      written.rows += ws.length;
      return rows.map((r, k) => withRowRange(r, ws[k].uncertainty));
    };
    const rows = wanted as unknown as SiteRow[];
    const sites = this.source.currentSites;
    const chunks = req.format === 'collection' ? this.collection(wanted, full, req.collection)
      : req.format === 'csv'
      ? streamedCsvChunks(rows, full, sites, req.credits, this.partRows)
      : streamedGeoJsonChunks(rows, full, sites, req.credits, this.partRows);
    const job: Job = { chunks, written, total: n };
    const id = ++this.seq;
    this.jobs.set(id, job);
    return id;
  }

  /**
   * The Data panel's file of the analysis: each wanted site's geometry with its flat row (the
   * table's columns) as properties, in the options' format and CRS. Impossible options throw here,
   * before any row is analysed.
   * @throws `export: site "x" is not among the sites analysed`
   */
  private collection(wanted: readonly Wanted[], full: (part: readonly SiteRow[]) => Promise<SiteAnalysis[]>, options: ExportOptions | undefined): AsyncGenerator<string> {
    if (!options) throw new Error('export: no options for the collection');
    const byId = sitesById(this.source.currentSites);
    const geometry = wanted.map((w) => {
      const f = byId.get(w.id);
      if (!f) throw new Error(`export: site ${JSON.stringify(w.id)} is not among the sites analysed`);
      return f.geometry;
    });
    // every row has the table's columns (the id among them); the geometry types are the sites'
    const writer = collectionWriter(options, { keys: [...TABLE_COLUMNS], allPoints: geometry.every((g) => g?.type === 'Point'), useFeatureId: false });
    const partRows = this.partRows;
    return (async function* () {
      yield writer.head;
      for (let i = 0; i < wanted.length; i += partRows) {
        const part = wanted.slice(i, i + partRows);
        const flat = toTableRows(await full(part as unknown as SiteRow[]));
        yield writer.part(flat.map((properties, k) => ({ type: 'Feature' as const, geometry: geometry[i + k], properties })));
      }
      yield writer.tail;
    })();
  }

  /**
   * The next piece of job `id`: at least `maxChars` characters unless it ends. The job is forgotten
   * after its last piece, or when writing throws (the error is the page's to show).
   * @throws `no export N` (unknown, ended or failed)
   */
  async next(id: number, maxChars = EXPORT_PIECE_CHARS): Promise<ExportPiece> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no export ${id}`);
    const texts: string[] = [];
    let size = 0;
    try {
      while (size < maxChars) {
        const c = await job.chunks.next();
        if (c.done) {
          this.jobs.delete(id);
          return { text: texts.join(''), rows: job.written.rows, total: job.total, end: true };
        }
        texts.push(c.value);
        size += c.value.length;
      }
    } catch (e) {
      this.jobs.delete(id);
      throw e;
    }
    return { text: texts.join(''), rows: job.written.rows, total: job.total, end: false };
  }

  /** Stops job `id` (the page gave up on it); nothing when already ended. */
  end(id: number): void {
    const job = this.jobs.get(id);
    this.jobs.delete(id);
    void job?.chunks.return(undefined);
  }

  /** Jobs under way (tests). */
  get open(): number {
    return this.jobs.size;
  }
}
