/**
 * Items for {@link rankStability}: analysed sites (from their suitability breakdown, so a draw at
 * the chosen weights reproduces `scoreSite`) and candidate areas (mean criterion scores over their
 * cells: exact for the area's mean score unless a cell's score is clamped at 0 or 100).
 */
import type { SiteAnalysis } from '../analyze.ts';
import type { Suitability, Weights } from '../suitability.ts';
import { activeTerms, shapeScore, type SurfaceCriterion, type SurfaceWeights } from './criteria.ts';
import type { Candidate } from './candidates.ts';
import { mulberry32, type ItemTerm, type RankItem } from './stability.ts';
import type { ScoreOptions, SurfaceEngine } from './surface.ts';

/** Share keys of the weight vector (the protected-area penalty is in points, kept fixed). */
export const SHARE_KEYS = ['mv-line', 'substation', 'materials', 'deposit', 'road', 'labour', 'free-area', 'status', 'district-centre', 'river'] as const;
export type ShareKey = (typeof SHARE_KEYS)[number];

const keyOf = (criterion: string): ShareKey => (criterion.startsWith('material:') ? 'materials' : criterion as ShareKey);

/** The share vector of a weight set, in {@link SHARE_KEYS} order. */
export function shareVector(w: Partial<SurfaceWeights> & Weights): number[] {
  return SHARE_KEYS.map((k) => (w as unknown as Record<string, number>)[k] ?? 0);
}

/** Terms and penalty of a site's suitability breakdown (as `scoreSite` weighs them). */
export function siteTerms(b: Suitability['breakdown']): { terms: ItemTerm[]; penalty: number } {
  const nMat = b.filter((x) => x.criterion.startsWith('material:')).length;
  const terms = b
    .filter((x) => x.criterion !== 'protected-area' && x.excluded === undefined && x.score0to1 != null)
    .map((x) => ({ key: SHARE_KEYS.indexOf(keyOf(x.criterion)), m: x.criterion.startsWith('material:') ? 1 / nMat : 1, s: x.score0to1 as number }));
  const p = b.find((x) => x.criterion === 'protected-area');
  return { terms, penalty: p && p.excluded === undefined ? (p.score0to1 ?? 0) : 0 };
}

/** Rank items of analysed sites, with their position draws when given (one entry per draw: terms at the drawn positions, null = the point estimate holds). */
export function siteRankItems(rows: readonly Pick<SiteAnalysis, 'id' | 'suitability'>[], positions?: readonly (readonly (ReturnType<typeof siteTerms> | null)[])[]): RankItem[] {
  return rows.map((r, i) => {
    const base = siteTerms(r.suitability.breakdown);
    const pos = positions?.[i];
    return { id: r.id, ...base, ...(pos?.length ? { positions: pos.map((b) => b ?? base) } : {}) };
  });
}

/**
 * Rank items of candidate areas on a surface scored with `weights` and `opts`: the mean criterion
 * scores over the area's cells; with `positions` > 0, also that many seeded draws of a true
 * position (a uniform cell of the area: where in the area the site would be built), each with the
 * criterion scores at that cell.
 */
export function candidateRankItems(
  engine: SurfaceEngine, candidates: readonly Candidate[], weights: Partial<SurfaceWeights>, opts: ScoreOptions = {},
  draw: { positions?: number; seed?: number } = {},
): RankItem[] {
  const { terms, penalty } = activeTerms(weights, opts.sectors ?? [], (c) => engine.fields[c] !== null, opts.shapes);
  const nMat = terms.filter((t) => t.criterion.startsWith('material:')).length;
  const keys = terms.map((t) => ({ key: SHARE_KEYS.indexOf(keyOf(t.criterion)), m: t.criterion.startsWith('material:') ? 1 / nMat : 1 }));
  const P = draw.positions ?? 0;
  const r = mulberry32((draw.seed ?? 1) ^ 0x5bd1e995);
  return candidates.map((c) => {
    const mean = (crit: SurfaceCriterion, shape: Parameters<typeof shapeScore>[0]) => {
      const f = engine.fields[crit]!;
      let s = 0;
      for (const i of c.cellIndices) s += shapeScore(shape, f[i]);
      return s / c.cellIndices.length;
    };
    const at = (i: number) => ({
      terms: terms.map((t, k) => ({ ...keys[k], s: shapeScore(t.shape, engine.fields[t.criterion]![i]) })),
      penalty: penalty ? shapeScore(penalty.shape, engine.fields['protected-area']![i]) : 0,
    });
    const positions = P > 0 ? Array.from({ length: P }, () => at(c.cellIndices[Math.floor(r() * c.cellIndices.length)])) : undefined;
    return {
      id: `area-${c.rank}`,
      terms: terms.map((t, k) => ({ ...keys[k], s: mean(t.criterion, t.shape) })),
      penalty: penalty ? mean('protected-area', penalty.shape) : 0,
      ...(positions ? { positions } : {}),
    };
  });
}
