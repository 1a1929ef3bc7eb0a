/**
 * Geometry helpers and the exact distance between any two GeoJSON geometries.
 * Pure TypeScript (no DOM, no Svelte/MapLibre): usable in Node, the browser and a Web Worker.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { distanceLL, kxAt, kyAt, projectT, type LonLat } from './ruler.ts';

/** A geometry broken into what distance computations need. Coordinates are not copied. */
export interface Parts {
  /** Lone points (Point / MultiPoint members). */
  points: Position[];
  /** Every path: LineString members and every polygon ring (closed). */
  paths: Position[][];
  /** Polygons as ring lists (outer first); used for containment. */
  polygons: Position[][][];
}

const SUPPORTED = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/**
 * Break a GeoJSON geometry into points, paths (lines and rings) and polygons.
 * @throws `unsupported geometry type: X` for anything not in RFC 7946; `geometry is required` for null.
 */
export function toParts(g: Geometry | null | undefined, into: Parts = { points: [], paths: [], polygons: [] }): Parts {
  if (!g || typeof g !== 'object') throw new Error('geometry is required');
  if (!SUPPORTED.has(g.type)) throw new Error(`unsupported geometry type: ${String((g as { type?: unknown }).type)}`);
  switch (g.type) {
    case 'Point': into.points.push(g.coordinates); break;
    case 'MultiPoint': for (const p of g.coordinates) into.points.push(p); break;
    case 'LineString': pushPath(into, g.coordinates); break;
    case 'MultiLineString': for (const l of g.coordinates) pushPath(into, l); break;
    case 'Polygon': pushPolygon(into, g.coordinates); break;
    case 'MultiPolygon': for (const p of g.coordinates) pushPolygon(into, p); break;
    case 'GeometryCollection': for (const c of g.geometries) toParts(c, into); break;
  }
  return into;
}

function pushPath(into: Parts, l: Position[]): void {
  if (l.length === 1) into.points.push(l[0]);
  else if (l.length > 1) into.paths.push(l);
}
function pushPolygon(into: Parts, rings: Position[][]): void {
  const rs: Position[][] = [];
  for (const r of rings) if (r.length > 0) rs.push(r);
  if (rs.length === 0) return;
  into.polygons.push(rs);
  for (const r of rs) pushPath(into, r);
}

/** True if the parts hold no coordinate at all (an empty geometry). */
export function isEmptyParts(p: Parts): boolean {
  return p.points.length === 0 && p.paths.length === 0;
}

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/**
 * Bounding box [west, south, east, north] of positions, grown from `into` when given (so runs of
 * positions add up into one box). No position: `[Infinity, Infinity, -Infinity, -Infinity]`.
 */
export function bboxOfPositions(ps: readonly Position[], into: Bbox = [Infinity, Infinity, -Infinity, -Infinity]): Bbox {
  for (let i = 0; i < ps.length; i++) {
    const x = ps[i][0], y = ps[i][1];
    if (x < into[0]) into[0] = x; if (x > into[2]) into[2] = x;
    if (y < into[1]) into[1] = y; if (y > into[3]) into[3] = y;
  }
  return into;
}

/** Bounding box of parts (their points and paths), grown from `into` when given; as {@link bboxOfPositions} if empty. */
export function bboxOfParts(p: Parts, into?: Bbox): Bbox {
  const b = bboxOfPositions(p.points, into);
  for (const l of p.paths) bboxOfPositions(l, b);
  return b;
}

/** [west, south, east, north] of a geometry in degrees; null if empty. */
export function bboxOf(g: Geometry): Bbox | null {
  const b = bboxOfParts(toParts(g));
  return b[0] === Infinity ? null : b;
}

/**
 * Bounding box of features together; features without a geometry are passed over (like
 * `@turf/bbox`). None with a position: `[Infinity, Infinity, -Infinity, -Infinity]`.
 */
export function bboxOfFeatures(fs: readonly Feature[]): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fs) if (f.geometry) bboxOfParts(toParts(f.geometry), b);
  return b;
}

/**
 * Point in polygon (even–odd over all rings, so holes are excluded), planar in lon/lat.
 * Points exactly on an edge may go either way; callers treat the boundary through distance 0.
 */
export function pointInRings(x: number, y: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** True if the point lies inside any polygon of the parts. */
export function pointInParts(x: number, y: number, p: Parts): boolean {
  for (const poly of p.polygons) if (pointInRings(x, y, poly)) return true;
  return false;
}

/** Result of {@link geometryDistance}. */
export interface DistanceResult {
  /** Shortest ellipsoidal distance in metres; 0 when the geometries touch, cross or one contains the other. */
  distanceM: number;
  /** The point of A closest to B, [lon, lat]. */
  nearestA: LonLat;
  /** The point of B closest to A, [lon, lat]. */
  nearestB: LonLat;
}

/**
 * Shortest distance between two geometries of any type (Point, LineString, Polygon, their Multi
 * forms, GeometryCollection), edge to nearest point, and the pair of nearest points.
 *
 * Method: both geometries are projected into the local cheap-ruler plane (WGS84 factors at the
 * mean latitude of A's bbox); intersection tests (segment crossings, containment of a vertex in
 * the other's polygons) give 0; otherwise the minimum over vertex→segment projections in both
 * directions (segment–segment distance of non-crossing segments is always attained at an end
 * point). The winning pair is then measured ellipsoidally at its mid latitude (see ruler.ts).
 * Cost O(nA·nB) — use a {@link TargetIndex} for many targets.
 *
 * Edge cases: a point on a line or polygon edge → 0; a point inside a polygon (not in a hole) →
 * 0 with both nearest points at the point; crossing lines → 0 at the crossing; zero-length
 * segments are treated as points; an empty geometry → `Infinity` with NaN positions.
 * @throws `geometry is required`, `unsupported geometry type: X`
 */
export function geometryDistance(a: Geometry, b: Geometry): DistanceResult {
  return partsDistance(toParts(a), toParts(b));
}

/** {@link geometryDistance} on pre-decomposed parts. */
export function partsDistance(A: Parts, B: Parts): DistanceResult {
  if (isEmptyParts(A) || isEmptyParts(B)) return { distanceM: Infinity, nearestA: [NaN, NaN], nearestB: [NaN, NaN] };
  const lat0 = refLat(A);
  const kx = kxAt(lat0), ky = kyAt(lat0);
  // 1. crossing segments
  for (const pa of A.paths) for (const pb of B.paths) {
    const hit = pathsCross(pa, pb, kx, ky);
    if (hit) return { distanceM: 0, nearestA: hit, nearestB: [hit[0], hit[1]] };
  }
  // 2. containment (no edge crosses, so a part is wholly inside or outside)
  const inside = firstContained(A, B) ?? firstContained(B, A);
  if (inside) return { distanceM: 0, nearestA: [inside[0], inside[1]], nearestB: [inside[0], inside[1]] };
  // 3. vertex → segment / point in both directions
  const best = { d2: Infinity, ax: NaN, ay: NaN, bx: NaN, by: NaN };
  vertexScan(A, B, kx, ky, best, false);
  vertexScan(B, A, kx, ky, best, true);
  return {
    distanceM: distanceLL(best.ax, best.ay, best.bx, best.by),
    nearestA: [best.ax, best.ay],
    nearestB: [best.bx, best.by],
  };
}

function refLat(p: Parts): number {
  const c = p.points[0] ?? p.paths[0][0];
  return c[1];
}

function firstContained(A: Parts, B: Parts): Position | null {
  if (B.polygons.length === 0) return null;
  const starts: Position[] = [...A.points, ...A.paths.map((l) => l[0])];
  for (const c of starts) if (pointInParts(c[0], c[1], B)) return c;
  return null;
}

type Best = { d2: number; ax: number; ay: number; bx: number; by: number };

function consider(best: Best, d2: number, ax: number, ay: number, bx: number, by: number, swap: boolean): void {
  if (d2 < best.d2) {
    best.d2 = d2;
    if (swap) { best.ax = bx; best.ay = by; best.bx = ax; best.by = ay; }
    else { best.ax = ax; best.ay = ay; best.bx = bx; best.by = by; }
  }
}

/** Every vertex of S against every segment/point of T (planar frame kx, ky). */
function vertexScan(S: Parts, T: Parts, kx: number, ky: number, best: Best, swap: boolean): void {
  const verts: Position[] = [...S.points];
  for (const l of S.paths) for (const c of l) verts.push(c);
  for (const v of verts) {
    const px = v[0], py = v[1];
    for (const q of T.points) {
      const dx = (q[0] - px) * kx, dy = (q[1] - py) * ky;
      consider(best, dx * dx + dy * dy, px, py, q[0], q[1], swap);
    }
    for (const l of T.paths) {
      for (let i = 1; i < l.length; i++) {
        const ax = l[i - 1][0], ay = l[i - 1][1], bx = l[i][0], by = l[i][1];
        const t = projectT(px, py, ax, ay, bx, by, kx, ky);
        const fx = ax + (bx - ax) * t, fy = ay + (by - ay) * t;
        const dx = (fx - px) * kx, dy = (fy - py) * ky;
        consider(best, dx * dx + dy * dy, px, py, fx, fy, swap);
      }
    }
  }
}

/** First intersection point of two paths (touching counts), or null. */
function pathsCross(pa: Position[], pb: Position[], kx: number, ky: number): LonLat | null {
  // bbox reject
  const [aw, as, ae, an] = bboxOfPositions(pa), [bw, bs, be, bn] = bboxOfPositions(pb);
  if (aw > be || bw > ae || as > bn || bs > an) return null;
  for (let i = 1; i < pa.length; i++) {
    for (let j = 1; j < pb.length; j++) {
      const hit = segmentIntersection(pa[i - 1], pa[i], pb[j - 1], pb[j], kx, ky);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Intersection of segments P1P2 and Q1Q2 (closed; touching and collinear overlap count), in
 * the plane scaled by (kx, ky). Returns a point of the intersection or null.
 */
export function segmentIntersection(p1: Position, p2: Position, q1: Position, q2: Position, kx = 1, ky = 1): LonLat | null {
  const rx = (p2[0] - p1[0]) * kx, ry = (p2[1] - p1[1]) * ky;
  const sx = (q2[0] - q1[0]) * kx, sy = (q2[1] - q1[1]) * ky;
  const qpx = (q1[0] - p1[0]) * kx, qpy = (q1[1] - p1[1]) * ky;
  const den = rx * sy - ry * sx;
  const scale = Math.max(Math.abs(rx), Math.abs(ry), Math.abs(sx), Math.abs(sy), 1e-300);
  const eps = 1e-12 * scale * scale;
  if (Math.abs(den) > eps) {
    const t = (qpx * sy - qpy * sx) / den;
    const u = (qpx * ry - qpy * rx) / den;
    const tol = 1e-12;
    if (t >= -tol && t <= 1 + tol && u >= -tol && u <= 1 + tol) {
      const tt = Math.min(1, Math.max(0, t));
      return [p1[0] + (p2[0] - p1[0]) * tt, p1[1] + (p2[1] - p1[1]) * tt];
    }
    return null;
  }
  // parallel: collinear overlap?
  const cross = qpx * ry - qpy * rx;
  if (Math.abs(cross) > eps) return null;
  const rr = rx * rx + ry * ry;
  if (rr === 0) {
    // P is a point
    const ss = sx * sx + sy * sy;
    if (ss === 0) return qpx === 0 && qpy === 0 ? [p1[0], p1[1]] : null;
    const u = -(qpx * sx + qpy * sy) / ss;
    return u >= 0 && u <= 1 ? [p1[0], p1[1]] : null;
  }
  const t0 = (qpx * rx + qpy * ry) / rr;
  const t1 = t0 + (sx * rx + sy * ry) / rr;
  const lo = Math.max(0, Math.min(t0, t1)), hi = Math.min(1, Math.max(t0, t1));
  if (lo > hi) return null;
  return [p1[0] + (p2[0] - p1[0]) * lo, p1[1] + (p2[1] - p1[1]) * lo];
}

/**
 * A representative point of a geometry: the point itself, the area-weighted centroid of a
 * polygon (planar in lon/lat, fine at province scale; may fall outside a concave polygon), or
 * the mid vertex of a line. Used as the centre of catchment discs for non-point sites.
 */
export function centreOf(g: Geometry): LonLat {
  const p = toParts(g);
  if (p.polygons.length > 0) {
    let A = 0, cx = 0, cy = 0;
    const o = p.polygons[0][0][0];
    for (const poly of p.polygons) {
      poly.forEach((ring, k) => {
        const sign = k === 0 ? 1 : -1;
        let a = 0, x = 0, y = 0;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const xi = ring[i][0] - o[0], yi = ring[i][1] - o[1], xj = ring[j][0] - o[0], yj = ring[j][1] - o[1];
          const f = xj * yi - xi * yj;
          a += f; x += (xi + xj) * f; y += (yi + yj) * f;
        }
        const s = Math.sign(a) * sign; // orientation-independent: outer adds, holes subtract
        A += Math.abs(a) * s; cx += x * Math.sign(a) * s; cy += y * Math.sign(a) * s;
      });
    }
    if (A !== 0) return [o[0] + cx / (3 * A), o[1] + cy / (3 * A)];
  }
  if (p.points.length > 0) {
    let x = 0, y = 0;
    for (const c of p.points) { x += c[0]; y += c[1]; }
    return [x / p.points.length, y / p.points.length];
  }
  if (p.paths.length > 0) {
    const l = p.paths[0];
    const c = l[Math.floor(l.length / 2)];
    return [c[0], c[1]];
  }
  throw new Error('geometry is empty');
}

/**
 * Area of a (Multi)Polygon in hectares, planar in the local cheap-ruler frame at the geometry's
 * latitude (ellipsoidal factors; within ~0.1 % of a geodesic area at province scale).
 * 0 for non-polygons.
 */
export function areaHa(g: Geometry): number {
  const p = toParts(g);
  if (p.polygons.length === 0) return 0;
  const lat0 = p.polygons[0][0][0][1];
  const kx = kxAt(lat0), ky = kyAt(lat0);
  let a = 0;
  for (const poly of p.polygons) poly.forEach((r, k) => { a += (k === 0 ? 1 : -1) * Math.abs(ringAreaScaled(r, kx, ky)); });
  return a / 1e4;
}

/** Signed shoelace area of a lon/lat ring scaled by (kx, ky), m². */
export function ringAreaScaled(r: Position[], kx: number, ky: number): number {
  let a = 0;
  const ox = r[0][0], oy = r[0][1];
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    a += ((r[j][0] - ox) * kx) * ((r[i][1] - oy) * ky) - ((r[i][0] - ox) * kx) * ((r[j][1] - oy) * ky);
  }
  return a / 2;
}

/**
 * The id of a feature: `properties.id`, else the GeoJSON `id`, else `fallback` (usually its
 * position in the collection), as a string.
 */
export function featureId(f: Feature | null | undefined, fallback: number | string): string {
  return String((f?.properties as Record<string, unknown> | null | undefined)?.id ?? f?.id ?? fallback);
}
