/**
 * Export a WGS 84 FeatureCollection as GeoJSON, CSV or KML bytes, optionally reprojected (GeoJSON,
 * CSV) to a supported CRS. Pure and worker-friendly (no DOM): the caller makes the Blob/download.
 *
 * Zipped Shapefile export is not offered. The only writers on npm (@mapbox/shp-write 0.4.x and
 * forks) take no target CRS or code page, cut field names to 10 characters, and could not be
 * checked here against GDAL for VN-2000 .prj and UTF-8 .cpg; planners' GIS (QGIS, ArcGIS, MapInfo)
 * open the GeoJSON/CSV/KML written here, and QGIS saves them as Shapefile in any CRS.
 *
 * Credits: when `credits` are given (the data package's attribution and licences, see
 * `lib/data/attribution.ts`), every format carries them where GIS tools keep them:
 * - GeoJSON: top-level `attribution` and `license` members (RFC 7946 foreign members);
 * - KML: `<atom:author>` and the document's `<name>`/`<description>`;
 * - CSV: two trailing columns `data_credit` and `data_licence` on every row. A leading comment line
 *   is not an option: GDAL's CSV driver (so QGIS) and spreadsheets read it as the header row.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Papa from 'papaparse';
import { toKML } from '@placemarkio/tokml';
import { CRS_DEFS, parseCrsCode, transformer } from '../crs.ts';
import { mapPositions } from '../import/checks.ts';
import { toWkt } from '../import/wkt.ts';
import { escapeCell } from '../../csv.ts';
import { csvPlan, type CsvPlan } from './csv-plan.ts';

/** Export formats. */
export type ExportFormat = 'geojson' | 'csv' | 'kml';

/** Options of `exportCollection`. */
export interface ExportOptions {
  format: ExportFormat;
  /** Target CRS (EPSG code or "EPSG:n"); default 4326. KML is always WGS 84. */
  crs?: number | string;
  /** Base file name without extension; default "export". */
  name?: string;
  /** CSV geometry: x/y columns (points only), a WKT column, or auto (x/y when every feature is a Point). */
  csvGeometry?: 'auto' | 'xy' | 'wkt';
  /** Credits of the bundled data in the export, written into the file (see the module comment). */
  credits?: ExportCredits;
}

/** The credits written into an export: plain text, e.g. from `creditLine` and `licenceLabel`. */
export interface ExportCredits {
  /** "Boundaries: … (GPL-3.0); Communes 2009: … (MIT)". */
  attribution: string;
  /** The licences, e.g. "GPL-3.0; MIT; no licence stated". */
  license: string;
}

/** CSV columns that carry the credits. */
export const CREDIT_COLUMNS = ['data_credit', 'data_licence'] as const;

const XML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlText = (s: string) => s.replace(/[&<>"']/gu, (c) => XML_ESC[c]);

/** Adds the credits to tokml's document: atom namespace, `<atom:author>` and a description. */
function kmlWithCredits(kml: string, name: string, c: ExportCredits): string {
  const root = '<kml xmlns="http://www.opengis.net/kml/2.2">';
  const doc = '<Document>';
  const at = kml.indexOf(root);
  const d = kml.indexOf(doc, at);
  if (at < 0 || d < 0) throw new Error('KML writer output has no <kml><Document> to credit');
  const head = `<name>${xmlText(name)}</name>\n<atom:author><atom:name>${xmlText(c.attribution)}</atom:name></atom:author>\n`
    + `<description>${xmlText(`${c.attribution}. ${c.license}`)}</description>\n`;
  return `${kml.slice(0, at)}<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">${kml.slice(at + root.length, d + doc.length)}\n${head}${kml.slice(d + doc.length)}`;
}

/** An exported file. */
export interface ExportResult {
  filename: string;
  mime: string;
  bytes: Uint8Array;
}

const enc = new TextEncoder();

export { escapeCell };

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return escapeCell(v);
  return escapeCell(JSON.stringify(v));
}

export { CsvPlanner, csvPlan, type CsvPlan } from './csv-plan.ts';

/**
 * A file of {@link exportCollection} written a part of the features at a time: `head`, then
 * `part(features)` for each part in order, then `tail` — the same text as the whole collection
 * written at once, so tens of thousands of features never make one string. CSV needs the
 * {@link CsvPlan} of all the features first.
 */
export interface CollectionWriter {
  filename: string;
  mime: string;
  head: string;
  /** The text of the next features (WGS 84 lon/lat; reprojected here). */
  part(features: readonly Feature<Geometry | null>[]): string;
  tail: string;
}

/**
 * The writer of a file in `options`' format and CRS. Throws an Error with an English message for
 * impossible requests (unsupported CRS, KML in a projected CRS, x/y CSV of non-point features).
 */
export function collectionWriter(options: ExportOptions, plan: CsvPlan = { keys: [], allPoints: true, useFeatureId: false }): CollectionWriter {
  const name = (options.name ?? 'export').replace(/[\\/:*?"<>|]+/g, '_');
  const code = options.crs === undefined ? 4326 : parseCrsCode(options.crs);
  if (!code) throw new Error(`Cannot export to CRS ${JSON.stringify(options.crs)}: not supported (use one of ${Object.keys(CRS_DEFS).map((c) => `EPSG:${c}`).join(', ')}).`);
  const t = transformer(4326, code);
  const project = (g: Geometry | null) => (g && code !== 4326 ? mapPositions(g, t) : g);
  const projected = (fs: readonly Feature<Geometry | null>[]) => fs.map((f) => ({ ...f, geometry: project(f.geometry) })) as Feature<Geometry | null>[];

  switch (options.format) {
    case 'geojson': {
      const out: Record<string, unknown> = { type: 'FeatureCollection' };
      if (options.credits) {
        out.attribution = options.credits.attribution;
        out.license = options.credits.license;
      }
      if (code !== 4326) out.crs = { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } };
      out.features = [];
      // the collection's JSON with the features' array left open: "…,"features":["
      const empty = JSON.stringify(out);
      let first = true;
      return {
        filename: `${name}.geojson`, mime: 'application/geo+json', head: empty.slice(0, -2), tail: ']}',
        part(features) {
          if (!features.length) return '';
          const text = projected(features).map((f) => JSON.stringify(f)).join(',');
          const sep = first ? '' : ',';
          first = false;
          return sep + text;
        },
      };
    }
    case 'kml': {
      if (code !== 4326) throw new Error(`KML is always WGS 84 (EPSG:4326); cannot export KML in EPSG:${code}.`);
      // tokml's document of no feature, opened after <Document>; each part's placemarks go inside it
      const doc = (fs: readonly Feature<Geometry | null>[]) => toKML({ type: 'FeatureCollection', features: fs } as never);
      const shell = options.credits ? kmlWithCredits(doc([]), name, options.credits) : doc([]);
      const close = shell.lastIndexOf('</Document>');
      if (close < 0) throw new Error('KML writer output has no </Document>');
      const inner = (kml: string) => kml.slice(kml.indexOf('<Document>') + '<Document>'.length, kml.lastIndexOf('</Document>'));
      return {
        filename: `${name}.kml`, mime: 'application/vnd.google-earth.kml+xml', head: shell.slice(0, close), tail: shell.slice(close),
        part: (features) => (features.length ? inner(doc(features)) : ''),
      };
    }
    case 'csv': {
      const mode = options.csvGeometry === 'xy' || options.csvGeometry === 'wkt' ? options.csvGeometry : plan.allPoints ? 'xy' : 'wkt';
      if (mode === 'xy' && !plan.allPoints) throw new Error('CSV with x/y columns holds points only; some features are not Points (use csvGeometry "wkt").');
      const geographic = !CRS_DEFS[code].projected;
      const geomCols = mode === 'xy' ? (geographic ? ['lon', 'lat'] : ['x', 'y']) : ['wkt'];
      const reserved = new Set<string>([...geomCols, ...(options.credits ? CREDIT_COLUMNS : []), ...(plan.useFeatureId ? ['id'] : [])]);
      const keys = [...(plan.useFeatureId ? ['id'] : []), ...plan.keys.filter((k) => !reserved.has(k))];
      const credits = options.credits ? [cell(options.credits.attribution), cell(options.credits.license)] : [];
      // Header cells are property names from the user's file: formula-safe like every other cell.
      const fields = [...geomCols, ...keys.map(escapeCell), ...(options.credits ? CREDIT_COLUMNS : [])];
      // (Papa writes a header alone followed by a line end)
      const header = Papa.unparse({ fields, data: [] }, { newline: '\r\n' }).replace(/\r\n$/u, '');
      return {
        filename: `${name}.csv`, mime: 'text/csv;charset=utf-8', head: `\uFEFF${header}`, tail: '\r\n',
        part(features) {
          if (!features.length) return '';
          const rows = projected(features).map((f) => {
            const g = f.geometry;
            const geo = mode === 'xy' ? [cell((g as { coordinates: number[] }).coordinates[0]), cell((g as { coordinates: number[] }).coordinates[1])] : [g ? toWkt(g) : ''];
            return [...geo, ...keys.map((k) => (k === 'id' && plan.useFeatureId ? cell(f.id) : cell(f.properties?.[k]))), ...credits];
          });
          return `\r\n${Papa.unparse(rows, { newline: '\r\n' })}`;
        },
      };
    }
    default:
      throw new Error(`Unknown export format ${JSON.stringify((options as { format: unknown }).format)} (use geojson, csv or kml).`);
  }
}

/**
 * Export a FeatureCollection (WGS 84 lon/lat) as one file: {@link collectionWriter} over all its
 * features at once. Same errors.
 */
export function exportCollection(fc: FeatureCollection<Geometry | null>, options: ExportOptions): ExportResult {
  const w = collectionWriter(options, options.format === 'csv' ? csvPlan(fc.features) : undefined);
  return { filename: w.filename, mime: w.mime, bytes: enc.encode(w.head + w.part(fc.features) + w.tail) };
}
