/**
 * The single points of big imported layers, reference or sites (see `isBigLayer`): one vector
 * source whose tiles our worker cuts from a cluster index over the points (`points-tiles.ts`,
 * served by `big-points-tiles.ts`), so no tile carries tens of thousands of points and MapLibre
 * never holds the layers' collections. Points close together on screen are drawn as one group — a
 * circle sized by how many it holds, with that number — and every point is drawn on its own from
 * `BIG_POINTS_ALONE_ZOOM` on, or wherever it has no neighbour within `CLUSTER_RADIUS` pixels. A
 * click on a group zooms in to where it splits; a click on a point opens its card as for any
 * imported feature.
 */
import type { LayerSpecification, VectorSourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT } from './fonts.ts';
import { base, userData } from './palette.ts';

export const BIG_POINTS_SOURCE = 'user-points';
/**
 * The selected point of a big layer, alone (GeoJSON of one feature): drawn over everything, so the
 * table's selected site shows on the map at any zoom, even where its own point is in a group.
 */
export const BIG_SELECTED_SOURCE = 'user-points-selected';
/** The tiles' one layer. */
export const BIG_POINTS_LAYER = 'points';
/** Pixels (at 512 px tiles) within which points are grouped: small, so only points that overlap are. */
export const CLUSTER_RADIUS = 24;
/** The last zoom at which points are grouped; from the next one on each is drawn alone. */
export const CLUSTER_MAX_ZOOM = 13;
export const BIG_POINTS_ALONE_ZOOM = CLUSTER_MAX_ZOOM + 1;

/** The scheme of the tiles' URLs, `bigpoints://<version>/{z}/{x}/{y}` (see `big-points-tiles.ts`). */
export const BIG_POINTS_PROTOCOL = 'bigpoints';

/** The source's tile URL template for `version` of the points (0: none, empty tiles). */
export const bigPointsTiles = (version: number): string[] => [`${BIG_POINTS_PROTOCOL}://${version}/{z}/{x}/{y}`];

/** The source before any big layer: tiles of version 0. */
export function bigPointsSource(): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: bigPointsTiles(0),
    // Points need no finer tiles than where they stand alone (overzoomed beyond).
    maxzoom: BIG_POINTS_ALONE_ZOOM,
    promoteId: 'id',
  };
}

const isCluster = ['has', 'point_count'] as const;

export function bigPointsLayers(): LayerSpecification[] {
  return [
    {
      id: 'user-points-cluster', type: 'circle', source: BIG_POINTS_SOURCE, 'source-layer': BIG_POINTS_LAYER, filter: isCluster as never,
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
      id: 'user-points-count', type: 'symbol', source: BIG_POINTS_SOURCE, 'source-layer': BIG_POINTS_LAYER, filter: isCluster as never,
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [FONT], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': userData, 'text-halo-color': base.labelHalo, 'text-halo-width': 1.5 },
    },
    {
      id: 'user-points-selected', type: 'circle', source: BIG_SELECTED_SOURCE,
      // An imported point in the highlight ring of a selected industrial site (a white ring, as
      // small imported layers draw their selection, is hardly seen on the light basemap).
      paint: { 'circle-color': userData, 'circle-radius': 6, 'circle-stroke-color': base.highlight, 'circle-stroke-width': 3 },
    },
    {
      id: 'user-points-circle', type: 'circle', source: BIG_POINTS_SOURCE, 'source-layer': BIG_POINTS_LAYER, filter: ['!', isCluster] as never,
      paint: {
        'circle-color': userData, 'circle-radius': 6, 'circle-stroke-color': base.stroke,
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 1.5],
      },
    },
  ];
}
