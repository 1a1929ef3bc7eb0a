/**
 * The analysis table's exports as the app writes them (the table's and the distance view's
 * buttons): the table columns, then the sites' own attributes from {@link SITE_ATTRIBUTES} (free
 * area, occupancy, status, sectors, developer; one column each, named by its `column`), then the
 * data credits. Pure but for the Blob.
 */
import type { Feature } from 'geojson';
import type { SiteAnalysis } from '../analysis/analyze.ts';
import { blobOfChunks, csvChunks, geojsonChunks, CSV_CHUNK_ROWS, GEOJSON_CHUNK_FEATURES, type ChunkCredits, type ExtraColumns } from '../analysis/table-stream.ts';
import { SITE_ATTRIBUTES } from './site-metrics.ts';

/** The site attribute columns, read from each row's site properties (`propsOf(id)`; unknown → ''). */
export function attributeColumns(propsOf: (id: string) => Record<string, unknown> | undefined): ExtraColumns {
  return {
    names: SITE_ATTRIBUTES.map((a) => a.column),
    values: (r) => { const p = propsOf(r.id) ?? {}; return SITE_ATTRIBUTES.map((a) => a.csv(p)); },
  };
}

/** The site features by id (the first feature of an id wins). */
function sitesById(sites: readonly Feature[]): Map<string, Feature> {
  const byId = new Map<string, Feature>();
  for (const f of sites) { const id = f.properties?.id; if (id != null && !byId.has(String(id))) byId.set(String(id), f); }
  return byId;
}

/** The CSV of the rows with the site attribute columns (and credit columns when given), as chunks. */
export function tableCsvChunks(rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Generator<string> {
  const byId = sitesById(sites);
  return csvChunks(rows, credits, CSV_CHUNK_ROWS, attributeColumns((id) => byId.get(id)?.properties ?? undefined));
}

/** The GeoJSON of the rows (site geometry; table columns, site attributes and the analysis as properties), as chunks. */
export function tableGeoJsonChunks(rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Generator<string> {
  const byId = sitesById(sites);
  return geojsonChunks(rows, (r) => byId.get(r.id), credits, GEOJSON_CHUNK_FEATURES, attributeColumns((id) => byId.get(id)?.properties ?? undefined));
}

/** The CSV file of {@link tableCsvChunks}. */
export const tableCsvBlob = (rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Blob => blobOfChunks(tableCsvChunks(rows, sites, credits), 'text/csv');

/** The GeoJSON file of {@link tableGeoJsonChunks}. */
export const tableGeoJsonBlob = (rows: readonly SiteAnalysis[], sites: readonly Feature[], credits?: ChunkCredits): Blob => blobOfChunks(tableGeoJsonChunks(rows, sites, credits), 'application/geo+json');
