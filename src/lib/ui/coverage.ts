/**
 * Whether a site lies inside the area the data cover (the former province): a candidate sketched
 * or imported outside it is measured only to features inside, so its figures must be flagged. Pure.
 *
 * Tens of thousands of imported sites are tested against a region outline of thousands of
 * vertices, so the region's edges are indexed once per region (in horizontal bands): a point far
 * from every edge of its band is decided by counting the band's edges left of it, exactly; a point
 * inside an edge's box (on or next to the outline) is decided by Turf, as before.
 */
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

export type Coverage = 'inside' | 'partly' | 'outside';

/** One polygon's rings, with its edges bucketed by the horizontal bands they overlap. */
interface PolygonIndex {
  poly: Feature<Polygon>;
  minX: number; minY: number; maxX: number; maxY: number;
  /** Edge ends: x1, y1, x2, y2 per edge. */
  edges: Float64Array;
  bandH: number;
  /** Edge numbers per band. */
  bands: Uint32Array[];
}

/** An edge's box is widened by this (degrees) before a point counts as clear of it. */
const EPS = 1e-9;

function indexPolygon(rings: Position[][]): PolygonIndex {
  let n = 0;
  for (const r of rings) n += Math.max(0, r.length - 1);
  const edges = new Float64Array(n * 4);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let k = 0;
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++, k++) {
      const [x1, y1] = r[i], [x2, y2] = r[i + 1];
      edges.set([x1, y1, x2, y2], k * 4);
      minX = Math.min(minX, x1, x2); maxX = Math.max(maxX, x1, x2);
      minY = Math.min(minY, y1, y2); maxY = Math.max(maxY, y1, y2);
    }
  }
  const count = Math.max(1, Math.min(1024, n >> 2));
  const bandH = (maxY - minY) / count || 1;
  const lists: number[][] = Array.from({ length: count }, () => []);
  const band = (y: number) => Math.min(count - 1, Math.max(0, Math.floor((y - minY) / bandH)));
  for (let e = 0; e < n; e++) {
    const a = edges[e * 4 + 1], b = edges[e * 4 + 3];
    const lo = band(Math.min(a, b) - EPS), hi = band(Math.max(a, b) + EPS);
    for (let j = lo; j <= hi; j++) lists[j].push(e);
  }
  return { poly: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } }, minX, minY, maxX, maxY, edges, bandH, bands: lists.map((l) => Uint32Array.from(l)) };
}

/** Whether `p` is in the polygon (its outline included), as Turf's `booleanPointInPolygon` says. */
function inPolygon(ix: PolygonIndex, p: Position): boolean {
  const [x, y] = p;
  if (x < ix.minX || x > ix.maxX || y < ix.minY || y > ix.maxY) return false;
  const list = ix.bands[Math.min(ix.bands.length - 1, Math.max(0, Math.floor((y - ix.minY) / ix.bandH)))];
  const e = ix.edges;
  let inside = false;
  for (let k = 0; k < list.length; k++) {
    const o = list[k] * 4;
    const x1 = e[o], y1 = e[o + 1], x2 = e[o + 2], y2 = e[o + 3];
    if ((y1 > y) === (y2 > y)) {
      // the ray does not cross this edge; a point next to it is left to Turf
      if (y >= Math.min(y1, y2) - EPS && y <= Math.max(y1, y2) + EPS && x >= Math.min(x1, x2) - EPS && x <= Math.max(x1, x2) + EPS) return booleanPointInPolygon(p, ix.poly);
      continue;
    }
    const lo = Math.min(x1, x2), hi = Math.max(x1, x2);
    if (x < lo - EPS) inside = !inside; // the edge is wholly right of the point: the ray crosses it
    else if (x <= hi + EPS) return booleanPointInPolygon(p, ix.poly); // inside the edge's box
  }
  return inside;
}

const indexes = new WeakMap<FeatureCollection, PolygonIndex[]>();

/** The region's polygons, indexed once per collection. */
function regionIndex(region: FeatureCollection): PolygonIndex[] {
  let ix = indexes.get(region);
  if (!ix) {
    ix = [];
    for (const f of region.features) {
      const g = f.geometry;
      if (g?.type === 'Polygon') ix.push(indexPolygon(g.coordinates));
      else if (g?.type === 'MultiPolygon') for (const rings of g.coordinates) ix.push(indexPolygon(rings));
    }
    indexes.set(region, ix);
  }
  return ix;
}

/** Coverage of a point or polygon site by the region's polygons (every vertex tested). */
export function coverage(site: Feature, region: FeatureCollection | undefined): Coverage {
  const polys = region ? regionIndex(region) : [];
  if (!polys.length) return 'inside';
  const g = site.geometry;
  const pts: number[][] = g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates[0].slice(0, -1) : g.type === 'MultiPolygon' ? g.coordinates.flatMap((p) => p[0].slice(0, -1)) : [];
  if (!pts.length) return 'inside';
  const n = pts.filter((p) => polys.some((poly) => inPolygon(poly, p))).length;
  return n === pts.length ? 'inside' : n === 0 ? 'outside' : 'partly';
}

