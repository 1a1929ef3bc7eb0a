/**
 * Exact disc measures in a local ellipsoidal plane: the area of a (Multi)Polygon and the length
 * of lines inside a circle. Package-agnostic geometry; the catchment (lib/analysis) builds on it.
 *
 * Method (exact circle, planar in a local ellipsoidal frame): coordinates go into the cheap-ruler
 * plane at the disc centre (WGS84 metres per degree at its latitude). The area of a polygon inside
 * the circle is computed exactly with Green's theorem: every edge contributes the signed area of
 * triangle(centre, A, B) ∩ disc (a circular sector where the edge is outside the circle, a triangle
 * where it is inside); holes subtract. Lines are clipped to the circle analytically. O(n) per ring,
 * no allocation. This replaces `@turf/circle` + `@turf/intersect` + `@turf/area` (same quantity, tested
 * against them) but is ellipsoidal: turf's circle is drawn on a 6371 km sphere (≈ 4980 m N–S ×
 * 5010 m E–W in WGS84 metres for "5 km" here) and its area is spherical (+0.3 %), so per-polygon slivers
 * at the rim differ from turf while totals agree within 0.2 %; polygon areas are within 0.1 % of
 * GeographicLib (tested). The frame's scale error grows with distance from the centre (≈ 0.3 % of
 * E–W lengths 1° of latitude away), negligible for R ≤ 30 km.
 */
import type { Geometry, Position } from 'geojson';
import { kxAt, kyAt, type LonLat } from './ruler.ts';
import { bboxOfPositions, toParts } from './geometry.ts';
import type { PreparedParts } from './extremes.ts';

/** Local plane around a centre: x = (lon-lon0)·kx, y = (lat-lat0)·ky, metres. */
export interface Frame { lon0: number; lat0: number; kx: number; ky: number }

/** The frame at a centre (cheap-ruler factors at its latitude). */
export function frameAt(c: LonLat): Frame {
  return { lon0: c[0], lat0: c[1], kx: kxAt(c[1]), ky: kyAt(c[1]) };
}

let bufR = new Float64Array(1024);
/**
 * Replace every chunk lying wholly outside one side of the box by its first and last vertex.
 * Exact for the clip: the dropped run and its chord both lie in that side's outer half-plane
 * (convex), so the region between them is removed by the clip anyway.
 */
function reduceOutsideChunks(pr: PreparedRing, box: readonly [number, number, number, number]): number {
  const xy = pr.xy, ch = pr.chunks, n = xy.length / 2, nc = ch.length / 4;
  if (bufR.length < xy.length) bufR = new Float64Array(xy.length);
  let o = 0;
  for (let c = 0; c < nc; c++) {
    const i0 = c * CHUNK, i1 = Math.min(n, i0 + CHUNK) - 1;
    const out = ch[4 * c + 2] < box[0] || ch[4 * c] > box[2] || ch[4 * c + 3] < box[1] || ch[4 * c + 1] > box[3];
    if (out) {
      bufR[o++] = xy[2 * i0]; bufR[o++] = xy[2 * i0 + 1];
      if (i1 > i0) { bufR[o++] = xy[2 * i1]; bufR[o++] = xy[2 * i1 + 1]; }
    } else {
      for (let i = i0; i <= i1; i++) { bufR[o++] = xy[2 * i]; bufR[o++] = xy[2 * i + 1]; }
    }
  }
  return o; // (the reduced ring: bufR[0 … o))
}

let bufA = new Float64Array(1024), bufB = new Float64Array(1024), clipLen = 0;
/** The ring xy[0 … len) clipped to the box: returns its buffer, its length in clipLen. */
function clipToBox(xy: Float64Array, xyLen: number, w: number, s: number, e: number, n: number): Float64Array {
  // scratch buffers (module-level: one analysis at a time per JS realm/worker); ≤ 2 outputs per input vertex
  const need = 2 * xyLen + 16;
  if (bufA.length < need) { bufA = new Float64Array(need); bufB = new Float64Array(need); }
  let src = xy, len = xyLen, dst = bufA;
  for (let side = 0; side < 4 && len >= 6; side++) {
    const bound = side === 0 ? w : side === 1 ? e : side === 2 ? s : n;
    const axis = side < 2 ? 0 : 1; // 0: x, 1: y
    const keepGreater = side === 0 || side === 2;
    let o = 0;
    let px = src[len - 2], py = src[len - 1];
    let pv = axis === 0 ? px : py;
    let pin = keepGreater ? pv >= bound : pv <= bound;
    for (let k = 0; k < len; k += 2) {
      const x = src[k], y = src[k + 1];
      const v = axis === 0 ? x : y;
      const xin = keepGreater ? v >= bound : v <= bound;
      if (xin !== pin) {
        const t = (bound - pv) / (v - pv);
        dst[o++] = px + (x - px) * t; dst[o++] = py + (y - py) * t;
      }
      if (xin) { dst[o++] = x; dst[o++] = y; }
      px = x; py = y; pv = v; pin = xin;
    }
    len = o;
    src = dst;
    dst = dst === bufA ? bufB : bufA;
  }
  clipLen = len;
  return src;
}

/**
 * A ring prepared once: flat lon/lat (closing vertex dropped), bbox, orientation-free area, and
 * bboxes of consecutive chunks of {@link CHUNK} vertices (w, s, e, n per chunk) used to skip runs
 * of vertices far from the disc.
 */
export interface PreparedRing { xy: Float64Array; w: number; s: number; e: number; n: number; areaM2: number; chunks: Float64Array }

/** Vertices per chunk in {@link PreparedRing.chunks}. */
export const CHUNK = 16;

/** Prepare a lon/lat ring (area in the cheap-ruler plane at the ring's mid latitude). */
export function prepareRing(ring: Position[]): PreparedRing {
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  const xy = new Float64Array(2 * Math.max(0, n));
  for (let i = 0; i < n; i++) { xy[2 * i] = ring[i][0]; xy[2 * i + 1] = ring[i][1]; }
  // the whole ring: a dropped closing vertex repeats the first, so the box is the same
  const [w, so, e, no] = bboxOfPositions(ring);
  const nc = Math.ceil(n / CHUNK);
  const chunks = new Float64Array(4 * nc);
  for (let c = 0; c < nc; c++) {
    let cw = Infinity, cs = Infinity, ce = -Infinity, cn = -Infinity;
    for (let i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
      const x = xy[2 * i], y = xy[2 * i + 1];
      if (x < cw) cw = x; if (x > ce) ce = x; if (y < cs) cs = y; if (y > cn) cn = y;
    }
    chunks[4 * c] = cw; chunks[4 * c + 1] = cs; chunks[4 * c + 2] = ce; chunks[4 * c + 3] = cn;
  }
  let a = 0;
  if (n >= 3) {
    const mid = (so + no) / 2, kx = kxAt(mid), ky = kyAt(mid);
    let px = (xy[2 * n - 2] - w) * kx, py = (xy[2 * n - 1] - so) * ky;
    for (let i = 0; i < n; i++) { const x = (xy[2 * i] - w) * kx, y = (xy[2 * i + 1] - so) * ky; a += px * y - py * x; px = x; py = y; }
  }
  return { xy, w, s: so, e, n: no, areaM2: Math.abs(a) / 2, chunks };
}

/**
 * Area of a prepared ring inside the disc (≥ 0, m²). Rings whose bbox misses the disc's box cost
 * O(1); rings wholly inside return their area; others are clipped (cheaply, no trigonometry) to
 * the disc's bounding box so only edges near the disc pay for the exact triangle–disc integral.
 */
function ringInDisc(pr: PreparedRing, F: Frame, r: number, box: readonly [number, number, number, number]): number {
  const m0 = pr.xy.length / 2;
  if (m0 < 3 || pr.w > box[2] || pr.e < box[0] || pr.s > box[3] || pr.n < box[1]) return 0;
  const fx = Math.max((pr.w - F.lon0) ** 2, (pr.e - F.lon0) ** 2) * F.kx * F.kx;
  const fy = Math.max((pr.s - F.lat0) ** 2, (pr.n - F.lat0) ** 2) * F.ky * F.ky;
  if (fx + fy <= r * r) return pr.areaM2; // bbox wholly inside the disc
  const reduced = reduceOutsideChunks(pr, box); // (may grow bufR: read it after)
  const c = clipToBox(bufR, reduced, box[0], box[1], box[2], box[3]);
  const m = clipLen / 2;
  if (m < 3) return 0;
  let inside = 0, signed = 0;
  const r2 = r * r;
  let px = (c[2 * m - 2] - F.lon0) * F.kx, py = (c[2 * m - 1] - F.lat0) * F.ky;
  for (let i = 0; i < m; i++) {
    const x = (c[2 * i] - F.lon0) * F.kx, y = (c[2 * i + 1] - F.lat0) * F.ky;
    // signed area of triangle (O, A, B) ∩ disc(O, r), O the origin, A = (px, py), B = (x, y)
    // (written here, not called: a call would box each result)
    const ax = px, ay = py, bx = x, by = y;
    const cA = ax * ax + ay * ay - r2;
    const cB = bx * bx + by * by - r2;
    if (cA <= 0 && cB <= 0) inside += 0.5 * (ax * by - ay * bx); // both ends inside: the whole triangle
    else {
      const dx = bx - ax, dy = by - ay;
      const a = dx * dx + dy * dy;
      if (a !== 0) {
        const b = ax * dx + ay * dy;
        const disc = b * b - a * cA;
        if (disc <= 0) inside += 0.5 * r2 * Math.atan2(ax * by - ay * bx, ax * bx + ay * by); // line misses the circle
        else {
          const sq = Math.sqrt(disc);
          const t1 = (-b - sq) / a, t2 = (-b + sq) / a;
          if (t2 <= 0 || t1 >= 1) inside += 0.5 * r2 * Math.atan2(ax * by - ay * bx, ax * bx + ay * by); // segment outside
          else {
            let area = 0;
            let p1x = ax, p1y = ay, p2x = bx, p2y = by;
            if (t1 > 0) { p1x = ax + dx * t1; p1y = ay + dy * t1; area += 0.5 * r2 * Math.atan2(ax * p1y - ay * p1x, ax * p1x + ay * p1y); }
            if (t2 < 1) { p2x = ax + dx * t2; p2y = ay + dy * t2; area += 0.5 * r2 * Math.atan2(p2x * by - p2y * bx, p2x * bx + p2y * by); }
            inside += area + 0.5 * (p1x * p2y - p1y * p2x);
          }
        }
      }
    }
    signed += px * y - py * x;
    px = x; py = y;
  }
  // the clipped ring keeps the input's orientation: use its sign
  return Math.max(0, signed < 0 ? -inside : inside);
}

/**
 * Area (m²) of a (Multi)Polygon inside the disc of radius `radiusM` around the frame origin,
 * and the polygon's whole area (m²) in the same frame. Exact circle (Green's theorem per edge),
 * planar in the local ellipsoidal frame; rings of any orientation; holes subtract.
 */
export function polygonInDisc(g: Geometry, F: Frame, radiusM: number): { insideM2: number; totalM2: number } {
  return preparedPolygonInDisc(preparePolygons(g), F, radiusM);
}

/** Prepared (Multi)Polygon: rings per polygon, outer first. */
export type PreparedPolygons = PreparedRing[][];

/** Prepare the polygons of a geometry for repeated {@link preparedPolygonInDisc} calls. */
export function preparePolygons(g: Geometry): PreparedPolygons {
  return toParts(g).polygons.map((poly) => poly.map(prepareRing));
}

/** {@link polygonInDisc} on prepared polygons. */
export function preparedPolygonInDisc(pp: PreparedPolygons, F: Frame, radiusM: number): { insideM2: number; totalM2: number } {
  // the disc's bounding box in degrees, 0.1 % larger (the frame is linear, so this box holds the disc)
  const dx = (radiusM / F.kx) * 1.001, dy = (radiusM / F.ky) * 1.001;
  const box = [F.lon0 - dx, F.lat0 - dy, F.lon0 + dx, F.lat0 + dy] as const;
  let inside = 0, total = 0;
  for (const poly of pp) {
    for (let k = 0; k < poly.length; k++) {
      const sign = k === 0 ? 1 : -1;
      inside += sign * ringInDisc(poly[k], F, radiusM, box);
      total += sign * poly[k].areaM2;
    }
  }
  return { insideM2: Math.max(0, inside), totalM2: Math.max(0, total) };
}

/** Length (m) of the lines of a geometry inside the circle of radius R (exact circle, planar frame). */
export function lineLengthInDisc(g: Geometry, F: Frame, radiusM: number): number {
  const p = toParts(g);
  let len = 0;
  const R2 = radiusM * radiusM;
  for (const l of p.paths) {
    for (let i = 1; i < l.length; i++) {
      const x0 = (l[i - 1][0] - F.lon0) * F.kx, y0 = (l[i - 1][1] - F.lat0) * F.ky;
      const x1 = (l[i][0] - F.lon0) * F.kx, y1 = (l[i][1] - F.lat0) * F.ky;
      const dx = x1 - x0, dy = y1 - y0;
      const a = dx * dx + dy * dy;
      if (a === 0) continue;
      const b = 2 * (x0 * dx + y0 * dy), c = x0 * x0 + y0 * y0 - R2;
      const disc = b * b - 4 * a * c;
      if (disc <= 0) continue;
      const s = Math.sqrt(disc);
      const t0 = Math.max(0, (-b - s) / (2 * a)), t1 = Math.min(1, (-b + s) / (2 * a));
      if (t1 > t0) len += (t1 - t0) * Math.sqrt(a);
    }
  }
  return len;
}

/**
 * Sorts xs[from … to) in place, for a few values, into the order TypedArray.prototype.sort gives
 * (increasing, −0 before +0, NaN last: one order, so the same array).
 */
const before = (a: number, b: number) => a < b || (b !== b && a === a) || (a === 0 && b === 0 && 1 / a < 0 && 1 / b > 0);
function sortFew(xs: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = xs[i];
    let j = i;
    while (j > from && before(v, xs[j - 1])) { xs[j] = xs[j - 1]; j--; }
    xs[j] = v;
  }
}

/** Horizontal strips of {@link unionAreasInDisc}. */
export const UNION_STRIPS = 256;

/**
 * The strips of a disc of radius R, which depend on R only: each strip's mid-chord offset from the
 * centre (m, north positive), half chord and exact disc area. The last few radii are kept (an
 * analysis measures every site with one radius).
 */
interface StripTable { ym: Float64Array; halves: Float64Array; areas: Float64Array }
const stripTables = new Map<number, StripTable>();
function stripTable(R: number): StripTable {
  let t = stripTables.get(R);
  if (t) return t;
  const n = UNION_STRIPS;
  // exact area of the disc between heights a and b: ∫ 2√(R² − y²) dy
  const prim = (y: number) => y * Math.sqrt(Math.max(0, R * R - y * y)) + R * R * Math.asin(Math.max(-1, Math.min(1, y / R)));
  const ym = new Float64Array(n), halves = new Float64Array(n), areas = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const y0 = -R + (2 * R * k) / n, y1 = y0 + (2 * R) / n, m = (y0 + y1) / 2;
    areas[k] = prim(y1) - prim(y0);
    halves[k] = Math.sqrt(Math.max(0, R * R - m * m));
    ym[k] = m;
  }
  if (stripTables.size >= 8) stripTables.clear();
  t = { ym, halves, areas };
  stripTables.set(R, t);
  return t;
}

/**
 * Segments of prepared parts in runs of at most {@link CHUNK} that chain (each segment starts
 * where the previous one ends), with the box of each run (w, s, e, n), and whether every chain
 * ends at the latitude it starts from (then every horizontal line crosses the parts an even
 * number of times). Built once per parts.
 */
interface SegmentRuns { from: Int32Array; to: Int32Array; box: Float64Array; even: boolean }
const runsOf = new WeakMap<PreparedParts, SegmentRuns>();
function segmentRuns(P: PreparedParts): SegmentRuns {
  let r = runsOf.get(P);
  if (r) return r;
  const { ax, ay, bx, by } = P, ns = ax.length;
  const from: number[] = [], to: number[] = [], box: number[] = [];
  let even = true, chain = 0;
  for (let i = 0; i < ns; ) {
    if (i === 0 || ax[i] !== bx[i - 1] || ay[i] !== by[i - 1]) chain = i;
    // a run: up to CHUNK segments of one chain
    let j = i, w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    do {
      w = Math.min(w, ax[j], bx[j]); e = Math.max(e, ax[j], bx[j]);
      s = Math.min(s, ay[j], by[j]); n = Math.max(n, ay[j], by[j]);
      j++;
    } while (j < ns && j - i < CHUNK && ax[j] === bx[j - 1] && ay[j] === by[j - 1]);
    from.push(i); to.push(j); box.push(w, s, e, n);
    // the chain ends at j − 1 when the next segment does not continue it
    if ((j === ns || ax[j] !== bx[j - 1] || ay[j] !== by[j - 1]) && ay[chain] !== by[j - 1]) even = false;
    i = j;
  }
  r = { from: Int32Array.from(from), to: Int32Array.from(to), box: Float64Array.from(box), even };
  runsOf.set(P, r);
  return r;
}

// scratch of unionAreasInDisc (module-level: one analysis at a time per JS realm/worker)
let uKs = new Int32Array(256), uXv = new Float64Array(256), uXs = new Float64Array(256);
let uIa = new Float64Array(64), uIb = new Float64Array(64), uOwn = new Int32Array(16);
// each polygon's covered intervals on every mid chord, flat: the polygon in slot p has on strip k
// [uLo[j], uHi[j]) for j in uOff[p·(n+1) + k] … uOff[p·(n+1) + k + 1] − 1, in increasing order
let uOff = new Int32Array(16 * (UNION_STRIPS + 1)), uLo = new Float64Array(1024), uHi = new Float64Array(1024);
const uLats = new Float64Array(UNION_STRIPS), uStart = new Int32Array(UNION_STRIPS + 1), uFill = new Int32Array(UNION_STRIPS);
const uWest = new Uint8Array(UNION_STRIPS + 1);

/**
 * The first strip whose latitude is ≥ y (n if none), the index a binary search finds: guessed from
 * the strips' even spacing, index ≈ (y − lat0)·scale + shift, then moved to it along the
 * (increasing) latitudes.
 */
function firstAtOrAbove(lats: Float64Array, y: number, lat0: number, scale: number, shift: number): number {
  const n = UNION_STRIPS;
  let a = Math.ceil((y - lat0) * scale + shift);
  a = a < 0 ? 0 : a > n ? n : a | 0;
  while (a > 0 && lats[a - 1] >= y) a--;
  while (a < n && lats[a] < y) a++;
  return a;
}

/**
 * The covered intervals of polygon P on every mid chord (strips' latitudes in uLats), stored in
 * slot `slot` from uLo/uHi[q]; returns the next free q. Only crossings near the disc are computed:
 * see {@link unionAreasInDisc}.
 */
function polygonChords(P: PreparedParts, slot: number, q: number, halves: Float64Array, F: Frame, R: number): number {
  const n = UNION_STRIPS, lats = uLats, base = slot * (n + 1);
  const latLo = lats[0], latHi = lats[n - 1];
  const lat0 = F.lat0, lon0 = F.lon0, kx = F.kx;
  // strip index ≈ (lat − lat0)·ky·n / 2R + n/2 − 1/2
  const scale = (F.ky * n) / (2 * R), shift = n / 2 - 0.5;
  // a segment wholly east of this longitude crosses every chord's line east of the chord: 1 cm
  // beyond the disc's box, far more than the crossings' rounding (and the same per run below)
  const xEast = lon0 + R / kx + 1e-7;
  const start = uStart, fill = uFill, west = uWest;
  const { ax, ay, bx, by } = P;
  const runs = segmentRuns(P), box = runs.box, even = runs.even, rFrom = runs.from, rTo = runs.to;
  // every crossing (strip, x) of the segments near the disc, in segment order; west[k] toggled
  // where the parity of the crossings west of the disc changes (only when the rings are closed)
  let m = 0;
  west.fill(0);
  for (let r = 0, nr = rFrom.length; r < nr; r++) {
    // no segment of the run reaches a chord's latitude (none in [lo, hi)), or all are east
    if (box[4 * r + 3] <= latLo || box[4 * r + 1] > latHi || (even && box[4 * r] > xEast)) continue;
    // the chords the run's segments can cross: strips k0 … k1 − 1; the longest of them (half
    // chords rise to the middle strips), which narrows west and east to this run's chords
    const k0 = firstAtOrAbove(lats, box[4 * r + 1], lat0, scale, shift), k1 = firstAtOrAbove(lats, box[4 * r + 3], lat0, scale, shift);
    if (k1 <= k0) continue;
    const cMax = k1 <= n / 2 ? halves[k1 - 1] : k0 >= n / 2 ? halves[k0] : Math.max(halves[n / 2 - 1], halves[n / 2]);
    const xW = lon0 - cMax / kx - 1e-7, xE = lon0 + cMax / kx + 1e-7;
    if (even && box[4 * r] > xE) continue;
    const i0 = rFrom[r], i1 = rTo[r];
    if (even && box[4 * r + 2] < xW) {
      // wholly west: the run crosses a line an odd number of times iff its ends lie on either side
      const y0 = ay[i0], y1 = by[i1 - 1];
      if (y0 !== y1) {
        west[firstAtOrAbove(lats, y0 < y1 ? y0 : y1, lat0, scale, shift)] ^= 1;
        west[firstAtOrAbove(lats, y0 < y1 ? y1 : y0, lat0, scale, shift)] ^= 1;
      }
      continue;
    }
    for (let i = i0; i < i1; i++) {
      const ya = ay[i], yb = by[i];
      const lo = ya < yb ? ya : yb, hi = ya < yb ? yb : ya;
      if (!(hi > lo) || hi <= latLo || lo > latHi) continue;
      const xa = ax[i], xb = bx[i];
      if (even && (xa < xb ? xa : xb) > xE) continue;
      // the segment crosses the chords whose latitude lies in [its lower end, its upper end)
      const a = firstAtOrAbove(lats, lo, lat0, scale, shift);
      if (even && (xa < xb ? xb : xa) < xW) { west[a] ^= 1; west[firstAtOrAbove(lats, hi, lat0, scale, shift)] ^= 1; continue; }
      for (let k = a; k < n && lats[k] < hi; k++) {
        const lat = lats[k];
        if (m === uKs.length) { const k2 = new Int32Array(m * 2); k2.set(uKs); uKs = k2; const x2 = new Float64Array(m * 2); x2.set(uXv); uXv = x2; }
        uKs[m] = k; uXv[m++] = xa + ((xb - xa) * (lat - ya)) / (yb - ya);
      }
    }
  }
  // per strip, in order: −∞ when the crossings west of the disc are odd, the near crossings, +∞
  // when that leaves a pair open (the crossings east of the disc are then odd)
  const ks = uKs, xv = uXv;
  start.fill(0);
  for (let j = 0; j < m; j++) start[ks[j] + 1]++;
  let wp = 0;
  for (let k = 0; k < n; k++) {
    wp ^= west[k];
    west[k] = wp;
    const c = start[k + 1] + wp;
    start[k + 1] = start[k] + c + (even ? c & 1 : 0);
    fill[k] = start[k] + wp;
  }
  const total = start[n];
  if (uXs.length < total) uXs = new Float64Array(Math.max(total, 2 * uXs.length));
  if (uLo.length < q + (total >> 1)) {
    const size = Math.max(q + (total >> 1), 2 * uLo.length);
    const l2 = new Float64Array(size); l2.set(uLo.subarray(0, q)); uLo = l2;
    const h2 = new Float64Array(size); h2.set(uHi.subarray(0, q)); uHi = h2;
  }
  const xs = uXs, off = uOff, lo = uLo, hi = uHi;
  for (let k = 0; k < n; k++) {
    if (west[k]) xs[start[k]] = -Infinity;
    if (start[k + 1] > fill[k]) xs[start[k + 1] - 1] = Infinity; // kept only where padded
  }
  for (let j = 0; j < m; j++) xs[fill[ks[j]]++] = xv[j];
  const bb = P.bbox;
  for (let k = 0; k < n; k++) {
    off[base + k] = q;
    const s0 = start[k], s1 = start[k + 1], c = halves[k], lat = lats[k];
    if (s1 - s0 < 2 || c <= 0) continue;
    const lonW = lon0 - c / kx, lonE = lon0 + c / kx;
    if (lat < bb[1] || lat > bb[3] || lonE < bb[0] || lonW > bb[2]) continue;
    if (s1 - s0 <= 16) sortFew(xs, s0, s1);
    else xs.subarray(s0, s1).sort();
    // all crossings of the line (even–odd pairs), clipped to the chord
    for (let j = s0; j + 1 < s1; j += 2) {
      const a = Math.max(-c, (xs[j] - lon0) * kx), b = Math.min(c, (xs[j + 1] - lon0) * kx);
      if (b > a) { lo[q] = a; hi[q++] = b; }
    }
  }
  off[base + n] = q;
  return q;
}

/** Area (m²) of the union of the polygons in slots own[0 … no) by strips (see {@link unionAreasInDisc}). */
function mergedArea(own: Int32Array, no: number, halves: Float64Array, areas: Float64Array): number {
  const n = UNION_STRIPS, off = uOff, lo = uLo, hi = uHi;
  let ia = uIa, ib = uIb, sum = 0;
  for (let k = 0; k < n; k++) {
    // the polygons' intervals, by start (stable), merged
    let t = 0;
    for (let o = 0; o < no; o++) {
      const at = own[o] * (n + 1) + k;
      for (let j = off[at]; j < off[at + 1]; j++) {
        if (t === ia.length) { const a2 = new Float64Array(t * 2); a2.set(ia); ia = uIa = a2; const b2 = new Float64Array(t * 2); b2.set(ib); ib = uIb = b2; }
        // insertion by start after any equal start (a stable sort), unless already in order
        let p = t++;
        const a = lo[j], b = hi[j];
        while (p > 0 && ia[p - 1] > a) { ia[p] = ia[p - 1]; ib[p] = ib[p - 1]; p--; }
        ia[p] = a; ib[p] = b;
      }
    }
    if (t === 0) continue;
    const c = halves[k];
    let covered = 0, cs = ia[0], ce = ib[0];
    for (let j = 1; j < t; j++) {
      if (ia[j] > ce) { covered += ce - cs; cs = ia[j]; ce = ib[j]; } else if (ib[j] > ce) ce = ib[j];
    }
    covered += ce - cs;
    sum += Math.min(1, covered / (2 * c)) * areas[k];
  }
  return sum;
}

/**
 * Area (m²) of the union of each group of polygons inside the disc of radius R around the frame
 * origin, by strips: in each of {@link UNION_STRIPS} horizontal strips of the disc, the share of the
 * strip's mid chord covered by the union (even–odd crossings of each polygon, merged over the
 * group) times the strip's exact disc area. The result is never more than the disc (πR²); its
 * error is the midpoint rule's, a few tenths of a percent of the zone edges' strip area. One pass
 * for all groups.
 *
 * Only crossings near the disc are computed. Of the segments wholly west of the disc's box only
 * the parity of the crossings counts (the even–odd pairs before a chord are clipped away; one left
 * open starts at the chord's end): it is taken for a run of such segments from the run's two ends
 * (a chain's crossings of a line telescope). Segments wholly east are skipped when every line
 * crosses the polygon an even number of times (closed rings): a pair left open then ends at the
 * chord's other end. The covered intervals, hence the areas, are exactly those of all crossings.
 */
export function unionAreasInDisc(groups: readonly (readonly PreparedParts[])[], F: Frame, R: number): number[] {
  // the distinct polygons in order of first appearance (index loops: the groups' arrays come in
  // several elements kinds)
  const slotOf = new Map<PreparedParts, number>();
  const polys: PreparedParts[] = [];
  const out: number[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    for (let pi = 0; pi < g.length; pi++) if (!slotOf.has(g[pi])) { slotOf.set(g[pi], polys.length); polys.push(g[pi]); }
  }
  if (polys.length === 0) { for (let gi = 0; gi < groups.length; gi++) out.push(0); return out; }
  const n = UNION_STRIPS;
  const { ym, halves, areas } = stripTable(R);
  // each strip's mid-chord latitude (increasing with k)
  for (let k = 0; k < n; k++) uLats[k] = F.lat0 + ym[k] / F.ky;
  if (uOff.length < polys.length * (n + 1) + 1) uOff = new Int32Array(2 * polys.length * (n + 1) + 1);
  let q = 0;
  for (let s = 0; s < polys.length; s++) q = polygonChords(polys[s], s, q, halves, F, R);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    if (uOwn.length < g.length) uOwn = new Int32Array(Math.max(g.length, 2 * uOwn.length));
    for (let pi = 0; pi < g.length; pi++) uOwn[pi] = slotOf.get(g[pi])!;
    out.push(g.length ? mergedArea(uOwn, g.length, halves, areas) : 0);
  }
  return out;
}

/**
 * The outline of the disc of radius `radiusM` around `centre` exactly as {@link polygonInDisc} and
 * {@link lineLengthInDisc} measure it: a circle in the local ellipsoidal frame at the centre
 * (cheap-ruler factors at its latitude), as a closed lon/lat ring of `steps` vertices starting due
 * north, counter-clockwise. (Turf's circle is drawn on a sphere instead: about 0.5 % narrower N–S.)
 * @throws `radiusM must be a positive number, got X` / `steps must be an integer ≥ 3, got X`
 */
export function discRing(centre: LonLat, radiusM: number, steps = 128): LonLat[] {
  if (!(typeof radiusM === 'number' && Number.isFinite(radiusM) && radiusM > 0)) throw new Error(`radiusM must be a positive number, got ${String(radiusM)}`);
  if (!(Number.isInteger(steps) && steps >= 3)) throw new Error(`steps must be an integer ≥ 3, got ${String(steps)}`);
  const F = frameAt(centre);
  const ring: LonLat[] = [];
  for (let i = 0; i < steps; i++) {
    const a = Math.PI / 2 + (2 * Math.PI * i) / steps;
    ring.push([F.lon0 + (radiusM * Math.cos(a)) / F.kx, F.lat0 + (radiusM * Math.sin(a)) / F.ky]);
  }
  ring.push(ring[0]);
  return ring;
}
