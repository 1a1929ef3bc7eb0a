/**
 * What the "Colour by" control asks of the map and the legend: the chosen distance's classes and
 * the symbols to colour (sites passing the filters; bundled sites only while their layer is shown).
 */
import type { AppState } from '../state/app-state.svelte.ts';
import { siteMetric } from '../analysis/metrics.ts';
import { colourByData, type ColourClass } from '../map/colour-by.ts';
import type { FeatureCollection } from 'geojson';
import { DISTANCE_METRICS } from './site-metrics.ts';
import type { SiteMetric } from '../analysis/metrics.ts';

/** The distances symbols can be coloured by: the distance view's list. */
export const COLOUR_BY_METRICS: readonly SiteMetric[] = DISTANCE_METRICS;

export function colourByView(app: AppState): { fc: FeatureCollection; classes: ColourClass[] } | null {
  if (!app.colourBy) return null;
  const own = (id: string) => app.draftIds.has(id) || app.userIds.has(id);
  return colourByData(siteMetric(app.colourBy), app.allSites, app.analysisById,
    (id) => app.visibleSiteIds.has(id) && (own(id) || !!app.visible['industrial-sites']), app.draftIds, app.userIds);
}
