/**
 * The analysis table's CSV and GeoJSON exports as a sequence of text chunks (a few hundred rows
 * each), so 50 000 sites or 200 000 features are written without ever holding the whole file as
 * one string (browsers cap a string at about 512 MB; a Blob is built from the chunks instead).
 * Same content as `toCsv` / `toGeoJson` with the credits of `export/credits.ts`. Pure.
 */
import type { Feature } from 'geojson';
import type { SiteAnalysis } from './analyze.ts';
import { TABLE_COLUMNS, toTableRows } from './table.ts';
import { csvField } from '../csv.ts';

/** Credits written into exports (see `data/export`). */
export interface ChunkCredits { attribution: string; license: string }

/**
 * Columns written after the table's own (e.g. the sites' attributes, from their records): the
 * names, and a row's values in that order ('' when unknown).
 */
export interface ExtraColumns { names: readonly string[]; values: (r: SiteAnalysis) => readonly (string | number)[] }

export const CSV_CHUNK_ROWS = 2000;
export const GEOJSON_CHUNK_FEATURES = 200;

/**
 * CSV (header, `\n` line ends) of the rows, with the `extra` columns after the table's and
 * `data_credit` / `data_licence` columns when credits are given.
 */
export function* csvChunks(rows: readonly SiteAnalysis[], credits?: ChunkCredits, chunkRows = CSV_CHUNK_ROWS, extra?: ExtraColumns): Generator<string> {
  const tail = credits ? `,${csvField(credits.attribution)},${csvField(credits.license)}` : '';
  const more = (r: SiteAnalysis) => (extra?.names.length ? `,${extra.values(r).map((v) => csvField(v)).join(',')}` : '');
  yield `${TABLE_COLUMNS.join(',')}${extra?.names.length ? `,${extra.names.join(',')}` : ''}${credits ? ',data_credit,data_licence' : ''}\n`;
  for (let i = 0; i < rows.length; i += chunkRows) {
    let text = '';
    const part = rows.slice(i, i + chunkRows);
    toTableRows(part).forEach((r, j) => { text += `${TABLE_COLUMNS.map((k) => csvField(r[k])).join(',')}${more(part[j])}${tail}\n`; });
    yield text;
  }
}

/**
 * A GeoJSON FeatureCollection of the sites (original geometry) with the flat row as properties and
 * the full analysis under `analysis`; top-level `attribution` and `license` when credits are given.
 * `siteOf(row)` returns the site feature of a row (rows without one are left out); `extra` columns
 * are properties after the table's.
 */
export function* geojsonChunks(rows: readonly SiteAnalysis[], siteOf: (r: SiteAnalysis) => Feature | undefined, credits?: ChunkCredits, chunkFeatures = GEOJSON_CHUNK_FEATURES, extra?: ExtraColumns): Generator<string> {
  yield `{"type":"FeatureCollection",${credits ? `"attribution":${JSON.stringify(credits.attribution)},"license":${JSON.stringify(credits.license)},` : ''}"features":[`;
  let first = true;
  for (let i = 0; i < rows.length; i += chunkFeatures) {
    const part = rows.slice(i, i + chunkFeatures);
    const flat = toTableRows(part);
    let text = '';
    part.forEach((r, j) => {
      const site = siteOf(r);
      if (!site) return;
      const more = extra ? Object.fromEntries(extra.values(r).map((v, k) => [extra.names[k], v])) : {};
      text += (first ? '' : ',') + JSON.stringify({ type: 'Feature', geometry: site.geometry, properties: { ...flat[j], ...more, analysis: r } });
      first = false;
    });
    if (text) yield text;
  }
  yield ']}\n';
}

/**
 * A Blob of the chunks. Parts are folded into the Blob every few megabytes, so the chunk strings
 * can be freed as it grows (a Blob references, not copies, the Blobs it is built from).
 */
export function blobOfChunks(chunks: Iterable<string>, type: string, foldBytes = 8 << 20): Blob {
  const out = new FoldedBlob(type, foldBytes);
  for (const c of chunks) out.add(c);
  return out.done();
}

/** Text chunks gathered into one Blob, folded into it every `foldBytes` characters (see {@link blobOfChunks}). */
export class FoldedBlob {
  private blob: Blob;
  private parts: string[] = [];
  private pending = 0;
  constructor(private readonly type: string, private readonly foldBytes = 8 << 20) {
    this.blob = new Blob([], { type });
  }
  add(chunk: string): void {
    this.parts.push(chunk);
    this.pending += chunk.length;
    if (this.pending >= this.foldBytes) {
      this.blob = new Blob([this.blob, ...this.parts], { type: this.type });
      this.parts = [];
      this.pending = 0;
    }
  }
  done(): Blob {
    return new Blob([this.blob, ...this.parts], { type: this.type });
  }
}
