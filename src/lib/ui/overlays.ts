/**
 * Map overlays for the selected site, built from its analysis row: connector lines from the site
 * to each nearest target (labelled with the distance) and the catchment ring. Pure.
 */
import type { FeatureCollection, Feature, LineString } from 'geojson';
import { discRing } from '../geo/disc.ts';
import { connectorEnds, connectorNear, type ConnectorSlot, type SiteRow } from '../analysis/site-row.ts';
import type { Crop } from '../data/schema.ts';
import { crop as cropColour, voltage, road, mineral } from '../map/palette.ts';
import type { Lang } from '../i18n/index.ts';
import { formatInterval } from './site-metrics.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Connectors: MV line, substation, road, nearest deposit, nearest zone of `crop`. */
export function connectorLines(a: SiteRow | undefined, lang: Lang, crop: Crop): FeatureCollection {
  if (!a) return EMPTY;
  const targets: [string, ConnectorSlot, string][] = [
    ['mv', 'mv', voltage[35]],
    ['substation', 'substation', voltage[110]],
    ['road', 'road', road.national],
    ['deposit', 'deposit', mineral['lead-zinc']],
    [`crop:${crop}`, `crop:${crop}`, cropColour[crop]],
  ];
  const features: Feature<LineString>[] = [];
  for (const [kind, slot, color] of targets) {
    const near = connectorNear(a, slot);
    const ends = connectorEnds(a, slot);
    if (!near || !ends || near.distanceM <= 0) continue;
    features.push({
      type: 'Feature',
      properties: { id: `connector-${kind}`, kind, color, label: formatInterval(lang, near), targetId: near.id },
      geometry: { type: 'LineString', coordinates: ends },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The catchment disc outline: the very circle the catchment measured (lib/geo/disc.ts discRing,
 * ellipsoidal local frame at the site's centre), 128 steps.
 */
export function catchmentRing(a: SiteRow | undefined, radiusKm: number): FeatureCollection {
  if (!a) return EMPTY;
  const ring = discRing(a.centre, radiusKm * 1000, 128);
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { id: 'catchment', radiusKm }, geometry: { type: 'Polygon', coordinates: [ring] } }],
  };
}
