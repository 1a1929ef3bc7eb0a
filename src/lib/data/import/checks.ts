/**
 * From a ParsedLayer to an ImportResult: CRS choice (declared, user, assumed or proposed),
 * reprojection to WGS 84, swapped lat/lon, ranges, ring closing, self-intersections (@turf/kinks),
 * winding (@turf/rewind), duplicate ids, HTML in properties. Bad features are rejected with a
 * reason, good ones kept.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import kinks from '@turf/kinks';
import rewind from '@turf/rewind';
import { VN2000_EXTENT, CRS_DEFS, parseCrsCode, proposeCrs, transformer } from '../crs.ts';
import type { CrsInfo, ImportOptions, ImportResult, Issue, IssueCode, ParsedLayer, Rejected } from './types.ts';
import { excerpt, looksLikeHtml } from './text.ts';
import { abortIssue } from './abort.ts';

export { abortIssue };

const fmt = (n: number) => (Math.abs(n) >= 1000 ? n.toFixed(1) : String(Math.round(n * 1e6) / 1e6));
const fmtPos = (p: Position) => `(${fmt(p[0])}, ${fmt(p[1])})`;
const MAX_KINK_VERTICES = 20000;

/** Visit every position of a geometry. */
export function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(fn);
      break;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((l) => l.forEach(fn));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((l) => l.forEach(fn)));
      break;
    case 'GeometryCollection':
      g.geometries.forEach((c) => eachPosition(c, fn));
  }
}

/** Map every position of a geometry (returns a new geometry). */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: fn(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(fn) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((l) => l.map(fn)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((l) => l.map(fn))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((c) => mapPositions(c, fn)) };
  }
}

const isPos = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Structural check of a raw geometry: null when well-formed, else the issue code and an English reason. */
export function structureProblem(g: unknown): { code: IssueCode; reason: string } | null {
  const reason = structureError(g);
  if (!reason) return null;
  if (g === null || g === undefined) return { code: 'null-geometry', reason };
  return { code: /^a line has [01] position/.test(reason) ? 'line-one-point' : 'invalid-geometry', reason };
}

/** Structural check of a raw geometry; returns an English reason or null when well-formed. */
export function structureError(g: unknown): string | null {
  if (g === null || g === undefined) return 'it has no geometry (null)';
  if (typeof g !== 'object') return `its geometry is ${typeof g}, not an object`;
  const { type, coordinates: c, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const arr = (x: unknown): x is unknown[] => Array.isArray(x);
  const badPos = (x: unknown) => (isPos(x) ? null : `a position is ${JSON.stringify(x)?.slice(0, 40)}, not two or more finite numbers`);
  const line = (x: unknown, min: number, what: string): string | null => {
    if (!arr(x)) return `a ${what} is not an array of positions`;
    for (const p of x) {
      const e = badPos(p);
      if (e) return e;
    }
    if (x.length < min) return `a ${what} has ${x.length} position${x.length === 1 ? '' : 's'} (needs at least ${min})`;
    return null;
  };
  switch (type) {
    case 'Point':
      return badPos(c);
    case 'MultiPoint':
      return line(c, 1, 'multipoint');
    case 'LineString':
      return line(c, 2, 'line');
    case 'MultiLineString':
      if (!arr(c) || !c.length) return 'the multiline has no lines';
      for (const l of c) { const e = line(l, 2, 'line'); if (e) return e; }
      return null;
    case 'Polygon':
      if (!arr(c) || !c.length) return 'the polygon has no rings';
      for (const r of c) { const e = line(r, 3, 'ring'); if (e) return e; }
      return null;
    case 'MultiPolygon':
      if (!arr(c) || !c.length) return 'the multipolygon has no polygons';
      for (const poly of c) {
        if (!arr(poly) || !poly.length) return 'a polygon of the multipolygon has no rings';
        for (const r of poly) { const e = line(r, 3, 'ring'); if (e) return e; }
      }
      return null;
    case 'GeometryCollection':
      if (!arr(geometries) || !geometries.length) return 'the geometry collection is empty';
      for (const m of geometries) { const e = structureError(m); if (e) return e; }
      return null;
    default:
      return `its geometry type ${JSON.stringify(type)} is not a GeoJSON geometry type`;
  }
}

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/**
 * Close unclosed rings when safe (≥3 distinct positions) and check ring sizes.
 * Returns the fixed geometry, or a reason to reject; `closed` counts rings that were closed.
 */
function fixRings(g: Geometry, counter: { closed: number }): Geometry | string {
  const ring = (r: Position[]): Position[] | string => {
    const distinct = r.filter((p, i) => i === 0 || !samePos(p, r[i - 1]));
    if (distinct.length > 1 && samePos(distinct[0], distinct[distinct.length - 1])) distinct.pop();
    if (distinct.length < 3) return `a ring has only ${distinct.length} distinct position${distinct.length === 1 ? '' : 's'} (needs 3 to enclose an area)`;
    if (!samePos(r[0], r[r.length - 1])) {
      counter.closed++;
      return [...r, r[0].slice()];
    }
    return r;
  };
  const polygon = (rs: Position[][]): Position[][] | string => {
    const out: Position[][] = [];
    for (const r of rs) {
      const f = ring(r);
      if (typeof f === 'string') return f;
      out.push(f);
    }
    return out;
  };
  if (g.type === 'Polygon') {
    const p = polygon(g.coordinates);
    return typeof p === 'string' ? p : { type: 'Polygon', coordinates: p };
  }
  if (g.type === 'MultiPolygon') {
    const out: Position[][][] = [];
    for (const poly of g.coordinates) {
      const p = polygon(poly);
      if (typeof p === 'string') return p;
      out.push(p);
    }
    return { type: 'MultiPolygon', coordinates: out };
  }
  if (g.type === 'GeometryCollection') {
    const out: Geometry[] = [];
    for (const m of g.geometries) {
      const f = fixRings(m, counter);
      if (typeof f === 'string') return f;
      out.push(f);
    }
    return { type: 'GeometryCollection', geometries: out };
  }
  if (g.type === 'LineString') {
    const distinct = g.coordinates.filter((p, i) => i === 0 || !samePos(p, g.coordinates[i - 1]));
    if (distinct.length < 2) return 'a line has all its positions at the same place';
  }
  return g;
}

/** Find the first self-intersection of a polygonal geometry; null when none (or too big to check). */
function selfIntersection(g: Geometry): Position | null {
  if (g.type === 'GeometryCollection') {
    for (const m of g.geometries) {
      const k = selfIntersection(m);
      if (k) return k;
    }
    return null;
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  let n = 0;
  eachPosition(g, () => n++);
  if (n > MAX_KINK_VERTICES) return null;
  const k = kinks(g as never);
  return k.features.length ? (k.features[0].geometry.coordinates as Position) : null;
}

/** Share (0–1) of positions that read as longitude/latitude degrees. */
function geographicShare(ps: Position[]): number {
  return ps.filter((p) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90).length / ps.length;
}

/** Share (0–1) of positions that fall in the region (grown 0.5°) once read as latitude, longitude. */
function swappedIntoRegion(ps: Position[], [w, s, e, n]: [number, number, number, number]): number {
  return ps.filter(([y, x]) => x >= w - 0.5 && x <= e + 0.5 && y >= s - 0.5 && y <= n + 0.5).length / ps.length;
}

/** Default `maxFeatures`: 250,000. */
export const DEFAULT_MAX_FEATURES = 250_000;
/** Default `maxVertices`: 5,000,000 positions in all. */
export const DEFAULT_MAX_VERTICES = 5_000_000;

type Kept = { i: number; f: Feature<Geometry, Record<string, unknown>> };

/** What the steps of `finishLayer` share: the layer, the options, and the issues and rejections so far. */
interface Run {
  layer: ParsedLayer;
  options: ImportOptions;
  issues: Issue[];
  rejected: Rejected[];
  region: [number, number, number, number];
  progress: (f: number) => void;
  aborted: () => boolean;
  srcIndex: (i: number) => number;
  /** "Line 12 (feature 3)" or "Feature 3". */
  where: (i: number) => string;
  /** Leave feature `i` out with a reason. */
  reject: (i: number, reason: string, code: IssueCode) => void;
  /** A warning about feature `i`. */
  warn: (i: number, code: IssueCode, message: string) => void;
}

function newRun(layer: ParsedLayer, options: ImportOptions): Run {
  const issues: Issue[] = [...layer.issues];
  const rejected: Rejected[] = [...layer.rejected];
  const srcIndex = (i: number) => layer.indices?.[i] ?? i;
  const where = (i: number) => {
    const line = layer.lines?.[i];
    return line ? `Line ${line} (feature ${srcIndex(i)})` : `Feature ${srcIndex(i)}`;
  };
  return {
    layer, options, issues, rejected, srcIndex, where,
    region: options.regionBbox ?? VN2000_EXTENT,
    progress: (f) => options.onProgress?.(0.5 + f * 0.5),
    aborted: () => options.signal?.aborted ?? false,
    reject: (i, reason, code) => {
      rejected.push({ index: srcIndex(i), reason });
      issues.push({ severity: 'error', code, message: `${where(i)}: ${reason}; it was left out.`, featureIndex: srcIndex(i), line: layer.lines?.[i] });
    },
    warn: (i, code, message) => issues.push({ severity: 'warning', code, message: `${where(i)}: ${message}`, featureIndex: srcIndex(i), line: layer.lines?.[i] }),
  };
}

/** Step 1: structure. Features with a malformed geometry are rejected; the others kept. Fails over the vertex limit. */
export function checkStructure(run: Run): Kept[] | Issue {
  const { layer } = run;
  const alreadyRejected = new Set(layer.rejected.map((r) => r.index));
  const maxVertices = run.options.maxVertices ?? DEFAULT_MAX_VERTICES;
  const kept: Kept[] = [];
  let vertices = 0;
  for (let i = 0; i < layer.features.length; i++) {
    const f = layer.features[i];
    if (alreadyRejected.has(run.srcIndex(i)) && f.geometry === null) continue;
    const err = structureProblem(f.geometry);
    if (err) {
      run.reject(i, err.reason, err.code);
      continue;
    }
    const geometry = f.geometry as Geometry;
    eachPosition(geometry, () => vertices++);
    if (vertices > maxVertices) {
      return { severity: 'error', code: 'too-many-vertices', message: `The layer has more than ${maxVertices.toLocaleString('en')} positions (vertices) by feature ${run.srcIndex(i)}, over the limit; simplify it or split it into smaller files.` };
    }
    kept.push({ i, f: { ...f, geometry, properties: f.properties ?? {} } });
  }
  return kept;
}

/**
 * Step 2: the source CRS: `options.fromCrs` > the file's own > WGS 84 when the coordinates look
 * like degrees > a proposal from the region hint. Returns a fatal issue when none can be used.
 */
export function chooseCrs(run: Run, kept: Kept[]): CrsInfo | Issue {
  const { layer, options, issues, region } = run;
  const all: Position[] = [];
  for (const k of kept) eachPosition(k.f.geometry, (p) => all.push(p));
  let crs: CrsInfo;
  if (options.fromCrs !== undefined) {
    const code = parseCrsCode(options.fromCrs);
    if (!code) return { severity: 'error', code: 'unsupported-crs', message: `The CRS ${JSON.stringify(options.fromCrs)} given for this file is not supported (supported: ${Object.keys(CRS_DEFS).map((c) => `EPSG:${c}`).join(', ')}).` };
    crs = { code, source: 'user' };
    if (layer.crs && layer.crs.code !== code) issues.push({ severity: 'warning', code: 'crs-overridden', message: `The file says EPSG:${layer.crs.code} (${CRS_DEFS[layer.crs.code].name}) but EPSG:${code} was given and used instead.` });
  } else if (layer.crs) crs = layer.crs;
  else if (layer.crsError) {
    return { severity: 'error', code: 'unsupported-crs', message: `${layer.crsError}; say which CRS the coordinates are in (fromCrs / --from-crs).` };
  } else if (!all.length || geographicShare(all) > 0.5) crs = { code: 4326, source: 'assumed' };
  else if (swappedIntoRegion(all, region) > 0.5) crs = { code: 4326, source: 'assumed' }; // lat/lon order; swapped below
  else {
    const sample = all.find((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)!;
    const proposals = proposeCrs(all, region, 0.5, options.preferredCrs);
    if (!proposals.length && (geographicShare(all) > 0 || !all.some(looksProjected))) {
      crs = { code: 4326, source: 'assumed' }; // some positions are degrees, or none looks like metres: reject the rest below
    } else if (!proposals.length) {
      return { severity: 'error', code: 'projected-without-crs', message: `The coordinates are projected (e.g. ${fmtPos(sample)}) but the file does not say in which CRS, and no supported CRS puts them inside the region; say which CRS they are in (fromCrs / --from-crs).` };
    } else {
      crs = { code: proposals[0].code, source: 'proposed' };
      const alt = proposals.slice(1, 4).map((p) => `EPSG:${p.code}`);
      issues.push({
        severity: 'warning', code: 'crs-proposed',
        message: `The coordinates are projected (e.g. ${fmtPos(sample)}) and the file does not say in which CRS; they were read as EPSG:${crs.code} (${CRS_DEFS[crs.code].name}) because ${proposals[0].why}.${alt.length ? ` Other candidates: ${alt.join(', ')}.` : ''} Confirm or choose the CRS.`,
      });
    }
  }
  if (!CRS_DEFS[crs.code].projected && (crs.source === 'prj' || crs.source === 'geojson') && all.length && geographicShare(all) < 0.5) {
    const sample = all.find((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)!;
    const best = proposeCrs(all, region, 0.5, options.preferredCrs)[0];
    const guess = best ? ` they look like EPSG:${best.code} (${CRS_DEFS[best.code].name});` : '';
    return { severity: 'error', code: 'crs-mismatch', message: `The file says its CRS is EPSG:${crs.code} (${CRS_DEFS[crs.code].name}, degrees) but the coordinates are projected (e.g. ${fmtPos(sample)});${guess} say which CRS they are in (fromCrs / --from-crs).` };
  }
  if (crs.source === 'assumed' && layer.format === 'shapefile') {
    issues.push({ severity: 'warning', code: 'crs-assumed', message: 'No CRS was given; the coordinates look like longitude/latitude and were read as WGS 84 (EPSG:4326).' });
  }
  return crs;
}

/** Step 3: reproject the kept features to WGS 84 (in place). */
export function reproject(kept: Kept[], crs: CrsInfo): void {
  if (crs.code === 4326) return;
  const t = transformer(crs.code, 4326);
  for (const k of kept) k.f = { ...k.f, geometry: mapPositions(k.f.geometry, t) };
}

/** Step 4: coordinates in latitude, longitude order (lon/lat sources only): swapped when that puts them in the region. */
export function unswapLatLon(run: Run, kept: Kept[], crs: CrsInfo): void {
  if (CRS_DEFS[crs.code].projected || !kept.length) return;
  const [w, s, e, n] = run.region;
  const inRegion = (x: number, y: number) => x >= w - 0.5 && x <= e + 0.5 && y >= s - 0.5 && y <= n + 0.5;
  let inside = 0, swapped = 0, total = 0;
  for (const k of kept) eachPosition(k.f.geometry, (p) => { total++; if (inRegion(p[0], p[1])) inside++; if (inRegion(p[1], p[0])) swapped++; });
  if (!(inside / total < 0.5 && swapped / total > 0.5)) return;
  let first: Position = [0, 0];
  eachPosition(kept[0].f.geometry, (p) => (first = first[0] === 0 && first[1] === 0 ? p : first));
  if (run.options.autoSwap !== false) {
    for (const k of kept) k.f = { ...k.f, geometry: mapPositions(k.f.geometry, (p) => [p[1], p[0], ...p.slice(2)]) };
    run.issues.push({ severity: 'warning', code: 'swapped-lat-lon', message: `The coordinates are in latitude, longitude order (e.g. ${fmtPos(first)}): read as given they fall outside the region, swapped they fall inside it. They were swapped to longitude, latitude.` });
  } else {
    run.issues.push({ severity: 'warning', code: 'swapped-lat-lon', message: `The coordinates look like latitude, longitude order (e.g. ${fmtPos(first)}): swapped they would fall inside the region. They were kept as given (autoSwap is off).` });
  }
}

/** True when a position outside the degree range looks like projected metres rather than a typo. */
function looksProjected(p: Position): boolean {
  return Math.abs(p[0]) >= 10_000 || Math.abs(p[1]) >= 10_000;
}

/**
 * Step 5, per feature: range, rings, self-intersection, winding. Returns the fixed feature and
 * whether it lies near the region, or null when it was rejected.
 */
export function checkFeature(run: Run, { i, f }: Kept, crs: CrsInfo): { kept: Kept; near: boolean } | null {
  const [w, s, e, n] = run.region;
  let bad: Position | undefined;
  let near = false;
  eachPosition(f.geometry, (p) => {
    if (!bad && (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) bad = p;
    if (p[0] >= w - 2 && p[0] <= e + 2 && p[1] >= s - 2 && p[1] <= n + 2) near = true;
  });
  if (bad) {
    if (crs.code === 4326 && looksProjected(bad)) {
      run.reject(i, `position ${fmtPos(bad)} is outside longitude −180…180 / latitude −90…90: it looks like projected metres in a file read as WGS 84 degrees (say which CRS the file is in)`, 'projected-in-degrees');
    } else {
      run.reject(i, `position ${fmtPos(bad)} is outside longitude −180…180 / latitude −90…90 (a coordinate out of range, not a position on Earth)`, 'out-of-range');
    }
    return null;
  }
  const counter = { closed: 0 };
  const fixed = fixRings(f.geometry, counter);
  if (typeof fixed === 'string') {
    run.reject(i, fixed, /^a line /.test(fixed) ? 'line-one-point' : 'invalid-geometry');
    return null;
  }
  if (counter.closed) {
    run.warn(i, 'ring-closed', `${counter.closed} polygon ring${counter.closed > 1 ? 's were' : ' was'} not closed (last position ≠ first); closed by repeating the first position.`);
  }
  const kink = selfIntersection(fixed);
  if (kink) {
    if (!run.options.keepInvalid) {
      run.reject(i, `the polygon crosses itself near ${fmtPos(kink)} (self-intersecting ring; areas and overlays would be wrong)`, 'self-intersection');
      return null;
    }
    run.warn(i, 'self-intersection', `the polygon crosses itself near ${fmtPos(kink)}; kept as invalid because keepInvalid is set.`);
  }
  const geometry = fixed.type === 'Polygon' || fixed.type === 'MultiPolygon' ? (rewind(fixed as never, { reverse: false }) as unknown as Geometry) : fixed;
  return { kept: { i, f: { ...f, geometry } }, near };
}

/** Step 6: duplicate ids, HTML in properties, Unicode normalisation (in place), mixed geometry types. */
export function checkIdsAndText(run: Run, kept: Kept[]): void {
  const { issues } = run;
  const seen = new Map<string, number>();
  const types = new Map<string, number>();
  let normalised = 0;
  for (const { i, f } of kept) {
    types.set(f.geometry.type, (types.get(f.geometry.type) ?? 0) + 1);
    for (const [k, v] of Object.entries(f.properties)) {
      if (typeof v === 'string' && v.normalize('NFC') !== v) {
        f.properties = { ...f.properties, [k]: v.normalize('NFC') };
        normalised++;
      }
    }
    const id = f.id ?? (f.properties.id as string | number | undefined);
    if (id !== undefined && id !== null && id !== '') {
      const key = String(id);
      if (seen.has(key)) run.warn(i, 'duplicate-id', `id "${excerpt(key, 40)}" is already used by feature ${run.srcIndex(seen.get(key)!)}; both were kept, but ids should be unique.`);
      else seen.set(key, i);
    }
    for (const [k, v] of Object.entries(f.properties)) {
      if (typeof v === 'string' && looksLikeHtml(v)) {
        run.warn(i, 'html-in-property', `property "${k}" contains HTML or script markup ("${excerpt(v, 50)}"); it is kept as plain text and is never rendered as HTML.`);
      }
    }
  }
  if (normalised) {
    issues.push({ severity: 'warning', code: 'unicode-normalised', message: `${normalised} text value${normalised > 1 ? 's were' : ' was'} in decomposed Unicode (NFD, e.g. from macOS or some Vietnamese keyboards) and normalised to NFC, so names match and search as expected.` });
  }
  if (types.size > 1) {
    issues.push({ severity: 'warning', code: 'mixed-geometry', message: `The layer mixes geometry types: ${[...types].map(([t, c]) => `${c} ${t}`).join(', ')}.` });
  }
}

/** Turn a ParsedLayer into an ImportResult (see module comment): the six steps above. Checks `signal` between steps. */
export function finishLayer(layer: ParsedLayer, options: ImportOptions = {}): ImportResult {
  const run = newRun(layer, options);
  const fail = (extra: Issue[] = []): ImportResult => ({ ok: false, format: layer.format, issues: capIssues([...run.issues, ...extra]) });
  if (layer.needsMapping) return { ok: false, format: layer.format, issues: run.issues, needsMapping: layer.needsMapping };
  if (!layer.features.length && !run.rejected.length) {
    return fail([{ severity: 'error', code: 'empty-layer', message: 'The file holds no features: the layer is empty.' }]);
  }
  const maxFeatures = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  if (layer.features.length > maxFeatures) {
    return fail([{ severity: 'error', code: 'too-many-features', message: `The layer has ${layer.features.length.toLocaleString('en')} features, over the limit of ${maxFeatures.toLocaleString('en')}; split it into smaller files.` }]);
  }

  const structured = checkStructure(run);
  if (!Array.isArray(structured)) return fail([structured]);
  let kept = structured;
  if (run.aborted()) return fail([abortIssue()]);
  run.progress(0.1);

  const crs = chooseCrs(run, kept);
  if ('severity' in crs) return fail([crs]);

  reproject(kept, crs);
  if (run.aborted()) return fail([abortIssue()]);
  run.progress(0.3);

  unswapLatLon(run, kept, crs);

  const next: Kept[] = [];
  let outside = 0;
  for (let j = 0; j < kept.length; j++) {
    if (j % 500 === 0) {
      if (run.aborted()) return fail([abortIssue()]);
      run.progress(0.3 + (0.5 * j) / kept.length);
    }
    const checked = checkFeature(run, kept[j], crs);
    if (!checked) continue;
    if (!checked.near) outside++;
    next.push(checked.kept);
  }
  kept = next;
  if (outside) run.issues.push({ severity: 'warning', code: 'outside-region', message: `${outside} feature${outside > 1 ? 's lie' : ' lies'} more than 2° away from the region; check the CRS.` });

  checkIdsAndText(run, kept);
  run.progress(1);
  if (!kept.length) {
    return fail([{ severity: 'error', code: 'no-valid-features', message: `None of the ${new Set([...layer.features.map((_, i) => run.srcIndex(i)), ...layer.rejected.map((r) => r.index)]).size} features could be used (see the other issues).` }]);
  }
  run.rejected.sort((a, b) => a.index - b.index);
  const collection: FeatureCollection<Geometry, Record<string, unknown>> = {
    type: 'FeatureCollection',
    features: kept.map(({ f }) => {
      const out: Feature<Geometry, Record<string, unknown>> = { type: 'Feature', geometry: f.geometry, properties: f.properties };
      if (f.id !== undefined) out.id = f.id;
      return out;
    }),
  };
  return { ok: true, collection, format: layer.format, crs, issues: capIssues(run.issues), rejected: run.rejected };
}

/** Keep at most `max` issues of each code (the rest summarised in one issue); `rejected` keeps all. */
export function capIssues(issues: Issue[], max = 50): Issue[] {
  const count = new Map<IssueCode, number>();
  const out: Issue[] = [];
  for (const i of issues) {
    const n = (count.get(i.code) ?? 0) + 1;
    count.set(i.code, n);
    if (n <= max) out.push(i);
  }
  for (const [code, n] of count) {
    if (n > max) {
      const first = issues.find((i) => i.code === code)!;
      out.push({ severity: first.severity, code, message: `…and ${n - max} more "${code}" issue${n - max > 1 ? 's' : ''} like the above (${n} in all).` });
    }
  }
  return out;
}
