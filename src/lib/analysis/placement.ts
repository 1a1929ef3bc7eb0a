/**
 * Where a feature can truly be: its placement.
 *
 * - `known`: the geometry is the feature (official, generalised, traced, imported, drawn): S = G.
 * - `placed`: only the commune or district is known (accuracy `commune` / `district`), or the
 *   source gives a box (`extent`): the feature is somewhere in its placement region R (for a point,
 *   one unknown point of R; for a zone, an unknown part of R, whose nearest point can be any
 *   point of R). R is the union of the polygons named by `placed_in` (ids in the communes or
 *   districts layer); without `placed_in`, a polygonal feature is its own region (the build draws
 *   it as the union of those polygons) and a point is resolved from its `commune` / `district`
 *   names; when the names cannot be resolved the district polygon(s) are used (a wider region,
 *   still a true bound), and `source` says so.
 * - `schematic`: known only by its end points or the places it passes: no bound at all.
 * Pure.
 */
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { toParts, pointInParts, type Parts } from '../geo/geometry.ts';
import { hullOf } from '../geo/extremes.ts';
import { foldVietnamese } from '../text.ts';

/** Accuracy classes whose true position is a region. */
export const PLACED_CLASSES: readonly string[] = ['commune', 'district', 'extent'];

/** A feature's possible true positions. */
export interface Placement {
  /** `unresolved`: placed, but no region could be found (no communes/districts layer): no bound. */
  kind: 'known' | 'placed' | 'schematic' | 'unresolved';
  /** The accuracy class it rests on (`drawn` when the feature has none: sketches and analysed drafts). */
  accuracy: string;
  /** Known/schematic: the geometry; placed: the placement region (polygons). */
  geometry: Geometry;
  parts: Parts;
  /** The feature's own (drawn) geometry. */
  drawn: Geometry;
  /** Placed: convex hull of the region (lon/lat), for farthest-point queries. */
  hull: Position[] | null;
  /** How the region was found. */
  source: 'geometry' | 'placed_in' | 'names' | 'district-fallback';
  /** Ids of the polygons forming the region (placed_in or resolved). */
  placedIn: string[];
  /**
   * Placed in named polygons: a number the resolver gives the region, the same for every feature
   * placed in the same polygons (absent for other placements).
   */
  region?: number;
}

/**
 * A placement without the feature's own geometry: what the interval index needs. Features placed
 * in the same polygons with the same class share one (see {@link PlacementResolver.shared}).
 */
export type SharedPlacement = Omit<Placement, 'drawn'>;

const prop = (f: Feature, k: string): unknown => (f.properties as Record<string, unknown> | null)?.[k];
const isPolygonal = (g: Geometry | null | undefined) => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');
const splitList = (v: unknown): string[] => {
  const out: string[] = [];
  const xs: readonly unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? v.split(';') : [];
  for (const x of xs) { const s = String(x).trim(); if (s) out.push(s); }
  return out;
};

/** Resolves features to placements against the communes and districts layers. */
export interface PlacementResolver {
  /**
   * The feature's placement. A placed feature's is resolved once and kept (the same object on every
   * call); a known or schematic feature's is built from its geometry on each call (equal, not the same).
   */
  (f: Feature): Placement;
  /**
   * The feature's placement without its own geometry: for a feature placed by `placed_in` in one
   * polygon, one object per polygon and class, shared by all such features (no object per feature,
   * nothing cached per feature); else the feature's placement. Same region, class, kind and
   * source as the resolver gives.
   */
  shared?: (f: Feature) => SharedPlacement;
}

/**
 * A resolver over the communes and districts layers (either may be missing: a placed point that
 * cannot be resolved is `unresolved`, i.e. without bounds).
 */
export function createPlacementResolver(communes: readonly Feature[] | null | undefined, districts: readonly Feature[] | null | undefined): PlacementResolver {
  const byId = new Map<string, Feature>();
  for (const f of [...(communes ?? []), ...(districts ?? [])]) {
    const id = prop(f, 'id');
    if (id != null && isPolygonal(f.geometry)) byId.set(String(id), f);
  }
  const districtByName = new Map<string, Feature>();
  for (const f of districts ?? []) if (isPolygonal(f.geometry)) districtByName.set(foldVietnamese(String(prop(f, 'name') ?? '')), f);
  const communesByName = new Map<string, Feature[]>();
  for (const f of communes ?? []) {
    if (!isPolygonal(f.geometry)) continue;
    const k = foldVietnamese(String(prop(f, 'name') ?? ''));
    let l = communesByName.get(k); if (!l) communesByName.set(k, (l = [])); l.push(f);
  }
  const union = (fs: readonly Feature[]): MultiPolygon => {
    const coordinates: Position[][][] = [];
    for (const f of fs) {
      if (f.geometry.type === 'Polygon') coordinates.push((f.geometry as Polygon).coordinates);
      else for (const p of (f.geometry as MultiPolygon).coordinates) coordinates.push(p);
    }
    return { type: 'MultiPolygon', coordinates };
  };
  // features placed in the same polygons share one region (geometry, parts, hull): built once
  interface Region { id: number; geometry: Geometry; parts: Parts; hull: Position[]; ids: string[]; oneById: boolean; shared: (SharedPlacement | undefined)[] }
  const regions = new Map<string, Region>();
  const newRegion = (ids: string[], key: string | null, region: Geometry): Region => {
    const parts = toParts(region);
    const r: Region = { id: key === null ? -1 : regions.size, geometry: region, parts, hull: hullOf(parts), ids, oneById: ids.length === 1 && byId.has(ids[0]), shared: [] };
    if (key !== null) regions.set(key, r);
    return r;
  };
  const regionOf = (ids: string[], key: string | null, geometryOf: () => Geometry): Region =>
    (key === null ? undefined : regions.get(key)) ?? newRegion(ids, key, geometryOf());
  const placed = (f: Feature, accuracy: string, geometryOf: () => Geometry, source: Placement['source'], ids: string[]): Placement => {
    const r = regionOf(ids, ids.length ? ids.join('\u0001') : null, geometryOf);
    const p: Placement = { kind: 'placed', accuracy, geometry: r.geometry, drawn: f.geometry, parts: r.parts, hull: r.hull, source, placedIn: ids };
    if (r.id >= 0) p.region = r.id;
    return p;
  };
  const known = (f: Feature, accuracy: string, kind: 'known' | 'schematic' | 'unresolved' = 'known'): Placement => ({
    kind, accuracy, geometry: f.geometry, drawn: f.geometry,
    // (a point's parts as toParts gives them, built directly: sites are often points)
    parts: f.geometry?.type === 'Point' ? { points: [f.geometry.coordinates], paths: [], polygons: [] } : toParts(f.geometry),
    hull: null, source: 'geometry', placedIn: [],
  });
  const cache = new WeakMap<Feature, Placement>();
  const resolve = (f: Feature): Placement => {
    const acc = prop(f, 'accuracy');
    const accuracy = typeof acc === 'string' && acc ? acc : 'drawn';
    if (accuracy === 'schematic') return known(f, accuracy, 'schematic');
    if (!PLACED_CLASSES.includes(accuracy)) return known(f, accuracy);
    // placed_in: ids of commune/district polygons
    const ids = splitList(prop(f, 'placed_in'));
    if (ids.length && ids.every((id) => byId.has(id))) return placed(f, accuracy, () => union(ids.map((id) => byId.get(id)!)), 'placed_in', ids);
    if (isPolygonal(f.geometry)) return placed(f, accuracy, () => f.geometry, 'geometry', []);
    // names: commune(s) within district(s), else the district(s)
    const dNames = splitList(prop(f, 'district')).map(foldVietnamese);
    const ds = dNames.map((d) => districtByName.get(d)).filter((x): x is Feature => !!x);
    if (accuracy === 'commune') {
      const cNames = splitList(prop(f, 'commune')).map(foldVietnamese);
      const found: Feature[] = [];
      for (const c of cNames) {
        const cands = (communesByName.get(c) ?? []).filter((x) => !dNames.length || dNames.includes(foldVietnamese(String(prop(x, 'district') ?? ''))));
        if (cands.length !== 1) { found.length = 0; break; }
        found.push(cands[0]);
      }
      if (cNames.length && found.length === cNames.length && containsOwnPoints(f, union(found))) {
        return placed(f, accuracy, () => union(found), 'names', found.map((x) => String(prop(x, 'id'))));
      }
    }
    if (ds.length && containsOwnPoints(f, union(ds))) {
      return placed(f, accuracy, () => union(ds), accuracy === 'district' ? 'names' : 'district-fallback', ds.map((x) => String(prop(x, 'id'))));
    }
    return known(f, accuracy, 'unresolved'); // nothing to resolve against: no bound
  };
  const resolver: PlacementResolver = (f: Feature) => {
    // a known or schematic feature's placement is its geometry, built at once and not kept (kept,
    // every site analysed would hold its placement for as long as the site lives); a placed one's
    // is resolved once
    const acc = (f.properties as { accuracy?: unknown } | null)?.accuracy;
    const accuracy = typeof acc === 'string' && acc ? acc : 'drawn';
    if (!PLACED_CLASSES.includes(accuracy)) return known(f, accuracy, accuracy === 'schematic' ? 'schematic' : 'known');
    let p = cache.get(f);
    if (!p) { p = resolve(f); cache.set(f, p); }
    return p;
  };
  // placed_in naming one polygon (the usual case): the region's shared placement for the class,
  // the same region, class and source as resolve() (which takes placed_in first when every id
  // names a polygon); anything else: the feature's own placement
  resolver.shared = (f: Feature): SharedPlacement => {
    // (named property reads: `prop` with a variable key is slower, and this runs once per target)
    const props = f.properties as { accuracy?: unknown; placed_in?: unknown } | null;
    const acc = props?.accuracy;
    const v = props?.placed_in;
    const one = Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' ? v[0] : null;
    const a = typeof acc === 'string' ? PLACED_CLASSES.indexOf(acc) : -1;
    if (a < 0 || one === null || one === '' || one !== one.trim()) return resolver(f);
    // a region found under this id is this polygon alone when its ids are this one id, naming a polygon
    let r = regions.get(one);
    if (!r) {
      const poly = byId.get(one);
      if (!poly) return resolver(f);
      r = newRegion([one], one, union([poly]));
    } else if (!r.oneById) return resolver(f);
    let p = r.shared[a];
    if (!p) p = r.shared[a] = { kind: 'placed', accuracy: acc as string, geometry: r.geometry, parts: r.parts, hull: r.hull, source: 'placed_in', placedIn: r.ids, region: r.id };
    return p;
  };
  return resolver;
}

/** True when every vertex of the feature lies in the region (a resolved region must hold the drawn feature). */
function containsOwnPoints(f: Feature, region: Geometry): boolean {
  if (!f.geometry) return false;
  const p = toParts(f.geometry), r = toParts(region);
  const vs: Position[] = [...p.points, ...p.paths.flat()];
  return vs.every((v) => pointInParts(v[0], v[1], r));
}
