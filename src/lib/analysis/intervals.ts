/**
 * Distances with their uncertainty: for the nearest target of a category, the lower and upper
 * bound over every possible true position of the site and of the targets (see placement.ts).
 *
 * Definitions (d = ellipsoidal distance between geometries, the shortest between their points):
 * - the site's true position s ranges over S (known: its geometry, one value; placed: any point of
 *   its placement region P); target t's true position over T_t likewise;
 * - the true nearest distance is D = min_t d(s, t);
 * - lower bound  L = min_t min_{s ∈ S, p ∈ T_t} d(s, p)  (region-to-region distance, 0 when they
 *   touch) — the infimum of D;
 * - upper bound  U = the supremum of D over all true positions. For a known site,
 *   U = min_t U_t with U_t = max_{p ∈ T_t} d(G_S, p) (the directed Hausdorff distance from T_t to
 *   the site geometry: for a point site, the farthest vertex of T_t's hull; for a line or polygon
 *   site, a branch and bound over T_t). For a placed site, U = max_{s ∈ P} min_t F_t(s) with
 *   F_t(s) = max_{p ∈ T_t} d(s, p) (farthest hull vertex) for a placed target and d(s, G_t) for a
 *   known one (branch and bound over P). For two placed features alone this is the farthest
 *   pair of their regions, as in methods §1; taking the worst site position once for all targets
 *   (not per target) keeps U attainable.
 * - `schematic` targets (and placed features with no resolvable region) have no bound: the figure
 *   is indicative (min and max null).
 * The branch and bound returns a proven upper bound within max(1 m, 0.01 %) of the supremum.
 * Pure.
 */
import Flatbush from 'flatbush';
import type { Feature } from 'geojson';
import { kxAt, kyAt } from '../geo/ruler.ts';
import { farthestFromPoint, farthestPair, maxOverRegion, pointToPreparedDistance, prepareParts, preparedDistance, preparedPointDistance, type PreparedParts } from '../geo/extremes.ts';
import type { Parts } from '../geo/geometry.ts';
import { PLACED_CLASSES, type Placement, type PlacementResolver, type SharedPlacement } from './placement.ts';

/** Which accuracy classes a figure rests on. */
export interface Basis {
  /** The site's class (`drawn` for sketches). */
  site: string;
  /** Classes of the targets that can be the nearest (L_t ≤ U), sorted. */
  targets: string[];
  /** True when the figure has no bound (schematic targets or an unresolved placement). */
  indicative: boolean;
}

/** A distance interval; `minM`/`maxM` null when the figure is indicative. */
export interface DistanceInterval { minM: number | null; maxM: number | null; basis: Basis }

/** An interval query structure over the targets of one layer; see {@link createIntervalIndex}. */
export interface IntervalIndex {
  /**
   * Interval of the nearest distance from a site to the targets of a category (all when omitted);
   * null when there is no target. `point` is the point-estimate answer (target position in the
   * input and distance), when the caller has it: it seeds the search and, when every position is
   * known, is the answer.
   */
  nearest(site: Placement, category?: string, point?: { featureIndex: number; distanceM: number } | null): DistanceInterval | null;
  /** Placements of the indexed features (input order). */
  readonly placements: readonly (Placement | null)[];
  /** Input positions of the features of a category (all when omitted). */
  members(category?: string): readonly number[];
}

const ORDER = ['drawn', 'official', 'generalised', 'traced', 'imported', 'extent', 'commune', 'district', 'schematic'];
const sortClasses = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));

/** The least metres per degree of latitude (at the equator), shrunk as the queries' box bounds are. */
const KY0 = kyAt(0) * 0.999;

const prepared = new WeakMap<Parts, PreparedParts>();
/** The placement's geometry or region, indexed once (placements sharing a region share its index). */
export function preparedOf(p: Pick<Placement, 'parts'>): PreparedParts {
  let x = prepared.get(p.parts);
  if (!x) { x = prepareParts(p.parts); prepared.set(p.parts, x); }
  return x;
}

/**
 * Index the targets' placements per category for interval queries (see the module comment).
 * `categoryOf` as in target-index.ts.
 */
export function createIntervalIndex(
  features: readonly Feature[], resolve: PlacementResolver, categoryOf?: (f: Feature) => string | string[] | null | undefined,
): IntervalIndex {
  // the index works on shared placements (one object per placement region and class, see
  // placement.ts); the features' own placements are built only when asked for
  const share = resolve.shared ?? resolve;
  const placements: (SharedPlacement | null)[] = features.map((f) => (f?.geometry ? share(f) : null));
  let own: (Placement | null)[] | null = null;
  const members = new Map<string | null, number[]>();
  const all: number[] = [];
  members.set(null, all);
  for (let i = 0; i < features.length; i++) {
    if (!placements[i]) continue;
    all.push(i);
    if (!categoryOf) continue;
    const cs = categoryOf(features[i]);
    if (cs == null) continue;
    for (const c of Array.isArray(cs) ? new Set(cs.map(String)) : [String(cs)]) { let a = members.get(c); if (!a) members.set(c, (a = [])); a.push(i); }
  }
  if (all.length === 0) members.delete(null);
  // membership of a feature in a category (every placed feature is in `null`); sets built on first use
  const memberSets = new Map<string, Set<number>>();
  const isMember = (c: string | null, i: number): boolean => {
    if (c === null) return placements[i] != null;
    let m = memberSets.get(c);
    if (!m) memberSets.set(c, (m = new Set(members.get(c))));
    return m.has(i);
  };
  const unbounded = new Map<string | null, string[]>();
  const allKnown = new Map<string | null, boolean>();
  for (const [c, ms] of members) {
    const un: string[] = [];
    let known = true;
    for (const i of ms) {
      const k = placements[i]!.kind;
      if (k === 'schematic' || k === 'unresolved') un.push(placements[i]!.accuracy);
      if (k !== 'known') known = false;
    }
    unbounded.set(c, un.length ? sortClasses(un) : un);
    allKnown.set(c, known);
  }

  // one representative target per placement region (placed targets sharing polygons have the same bounds), per category
  // a region's key: its number and class (−1: no region shared with other features)
  const NC = PLACED_CLASSES.length;
  const regionKeyOf = (t: number): number => {
    const p = placements[t]!;
    if (p.kind !== 'placed' || !p.placedIn.length || p.region === undefined) return -1;
    const a = PLACED_CLASSES.indexOf(p.accuracy);
    return a < 0 ? -1 : p.region * NC + a;
  };
  type Reps = { t: number[]; key: Int32Array; bb: Float64Array; latAbsMax: number; fb: Flatbush | null; prep: (PreparedParts | undefined)[] };
  const repsMemo = new Map<string | null, Reps>();
  const repsOf = (c: string | null) => {
    let r = repsMemo.get(c);
    if (r) return r;
    const seen = new Set<number>();
    const t: number[] = [], keys: number[] = [];
    for (const i of members.get(c) ?? []) {
      const k = regionKeyOf(i);
      if (k >= 0) { if (seen.has(k)) continue; seen.add(k); }
      t.push(i); keys.push(k);
    }
    const key = Int32Array.from(keys);
    const bb = new Float64Array(4 * t.length);
    let latAbsMax = 0;
    t.forEach((i, k) => { const b = preparedOf(placements[i]!).bbox; bb.set(b, 4 * k); latAbsMax = Math.max(latAbsMax, Math.abs(b[1]), Math.abs(b[3])); });
    // an R-tree over the representatives' boxes (lon/lat), so a query visits only those within reach
    let fb: Flatbush | null = null;
    if (t.length > 0) {
      fb = new Flatbush(t.length);
      for (let k = 0; k < t.length; k++) fb.add(bb[4 * k], bb[4 * k + 1], bb[4 * k + 2], bb[4 * k + 3]);
      fb.finish();
    }
    r = { t, key, bb, latAbsMax, fb, prep: new Array<PreparedParts | undefined>(t.length) };
    repsMemo.set(c, r);
    return r;
  };
  // answers for placed sites, per placement region and category (sites placed in the same polygons share them)
  const memo = new Map<string, DistanceInterval | null>();
  const nearest: IntervalIndex['nearest'] = (site, category, point) => {
    if (site.kind === 'placed' && site.placedIn.length) {
      const key = `${site.accuracy}|${site.placedIn.join(',')}|${category ?? ''}`;
      if (!memo.has(key)) memo.set(key, nearestRaw(site, category, point));
      const r = memo.get(key)!;
      return r && { ...r, basis: { ...r.basis, targets: [...r.basis.targets] } };
    }
    return nearestRaw(site, category, point);
  };
  /** L_t from a point (a representative's region is indexed once and kept with it; k = −1: not a representative). */
  const lowerAt = (px: number, py: number, reps: Reps, t: number, k: number) => pointToPreparedDistance(px, py, k < 0 ? preparedOf(placements[t]!) : (reps.prep[k] ??= preparedOf(placements[t]!)));
  // scratch buffers of the one-point queries (reused: no allocation per candidate)
  // (candK: the candidate's representative, −1 for the seed)
  let candT = new Int32Array(64), candK = new Int32Array(64), candGap = new Float64Array(64);
  /**
   * A known one-point site against placed or known targets (the general method below, cheaper):
   * U_t is exact without L_t (a placed target's farthest hull vertex, which is ≥ L_t; a known
   * target's distance), so U is found first and L_t measured only where it can be the least or
   * add an accuracy class to the basis (gap ≤ L_t).
   */
  const onePointInterval = (px: number, py: number, siteAccuracy: string, c: string | null, point: { featureIndex: number } | null | undefined): DistanceInterval => {
    const reps = repsOf(c);
    let U = Infinity;
    // candidates: the seed first (gap 0), then the representatives within reach by increasing gap
    let n = 0;
    const seeded = !!point && isMember(c, point.featureIndex);
    if (seeded) {
      const pt = placements[point!.featureIndex]!;
      candT[0] = point!.featureIndex; candK[0] = -1; candGap[0] = 0; n = 1;
      U = pt.kind === 'placed' ? farthestFromPoint(px, py, pt.hull!) : lowerAt(px, py, reps, point!.featureIndex, -1);
    }
    const kx = kxAt(Math.min(89, Math.max(Math.abs(py), reps.latAbsMax))) * 0.999, ky = KY0;
    const pk = point ? regionKeyOf(point.featureIndex) : -1;
    const bb = reps.bb;
    const near = !reps.fb ? [] : U === Infinity ? reps.t.map((_, k) => k) : reps.fb.search(px - U / kx, py - U / ky, px + U / kx, py + U / ky);
    if (near.length + 1 > candT.length) { candT = new Int32Array(2 * (near.length + 1)); candK = new Int32Array(2 * (near.length + 1)); candGap = new Float64Array(2 * (near.length + 1)); }
    const first = n;
    for (let j = 0; j < near.length; j++) {
      const k = near[j], t = reps.t[k];
      if (point && (t === point.featureIndex || (pk >= 0 && reps.key[k] === pk))) continue;
      const dLon = Math.max(0, px - bb[4 * k + 2], bb[4 * k] - px);
      const dLat = Math.max(0, py - bb[4 * k + 3], bb[4 * k + 1] - py);
      const gx = dLon * kx, gy = dLat * ky;
      const gap = Math.sqrt(gx * gx + gy * gy);
      if (gap > U) continue;
      // insertion by (gap, t): the same order as a sort, without closures
      let i = n++;
      while (i > first && (candGap[i - 1] > gap || (candGap[i - 1] === gap && candT[i - 1] > t))) { candGap[i] = candGap[i - 1]; candT[i] = candT[i - 1]; candK[i] = candK[i - 1]; i--; }
      candGap[i] = gap; candT[i] = t; candK[i] = k;
    }
    // U = the least U_t. A placed target's U_t (its farthest hull vertex) is at least its box's far
    // side from the site on each axis (the hull reaches every side of the box): when that is ≥ U,
    // U_t cannot lower U and is not measured
    let m = first;
    for (let i = first; i < n; i++) {
      const gap = candGap[i];
      if (gap > U) continue;
      const t = candT[i], k = candK[i];
      candT[m] = t; candK[m] = k; candGap[m] = gap; m++;
      const pt = placements[t]!;
      let u: number;
      if (pt.kind === 'placed') {
        const far = Math.max(Math.max(px - bb[4 * k], bb[4 * k + 2] - px) * kx, Math.max(py - bb[4 * k + 1], bb[4 * k + 3] - py) * ky);
        if (far >= U) continue;
        u = farthestFromPoint(px, py, pt.hull!);
      } else u = lowerAt(px, py, reps, t, k);
      if (u < U) U = u;
    }
    n = m;
    let L = Infinity;
    let cls0: string | null = null, classes: Set<string> | null = null;
    for (let i = 0; i < n; i++) {
      const t = candT[i], gap = candGap[i];
      const a = placements[t]!.accuracy;
      if (gap > U || (gap >= L && (a === cls0 || (classes !== null && classes.has(a))))) continue;
      const Lt = lowerAt(px, py, reps, t, candK[i]);
      if (Lt < L) L = Lt;
      if (Lt <= U) {
        if (cls0 === null) cls0 = a;
        else if (a !== cls0) (classes ??= new Set([cls0])).add(a);
      }
    }
    const targets = classes ? sortClasses(classes) : cls0 === null ? [] : [cls0];
    return { minM: L, maxM: Math.max(L, U), basis: { site: siteAccuracy, targets, indicative: false } };
  };
  const nearestRaw: IntervalIndex['nearest'] = (site, category, point) => {
    const c = category ?? null;
    const ms = members.get(c);
    if (!ms || ms.length === 0) return null;
    const un = unbounded.get(c)!;
    if (un.length || site.kind === 'schematic' || site.kind === 'unresolved') {
      const targets = sortClasses([...un, ...(point ? [placements[point.featureIndex]!.accuracy] : [])]);
      return { minM: null, maxM: null, basis: { site: site.accuracy, targets, indicative: true } };
    }
    if (site.kind === 'known' && point && allKnown.get(c)) {
      return { minM: point.distanceM, maxM: point.distanceM, basis: { site: site.accuracy, targets: [placements[point.featureIndex]!.accuracy], indicative: false } };
    }
    const onePoint = site.kind === 'known' && site.parts.paths.length === 0 && site.parts.points.length === 1 ? site.parts.points[0] : null;
    if (onePoint) return onePointInterval(onePoint[0], onePoint[1], site.accuracy, c, point);
    return general(site, c, point);
  };
  /** The general method (see the module comment): a line or polygon site, or a placed one. */
  const general = (site: Placement, c: string | null, point: { featureIndex: number; distanceM: number } | null | undefined): DistanceInterval => {
    const acc = (t: number) => placements[t]!.accuracy;
    const onePoint = site.kind === 'known' && site.parts.paths.length === 0 && site.parts.points.length === 1 ? site.parts.points[0] : null;
    const SP = preparedOf(site);
    const siteBox = SP.bbox;
    const lowerTo = (t: number) => preparedDistance(SP, preparedOf(placements[t]!));
    // the worst case of one target alone: U_t (an upper bound of the answer whatever the others do)
    const F = (t: number): ((x: number, y: number) => number) => {
      const pt = placements[t]!;
      return pt.kind === 'placed' ? (x, y) => farthestFromPoint(x, y, pt.hull!) : (x, y) => preparedPointDistance(preparedOf(pt), x, y);
    };
    const TOL = { tolM: 2, tolRel: 4e-4 };
    // U_t: for a known site, exact; for a placed site, exact for placed and point targets, else a
    // cheap bound (the farthest region vertex from the target's nearest vertex); the joint branch
    // and bound below makes the answer exact
    const Ut = (t: number, Lt: number): { u: number; exact: boolean } => {
      const pt = placements[t]!;
      if (site.kind === 'known') {
        if (pt.kind === 'known') return { u: Lt, exact: true };
        if (onePoint) return { u: farthestFromPoint(onePoint[0], onePoint[1], pt.hull!), exact: true };
        return { u: maxOverRegion(preparedOf(pt), (x, y) => preparedPointDistance(SP, x, y), TOL).upper, exact: true };
      }
      if (pt.kind === 'placed') return { u: farthestPair(site.hull!, pt.hull!).distanceM, exact: true };
      const P = pt.parts;
      if (P.paths.length === 0 && P.points.length === 1) return { u: farthestFromPoint(P.points[0][0], P.points[0][1], site.hull!), exact: true };
      let u = Infinity;
      const verts = [...P.points, ...P.paths.flat()];
      const step = Math.max(1, Math.floor(verts.length / 64));
      for (let k = 0; k < verts.length; k += step) u = Math.min(u, farthestFromPoint(verts[k][0], verts[k][1], site.hull!));
      return { u, exact: false };
    };
    // seed U with the point-estimate target, then only targets whose box lies within U are measured
    let U = Infinity, exact = true;
    const lts: { t: number; L: number }[] = [];
    if (point && isMember(c, point.featureIndex)) {
      const Lp = lowerTo(point.featureIndex);
      lts.push({ t: point.featureIndex, L: Lp });
      const r = Ut(point.featureIndex, Lp); U = r.u; exact = r.exact;
    }
    // targets placed in the same polygons share their bounds: one representative per region
    const reps = repsOf(c);
    const order: { t: number; gap: number }[] = [];
    const kx = kxAt(Math.min(89, Math.max(Math.abs(siteBox[1]), Math.abs(siteBox[3]), reps.latAbsMax))) * 0.999, ky = kyAt(0) * 0.999;
    const pk = point ? regionKeyOf(point.featureIndex) : -1;
    // every representative with gap ≤ U has its box within U of the site's box on both axes
    const near = !reps.fb ? [] : U === Infinity ? reps.t.map((_, k) => k)
      : reps.fb.search(siteBox[0] - U / kx, siteBox[1] - U / ky, siteBox[2] + U / kx, siteBox[3] + U / ky);
    for (const k of near) {
      const t = reps.t[k];
      if (point && (t === point.featureIndex || (pk >= 0 && reps.key[k] === pk))) continue;
      const dLon = Math.max(0, siteBox[0] - reps.bb[4 * k + 2], reps.bb[4 * k] - siteBox[2]);
      const dLat = Math.max(0, siteBox[1] - reps.bb[4 * k + 3], reps.bb[4 * k + 1] - siteBox[3]);
      const gap = Math.hypot(dLon * kx, dLat * ky);
      if (gap <= U) order.push({ t, gap });
    }
    order.sort((a, b) => a.gap - b.gap || a.t - b.t);
    for (const { t, gap } of order) {
      if (gap > U) continue;
      const Lt = lowerTo(t);
      lts.push({ t, L: Lt });
      if (Lt < U) { const r = Ut(t, Lt); if (r.u < U) { U = r.u; exact = r.exact; } }
    }
    const L = Math.min(...lts.map((x) => x.L));
    const live = lts.filter((x) => x.L <= U);
    if (site.kind === 'placed' && (live.length > 1 || !exact)) {
      // the worst site position for all targets at once
      const Fs = live.map(({ t }) => F(t));
      const g = (x: number, y: number) => { let m = Infinity; for (const f of Fs) { const v = f(x, y); if (v < m) m = v; } return m; };
      U = Math.min(U, maxOverRegion(SP, g, { ...TOL, knownUpper: U }).upper);
    }
    const targets = sortClasses(live.filter((x) => x.L <= U).map((x) => acc(x.t)));
    return { minM: L, maxM: Math.max(L, U), basis: { site: site.accuracy, targets, indicative: false } };
  };
  return {
    nearest,
    get placements() { return (own ??= features.map((f) => (f?.geometry ? resolve(f) : null))); },
    members: (category) => members.get(category ?? null) ?? [],
  };
}
