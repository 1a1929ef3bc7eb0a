/**
 * The one application state: inputs as `$state`, everything computable as `$derived`.
 * Components read it; only MapView talks to MapLibre.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerId, Manifest, UserSiteProps } from '../data/schema.ts';
import type { LoadIssue } from '../data/load.ts';
import type { Basemap } from '../map/basemaps.ts';
import { translate, type Lang } from '../i18n/index.ts';
import { EMPTY_FILTERS, type Mode, type SiteFilters } from './url-state.ts';
import { buildSearchIndex, type SearchEntry } from '../search/search.ts';
import type { SiteAnalysis } from '../analysis/analyze.ts';
import type { Crop } from '../data/schema.ts';
import { filtersActive, passesFilters } from './filters.ts';
import type { RangeStatus } from './score-ranges.ts';
import type { Draft, DrawMode } from '../map/draw-types.ts';
import { coverage, type Coverage } from '../ui/coverage.ts';
import { effectiveLayers, normaliseUserLayer, type UserLayerSpec } from '../data/user-layers.ts';
import type { SurfaceOverlay } from '../map/surface-layer.ts';

export interface MapSnapshot { pngDataUrl: string; widthPx: number; heightPx: number; metresPerPixel: number; bearingDeg: number }

/** A notice in the UI language: the message `key`, then `detail` (data, shown as given). */
export interface Notice { key: string; detail?: string }

export type Panel = 'layers' | 'sites' | 'drafts' | 'data' | 'targets' | 'surface' | 'about';
/** A selected feature: a data-package layer, one of the user's draft sites, or an imported feature. */
export interface Selection { layer: LayerId | 'drafts' | 'user'; id: string }

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
  mode = $state<Mode>('public');
  filters = $state<SiteFilters>(structuredClone(EMPTY_FILTERS));
  weights = $state<Record<string, number>>({});
  /** Current camera, written by MapView after each move (for the URL). */
  view = $state<{ lon: number; lat: number; zoom: number } | null>(null);
  /** A camera request for MapView: fit these bounds, or go to this view. Each request is a new object. */
  viewRequest = $state.raw<{ bbox?: [number, number, number, number]; view?: { lon: number; lat: number; zoom: number } } | null>(null);
  /** Short messages for the user (e.g. an ignored URL value): a message key with a detail, or plain text. */
  notices = $state<(string | Notice)[]>([]);
  /** Phone layout: whether the bottom sheet is expanded. */
  sheetOpen = $state(false);

  /** Layers the user imported, each in a role (persisted in IndexedDB by the importer). */
  userLayers = $state.raw<UserLayerSpec[]>([]);
  /** The data the map and the analyses use: bundled layers with the user's layers merged in. */
  // The same object while neither the bundled layers nor the imported data layers change, so
  // importing sites (or drafting) does not rebuild the analysis indexes or redraw the map's layers.
  dataLayers: Partial<Record<LayerId, FeatureCollection>> = $derived.by(() => {
    const specs = this.userLayers.filter((l) => l.role !== 'sites' && l.role !== 'reference');
    const m = this.#dataLayersMemo;
    if (m && m.bundled === this.layers && m.specs.length === specs.length && m.specs.every((x, i) => x === specs[i])) return m.out;
    const out = effectiveLayers(this.layers, specs);
    this.#dataLayersMemo = { bundled: this.layers, specs, out };
    return out;
  });
  #dataLayersMemo: { bundled: unknown; specs: UserLayerSpec[]; out: Partial<Record<LayerId, FeatureCollection>> } | null = null;
  /** Imported sites (role `sites`), analysed like the industrial sites. */
  userSites: Feature[] = $derived(this.userLayers.filter((l) => l.role === 'sites').flatMap((l) => normaliseUserLayer(l).features));
  /** Imported features drawn as they are: sites and reference layers. */
  userDisplay: FeatureCollection = $derived({
    type: 'FeatureCollection',
    features: [...this.userSites, ...this.userLayers.filter((l) => l.role === 'reference').flatMap((l) => normaliseUserLayer(l).features)],
  });

  searchIndex: SearchEntry[] = $derived(buildSearchIndex(this.dataLayers));

  /** Catchment radius of the analysis, km. */
  radiusKm = $state(10);
  /** Analysis rows of the sites (existing and drafts), from the worker. */
  analysis = $state.raw<SiteAnalysis[]>([]);
  /** Progress of a running analysis, or null. */
  analysisProgress = $state<{ done: number; total: number } | null>(null);
  analysisError = $state<string | null>(null);
  /** Score and rank ranges of the whole set: being computed, or too many sites (see state/score-ranges.ts). */
  rangeStatus = $state<RangeStatus>(null);
  /** Sites picked for side-by-side comparison (2–4). */
  compareIds = $state<string[]>([]);
  /** Which crop the table's material column shows. */
  tableCrop = $state<Crop>('wood');

  analysisById: Map<string, SiteAnalysis> = $derived(new Map(this.analysis.map((r) => [r.id, r])));


  /** Ids of the sites passing the filters (all of them when no filter is set). */
  visibleSiteIds: Set<string> = $derived.by(() => {
    const ids = new Set<string>();
    const active = filtersActive(this.filters);
    for (const f of this.allSites) {
      const id = String(f.properties?.id);
      if (!active || passesFilters(f, this.analysisById.get(id), this.filters)) ids.add(id);
    }
    return ids;
  });

  /** Candidate sites sketched by the user (persisted in IndexedDB by the app shell). */
  drafts = $state.raw<Draft[]>([]);
  /** True once the saved drafts have been read from the browser store. */
  draftsReady = $state(false);
  /** Bumped when another tab changed the drafts, so the drawing tool reloads them. */
  draftsSync = $state(0);
  /** Names given to drafts, by draft id. */
  draftNames = $state<Record<string, string>>({});
  drawMode = $state<DrawMode>('static');
  /** A one-shot command for the drawing tool (each command is a new object). */
  drawCommand = $state.raw<{ type: 'undo' | 'redo' | 'delete' } | { type: 'add'; drafts: Draft[] } | null>(null);

  /** Drafts as site features, named "Phương án N" / "Draft N" unless the user named them. */
  draftSites: Feature[] = $derived(this.drafts.map((d, i) => ({
    type: 'Feature',
    geometry: d.geometry,
    properties: {
      id: d.properties.id,
      name: this.draftNames[d.properties.id] ?? `${translate(this.lang, 'draft.name')} ${i + 1}`,
      kind: 'candidate',
      status: 'draft',
      accuracy: 'drawn',
    } satisfies UserSiteProps,
  })));

  /** Every site the analyses cover: the industrial sites, the drafts and the user's imported sites. */
  allSites: Feature[] = $derived([...(this.layers['industrial-sites']?.features ?? []), ...this.draftSites, ...this.userSites]);
  draftIds: Set<string> = $derived(new Set(this.drafts.map((d) => d.properties.id)));
  /** The full-width distance view is open. */
  distancesOpen = $state(false);
  /** The map draws the connectors of every site passing the filters. */
  allConnectors = $state(false);
  /** Drafts and imported sites lying wholly or partly outside the region the data cover. */
  outsideRegion: Map<string, Coverage> = $derived.by(() => {
    const out = new Map<string, Coverage>();
    for (const f of [...this.draftSites, ...this.userSites]) {
      const c = coverage(f, this.layers.region);
      if (c !== 'inside') out.set(String(f.properties?.id), c);
    }
    return out;
  });
  userIds: Set<string> = $derived(new Set(this.userDisplay.features.map((f) => String(f.properties?.id))));

  /** The selected feature, looked up in the loaded layers or the drafts (never in MapLibre's copies). */
  selectedFeature: Feature | null = $derived.by(() => {
    const sel = this.selected;
    if (!sel) return null;
    const list = sel.layer === 'drafts' ? this.draftSites : sel.layer === 'user' ? this.userDisplay.features : this.dataLayers[sel.layer]?.features;
    return list?.find((f) => f.properties?.id === sel.id) ?? null;
  });

  /** Industrial sites sorted by name (Vietnamese collation) for the list view. */
  siteList: Feature[] = $derived.by(() => {
    const fc = this.layers['industrial-sites'];
    if (!fc) return [];
    const collator = new Intl.Collator('vi');
    return [...fc.features].sort((a, b) => collator.compare(String(a.properties?.name), String(b.properties?.name)));
  });

  // --- suitability surface (planner) ---
  /** The surface drawn on the map (set by the surface panel), or null. */
  surfaceOverlay = $state.raw<SurfaceOverlay | null>(null);
  /** Candidate areas found on the surface, drawn as outlines. */
  surfaceAreas = $state.raw<FeatureCollection | null>(null);
  /** Last pointer position over the map (hover or tap) while the surface is shown, for its value readout. */
  pointer = $state.raw<{ lng: number; lat: number } | null>(null);

  /**
   * Set by MapView: a PNG snapshot of the map around a place, or framed on `frame` (w, s, e, n) when
   * given, for the dossier (null before the map exists).
   */
  snapshot: ((around: [number, number], frame?: [number, number, number, number]) => Promise<MapSnapshot>) | null = null;

  t = (key: string): string => translate(this.lang, key);

  select(layer: LayerId | 'drafts' | 'user', id: string): void {
    this.selected = { layer, id };
  }

  /** Selects a site of the analysis table, existing or draft. */
  selectSite(id: string): void {
    this.selected = { layer: this.draftIds.has(id) ? 'drafts' : this.userIds.has(id) ? 'user' : 'industrial-sites', id };
  }

  clearSelection(): void {
    this.selected = null;
  }
}
