/**
 * Export a WGS 84 FeatureCollection as GeoJSON, CSV or KML bytes, optionally reprojected (GeoJSON,
 * CSV) to a supported CRS. Pure and worker-friendly (no DOM): the caller makes the Blob/download.
 *
 * Zipped Shapefile export is not offered. The only writers on npm (@mapbox/shp-write 0.4.x and
 * forks) take no target CRS or code page, cut field names to 10 characters, and could not be
 * checked here against GDAL for VN-2000 .prj and UTF-8 .cpg; planners' GIS (QGIS, ArcGIS, MapInfo)
 * open the GeoJSON/CSV/KML written here, and QGIS saves them as Shapefile in any CRS.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Papa from 'papaparse';
import { toKML } from '@placemarkio/tokml';
import { CRS_DEFS, parseCrsCode, transformer } from '../crs';
import { mapPositions } from '../import/checks';
import { toWkt } from '../import/wkt';
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
      if (code !== 4326) out.crs = { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } };
      out.features = features;
      return { filename: `${name}.geojson`, mime: 'application/geo+json', bytes: enc.encode(JSON.stringify(out)) };
    }
    case 'kml': {
      if (code !== 4326) throw new Error(`KML is always WGS 84 (EPSG:4326); cannot export KML in EPSG:${code}.`);
      return { filename: `${name}.kml`, mime: 'application/vnd.google-earth.kml+xml', bytes: enc.encode(toKML(fc as never)) };
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
      for (const f of features) for (const k of Object.keys(f.properties ?? {})) if (!seen.has(k)) { seen.add(k); keys.push(k); }
      const rows = features.map((f) => {
        const g = f.geometry;
        const geo = mode === 'xy' ? [cell((g as { coordinates: number[] }).coordinates[0]), cell((g as { coordinates: number[] }).coordinates[1])] : [g ? toWkt(g) : ''];
        return [...geo, ...keys.map((k) => (k === 'id' && useFeatureId ? cell(f.id) : cell(f.properties?.[k])))];
      });
      // Header cells are property names from the user's file: formula-safe like every other cell.
      const text = Papa.unparse({ fields: [...geomCols, ...keys.map(escapeCell)], data: rows }, { newline: '\r\n' });
      return { filename: `${name}.csv`, mime: 'text/csv;charset=utf-8', bytes: enc.encode(`\uFEFF${text}\r\n`) };
    }
    default:
      throw new Error(`Unknown export format ${JSON.stringify((options as { format: unknown }).format)} (use geojson, csv or kml).`);
  }
}
