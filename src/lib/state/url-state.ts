/**
 * The shareable view in the URL hash: camera, layers, basemap, selection, filters, weights,
 * language and mode. Decoding never throws: an invalid or outdated value is dropped and reported
 * as a short notice, and the rest still applies. Pure (no DOM): callers pass `location.hash`.
 */
import { CROPS, LAYER_IDS, PLAN_PHASES, SECTORS, SITE_KINDS, SITE_STATUSES, type Crop, type LayerId, type PlanPhase, type Sector, type SiteKind, type SiteStatus } from '../data/schema.ts';
import { BASEMAPS, type Basemap } from '../map/basemaps.ts';
import { LANGS, type Lang } from '../i18n/index.ts';
import { decodeDraft, type UrlDraft } from './url-drafts.ts';
import type { Notice } from './notices.ts';
import { decodeScenario, type LinkScenario } from './scenarios.ts';

export const MODES = ['public', 'investor', 'planner'] as const;
export type Mode = (typeof MODES)[number];

export interface SiteFilters {
  districts: string[];
  kinds: SiteKind[];
  statuses: SiteStatus[];
  phases: PlanPhase[];
  /** Minimum free area (area × (1 − occupancy)), hectares. */
  minFreeAreaHa?: number;
  /** Maximum occupancy, percent. */
  maxOccupancyPct?: number;
  /** Maximum straight-line distance to the nearest MV (22/35 kV) line, metres. */
  maxMvDistanceM?: number;
  /** Maximum distance to the nearest substation, metres. */
  maxSubstationDistanceM?: number;
  /** Maximum distance to the nearest road, metres. */
  maxRoadDistanceM?: number;
  /**
   * Sectors: a site passes when it lists any of them (URL `fsec`). Absent in older links: no filter.
   */
  sectors?: Sector[];
  /**
   * Distance to a chosen raw material (nearest zone of a crop) or to the nearest mineral deposit,
   * metres (URL `fn=<target>,<metres>`). Over the distance interval: a site passes surely or
   * possibly; only a site that surely does not is left out.
   */
  near?: { target: NearTarget; maxM: number };
}

/** What a distance filter can measure to besides the grid and roads: a crop's zones or a deposit. */
export type NearTarget = 'deposit' | `crop:${Crop}`;
export const NEAR_TARGETS: readonly NearTarget[] = ['deposit', ...CROPS.map((c) => `crop:${c}` as const)];

export const EMPTY_FILTERS: SiteFilters = { districts: [], kinds: [], statuses: [], phases: [] };

export interface UrlState {
  view?: { lon: number; lat: number; zoom: number };
  lang?: Lang;
  mode?: Mode;
  basemap?: Basemap;
  visible?: LayerId[];
  selected?: { layer: LayerId | 'drafts' | 'user'; id: string };
  filters?: SiteFilters;
  weights?: Record<string, number>;
  /** Sketched candidates carried by the link (`d`, one per draft; see url-drafts.ts), already encoded. */
  drafts?: string[];
  /** The active surface scenario (`sc`, its link form; see scenarios.ts), already encoded. */
  scenario?: string;
}

/** The decoded state: the link's drafts parsed. */
export interface DecodedUrlState extends Omit<UrlState, 'drafts' | 'scenario'> { drafts?: UrlDraft[]; scenario?: LinkScenario }

const NUM_FILTERS = ['minFreeAreaHa', 'maxOccupancyPct', 'maxMvDistanceM', 'maxSubstationDistanceM', 'maxRoadDistanceM'] as const;

const round = (x: number, d: number) => Number(x.toFixed(d));

/** Encodes the state as a hash string (`#v=…&l=…`), omitting empty parts. */
export function encodeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.view) p.set('v', `${round(s.view.lon, 5)},${round(s.view.lat, 5)},${round(s.view.zoom, 2)}`);
  if (s.lang) p.set('lang', s.lang);
  if (s.mode) p.set('mode', s.mode);
  if (s.basemap) p.set('b', s.basemap);
  if (s.visible) p.set('l', s.visible.join(','));
  if (s.selected) p.set('s', `${s.selected.layer}:${s.selected.id}`);
  const f = s.filters;
  if (f) {
    if (f.districts.length) p.set('fd', f.districts.join('|'));
    if (f.kinds.length) p.set('fk', f.kinds.join(','));
    if (f.statuses.length) p.set('fs', f.statuses.join(','));
    if (f.phases.length) p.set('fp', f.phases.join(','));
    for (const k of NUM_FILTERS) if (f[k] !== undefined) p.set(k, String(f[k]));
    if (f.sectors?.length) p.set('fsec', f.sectors.join(','));
    if (f.near) p.set('fn', `${f.near.target},${f.near.maxM}`);
  }
  if (s.weights && Object.keys(s.weights).length) {
    p.set('w', Object.entries(s.weights).map(([k, v]) => `${k}:${v}`).join(','));
  }
  for (const d of s.drafts ?? []) p.append('d', d);
  if (s.scenario) p.set('sc', s.scenario);
  const str = p.toString();
  return str ? `#${str}` : '';
}

export interface DecodeOptions {
  /** Criteria the weights may name; others are dropped with a notice. */
  criteria?: readonly string[];
}

/** Decodes a hash (with or without `#`). Unknown keys and bad values become notices. */
export function decodeUrlState(hash: string, opts: DecodeOptions = {}): { state: DecodedUrlState; notices: Notice[] } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state: DecodedUrlState = {};
  const notices: Notice[] = [];
  const bad = (key: string, value: string) => notices.push({ code: 'ignored', detail: `${key}=${value.slice(0, 60)}` });
  const known = new Set(['v', 'lang', 'mode', 'b', 'l', 's', 'fd', 'fk', 'fs', 'fp', 'fsec', 'fn', 'w', 'd', 'sc', ...NUM_FILTERS]);
  for (const key of p.keys()) if (!known.has(key)) bad(key, p.get(key) ?? '');

  const v = p.get('v');
  if (v !== null) {
    const [lon, lat, zoom] = v.split(',').map(Number);
    if ([lon, lat, zoom].every(Number.isFinite) && Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22) state.view = { lon, lat, zoom };
    else bad('v', v);
  }
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const x = p.get(key);
    if (x === null) return undefined;
    if ((allowed as readonly string[]).includes(x)) return x as T;
    bad(key, x);
    return undefined;
  };
  state.lang = pick('lang', LANGS);
  state.mode = pick('mode', MODES);
  state.basemap = pick('b', BASEMAPS);
  const list = <T extends string>(key: string, allowed: readonly T[], sep = ','): T[] | undefined => {
    const x = p.get(key);
    if (x === null) return undefined;
    const items = x.split(sep).filter(Boolean);
    const good = items.filter((i): i is T => (allowed as readonly string[]).includes(i));
    if (good.length < items.length) bad(key, items.filter((i) => !good.includes(i as T)).join(sep));
    return good;
  };
  state.visible = list('l', LAYER_IDS);
  const s = p.get('s');
  if (s !== null) {
    const i = s.indexOf(':');
    const layer = s.slice(0, i);
    if (i > 0 && ([...LAYER_IDS, 'drafts', 'user'] as string[]).includes(layer) && s.length > i + 1) state.selected = { layer: layer as LayerId | 'drafts' | 'user', id: s.slice(i + 1) };
    else bad('s', s);
  }
  if (['fd', 'fk', 'fs', 'fp', 'fsec', 'fn', ...NUM_FILTERS].some((k) => p.has(k))) {
    const f: SiteFilters = {
      districts: (p.get('fd') ?? '').split('|').filter(Boolean),
      kinds: list('fk', SITE_KINDS) ?? [],
      statuses: list('fs', SITE_STATUSES) ?? [],
      phases: list('fp', PLAN_PHASES) ?? [],
    };
    for (const k of NUM_FILTERS) {
      const x = p.get(k);
      if (x === null) continue;
      const n = Number(x);
      if (x.trim() !== '' && Number.isFinite(n) && n >= 0) f[k] = n;
      else bad(k, x);
    }
    const sectors = list('fsec', SECTORS);
    if (sectors?.length) f.sectors = sectors;
    const fn = p.get('fn');
    if (fn !== null) {
      const i = fn.lastIndexOf(',');
      const target = fn.slice(0, i), n = Number(fn.slice(i + 1));
      if (i > 0 && (NEAR_TARGETS as readonly string[]).includes(target) && fn.slice(i + 1).trim() !== '' && Number.isFinite(n) && n >= 0) f.near = { target: target as NearTarget, maxM: n };
      else bad('fn', fn);
    }
    state.filters = f;
  }
  const w = p.get('w');
  if (w !== null) {
    const weights: Record<string, number> = {};
    for (const part of w.split(',').filter(Boolean)) {
      const [k, x] = part.split(':');
      const n = Number(x);
      if ((opts.criteria ? opts.criteria.includes(k) : /^[a-z0-9:-]+$/i.test(k)) && Number.isFinite(n) && n >= 0 && n <= 100) weights[k] = n;
      else bad('w', part);
    }
    state.weights = weights;
  }
  const drafts: UrlDraft[] = [];
  for (const d of p.getAll('d')) {
    try {
      drafts.push(decodeDraft(d));
    } catch {
      bad('d', d);
    }
  }
  if (drafts.length) state.drafts = drafts;
  const sc = p.get('sc');
  if (sc !== null) {
    const d = decodeScenario(sc);
    if (d) state.scenario = d;
    else bad('sc', sc);
  }
  for (const k of Object.keys(state) as (keyof DecodedUrlState)[]) if (state[k] === undefined) delete state[k];
  return { state, notices };
}
