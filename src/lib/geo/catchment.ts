/**
 * Catchment of a site: what lies within R km of it (material-zone area, deposits, MV line length,
 * population apportioned from 2009 communes).
 *
 * Method (planar in a local ellipsoidal frame): the disc is a regular polygon of
 * {@link DISC_STEPS} vertices (like `@turf/circle` with that many steps) built in the cheap-ruler
 * plane at the centre's latitude; polygons are clipped to it with Sutherland–Hodgman (exact for a
 * convex clip polygon; each ring clipped separately, holes subtract through the signed area) and
 * measured with the shoelace formula in the same plane. Lines are clipped to the true circle
 * analytically. Equivalent to `@turf/circle` (256 steps) + `@turf/intersect` + `@turf/area` at a
 * fraction of the cost, but ellipsoidal: turf's circle is drawn on a 6371 km sphere (≈ 4980 m N–S ×
 * 5010 m E–W in WGS84 metres for "5 km" here) and its area is spherical (+0.3 %), so per-polygon
 * slivers at the rim differ from turf while totals agree within 0.2 % (tested); polygon areas are
 * within 0.1 % of GeographicLib. The disc polygon's area is 0.01 % smaller than πR².
 */
import type { Feature, Geometry, Position } from 'geojson';
import { kxAt, kyAt, distanceLL, type LonLat } from './ruler.ts';
import { centreOf, toParts } from './geometry.ts';
import { describe } from './target-index.ts';

/** Vertices of the disc polygon. */
export const DISC_STEPS = 256;

/** Local plane around a centre: x = (lon-lon0)·kx, y = (lat-lat0)·ky, metres. */
export interface Frame { lon0: number; lat0: number; kx: number; ky: number }

/** The frame at a centre (cheap-ruler factors at its latitude). */
export function frameAt(c: LonLat): Frame {
  return { lon0: c[0], lat0: c[1], kx: kxAt(c[1]), ky: kyAt(c[1]) };
}

function discPolygon(R: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < DISC_STEPS; i++) {
    const a = (2 * Math.PI * i) / DISC_STEPS;
    out.push(R * Math.cos(a), R * Math.sin(a));
  }
  return out;
}

/** Sutherland–Hodgman clip of a ring (flat xy in frame) against a convex CCW polygon. */
function clipRing(ring: number[], clip: number[]): number[] {
  let output = ring;
  const n = clip.length / 2;
  for (let i = 0; i < n && output.length >= 6; i++) {
    const ax = clip[2 * i], ay = clip[2 * i + 1];
    const bx = clip[(2 * i + 2) % clip.length], by = clip[(2 * i + 3) % clip.length];
    const input = output;
    output = [];
    const m = input.length / 2;
    const side = (x: number, y: number) => (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    let sx = input[2 * m - 2], sy = input[2 * m - 1];
    let sIn = side(sx, sy) >= 0;
    for (let k = 0; k < m; k++) {
      const ex = input[2 * k], ey = input[2 * k + 1];
      const eIn = side(ex, ey) >= 0;
      if (eIn !== sIn) {
        const ds = side(sx, sy), de = side(ex, ey);
        const t = ds / (ds - de);
        output.push(sx + (ex - sx) * t, sy + (ey - sy) * t);
      }
      if (eIn) output.push(ex, ey);
      sx = ex; sy = ey; sIn = eIn;
    }
  }
  return output;
}

function shoelace(xy: number[]): number {
  let a = 0;
  const m = xy.length / 2;
  for (let i = 0, j = m - 1; i < m; j = i++) a += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
  return a / 2;
}

function ringToFrame(r: Position[], F: Frame): number[] {
  const out: number[] = [];
  const n = r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r.length - 1 : r.length;
  for (let i = 0; i < n; i++) out.push((r[i][0] - F.lon0) * F.kx, (r[i][1] - F.lat0) * F.ky);
  return out;
}

/**
 * Area (m²) of a (Multi)Polygon inside the disc of radius `radiusM` around the frame origin,
 * and the polygon's whole area (m²) in the same frame. Planar in the local ellipsoidal frame.
 */
export function polygonInDisc(g: Geometry, F: Frame, radiusM: number): { insideM2: number; totalM2: number } {
  const p = toParts(g);
  const clip = discPolygon(radiusM);
  let inside = 0, total = 0;
  for (const poly of p.polygons) {
    poly.forEach((ring, k) => {
      const xy = ringToFrame(ring, F);
      if (xy.length < 6) return;
      const a = shoelace(xy);
      // orient CCW so the sign of the clipped area is the ring's
      const sign = k === 0 ? 1 : -1;
      total += sign * Math.abs(a);
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (let i = 0; i < xy.length; i += 2) {
        if (xy[i] < minX) minX = xy[i]; if (xy[i] > maxX) maxX = xy[i];
        if (xy[i + 1] < minY) minY = xy[i + 1]; if (xy[i + 1] > maxY) maxY = xy[i + 1];
      }
      if (minX > radiusM || maxX < -radiusM || minY > radiusM || maxY < -radiusM) return;
      const c = clipRing(xy, clip);
      if (c.length >= 6) inside += sign * Math.abs(shoelace(c));
    });
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

/** Input layers of {@link catchment} (any may be missing). */
export interface CatchmentLayers {
  'material-zones'?: readonly Feature[];
  'mineral-sites'?: readonly Feature[];
  'power-lines'?: readonly Feature[];
  communes?: readonly Feature[];
}

/** Result of {@link catchment}. Plain JSON. Areas in ha, lengths in m. Missing layer → null field. */
export interface CatchmentResult {
  radiusKm: number;
  /** Disc centre [lon, lat]: the site point, or the area centroid of a polygon site. */
  centre: LonLat;
  method: string;
  /**
   * Per material zone overlapping the disc: clipped zone polygon area (ha), the share of the zone
   * polygon inside, and the crop's sourced `area_ha` apportioned by that share (null if unsourced).
   * Zones are often whole communes (accuracy "commune"), so the polygon area overstates the crop.
   */
  zones: { id: string; crop: string; areaHa: number; shareOfZone: number; cropAreaHaApportioned: number | null }[] | null;
  /** Clipped zone polygon area summed per crop (ha; zones of different crops may overlap). */
  cropAreaHa: Record<string, number> | null;
  /** Sourced crop area (area_ha) apportioned by the zone share inside the disc, per crop (ha). */
  cropAreaHaApportioned: Record<string, number> | null;
  /** Mineral sites except smelters ("deposits") whose point lies within R of the centre, total and per mineral. */
  deposits: { count: number; byMineral: Record<string, number>; ids: string[] } | null;
  /** Length of 22 kV and 35 kV lines inside the disc (m), total and per voltage. */
  mvLineLengthM: { total: number; byVoltageKv: Record<string, number> } | null;
  /** Population 2009 within R: Σ population_2009 × (commune area in disc / commune area). */
  population: { value: number; year: 2009; communes: { id: string; name: string; share: number; people: number }[] } | null;
}

/**
 * Catchment of a site within `radiusKm`: material-zone area clipped to the disc (ha, per zone and
 * per crop), deposits (mineral-sites) counted, 22/35 kV line length inside (m), and population
 * within R from 2009 communes apportioned by area share (assumes uniform density inside a commune).
 * Method: see the module comment (local ellipsoidal plane, Sutherland–Hodgman clip against a
 * 256-gon, analytic line–circle clip).
 * @throws `radiusKm must be a positive number, got X`
 */
export function catchment(site: Geometry, radiusKm: number, layers: CatchmentLayers): CatchmentResult {
  if (!(typeof radiusKm === 'number' && Number.isFinite(radiusKm) && radiusKm > 0)) {
    throw new Error(`radiusKm must be a positive number, got ${describe(radiusKm)}`);
  }
  const centre = centreOf(site);
  const F = frameAt(centre);
  const R = radiusKm * 1000;
  const zonesL = layers['material-zones'];
  let zones: CatchmentResult['zones'] = null, cropAreaHa: CatchmentResult['cropAreaHa'] = null, cropAreaHaApportioned: CatchmentResult['cropAreaHaApportioned'] = null;
  if (zonesL) {
    zones = []; cropAreaHa = {}; cropAreaHaApportioned = {};
    zonesL.forEach((f, i) => {
      if (!f.geometry) return;
      const r = polygonInDisc(f.geometry, F, R);
      if (r.insideM2 <= 0) return;
      const pr = (f.properties ?? {}) as Record<string, unknown>;
      const crop = String(pr.crop ?? 'unknown');
      const areaHa = r.insideM2 / 1e4;
      const shareOfZone = r.totalM2 > 0 ? Math.min(1, r.insideM2 / r.totalM2) : 0;
      const sourced = typeof pr.area_ha === 'number' && Number.isFinite(pr.area_ha) ? pr.area_ha * shareOfZone : null;
      zones!.push({ id: String(pr.id ?? f.id ?? i), crop, areaHa, shareOfZone, cropAreaHaApportioned: sourced });
      cropAreaHa![crop] = (cropAreaHa![crop] ?? 0) + areaHa;
      if (sourced !== null) cropAreaHaApportioned![crop] = (cropAreaHaApportioned![crop] ?? 0) + sourced;
    });
  }
  let deposits: CatchmentResult['deposits'] = null;
  const minL = layers['mineral-sites'];
  if (minL) {
    deposits = { count: 0, byMineral: {}, ids: [] };
    minL.forEach((f, i) => {
      if (f.geometry?.type !== 'Point' || (f.properties as Record<string, unknown> | null)?.kind === 'smelter') return;
      const c = f.geometry.coordinates;
      if (distanceLL(centre[0], centre[1], c[0], c[1]) > R) return;
      const pr = (f.properties ?? {}) as Record<string, unknown>;
      const m = String(pr.mineral ?? 'unknown');
      deposits!.count++;
      deposits!.byMineral[m] = (deposits!.byMineral[m] ?? 0) + 1;
      deposits!.ids.push(String(pr.id ?? f.id ?? i));
    });
  }
  let mv: CatchmentResult['mvLineLengthM'] = null;
  const lines = layers['power-lines'];
  if (lines) {
    mv = { total: 0, byVoltageKv: {} };
    for (const f of lines) {
      const v = Number((f.properties as Record<string, unknown> | null)?.voltage_kv);
      if (!f.geometry || (v !== 22 && v !== 35)) continue;
      const len = lineLengthInDisc(f.geometry, F, R);
      if (len <= 0) continue;
      mv.total += len;
      mv.byVoltageKv[String(v)] = (mv.byVoltageKv[String(v)] ?? 0) + len;
    }
  }
  let population: CatchmentResult['population'] = null;
  const communes = layers.communes;
  if (communes) {
    population = { value: 0, year: 2009, communes: [] };
    communes.forEach((f, i) => {
      const pr = (f.properties ?? {}) as Record<string, unknown>;
      const pop = Number(pr.population_2009);
      if (!f.geometry || !Number.isFinite(pop)) return;
      const r = polygonInDisc(f.geometry, F, R);
      if (r.insideM2 <= 0 || r.totalM2 <= 0) return;
      const share = Math.min(1, r.insideM2 / r.totalM2);
      population!.value += pop * share;
      population!.communes.push({ id: String(pr.id ?? f.id ?? i), name: String(pr.name ?? ''), share, people: pop * share });
    });
  }
  return {
    radiusKm, centre,
    method: `disc = ${DISC_STEPS}-gon in the local cheap-ruler (WGS84) plane; Sutherland–Hodgman clip + shoelace area; lines clipped to the exact circle`,
    zones, cropAreaHa, cropAreaHaApportioned, deposits, mvLineLengthM: mv, population,
  };
}
