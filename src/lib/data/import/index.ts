/**
 * Import of planners' GIS files into WGS 84 GeoJSON: GeoJSON, KML, KMZ, GPX, CSV and zipped
 * Shapefile, with CRS detection/proposal (VN-2000 TM-3 / UTM, see ../crs) and validation.
 *
 * Pure and worker-friendly: no DOM, Svelte or MapLibre (XML via @xmldom/xmldom); input and result
 * are plain data. `importFile` never throws for bad data: problems come back as `issues`.
 *
 * @example
 *   const r = await importFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
 *     { regionBbox: manifest.region.bbox });
 *   if (r.ok) addLayer(r.collection); // + show r.issues, r.rejected, r.crs (ask to confirm when 'proposed')
 *   else if (r.needsMapping) askColumns(r.needsMapping); // then retry with options.columns
 *
 * In a worker (e.g. comlink), expose `importFile` and pass `onProgress` through `Comlink.proxy`;
 * the bundle (proj4, papaparse, xmldom, togeojson, shpjs, turf) is ~600 kB unminified, so load it
 * lazily, in the worker, only when the user imports a file.
 */
import type { ImportInput, ImportOptions, ImportResult, Issue, IssueCode, ParsedLayer } from './types.ts';
import { ImportError } from './types.ts';
import { readCsv, readGeoJson, readGpx, readKml, readKmz, readShapefileZip, readShapefileParts } from './readers.ts';
import { sniffFormat, formatFromName, FORMAT_LABEL } from './sniff.ts';
import { finishLayer, abortIssue } from './checks.ts';
import { DEFAULT_MAX_DEPTH } from './readers.ts';
import { decodeUtf8, decodeXml } from './text.ts';

// Re-exports (documented where defined): types, format sniffing, readers' helpers, encodings, WKT.
export type * from './types.ts';
export { ImportError } from './types.ts';
export { sniffFormat, formatFromName } from './sniff.ts';
export { readShapefileParts, parseCoordinate, normaliseHeader } from './readers.ts';
export { detectVietnameseEncoding, decodeTcvn3, encodeTcvn3 } from './vn-encodings.ts';
export { parseWkt, toWkt } from './wkt.ts';
export { finishLayer } from './checks.ts';

/** Default `maxBytes`: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Default `maxUnzippedBytes` (a zipped Shapefile's binary parts): 100 MiB. */
export const DEFAULT_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/**
 * Default `maxTextBytes`: 50 MiB of text (GeoJSON, CSV, KML, GPX, and the KML inflated from a
 * KMZ). XML is parsed into a DOM some 20–25 times the size of its text, so this keeps the largest
 * accepted file to about a gigabyte of memory; a KMZ cannot get round it by compression.
 */
export const DEFAULT_MAX_TEXT_BYTES = 50 * 1024 * 1024;
export { DEFAULT_MAX_FEATURES, DEFAULT_MAX_VERTICES } from './checks.ts';
export { DEFAULT_MAX_DEPTH } from './readers.ts';

const err = (code: IssueCode, message: string, line?: number): Issue => ({ severity: 'error', code, message, ...(line ? { line } : {}) });

/**
 * Import one file. Sniffs the format from the content (and reports a file whose content is not
 * the format its name says), reads it, picks the source CRS (`options.fromCrs` > the file's own >
 * WGS 84 when coordinates look like degrees > a proposal from the region hint), reprojects to
 * WGS 84 and checks every feature. Never throws for bad data.
 */
export async function importFile(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
  const { name, bytes } = input;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxUnzipped = options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED_BYTES;
  const maxText = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  try {
    options.onProgress?.(0);
    if (options.signal?.aborted) return { ok: false, issues: [abortIssue()] };
    if (bytes.length > maxBytes) {
      return { ok: false, issues: [err('file-too-large', `"${name}" is ${bytes.length.toLocaleString('en')} bytes, over the limit of ${maxBytes.toLocaleString('en')} bytes; it was not read.`)] };
    }
    if (bytes.length === 0 || (bytes.length < 4096 && /^\s*$/.test(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')))) {
      return { ok: false, issues: [err('empty-file', `"${name}" is empty (${bytes.length} bytes${bytes.length ? ', only whitespace' : ''}).`)] };
    }
    const sniffed = sniffFormat(bytes);
    const named = formatFromName(name);
    if (sniffed.bareShp) {
      return { ok: false, format: 'shapefile', issues: [err('shapefile-not-zipped', `"${name}" is a bare .shp: a Shapefile needs its .dbf (attributes) and .prj (coordinate system). Zip the .shp, .shx, .dbf, .prj and .cpg together and import the .zip.`)] };
    }
    if (sniffed.doctype) {
      return { ok: false, issues: [err('xml-doctype', `"${name}" is XML with a document type declaration (<!DOCTYPE …>, a DTD); KML and GPX need none, and DTD entities can expand without bound or point at other files, so it was not read. Remove the DOCTYPE and import again.`)] };
    }
    if (!sniffed.format) {
      const what = named ? `is named as ${FORMAT_LABEL[named]} but its content is ${sniffed.what}` : `is ${sniffed.what}, not a format that can be imported (GeoJSON, KML, KMZ, GPX, CSV or zipped Shapefile)`;
      const hint = /Office|Excel/.test(sniffed.what) ? ' Save the sheet as "CSV UTF-8" and import that.' : '';
      return { ok: false, issues: [err(named ? 'format-mismatch' : 'unsupported-format', `"${name}" ${what}.${hint}`)] };
    }
    if (named && named !== sniffed.format && !(named === 'csv' && sniffed.format === 'csv')) {
      return { ok: false, issues: [err('format-mismatch', `"${name}" is named as ${FORMAT_LABEL[named]} but its content is ${sniffed.what}; rename it or export it again.`)] };
    }
    await Promise.resolve();
    if (options.signal?.aborted) return { ok: false, issues: [abortIssue()] };
    options.onProgress?.(0.1);
    if (sniffed.format !== 'kmz' && sniffed.format !== 'shapefile' && bytes.length > maxText) {
      return { ok: false, format: sniffed.format, issues: [err('text-too-large', `"${name}" holds ${bytes.length.toLocaleString('en')} bytes of text, over the limit of ${maxText.toLocaleString('en')} bytes for text; it was not read. Split it into smaller files.`)] };
    }
    let layer: ParsedLayer;
    switch (sniffed.format) {
      case 'geojson':
        layer = readGeoJson(decodeUtf8(bytes, true, 'GeoJSON file'), maxDepth);
        break;
      case 'kml':
        layer = readKml(decodeXml(bytes), 'kml', maxDepth);
        break;
      case 'gpx':
        layer = readGpx(decodeXml(bytes), maxDepth);
        break;
      case 'kmz':
        layer = readKmz(bytes, maxText, maxDepth);
        break;
      case 'shapefile':
        layer = readShapefileZip(bytes, maxUnzipped);
        break;
      case 'csv':
        layer = readCsv(bytes, options.columns);
        break;
    }
    await Promise.resolve();
    if (options.signal?.aborted) return { ok: false, format: layer.format, issues: [...layer.issues, abortIssue()] };
    options.onProgress?.(0.5);
    return finishLayer(layer, options);
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, issues: [err(e.code, e.message, e.line)] };
    return { ok: false, issues: [err('internal-error', `"${name}" could not be read: ${(e as Error)?.message ?? String(e)}.`)] };
  }
}

/** The parts of a Shapefile picked as separate files (e.g. several files dropped at once). */
export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  /** Text of the .prj (WKT). */
  prj?: string;
  /** Text of the .cpg (code page). */
  cpg?: string;
  /** Name of the .shp, for messages. */
  name?: string;
}

/**
 * Import a Shapefile given as separate parts rather than a .zip. Same checks and result as
 * `importFile`; `maxBytes` applies to the sum of the parts. Never throws for bad data.
 */
export async function importShapefileParts(parts: ShapefileParts, options: ImportOptions = {}): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const total = parts.shp.length + (parts.dbf?.length ?? 0);
  const name = parts.name ?? 'layer.shp';
  if (total > maxBytes) {
    return { ok: false, issues: [err('file-too-large', `"${name}" and its .dbf are ${total.toLocaleString('en')} bytes, over the limit of ${maxBytes.toLocaleString('en')} bytes; they were not read.`)] };
  }
  try {
    options.onProgress?.(0);
    if (options.signal?.aborted) return { ok: false, issues: [abortIssue()] };
    const layer = readShapefileParts({ ...parts, name });
    options.onProgress?.(0.5);
    return finishLayer(layer, options);
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, format: 'shapefile', issues: [err(e.code, e.message, e.line)] };
    return { ok: false, format: 'shapefile', issues: [err('internal-error', `"${name}" could not be read: ${(e as Error)?.message ?? String(e)}.`)] };
  }
}
