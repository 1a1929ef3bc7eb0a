/**
 * What a view of a site must show: the site itself and the nearest targets it is measured to (the
 * ends of its connectors). Used to frame the map beside the card and the dossier's map. Pure.
 */
import type { Feature } from 'geojson';
import { connectorEnds, connectorNear, type ConnectorSlot, type SiteRow } from '../analysis/site-row.ts';
import type { LonLat } from '../geo/ruler.ts';
import type { Crop } from '../data/schema.ts';
import { bboxOfFeatures, bboxOfPositions } from '../geo/geometry.ts';

export type Bounds = [number, number, number, number];

/** The targets drawn as connectors (MV line, substation, road, deposit and the chosen crop's zone): their distance and far end. */
export function measuredTargets(a: SiteRow, crop: Crop): { distanceM: number; nearestTarget: LonLat }[] {
  const slots: ConnectorSlot[] = ['mv', 'substation', 'road', 'deposit', `crop:${crop}`];
  const out: { distanceM: number; nearestTarget: LonLat }[] = [];
  for (const slot of slots) {
    const near = connectorNear(a, slot), ends = connectorEnds(a, slot);
    if (near && ends) out.push({ distanceM: near.distanceM, nearestTarget: ends[1] });
  }
  return out;
}

/**
 * Bounds of the site and of the nearest points of its measured targets within `maxKm` of it
 * (a target farther away would shrink the site to a dot; its connector still leaves the frame
 * in its direction).
 */
export function siteFrame(feature: Feature, a: SiteRow | undefined, crop: Crop, maxKm = 15): Bounds {
  const b = bboxOfFeatures([feature]);
  if (a) bboxOfPositions(measuredTargets(a, crop).filter((t) => t.distanceM <= maxKm * 1000).map((t) => t.nearestTarget), b);
  return b;
}

/** A box on screen, px: left, top, right, bottom. */
export type ScreenBox = [number, number, number, number];

/**
 * Whether every corner of `feature`'s bounds, projected with `project` (lon/lat → px), lies inside
 * `box` — the part of the map a card leaves free. A shared link's view is kept only when it shows
 * the selected feature there on this screen (a desktop link opened on a phone may not).
 */
export function boundsInBox(feature: Feature, project: (lonLat: [number, number]) => { x: number; y: number }, box: ScreenBox): boolean {
  const [w, s, e, n] = bboxOfFeatures([feature]);
  const [l, t, r, b] = box;
  for (const c of [[w, s], [w, n], [e, s], [e, n]] as [number, number][]) {
    const p = project(c);
    if (!(p.x >= l && p.x <= r && p.y >= t && p.y <= b)) return false;
  }
  return true;
}
