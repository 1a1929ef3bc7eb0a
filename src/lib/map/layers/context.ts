/** Basemap layers drawn from the bundled boundaries: neighbours, region, districts, communes, rivers. */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { base, label } from '../palette.ts';
import { byZoom, placementFilter } from '../expressions.ts';
import { FONT } from '../fonts.ts';

export function contextLayers(): LayerSpecification[] {
  return [
    { id: 'background', type: 'background', paint: { 'background-color': base.background } },
    { id: 'neighbours-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': base.neighbourFill } },
    { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': base.neighbourLine, 'line-width': 1 } },
    { id: 'region-fill', type: 'fill', source: 'region', paint: { 'fill-color': base.regionFill } },
    {
      id: 'communes-line', type: 'line', source: 'communes', minzoom: 9,
      paint: { 'line-color': base.communeLine, 'line-width': byZoom([[9, 0.4], [13, 1.2]]), 'line-dasharray': [3, 2] },
    },
    { id: 'districts-line', type: 'line', source: 'districts', paint: { 'line-color': base.districtLine, 'line-width': byZoom([[7, 0.8], [12, 2]]) } },
    // Where a commune- or district-placed feature can be: its placement polygons (`placed_in`), outlined
    // while it is selected (MapView sets the filter). Shown whatever the communes/districts switches say.
    {
      id: 'placement-districts-line', type: 'line', source: 'districts', filter: placementFilter(null),
      paint: { 'line-color': base.uncertainty, 'line-width': byZoom([[7, 2.5], [12, 4]]), 'line-dasharray': [2, 1] },
    },
    {
      id: 'placement-communes-line', type: 'line', source: 'communes', filter: placementFilter(null),
      paint: { 'line-color': base.uncertainty, 'line-width': byZoom([[7, 2], [12, 3.5]]), 'line-dasharray': [2, 1] },
    },
    { id: 'region-line', type: 'line', source: 'region', paint: { 'line-color': base.regionLine, 'line-width': byZoom([[7, 1.6], [12, 3]]) } },
    {
      id: 'rivers-line', type: 'line', source: 'rivers',
      paint: { 'line-color': base.river, 'line-width': byZoom([[7, 1], [12, 2.5]]), 'line-opacity': 0.9 },
    },
    {
      id: 'neighbours-label', type: 'symbol', source: 'neighbours',
      layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 12, 'text-transform': 'uppercase', 'text-letter-spacing': 0.08 },
      paint: { 'text-color': label.neighbour, 'text-halo-color': base.labelHalo, 'text-halo-width': 1 },
    },
    {
      id: 'districts-label', type: 'symbol', source: 'districts', maxzoom: 11,
      layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': byZoom([[7, 11], [10, 14]]), 'text-letter-spacing': 0.04 },
      paint: { 'text-color': label.district, 'text-halo-color': base.labelHalo, 'text-halo-width': 1.2 },
    },
    {
      id: 'communes-label', type: 'symbol', source: 'communes', minzoom: 10.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 11 },
      paint: { 'text-color': label.commune, 'text-halo-color': base.labelHalo, 'text-halo-width': 1 },
    },
  ];
}
