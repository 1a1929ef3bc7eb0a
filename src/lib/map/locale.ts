/**
 * MapLibre's own control labels (zoom buttons, compass, attribution toggle, the map's name) in the
 * UI language: a `locale` patch for the Map constructor, and a relabelling of the controls already
 * on the map when the language changes (MapLibre reads its locale only when a control is added).
 */
import type { Map as MlMap } from 'maplibre-gl';
import { translate, type Lang } from '../i18n/index.ts';

const KEYS = {
  'NavigationControl.ZoomIn': 'ml.zoomIn',
  'NavigationControl.ZoomOut': 'ml.zoomOut',
  'NavigationControl.ResetBearing': 'ml.resetBearing',
  'AttributionControl.ToggleAttribution': 'ml.attribution',
  'Map.Title': 'ml.map',
} as const;

/** The `locale` option of the MapLibre Map for `lang`. */
export function mapLocale(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [k, translate(lang, v)]));
}

/** Buttons of the controls by class, and the locale key of their label. */
const BUTTONS: [string, keyof typeof KEYS][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

/** Switches the map's locale and relabels its controls and canvas in place. */
export function applyMapLocale(map: MlMap, lang: Lang): void {
  const locale = mapLocale(lang);
  (map as unknown as { _locale: Record<string, string> })._locale = { ...(map as unknown as { _locale: Record<string, string> })._locale, ...locale };
  const root = map.getContainer();
  for (const [sel, key] of BUTTONS) {
    for (const el of root.querySelectorAll<HTMLElement>(sel)) {
      el.title = locale[key];
      el.setAttribute('aria-label', locale[key]);
    }
  }
  map.getCanvas().setAttribute('aria-label', locale['Map.Title']);
}
