/**
 * What the map draws over the data package, from the state: the connectors (of every site passing
 * the filters, of the compared sites, or of the selected one), the selected site's catchment ring,
 * the imported features and the selected draft. Read inside a `$derived`, so every read is tracked.
 */
import type { FeatureCollection } from 'geojson';
import type { OVERLAY_SOURCES } from '../map/ids.ts';
import { catchmentRing, connectorLines } from '../ui/overlays.ts';
import type { AppState } from './app-state.svelte.ts';

export type OverlaySource = (typeof OVERLAY_SOURCES)[number];
export type MapOverlays = Record<OverlaySource, FeatureCollection>;

export function mapOverlays(app: AppState): MapOverlays {
  const selectedAnalysis = app.selected ? app.analysisById.get(app.selected.id) : undefined;
  return {
    // Connectors of every compared site, or of the selected one.
    'analysis-connectors': app.allConnectors
      ? { type: 'FeatureCollection' as const, features: app.analysis.filter((r) => app.visibleSiteIds.has(r.id)).flatMap((r) => connectorLines(r, app.lang, app.tableCrop).features) }
      : app.compareIds.length >= 2
      ? { type: 'FeatureCollection' as const, features: app.compareIds.flatMap((id) => connectorLines(app.analysisById.get(id), app.lang, app.tableCrop).features) }
      : connectorLines(selectedAnalysis, app.lang, app.tableCrop),
    'analysis-catchment': catchmentRing(selectedAnalysis, app.radiusKm),
    'user-data': app.userDisplay,
    drafts: { type: 'FeatureCollection' as const, features: app.selected?.layer === 'drafts' && app.selectedFeature ? [app.selectedFeature] : [] },
  };
}
