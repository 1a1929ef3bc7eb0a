/**
 * The map style, assembled from typed layer modules ("no style JSON"). Pure: builds a
 * StyleSpecification from font URLs; data are set later with `setData` by MapView.
 */
import type { StyleSpecification, LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LAYER_IDS } from '../data/schema.ts';
import { LAYER_ORDER, OVERLAY_SOURCES, type MapLayerId } from './ids.ts';
import { contextLayers } from './layers/context.ts';
import {
  protectedAreaLayers, materialZoneLayers, roadLayers, powerLayers, mineralLayers, industrialSiteLayers, overlayLayers,
} from './layers/thematic.ts';
import { basemapLayers, basemapSources } from './basemaps.ts';
import { bigPointsLayers, bigPointsSource, BIG_POINTS_SOURCE, BIG_SELECTED_SOURCE } from './big-points.ts';
import { FONT, LATIN_RANGES, VIETNAMESE_RANGES } from './fonts.ts';

/** Every layer spec, sorted by LAYER_ORDER (bottom first). Throws if a spec id is not in the order list. */
export function allLayers(): LayerSpecification[] {
  const specs = [
    ...contextLayers(), ...basemapLayers(), ...protectedAreaLayers(), ...materialZoneLayers(), ...roadLayers(),
    ...powerLayers(), ...mineralLayers(), ...industrialSiteLayers(), ...overlayLayers(), ...bigPointsLayers(),
  ];
  const rank = (id: string) => {
    const i = LAYER_ORDER.indexOf(id as MapLayerId);
    if (i < 0) throw new Error(`layer id not in LAYER_ORDER: ${id}`);
    return i;
  };
  return specs.sort((a, b) => rank(a.id) - rank(b.id));
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** Sources: one GeoJSON source per data-package layer (feature ids promoted from `id`), overlays, raster basemaps. */
export function allSources(): Record<string, SourceSpecification> {
  const sources: Record<string, SourceSpecification> = {};
  for (const id of [...LAYER_IDS, ...OVERLAY_SOURCES]) {
    sources[id] = { type: 'geojson', data: structuredClone(EMPTY) as never, promoteId: 'id' };
  }
  sources[BIG_POINTS_SOURCE] = bigPointsSource();
  sources[BIG_SELECTED_SOURCE] = { type: 'geojson', data: structuredClone(EMPTY) as never };
  sources.osm = basemapSources.osm;
  sources.satellite = basemapSources.satellite;
  return sources;
}

export interface FontUrls { latin: string; vietnamese: string }

/** The whole style. `fonts` are URLs of the bundled woff2 files (Vite `?url` imports in the app). */
export function buildStyle(fonts: FontUrls): StyleSpecification {
  return {
    version: 8,
    name: 'industry-map',
    'font-faces': {
      [FONT]: [
        { url: fonts.latin, 'unicode-range': LATIN_RANGES },
        { url: fonts.vietnamese, 'unicode-range': VIETNAMESE_RANGES },
      ],
    },
    sources: allSources(),
    layers: allLayers(),
  };
}
