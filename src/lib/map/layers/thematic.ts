/**
 * Thematic layers: protected areas, raw-material zones, roads, power, minerals, industrial sites.
 * Accuracy is visible: schematic lines are dashed, commune/district-placed points carry a halo
 * whose size says how uncertain they are.
 */
import type { LayerSpecification, ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { base, crop, fallback, label, mineral, protectedArea, road, siteKind, siteStatus, voltage, hydropower, userData } from '../palette.ts';
import { byZoom, matchProp, isHovered, radiusFromArea } from '../expressions.ts';
import { FONT } from '../fonts.ts';

const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const isSchematic: ExpressionSpecification = ['==', ['get', 'accuracy'], 'schematic'];

/** Uncertainty halo radius (px) by accuracy: district ≫ commune; none for better classes. */
function uncertaintyHalo(): ExpressionSpecification {
  return byZoom([
    [6, matchProp('accuracy', { district: 14, commune: 8 }, 0)],
    [11, matchProp('accuracy', { district: 40, commune: 22 }, 0)],
  ]);
}

/** The faint uncertainty ring under points placed by commune or district. */
function haloLayer(id: 'mineral-sites-halo' | 'industrial-sites-halo' | 'power-plants-halo', source: 'mineral-sites' | 'industrial-sites' | 'power-plants'): LayerSpecification {
  return {
    id, type: 'circle', source,
    paint: {
      'circle-radius': uncertaintyHalo(), 'circle-color': base.uncertainty, 'circle-opacity': 0.07,
      'circle-stroke-color': base.uncertainty, 'circle-stroke-width': 0.8, 'circle-stroke-opacity': 0.45,
    },
  };
}

export function protectedAreaLayers(): LayerSpecification[] {
  return [
    {
      id: 'protected-areas-fill', type: 'fill', source: 'protected-areas',
      paint: { 'fill-color': protectedArea.fill, 'fill-opacity': ['case', isHovered, 0.3, 0.16] },
    },
    {
      id: 'protected-areas-line', type: 'line', source: 'protected-areas',
      paint: { 'line-color': protectedArea.line, 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
    },
  ];
}

export function materialZoneLayers(): LayerSpecification[] {
  const color = matchProp('crop', crop, fallback.zone);
  return [
    {
      id: 'material-zones-fill', type: 'fill', source: 'material-zones',
      paint: { 'fill-color': color, 'fill-opacity': ['case', isHovered, 0.38, 0.16] },
    },
    {
      id: 'material-zones-line', type: 'line', source: 'material-zones',
      paint: { 'line-color': color, 'line-width': ['case', isHovered, 2.5, 1], 'line-opacity': 0.8 },
    },
  ];
}

export function roadLayers(): LayerSpecification[] {
  return [
    {
      id: 'roads-casing', type: 'line', source: 'roads', layout: { 'line-cap': 'round' },
      paint: { 'line-color': road.casing, 'line-width': byZoom([[7, 3], [12, 7]]), 'line-opacity': 0.35 },
    },
    {
      id: 'roads-line', type: 'line', source: 'roads', layout: { 'line-cap': 'round' },
      paint: {
        'line-color': matchProp('road_class', { expressway: road.expressway, national: road.national, provincial: road.provincial }, road.other),
        'line-width': ['case', isHovered, 4, 2],
        'line-dasharray': [2, 2],
      },
    },
  ];
}

export function powerLayers(): LayerSpecification[] {
  const lineColor = matchProp('voltage_kv', voltage, fallback.line);
  const lineWidth = byZoom([
    [7, matchProp('voltage_kv', { 220: 2.6, 110: 2, 35: 1.3, 22: 1 }, 1)],
    [12, matchProp('voltage_kv', { 220: 5, 110: 4, 35: 2.5, 22: 2 }, 2)],
  ]);
  return [
    // Schematic lines are dashed; traced ones solid. Data-driven dasharray needs a `case` per feature.
    {
      id: 'power-lines-line', type: 'line', source: 'power-lines',
      paint: { 'line-color': lineColor, 'line-width': lineWidth, 'line-dasharray': ['case', isSchematic, ['literal', [2, 1.5]], ['literal', [1, 0]]] },
    },
    {
      id: 'power-lines-hover', type: 'line', source: 'power-lines',
      paint: { 'line-color': base.highlight, 'line-width': 10, 'line-opacity': ['case', isHovered, 0.45, 0] },
    },
    // Tà Làng, Thác Giềng and Pác Cáp are known only by commune: the same uncertainty halo as sites.
    haloLayer('power-plants-halo', 'power-plants'),
    {
      id: 'power-plants-circle', type: 'circle', source: 'power-plants',
      paint: {
        'circle-color': hydropower, 'circle-radius': byZoom([[7, 4], [12, 8]]),
        'circle-stroke-color': base.stroke, 'circle-stroke-width': ['case', isHovered, 3, 1.5],
      },
    },
    {
      id: 'power-substations-circle', type: 'circle', source: 'power-substations',
      paint: {
        'circle-color': base.stroke,
        'circle-radius': byZoom([[7, matchProp('voltage_kv', { 220: 6, 110: 4.5 }, 3)], [12, matchProp('voltage_kv', { 220: 11, 110: 8 }, 5)]]),
        'circle-stroke-color': matchProp('voltage_kv', voltage, fallback.point),
        'circle-stroke-width': ['case', isHovered, 4.5, 3],
      },
    },
    {
      id: 'power-substations-label', type: 'symbol', source: 'power-substations', minzoom: 8.5,
      filter: ['==', ['get', 'kind'], 'substation'],
      layout: { 'text-field': ['coalesce', ['get', 'code'], ['get', 'name']], 'text-font': [FONT], 'text-size': 11, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
      paint: { 'text-color': label.substation, 'text-halo-color': base.labelHalo, 'text-halo-width': 1.2 },
    },
  ];
}

export function mineralLayers(): LayerSpecification[] {
  return [
    haloLayer('mineral-sites-halo', 'mineral-sites'),
    {
      id: 'mineral-sites-circle', type: 'circle', source: 'mineral-sites',
      paint: {
        'circle-color': matchProp('mineral', mineral, fallback.point),
        'circle-radius': byZoom([[7, 5], [12, 9]]),
        'circle-stroke-color': ['case', isSelected, base.highlight, base.stroke],
        'circle-stroke-width': ['case', isSelected, 4, isHovered, 3, 1.5],
      },
    },
    {
      id: 'mineral-sites-label', type: 'symbol', source: 'mineral-sites', minzoom: 9,
      layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
      paint: { 'text-color': label.mineral, 'text-halo-color': base.labelHalo, 'text-halo-width': 1.2 },
    },
  ];
}

export function industrialSiteLayers(): LayerSpecification[] {
  return [
    haloLayer('industrial-sites-halo', 'industrial-sites'),
    {
      id: 'industrial-sites-circle', type: 'circle', source: 'industrial-sites',
      paint: {
        'circle-color': matchProp('kind', siteKind, fallback.point),
        'circle-radius': radiusFromArea(5, 0.45),
        'circle-opacity': 0.9,
        'circle-stroke-color': matchProp('status', siteStatus, fallback.status),
        'circle-stroke-width': ['case', isHovered, 4, 2.5],
      },
    },
    {
      id: 'industrial-sites-selected', type: 'circle', source: 'industrial-sites',
      paint: {
        'circle-radius': radiusFromArea(5, 0.45, 5),
        'circle-color': base.transparent,
        'circle-stroke-color': base.highlight,
        'circle-stroke-width': ['case', isSelected, 3, 0],
      },
    },
    {
      id: 'industrial-sites-label', type: 'symbol', source: 'industrial-sites',
      layout: {
        'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': byZoom([[7, 11], [12, 14]]),
        'text-offset': [0, 1.3], 'text-anchor': 'top', 'text-max-width': 9,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 1.1,
      },
      paint: { 'text-color': label.site, 'text-halo-color': base.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * Analysis overlays: connectors from the selected site to its nearest targets, the catchment ring,
 * and the highlight of a selected draft (terra-draw draws the drafts themselves).
 */
export function overlayLayers(): LayerSpecification[] {
  return [
    {
      id: 'analysis-connectors-line', type: 'line', source: 'analysis-connectors',
      paint: { 'line-color': ['coalesce', ['get', 'color'], base.highlight], 'line-width': 2, 'line-dasharray': [1, 1] },
    },
    {
      id: 'analysis-catchment-line', type: 'line', source: 'analysis-catchment',
      paint: { 'line-color': base.highlight, 'line-width': 1.5, 'line-dasharray': [4, 2] },
    },
    // The user's imported sites and reference layers, drawn plainly in one colour.
    {
      id: 'user-data-fill', type: 'fill', source: 'user-data', filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': userData, 'fill-opacity': ['case', isHovered, 0.35, 0.18] },
    },
    {
      id: 'user-data-line', type: 'line', source: 'user-data',
      paint: { 'line-color': userData, 'line-width': ['case', isHovered, 3.5, 2] },
    },
    {
      id: 'user-data-circle', type: 'circle', source: 'user-data', filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
      paint: { 'circle-color': userData, 'circle-radius': 6, 'circle-stroke-color': base.stroke, 'circle-stroke-width': ['case', isSelected, 4, 1.5] },
    },
    {
      id: 'drafts-selected-line', type: 'line', source: 'drafts', filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': base.highlight, 'line-width': 3 },
    },
    {
      id: 'drafts-selected-circle', type: 'circle', source: 'drafts', filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': base.transparent, 'circle-radius': 12, 'circle-stroke-color': base.highlight, 'circle-stroke-width': 3 },
    },
    {
      id: 'analysis-connectors-label', type: 'symbol', source: 'analysis-connectors',
      layout: { 'symbol-placement': 'line-center', 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': label.connector, 'text-halo-color': base.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}
