/**
 * Score and rank ranges of sites whose inputs are intervals: seeded draws of the true positions
 * (a uniform point of its placement region for every commune/district-placed *point* feature,
 * sites and targets alike; one draw places every feature once, shared by all sites), the nearest
 * distances recomputed per criterion, the score recomputed with the same weights, and the sites
 * ranked.
 *
 * Held at their drawn geometry or point estimate: zones and protected areas drawn as whole
 * communes or districts (a part of them has no defensible distribution to draw from; their
 * distance intervals give the bounds), schematic lines (no position to draw: indicative),
 * criteria that do not depend on positions (free area, status) and the labour catchment
 * (population within R of the drawn centre). A draw is not a bound: the reported range is the
 * range over the draws. Pure and deterministic (mulberry32, seeded).
 */
import { scoreSite, type CriterionInputs, type Suitability, type Weights } from './suitability.ts';
import { preparedContains, preparedDistance, preparedPointDistance, type PreparedParts } from '../geo/extremes.ts';
import { distanceLL } from '../geo/ruler.ts';
import { toParts } from '../geo/geometry.ts';
import { preparedOf, type IntervalIndex } from './intervals.ts';
import type { Placement } from './placement.ts';
import type { TargetIndex } from '../geo/target-index.ts';

/** A feature whose position is drawn: a placed point (zones and areas are held at their polygon). */
export const isDrawnPosition = (p: Placement | null | undefined): boolean => !!p && p.kind === 'placed' && p.drawn.type === 'Point';

/** The input of a criterion that depends on positions: which index and category give its distance. */
export interface PositionalCriterion {
  /** Key of {@link CriterionInputs} (`mvLineM`, …) or `material:<crop>`. */
  input: 'mvLineM' | 'substationM' | 'roadM' | 'depositM' | 'protectedAreaM' | `material:${string}`;
  index: IntervalIndex | null;
  category?: string;
  /** The same targets by their drawn geometry (a point index): used for a drawn site position when no target of the category is drawn. */
  points?: TargetIndex | null;
}

/** One site to draw for. */
export interface DrawSite { placement: Placement; inputs: CriterionInputs; score: number }

/** Score and rank range of one site. */
export interface ScoreRange {
  scoreMin: number; scoreMax: number;
  /** Rank of the point scores (1 = best; ties share the better rank). */
  rank: number; rankMin: number; rankMax: number;
  draws: number; seed: number;
}

/** mulberry32. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** A uniform random point of a polygonal region (rejection in its bbox). */
export function samplePoint(P: PreparedParts, rand: () => number): [number, number] {
  const [w, s, e, n] = P.bbox;
  for (let k = 0; k < 10_000; k++) {
    const x = w + rand() * (e - w), y = s + rand() * (n - s);
    if (preparedContains(P, x, y)) return [x, y];
  }
  throw new Error('cannot draw a point inside a placement region (empty or degenerate polygon)');
}

const rankOf = (scores: readonly number[]): number[] => scores.map((s) => 1 + scores.filter((x) => x > s).length);

/**
 * Ranges of scores and ranks over `draws` seeded draws of true positions (see the module comment).
 * Sites ranked among themselves.
 */
export function scoreRanges(
  sites: readonly DrawSite[], criteria: readonly PositionalCriterion[], weights: Partial<Weights> | undefined, draws = 1000, seed = 1,
  /** Called once per draw and site with the drawn inputs and their suitability (null when no input was drawn: the point estimate holds). */
  onDraw?: (draw: number, site: number, suitability: Suitability | null) => void,
): ScoreRange[] {
  return runSteps(scoreRangeSteps(sites, criteria, weights, draws, seed, onDraw));
}

/** Runs a step generator to its end and returns its result. */
export function runSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) { const r = steps.next(); if (r.done) return r.value; }
}

/**
 * {@link scoreRanges} one draw at a time: yields after each draw (its number), returns the ranges.
 * The same draws and results; a caller can pause between draws (the analysis worker answers other
 * requests meanwhile).
 */
export function* scoreRangeSteps(
  sites: readonly DrawSite[], criteria: readonly PositionalCriterion[], weights: Partial<Weights> | undefined, draws = 1000, seed = 1,
  onDraw?: (draw: number, site: number, suitability: Suitability | null) => void,
): Generator<number, ScoreRange[]> {
  const rand = rng(seed);
  const pointRanks = rankOf(sites.map((s) => s.score));
  const out = sites.map((s, i) => ({ scoreMin: s.score, scoreMax: s.score, rank: pointRanks[i], rankMin: pointRanks[i], rankMax: pointRanks[i] }));
  if (draws <= 0 || sites.length === 0) return out.map((o) => ({ ...o, draws: 0, seed }));
  // targets drawn per index (shared by criteria on the same index)
  const indexes = [...new Set(criteria.map((c) => c.index).filter((x): x is IntervalIndex => !!x))];
  const drawn = new Map<IntervalIndex, ([number, number] | null)[]>();
  // distances between known sites and known targets do not change: cached
  const fixed = new Map<PositionalCriterion, Map<string, number>>();
  const siteKnown = sites.map((s) => !isDrawnPosition(s.placement));
  const anyDrawn = new Map(criteria.map((c) => [c, !!c.index && c.index.members(c.category).some((t) => isDrawnPosition(c.index!.placements[t]))]));
  const held = (p: Placement) => preparedOf({ ...p, parts: toParts(p.drawn) } as Placement);
  const heldCache = new WeakMap<Placement, ReturnType<typeof preparedOf>>();
  const heldOf = (p: Placement) => { let x = heldCache.get(p); if (!x) { x = held(p); heldCache.set(p, x); } return x; };
  const scores = new Array<number>(sites.length);
  for (let d = 0; d < draws; d++) {
    for (const ix of indexes) drawn.set(ix, ix.placements.map((p) => (isDrawnPosition(p) ? samplePoint(preparedOf(p!), rand) : null)));
    const sitePts = sites.map((s) => (isDrawnPosition(s.placement) ? samplePoint(preparedOf(s.placement), rand) : null));
    sites.forEach((s, si) => {
      const inp: CriterionInputs = { ...s.inputs, materialM: s.inputs.materialM ? { ...s.inputs.materialM } : null };
      for (const c of criteria) {
        if (!c.index) continue;
        const pts = drawn.get(c.index)!;
        let best = Infinity;
        const sp0 = sitePts[si];
        if (sp0 && c.points && !anyDrawn.get(c)) {
          // every target held at its drawn geometry: one point query
          best = c.points.nearest({ type: 'Point', coordinates: sp0 }, c.category ? { category: c.category } : {})?.distanceM ?? Infinity;
        } else for (const t of c.index.members(c.category)) {
          const pt = c.index.placements[t]!;
          const tp = pts[t];
          let v: number;
          const sp = sitePts[si];
          if (tp && sp) v = distanceLL(sp[0], sp[1], tp[0], tp[1]);
          else if (tp) v = preparedPointDistance(heldOf(s.placement), tp[0], tp[1]);
          else if (sp) v = preparedPointDistance(heldOf(pt), sp[0], sp[1]);
          else {
            const key = `${si}|${t}`;
            let byC = fixed.get(c); if (!byC) fixed.set(c, (byC = new Map()));
            let f = byC.get(key);
            if (f === undefined) { f = preparedDistance(heldOf(s.placement), heldOf(pt)); byC.set(key, f); }
            v = f;
          }
          if (v < best) best = v;
          if (best === 0) break;
        }
        if (!Number.isFinite(best)) continue;
        if (c.input.startsWith('material:')) {
          const crop = c.input.slice(9) as keyof NonNullable<CriterionInputs['materialM']>;
          if (inp.materialM && inp.materialM[crop] != null) inp.materialM[crop] = best;
        } else {
          const k = c.input as 'mvLineM' | 'substationM' | 'roadM' | 'depositM' | 'protectedAreaM';
          if (inp[k] != null) inp[k] = best;
        }
      }
      const suit = siteKnown[si] && criteria.every((c) => !c.index) ? null : scoreSite(inp, weights);
      scores[si] = suit ? suit.score : s.score;
      onDraw?.(d, si, suit);
    });
    const ranks = rankOf(scores);
    scores.forEach((sc, i) => {
      const o = out[i];
      if (sc < o.scoreMin) o.scoreMin = sc; if (sc > o.scoreMax) o.scoreMax = sc;
      if (ranks[i] < o.rankMin) o.rankMin = ranks[i]; if (ranks[i] > o.rankMax) o.rankMax = ranks[i];
    });
    yield d;
  }
  return out.map((o) => ({ ...o, draws, seed }));
}
