/**
 * Criteria of the suitability surface: the per-site criteria of `suitability.ts` (same keys, same
 * normalisation constants, same default weights, same renormalisation over the criteria that have
 * data and the same protected-area penalty), plus their shapes, thresholds and exclusions on a grid.
 *
 * Shapes (Esri Suitability Modeler's vocabulary): `benefit` = closer is better (1 at the target,
 * linear to 0 at dMax — the per-site linear decay), `cost` = farther is better (0 at the target,
 * 1 at ≥ dMax), `ideal` = a target range [lo, hi] scoring 1, falling linearly to 0 over `falloff`
 * on both sides, `saturating` = value / full clamped (labour: population 2009 within R /
 * LABOUR_FULL). Thresholds exclude cells (`excludeBeyondM`: farther than X; `excludeWithinM`:
 * within X, inclusive, so 0 = the target's own cells).
 */
import { CROPS, type Crop, type Sector } from '../../data/schema.ts';
import { DEFAULT_DMAX_M, DEFAULT_WEIGHTS, DEPOSIT_SECTORS, LABOUR_FULL, SECTOR_CROPS, type Weights } from '../suitability.ts';

/** Criteria of the surface, each with a field on the grid. */
export const SURFACE_CRITERIA = [
  'mv-line', 'substation', 'road', 'deposit', ...CROPS.map((c) => `material:${c}` as const), 'labour', 'district-centre', 'protected-area', 'river',
] as const;
export type SurfaceCriterion = (typeof SURFACE_CRITERIA)[number];

/** Weights of the surface: the planner's {@link Weights} plus two criteria only the surface has (default 0). */
export type SurfaceWeights = Weights & { 'district-centre': number; river: number };

/** Default surface weights: the planner's defaults (suitability.ts); the surface-only criteria off. */
export const DEFAULT_SURFACE_WEIGHTS: Readonly<SurfaceWeights> = Object.freeze({ ...DEFAULT_WEIGHTS, 'district-centre': 0, river: 0 });

/** Weight keys that act on the surface ('free-area' and 'status' are site attributes a cell does not have). */
export const SURFACE_WEIGHT_KEYS = ['mv-line', 'substation', 'materials', 'deposit', 'road', 'labour', 'district-centre', 'river', 'protected-area'] as const;
export type SurfaceWeightKey = (typeof SURFACE_WEIGHT_KEYS)[number];

/** A criterion shape. */
export type Shape =
  | { kind: 'benefit'; dMaxM: number }
  | { kind: 'cost'; dMaxM: number }
  | { kind: 'ideal'; loM: number; hiM: number; falloffM: number }
  | { kind: 'saturating'; full: number };

/** Thresholds that exclude cells. */
export interface Threshold { excludeBeyondM?: number; excludeWithinM?: number }

/**
 * Default shapes. The per-site criteria take their constants from suitability.ts. District centre
 * (25 km) and river (ideal 2–5 km, the example of the methods notes) are surface-only criteria,
 * weighted 0 by default: planning choices to set per plan.
 */
export const DEFAULT_SHAPES: Readonly<Record<SurfaceCriterion, Shape>> = Object.freeze({
  'mv-line': { kind: 'benefit', dMaxM: DEFAULT_DMAX_M['mv-line'] },
  substation: { kind: 'benefit', dMaxM: DEFAULT_DMAX_M.substation },
  road: { kind: 'benefit', dMaxM: DEFAULT_DMAX_M.road },
  deposit: { kind: 'benefit', dMaxM: DEFAULT_DMAX_M.deposit },
  ...Object.fromEntries(CROPS.map((c) => [`material:${c}`, { kind: 'benefit', dMaxM: DEFAULT_DMAX_M.material }])) as Record<`material:${Crop}`, Shape>,
  labour: { kind: 'saturating', full: LABOUR_FULL },
  'district-centre': { kind: 'benefit', dMaxM: 25_000 },
  // the penalty of suitability.ts: weight points × closeness within dMax
  'protected-area': { kind: 'benefit', dMaxM: DEFAULT_DMAX_M['protected-area'] },
  river: { kind: 'ideal', loM: 2_000, hiM: 5_000, falloffM: 5_000 },
});

/**
 * Default exclusions: inside a protected area (its polygon; the bundled ones are commune-placed, so
 * the whole commune polygon) and the cells a river runs through (corridor 0 m; widen it per plan).
 */
export const DEFAULT_THRESHOLDS: Readonly<Partial<Record<SurfaceCriterion, Threshold>>> = Object.freeze({
  'protected-area': { excludeWithinM: 0 },
  river: { excludeWithinM: 0 },
});

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Score 0..1 of a value under a shape. */
export function shapeScore(s: Shape, v: number): number {
  switch (s.kind) {
    case 'benefit': return clamp01(1 - v / s.dMaxM);
    case 'cost': return clamp01(v / s.dMaxM);
    case 'saturating': return clamp01(v / s.full);
    case 'ideal':
      if (v >= s.loM && v <= s.hiM) return 1;
      return clamp01(1 - (v < s.loM ? s.loM - v : v - s.hiM) / s.falloffM);
  }
}

/** Check a shape; returns an error message or null. */
export function shapeError(key: string, s: unknown): string | null {
  const o = s as Record<string, unknown> | null;
  const pos = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const nonneg = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!o || typeof o !== 'object') return `shape of ${key} must be an object`;
  if (o.kind === 'benefit' || o.kind === 'cost') return pos(o.dMaxM) ? null : `shape of ${key}: dMaxM must be a positive number`;
  if (o.kind === 'saturating') return pos(o.full) ? null : `shape of ${key}: full must be a positive number`;
  if (o.kind === 'ideal') return nonneg(o.loM) && nonneg(o.hiM) && (o.hiM as number) >= (o.loM as number) && pos(o.falloffM) ? null : `shape of ${key}: ideal needs 0 ≤ loM ≤ hiM and falloffM > 0`;
  return `shape of ${key}: kind must be benefit, cost, ideal or saturating`;
}

/** Which crops and whether deposits count for these sectors (the rules of suitability.ts). */
export function relevantFor(sectors: readonly string[]): { crops: Crop[]; deposit: boolean } {
  return {
    crops: [...new Set(sectors.flatMap((s) => SECTOR_CROPS[s as Sector] ?? []))],
    deposit: sectors.some((s) => (DEPOSIT_SECTORS as readonly string[]).includes(s)),
  };
}

/** One active term of the weighted sum. */
export interface Term { criterion: SurfaceCriterion; weight: number; shape: Shape }

/**
 * Active positive terms (raw weights) and the protected-area penalty for a weight set and sectors,
 * over the criteria that have a field. Materials split evenly over the relevant crops (as per site).
 * @throws `weight <key> must be a non-negative number, got X`
 */
export function activeTerms(
  weights: Partial<SurfaceWeights>, sectors: readonly string[], hasField: (c: SurfaceCriterion) => boolean,
  shapes: Partial<Record<SurfaceCriterion, Shape>> = {},
): { terms: Term[]; penalty: Term | null } {
  const w: SurfaceWeights = { ...DEFAULT_SURFACE_WEIGHTS, ...weights };
  for (const [k, v] of Object.entries(w)) {
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new Error(`weight ${k} must be a non-negative number, got ${typeof v === 'number' ? v : JSON.stringify(v)}`);
  }
  const shapeOf = (c: SurfaceCriterion) => shapes[c] ?? DEFAULT_SHAPES[c];
  const rel = relevantFor(sectors);
  const terms: Term[] = [];
  const add = (c: SurfaceCriterion, weight: number) => { if (weight > 0 && hasField(c)) terms.push({ criterion: c, weight, shape: shapeOf(c) }); };
  add('mv-line', w['mv-line']);
  add('substation', w.substation);
  for (const c of rel.crops) add(`material:${c}`, w.materials / rel.crops.length);
  if (rel.deposit) add('deposit', w.deposit);
  add('road', w.road);
  add('labour', w.labour);
  add('district-centre', w['district-centre']);
  add('river', w.river);
  const penalty = w['protected-area'] > 0 && hasField('protected-area') ? { criterion: 'protected-area' as const, weight: w['protected-area'], shape: shapeOf('protected-area') } : null;
  return { terms, penalty };
}
