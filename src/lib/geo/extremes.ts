/**
 * Extremes of distances over regions: the farthest pair of two geometries and the maximum of a
 * 1-Lipschitz function (e.g. the distance to a geometry) over a polygonal region, with a proven
 * upper bound. Pure TypeScript, package-agnostic (no data-model knowledge).
 *
 * Metric: the same ellipsoidal cheap-ruler distance as everywhere in the engine (ruler.ts).
 *
 * - {@link farthestPair}: max over a ∈ A, b ∈ B of d(a, b). For points, straight segments and
 *   polygons the maximum of a convex function over a convex hull is reached at a hull vertex, so
 *   it is the farthest pair of vertices of the two convex hulls (hulls taken in the local plane).
 * - {@link maxOverRegion}: branch and bound over square cells of the region's local plane. A cell
 *   whose centre c gives f(c) can hold no value above f(c) + L·h (h = half diagonal, L the Lipschitz
 *   constant, 1 for distances, widened by 1 % for the local plane's scale error); cells are split
 *   until the best cell bound is within `max(tolM, tolRel·best)` of the best value found at a point
 *   of the region. Returns both: `value` (attained) ≤ true maximum ≤ `upper`.
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { distanceLL, kxAt, kyAt, projectT } from './ruler.ts';
import { bboxOfParts, bboxOfPositions, pointInParts, segmentIntersection, type Parts } from './geometry.ts';

/** Local plane: x = (lon − lon0)·kx, y = (lat − lat0)·ky (metres). */
interface Plane { lon0: number; lat0: number; kx: number; ky: number }

const allVertices = (p: Parts): Position[] => {
  const out: Position[] = [...p.points];
  for (const l of p.paths) for (const c of l) out.push(c);
  return out;
};

/** Cross product of OA and OB in the plane scaled by (kx, ky). */
const cross = (o: Position, a: Position, b: Position, kx: number, ky: number) => ((a[0] - o[0]) * kx) * ((b[1] - o[1]) * ky) - ((a[1] - o[1]) * ky) * ((b[0] - o[0]) * kx);

/**
 * Convex hull of the vertices of some parts (Andrew's monotone chain in the local plane at the
 * parts' mean latitude), as lon/lat positions, counter-clockwise, no repeated closing vertex.
 * One or two positions when the input is degenerate; empty for empty parts.
 */
export function hullOf(p: Parts): Position[] {
  const vs = allVertices(p);
  if (vs.length <= 2) return vs.slice();
  let lat = 0;
  for (const v of vs) lat += v[1];
  lat /= vs.length;
  const kx = kxAt(lat), ky = kyAt(lat);
  // sorted by lon, then lat (vs is this call's own array): an insertion sort for a few vertices
  // (stable, as Array.prototype.sort is: the same order)
  const pts = vs;
  if (pts.length <= 16) {
    for (let i = 1; i < pts.length; i++) {
      const q = pts[i];
      let j = i;
      while (j > 0 && (pts[j - 1][0] - q[0] || pts[j - 1][1] - q[1]) > 0) { pts[j] = pts[j - 1]; j--; }
      pts[j] = q;
    }
  } else pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const lower: Position[] = [];
  for (const q of pts) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q, kx, ky) <= 0) lower.pop(); lower.push(q); }
  const upper: Position[] = [];
  for (let i = pts.length - 1; i >= 0; i--) { const q = pts[i]; while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q, kx, ky) <= 0) upper.pop(); upper.push(q); }
  lower.pop(); upper.pop();
  const h = lower.concat(upper);
  return h.length ? h : [pts[0]];
}

/** Farthest hull vertex from a point: max over positions q of the hull of d(p, q), metres. */
export function farthestFromPoint(px: number, py: number, hull: readonly Position[]): number {
  let best = 0;
  for (const q of hull) { const d = distanceLL(px, py, q[0], q[1]); if (d > best) best = d; }
  return best;
}

/**
 * {@link farthestFromPoint} over a hull given as one flat array (lon, lat, lon, lat, …), or over the
 * positions from index `from` to `to` of an array holding several hulls: the same vertices in the
 * same order give the same value.
 */
export function farthestFromFlat(px: number, py: number, xy: Float64Array, from = 0, to = xy.length): number {
  let best = 0;
  for (let i = from; i < to; i += 2) { const d = distanceLL(px, py, xy[i], xy[i + 1]); if (d > best) best = d; }
  return best;
}

/** Result of {@link farthestPair}. */
export interface FarthestPair { distanceM: number; a: Position; b: Position }

/**
 * The largest distance between a point of A and a point of B (A, B any geometries as parts, or
 * convex hulls from {@link hullOf}): the farthest pair of hull vertices. Exact for straight-edged
 * geometries in the local plane; the pair is measured ellipsoidally.
 */
export function farthestPair(A: Parts | readonly Position[], B: Parts | readonly Position[]): FarthestPair {
  const ha = Array.isArray(A) ? A as Position[] : hullOf(A as Parts);
  const hb = Array.isArray(B) ? B as Position[] : hullOf(B as Parts);
  let best: FarthestPair = { distanceM: -Infinity, a: [NaN, NaN], b: [NaN, NaN] };
  for (const a of ha) for (const b of hb) {
    const d = distanceLL(a[0], a[1], b[0], b[1]);
    if (d > best.distanceM) best = { distanceM: d, a, b };
  }
  return best;
}

/**
 * Shortest distance (m) from a point to parts: 0 inside a polygon, else the nearest point or
 * segment (perpendicular foot in the local plane at the point's latitude, measured ellipsoidally).
 * Infinity for empty parts.
 */
export function pointToPartsM(px: number, py: number, P: Parts): number {
  if (P.polygons.length && pointInParts(px, py, P)) return 0;
  const kx = kxAt(py), ky = kyAt(py);
  let best = Infinity;
  for (const q of P.points) { const d = distanceLL(px, py, q[0], q[1]); if (d < best) best = d; }
  for (const l of P.paths) {
    for (let i = 1; i < l.length; i++) {
      const ax = l[i - 1][0], ay = l[i - 1][1], bx = l[i][0], by = l[i][1];
      // cheap reject: the segment's bbox is farther than best
      const dxm = px < Math.min(ax, bx) ? Math.min(ax, bx) - px : px > Math.max(ax, bx) ? px - Math.max(ax, bx) : 0;
      const dym = py < Math.min(ay, by) ? Math.min(ay, by) - py : py > Math.max(ay, by) ? py - Math.max(ay, by) : 0;
      if (dxm * kx * 0.99 > best || dym * ky * 0.99 > best) continue;
      const t = projectT(px, py, ax, ay, bx, by, kx, ky);
      const d = distanceLL(px, py, ax + (bx - ax) * t, ay + (by - ay) * t);
      if (d < best) best = d;
    }
  }
  return best;
}

/** Options of {@link maxOverRegion}. */
export interface MaxOptions {
  /** Absolute tolerance, metres. Default 1. */
  tolM?: number;
  /** Relative tolerance. Default 1e-4 (0.01 %). */
  tolRel?: number;
  /** Lipschitz constant of f in metres per metre. Default 1 (any distance function). */
  lipschitz?: number;
  /** Stop after this many evaluations of f (the bound stays valid, only wider). Default 20 000. */
  maxEvaluations?: number;
  /** A value known to be ≥ the maximum (prunes cells above nothing; used to stop early when f is capped). */
  knownUpper?: number;
}

/** Result of {@link maxOverRegion}. */
export interface RegionMax {
  /** Largest value of f found at a point of the region (attained). */
  value: number;
  /** Where `value` is attained, [lon, lat]. */
  at: Position;
  /** Proven upper bound of f over the region (≥ the true maximum, ≤ value + tolerance unless stopped early). */
  upper: number;
  /** Evaluations of f. */
  evaluations: number;
}

/** Binary max-heap of cells keyed by their upper bound. */
class CellHeap {
  ub: number[] = []; x: number[] = []; y: number[] = []; h: number[] = [];
  get size(): number { return this.ub.length; }
  push(ub: number, x: number, y: number, h: number): void {
    const U = this.ub, X = this.x, Y = this.y, H = this.h;
    let i = U.length; U.push(ub); X.push(x); Y.push(y); H.push(h);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (U[p] >= ub) break;
      U[i] = U[p]; X[i] = X[p]; Y[i] = Y[p]; H[i] = H[p]; i = p;
    }
    U[i] = ub; X[i] = x; Y[i] = y; H[i] = h;
  }
  pop(): [number, number, number, number] {
    const U = this.ub, X = this.x, Y = this.y, H = this.h;
    const top: [number, number, number, number] = [U[0], X[0], Y[0], H[0]];
    const lu = U.pop()!, lx = X.pop()!, ly = Y.pop()!, lh = H.pop()!;
    const n = U.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && U[c + 1] > U[c]) c++;
        if (U[c] <= lu) break;
        U[i] = U[c]; X[i] = X[c]; Y[i] = Y[c]; H[i] = H[c]; i = c;
      }
      U[i] = lu; X[i] = lx; Y[i] = ly; H[i] = lh;
    }
    return top;
  }
}

/**
 * Maximum of f(lon, lat) over a region: its polygons (area), or — for a region without polygons —
 * its vertices and the points along its paths (lines are sampled by the same branch and bound in
 * one dimension is not needed by the engine: a line region is handled as the set of its vertices
 * plus its segments, each bisected). f must be L-Lipschitz in metres (distances are 1-Lipschitz;
 * minima and maxima of 1-Lipschitz functions are too). See the module comment for the method.
 */
export function maxOverRegion(regionIn: Parts | PreparedParts, f: (lon: number, lat: number) => number, opts: MaxOptions = {}): RegionMax {
  const prep: PreparedParts = 'fb' in regionIn ? regionIn : prepareParts(regionIn);
  const region = prep.parts;
  const tolM = opts.tolM ?? 1, tolRel = opts.tolRel ?? 1e-4, L = (opts.lipschitz ?? 1) * 1.01, maxEval = opts.maxEvaluations ?? 20_000;
  let evaluations = 0;
  const ev = (x: number, y: number) => { evaluations++; return f(x, y); };
  let best = -Infinity, at: Position = [NaN, NaN];
  const take = (v: number, x: number, y: number) => { if (v > best) { best = v; at = [x, y]; } };
  // seeds: the hull's vertices and up to 64 others, spread along the rings (all belong to the region)
  const verts = allVertices(region);
  if (verts.length === 0) return { value: -Infinity, at, upper: -Infinity, evaluations: 0 };
  const step = Math.max(1, Math.floor(verts.length / 64));
  for (let k = 0; k < verts.length; k += step) take(ev(verts[k][0], verts[k][1]), verts[k][0], verts[k][1]);
  if (verts.length > 64) for (const v of hullOf(region)) take(ev(v[0], v[1]), v[0], v[1]);
  const tol = () => Math.max(tolM, tolRel * Math.abs(best));
  if (opts.knownUpper !== undefined && best >= opts.knownUpper - tol()) return { value: best, at, upper: Math.max(best, opts.knownUpper), evaluations };
  const [w, s, e, n] = bboxOfPositions(verts);
  const P: Plane = { lon0: (w + e) / 2, lat0: (s + n) / 2, kx: kxAt((s + n) / 2), ky: kyAt((s + n) / 2) };
  const toLon = (x: number) => P.lon0 + x / P.kx, toLat = (y: number) => P.lat0 + y / P.ky;
  let upperFloor = -Infinity; // bounds of cells left unexplored when stopped early
  if (region.polygons.length > 0) {
    // distance (m) from a lon/lat point to the region's boundary, to discard cells outside it
    const boundary: PreparedParts = { ...prep, parts: { points: region.points, paths: region.paths, polygons: [] } };
    const half = Math.max((e - w) * P.kx, (n - s) * P.ky) / 2;
    const heap = new CellHeap();
    const visit = (cx: number, cy: number, h: number) => {
      const lon = toLon(cx), lat = toLat(cy);
      const inside = preparedContains(prep, lon, lat);
      const diag = h * Math.SQRT2;
      if (!inside && preparedPointDistance(boundary, lon, lat, diag * 1.02) > diag * 1.01) return; // the cell misses the region
      const v = ev(lon, lat);
      if (inside) take(v, lon, lat);
      heap.push(v + L * diag, cx, cy, h);
    };
    visit(0, 0, half);
    while (heap.size) {
      const [ub, cx, cy, h] = heap.pop();
      if (ub <= best + tol()) { upperFloor = Math.max(upperFloor, ub); break; }
      if (evaluations >= maxEval) { upperFloor = Math.max(upperFloor, ub); break; }
      const q = h / 2;
      visit(cx - q, cy - q, q); visit(cx + q, cy - q, q); visit(cx - q, cy + q, q); visit(cx + q, cy + q, q);
    }
  } else {
    // lines (no area): bisect every segment; the bound on a sub-segment is max(f(ends)) + L·len/2
    type Seg = { ub: number; ax: number; ay: number; bx: number; by: number; fa: number; fb: number };
    const stack: Seg[] = [];
    for (const l of region.paths) for (let i = 1; i < l.length; i++) {
      const ax = l[i - 1][0], ay = l[i - 1][1], bx = l[i][0], by = l[i][1];
      const fa = ev(ax, ay), fb = ev(bx, by);
      stack.push({ ub: (fa + fb) / 2 + L * distanceLL(ax, ay, bx, by) / 2, ax, ay, bx, by, fa, fb });
    }
    while (stack.length) {
      const sg = stack.pop()!;
      if (sg.ub <= best + tol()) { upperFloor = Math.max(upperFloor, Math.min(sg.ub, best + tol())); continue; }
      if (evaluations >= maxEval) { upperFloor = Math.max(upperFloor, sg.ub); continue; }
      const mx = (sg.ax + sg.bx) / 2, my = (sg.ay + sg.by) / 2, fm = ev(mx, my);
      take(fm, mx, my);
      const half = distanceLL(sg.ax, sg.ay, sg.bx, sg.by) / 2;
      stack.push({ ub: (sg.fa + fm) / 2 + L * half / 2, ax: sg.ax, ay: sg.ay, bx: mx, by: my, fa: sg.fa, fb: fm });
      stack.push({ ub: (fm + sg.fb) / 2 + L * half / 2, ax: mx, ay: my, bx: sg.bx, by: sg.by, fa: fm, fb: sg.fb });
    }
  }
  let upper = Math.max(best, upperFloor === -Infinity ? best : upperFloor);
  if (opts.knownUpper !== undefined) upper = Math.min(upper, Math.max(best, opts.knownUpper));
  return { value: best, at, upper, evaluations };
}

// ------------------------------------------------------------------ prepared parts (indexed)

/**
 * Parts with an R-tree over their segments and points, for repeated distance and containment
 * queries in ~log n (large placement polygons: districts have ~1 000 vertices).
 */
export interface PreparedParts {
  parts: Parts;
  /** Scaled plane of the tree: x = lon·kx, y = lat·ky. */
  kx: number; ky: number;
  /** Segment ends (points are zero-length segments), lon/lat. */
  ax: Float64Array; ay: Float64Array; bx: Float64Array; by: Float64Array;
  /** R-tree of the segments' boxes in the scaled plane; null when empty or small (≤ 32 segments: scanned). */
  fb: Flatbush | null;
  bbox: [number, number, number, number];
}

/** Parts with at most this many segments are scanned rather than searched (the tree costs more). */
const SMALL = 32;

/** Index some parts once (see {@link PreparedParts}). */
export function prepareParts(p: Parts): PreparedParts {
  let n = p.points.length;
  for (const l of p.paths) n += l.length - 1;
  const ax = new Float64Array(n), ay = new Float64Array(n), bx = new Float64Array(n), by = new Float64Array(n);
  // (no closure: this runs once per placement region)
  let k = 0, lat = 0;
  for (const q of p.points) { ax[k] = bx[k] = q[0]; ay[k] = by[k] = q[1]; k++; lat += q[1]; }
  for (const l of p.paths) {
    for (let i = 1; i < l.length; i++) { const a = l[i - 1], b = l[i]; ax[k] = a[0]; ay[k] = a[1]; bx[k] = b[0]; by[k] = b[1]; k++; lat += a[1]; }
  }
  const lat0 = k ? lat / k : 0, kx = kxAt(lat0), ky = kyAt(lat0);
  let fb: Flatbush | null = null;
  if (n > SMALL) {
    fb = new Flatbush(n);
    for (let i = 0; i < n; i++) fb.add(Math.min(ax[i], bx[i]) * kx, Math.min(ay[i], by[i]) * ky, Math.max(ax[i], bx[i]) * kx, Math.max(ay[i], by[i]) * ky);
    fb.finish();
  }
  return { parts: p, kx, ky, ax, ay, bx, by, fb, bbox: bboxOfParts(p) };
}

/** Point in the polygons of prepared parts (even–odd over all rings: holes excluded), by counting ray crossings found in the tree. */
export function preparedContains(P: PreparedParts, px: number, py: number): boolean {
  if (P.ax.length === 0 || P.parts.polygons.length === 0) return false;
  if (px < P.bbox[0] || px > P.bbox[2] || py < P.bbox[1] || py > P.bbox[3]) return false;
  // only ring segments count: points and open lines are not in `polygons`; rings are the only closed paths
  let inside = false;
  if (P.ax.length <= SMALL) {
    // a few segments: a plain scan is cheaper than the tree (a segment off the ray fails the test anyway)
    for (let i = 0; i < P.ax.length; i++) {
      const x0 = P.ax[i], y0 = P.ay[i], x1 = P.bx[i], y1 = P.by[i];
      if ((y0 > py) !== (y1 > py) && px < ((x1 - x0) * (py - y0)) / (y1 - y0) + x0) inside = !inside;
    }
    return inside;
  }
  for (const i of P.fb!.search(px * P.kx, py * P.ky, P.bbox[2] * P.kx + 1, py * P.ky)) {
    const x0 = P.ax[i], y0 = P.ay[i], x1 = P.bx[i], y1 = P.by[i];
    if ((y0 > py) !== (y1 > py) && px < ((x1 - x0) * (py - y0)) / (y1 - y0) + x0) inside = !inside;
  }
  return inside;
}

/**
 * Shortest distance (m) from a point to prepared parts (0 inside a polygon). Infinity when empty,
 * or when nothing lies within `within` metres (a cheap early exit for callers that only need
 * distances below a bound).
 */
export function preparedPointDistance(P: PreparedParts, px: number, py: number, within = Infinity): number {
  if (P.ax.length === 0) return Infinity;
  if (P.parts.polygons.length && preparedContains(P, px, py)) return 0;
  const qkx = kxAt(py), qky = kyAt(py);
  if (P.ax.length <= SMALL) {
    // a few segments: the least over all of them is what the tree finds (its search only skips farther ones)
    let best = Infinity;
    for (let i = 0; i < P.ax.length; i++) { const d = segmentDistance(P, i, px, py, qkx, qky); if (d < best) best = d; }
    return best;
  }
  const near = P.fb!.neighbors(px * P.kx, py * P.ky, 1, within === Infinity ? Infinity : within * 1.02 + 1e-6);
  if (near.length === 0) return Infinity;
  let best = segmentDistance(P, near[0], px, py, qkx, qky);
  // every segment closer than `best` has its box within `best` (plus the plane's scale error) of the point
  const r = best * 1.02 + 1e-6;
  for (const i of P.fb!.search(px * P.kx - r, py * P.ky - r, px * P.kx + r, py * P.ky + r)) {
    const d = segmentDistance(P, i, px, py, qkx, qky);
    if (d < best) best = d;
  }
  return best;
}

/** Distance (m) from a point to segment i of prepared parts (foot in the plane kx, ky at the point). */
function segmentDistance(P: PreparedParts, i: number, px: number, py: number, qkx: number, qky: number): number {
  const t = projectT(px, py, P.ax[i], P.ay[i], P.bx[i], P.by[i], qkx, qky);
  return distanceLL(px, py, P.ax[i] + (P.bx[i] - P.ax[i]) * t, P.ay[i] + (P.by[i] - P.ay[i]) * t);
}

/**
 * Shortest distance (m) between two prepared parts: 0 when they cross, touch or one contains the
 * other; else the least vertex-to-segment distance in both directions (where the minimum between
 * non-crossing straight segments is reached).
 */
export function preparedDistance(A: PreparedParts, B: PreparedParts): number {
  if (A.ax.length === 0 || B.ax.length === 0) return Infinity;
  // containment of a first vertex (no crossing ⇒ a part is wholly inside or outside)
  const firsts = (P: Parts) => [...P.points, ...P.paths.map((l) => l[0])];
  for (const c of firsts(A.parts)) if (preparedContains(B, c[0], c[1])) return 0;
  for (const c of firsts(B.parts)) if (preparedContains(A, c[0], c[1])) return 0;
  // crossings: every segment of the smaller against the other's tree (boxes overlap only)
  const [S, T] = A.ax.length <= B.ax.length ? [A, B] : [B, A];
  const ob = [Math.max(A.bbox[0], B.bbox[0]), Math.max(A.bbox[1], B.bbox[1]), Math.min(A.bbox[2], B.bbox[2]), Math.min(A.bbox[3], B.bbox[3])];
  if (ob[0] <= ob[2] && ob[1] <= ob[3]) {
    for (let i = 0; i < S.ax.length; i++) {
      const w = Math.min(S.ax[i], S.bx[i]), e = Math.max(S.ax[i], S.bx[i]), s = Math.min(S.ay[i], S.by[i]), n = Math.max(S.ay[i], S.by[i]);
      if (w > ob[2] || e < ob[0] || s > ob[3] || n < ob[1]) continue;
      const qw = w * T.kx, qs = s * T.ky, qe = e * T.kx, qn = n * T.ky;
      const crosses = (j: number) => !!segmentIntersection([S.ax[i], S.ay[i]], [S.bx[i], S.by[i]], [T.ax[j], T.ay[j]], [T.bx[j], T.by[j]], T.kx, T.ky);
      if (T.fb) {
        for (const j of T.fb.search(qw, qs, qe, qn)) if (crosses(j)) return 0;
      } else {
        // no tree (few segments): the same boxes and the same test as the tree's search
        for (let j = 0; j < T.ax.length; j++) {
          if (qe < Math.min(T.ax[j], T.bx[j]) * T.kx || qn < Math.min(T.ay[j], T.by[j]) * T.ky || qw > Math.max(T.ax[j], T.bx[j]) * T.kx || qs > Math.max(T.ay[j], T.by[j]) * T.ky) continue;
          if (crosses(j)) return 0;
        }
      }
    }
  }
  // vertices of each against the other (outside-only now: distances to segments, no containment)
  let best = Infinity;
  const scan = (V: PreparedParts, W: PreparedParts) => {
    const noPoly: PreparedParts = { ...W, parts: { points: W.parts.points, paths: W.parts.paths, polygons: [] } };
    const visit = (x: number, y: number) => {
      // skip vertices whose box distance to W already exceeds best
      const dx = x < W.bbox[0] ? W.bbox[0] - x : x > W.bbox[2] ? x - W.bbox[2] : 0;
      const dy = y < W.bbox[1] ? W.bbox[1] - y : y > W.bbox[3] ? y - W.bbox[3] : 0;
      if (Math.hypot(dx * W.kx, dy * W.ky) * 0.98 > best) return;
      const d = preparedPointDistance(noPoly, x, y, best);
      if (d < best) best = d;
    };
    for (const q of V.parts.points) visit(q[0], q[1]);
    for (const l of V.parts.paths) for (const q of l) visit(q[0], q[1]);
  };
  scan(A, B); scan(B, A);
  return best;
}

/**
 * {@link preparedDistance} from one point to prepared parts, without indexing the point: the
 * same value (0 inside or on a segment; else the least of the point-to-segment distances and of
 * the vertex-to-point distances, as preparedDistance measures both directions).
 */
export function pointToPreparedDistance(px: number, py: number, B: PreparedParts): number {
  if (B.ax.length === 0) return Infinity;
  if (preparedContains(B, px, py)) return 0;
  const small = B.ax.length <= SMALL;
  if (px >= B.bbox[0] && px <= B.bbox[2] && py >= B.bbox[1] && py <= B.bbox[3]) {
    const p: Position = [px, py];
    const on = (j: number) => segmentIntersection(p, p, [B.ax[j], B.ay[j]], [B.bx[j], B.by[j]], B.kx, B.ky);
    if (small) {
      for (let j = 0; j < B.ax.length; j++) {
        if (px < Math.min(B.ax[j], B.bx[j]) || px > Math.max(B.ax[j], B.bx[j]) || py < Math.min(B.ay[j], B.by[j]) || py > Math.max(B.ay[j], B.by[j])) continue;
        if (on(j)) return 0;
      }
    } else for (const j of B.fb!.search(px * B.kx, py * B.ky, px * B.kx, py * B.ky)) if (on(j)) return 0;
  }
  if (small) {
    // the same values as below, without building anything: the point-to-segment distances (what
    // preparedPointDistance finds on the parts without their polygons), then the vertices
    const qkx = kxAt(py), qky = kyAt(py);
    let best = Infinity;
    for (let i = 0; i < B.ax.length; i++) { const d = segmentDistance(B, i, px, py, qkx, qky); if (d < best) best = d; }
    for (let i = 0; i < B.ax.length; i++) {
      let d: number;
      // along a path a segment starts where the previous one ended: that vertex is measured once
      if (i === 0 || B.ax[i] !== B.bx[i - 1] || B.ay[i] !== B.by[i - 1]) { d = distanceLL(B.ax[i], B.ay[i], px, py); if (d < best) best = d; }
      d = distanceLL(B.bx[i], B.by[i], px, py);
      if (d < best) best = d;
    }
    return best;
  }
  const noPoly: PreparedParts = B.parts.polygons.length ? { ...B, parts: { points: B.parts.points, paths: B.parts.paths, polygons: [] } } : B;
  let best = preparedPointDistance(noPoly, px, py);
  // vertices of B nearer than that (measured from the vertex, as preparedDistance does)
  const r = best * 1.02 + 1e-6;
  const within = B.fb!.search(px * B.kx - r, py * B.ky - r, px * B.kx + r, py * B.ky + r);
  for (const i of within) {
    let d = distanceLL(B.ax[i], B.ay[i], px, py);
    if (d < best) best = d;
    d = distanceLL(B.bx[i], B.by[i], px, py);
    if (d < best) best = d;
  }
  return best;
}
