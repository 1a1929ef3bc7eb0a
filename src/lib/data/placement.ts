/**
 * Placement of commune- or district-placed features: the polygons named by `placed_in` (ids in the
 * communes / districts layers). Such a feature is somewhere in their union; its point is only a marker.
 * Pure: no Svelte, MapLibre or DOM.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { bboxOfFeatures } from '../geo/geometry.ts';

type Layers = Partial<Record<string, FeatureCollection | null | undefined>>;

/** The placement polygons of a feature (empty when it has none, or they are not loaded). */
export function placementPolygons(feature: Feature, layers: Layers): Feature[] {
  const ids = feature.properties?.placed_in;
  if (!Array.isArray(ids)) return [];
  const wanted = new Set(ids.filter((x): x is string => typeof x === 'string'));
  if (wanted.size === 0) return [];
  return [layers.communes, layers.districts].flatMap((fc) => fc?.features ?? []).filter((f) => wanted.has(String(f.properties?.id)));
}

/**
 * What to bring into view for a feature, [west, south, east, north]: the feature and its placement
 * polygons together (a district-placed mine is the whole district), else the feature padded by
 * `pointPadDeg` when it is a point.
 */
export function viewBboxOf(feature: Feature, layers: Layers, pointPadDeg = 0.03): [number, number, number, number] {
  const polys = placementPolygons(feature, layers);
  if (polys.length) return bboxOfFeatures([feature, ...polys]);
  const [w, s, e, n] = bboxOfFeatures([feature]);
  const pad = feature.geometry?.type === 'Point' ? pointPadDeg : 0;
  return [w - pad, s - pad, e + pad, n + pad];
}
