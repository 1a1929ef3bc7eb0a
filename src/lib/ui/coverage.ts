/**
 * Whether a site lies inside the area the data cover (the former province): a candidate sketched
 * or imported outside it is measured only to features inside, so its figures must be flagged. Pure.
 */
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

export type Coverage = 'inside' | 'partly' | 'outside';

/** Coverage of a point or polygon site by the region's polygons (every vertex tested). */
export function coverage(site: Feature, region: FeatureCollection | undefined): Coverage {
  const polys = (region?.features ?? []).filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  if (!polys.length) return 'inside';
  const g = site.geometry;
  const pts: number[][] = g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates[0].slice(0, -1) : g.type === 'MultiPolygon' ? g.coordinates.flatMap((p) => p[0].slice(0, -1)) : [];
  if (!pts.length) return 'inside';
  const n = pts.filter((p) => polys.some((poly) => booleanPointInPolygon(p, poly))).length;
  return n === pts.length ? 'inside' : n === 0 ? 'outside' : 'partly';
}
