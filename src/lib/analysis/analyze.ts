/**
 * Site analysis: one plain-JSON row per site with nearest infrastructure/materials, network
 * distance, catchment, constraints and the suitability score. Pure (Node, browser, Web Worker).
 *
 * `createAnalysisEngine(layers)` builds every index once (O(n log n)); `engine.analyze(sites)`
 * then costs ~log n per nearest query plus the catchment clip. `analyzeSites` is the one-shot form.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import polylabel from 'polylabel';
import { CROPS, LAYER_IDS, MINERALS, VOLTAGES_KV, type Crop, type LayerId, type Mineral } from '../data/schema.ts';
import { buildTargetIndex, describe, type NearestOptions, type NearestResult, type TargetIndex } from '../geo/target-index.ts';
import { buildNetwork, type NetworkDistance, type RoadNetwork } from '../geo/network.ts';
import { areaHa, centreOf, featureId, toParts } from '../geo/geometry.ts';
import type { LonLat } from '../geo/ruler.ts';
import { createCatchment, type CatchmentResult } from './catchment.ts';
import { DEFAULT_WEIGHTS, scoreSite, type CriterionInputs, type Suitability, type Weights } from './suitability.ts';
import { isDeposit, isMvLine } from './predicates.ts';
import { createPlacementResolver, type Placement } from './placement.ts';
import { createIntervalIndex, type DistanceInterval, type IntervalIndex } from './intervals.ts';
import { runSteps, scoreRangeSteps, type PositionalCriterion, type ScoreRange } from './score-range.ts';
import { rankStability, type ItemStability } from './surface/stability.ts';
import { shareVector, siteRankItems, siteTerms } from './surface/rank-items.ts';

/** Data package layers keyed by LayerId; any may be missing. Never mutated. */
export type Layers = Partial<Record<LayerId, FeatureCollection | null | undefined>>;

/** Options of the analysis. */
export interface AnalysisOptions {
  /** Catchment radius, km (> 0). Default 10. */
  radiusKm?: number;
  /** Suitability weights (partial; defaults in suitability.ts). */
  weights?: Partial<Weights>;
  /** Road-network snapping tolerance (m). Default 30. */
  snapToleranceM?: number;
  /** Skip the catchment (faster). Default false. */
  skipCatchment?: boolean;
  /** Longest off-road leg of a road-network distance, km (> 0); beyond it "no road within X km". Default 2. */
  maxOffroadKm?: number;
  /** Draws of true positions for the score and rank ranges of `analyze` (0 = none). Default 1000. */
  draws?: number;
  /** Seed of the draws. Default 1. */
  seed?: number;
  /** Compute the distance intervals (default true; false leaves every `interval` null — for benchmarks). */
  intervals?: boolean;
}

/** A road-network answer of the table: the network distance, its target, and whether it is only indicative (schematic roads). */
export type NetworkAnswer = NetworkDistance & { targetId: string | null; indicative: boolean };

/**
 * A nearest answer trimmed for the table. `distanceM` is the point estimate (between the drawn
 * geometries); `interval` the bounds over every possible true position (analysis/intervals.ts).
 */
export interface Near { id: string; name: string | null; distanceM: number; nearestSite: LonLat; nearestTarget: LonLat; interval: DistanceInterval | null }

/** One analysed site. Plain JSON (structured-clone safe). */
export interface SiteAnalysis {
  id: string;
  name: string | null;
  geometryType: string;
  /** Point used for catchment and routing: the site point or polygon centroid. */
  centre: LonLat;
  /** Where the site can truly be (analysis/placement.ts): its accuracy class, and the placement polygons' ids when placed. */
  placement: { accuracy: string; kind: Placement['kind']; source: Placement['source']; placedIn: string[] };
  nearest: {
    /** Nearest medium-voltage line (6, 10, 15, 22 or 35 kV: `isMvLine`). */
    mvLine: Near | null;
    /** Per voltage of power lines ("22", "35", "110", "220", and any other voltage present, e.g. an imported "10"). */
    powerLineByKv: Record<string, Near | null>;
    /** Nearest substation (kind "junction" excluded) of any voltage, 110 kV and 220 kV classes. */
    substation: { any: Near | null; kv110: Near | null; kv220: Near | null };
    /** Nearest material zone per crop (all 8 crops; null if none). */
    crops: Record<Crop, Near | null>;
    /** Nearest deposit (`deposit`: any kind but smelter), nearest smelter (`smelter`), and nearest deposit per mineral (`lead-zinc`, `lead`, `gold`; smelters never count as deposits). */
    minerals: Record<Mineral | 'deposit' | 'smelter', Near | null>;
    road: Near | null;
  };
  /** Road-network distance to the nearest district centre and the nearest substation; null without roads. */
  network: { districtCentre: NetworkAnswer | null; substation: NetworkAnswer | null } | null;
  catchment: CatchmentResult | null;
  /** Constraints (not merits): distance to protected areas and rivers; 0 = inside/touching. */
  constraints: { protectedArea: Near | null; river: Near | null };
  suitability: Suitability;
  /**
   * Score and rank range over seeded draws of the true positions (analysis/score-range.ts), among
   * the sites analysed together; null for a single site (`analyzeSite`) or with `draws: 0`.
   */
  uncertainty: ScoreRange | null;
  /**
   * Rank stability among the sites analysed together under draws that perturb the weights
   * (Dirichlet around the chosen ones) AND the true positions (the draws of `uncertainty`);
   * absent for a single site or with `draws: 0`.
   */
  stability?: ItemStability & { topK: number; method: string };
  /** Layers that were missing, and other caveats. */
  warnings: string[];
}

/** A reusable engine; see {@link createAnalysisEngine}. */
export interface AnalysisEngine {
  /** Layer ids that were present and indexed. */
  readonly layersPresent: LayerId[];
  /** Analyse sites (features with `properties.id` or `id`); drafts can be passed any time, indexes are reused. */
  analyze(sites: readonly Feature[] | FeatureCollection, opts?: AnalysisOptions): SiteAnalysis[];
  /** Analyse one site. */
  analyzeSite(site: Feature, opts?: AnalysisOptions): SiteAnalysis;
  /**
   * Nearest feature of any layer to a geometry (e.g. a clicked point), with the layer's categories:
   * power-lines and power-substations by `voltage_kv` ("22", "35", "110", "220"), material-zones by
   * crop, mineral-sites by mineral (and "deposit"); other layers have none. Indexes are built on
   * first use per layer and kept. Null when the layer is missing/empty or nothing qualifies.
   * Substation junctions are excluded as in the analysis.
   */
  nearest(geometry: Geometry, layer: LayerId, opts?: NearestOptions): NearestResult | null;
  /**
   * Score and rank ranges over seeded draws of true positions of rows this engine analysed
   * (possibly in several calls, e.g. batches), ranked among themselves: the same draws as
   * `analyze(sites, opts)` of the same sites in the same order. One range per row, in order.
   * @throws `rows not analysed by this engine` for a row of another engine (or a copy)
   */
  scoreRanges(rows: readonly SiteAnalysis[], opts?: Pick<AnalysisOptions, 'weights' | 'draws' | 'seed'>): ScoreRange[];
  /** {@link scoreRanges} one draw at a time (yields after each draw; the rows are checked at once). */
  scoreRangeSteps(rows: readonly SiteAnalysis[], opts?: Pick<AnalysisOptions, 'weights' | 'draws' | 'seed'>): Generator<number, ScoreRange[]>;
}

const feats = (fc: FeatureCollection | null | undefined): Feature[] | null => (fc && Array.isArray(fc.features) ? fc.features : null);
const prop = (f: Feature, k: string): unknown => (f.properties as Record<string, unknown> | null)?.[k];

/**
 * Build every index for the data package once: power lines by voltage, substations by voltage,
 * material zones by crop, mineral sites by mineral, roads (+ road graph), protected areas, rivers,
 * district centres (pole of inaccessibility of each district polygon, via polylabel — an
 * approximation of the real town; stated in warnings).
 * @throws `layers must be an object, got X`
 */
export function createAnalysisEngine(layers: Layers, engineOpts: { snapToleranceM?: number } = {}): AnalysisEngine {
  if (!layers || typeof layers !== 'object' || Array.isArray(layers)) throw new Error(`layers must be an object, got ${describe(layers)}`);
  const present = (Object.keys(layers) as LayerId[]).filter((k) => feats(layers[k]) !== null).sort();
  const idx = <T extends LayerId>(id: T, categoryOf?: (f: Feature) => string | null | undefined): TargetIndex | null => {
    const fs = feats(layers[id]);
    return fs ? buildTargetIndex(fs, categoryOf ? { categoryOf: (f) => categoryOf(f) } : {}) : null;
  };
  const power = idx('power-lines', (f) => { const v = prop(f, 'voltage_kv'); return v == null ? null : String(v); });
  const powerMv = feats(layers['power-lines']) ? buildTargetIndex(feats(layers['power-lines'])!, { categoryOf: (f) => (isMvLine(f) ? 'mv' : null) }) : null;
  // junctions (kind "junction") are connection points, not substations: excluded
  const subFeats = feats(layers['power-substations'])?.filter((f) => prop(f, 'kind') !== 'junction') ?? null;
  const subs = subFeats ? buildTargetIndex(subFeats, { categoryOf: (f) => { const v = prop(f, 'voltage_kv'); return v == null ? null : String(v); } }) : null;
  const zones = idx('material-zones', (f) => prop(f, 'crop') as string);
  // categories: the mineral, "deposit" / "deposit:<mineral>" for every site that is not a smelter, "smelter" for smelters
  const mineralCats = (f: Feature): string[] => {
    const m = String(prop(f, 'mineral'));
    return isDeposit(f) ? [m, 'deposit', `deposit:${m}`] : [m, 'smelter'];
  };
  const minerals = feats(layers['mineral-sites']) ? buildTargetIndex(feats(layers['mineral-sites'])!, { categoryOf: mineralCats }) : null;
  const roads = idx('roads');
  const protectedAreas = idx('protected-areas');
  const rivers = idx('rivers');
  // intervals: the same targets by their placement regions (analysis/placement.ts, intervals.ts)
  const resolve = createPlacementResolver(feats(layers.communes), feats(layers.districts));
  const ivx = (fs: Feature[] | null | undefined, categoryOf?: (f: Feature) => string | string[] | null | undefined): IntervalIndex | null => (fs ? createIntervalIndex(fs, resolve, categoryOf) : null);
  const ivPower = ivx(feats(layers['power-lines']), (f) => { const v = prop(f, 'voltage_kv'); return [...(v == null ? [] : [String(v)]), ...(isMvLine(f) ? ['mv'] : [])]; });
  const ivSubs = ivx(feats(layers['power-substations'])?.filter((f) => prop(f, 'kind') !== 'junction'), (f) => { const v = prop(f, 'voltage_kv'); return v == null ? null : String(v); });
  const ivZones = ivx(feats(layers['material-zones']), (f) => prop(f, 'crop') as string);
  const ivMinerals = ivx(feats(layers['mineral-sites']), mineralCats);
  const ivRoads = ivx(feats(layers.roads));
  const ivProtected = ivx(feats(layers['protected-areas']));
  const ivRivers = ivx(feats(layers.rivers));
  const roadFeats = feats(layers.roads);
  let network: RoadNetwork | null = null;
  // a network distance over schematic roads (known only by their end points) is indicative
  const roadsSchematic = (feats(layers.roads) ?? []).some((f) => prop(f, 'accuracy') === 'schematic');
  const snapTol = engineOpts.snapToleranceM ?? 30;
  if (roadFeats && roadFeats.length) network = buildNetwork(roadFeats, { snapToleranceM: snapTol });
  const districtCentres: { id: string; p: LonLat }[] = [];
  for (const [i, f] of (feats(layers.districts) ?? []).entries()) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    // largest polygon by vertex count, then its pole of inaccessibility
    const main = polys.reduce((a, b) => (b[0].length > a[0].length ? b : a));
    const p = polylabel(main as [number, number][][], 0.0005);
    districtCentres.push({ id: featureId(f, i), p: [p[0], p[1]] });
  }
  const subPoints: { id: string; p: LonLat }[] = [];
  for (const [i, f] of (subFeats ?? []).entries()) {
    if (f.geometry?.type === 'Point') subPoints.push({ id: featureId(f, i), p: [f.geometry.coordinates[0], f.geometry.coordinates[1]] });
  }

  const catchmentCtx = createCatchment({
    'material-zones': feats(layers['material-zones']) ?? undefined,
    'mineral-sites': feats(layers['mineral-sites']) ?? undefined,
    'power-lines': feats(layers['power-lines']) ?? undefined,
    communes: feats(layers.communes) ?? undefined,
  });

  let useIntervals = true;
  const drawInputs = new WeakMap<SiteAnalysis, { placement: Placement; inputs: CriterionInputs }>();
  const nameOf = (ix: TargetIndex, r: NearestResult): string | null => {
    const n = prop(ix.feature(r.featureIndex), 'name');
    return typeof n === 'string' ? n : null;
  };
  const near = (ix: TargetIndex | null, g: Geometry, category?: string, iv?: IntervalIndex | null, site?: Placement): Near | null => {
    if (!ix) return null;
    const r = ix.nearest(g, category ? { category } : {});
    if (!r) return null;
    const interval = iv && site && useIntervals ? iv.nearest(site, category, r) : null;
    return { id: r.id, name: nameOf(ix, r), distanceM: r.distanceM, nearestSite: r.nearestA, nearestTarget: r.nearestB, interval };
  };

  const analyzeSite = (site: Feature, opts: AnalysisOptions = {}): SiteAnalysis => {
    useIntervals = opts.intervals !== false;
    const radiusKm = opts.radiusKm ?? 10;
    if (!(typeof radiusKm === 'number' && Number.isFinite(radiusKm) && radiusKm > 0)) throw new Error(`radiusKm must be a positive number, got ${describe(radiusKm)}`);
    if (!site || typeof site !== 'object' || site.type !== 'Feature') throw new Error(`site must be a GeoJSON Feature, got ${describe(site)}`);
    if (!site.geometry) throw new Error(`site ${featureId(site, '?')} has no geometry`);
    const g = site.geometry;
    const parts = toParts(g);
    if (parts.points.length === 0 && parts.paths.length === 0) throw new Error(`site ${featureId(site, '?')} has an empty geometry`);
    const id = featureId(site, '');
    if (!id) throw new Error('site must have properties.id or id');
    const finite = (c: number[]) => c.length >= 2 && Number.isFinite(c[0]) && Number.isFinite(c[1]) && Math.abs(c[1]) <= 90;
    if (!parts.points.every(finite) || !parts.paths.every((l) => l.every(finite))) throw new Error(`site ${id} has a coordinate that is not a finite [lon, lat]`);
    const warnings: string[] = [];
    for (const l of ['power-lines', 'power-substations', 'material-zones', 'mineral-sites', 'roads', 'protected-areas', 'rivers', 'communes'] as LayerId[]) {
      if (!feats(layers[l])) warnings.push(`layer ${l} missing: related results are null`);
    }
    const centre = centreOf(g);
    const sp = resolve(site);
    const placement = { accuracy: sp.accuracy, kind: sp.kind, source: sp.source, placedIn: sp.placedIn };
    const powerLineByKv: Record<string, Near | null> = {};
    const kvs = new Set([...VOLTAGES_KV.map(String), ...(power?.categories ?? [])]);
    for (const kv of [...kvs].sort((a, b) => Number(a) - Number(b))) powerLineByKv[kv] = near(power, g, kv, ivPower, sp);
    const crops = {} as SiteAnalysis['nearest']['crops'];
    for (const c of CROPS) crops[c] = near(zones, g, c, ivZones, sp);
    const mins = { deposit: near(minerals, g, 'deposit', ivMinerals, sp), smelter: near(minerals, g, 'smelter', ivMinerals, sp) } as SiteAnalysis['nearest']['minerals'];
    for (const m of MINERALS) mins[m] = near(minerals, g, `deposit:${m}`, ivMinerals, sp);
    const nearest: SiteAnalysis['nearest'] = {
      mvLine: near(powerMv, g, 'mv', ivPower, sp),
      powerLineByKv,
      substation: { any: near(subs, g, undefined, ivSubs, sp), kv110: near(subs, g, '110', ivSubs, sp), kv220: near(subs, g, '220', ivSubs, sp) },
      crops, minerals: mins, road: near(roads, g, undefined, ivRoads, sp),
    };
    let net: SiteAnalysis['network'] = null;
    if (network) {
      const maxOffroadKm = opts.maxOffroadKm ?? 2;
      if (!(typeof maxOffroadKm === 'number' && Number.isFinite(maxOffroadKm) && maxOffroadKm > 0)) throw new Error(`maxOffroadKm must be a positive number, got ${describe(maxOffroadKm)}`);
      const route = (targets: { id: string; p: LonLat }[]): NetworkAnswer | null => {
        if (targets.length === 0) return null;
        const r = network!.nearestOf(centre, targets.map((t) => t.p), { maxAccessM: maxOffroadKm * 1000 });
        const { targetIndex, ...rest } = r;
        return { ...rest, targetId: targetIndex >= 0 ? targets[targetIndex].id : null, indicative: roadsSchematic };
      };
      net = { districtCentre: route(districtCentres), substation: route(subPoints) };
      if (districtCentres.length) warnings.push('district centre = pole of inaccessibility of the district polygon (approximation)');
    }
    const catch_ = opts.skipCatchment ? null : catchmentCtx.run(g, radiusKm);
    const constraints = { protectedArea: near(protectedAreas, g, undefined, ivProtected, sp), river: near(rivers, g, undefined, ivRivers, sp) };
    const sectorsRaw = prop(site, 'sectors');
    const areaProp = prop(site, 'area_ha');
    const polyArea = g.type === 'Polygon' || g.type === 'MultiPolygon' ? areaHa(g) : null;
    const siteArea = typeof areaProp === 'number' ? areaProp : polyArea;
    if (typeof areaProp !== 'number' && polyArea != null) warnings.push('area_ha missing: polygon area used');
    const occ = prop(site, 'occupancy_pct');
    const st = prop(site, 'status');
    const materialM: Partial<Record<(typeof CROPS)[number], number | null>> | null = zones ? {} : null;
    if (materialM) for (const c of CROPS) materialM[c] = crops[c]?.distanceM ?? null;
    const inputs: CriterionInputs = {
      sectors: Array.isArray(sectorsRaw) ? sectorsRaw.map(String) : null,
      mvLineM: nearest.mvLine?.distanceM ?? null,
      substationM: subs ? (nearest.substation.any?.distanceM ?? null) : null,
      roadM: nearest.road?.distanceM ?? null,
      depositM: minerals ? (mins.deposit?.distanceM ?? null) : null,
      materialM,
      population: catch_?.population?.value ?? null,
      radiusKm,
      areaHa: siteArea ?? null,
      occupancyPct: typeof occ === 'number' ? occ : null,
      status: typeof st === 'string' ? st : null,
      protectedAreaM: constraints.protectedArea?.distanceM ?? null,
    };
    const suitability = scoreSite(inputs, opts.weights);
    const name = prop(site, 'name');
    const row: SiteAnalysis = { id, name: typeof name === 'string' ? name : null, geometryType: g.type, centre, placement, nearest, network: net, catchment: catch_, constraints, suitability, uncertainty: null, warnings };
    drawInputs.set(row, { placement: sp, inputs });
    return row;
  };

  const byLayer = new Map<LayerId, TargetIndex | null>([
    ['power-lines', power], ['power-substations', subs], ['material-zones', zones], ['mineral-sites', minerals],
    ['roads', roads], ['protected-areas', protectedAreas], ['rivers', rivers],
  ]);
  const nearestIn = (geometry: Geometry, layer: LayerId, q?: NearestOptions): NearestResult | null => {
    if (!(LAYER_IDS as readonly string[]).includes(layer)) throw new Error(`unknown layer ${describe(layer)}`);
    if (!byLayer.has(layer)) byLayer.set(layer, idx(layer));
    return byLayer.get(layer)?.nearest(geometry, q) ?? null;
  };

  const rangeSteps = (rows: readonly SiteAnalysis[], opts?: Pick<AnalysisOptions, 'weights' | 'draws' | 'seed'>, onDraw?: Parameters<typeof scoreRangeSteps>[5]): Generator<number, ScoreRange[]> => {
    const draws = opts?.draws ?? 1000;
    if (!(Number.isInteger(draws) && draws >= 0)) throw new Error(`draws must be a non-negative integer, got ${describe(draws)}`);
    const inputs = rows.map((r) => {
      const d = drawInputs.get(r);
      if (!d) throw new Error(`rows not analysed by this engine: ${describe(r?.id)}`);
      return { ...d, score: r.suitability.score };
    });
    const criteria: PositionalCriterion[] = [
      { input: 'mvLineM', index: ivPower, category: 'mv', points: powerMv }, { input: 'substationM', index: ivSubs, points: subs },
      { input: 'roadM', index: ivRoads, points: roads }, { input: 'depositM', index: ivMinerals, category: 'deposit', points: minerals },
      { input: 'protectedAreaM', index: ivProtected, points: protectedAreas },
      ...CROPS.map((c): PositionalCriterion => ({ input: `material:${c}`, index: ivZones, category: c, points: zones })),
    ];
    return scoreRangeSteps(inputs, criteria, opts?.weights, draws, opts?.seed ?? 1, onDraw);
  };
  const rangesOf = (rows: readonly SiteAnalysis[], opts?: Pick<AnalysisOptions, 'weights' | 'draws' | 'seed'>, onDraw?: Parameters<typeof scoreRangeSteps>[5]): ScoreRange[] =>
    runSteps(rangeSteps(rows, opts, onDraw));

  return {
    layersPresent: present,
    scoreRanges: rangesOf,
    scoreRangeSteps: (rows, opts) => rangeSteps(rows, opts),
    nearest: nearestIn,
    analyzeSite,
    analyze: (sites, opts) => {
      const list = Array.isArray(sites) ? sites : (sites as FeatureCollection)?.features;
      if (!Array.isArray(list)) throw new Error(`sites must be an array of Features or a FeatureCollection, got ${describe(sites)}`);
      const rows = list.map((s) => analyzeSite(s, opts));
      const draws = opts?.draws ?? 1000;
      if (!(Number.isInteger(draws) && draws >= 0)) throw new Error(`draws must be a non-negative integer, got ${describe(draws)}`);
      if (draws > 0 && rows.length > 0) {
        // the same position draws, each also with a Dirichlet weight draw: the combined rank stability
        const seed = opts?.seed ?? 1;
        const pos = rows.map(() => new Array<ReturnType<typeof siteTerms> | null>(draws).fill(null));
        const ranges = rangesOf(rows, opts, (d, si, suit) => { if (suit) pos[si][d] = siteTerms(suit.breakdown); });
        rows.forEach((r, i) => { r.uncertainty = ranges[i]; });
        if (rows.length > 1) {
          const w = { ...DEFAULT_WEIGHTS, ...opts?.weights };
          const st = rankStability(siteRankItems(rows, pos), shareVector(w), { draws, seed: seed + 1, topK: Math.min(3, rows.length), penaltyPoints: w['protected-area'] });
          rows.forEach((r, i) => { r.stability = { ...st.items[i], topK: st.topK, method: st.method }; });
        }
      }
      return rows;
    },
  };
}

/**
 * One-shot analysis: builds the indexes and analyses the sites (see {@link createAnalysisEngine}
 * to reuse indexes for drafts). Returns one plain-JSON row per site, in input order.
 * @throws the messages of `createAnalysisEngine` and `analyzeSite`, e.g. `radiusKm must be a positive number, got -1`
 */
export function analyzeSites(sites: readonly Feature[] | FeatureCollection, layers: Layers, options: AnalysisOptions = {}): SiteAnalysis[] {
  return createAnalysisEngine(layers, { snapToleranceM: options.snapToleranceM }).analyze(sites, options);
}
