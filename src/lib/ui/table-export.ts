/**
 * The analysis table's exports as the app writes them (the table's and the distance view's
 * buttons): the table columns, then the sites' own attributes from {@link SITE_ATTRIBUTES} (free
 * area, occupancy, status, sectors, developer; one column each, named by its `column`), then the
 * data credits. The app's buttons have the analysis worker write them from its full rows, a part at
 * a time (`streamed*`, run in the worker by workers/table-export-jobs.ts: the same text as the
 * rows' own chunks). Pure but for the Blob.
 */
import type { Feature } from 'geojson';
import type { SiteAnalysis } from '../analysis/analyze.ts';
import type { SiteRow } from '../analysis/site-row.ts';
import { blobOfChunks, csvChunks, FoldedBlob, geojsonChunks, CSV_CHUNK_ROWS, GEOJSON_CHUNK_FEATURES, type ChunkCredits, type ExtraColumns } from '../analysis/table-stream.ts';
import { SITE_ATTRIBUTES } from './site-metrics.ts';

/** The site attribute columns, read from each row's site properties (`propsOf(id)`; unknown → ''). */
export function attributeColumns(propsOf: (id: string) => Record<string, unknown> | undefined): ExtraColumns {
  return {
    names: SITE_ATTRIBUTES.map((a) => a.column),
    values: (r) => { const p = propsOf(r.id) ?? {}; return SITE_ATTRIBUTES.map((a) => a.csv(p)); },
  };
}

/** The site features by id (the first feature of an id wins). */
export function sitesById(sites: readonly Feature[]): Map<string, Feature> {
  const byId = new Map<string, Feature>();
  for (const f of sites) { const id = f.properties?.id; if (id != null && !byId.has(String(id))) byId.set(String(id), f); }
  return byId;
}

type SitesById = ReadonlyMap<string, Feature>;
const csvOf = (rows: readonly SiteAnalysis[], byId: SitesById, credits?: ChunkCredits): Generator<string> =>
  csvChunks(rows, credits, CSV_CHUNK_ROWS, attributeColumns((id) => byId.get(id)?.properties ?? undefined));
const geoJsonOf = (rows: readonly SiteAnalysis[], byId: SitesById, credits?: ChunkCredits): Generator<string> =>
  geojsonChunks(rows, (r) => byId.get(r.id), credits, GEOJSON_CHUNK_FEATURES, attributeColumns((id) => byId.get(id)?.properties ?? undefined));

/** The CSV of the rows with the site attribute columns (and credit columns when given), as chunks. */
export function tableCsvChunks(rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Generator<string> {
  return csvOf(rows, sitesById(sites), credits);
}

/** The GeoJSON of the rows (site geometry; table columns, site attributes and the analysis as properties), as chunks. */
export function tableGeoJsonChunks(rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Generator<string> {
  return geoJsonOf(rows, sitesById(sites), credits);
}

/** The CSV file of {@link tableCsvChunks}. */
export const tableCsvBlob = (rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Blob => blobOfChunks(tableCsvChunks(rows, sites, credits), 'text/csv');

/** The GeoJSON file of {@link tableGeoJsonChunks}. */
export const tableGeoJsonBlob = (rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Blob => blobOfChunks(tableGeoJsonChunks(rows, sites, credits), 'application/geo+json');

// ---- streamed from the analysis worker: the page holds slim rows; the full ones come in parts

/** Full rows of some of the page's rows, in order (the analysis worker's, see AnalysisState.fullRows). */
export type FullRowsOf = (rows: readonly SiteRow[]) => Promise<SiteAnalysis[]>;

/** Rows fetched from the worker per part of a streamed export. */
export const EXPORT_PART_ROWS = 1000;

/** The full rows of `rows`, a part at a time. */
async function* parts(rows: readonly SiteRow[], full: FullRowsOf, partRows: number): AsyncGenerator<SiteAnalysis[]> {
  for (let i = 0; i < rows.length; i += partRows) yield await full(rows.slice(i, i + partRows));
}

/** {@link tableCsvChunks} of the full rows of the page's `rows`, fetched a part at a time: the same text. */
export async function* streamedCsvChunks(rows: readonly SiteRow[], full: FullRowsOf, sites: readonly Feature[], credits?: ChunkCredits, partRows = EXPORT_PART_ROWS): AsyncGenerator<string> {
  let first = true;
  if (rows.length === 0) { yield* tableCsvChunks([], sites, credits); return; }
  const byId = sitesById(sites);
  for await (const part of parts(rows, full, partRows)) {
    const g = csvOf(part, byId, credits);
    const header = g.next();
    if (first && !header.done) yield header.value;
    first = false;
    yield* g;
  }
}

/** {@link tableGeoJsonChunks} of the full rows of the page's `rows`, fetched a part at a time: the same text. */
export async function* streamedGeoJsonChunks(rows: readonly SiteRow[], full: FullRowsOf, sites: readonly Feature[], credits?: ChunkCredits, partRows = EXPORT_PART_ROWS): AsyncGenerator<string> {
  if (rows.length === 0) { yield* tableGeoJsonChunks([], sites, credits); return; }
  let wrote = false;
  let tail = '';
  let first = true;
  const byId = sitesById(sites);
  for await (const part of parts(rows, full, partRows)) {
    // each part's text: its opening, its features (the first without a comma), the closing
    const texts = [...geoJsonOf(part, byId, credits)];
    if (first) yield texts[0];
    first = false;
    // within a part, the features after its first already carry their comma
    const body = texts.slice(1, -1);
    for (let k = 0; k < body.length; k++) yield k === 0 && wrote ? `,${body[k]}` : body[k];
    if (body.length) wrote = true;
    tail = texts[texts.length - 1];
  }
  yield tail;
}

/**
 * A Blob of asynchronous chunks (see `blobOfChunks`), folded every megabyte: each piece the worker
 * sends (≈ 2 MB) is encoded into the Blob in the task that received it. Folding every 8 MB made
 * one task of ≈ 160 ms per fold and at the end (traced at 50 000 sites: the Blob's encoding).
 */
export async function blobOfAsyncChunks(chunks: AsyncIterable<string>, type: string, foldBytes = 1 << 20): Promise<Blob> {
  const out = new FoldedBlob(type, foldBytes);
  for await (const c of chunks) out.add(c);
  return out.done();
}

/** The CSV file of {@link streamedCsvChunks}. */
export const streamedCsvBlob = (rows: readonly SiteRow[], full: FullRowsOf, sites: readonly Feature[], credits?: ChunkCredits): Promise<Blob> =>
  blobOfAsyncChunks(streamedCsvChunks(rows, full, sites, credits), 'text/csv');

/** The GeoJSON file of {@link streamedGeoJsonChunks}. */
export const streamedGeoJsonBlob = (rows: readonly SiteRow[], full: FullRowsOf, sites: readonly Feature[], credits?: ChunkCredits): Promise<Blob> =>
  blobOfAsyncChunks(streamedGeoJsonChunks(rows, full, sites, credits), 'application/geo+json');
