/**
 * Catchment of a site: what lies within R km of it (material-zone area, deposits, MV line length,
 * population apportioned from 2009 communes). The data package's rules (which lines are MV, what
 * counts as a deposit, `population_2009`) live here; the exact disc measures are in
 * `lib/geo/disc.ts` (local ellipsoidal plane, Green's theorem per edge, analytic line clip).
 */
import type { Feature, Geometry } from 'geojson';
import { kxAt, distanceLL, type LonLat } from '../geo/ruler.ts';
import { bboxOfParts, centreOf, featureId, toParts } from '../geo/geometry.ts';
import { describe } from '../geo/target-index.ts';
import { frameAt, lineLengthInDisc, prepareRing, preparedPolygonInDisc, unionAreasInDisc, type Frame, type PreparedPolygons } from '../geo/disc.ts';
import { prepareParts, type PreparedParts } from '../geo/extremes.ts';
import { isDeposit, isMvLine } from './predicates.ts';

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
  /**
   * Per crop, the area (ha) of the union of that crop's zones inside the disc: zones of one crop
   * that overlap are counted once, so it never exceeds the disc.
   */
  cropAreaHa: Record<string, number> | null;
  /** Area (ha) of the union of all zones (every crop) inside the disc: never more than the disc. */
  zoneUnionHa: number | null;
  /** Sourced crop area (area_ha) apportioned by the zone share inside the disc, per crop (ha). */
  cropAreaHaApportioned: Record<string, number> | null;
  /** Mineral sites except smelters ("deposits") whose point lies within R of the centre, total and per mineral. */
  deposits: { count: number; byMineral: Record<string, number>; ids: string[] } | null;
  /** Length of medium-voltage lines (6–35 kV, `isMvLine`) inside the disc (m), total and per voltage. */
  mvLineLengthM: { total: number; byVoltageKv: Record<string, number> } | null;
  /** Population 2009 within R: Σ population_2009 × (commune area in disc / commune area). */
  population: { value: number; year: 2009; communes: { id: string; name: string; share: number; people: number }[] } | null;
}

/** A catchment calculator with layer bboxes prepared once; see {@link createCatchment}. */
export interface CatchmentContext {
  /** Same as {@link catchment} for these layers. */
  run(site: Geometry, radiusKm: number): CatchmentResult;
}

interface Prepared { f: Feature; i: number; w: number; s: number; e: number; n: number; polys: PreparedPolygons; prep?: PreparedParts }
function prepare(fs: readonly Feature[] | undefined): Prepared[] | null {
  if (!fs) return null;
  const out: Prepared[] = [];
  fs.forEach((f, i) => {
    if (!f?.geometry) return;
    const p = toParts(f.geometry);
    const [w, so, e, no] = bboxOfParts(p);
    if (w !== Infinity) out.push({ f, i, w, s: so, e, n: no, polys: p.polygons.map((poly) => poly.map(prepareRing)) });
  });
  return out;
}

/**
 * Prepare the layers once (feature bboxes) so each {@link CatchmentContext.run} only measures the
 * features whose bbox meets the disc's bbox. Results are identical to {@link catchment}.
 */
export function createCatchment(layers: CatchmentLayers): CatchmentContext {
  const zonesP = prepare(layers['material-zones']);
  const linesP = prepare(layers['power-lines']?.filter(isMvLine));
  const communesP = prepare(layers.communes);
  const minL = layers['mineral-sites'];
  return { run: (site, radiusKm) => runCatchment(site, radiusKm, zonesP, linesP, communesP, minL) };
}

/**
 * Catchment of a site within `radiusKm`: material-zone area clipped to the disc (ha, per zone and
 * per crop), deposits (mineral-sites) counted, 22/35 kV line length inside (m), and population
 * within R from 2009 communes apportioned by area share (assumes uniform density inside a commune).
 * Method: see the module comment (local ellipsoidal plane, exact circle–polygon area by Green's
 * theorem, analytic line–circle clip).
 * @throws `radiusKm must be a positive number, got X`
 */
export function catchment(site: Geometry, radiusKm: number, layers: CatchmentLayers): CatchmentResult {
  return createCatchment(layers).run(site, radiusKm);
}

function runCatchment(site: Geometry, radiusKm: number, zonesP: Prepared[] | null, linesP: Prepared[] | null, communesP: Prepared[] | null, minL: readonly Feature[] | undefined): CatchmentResult {
  if (!(typeof radiusKm === 'number' && Number.isFinite(radiusKm) && radiusKm > 0)) {
    throw new Error(`radiusKm must be a positive number, got ${describe(radiusKm)}`);
  }
  const centre = centreOf(site);
  const F = frameAt(centre);
  const R = radiusKm * 1000;
  // disc bbox in degrees (generous: 1 % margin), to skip far features without touching vertices
  const dLat = (R / F.ky) * 1.01, dLon = (R / kxAt(Math.min(89, Math.abs(centre[1]) + dLat))) * 1.01;
  const near = (p: Prepared) => !(p.w > centre[0] + dLon || p.e < centre[0] - dLon || p.s > centre[1] + dLat || p.n < centre[1] - dLat);
  const { zones, cropAreaHa, zoneUnionHa, cropAreaHaApportioned } = zonesP ? measureZones(zonesP, near, F, R) : NO_ZONES;
  let deposits: CatchmentResult['deposits'] = null;
  if (minL) {
    deposits = { count: 0, byMineral: {}, ids: [] };
    minL.forEach((f, i) => {
      if (f.geometry?.type !== 'Point' || !isDeposit(f)) return;
      const c = f.geometry.coordinates;
      if (distanceLL(centre[0], centre[1], c[0], c[1]) > R) return;
      const pr = (f.properties ?? {}) as Record<string, unknown>;
      const m = String(pr.mineral ?? 'unknown');
      deposits!.count++;
      deposits!.byMineral[m] = (deposits!.byMineral[m] ?? 0) + 1;
      deposits!.ids.push(featureId(f, i));
    });
  }
  let mv: CatchmentResult['mvLineLengthM'] = null;
  if (linesP) {
    mv = { total: 0, byVoltageKv: {} };
    for (const p of linesP) {
      if (!near(p)) continue;
      const f = p.f;
      const v = Number((f.properties as Record<string, unknown> | null)?.voltage_kv);
      const len = lineLengthInDisc(f.geometry, F, R);
      if (len <= 0) continue;
      mv.total += len;
      mv.byVoltageKv[String(v)] = (mv.byVoltageKv[String(v)] ?? 0) + len;
    }
  }
  const population = communesP ? measurePopulation(communesP, near, F, R) : null;
  return {
    radiusKm, centre,
    method: 'exact circle in the local cheap-ruler (WGS84) plane at the centre: polygon ∩ disc area by Green\'s theorem (triangle–disc per edge), lines clipped analytically',
    zones, cropAreaHa, zoneUnionHa, cropAreaHaApportioned, deposits, mvLineLengthM: mv, population,
  };
}

type ZoneMeasures = Pick<CatchmentResult, 'zones' | 'cropAreaHa' | 'zoneUnionHa' | 'cropAreaHaApportioned'>;
const NO_ZONES: ZoneMeasures = { zones: null, cropAreaHa: null, zoneUnionHa: null, cropAreaHaApportioned: null };

// (the zones and the population in functions of their own: smaller to optimise, and a
// deoptimisation of one does not throw away the other's code)
function measureZones(zonesP: Prepared[], near: (p: Prepared) => boolean, F: Frame, R: number): ZoneMeasures {
  const zones: NonNullable<CatchmentResult['zones']> = [], cropAreaHa: Record<string, number> = {}, cropAreaHaApportioned: Record<string, number> = {};
  const inDisc: { crop: string; prep: PreparedParts; insideM2: number }[] = [];
  zonesP.forEach((p) => {
    if (!near(p)) return;
    const { f, i } = p;
    const r = preparedPolygonInDisc(p.polys, F, R);
    if (r.insideM2 <= 0) return;
    const pr = (f.properties ?? {}) as Record<string, unknown>;
    const crop = String(pr.crop ?? 'unknown');
    const areaHa = r.insideM2 / 1e4;
    const shareOfZone = r.totalM2 > 0 ? Math.min(1, r.insideM2 / r.totalM2) : 0;
    const sourced = typeof pr.area_ha === 'number' && Number.isFinite(pr.area_ha) ? pr.area_ha * shareOfZone : null;
    zones.push({ id: featureId(f, i), crop, areaHa, shareOfZone, cropAreaHaApportioned: sourced });
    inDisc.push({ crop, prep: p.prep ?? (p.prep = prepareParts(toParts(f.geometry))), insideM2: r.insideM2 });
    if (sourced !== null) cropAreaHaApportioned[crop] = (cropAreaHaApportioned[crop] ?? 0) + sourced;
  });
  // unions: per crop and over all crops (overlapping zones counted once) — the exact sum of the
  // clipped areas when no two zones' boxes overlap; else by strips (geo/disc.ts unionAreasInDisc)
  const crops = [...new Set(inDisc.map((z) => z.crop))];
  const groups = [inDisc, ...crops.map((c) => inDisc.filter((z) => z.crop === c))];
  const disjoint = (g: typeof inDisc) => g.every((a, i) => g.every((b, j) => j <= i
    || a.prep.bbox[0] >= b.prep.bbox[2] || b.prep.bbox[0] >= a.prep.bbox[2] || a.prep.bbox[1] >= b.prep.bbox[3] || b.prep.bbox[1] >= a.prep.bbox[3]));
  const strips = groups.map((g) => (disjoint(g) ? [] : g.map((z) => z.prep)));
  const byStrips = unionAreasInDisc(strips, F, R);
  const areas = groups.map((g, k) => (disjoint(g) ? g.reduce((sum, z) => sum + z.insideM2, 0) : byStrips[k]));
  const zoneUnionHa = areas[0] / 1e4;
  crops.forEach((c, k) => { cropAreaHa[c] = areas[k + 1] / 1e4; });
  return { zones, cropAreaHa, zoneUnionHa, cropAreaHaApportioned };
}

function measurePopulation(communesP: Prepared[], near: (p: Prepared) => boolean, F: Frame, R: number): CatchmentResult['population'] {
  const population: NonNullable<CatchmentResult['population']> = { value: 0, year: 2009, communes: [] };
  communesP.forEach((p) => {
    if (!near(p)) return;
    const { f, i } = p;
    const pr = (f.properties ?? {}) as Record<string, unknown>;
    const pop = Number(pr.population_2009);
    if (!Number.isFinite(pop)) return;
    const r = preparedPolygonInDisc(p.polys, F, R);
    if (r.insideM2 <= 0 || r.totalM2 <= 0) return;
    const share = Math.min(1, r.insideM2 / r.totalM2);
    population.value += pop * share;
    population.communes.push({ id: featureId(f, i), name: String(pr.name ?? ''), share, people: pop * share });
  });
  return population;
}
