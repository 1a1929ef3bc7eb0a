/**
 * Format readers: bytes/text → ParsedLayer (features as read, in the source CRS). Fatal problems
 * throw ImportError (turned into an `error` issue by importFile); everything else is an Issue.
 */
import type { Feature, Geometry } from 'geojson';
import Papa from 'papaparse';
import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson, gpx as gpxToGeoJson } from '@tmcw/togeojson';
import { parseShp } from 'shpjs';
import { crsFromWkt, parseCrsCode } from '../crs.ts';
import { readDbf } from './dbf.ts';
import { decodeTcvn3, detectVietnameseEncoding } from './vn-encodings.ts';
import { lineOf, decodeUtf8, decodeXml, jsonTooDeep, xmlTooDeep, findDoctype } from './text.ts';
import { locateJsonError } from './json-locate.ts';
import { readZip, listZip, extOf } from './zip.ts';
import { parseWkt } from './wkt.ts';
import type { ColumnMapping, ColumnMappingRequest, Issue, ParsedLayer } from './types.ts';
import { ImportError } from './types.ts';

type AnyFeature = Feature<Geometry | null, Record<string, unknown> | null>;
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

// ---------------------------------------------------------------- GeoJSON

/** Explain a JSON.parse failure with a line number. */
function jsonError(text: string): ImportError {
  const loc = locateJsonError(text);
  if (!loc || loc.atEnd) {
    const line = lineOf(text, text.length);
    return new ImportError('truncated-json', `The JSON ends before it is complete at line ${line} (the file is probably truncated).`, line);
  }
  const line = lineOf(text, loc.offset);
  const col = loc.offset - text.lastIndexOf('\n', loc.offset - 1);
  const found = JSON.stringify(text[loc.offset]);
  return new ImportError('invalid-json', `The file is not valid JSON at line ${line}, column ${col}: expected ${loc.expected} but found ${found}.`, line);
}

/** Default `maxDepth`: JSON or XML nesting levels (GeoJSON needs 7 for a MultiPolygon in a FeatureCollection). */
export const DEFAULT_MAX_DEPTH = 64;

/** Read GeoJSON text (FeatureCollection, Feature, bare geometry, or an array of features). */
export function readGeoJson(text: string, maxDepth = DEFAULT_MAX_DEPTH): ParsedLayer {
  const deep = jsonTooDeep(text, maxDepth);
  if (deep >= 0) {
    const line = lineOf(text, deep);
    throw new ImportError('deeply-nested', `The JSON nests arrays or objects more than ${maxDepth} levels deep at line ${line}; GeoJSON needs at most 7 (a MultiPolygon in a FeatureCollection), so the file is refused rather than risk exhausting the reader's stack.`, line);
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw jsonError(text);
  }
  const issues: Issue[] = [];
  const rejected: ParsedLayer['rejected'] = [];
  let items: unknown[];
  const obj = root as Record<string, unknown>;
  if (Array.isArray(root)) items = root;
  else if (obj && typeof obj === 'object' && obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features)) throw new ImportError('not-geojson', 'The FeatureCollection has no "features" array.');
    items = obj.features;
  } else if (obj && typeof obj === 'object' && obj.type === 'Feature') items = [obj];
  else if (obj && typeof obj === 'object' && typeof obj.type === 'string' && GEOMETRY_TYPES.has(obj.type)) items = [{ type: 'Feature', properties: {}, geometry: obj }];
  else {
    const what = obj && typeof obj === 'object' ? `an object with keys ${Object.keys(obj).slice(0, 5).map((k) => `"${k}"`).join(', ') || '(none)'}` : `a ${typeof root}`;
    throw new ImportError('not-geojson', `The JSON is valid but not GeoJSON: it is ${what}, not a FeatureCollection, Feature or geometry.`);
  }
  const features: AnyFeature[] = [];
  items.forEach((it, i) => {
    const f = it as Record<string, unknown>;
    if (!f || typeof f !== 'object' || f.type !== 'Feature') {
      rejected.push({ index: i, reason: `item ${i} is not a GeoJSON Feature (type ${JSON.stringify(f && typeof f === 'object' ? f.type : f)})` });
      features.push({ type: 'Feature', geometry: null, properties: null });
      return;
    }
    const props = f.properties && typeof f.properties === 'object' && !Array.isArray(f.properties) ? (f.properties as Record<string, unknown>) : {};
    const feat: AnyFeature = { type: 'Feature', geometry: (f.geometry ?? null) as Geometry | null, properties: props };
    if (f.id !== undefined) feat.id = f.id as string | number;
    features.push(feat);
  });
  const layer: ParsedLayer = { format: 'geojson', features, issues, rejected };
  const crs = obj && !Array.isArray(root) ? (obj.crs as { properties?: { name?: string } } | undefined) : undefined;
  if (crs && typeof crs === 'object') {
    const name = crs.properties?.name;
    const code = typeof name === 'string' ? parseCrsCode(name) : null;
    if (code) layer.crs = { code, source: 'geojson' };
    else layer.crsError = `The GeoJSON "crs" member names ${JSON.stringify(name ?? crs)}, which is not a supported CRS`;
  }
  return layer;
}

// ---------------------------------------------------------------- KML / GPX

/**
 * Parse XML with xmldom, turning its errors into ImportError with a line number. A document type
 * declaration (DTD, entities) is refused by name, and nesting deeper than `maxDepth` is refused
 * before parsing.
 */
export function parseXml(text: string, maxDepth = DEFAULT_MAX_DEPTH): Document {
  const dtd = findDoctype(text);
  if (dtd) {
    throw new ImportError('xml-doctype', `The XML declares a document type (DTD) at line ${dtd.line} ("${text.slice(dtd.offset, dtd.offset + 40).split('\n')[0]}…"); KML and GPX need none, and DTD entities can expand without bound or point at other files, so the file is refused. Remove the <!DOCTYPE …> and import again.`, dtd.line);
  }
  const deep = xmlTooDeep(text, maxDepth);
  if (deep >= 0) {
    const line = lineOf(text, deep);
    throw new ImportError('deeply-nested', `The XML nests elements more than ${maxDepth} levels deep at line ${line}; KML and GPX need far fewer, so the file is refused rather than risk exhausting the reader's stack.`, line);
  }
  const errors: { level: string; msg: string; line?: number }[] = [];
  const parser = new DOMParser({
    onError: (level: string, msg: string, ctx?: { locator?: { lineNumber?: number } }) => {
      if (level !== 'warning') errors.push({ level, msg: String(msg).split('\n')[0], line: ctx?.locator?.lineNumber });
    },
  });
  let doc: Document | undefined;
  try {
    doc = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    const loc = (e as { locator?: { lineNumber?: number } }).locator;
    if (!errors.length) errors.push({ level: 'fatalError', msg: (e as Error).message.split('\n')[0], line: loc?.lineNumber });
  }
  if (errors.length || !doc || !doc.documentElement) {
    const unclosed = errors.find((x) => /unclosed/i.test(x.msg));
    if (unclosed) {
      throw new ImportError(
        'truncated-xml',
        `The XML ends at line ${lineOf(text, text.length)} with elements still open (${unclosed.msg.replace(/^.*unclosed xml tag\(s\):\s*/i, '')}); the file is probably truncated.`,
        lineOf(text, text.length),
      );
    }
    const first = errors[0];
    throw new ImportError('invalid-xml', `The XML is malformed${first?.line ? ` at line ${first.line}` : ''}: ${first?.msg ?? 'it has no root element'}.`, first?.line);
  }
  return doc;
}

/** Read KML text (always WGS 84). */
export function readKml(text: string, format: 'kml' | 'kmz' = 'kml', maxDepth = DEFAULT_MAX_DEPTH): ParsedLayer {
  const doc = parseXml(text, maxDepth);
  const root = doc.documentElement.localName ?? doc.documentElement.nodeName;
  if (root !== 'kml') throw new ImportError('not-kml', `The XML root element is <${root}>, not <kml>.`);
  const fc = kmlToGeoJson(doc as never);
  return { format, features: fc.features as AnyFeature[], crs: { code: 4326, source: 'kml' }, issues: [], rejected: [] };
}

/** Read GPX text (WGS 84): waypoints as points, routes and tracks as lines. */
export function readGpx(text: string, maxDepth = DEFAULT_MAX_DEPTH): ParsedLayer {
  const doc = parseXml(text, maxDepth);
  const root = doc.documentElement.localName ?? doc.documentElement.nodeName;
  if (root !== 'gpx') throw new ImportError('not-gpx', `The XML root element is <${root}>, not <gpx>.`);
  const fc = gpxToGeoJson(doc as never);
  return { format: 'gpx', features: fc.features as AnyFeature[], crs: { code: 4326, source: 'gpx' }, issues: [], rejected: [] };
}

/**
 * Read a KMZ archive: its doc.kml (or first .kml). `maxText` bounds the inflated KML: refused from
 * the declared size, else stopped while inflating (a running count).
 */
export function readKmz(bytes: Uint8Array, maxText: number, maxDepth = DEFAULT_MAX_DEPTH): ParsedLayer {
  const entries = listZip(bytes).map((e) => e.name).filter((n) => !n.startsWith('__MACOSX') && extOf(n) === 'kml');
  if (!entries.length) throw new ImportError('kmz-no-kml', 'The KMZ archive holds no .kml document.');
  const main = entries.find((n) => n.toLowerCase() === 'doc.kml') ?? entries[0];
  const files = readZip(bytes, (n) => n === main, maxText, `the KML document "${main}" in the KMZ`);
  const layer = readKml(decodeXml(files[main]), 'kmz', maxDepth);
  if (entries.length > 1) layer.issues.push({ severity: 'warning', code: 'kmz-multiple-kml', message: `The KMZ holds ${entries.length} .kml documents; only "${main}" was read.` });
  layer.crs = { code: 4326, source: 'kml' };
  return layer;
}

// ---------------------------------------------------------------- Shapefile

/** True when bytes start with the Shapefile magic number 9994. */
export function isShp(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x27 && bytes[3] === 0x0a;
}

/** Read a zipped Shapefile (.shp + .dbf + .prj + optional .cpg). The first layer is read. */
export function readShapefileZip(bytes: Uint8Array, maxUnzipped: number): ParsedLayer {
  const names = listZip(bytes).map((e) => e.name).filter((n) => !n.includes('__MACOSX'));
  const shps = names.filter((n) => extOf(n) === 'shp');
  if (!shps.length) throw new ImportError('zip-no-shapefile', `The ZIP archive holds no .shp file (it holds ${names.slice(0, 6).map((n) => `"${n}"`).join(', ') || 'nothing'}).`);
  const issues: Issue[] = [];
  const main = shps[0];
  const base = main.slice(0, -4).toLowerCase();
  if (shps.length > 1) issues.push({ severity: 'warning', code: 'shapefile-multiple-layers', message: `The archive holds ${shps.length} Shapefiles; only "${main}" was read (also: ${shps.slice(1).join(', ')}).` });
  const part = (ext: string) => names.find((n) => n.toLowerCase() === `${base}.${ext}`);
  const wanted = new Set([main, part('dbf'), part('prj'), part('cpg')].filter(Boolean) as string[]);
  const files = readZip(bytes, (n) => wanted.has(n), maxUnzipped);
  const dbf = part('dbf'), prj = part('prj'), cpg = part('cpg');
  return readShapefileParts(
    { shp: files[main], dbf: dbf ? files[dbf] : undefined, prj: prj ? decodeUtf8(files[prj]) : undefined, cpg: cpg ? decodeUtf8(files[cpg]) : undefined, name: main },
    issues,
  );
}

/** Read a Shapefile from its parts. `name` is used in messages. */
export function readShapefileParts(
  parts: { shp: Uint8Array; dbf?: Uint8Array; prj?: string; cpg?: string; name?: string },
  issues: Issue[] = [],
): ParsedLayer {
  const name = parts.name ?? 'layer.shp';
  if (!isShp(parts.shp)) throw new ImportError('invalid-shp', `"${name}" is not a Shapefile: its header does not start with the file code 9994.`);
  let geoms: (Geometry | null)[];
  try {
    geoms = parseShp(parts.shp as never) as unknown as (Geometry | null)[];
  } catch (e) {
    throw new ImportError('invalid-shp', `"${name}" could not be read (damaged or truncated .shp: ${(e as Error).message}).`);
  }
  let records: (Record<string, unknown> | null)[] = [];
  if (!parts.dbf) {
    issues.push({ severity: 'warning', code: 'shapefile-missing-dbf', message: `"${name}" has no .dbf file beside it, so its features have no attributes.` });
  } else {
    records = readDbf(parts.dbf, parts.cpg, issues).records;
    if (records.length !== geoms.length) issues.push({ severity: 'warning', code: 'dbf-count-mismatch', message: `The .shp has ${geoms.length} shapes but the .dbf has ${records.length} records; attributes were matched by position.` });
  }
  const layer: ParsedLayer = {
    format: 'shapefile',
    features: geoms.map((g, i) => ({ type: 'Feature', geometry: g ?? null, properties: records[i] ?? {} })),
    issues,
    rejected: [],
  };
  if (parts.prj === undefined) {
    issues.push({ severity: 'warning', code: 'shapefile-missing-prj', message: `"${name}" has no .prj file, so its coordinate system is not stated.` });
  } else {
    const r = crsFromWkt(parts.prj);
    if (r.code) layer.crs = { code: r.code, source: 'prj' };
    else layer.crsError = `The .prj describes a coordinate system that is not supported (${r.why})`;
  }
  return layer;
}

// ---------------------------------------------------------------- CSV

/** Normalise a header for matching: lower case, no diacritics, "_" separators. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/[\s.\-()]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
const X_NAMES = new Set(['lon', 'lng', 'long', 'longitude', 'kinh_do', 'kinhdo', 'x', 'easting', 'toa_do_x', 'x_coord', 'point_x']);
const Y_NAMES = new Set(['lat', 'latitude', 'vi_do', 'vido', 'y', 'northing', 'toa_do_y', 'y_coord', 'point_y']);
const WKT_NAMES = new Set(['wkt', 'geometry', 'geom', 'the_geom', 'shape', 'hinh_hoc']);

/** Parse a number as written in a table: decimal point or comma, or degrees-minutes-seconds (22°08'50"N). */
export function parseCoordinate(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const t = raw.trim();
  if (!t) return null;
  if (/^[+-]?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const dms = /^([+-]?\d+(?:[.,]\d+)?)\s*[°º d]\s*(?:(\d+(?:[.,]\d+)?)\s*['′m]\s*)?(?:(\d+(?:[.,]\d+)?)\s*(?:["″]|''|s)\s*)?([NSEWnsew])?$/.exec(t);
  if (dms) {
    const n = (s?: string) => (s ? Number(s.replace(',', '.')) : 0);
    let v = Math.abs(n(dms[1])) + n(dms[2]) / 60 + n(dms[3]) / 3600;
    if (dms[1].startsWith('-') || /[SWsw]/.test(dms[4] ?? '')) v = -v;
    return v;
  }
  return null;
}

const NUM_RE = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
function cellValue(v: string): unknown {
  if (NUM_RE.test(v)) return Number(v);
  if (/^'[=+\-@]/.test(v)) return v.slice(1); // undo spreadsheet formula escaping (see export)
  return v;
}

/** Decode CSV bytes: UTF-8 (BOM dropped), else a detected Vietnamese legacy encoding. */
function decodeCsv(bytes: Uint8Array, issues: Issue[]): string {
  const enc = detectVietnameseEncoding(bytes);
  if (enc === 'tcvn3') {
    issues.push({ severity: 'warning', code: 'encoding-tcvn3', message: 'The table is not UTF-8; it looks like the legacy Vietnamese TCVN3 (ABC) encoding and was converted to Unicode. Check a few names with diacritics.' });
    return decodeTcvn3(bytes);
  }
  if (enc === 'vni' || enc === 'unknown-8bit') {
    issues.push({ severity: 'warning', code: enc === 'vni' ? 'encoding-vni' : 'encoding-unknown', message: enc === 'vni' ? 'The table looks like the legacy Vietnamese VNI encoding, which is not converted: names with diacritics will read wrongly. Save it as CSV UTF-8 and import it again.' : 'The table is not UTF-8; it was read as Windows-1258. Save it as CSV UTF-8 if names look wrong.' });
    return new TextDecoder('windows-1258').decode(bytes);
  }
  return decodeUtf8(bytes);
}

/**
 * Read a CSV table with point coordinates in two columns (detected from the header, EN/VI), or
 * WKT geometry in one column. When the header is ambiguous, the layer carries `needsMapping`.
 */
export function readCsv(bytes: Uint8Array, columns?: ColumnMapping): ParsedLayer {
  const issues: Issue[] = [];
  const text = decodeCsv(bytes, issues);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = parsed.data;
  if (!rows.length) throw new ImportError('empty-layer', 'The table has no rows.');
  const header = rows[0].map((h) => h.trim()).map((h) => (/^'[=+\-@]/.test(h) ? h.slice(1) : h)); // undo the export's formula guard
  if (header.length < 2) throw new ImportError('csv-one-column', `The table has a single column ("${header[0]}"): it needs coordinate columns (lon/lat, x/y) or a WKT column.`, 1);
  const norm = header.map(normaliseHeader);
  const xs = header.filter((_, i) => X_NAMES.has(norm[i]));
  const ys = header.filter((_, i) => Y_NAMES.has(norm[i]));
  const wkts = header.filter((_, i) => WKT_NAMES.has(norm[i]));
  let mapping: ColumnMapping | undefined = columns;
  if (mapping) {
    const missing = ('wkt' in mapping ? [mapping.wkt] : [mapping.x, mapping.y]).filter((c) => !header.includes(c));
    if (missing.length) throw new ImportError('csv-column-missing', `The table has no column named ${missing.map((c) => `"${c}"`).join(' or ')} (columns: ${header.join(', ')}).`, 1);
  } else if (xs.length === 1 && ys.length === 1) mapping = { x: xs[0], y: ys[0] };
  else if (!xs.length && !ys.length && wkts.length === 1) mapping = { wkt: wkts[0] };
  if (!mapping) {
    const numeric = header.filter((_, i) => rows.slice(1, 21).every((r) => r[i] === undefined || r[i].trim() === '' || parseCoordinate(r[i]) !== null));
    const request: ColumnMappingRequest = {
      columns: header,
      x: xs.length ? xs : numeric,
      y: ys.length ? ys : numeric,
      wkt: wkts,
    };
    const why = xs.length > 1 || ys.length > 1
      ? `several columns could hold coordinates (x: ${xs.join(', ') || 'none'}; y: ${ys.join(', ') || 'none'})`
      : 'no column header names longitude/latitude (lon, lng, longitude, kinh_do, x / lat, latitude, vi_do, y) or WKT';
    return {
      format: 'csv', features: [], issues: [...issues, { severity: 'error', code: 'csv-needs-mapping', message: `Choose the coordinate columns: ${why}.`, line: 1 }],
      rejected: [], needsMapping: request,
    };
  }
  const idx = (c: string) => header.indexOf(c);
  const features: AnyFeature[] = [];
  const lines: number[] = [];
  const indices: number[] = [];
  const rejected: ParsedLayer['rejected'] = [];
  const geomCols = new Set('wkt' in mapping ? [mapping.wkt] : [mapping.x, mapping.y]);
  let lineOffset = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const line = r + 1 + lineOffset;
    lineOffset += row.reduce((s, c) => s + (c.match(/\n/g)?.length ?? 0), 0);
    const props: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (geomCols.has(h) || row[i] === undefined || row[i] === '') return;
      props[h] = cellValue(row[i]);
    });
    const index = r - 1;
    let geometry: Geometry | null = null;
    if ('wkt' in mapping) {
      const raw = row[idx(mapping.wkt)] ?? '';
      const g = parseWkt(raw);
      if (typeof g === 'string') {
        rejected.push({ index, reason: `line ${line}: column "${mapping.wkt}" ${raw.trim() ? `is not valid WKT (${g})` : 'is empty'}` });
        issues.push({ severity: 'error', code: 'csv-bad-wkt', message: `Line ${line}: column "${mapping.wkt}" ${raw.trim() ? `is not valid WKT (${g})` : 'is empty'}; row skipped.`, line, featureIndex: index });
      } else geometry = g;
    } else {
      const xr = row[idx(mapping.x)];
      const yr = row[idx(mapping.y)];
      const x = parseCoordinate(xr);
      const y = parseCoordinate(yr);
      if (x === null || y === null) {
        const bad = x === null ? `"${mapping.x}" = ${JSON.stringify(xr ?? '')}` : `"${mapping.y}" = ${JSON.stringify(yr ?? '')}`;
        rejected.push({ index, reason: `line ${line}: ${bad} is not a number` });
        issues.push({ severity: 'error', code: 'csv-bad-coordinate', message: `Line ${line}: ${bad} is not a number; row skipped.`, line, featureIndex: index });
      } else geometry = { type: 'Point', coordinates: [x, y] };
    }
    if (!geometry) continue;
    const f: AnyFeature = { type: 'Feature', geometry, properties: props };
    features.push(f);
    lines.push(line);
    indices.push(index);
  }
  // Vietnamese survey convention: X is northing and Y is easting. Detect and swap.
  if (!('wkt' in mapping) && ['x', 'toa_do_x', 'x_coord', 'point_x'].includes(normaliseHeader(mapping.x))) {
    const pts = features.map((f) => (f.geometry as { coordinates: number[] }).coordinates);
    if (pts.length && pts.every(([x, y]) => x > 1_000_000 && y > 100_000 && y < 1_000_000)) {
      for (const p of pts) [p[0], p[1]] = [p[1], p[0]];
      issues.push({ severity: 'warning', code: 'csv-xy-northing-easting', message: `Column "${mapping.x}" holds northings (over 1,000,000 m) and "${mapping.y}" eastings, the Vietnamese surveying convention (X north, Y east); they were swapped.` });
    }
  }
  return { format: 'csv', features, lines, indices, issues, rejected };
}
