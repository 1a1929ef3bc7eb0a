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

/**
 * Export a FeatureCollection (WGS 84 lon/lat). Throws an Error with an English message for
 * impossible requests (unsupported CRS, KML in a projected CRS, x/y CSV of non-point features).
 */
export function exportCollection(fc: FeatureCollection<Geometry | null>, options: ExportOptions): ExportResult {
  const name = (options.name ?? 'export').replace(/[\\/:*?"<>|]+/g, '_');
  const code = options.crs === undefined ? 4326 : parseCrsCode(options.crs);
  if (!code) throw new Error(`Cannot export to CRS ${JSON.stringify(options.crs)}: not supported (use one of ${Object.keys(CRS_DEFS).map((c) => `EPSG:${c}`).join(', ')}).`);
  const t = transformer(4326, code);
  const project = (g: Geometry | null) => (g && code !== 4326 ? mapPositions(g, t) : g);
  const features = fc.features.map((f) => ({ ...f, geometry: project(f.geometry) })) as Feature<Geometry | null>[];

  switch (options.format) {
    case 'geojson': {
      const out: Record<string, unknown> = { type: 'FeatureCollection' };
      if (options.credits) {
        out.attribution = options.credits.attribution;
        out.license = options.credits.license;
      }
      if (code !== 4326) out.crs = { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } };
      out.features = features;
      return { filename: `${name}.geojson`, mime: 'application/geo+json', bytes: enc.encode(JSON.stringify(out)) };
    }
    case 'kml': {
      if (code !== 4326) throw new Error(`KML is always WGS 84 (EPSG:4326); cannot export KML in EPSG:${code}.`);
      const kml = toKML(fc as never);
      return { filename: `${name}.kml`, mime: 'application/vnd.google-earth.kml+xml', bytes: enc.encode(options.credits ? kmlWithCredits(kml, name, options.credits) : kml) };
    }
    case 'csv': {
      const allPoints = features.every((f) => f.geometry?.type === 'Point');
      const mode = options.csvGeometry === 'xy' || options.csvGeometry === 'wkt' ? options.csvGeometry : allPoints ? 'xy' : 'wkt';
      if (mode === 'xy' && !allPoints) throw new Error('CSV with x/y columns holds points only; some features are not Points (use csvGeometry "wkt").');
      const geographic = !CRS_DEFS[code].projected;
      const geomCols = mode === 'xy' ? (geographic ? ['lon', 'lat'] : ['x', 'y']) : ['wkt'];
      const keys: string[] = [];
      const seen = new Set<string>(geomCols);
      const hasIdProp = features.some((f) => f.properties && 'id' in f.properties);
      const useFeatureId = !hasIdProp && features.some((f) => f.id !== undefined);
      if (useFeatureId) {
        keys.push('id');
        seen.add('id');
      }
      const credits = options.credits ? [cell(options.credits.attribution), cell(options.credits.license)] : [];
      if (options.credits) for (const k of CREDIT_COLUMNS) seen.add(k);
      for (const f of features) for (const k of Object.keys(f.properties ?? {})) if (!seen.has(k)) { seen.add(k); keys.push(k); }
      const rows = features.map((f) => {
        const g = f.geometry;
        const geo = mode === 'xy' ? [cell((g as { coordinates: number[] }).coordinates[0]), cell((g as { coordinates: number[] }).coordinates[1])] : [g ? toWkt(g) : ''];
        return [...geo, ...keys.map((k) => (k === 'id' && useFeatureId ? cell(f.id) : cell(f.properties?.[k]))), ...credits];
      });
      // Header cells are property names from the user's file: formula-safe like every other cell.
      const fields = [...geomCols, ...keys.map(escapeCell), ...(options.credits ? CREDIT_COLUMNS : [])];
      const text = Papa.unparse({ fields, data: rows }, { newline: '\r\n' });
      return { filename: `${name}.csv`, mime: 'text/csv;charset=utf-8', bytes: enc.encode(`\uFEFF${text}\r\n`) };
    }
    default:
      throw new Error(`Unknown export format ${JSON.stringify((options as { format: unknown }).format)} (use geojson, csv or kml).`);
  }
}
