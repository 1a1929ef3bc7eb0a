/**
 * The single points of big imported reference layers (see `BIG_REFERENCE_FEATURES`): one GeoJSON
 * source clustered by MapLibre (supercluster, in its worker), so no tile carries tens of thousands
 * of points. Points close together on screen are drawn as one group — a circle sized by how many
 * it holds, with that number — and every point is drawn on its own from `BIG_POINTS_ALONE_ZOOM`
 * on, or wherever it has no neighbour within `CLUSTER_RADIUS` pixels. A click on a group zooms in
 * to where it splits; a click on a point opens its card as for any imported feature.
 */
import type { GeoJSONSourceSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT } from './fonts.ts';
import { base, userData } from './palette.ts';

export const BIG_POINTS_SOURCE = 'user-points';
/** Pixels (at 512 px tiles) within which points are grouped: small, so only points that overlap are. */
export const CLUSTER_RADIUS = 24;
/** The last zoom at which points are grouped; from the next one on each is drawn alone. */
export const CLUSTER_MAX_ZOOM = 13;
export const BIG_POINTS_ALONE_ZOOM = CLUSTER_MAX_ZOOM + 1;

export function bigPointsSource(): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    promoteId: 'id',
    cluster: true,
    clusterRadius: CLUSTER_RADIUS,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    // Points need no finer tiles than where they stand alone (overzoomed beyond), and a buffer as
    // wide as the largest group circle.
    maxzoom: BIG_POINTS_ALONE_ZOOM,
    buffer: 64,
  };
}

const isCluster = ['has', 'point_count'] as const;

export function bigPointsLayers(): LayerSpecification[] {
  return [
    {
      id: 'user-points-cluster', type: 'circle', source: BIG_POINTS_SOURCE, filter: isCluster as never,
      paint: {
        'circle-color': userData,
        'circle-opacity': 0.4,
        // Area grows with the number of points held (radius ∝ √count), from 7 px for two.
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1.4, 7, 10, 16, 40, 30],
        'circle-stroke-color': base.stroke,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'user-points-count', type: 'symbol', source: BIG_POINTS_SOURCE, filter: isCluster as never,
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [FONT], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': userData, 'text-halo-color': base.labelHalo, 'text-halo-width': 1.5 },
    },
    {
      id: 'user-points-circle', type: 'circle', source: BIG_POINTS_SOURCE, filter: ['!', isCluster] as never,
      paint: {
        'circle-color': userData, 'circle-radius': 6, 'circle-stroke-color': base.stroke,
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 1.5],
      },
    },
  ];
}
