/**
 * The one application state: inputs as `$state`, everything computable as `$derived`, and the
 * work that feeds it (`load()` the package, the drafts and the imported layers; `start()` the
 * analysis and the drafts' saving). Components read it; only MapView talks to MapLibre.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerId, Manifest, UserSiteProps } from '../data/schema.ts';
import { loadDataPackage, type LoadIssue } from '../data/load.ts';
import type { Basemap } from '../map/basemaps.ts';
import { translate, type Lang } from '../i18n/index.ts';
import { EMPTY_FILTERS, type Mode, type SiteFilters } from './url-state.ts';
import { buildSearchIndex, type SearchEntry } from '../search/search.ts';
import type { SlimRow } from '../analysis/site-row.ts';
import type { Crop } from '../data/schema.ts';
import { filtersActive, passesFilters } from './filters.ts';
import type { RangeStatus } from './score-ranges.ts';
import type { Draft, DrawMode } from '../map/draw-types.ts';
import { coverage, type Coverage } from '../ui/coverage.ts';
import type { EarlyLayer } from './early-layers.ts';
import { effectiveLayers, isBigLayer, isBigReference, normaliseUserLayer, userFeatureById, type UserLayerSpec } from '../data/user-layers.ts';
import type { SurfaceOverlay } from '../map/surface-layer.ts';
import type { DisplayParts } from '../map/display-part.ts';
import { AnalysisState } from './analysis-state.svelte.ts';
import { noticeOf, type Notice, type NoticeCode } from './notices.ts';
import { draftsStore, loadDrafts, saveDrafts } from './drafts-store.ts';
import type { UrlDraft } from './url-drafts.ts';
import type { MetricKey } from '../analysis/metrics.ts';

export type { Notice } from './notices.ts';

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
  /** Short messages for the user (e.g. an ignored URL value): a code with a detail. */
  notices = $state<Notice[]>([]);
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
  // The same array while the sites layers are the same (adding a reference layer re-analyses nothing).
  userSites: Feature[] = $derived.by(() => {
    const specs = this.userLayers.filter((l) => l.role === 'sites');
    const m = this.#userSitesMemo;
    if (m && m.specs.length === specs.length && m.specs.every((x, i) => x === specs[i])) return m.out;
    const out = specs.flatMap((l) => normaliseUserLayer(l).features);
    this.#userSitesMemo = { specs, out };
    return out;
  });
  #userSitesMemo: { specs: UserLayerSpec[]; out: Feature[] } | null = null;
  /**
   * Big reference layers (see `BIG_REFERENCE_FEATURES`): drawn from a part the import worker
   * writes (`displayPart`), never normalised as a whole on the main thread.
   */
  bigReferenceLayers: UserLayerSpec[] = $derived(this.userLayers.filter(isBigReference));
  /**
   * Big layers, reference or sites (see `isBigLayer`): their points are drawn as vector tiles from
   * the layer's map part (`displayPart`), not as GeoJSON given to MapLibre.
   */
  bigLayers: UserLayerSpec[] = $derived(this.userLayers.filter(isBigLayer));
  /** Imported features drawn as they are: the sites and the reference layers that are not big. */
  userDisplay: FeatureCollection = $derived.by(() => {
    // The sites of big site layers are drawn as tiles: left out (by the layer part of their id).
    const big = this.userLayers.filter((l) => l.role === 'sites' && isBigLayer(l)).map((l) => `${l.id}-`);
    const sites = big.length ? this.userSites.filter((f) => !big.some((p) => String(f.properties?.id).startsWith(p))) : this.userSites;
    return {
      type: 'FeatureCollection',
      features: [...sites, ...this.userLayers.filter((l) => l.role === 'reference' && !isBigReference(l)).flatMap((l) => normaliseUserLayer(l).features)],
    };
  });
  /**
   * Writes a big layer's map part off the main thread (set by the importer, which owns
   * the import worker); null or a null result: the map writes it itself, a slice at a time.
   */
  displayPart: ((spec: UserLayerSpec, keys: string[]) => Promise<DisplayParts | null>) | null = null;
  /**
   * On a reload, the big layers (reference or sites) whose record is still being read (their heads, see
   * `early-layers.ts`): the map draws their points from their stored map part meanwhile. Emptied
   * by the importer once the records are read (or could not be).
   */
  earlyBigLayers = $state.raw<EarlyLayer[]>([]);
  /** A big layer's stored map part for the style's keys (set by the importer); null: none stored. */
  storedDisplayPart: ((layer: EarlyLayer, keys: string[]) => Promise<DisplayParts | null>) | null = null;

  searchIndex: SearchEntry[] = $derived(buildSearchIndex(this.dataLayers));

  /** Catchment radius of the analysis, km. */
  radiusKm = $state(10);
  /** The analysis of every site, re-run by `start()` as its inputs change. */
  readonly analysisState: AnalysisState;
  /** Analysis rows of the sites (existing, drafts and imported), from the worker: slim rows (full ones via `analysisState.fullRows`). */
  get analysis(): SlimRow[] { return this.analysisState.rows; }
  /** Progress of a running analysis, or null. */
  get analysisProgress(): { done: number; total: number } | null { return this.analysisState.progress; }
  get analysisError(): string | null { return this.analysisState.error; }
  get analysisById(): Map<string, SlimRow> { return this.analysisState.byId; }
  /** Score and rank ranges of the whole set: being computed, or too many sites (see state/score-ranges.ts). */
  get rangeStatus(): RangeStatus { return this.analysisState.rangeStatus; }
  /** Sites picked for side-by-side comparison (2–4). */
  compareIds = $state<string[]>([]);
  /** Which crop the table's material column shows. */
  tableCrop = $state<Crop>('wood');


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
  /** True once the drawing tool (terra-draw, loaded on demand) is on the map. */
  drawReady = $state(false);
  /** True when the drawing tool could not be loaded (offline before its first use); a notice says so. */
  drawFailed = $state(false);
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
  /** The distance the site symbols are coloured by (`null`: by kind, as usual). */
  colourBy = $state<MetricKey | null>(null);
  /** Drafts and imported sites lying wholly or partly outside the region the data cover. */
  outsideRegion: Map<string, Coverage> = $derived.by(() => {
    const out = new Map<string, Coverage>();
    for (const f of [...this.draftSites, ...this.userSites]) {
      const c = coverage(f, this.layers.region);
      if (c !== 'inside') out.set(String(f.properties?.id), c);
    }
    return out;
  });
  /** Ids of the imported features drawn as they are and of every imported site (big site layers' too). */
  userIds: Set<string> = $derived(new Set([...this.userSites, ...this.userDisplay.features].map((f) => String(f.properties?.id))));

  /** The selected feature, looked up in the loaded layers or the drafts (never in MapLibre's copies). */
  selectedFeature: Feature | null = $derived.by(() => {
    const sel = this.selected;
    if (!sel) return null;
    const list = sel.layer === 'drafts' ? this.draftSites : sel.layer === 'user' ? this.userDisplay.features : this.dataLayers[sel.layer]?.features;
    return list?.find((f) => f.properties?.id === sel.id) ?? (sel.layer === 'user' ? userFeatureById(this.bigLayers, sel.id) : null);
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

  t = (key: string): string => translate(this.lang, key);

  /** @param analysis the analysis state (tests pass one with a fake worker client). */
  constructor(analysis: AnalysisState = new AnalysisState()) {
    this.analysisState = analysis;
  }

  notify(code: NoticeCode, detail?: string): void {
    this.notices = [...this.notices, { code, ...(detail ? { detail } : {}) }];
  }

  /**
   * Starts the state's own work: the analysis follows the data, the sites, the radius and the
   * weights once the package is loaded, and the drafts are written to IndexedDB as they change once
   * the saved ones were read. Returns the function that stops both.
   */
  start(save: typeof saveDrafts = saveDrafts): () => void {
    const stopAnalysis = this.analysisState.follow(() => ({
      ready: this.manifest !== null,
      layers: this.dataLayers,
      sites: this.allSites,
      opts: { radiusKm: this.radiusKm, weights: $state.snapshot(this.weights) },
    }));
    const stopSaving = $effect.root(() => {
      $effect(() => {
        const record = { drafts: this.drafts, names: $state.snapshot(this.draftNames) };
        if (!this.draftsReady) return;
        save(record).catch((e) => (this.notices = [...this.notices, noticeOf('draftsNotSaved', e)]));
      });
    });
    return () => { stopAnalysis(); stopSaving(); };
  }

  /**
   * Loads the data package under `packageUrl`, the saved drafts (with the candidates a shared link
   * carries) and `alsoLoad` (the imported layers) side by side. The package is shown as soon as it
   * arrives, whatever the browser's storage does. A package that cannot be used sets `fatalError`;
   * a selection (from a link) that is in neither the data nor the drafts is dropped with a notice.
   */
  async load(packageUrl: string, opts: { linkDrafts?: UrlDraft[]; alsoLoad?: Promise<unknown>; loadPackage?: typeof loadDataPackage; readDrafts?: typeof loadDrafts; store?: Pick<typeof draftsStore.items, 'onExternalChange'> } = {}): Promise<void> {
    const pkgLoad = (opts.loadPackage ?? loadDataPackage)(packageUrl);
    pkgLoad.catch(() => {}); // handled below; avoids an unhandled rejection while the others load
    const linkDrafts = opts.linkDrafts ?? [];
    // A shared link's candidates join the saved ones on the first read (the saved version wins for
    // the same id); from then on they are saved like any other draft.
    const readDrafts = (withLink: boolean) => (opts.readDrafts ?? loadDrafts)().then((saved) => {
      const have = new Set(saved.record.drafts.map((d) => d.properties.id));
      const added = withLink ? linkDrafts.filter((x) => !have.has(x.draft.properties.id)) : [];
      this.drafts = [...saved.record.drafts, ...added.map((x) => x.draft)];
      this.draftNames = { ...Object.fromEntries(added.filter((x) => x.name).map((x) => [x.draft.properties.id, x.name!])), ...saved.record.names };
      if (saved.error) this.notify('draftsNotRead', saved.error);
      this.draftsReady = true;
    });
    const stored = Promise.all([readDrafts(true), opts.alsoLoad]);
    // Another tab changed the drafts: reload them (the drawing tool follows through draftsSync).
    (opts.store ?? draftsStore.items).onExternalChange(() => void readDrafts(false).then(() => this.draftsSync++));
    try {
      const pkg = await pkgLoad;
      this.manifest = pkg.manifest;
      this.layers = pkg.layers;
      this.loadIssues = pkg.issues;
    } catch (e) {
      this.fatalError = e instanceof Error ? e.message : String(e);
    }
    await stored;
    if (!this.fatalError && this.selected && !this.selectedFeature) {
      this.notify(this.selected.layer === 'drafts' ? 'missingDraft' : 'missingSelection', `${this.selected.layer}:${this.selected.id}`.slice(0, 80));
      this.selected = null;
    }
  }

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
