/**
 * Ellipsoidal (WGS84) short-distance measurement with cheap-ruler's curvature formulas.
 *
 * cheap-ruler (a test oracle here, not a runtime dependency) approximates the WGS84 ellipsoid locally by a plane whose metres-per-degree
 * factors (`kx` east–west, `ky` north–south) come from the radii of curvature at a latitude.
 * We evaluate those factors at the *mid latitude* of the two points being measured, which keeps
 * the error below 0.01 % at the scale of a province (property-tested against GeographicLib's
 * geodesic, see test/geo/geodesic.property.test.ts). Pure functions, no DOM.
 */
/** A [longitude, latitude] position in WGS84 degrees. */
export type LonLat = [number, number];
/** A read-only [longitude, latitude] position in WGS84 degrees. */
export type Pos = readonly [number, number] | readonly number[];

const RE = 6378137; // WGS84 equatorial radius, m
const FE = 1 / 298.257223563; // WGS84 flattening
const E2 = FE * (2 - FE);
const RAD = Math.PI / 180;
const M = RAD * RE;

/**
 * Metres per degree of longitude (`kx`) and latitude (`ky`) at a latitude, on WGS84.
 * Same formulas as `new CheapRuler(lat, 'meters')` (tested equal), inlined so the hot loops
 * allocate nothing. Ellipsoidal (normal and meridional radii of curvature).
 * @param lat latitude in degrees
 * @returns `{ kx, ky }` in metres per degree
 */
export function rulerFactors(lat: number): { kx: number; ky: number } {
  const coslat = Math.cos(lat * RAD);
  const w2 = 1 / (1 - E2 * (1 - coslat * coslat));
  const w = Math.sqrt(w2);
  return { kx: M * w * coslat, ky: M * w * w2 * (1 - E2) };
}

/** Metres per degree of longitude at `lat` (see {@link rulerFactors}). */
export function kxAt(lat: number): number {
  const coslat = Math.cos(lat * RAD);
  const w2 = 1 / (1 - E2 * (1 - coslat * coslat));
  return M * Math.sqrt(w2) * coslat;
}

/** Metres per degree of latitude at `lat` (see {@link rulerFactors}). */
export function kyAt(lat: number): number {
  const coslat = Math.cos(lat * RAD);
  const w2 = 1 / (1 - E2 * (1 - coslat * coslat));
  return M * Math.sqrt(w2) * w2 * (1 - E2);
}

/**
 * Ellipsoidal distance in metres between two lon/lat points: cheap-ruler factors at the mid
 * latitude of the pair. Within 0.01 % of the WGS84 geodesic for distances up to ~150 km at the
 * latitude of Bắc Kạn; not meant for trans-continental distances or across the antimeridian.
 * @param a [lon, lat] degrees
 * @param b [lon, lat] degrees
 * @returns distance in metres (0 for identical points)
 */
export function distanceM(a: Pos, b: Pos): number {
  return distanceLL(a[0], a[1], b[0], b[1]);
}

/** {@link distanceM} on scalar coordinates (no allocation). */
export function distanceLL(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const lat = (lat1 + lat2) / 2;
  const coslat = Math.cos(lat * RAD);
  const w2 = 1 / (1 - E2 * (1 - coslat * coslat));
  const w = Math.sqrt(w2);
  const dx = (lon2 - lon1) * M * w * coslat;
  const dy = (lat2 - lat1) * M * w * w2 * (1 - E2);
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Nearest point on segment AB to point P, all lon/lat. The projection is done in the local
 * cheap-ruler plane at P's latitude (a proper perpendicular foot, clamped to the segment ends);
 * the returned distance is then measured ellipsoidally (mid latitude) between P and the foot.
 * Degenerate (zero-length) segments reduce to the point distance.
 * @returns `{ distanceM, lon, lat, t }` with `t` in [0, 1] the position along AB
 */
export function pointSegment(
  px: number, py: number, ax: number, ay: number, bx: number, by: number,
): { distanceM: number; lon: number; lat: number; t: number } {
  const kx = kxAt(py);
  const ky = kyAt(py);
  const t = projectT(px, py, ax, ay, bx, by, kx, ky);
  const lon = ax + (bx - ax) * t;
  const lat = ay + (by - ay) * t;
  return { distanceM: distanceLL(px, py, lon, lat), lon, lat, t };
}

/** Parameter t in [0,1] of the foot of P on AB in the plane scaled by (kx, ky). */
export function projectT(
  px: number, py: number, ax: number, ay: number, bx: number, by: number, kx: number, ky: number,
): number {
  const dx = (bx - ax) * kx;
  const dy = (by - ay) * ky;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  const t = (((px - ax) * kx) * dx + ((py - ay) * ky) * dy) / len2;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
