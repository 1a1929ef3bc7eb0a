/**
 * Source ids and the explicit draw order of every map layer. The layer-id type derives from
 * LAYER_ORDER, so an id that is not in the list does not compile; the style assembler sorts by
 * index in this list (bottom first). Ids are prefixed by their dataset.
 */
import type { LayerId } from '../data/schema.ts';

export const LAYER_ORDER = [
  'background',
  'neighbours-fill',
  'neighbours-line',
  'region-fill',
  'basemap-osm',
  'basemap-satellite',
  'protected-areas-fill',
  'material-zones-fill',
  'material-zones-line',
  'communes-line',
  'districts-line',
  'region-line',
  'protected-areas-line',
  'placement-districts-line',
  'placement-communes-line',
  'rivers-line',
  'roads-casing',
  'roads-line',
  'power-lines-line',
  'power-lines-hover',
  'analysis-connectors-line',
  'analysis-catchment-line',
  // A big imported point layer is context: under the bundled points it could otherwise hide.
  'user-points-cluster',
  'user-points-circle',
  'user-points-count',
  'power-plants-halo',
  'power-plants-circle',
  'power-substations-circle',
  'mineral-sites-halo',
  'mineral-sites-circle',
  'industrial-sites-halo',
  'industrial-sites-circle',
  'industrial-sites-selected',
  'user-data-fill',
  'user-data-line',
  'user-data-circle',
  // The selected point of a big layer, over everything (its own point may be in a group or under a bundled point).
  'user-points-selected',
  'drafts-selected-line',
  'drafts-selected-circle',
  'neighbours-label',
  'districts-label',
  'communes-label',
  'power-substations-label',
  'mineral-sites-label',
  'analysis-connectors-label',
  'industrial-sites-label',
] as const;

export type MapLayerId = (typeof LAYER_ORDER)[number];

/** GeoJSON sources: one per data-package layer, plus the analysis overlays. */
export type SourceId = LayerId | 'analysis-connectors' | 'analysis-catchment' | 'drafts' | 'user-data' | 'user-points' | 'user-points-selected';
export const OVERLAY_SOURCES = ['analysis-connectors', 'analysis-catchment', 'drafts', 'user-data'] as const;

/** Layers the user can pick features from (hover, click). */
export const INTERACTIVE_LAYERS: MapLayerId[] = [
  'industrial-sites-circle',
  'mineral-sites-circle',
  'power-substations-circle',
  'power-plants-circle',
  'power-lines-hover',
  'roads-line',
  'material-zones-fill',
  'protected-areas-fill',
  'user-points-cluster',
  'user-points-circle',
  'user-data-circle',
  'user-data-line',
  'user-data-fill',
];
