/**
 * The one application state: inputs as `$state`, everything computable as `$derived`.
 * Components read it; only MapView talks to MapLibre.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerId, Manifest } from '../data/schema.ts';
import type { LoadIssue } from '../data/load.ts';
import type { Basemap } from '../map/basemaps.ts';
import { translate, type Lang } from '../i18n/index.ts';

export type Panel = 'layers' | 'sites' | 'about';
export interface Selection { layer: LayerId; id: string }

/** Layers shown on first visit. Communes are drawn only at closer zooms by the style itself. */
const DEFAULT_VISIBLE: Record<LayerId, boolean> = {
  region: true, neighbours: true, districts: true, communes: true, rivers: true,
  'protected-areas': true, 'material-zones': false, roads: true, 'power-lines': true,
  'power-substations': true, 'power-plants': true, 'mineral-sites': true, 'industrial-sites': true,
};

export class AppState {
  lang = $state<Lang>('vi');
  basemap = $state<Basemap>('bundled');
  panel = $state<Panel>('layers');
  manifest = $state.raw<Manifest | null>(null);
  layers = $state.raw<Partial<Record<LayerId, FeatureCollection>>>({});
  loadIssues = $state.raw<LoadIssue[]>([]);
  fatalError = $state<string | null>(null);
  visible = $state<Record<LayerId, boolean>>({ ...DEFAULT_VISIBLE });
  selected = $state<Selection | null>(null);
  /** Set by MapView when the map has rendered everything it was asked to. */
  mapIdle = $state(false);

  /** The selected feature, looked up in the loaded layers (never in MapLibre's copies). */
  selectedFeature: Feature | null = $derived.by(() => {
    const sel = this.selected;
    if (!sel) return null;
    return this.layers[sel.layer]?.features.find((f) => f.properties?.id === sel.id) ?? null;
  });

  /** Industrial sites sorted by name (Vietnamese collation) for the list view. */
  siteList: Feature[] = $derived.by(() => {
    const fc = this.layers['industrial-sites'];
    if (!fc) return [];
    const collator = new Intl.Collator('vi');
    return [...fc.features].sort((a, b) => collator.compare(String(a.properties?.name), String(b.properties?.name)));
  });

  t = (key: string): string => translate(this.lang, key);

  select(layer: LayerId, id: string): void {
    this.selected = { layer, id };
  }

  clearSelection(): void {
    this.selected = null;
  }
}
