/**
 * Spatial index over target features (points, lines, polygons) answering "nearest target to a
 * site" per layer and per category in ~O(log n).
 *
 * Structure: every target is cut into items — one per point, one per segment (line segments and
 * polygon ring edges), one per polygon (its bbox, for containment) — and the items are packed into
 * a Flatbush R-tree per category (plus one for all). Points are zero-size boxes, so the tree acts as
 * a packed kd-like point index too. Boxes live in a scaled plane (lon·kx₀, lat·ky₀ at the index's
 * mean latitude) so Flatbush's Euclidean `neighbors` is close to metres.
 *
 * Query (two phases, exact): (1) `neighbors(…, 1)` gives the item with the nearest bbox (polygons
 * only when they contain the site → 0) whose exact ellipsoidal distance d₁ bounds the answer;
 * (2) a bbox `search` of radius d₁ (converted to degrees with the smallest kx/ky in range, so the box
 * surely holds the d₁ disc) collects every candidate, measured exactly (cheap-ruler at mid latitude,
 * perpendicular foot in the local plane). Non-point sites measure candidate features whole with
 * {@link geometryDistance}.
 */
import Flatbush from 'flatbush';
import type { Feature, Geometry, Position } from 'geojson';
import { distanceLL, kxAt, kyAt, projectT, type LonLat } from './ruler.ts';
import { geometryDistance, pointInRings, toParts, bboxOf, bboxOfPositions, featureId, type Parts } from './geometry.ts';

const IDENTITY = (n: number): Int32Array => { const a = new Int32Array(n); for (let i = 0; i < n; i++) a[i] = i; return a; };

/** One answer of {@link TargetIndex.nearest}. Plain JSON. */
export interface NearestResult {
  /** Target id (`properties.id`, else `feature.id`, else its position in the input as a string). */
  id: string;
  /** Position of the target in the input array. */
  featureIndex: number;
  /** Category of the target (from `categoryOf`), or null. */
  category: string | null;
  /** Ellipsoidal distance in metres, 0 when touching / inside. */
  distanceM: number;
  /** Nearest point on the site, [lon, lat]. */
  nearestA: LonLat;
  /** Nearest point on the target, [lon, lat]. */
  nearestB: LonLat;
}

/** Options of {@link buildTargetIndex}. */
export interface TargetIndexOptions {
  /** Category key(s) of a feature (e.g. crop, mineral, `"110"` for voltage); null/undefined → none. */
  categoryOf?: (f: Feature, i: number) => string | string[] | null | undefined;
  /** Id of a feature; default `properties.id ?? feature.id ?? String(i)`. */
  idOf?: (f: Feature, i: number) => string;
}

/** Options of a nearest query. */
export interface NearestOptions {
  /** Restrict to one category. Unknown category → null result. */
  category?: string;
  /** Ignore targets farther than this (metres, ≥ 0); null result if none. */
  maxDistanceM?: number;
}

/** A built index; see {@link buildTargetIndex}. */
export interface TargetIndex {
  /** Number of indexed features (features with empty/null geometry are skipped). */
  readonly size: number;
  /** Categories present, sorted. */
  readonly categories: string[];
  /**
   * Nearest target to a site geometry (any type), or null if there is none (empty index, unknown
   * category, or nothing within `maxDistanceM`). Ties → lowest input position.
   * @throws `maxDistanceM must be a non-negative number, got X`
   */
  nearest(site: Geometry, opts?: NearestOptions): NearestResult | null;
  /**
   * Every target within `radiusM` metres of the site, sorted by distance then input position.
   * @throws `radiusM must be a non-negative number, got X`
   */
  within(site: Geometry, radiusM: number, opts?: { category?: string }): NearestResult[];
  /** The indexed feature at an input position. */
  feature(i: number): Feature;
}

const KIND_POINT = 0, KIND_SEG = 1, KIND_POLY = 2;

interface Tree { fb: Flatbush | null; items: Int32Array }

/**
 * Build a {@link TargetIndex} once over target features; queries then cost ~log n.
 * The input is not mutated or copied (coordinates are referenced), so it must not be mutated while
 * the index is in use (rebuild the index after editing targets).
 * @param features GeoJSON features (null or empty geometries are skipped)
 * @param opts `categoryOf` to split per category, `idOf` for ids
 * @throws `features must be an array, got X`; `unsupported geometry type: X`
 */
export function buildTargetIndex(features: readonly Feature[], opts: TargetIndexOptions = {}): TargetIndex {
  if (!Array.isArray(features)) throw new Error(`features must be an array, got ${describe(features)}`);
  const n = features.length;
  // ids are computed lazily (only for answers)
  const ids: (string | undefined)[] = new Array(n);
  const idAt = (i: number): string => ids[i] ?? (ids[i] = opts.idOf ? opts.idOf(features[i], i) : featureId(features[i], i));
  const cats: (string[] | null)[] = opts.categoryOf ? new Array(n).fill(null) : [];
  // a feature's parts, or for a Point its position (the parts toParts gives, without building them)
  const partsOf: (Parts | Position | null)[] = new Array(n).fill(null);
  // pass 1: decompose, count items, mean latitude
  let nItems = 0, latSum = 0, latN = 0, size = 0, nPoly = 0;
  for (let i = 0; i < n; i++) {
    const f = features[i];
    if (opts.categoryOf) {
      const cat = opts.categoryOf(f, i);
      if (cat != null) cats[i] = Array.isArray(cat) ? [...new Set(cat.map(String))] : [String(cat)];
    }
    if (!f || !f.geometry) continue;
    if (f.geometry.type === 'Point') {
      const c = f.geometry.coordinates;
      partsOf[i] = c; size++; nItems++; latSum += c[1]; latN++;
      continue;
    }
    const p = toParts(f.geometry);
    if (p.points.length === 0 && p.paths.length === 0) continue;
    partsOf[i] = p;
    size++;
    nItems += p.points.length + p.polygons.length;
    nPoly += p.polygons.length;
    for (const c of p.points) { latSum += c[1]; latN++; }
    for (const l of p.paths) { nItems += l.length - 1; latSum += l[0][1]; latN++; }
  }
  const lat0 = latN ? latSum / latN : 0;
  const KX0 = kxAt(lat0), KY0 = kyAt(lat0);
  // pass 2: items into typed arrays
  const kind = new Uint8Array(nItems), feat = new Int32Array(nItems);
  const c0 = new Float64Array(nItems), c1 = new Float64Array(nItems), c2 = new Float64Array(nItems), c3 = new Float64Array(nItems);
  // (polygon items' rings; none to hold when there is no polygon: an array per item outlives the build)
  const polyRef: (Position[][] | null)[] = nPoly ? new Array(nItems).fill(null) : [];
  let it = 0;
  for (let i = 0; i < n; i++) {
    const p = partsOf[i];
    if (!p) continue;
    if (Array.isArray(p)) { kind[it] = KIND_POINT; feat[it] = i; c0[it] = c2[it] = p[0]; c1[it] = c3[it] = p[1]; it++; continue; }
    for (const c of p.points) { kind[it] = KIND_POINT; feat[it] = i; c0[it] = c2[it] = c[0]; c1[it] = c3[it] = c[1]; it++; }
    for (const l of p.paths) {
      for (let k = 1; k < l.length; k++) {
        kind[it] = KIND_SEG; feat[it] = i; c0[it] = l[k - 1][0]; c1[it] = l[k - 1][1]; c2[it] = l[k][0]; c3[it] = l[k][1]; it++;
      }
    }
    for (const poly of p.polygons) {
      const [w, so, e, no] = bboxOfPositions(poly[0]);
      kind[it] = KIND_POLY; feat[it] = i; c0[it] = w; c1[it] = so; c2[it] = e; c3[it] = no; polyRef[it] = poly; it++;
    }
  }

  const buildTree = (items: Int32Array | null): Tree => {
    const m = items ? items.length : nItems;
    if (m === 0) return { fb: null, items: items ?? new Int32Array(0) };
    const fb = new Flatbush(m);
    for (let j = 0; j < m; j++) {
      const q = items ? items[j] : j;
      const x0 = c0[q], x1 = c2[q], y0 = c1[q], y1 = c3[q];
      fb.add((x0 < x1 ? x0 : x1) * KX0, (y0 < y1 ? y0 : y1) * KY0, (x0 < x1 ? x1 : x0) * KX0, (y0 < y1 ? y1 : y0) * KY0);
    }
    fb.finish();
    return { fb, items: items ?? IDENTITY(nItems) };
  };
  const trees = new Map<string | null, Tree>();
  trees.set(null, buildTree(null));
  const byCat = new Map<string, number[]>();
  if (opts.categoryOf) {
    for (let q = 0; q < nItems; q++) {
      const cs = cats[feat[q]];
      if (cs) for (const c of cs) { let a = byCat.get(c); if (!a) byCat.set(c, (a = [])); a.push(q); }
    }
    for (const [c, sel] of byCat) trees.set(c, buildTree(Int32Array.from(sel)));
  }
  const categories = [...byCat.keys()].sort();

  /** Exact distance from point (px,py) to item it; fills out. Polygon items: 0 inside, else Infinity. */
  const out = { d: Infinity, x: NaN, y: NaN };
  let qkx = 0, qky = 0; // ruler factors at the current query latitude
  const itemDist = (q: number, px: number, py: number): void => {
    const k = kind[q];
    if (k === KIND_POINT) { out.d = distanceLL(px, py, c0[q], c1[q]); out.x = c0[q]; out.y = c1[q]; }
    else if (k === KIND_SEG) {
      const ax = c0[q], ay = c1[q], bx = c2[q], by = c3[q];
      const t = projectT(px, py, ax, ay, bx, by, qkx, qky);
      out.x = ax + (bx - ax) * t; out.y = ay + (by - ay) * t;
      out.d = distanceLL(px, py, out.x, out.y);
    }
    else if (px >= c0[q] && px <= c2[q] && py >= c1[q] && py <= c3[q] && pip(q, px, py)) { out.d = 0; out.x = px; out.y = py; }
    else { out.d = Infinity; }
  };
  // point-in-polygon answers for the last query point (phase 1 and 2, and successive category
  // queries for the same site, test the same big polygons); targets are immutable by contract
  const pipCache = new Map<number, boolean>();
  let pipX = NaN, pipY = NaN;
  const pip = (q: number, px: number, py: number): boolean => {
    if (px !== pipX || py !== pipY) { pipCache.clear(); pipX = px; pipY = py; }
    let r = pipCache.get(q);
    if (r === undefined) { r = pointInRings(px, py, polyRef[q]!); pipCache.set(q, r); }
    return r;
  };

  /** Search box of radius r metres around bbox [w,s,e,n], in the scaled plane: into sb (no allocation per query). */
  const sb = new Float64Array(4);
  const searchBox = (w: number, s: number, e: number, n: number, r: number): Float64Array => {
    const kyMin = Math.min(kyAt(0), kyAt(Math.max(Math.abs(s), Math.abs(n)))) ; // ky grows with |lat|
    const dLat = r / kyMin * 1.001 + 1e-9;
    const latAbsMax = Math.min(89.9, Math.max(Math.abs(s - dLat), Math.abs(n + dLat)));
    const dLon = r / kxAt(latAbsMax) * 1.001 + 1e-9;
    sb[0] = (w - dLon) * KX0; sb[1] = (s - dLat) * KY0; sb[2] = (e + dLon) * KX0; sb[3] = (n + dLat) * KY0;
    return sb;
  };
  // phase 1's filter, one function for the index (a closure per query cost an allocation, and under
  // tsx a renaming): a polygon item counts only when it holds the query point (fx, fy)
  let fx = NaN, fy = NaN, fItems: Int32Array = new Int32Array(0);
  const holdsQuery = (j: number): boolean => {
    const it = fItems[j];
    if (kind[it] !== KIND_POLY) return true;
    itemDist(it, fx, fy);
    return out.d === 0;
  };

  const resultFor = (i: number, d: number, ax: number, ay: number, bx: number, by: number, category: string | null): NearestResult => ({
    id: idAt(i), featureIndex: i, category, distanceM: d, nearestA: [ax, ay], nearestB: [bx, by],
  });

  const nearest = (site: Geometry, q?: NearestOptions): NearestResult | null => {
    const maxD = q?.maxDistanceM;
    if (maxD !== undefined && !(typeof maxD === 'number' && maxD >= 0)) {
      throw new Error(`maxDistanceM must be a non-negative number, got ${describe(maxD)}`);
    }
    const category = q?.category ?? null;
    const tree = trees.get(category);
    if (!tree || !tree.fb) return null;
    let first: Position | undefined, isPoint: boolean;
    if (site && site.type === 'Point') { first = site.coordinates; isPoint = true; } // fast path, no allocation
    else {
      const sp = toParts(site);
      first = sp.points[0] ?? sp.paths[0]?.[0];
      isPoint = sp.paths.length === 0 && sp.points.length === 1;
    }
    if (!first || first.length < 2) return null;
    const px = first[0], py = first[1];
    qkx = kxAt(py); qky = kyAt(py);
    const items = tree.items;
    // phase 1: an upper bound from the nearest bbox
    fx = px; fy = py; fItems = items;
    const cand = tree.fb.neighbors(px * KX0, py * KY0, 1, Infinity, holdsQuery);
    if (cand.length === 0) return null;
    itemDist(items[cand[0]], px, py);
    let bound = out.d;
    if (maxD !== undefined && bound > maxD) bound = maxD;
    // phase 2: exact over the candidates in the bound box
    if (isPoint) searchBox(px, py, px, py, bound);
    else { const bb = bboxOf(site)!; searchBox(bb[0], bb[1], bb[2], bb[3], bound); }
    const found = tree.fb.search(sb[0], sb[1], sb[2], sb[3]);
    let best: NearestResult | null = null;
    if (isPoint) {
      let bd = Infinity, bi = -1, bx = NaN, by = NaN;
      for (const j of found) {
        const it = items[j];
        itemDist(it, px, py);
        const f = feat[it];
        if (out.d < bd || (out.d === bd && f < bi)) { bd = out.d; bi = f; bx = out.x; by = out.y; }
      }
      if (bi >= 0) best = resultFor(bi, bd, px, py, bx, by, category);
    } else {
      const seen = new Set<number>();
      for (const j of found) seen.add(feat[items[j]]);
      for (const f of [...seen].sort((a, b) => a - b)) {
        const r = geometryDistance(site, features[f].geometry);
        if (!best || r.distanceM < best.distanceM) best = resultFor(f, r.distanceM, r.nearestA[0], r.nearestA[1], r.nearestB[0], r.nearestB[1], category);
      }
    }
    if (!best) return null;
    if (maxD !== undefined && best.distanceM > maxD) return null;
    best.category = category ?? (cats[best.featureIndex]?.[0] ?? null);
    return best;
  };

  const within = (site: Geometry, radiusM: number, q: { category?: string } = {}): NearestResult[] => {
    if (!(typeof radiusM === 'number' && radiusM >= 0)) throw new Error(`radiusM must be a non-negative number, got ${describe(radiusM)}`);
    const tree = trees.get(q.category ?? null);
    if (!tree || !tree.fb) return [];
    const bb = bboxOf(site);
    if (!bb) return [];
    searchBox(bb[0], bb[1], bb[2], bb[3], radiusM);
    const seen = new Set<number>();
    for (const j of tree.fb.search(sb[0], sb[1], sb[2], sb[3])) seen.add(feat[tree.items[j]]);
    const res: NearestResult[] = [];
    for (const f of [...seen].sort((a, b) => a - b)) {
      const r = geometryDistance(site, features[f].geometry);
      if (r.distanceM <= radiusM) res.push(resultFor(f, r.distanceM, r.nearestA[0], r.nearestA[1], r.nearestB[0], r.nearestB[1], q.category ?? cats[f]?.[0] ?? null));
    }
    return res.sort((a, b) => a.distanceM - b.distanceM || a.featureIndex - b.featureIndex);
  };

  return { size, categories, nearest, within, feature: (i: number) => features[i] };
}

/** Short description of a bad argument for error messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
