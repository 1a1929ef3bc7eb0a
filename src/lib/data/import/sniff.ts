/** Format detection from content (and the name's extension, for the mismatch check). Pure. */
import type { ImportFormat } from './types.ts';
import { isZip, listZip, extOf } from './zip.ts';
import { isShp } from './readers.ts';

/** What the content of a file is; `format` is null when it is nothing the importer reads. */
export interface Sniffed {
  format: ImportFormat | null;
  /** English description for messages ("a ZIP archive with a Shapefile", "a PDF document", …). */
  what: string;
  /** Set when the content is a bare .shp (needs its .dbf/.prj zipped alongside). */
  bareShp?: boolean;
  /** Set when the content is XML with a document type declaration (refused: DTDs are never read). */
  doctype?: boolean;
}

const EXT_FORMAT: Record<string, ImportFormat> = {
  geojson: 'geojson', json: 'geojson', kml: 'kml', kmz: 'kmz', gpx: 'gpx', csv: 'csv', tsv: 'csv', zip: 'shapefile', shp: 'shapefile',
};

/** Human name of each format. */
export const FORMAT_LABEL: Record<ImportFormat, string> = {
  geojson: 'GeoJSON', kml: 'KML', kmz: 'KMZ', gpx: 'GPX', csv: 'CSV', shapefile: 'a zipped Shapefile',
};

/** The format a file name's extension promises, or null for unknown extensions. */
export function formatFromName(name: string): ImportFormat | null {
  return EXT_FORMAT[extOf(name)] ?? null;
}

/** Detect the format from the bytes. Never throws. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (isZip(bytes)) {
    let names: string[];
    try {
      names = listZip(bytes).map((e) => e.name.toLowerCase()).filter((n) => !n.includes('__macosx'));
    } catch {
      return { format: 'shapefile', what: 'a damaged ZIP archive' };
    }
    if (names.some((n) => n.endsWith('.shp'))) return { format: 'shapefile', what: 'a ZIP archive with a Shapefile' };
    if (names.some((n) => n.endsWith('.kml'))) return { format: 'kmz', what: 'a KMZ (zipped KML)' };
    if (names.includes('[content_types].xml')) return { format: null, what: 'an Office document (e.g. .xlsx or .docx)' };
    return { format: null, what: `a ZIP archive without a .shp or .kml (it holds ${names.slice(0, 5).join(', ') || 'nothing'})` };
  }
  if (isShp(bytes)) return { format: 'shapefile', what: 'a bare Shapefile .shp', bareShp: true };
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return { format: null, what: 'a PDF document' };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return { format: null, what: 'an old Office document (e.g. .xls or .doc)' };
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return { format: null, what: 'a PNG image' };
  if (head[0] === 0xff && head[1] === 0xd8) return { format: null, what: 'a JPEG image' };
  if (head[0] === 0x1f && head[1] === 0x8b) return { format: null, what: 'a gzip-compressed file' };
  if (head.includes(0)) return { format: null, what: 'binary data' };
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return { format: 'geojson', what: 'JSON' };
  if (text.startsWith('<')) {
    if (/<!(DOCTYPE|ENTITY)\b/i.test(text)) return { format: null, what: 'XML with a document type declaration (DTD)', doctype: true };
    const body = text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>]*>/gi, '').trimStart();
    const root = /^<(?:[\w-]+:)?([\w-]+)/.exec(body)?.[1]?.toLowerCase();
    if (root === 'kml') return { format: 'kml', what: 'KML' };
    if (root === 'gpx') return { format: 'gpx', what: 'GPX' };
    if (root === 'html') return { format: null, what: 'an HTML page' };
    return { format: null, what: root ? `XML with root element <${root}>` : 'XML' };
  }
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  if (/[,;\t|]/.test(firstLine)) return { format: 'csv', what: 'a delimited text table' };
  return { format: null, what: 'plain text that is not a table, JSON or XML' };
}
