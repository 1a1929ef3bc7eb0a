/**
 * The suitability surface on the MapLibre map: an image source (the grid's RGBA rendered to a PNG,
 * placed by the grid's four corners) drawn as a raster layer above the region fill and below the
 * boundaries, rivers, infrastructure and labels; candidate areas as outlines with their rank.
 * Called by MapView only. (The TM-3 grid is drawn by its corners: within a fraction of a cell of its
 * true place over the province.)
 */
import type { Map as MlMap, ImageSource, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { candidateArea } from './palette.ts';
import { FONT } from './fonts.ts';

/** What the map shows of the surface. */
export interface SurfaceOverlay {
  url: string;
  coordinates: [[number, number], [number, number], [number, number], [number, number]];
  opacity: number;
  visible: boolean;
}

const SRC = 'surface', LYR = 'surface-raster', AREAS = 'surface-areas';

/** The grid's RGBA (`w` × `h` pixels) encoded as a PNG behind a Blob URL (the caller revokes it). */
export async function surfacePngUrl(rgba: Uint8ClampedArray, w: number, h: number): Promise<string> {
  const c = document.createElement('canvas');
  c.width = w; c.height = h;
  c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), w, h), 0, 0);
  const blob = await new Promise<Blob | null>((r) => c.toBlob(r, 'image/png'));
  if (!blob) throw new Error('the surface image could not be encoded');
  return URL.createObjectURL(blob);
}

/** Add, update or hide the surface raster. */
export function syncSurface(map: MlMap, o: SurfaceOverlay | null): void {
  const src = map.getSource(SRC) as ImageSource | undefined;
  if (!o) { if (map.getLayer(LYR)) map.setLayoutProperty(LYR, 'visibility', 'none'); return; }
  if (!src) {
    map.addSource(SRC, { type: 'image', url: o.url, coordinates: o.coordinates });
    map.addLayer({ id: LYR, type: 'raster', source: SRC, paint: { 'raster-opacity': o.opacity, 'raster-resampling': 'nearest', 'raster-fade-duration': 0 } }, map.getLayer('communes-line') ? 'communes-line' : undefined);
  } else if ((src as unknown as { url?: string }).url !== o.url) {
    src.updateImage({ url: o.url, coordinates: o.coordinates });
  }
  map.setPaintProperty(LYR, 'raster-opacity', o.opacity);
  map.setLayoutProperty(LYR, 'visibility', o.visible ? 'visible' : 'none');
}

/** Add or update the candidate areas' outlines and rank labels. */
export function syncAreas(map: MlMap, fc: FeatureCollection | null): void {
  const data = fc ?? { type: 'FeatureCollection', features: [] };
  const src = map.getSource(AREAS) as GeoJSONSource | undefined;
  if (src) { src.setData(data); return; }
  if (!fc) return;
  const before = map.getLayer('analysis-connectors-line') ? 'analysis-connectors-line' : undefined;
  map.addSource(AREAS, { type: 'geojson', data });
  map.addLayer({ id: `${AREAS}-line`, type: 'line', source: AREAS, paint: { 'line-color': candidateArea, 'line-width': 2.5 } }, before);
  map.addLayer({
    id: `${AREAS}-label`, type: 'symbol', source: AREAS,
    layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': [FONT], 'text-size': 15 },
    paint: { 'text-color': candidateArea, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  });
}
