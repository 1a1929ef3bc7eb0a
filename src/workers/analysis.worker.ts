/**
 * The analysis worker: the same pure engine as Node and the CLI, off the main thread.
 * `init` builds the indexes once per set of layers; `setSites` receives the sites once per run
 * (many sites in parts: `sitesPart`, then `setSitesSent`);
 * `slimBatch` returns the page's rows of a range of them, reusing rows already computed (see
 * AnalysisSession); `fullRows` the full rows of some sites, on demand;
 * `ranges` the score and rank ranges over the whole set once the batches are in; `export*` the
 * table's CSV or GeoJSON written here (table-export-jobs.ts).
 */
import { expose } from 'comlink';
import type { Feature } from 'geojson';
import type { AnalysisOptions, Layers } from '../lib/analysis/analyze.ts';
import { AnalysisSession } from './analysis-session.ts';
import { idbResultStore } from './analysis-cache.ts';
import { SiteParts } from './parts.ts';
import { ExportJobs, type ExportRequest } from './table-export-jobs.ts';

// rows of the last complete analysis are saved in IndexedDB and reused on the next visit
const session = new AnalysisSession(typeof indexedDB === 'undefined' ? undefined : idbResultStore());
const parts = new SiteParts();
const exports = new ExportJobs(session);

export const analysisApi = {
  init: (layers: Layers) => session.init(layers),
  setSites: (sites: Feature[], opts: AnalysisOptions) => { parts.clear(); return session.setSites(sites, opts); },
  // many sites come in parts (one message of them all was one long task on the page)
  sitesPart: (run: number, index: number, sites: Feature[]) => parts.add(run, index, sites),
  setSitesSent: (run: number, total: number, opts: AnalysisOptions) => session.setSites(parts.take(run, total), opts),
  batch: (start: number, end: number) => session.batch(start, end),
  // the page's rows: only what it displays, filters, sorts and colours with (lib/analysis/site-row.ts)
  slimBatch: (start: number, end: number) => session.slimBatch(start, end),
  // full rows on demand: the card, the dossier, the exports
  fullRows: (indices: number[], ids?: string[]) => session.fullRows(indices, ids),
  analyze: (sites: Feature[], opts: AnalysisOptions) => session.analyze(sites, opts),
  // score and rank ranges of the whole set, after the batches (an additive message)
  ranges: (maxSites?: number) => session.ranges(maxSites),
  // the table's files written here from the full rows, pulled by the page a piece at a time
  exportStart: (req: ExportRequest) => exports.start(req),
  exportNext: (job: number) => exports.next(job),
  exportEnd: (job: number) => exports.end(job),
  // what the store holds for the last complete analysis, once its save is written
  saved: () => session.saved(),
};

export type AnalysisApi = typeof analysisApi;

expose(analysisApi);
