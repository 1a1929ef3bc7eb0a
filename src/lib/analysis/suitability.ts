/**
 * Suitability score 0–100 of a site from user weights over typed criteria, with a per-criterion
 * breakdown ("why this score").
 *
 * Normalisation (documented, deterministic):
 * - distance criteria: linear decay `score = clamp(1 − d / dMax, 0, 1)` (1 at the target, 0 at dMax
 *   or beyond), dMax per criterion in {@link DEFAULT_DMAX_M};
 * - labour: `clamp(population_2009_within_R / LABOUR_FULL, 0, 1)`;
 * - free area: `clamp(area_ha × (1 − occupancy_pct/100) / FREE_AREA_FULL_HA, 0, 1)`;
 * - status: {@link STATUS_SCORE};
 * - protected area: a penalty, `p = clamp(1 − d / dMax)`, subtracting `weight × p` points.
 *
 * score = clamp(100 × Σ wᵢ·sᵢ / Σ wᵢ − Σ penalties, 0, 100) over the criteria that have data;
 * a criterion without data (layer missing, site attribute missing, or not relevant to the site's
 * sectors) is listed with `excluded` and the remaining weights are renormalised.
 */
import type { Crop, Sector, SiteStatus } from '../data/schema.ts';
import { describe } from '../geo/target-index.ts';

/** Criterion keys (a material criterion per crop: `material:<crop>`). */
export type CriterionKey =
  | 'mv-line' | 'substation' | 'road' | 'deposit' | 'labour' | 'free-area' | 'status' | 'protected-area'
  | `material:${Crop}`;

/** User weights, any non-negative numbers (relative). `materials` is split evenly over the relevant crops. */
export interface Weights {
  'mv-line': number;
  substation: number;
  materials: number;
  deposit: number;
  road: number;
  labour: number;
  'free-area': number;
  status: number;
  /** Penalty in score points at distance 0 from a protected area. */
  'protected-area': number;
}

/** Default weights. */
export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  'mv-line': 20, substation: 15, materials: 20, deposit: 10, road: 15, labour: 10, 'free-area': 5, status: 5, 'protected-area': 30,
});

/** dMax (m) of each distance criterion: beyond it the criterion scores 0 (penalty: no penalty). */
export const DEFAULT_DMAX_M = Object.freeze({
  'mv-line': 10_000, substation: 25_000, material: 30_000, deposit: 30_000, road: 5_000, 'protected-area': 5_000,
});

/** Population within R giving a full labour score. */
export const LABOUR_FULL = 20_000;
/** Free hectares giving a full free-area score. */
export const FREE_AREA_FULL_HA = 50;

/** Status → score. */
export const STATUS_SCORE: Readonly<Record<SiteStatus, number>> = Object.freeze({
  operating: 1, 'under-construction': 0.75, established: 0.5, planned: 0.25,
});

/**
 * Which crops matter to which sector (used to pick `material:<crop>` criteria). Sectors absent
 * here (electrical, mechanical, light-industry, footwear, metals, minerals, waste, other…) use no
 * crop. Reasoning: wood processing/paper/biomass need plantation wood; agro-forestry covers the
 * plantation and fruit crops; herbal = medicinal herbs and the spice roots; food = starch (canna),
 * spices, fruit and rice wine.
 */
export const SECTOR_CROPS: Readonly<Partial<Record<Sector, readonly Crop[]>>> = Object.freeze({
  wood: ['wood'],
  paper: ['wood'],
  energy: ['wood'],
  'agro-forestry': ['wood', 'canna', 'herbs', 'orange', 'persimmon'],
  herbal: ['herbs', 'ginger', 'turmeric'],
  food: ['canna', 'ginger', 'turmeric', 'orange', 'persimmon', 'rice-wine'],
  fertiliser: ['wood'],
});

/** Sectors for which mineral deposits are a merit. */
export const DEPOSIT_SECTORS: readonly Sector[] = ['minerals', 'metals', 'building-materials', 'chemicals'];

/** Inputs measured for one site (null = no data). Distances in m. */
export interface CriterionInputs {
  sectors: readonly string[] | null;
  mvLineM: number | null;
  substationM: number | null;
  roadM: number | null;
  depositM: number | null;
  /** Distance to the nearest zone of each crop (null if no zone of that crop / no layer). */
  materialM: Partial<Record<Crop, number | null>> | null;
  /** Population 2009 within R. */
  population: number | null;
  radiusKm: number;
  areaHa: number | null;
  occupancyPct: number | null;
  status: string | null;
  protectedAreaM: number | null;
}

/** One line of the breakdown. */
export interface BreakdownRow {
  criterion: CriterionKey;
  /** Measured value (m, people, ha, or the status text), null if missing. */
  value: number | string | null;
  unit: 'm' | 'people' | 'ha' | 'status';
  /** Normalised 0..1 score (penalty: 0..1 closeness). */
  score0to1: number | null;
  /** Effective (renormalised) weight in 0..1 of the positive criteria; penalty: points. */
  weight: number;
  /** Points this criterion adds to (or, for the penalty, subtracts from) the 0–100 score. */
  contribution: number;
  /** How the score was normalised, e.g. "linear decay, dMax 10000 m". */
  normalisation: string;
  /** Why a criterion is excluded ("no data", "not relevant to sectors …"); absent if included. */
  excluded?: string;
}

/** Result of {@link scoreSite}. */
export interface Suitability {
  /** 0–100, rounded to 0.1. */
  score: number;
  breakdown: BreakdownRow[];
  /** Note on renormalisation, e.g. "3 criteria excluded (no data); weights renormalised over 5". */
  note: string;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Score a site 0–100 from measured inputs and user weights (see the module comment for the
 * normalisation). Pure and deterministic.
 * @throws `weight <key> must be a non-negative number, got X`
 */
export function scoreSite(inp: CriterionInputs, weights: Partial<Weights> = {}): Suitability {
  const w: Weights = { ...DEFAULT_WEIGHTS, ...weights };
  for (const [k, v] of Object.entries(w)) {
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new Error(`weight ${k} must be a non-negative number, got ${describe(v)}`);
  }
  type Raw = Omit<BreakdownRow, 'weight' | 'contribution'> & { raw: number };
  const rows: Raw[] = [];
  const dist = (criterion: CriterionKey, d: number | null, dMax: number, raw: number, why = 'no data') => {
    rows.push({
      criterion, value: d, unit: 'm', raw,
      score0to1: d == null ? null : clamp01(1 - d / dMax),
      normalisation: `linear decay clamp(1 − d/${dMax} m)`,
      ...(d == null ? { excluded: why } : {}),
    });
  };
  dist('mv-line', inp.mvLineM, DEFAULT_DMAX_M['mv-line'], w['mv-line']);
  dist('substation', inp.substationM, DEFAULT_DMAX_M.substation, w.substation);
  // materials
  const sectors = inp.sectors ?? [];
  const crops = [...new Set(sectors.flatMap((s) => SECTOR_CROPS[s as Sector] ?? []))];
  if (crops.length === 0) {
    rows.push({
      criterion: 'material:wood', value: null, unit: 'm', raw: w.materials, score0to1: null,
      normalisation: `linear decay clamp(1 − d/${DEFAULT_DMAX_M.material} m)`,
      excluded: inp.sectors == null || inp.sectors.length === 0 ? 'site has no sectors: no relevant material' : `no material relevant to sectors ${sectors.join(', ')}`,
    });
  } else {
    for (const c of crops) {
      const d = inp.materialM?.[c] ?? null;
      dist(`material:${c}`, d, DEFAULT_DMAX_M.material, w.materials / crops.length, inp.materialM == null ? 'no material-zones layer' : `no ${c} zone`);
    }
  }
  const depRelevant = sectors.some((s) => (DEPOSIT_SECTORS as readonly string[]).includes(s));
  if (depRelevant) dist('deposit', inp.depositM, DEFAULT_DMAX_M.deposit, w.deposit);
  else rows.push({ criterion: 'deposit', value: null, unit: 'm', raw: w.deposit, score0to1: null, normalisation: `linear decay clamp(1 − d/${DEFAULT_DMAX_M.deposit} m)`, excluded: `not relevant to sectors (${DEPOSIT_SECTORS.join(', ')})` });
  dist('road', inp.roadM, DEFAULT_DMAX_M.road, w.road);
  rows.push({
    criterion: 'labour', value: inp.population, unit: 'people', raw: w.labour,
    score0to1: inp.population == null ? null : clamp01(inp.population / LABOUR_FULL),
    normalisation: `population 2009 within ${inp.radiusKm} km / ${LABOUR_FULL}, clamped`,
    ...(inp.population == null ? { excluded: 'no communes layer' } : {}),
  });
  let free: number | null = null, freeWhy = '';
  if (inp.areaHa == null) freeWhy = 'area_ha unknown';
  else if (inp.occupancyPct == null) {
    if (inp.status === 'planned') free = inp.areaHa; else freeWhy = 'occupancy_pct unknown';
  } else free = inp.areaHa * (1 - Math.min(100, Math.max(0, inp.occupancyPct)) / 100);
  rows.push({
    criterion: 'free-area', value: free, unit: 'ha', raw: w['free-area'],
    score0to1: free == null ? null : clamp01(free / FREE_AREA_FULL_HA),
    normalisation: `area_ha × (1 − occupancy_pct/100) / ${FREE_AREA_FULL_HA} ha, clamped${inp.occupancyPct == null && free != null ? ' (planned site: occupancy taken as 0 %)' : ''}`,
    ...(free == null ? { excluded: freeWhy } : {}),
  });
  const st = inp.status != null && inp.status in STATUS_SCORE ? STATUS_SCORE[inp.status as SiteStatus] : null;
  rows.push({
    criterion: 'status', value: inp.status, unit: 'status', raw: w.status, score0to1: st,
    normalisation: Object.entries(STATUS_SCORE).map(([s, v]) => `${s} ${v}`).join(', '),
    ...(st == null ? { excluded: inp.status == null ? 'no status' : `unknown status ${inp.status}` } : {}),
  });
  const included = rows.filter((r) => r.excluded === undefined && r.raw > 0);
  const sumW = included.reduce((s, r) => s + r.raw, 0);
  const breakdown: BreakdownRow[] = rows.map(({ raw, ...r }) => {
    const weight = r.excluded === undefined && sumW > 0 ? raw / sumW : 0;
    return { ...r, weight, contribution: weight * (r.score0to1 ?? 0) * 100 };
  });
  const base = breakdown.reduce((s, r) => s + r.contribution, 0);
  // penalty
  const pd = inp.protectedAreaM;
  const p = pd == null ? null : clamp01(1 - pd / DEFAULT_DMAX_M['protected-area']);
  const penalty = p == null ? 0 : p * w['protected-area'];
  breakdown.push({
    criterion: 'protected-area', value: pd, unit: 'm', score0to1: p, weight: w['protected-area'], contribution: penalty === 0 ? 0 : -penalty,
    normalisation: `penalty: ${w['protected-area']} points × clamp(1 − d/${DEFAULT_DMAX_M['protected-area']} m)`,
    ...(pd == null ? { excluded: 'no protected-areas layer' } : {}),
  });
  const excludedN = rows.length - included.length;
  const score = Math.round(Math.max(0, Math.min(100, base - penalty)) * 10) / 10;
  const note = sumW === 0
    ? 'no criterion with data and weight > 0: score is 0'
    : excludedN > 0
      ? `${excludedN} criteria excluded (no data, not relevant or zero weight); weights renormalised over ${included.length}`
      : `all ${included.length} criteria have data`;
  return { score, breakdown, note };
}
