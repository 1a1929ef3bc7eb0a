/**
 * The row of a site as the page holds it: only what the table, the distance view, the filters,
 * the colours, the comparison, the connectors and the score ranges read. The full
 * {@link SiteAnalysis} (catchment detail, every voltage and mineral, the score breakdown, the
 * network answers, the target names) stays in the analysis worker; the card, the dossier and the
 * exports fetch it from there (workers/analysis-client.ts `fullRow` / `fullRows`).
 *
 * A slim row has the same paths as a full row for every field it keeps, so the metric getters of
 * `metrics.ts` read both alike (a full row IS a {@link SiteRow}). Pure.
 */
import { CROPS, type Crop } from '../data/schema.ts';
import type { LonLat } from '../geo/ruler.ts';
import type { Near, SiteAnalysis } from './analyze.ts';
import type { Basis, DistanceInterval } from './intervals.ts';
import type { ScoreRange } from './score-range.ts';
import type { ItemStability, ItemTerm } from './surface/stability.ts';
import { siteTerms } from './surface/rank-items.ts';

/**
 * A nearest answer as the page reads it: the target's id, the point estimate and its interval. A
 * full row's answers also carry the target's name and the connector's two ends; a slim row keeps
 * the ends of its connectors in {@link SiteRow.ends} (one flat array: far lighter than two small
 * arrays per target).
 */
export interface NearView {
  id: string;
  distanceM: number;
  interval: DistanceInterval | null;
  name?: string | null;
  nearestSite?: LonLat;
  nearestTarget?: LonLat;
}

/** The targets drawn as connectors, in the order of {@link SiteRow.ends}. */
export const CONNECTOR_SLOTS = ['mv', 'substation', 'road', 'deposit', ...CROPS.map((c) => `crop:${c}` as const)] as const;
export type ConnectorSlot = (typeof CONNECTOR_SLOTS)[number];
const SLOT = new Map<string, number>(CONNECTOR_SLOTS.map((k, i) => [k, i]));

/** Doubles per connector in {@link SiteRow.ends}: site lon, lat, target lon, lat. */
const END_STRIDE = 4;

/**
 * Rank terms of a site, flat: `terms` as (key, m, s) triples (see surface/stability.ts ItemTerm)
 * and the penalty; the same numbers as `siteTerms` of the full row's breakdown.
 */
export interface RankTerms { terms: number[]; penalty: number }

/** A site's row on the page (a full {@link SiteAnalysis} is one too). */
export interface SiteRow {
  id: string;
  name: string | null;
  /** The catchment's centre (the selected site's ring). */
  centre: LonLat;
  nearest: {
    mvLine: NearView | null;
    substation: { any: NearView | null; kv110: NearView | null; kv220: NearView | null };
    crops: Record<Crop, NearView | null>;
    minerals: { deposit: NearView | null };
    road: NearView | null;
  };
  catchment: { population: { value: number } | null } | null;
  constraints: { protectedArea: NearView | null };
  suitability: { score: number };
  uncertainty: ScoreRange | null;
  stability?: ItemStability & { topK: number; method: string };
  /** Slim rows: the connector ends, {@link END_STRIDE} numbers per {@link CONNECTOR_SLOTS} entry (NaN: none). */
  ends?: number[];
  /** Slim rows: the rank terms for the page's weight draws (a full row has its breakdown). */
  rankTerms?: RankTerms;
}

/** A slim row: with its connector ends and rank terms. */
export type SlimRow = SiteRow & { ends: number[]; rankTerms: RankTerms };

/** The answer of a connector slot. */
export function connectorNear(a: SiteRow, slot: ConnectorSlot): NearView | null {
  const n = a.nearest;
  switch (slot) {
    case 'mv': return n.mvLine;
    case 'substation': return n.substation.any;
    case 'road': return n.road;
    case 'deposit': return n.minerals.deposit;
    default: return n.crops[slot.slice(5) as Crop] ?? null;
  }
}

/** The two ends (site side, target side) of a row's connector, or null when it has no target. */
export function connectorEnds(a: SiteRow, slot: ConnectorSlot): [LonLat, LonLat] | null {
  const near = connectorNear(a, slot);
  if (!near) return null;
  if (a.ends) {
    const o = SLOT.get(slot)! * END_STRIDE, e = a.ends;
    return Number.isNaN(e[o]) ? null : [[e[o], e[o + 1]], [e[o + 2], e[o + 3]]];
  }
  return near.nearestSite && near.nearestTarget ? [near.nearestSite, near.nearestTarget] : null;
}

/**
 * Equal interval bases, and equal intervals without bounds (indicative figures), shared by
 * reference among rows (a structured clone keeps the sharing): keyed by their content. Never mutated.
 */
export type BasisPool = Map<string, Basis | DistanceInterval>;

/** A new pool for the slim rows of one batch (see {@link slimRow}). */
export const slimPool = (): BasisPool => new Map();

function viewer(pool?: BasisPool) {
  const shared = <T extends Basis | DistanceInterval>(k: string, v: T): T => {
    const got = pool!.get(k) as T | undefined;
    if (got) return got;
    pool!.set(k, v);
    return v;
  };
  const interval = (iv: DistanceInterval | null): DistanceInterval | null => {
    if (!iv || !pool) return iv;
    const b = iv.basis, bk = `${b.site}|${b.indicative ? 1 : 0}|${b.targets.join(',')}`;
    const basis = shared(bk, b);
    if (iv.minM === null && iv.maxM === null) return shared(`-|${bk}`, { minM: null, maxM: null, basis });
    return { minM: iv.minM, maxM: iv.maxM, basis };
  };
  return (n: Near | null): NearView | null => (n ? { id: n.id, distanceM: n.distanceM, interval: interval(n.interval) } : null);
}

/**
 * The slim rows of full rows (the analysis worker sends these to the page, a batch at a time):
 * their interval bases, a handful of distinct values, are shared among the rows.
 */
export function slimRows(rows: readonly SiteAnalysis[]): SlimRow[] {
  const pool = slimPool();
  return rows.map((r) => slimRow(r, pool));
}

/** The slim row of a full row (see {@link slimRows}). */
export function slimRow(a: SiteAnalysis, pool?: BasisPool): SlimRow {
  const view = viewer(pool);
  const crops = {} as Record<Crop, NearView | null>;
  for (const c of Object.keys(a.nearest.crops) as Crop[]) crops[c] = view(a.nearest.crops[c]);
  const ends = new Array<number>(CONNECTOR_SLOTS.length * END_STRIDE);
  CONNECTOR_SLOTS.forEach((slot, i) => {
    const e = connectorEnds(a, slot), o = i * END_STRIDE;
    if (e) { ends[o] = e[0][0]; ends[o + 1] = e[0][1]; ends[o + 2] = e[1][0]; ends[o + 3] = e[1][1]; } else ends.fill(NaN, o, o + END_STRIDE);
  });
  const pop = a.catchment?.population;
  const rank = siteTerms(a.suitability.breakdown);
  return {
    id: a.id,
    name: a.name,
    centre: a.centre,
    nearest: {
      mvLine: view(a.nearest.mvLine),
      substation: { any: view(a.nearest.substation.any), kv110: view(a.nearest.substation.kv110), kv220: view(a.nearest.substation.kv220) },
      crops,
      minerals: { deposit: view(a.nearest.minerals.deposit) },
      road: view(a.nearest.road),
    },
    catchment: a.catchment ? { population: pop ? { value: pop.value } : null } : null,
    constraints: { protectedArea: view(a.constraints.protectedArea) },
    suitability: { score: a.suitability.score },
    uncertainty: a.uncertainty,
    ...(a.stability ? { stability: a.stability } : {}),
    ends,
    rankTerms: { terms: rank.terms.flatMap((t) => [t.key, t.m, t.s]), penalty: rank.penalty },
  };
}

/** Rank items of the page's rows for `rankStability` (the same items as `siteRankItems` of their full rows). */
export function rowRankItems(rows: readonly SlimRow[]): { id: string; terms: ItemTerm[]; penalty: number }[] {
  return rows.map((r) => {
    const t = r.rankTerms.terms, terms: ItemTerm[] = [];
    for (let i = 0; i < t.length; i += 3) terms.push({ key: t[i], m: t[i + 1], s: t[i + 2] });
    return { id: r.id, terms, penalty: r.rankTerms.penalty };
  });
}

/**
 * The page side of a batch: the targets' ids made one string per id (a structured clone gives every
 * row its own copy of each; a few hundred targets are shared by thousands of rows). In place.
 */
export function internIds(rows: SlimRow[], pool: Map<string, string>): SlimRow[] {
  const one = (n: NearView | null) => {
    if (!n) return;
    const got = pool.get(n.id);
    if (got === undefined) pool.set(n.id, n.id);
    else n.id = got;
  };
  for (const r of rows) {
    const x = r.nearest;
    one(x.mvLine); one(x.substation.any); one(x.substation.kv110); one(x.substation.kv220); one(x.road); one(x.minerals.deposit);
    for (const c of CROPS) one(x.crops[c] ?? null);
    one(r.constraints.protectedArea);
  }
  return rows;
}
