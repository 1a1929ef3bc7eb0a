/**
 * What a view of a site must show: the site itself and the nearest targets it is measured to (the
 * ends of its connectors). Used to frame the map beside the card and the dossier's map. Pure.
 */
import type { Feature } from 'geojson';
import type { SiteAnalysis, Near } from '../analysis/analyze.ts';
import type { Crop } from '../data/schema.ts';
import { bboxOfFeatures, bboxOfPositions } from '../geo/geometry.ts';

export type Bounds = [number, number, number, number];

/** The targets drawn as connectors: MV line, substation, road, deposit and the chosen crop's zone. */
export function measuredTargets(a: SiteAnalysis, crop: Crop): Near[] {
  return [a.nearest.mvLine, a.nearest.substation.any, a.nearest.road, a.nearest.minerals.deposit, a.nearest.crops[crop]]
    .filter((n): n is Near => !!n);
}

/**
 * Bounds of the site and of the nearest points of its measured targets within `maxKm` of it
 * (a target farther away would shrink the site to a dot; its connector still leaves the frame
 * in its direction).
 */
export function siteFrame(feature: Feature, a: SiteAnalysis | undefined, crop: Crop, maxKm = 15): Bounds {
  const b = bboxOfFeatures([feature]);
  if (a) bboxOfPositions(measuredTargets(a, crop).filter((t) => t.distanceM <= maxKm * 1000).map((t) => t.nearestTarget), b);
  return b;
}
