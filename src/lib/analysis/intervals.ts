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
import { farthestFromFlat, farthestFromPoint, farthestPair, maxOverRegion, pointToPreparedDistance, prepareParts, preparedDistance, preparedPointDistance, type PreparedParts } from '../geo/extremes.ts';
import type { Parts } from '../geo/geometry.ts';
import { boxGrid, gridSearch, type BoxGrid } from '../geo/box-grid.ts';
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

/** Lower bound (m) of the distance from a point to box k of `bb` (kx, ky: the least metres per degree over both). */
const gapOf = (bb: Float64Array, k: number, px: number, py: number, kx: number, ky: number): number => {
  const dLon = Math.max(0, px - bb[4 * k + 2], bb[4 * k] - px);
  const dLat = Math.max(0, py - bb[4 * k + 3], bb[4 * k + 1] - py);
  const gx = dLon * kx, gy = dLat * ky;
  return Math.sqrt(gx * gx + gy * gy);
};

/**
 * Point in rings by counting crossings of the segments from `from` to `to` of a flat array (x0,
 * y0, x1, y1, …): the scan and the test preparedContains makes on a region of a few segments
 * (the caller has checked the region's box).
 */
const ringsHold = (segs: Float64Array, from: number, to: number, px: number, py: number): boolean => {
  let inside = false;
  for (let o = from; o < to; o += 4) {
    const x0 = segs[o], y0 = segs[o + 1], x1 = segs[o + 2], y1 = segs[o + 3];
    if ((y0 > py) !== (y1 > py) && px < ((x1 - x0) * (py - y0)) / (y1 - y0) + x0) inside = !inside;
  }
  return inside;
};

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
  const nF = features.length;
  const placements: (SharedPlacement | null)[] = new Array(nF);
  let own: (Placement | null)[] | null = null;
  // a region's key: its number and class (−1: no region shared with other features)
  const NC = PLACED_CLASSES.length;
  const keyOf = (p: SharedPlacement): number => {
    if (p.kind !== 'placed' || !p.placedIn.length || p.region === undefined) return -1;
    const a = PLACED_CLASSES.indexOf(p.accuracy);
    return a < 0 ? -1 : p.region * NC + a;
  };
  // each target's region key (−2: no placement)
  const tkey = new Int32Array(nF);
  /**
   * One representative target per placement region (placed targets sharing polygons have the same
   * bounds), in input order: the targets, their region keys, and per key its representative + 1.
   */
  type Selection = { t: number[]; key: number[]; repOf: Int32Array };
  const take = (sel: Selection, i: number, k: number): Selection => {
    if (k >= 0) {
      if (k >= sel.repOf.length) { const r2 = new Int32Array(Math.max(2 * sel.repOf.length, k + 1)); r2.set(sel.repOf); sel.repOf = r2; }
      if (sel.repOf[k]) return sel;
      sel.repOf[k] = sel.t.length + 1;
    }
    sel.t.push(i); sel.key.push(k);
    return sel;
  };
  const newSelection = (): Selection => ({ t: [], key: [], repOf: new Int32Array(1024) });
  /**
   * The targets of a category (null: all): their number, members in input order (for all, listed
   * when asked for), the classes without bound, whether all are known, the representatives
   * (selected, then indexed on first query) and the membership set (built on first use).
   */
  type Cat = { n: number; ms: number[] | null; un: string[]; allKnown: boolean; sel: Selection | null; reps: Reps | null; set: Set<number> | null };
  // one pass over the features: placements, and the category of all targets with its representatives
  let nAll = 0;
  const unAll: string[] = [];
  let knownAll = true;
  const selAll = newSelection();
  for (let i = 0; i < nF; i++) {
    const f = features[i];
    const p = f?.geometry ? share(f) : null;
    placements[i] = p;
    if (!p) { tkey[i] = -2; continue; }
    nAll++;
    const kind = p.kind;
    if (kind === 'schematic' || kind === 'unresolved') unAll.push(p.accuracy);
    if (kind !== 'known') knownAll = false;
    take(selAll, i, (tkey[i] = keyOf(p)));
  }
  const catAll: Cat | null = nAll ? { n: nAll, ms: null, un: unAll.length ? sortClasses(unAll) : unAll, allKnown: knownAll, sel: selAll, reps: null, set: null } : null;
  const cats = new Map<string, Cat>();
  if (categoryOf) {
    const members = new Map<string, number[]>();
    for (let i = 0; i < nF; i++) {
      if (!placements[i]) continue;
      const cs = categoryOf(features[i]);
      if (cs == null) continue;
      for (const c of Array.isArray(cs) ? new Set(cs.map(String)) : [String(cs)]) { let a = members.get(c); if (!a) members.set(c, (a = [])); a.push(i); }
    }
    for (const [c, ms] of members) {
      const un: string[] = [];
      let known = true;
      for (const i of ms) {
        const k = placements[i]!.kind;
        if (k === 'schematic' || k === 'unresolved') un.push(placements[i]!.accuracy);
        if (k !== 'known') known = false;
      }
      cats.set(c, { n: ms.length, ms, un: un.length ? sortClasses(un) : un, allKnown: known, sel: null, reps: null, set: null });
    }
  }
  const catOf = (c: string | null): Cat | null | undefined => (c === null ? catAll : cats.get(c));
  const membersOf = (cat: Cat): number[] => {
    if (!cat.ms) { cat.ms = []; for (let i = 0; i < nF; i++) if (tkey[i] !== -2) cat.ms.push(i); }
    return cat.ms;
  };
  // membership of a feature in a category (every placed feature is in `null`)
  const isMember = (c: string | null, cat: Cat, i: number): boolean => {
    if (c === null) return tkey[i] !== -2;
    return (cat.set ??= new Set(membersOf(cat))).has(i);
  };

  /**
   * A category's representatives, indexed: input positions `t`, region keys, boxes (w, s, e, n),
   * regions indexed once (`prep`), classes (`acc`), whether placed (farthest hull vertex) or known
   * (distance), the placed ones' hulls as one flat array (lon, lat, …; representative k's from
   * hullAt[k] to hullAt[k + 1]), a grid over the boxes and, built when first needed, the R-tree.
   */
  type Reps = {
    n: number; t: Int32Array; key: Int32Array; repOf: Int32Array; bb: Float64Array; latAbsMax: number;
    fb: Flatbush | null | undefined; grid: BoxGrid | null; prep: PreparedParts[]; acc: string[]; placed: Uint8Array;
    hulls: Float64Array; hullAt: Int32Array; every: Int32Array | null;
    /**
     * The rings of the regions scanned for containment (polygons of a few segments, indexed
     * without a tree): their segments (x0, y0, x1, y1, …; representative k's from ringAt[k] to
     * ringAt[k + 1]), the same segments in the same order as the indexed region's; other
     * representatives have none.
     */
    rings: Float64Array; ringAt: Int32Array;
  };
  const repsOf = (cat: Cat): Reps => {
    if (cat.reps) return cat.reps;
    const sel = cat.sel ?? membersOf(cat).reduce((s2, i) => take(s2, i, tkey[i]), newSelection());
    const n = sel.t.length;
    const t = Int32Array.from(sel.t), key = Int32Array.from(sel.key);
    const bb = new Float64Array(4 * n), placed = new Uint8Array(n), hullAt = new Int32Array(n + 1), ringAt = new Int32Array(n + 1);
    const prep = new Array<PreparedParts>(n), acc = new Array<string>(n);
    let latAbsMax = 0, nv = 0, ns = 0;
    for (let k = 0; k < n; k++) {
      const p = placements[t[k]]!;
      const P = (prep[k] = preparedOf(p)), b = P.bbox;
      bb[4 * k] = b[0]; bb[4 * k + 1] = b[1]; bb[4 * k + 2] = b[2]; bb[4 * k + 3] = b[3];
      latAbsMax = Math.max(latAbsMax, Math.abs(b[1]), Math.abs(b[3]));
      acc[k] = p.accuracy;
      if (p.kind === 'placed') { placed[k] = 1; nv += p.hull!.length; }
      hullAt[k + 1] = 2 * nv;
      if (P.fb === null && P.parts.polygons.length) ns += P.ax.length;
      ringAt[k + 1] = 4 * ns;
    }
    const rings = new Float64Array(4 * ns);
    for (let k = 0; k < n; k++) {
      const P = prep[k];
      for (let i = 0, o = ringAt[k]; o < ringAt[k + 1]; i++, o += 4) { rings[o] = P.ax[i]; rings[o + 1] = P.ay[i]; rings[o + 2] = P.bx[i]; rings[o + 3] = P.by[i]; }
    }
    const hulls = new Float64Array(2 * nv);
    for (let k = 0; k < n; k++) {
      if (!placed[k]) continue;
      const h = placements[t[k]]!.hull!;
      for (let j = 0, o = hullAt[k]; j < h.length; j++, o += 2) { hulls[o] = h[j][0]; hulls[o + 1] = h[j][1]; }
    }
    // a grid over the representatives' boxes (lon/lat), so a one-point query visits only those within
    // reach; the R-tree (the same boxes found) is built when first needed: other queries, or boxes a
    // grid does not suit
    return (cat.reps = { n, t, key, repOf: sel.repOf, bb, latAbsMax, fb: undefined, grid: boxGrid(bb), prep, acc, placed, hulls, hullAt, every: null, rings, ringAt });
  };
  /** The R-tree over a category's representatives' boxes (null when there are none). */
  const treeOf = (r: Reps): Flatbush | null => {
    if (r.fb === undefined) {
      const n = r.n;
      let fb: Flatbush | null = null;
      if (n > 0) {
        fb = new Flatbush(n);
        for (let k = 0; k < n; k++) fb.add(r.bb[4 * k], r.bb[4 * k + 1], r.bb[4 * k + 2], r.bb[4 * k + 3]);
        fb.finish();
      }
      r.fb = fb;
    }
    return r.fb;
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
  /** L_t from a point (k: the representative, whose region is indexed; −1: not a representative). */
  const lowerAt = (px: number, py: number, reps: Reps, t: number, k: number) => pointToPreparedDistance(px, py, k < 0 ? preparedOf(placements[t]!) : reps.prep[k]);
  // the boxes holding the site in a one-point query (a reused buffer)
  let holders = new Int32Array(16);
  /**
   * A known one-point site against placed or known targets (the general method below, cheaper):
   * U_t is exact without L_t (a placed target's farthest hull vertex, which is ≥ L_t; a known
   * target's distance), so U is found first and L_t measured only where it can be the least or
   * add an accuracy class to the basis (gap ≤ L_t). U is the least U_t, L the least L_t and the
   * classes those of the targets with L_t ≤ U: the same whatever the order the targets are taken
   * in. The seed comes first, then the regions whose box holds the site (gap 0), so that once L is
   * 0 the others need no gap unless they bring a new class.
   */
  const onePointInterval = (px: number, py: number, siteAccuracy: string, c: string | null, cat: Cat, point: { featureIndex: number } | null | undefined): DistanceInterval => {
    const reps = repsOf(cat);
    let U = Infinity;
    const fi = point ? point.featureIndex : -1;
    const pk = point ? tkey[fi] : -1;
    const seeded = !!point && isMember(c, cat, fi);
    // the seed's representative when it shares a region (the same region: the same bounds)
    const k0 = seeded && pk >= 0 && pk < reps.repOf.length ? reps.repOf[pk] - 1 : -1;
    if (seeded) {
      U = k0 >= 0 ? farthestFromFlat(px, py, reps.hulls, reps.hullAt[k0], reps.hullAt[k0 + 1])
        : placements[fi]!.kind === 'placed' ? farthestFromPoint(px, py, placements[fi]!.hull!) : lowerAt(px, py, reps, fi, -1);
    }
    const kx = kxAt(Math.min(89, Math.max(Math.abs(py), reps.latAbsMax))) * 0.999, ky = KY0;
    const bb = reps.bb, rt = reps.t, rkey = reps.key, placed = reps.placed, acc = reps.acc;
    // the representatives whose boxes meet the query box: the grid's answer (the same set as the
    // R-tree's, into a reused buffer), else the tree's
    let near: ArrayLike<number>, nNear: number;
    if (reps.n === 0) { near = []; nNear = 0; }
    else if (U === Infinity) { near = (reps.every ??= rt.map((_, k) => k)); nNear = reps.n; }
    else if (reps.grid) { nNear = gridSearch(reps.grid, bb, px - U / kx, py - U / ky, px + U / kx, py + U / ky); near = reps.grid.out; }
    else { near = treeOf(reps)!.search(px - U / kx, py - U / ky, px + U / kx, py + U / ky); nNear = near.length; }
    // U = the least U_t. A placed target's U_t (its farthest hull vertex) is at least its box's far
    // side from the site on each axis (the hull reaches every side of the box): when that is ≥ U,
    // U_t cannot lower U and is not measured; a known target's is its distance, at least its gap.
    // (The seed's own region is taken as the seed.) The boxes holding the site are noted for L.
    if (nNear > holders.length) holders = new Int32Array(2 * nNear);
    let nh = 0;
    for (let j = 0; j < nNear; j++) {
      const k = near[j];
      if (point && (rt[k] === fi || (pk >= 0 && rkey[k] === pk))) continue;
      if (px >= bb[4 * k] && px <= bb[4 * k + 2] && py >= bb[4 * k + 1] && py <= bb[4 * k + 3]) holders[nh++] = k;
      let u: number;
      if (placed[k]) {
        const far = Math.max(Math.max(px - bb[4 * k], bb[4 * k + 2] - px) * kx, Math.max(py - bb[4 * k + 1], bb[4 * k + 3] - py) * ky);
        if (far >= U) continue;
        u = farthestFromFlat(px, py, reps.hulls, reps.hullAt[k], reps.hullAt[k + 1]);
      } else {
        if (gapOf(bb, k, px, py, kx, ky) > U) continue;
        u = lowerAt(px, py, reps, rt[k], k);
      }
      if (u < U) U = u;
    }
    // L = the least L_t, and the classes of the targets with L_t ≤ U: a target is measured unless
    // its gap (≤ L_t) is over U, or is at least L and its class already counted. The seed first,
    // then the regions whose box holds the site (gap 0), then the others
    let L = Infinity;
    let cls0: string | null = null, classes: Set<string> | null = null;
    for (let pass = seeded ? 0 : 1; pass < 3; pass++) {
      for (let j = 0, nj = pass === 0 ? 1 : pass === 1 ? nh : nNear; j < nj; j++) {
        let t: number, k: number, a: string;
        if (pass === 0) { t = fi; k = k0; a = k0 >= 0 ? acc[k0] : placements[fi]!.accuracy; }
        else {
          k = pass === 1 ? holders[j] : near[j];
          a = acc[k];
          const counted = a === cls0 || (classes !== null && classes.has(a));
          if (L <= 0 && counted) continue; // (every gap is at least L)
          let gap = 0;
          if (pass === 2) {
            if (px >= bb[4 * k] && px <= bb[4 * k + 2] && py >= bb[4 * k + 1] && py <= bb[4 * k + 3]) continue; // (taken in pass 1)
            if (point && (rt[k] === fi || (pk >= 0 && rkey[k] === pk))) continue;
            gap = gapOf(bb, k, px, py, kx, ky);
          }
          if (gap > U || (gap >= L && counted)) continue;
          t = rt[k];
        }
        // (a region scanned for containment that holds the site: 0, as lowerAt finds by the same scan)
        const Lt = pass === 1 && reps.ringAt[k + 1] > reps.ringAt[k] && ringsHold(reps.rings, reps.ringAt[k], reps.ringAt[k + 1], px, py) ? 0 : lowerAt(px, py, reps, t, k);
        if (Lt < L) L = Lt;
        if (Lt <= U) {
          if (cls0 === null) cls0 = a;
          else if (a !== cls0) (classes ??= new Set([cls0])).add(a);
        }
      }
    }
    const targets = classes ? sortClasses(classes) : cls0 === null ? [] : [cls0];
    return { minM: L, maxM: Math.max(L, U), basis: { site: siteAccuracy, targets, indicative: false } };
  };
  const nearestRaw: IntervalIndex['nearest'] = (site, category, point) => {
    const c = category ?? null;
    const cat = catOf(c);
    if (!cat || cat.n === 0) return null;
    const un = cat.un;
    if (un.length || site.kind === 'schematic' || site.kind === 'unresolved') {
      const targets = sortClasses([...un, ...(point ? [placements[point.featureIndex]!.accuracy] : [])]);
      return { minM: null, maxM: null, basis: { site: site.accuracy, targets, indicative: true } };
    }
    if (site.kind === 'known' && point && cat.allKnown) {
      return { minM: point.distanceM, maxM: point.distanceM, basis: { site: site.accuracy, targets: [placements[point.featureIndex]!.accuracy], indicative: false } };
    }
    const onePoint = site.kind === 'known' && site.parts.paths.length === 0 && site.parts.points.length === 1 ? site.parts.points[0] : null;
    if (onePoint) return onePointInterval(onePoint[0], onePoint[1], site.accuracy, c, cat, point);
    return general(site, c, cat, point);
  };
  /** The general method (see the module comment): a line or polygon site, or a placed one. */
  const general = (site: Placement, c: string | null, cat: Cat, point: { featureIndex: number; distanceM: number } | null | undefined): DistanceInterval => {
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
    if (point && isMember(c, cat, point.featureIndex)) {
      const Lp = lowerTo(point.featureIndex);
      lts.push({ t: point.featureIndex, L: Lp });
      const r = Ut(point.featureIndex, Lp); U = r.u; exact = r.exact;
    }
    // targets placed in the same polygons share their bounds: one representative per region
    const reps = repsOf(cat);
    const order: { t: number; gap: number }[] = [];
    const kx = kxAt(Math.min(89, Math.max(Math.abs(siteBox[1]), Math.abs(siteBox[3]), reps.latAbsMax))) * 0.999, ky = kyAt(0) * 0.999;
    const pk = point ? tkey[point.featureIndex] : -1;
    // every representative with gap ≤ U has its box within U of the site's box on both axes
    const near = reps.n === 0 ? [] : U === Infinity ? (reps.every ??= reps.t.map((_, k) => k))
      : treeOf(reps)!.search(siteBox[0] - U / kx, siteBox[1] - U / ky, siteBox[2] + U / kx, siteBox[3] + U / ky);
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
    members: (category) => { const cat = catOf(category ?? null); return cat ? membersOf(cat) : []; },
  };
}
