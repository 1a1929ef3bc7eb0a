/**
 * Optional online basemaps, chosen by the user; the default ('bundled') needs no network and
 * draws the basemap from the data package alone.
 */
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';

export const BASEMAPS = ['bundled', 'osm', 'satellite'] as const;
export type Basemap = (typeof BASEMAPS)[number];

export const basemapSources: Record<'osm' | 'satellite', SourceSpecification> = {
  osm: {
    type: 'raster',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    tileSize: 256,
    maxzoom: 19,
    attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  },
  satellite: {
    type: 'raster',
    tiles: ['https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}'],
    tileSize: 256,
    maxzoom: 18,
    attribution: 'Imagery © Esri, Maxar, Earthstar Geographics, and the GIS User Community',
  },
};

export function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'basemap-osm', type: 'raster', source: 'osm', layout: { visibility: 'none' }, paint: { 'raster-opacity': 0.85 } },
    { id: 'basemap-satellite', type: 'raster', source: 'satellite', layout: { visibility: 'none' } },
  ];
}
