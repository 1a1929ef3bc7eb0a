import { describe, expect, it } from 'vitest';
import { createAnalysisEngine } from '../../../src/lib/analysis/analyze.ts';
import { DEFAULT_WEIGHTS } from '../../../src/lib/analysis/suitability.ts';
import { dirichlet, itemScore, mulberry32, rankStability, type RankItem } from '../../../src/lib/analysis/surface/stability.ts';
import { candidateRankItems, shareVector, siteRankItems } from '../../../src/lib/analysis/surface/rank-items.ts';
import { DEFAULT_SURFACE_WEIGHTS } from '../../../src/lib/analysis/surface/criteria.ts';
import { createSurfaceEngine } from '../../../src/lib/analysis/surface/surface.ts';
import { findCandidates } from '../../../src/lib/analysis/surface/candidates.ts';
import { loadLayers, MANIFEST } from './helpers.ts';

const layers = loadLayers();

describe('rank stability', { timeout: 60_000 }, () => {
  it('Dirichlet draws have the chosen weights as mean, sum 1, zeros stay zero, sd √(w(1−w)/(κ+1))', () => {
    const w = [0.5, 0.3, 0.2, 0];
    const r = mulberry32(42), out = new Float64Array(4);
    const N = 20000, kappa = 50;
    const sum = [0, 0, 0, 0], sq = [0, 0, 0, 0];
    for (let d = 0; d < N; d++) {
      dirichlet(r, w, kappa, out);
      expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(out[3]).toBe(0);
      for (let i = 0; i < 4; i++) { sum[i] += out[i]; sq[i] += out[i] ** 2; }
    }
    for (let i = 0; i < 3; i++) {
      const mean = sum[i] / N, sd = Math.sqrt(sq[i] / N - mean ** 2);
      expect(Math.abs(mean - w[i])).toBeLessThan(0.003);
      expect(Math.abs(sd - Math.sqrt(w[i] * (1 - w[i]) / (kappa + 1))) / sd).toBeLessThan(0.05);
    }
  });

  it('site items reproduce scoreSite at the chosen weights; ranks, ranges and top-k shares are consistent', () => {
    const rows = createAnalysisEngine(layers).analyze(layers['industrial-sites'], { draws: 0 });
    const items = siteRankItems(rows);
    const W = shareVector({ ...DEFAULT_SURFACE_WEIGHTS });
    const sw = W.reduce((a, b) => a + b, 0);
    rows.forEach((row, i) => expect(Math.abs(itemScore(items[i], W.map((x) => x / sw), DEFAULT_WEIGHTS['protected-area']) - row.suitability.score)).toBeLessThanOrEqual(0.05 + 1e-9));
    const res = rankStability(items, W, { draws: 1000, seed: 7, topK: 3, penaltyPoints: DEFAULT_WEIGHTS['protected-area'] });
    expect(res.draws).toBe(1000);
    const byScore = [...rows].sort((a, b) => b.suitability.score - a.suitability.score);
    // the chosen-weights rank follows the per-site scores (ties aside)
    for (const it of res.items) {
      const s = rows.find((r) => r.id === it.id)!.suitability.score;
      expect(byScore.findIndex((r) => r.suitability.score === s) + 1).toBeLessThanOrEqual(it.rank);
      expect(it.rankMin).toBeLessThanOrEqual(it.rankP5);
      expect(it.rankP5).toBeLessThanOrEqual(it.rankP95);
      expect(it.rankP95).toBeLessThanOrEqual(it.rankMax);
      expect(it.topKShare).toBeGreaterThanOrEqual(0);
      expect(it.topKShare).toBeLessThanOrEqual(1);
    }
    // in every draw exactly topK items are in the top k
    expect(res.items.reduce((a, it) => a + it.topKShare, 0)).toBeCloseTo(3, 9);
    // seeded: the same seed gives the same answer, another seed another one
    expect(rankStability(items, W, { draws: 1000, seed: 7, penaltyPoints: 30 })).toEqual(res);
    expect(rankStability(items, W, { draws: 1000, seed: 8, penaltyPoints: 30 }).items).not.toEqual(res.items);
  });

  it('a dominant item is always first; two items swapping with the weights split the draws', () => {
    const items: RankItem[] = [
      { id: 'a', terms: [{ key: 0, m: 1, s: 1 }, { key: 1, m: 1, s: 0 }], penalty: 0 },
      { id: 'b', terms: [{ key: 0, m: 1, s: 0 }, { key: 1, m: 1, s: 1 }], penalty: 0 },
      { id: 'c', terms: [{ key: 0, m: 1, s: 0.1 }, { key: 1, m: 1, s: 0.1 }], penalty: 0 },
    ];
    const res = rankStability(items, [1, 1], { draws: 2000, seed: 3, topK: 1 });
    // symmetric weights: a and b each first in about half the draws (binomial sd ≈ 1.1 %)
    expect(Math.abs(res.items[0].topKShare - 0.5)).toBeLessThan(0.05);
    expect(res.items[0].topKShare + res.items[1].topKShare).toBeCloseTo(1, 9);
    expect(res.items[2].rankMin).toBe(3);
    expect(() => rankStability(items, [1, 1], { draws: 0 })).toThrow('draws must be a positive integer, got 0');
  });

  it('candidate items reproduce each area\'s mean score at the chosen weights', () => {
    const engine = createSurfaceEngine(layers, { crs: MANIFEST.region.crs, cell: 250 });
    const s = engine.score({}, { sectors: ['wood'] });
    const cands = findCandidates(engine.grid, s.values, { top: 6, minHa: 100 }).candidates;
    const items = candidateRankItems(engine, cands, {}, { sectors: ['wood'] });
    const W = shareVector({ ...DEFAULT_SURFACE_WEIGHTS });
    const sw = W.reduce((a, b) => a + b, 0);
    cands.forEach((c, i) => expect(itemScore(items[i], W.map((x) => x / sw), 30)).toBeCloseTo(c.meanScore, 3));
    const res = rankStability(items, W, { penaltyPoints: 30 });
    expect(res.items.map((x) => x.rank)).toEqual(cands.map((c) => c.rank));
  });

  it('combined draws: a position draw that swaps two items moves them under fixed-weight draws; seeded and deterministic', () => {
    // a and b tie on the weights (both terms equal); position draws alternate which of them is better
    const items: RankItem[] = [
      { id: 'a', terms: [{ key: 0, m: 1, s: 0.6 }], penalty: 0, positions: [{ terms: [{ key: 0, m: 1, s: 0.9 }], penalty: 0 }, { terms: [{ key: 0, m: 1, s: 0.3 }], penalty: 0 }] },
      { id: 'b', terms: [{ key: 0, m: 1, s: 0.5 }], penalty: 0 },
      { id: 'c', terms: [{ key: 0, m: 1, s: 0.1 }], penalty: 0 },
    ];
    const res = rankStability(items, [1], { draws: 1000, seed: 4, topK: 1 });
    // one weight only: the weight draws change nothing, the positions alone move a between 1st and 2nd
    expect(res.items[0]).toMatchObject({ rank: 1, rankMin: 1, rankMax: 2, topKShare: 0.5 });
    expect(res.items[1]).toMatchObject({ rank: 2, rankMin: 1, rankMax: 2, topKShare: 0.5 });
    expect(res.items[2]).toMatchObject({ rank: 3, rankMin: 3, rankMax: 3, topKShare: 0 });
    expect(res.method).toContain('true positions');
    expect(rankStability(items, [1], { draws: 1000, seed: 4, topK: 1 })).toEqual(res);
  });

  it('combined draws for the package sites: weights AND positions, seeded, the point rank inside the range, wider than weights alone', () => {
    const engine = createAnalysisEngine(layers);
    const rows = engine.analyze(layers['industrial-sites'], { draws: 400, seed: 3 });
    const again = engine.analyze(layers['industrial-sites'], { draws: 400, seed: 3 });
    expect(rows.map((r) => r.stability)).toEqual(again.map((r) => r.stability));
    const other = engine.analyze(layers['industrial-sites'], { draws: 400, seed: 4 });
    expect(other.map((r) => r.stability)).not.toEqual(rows.map((r) => r.stability));
    const weightsOnly = rankStability(siteRankItems(rows), shareVector({ ...DEFAULT_SURFACE_WEIGHTS }), { draws: 400, seed: 4, topK: 3, penaltyPoints: 30 });
    let wider = 0;
    rows.forEach((r, i) => {
      const st = r.stability!;
      expect(st.method).toBe('Dirichlet(κ·w), κ = 50 + true positions, 400 draws, seed 4');
      expect(st.rank).toBe(weightsOnly.items[i].rank);
      expect(st.rankMin).toBeLessThanOrEqual(st.rank);
      expect(st.rankMax).toBeGreaterThanOrEqual(st.rank);
      if (st.rankMax - st.rankMin > weightsOnly.items[i].rankMax - weightsOnly.items[i].rankMin) wider++;
    });
    expect(rows.reduce((a, r) => a + r.stability!.topKShare, 0)).toBeCloseTo(3, 9);
    // positions of commune-placed sites and targets widen the ranges of some sites
    expect(wider).toBeGreaterThan(0);
  });

  it('candidate areas with position draws: the same areas and point ranks, seeded', () => {
    const engine = createSurfaceEngine(layers, { crs: MANIFEST.region.crs, cell: 250 });
    const s = engine.score({}, { sectors: ['wood'] });
    const cands = findCandidates(engine.grid, s.values, { top: 6, minHa: 100 }).candidates;
    const items = candidateRankItems(engine, cands, {}, { sectors: ['wood'] }, { positions: 500, seed: 2 });
    expect(items.every((it) => it.positions?.length === 500)).toBe(true);
    const W = shareVector({ ...DEFAULT_SURFACE_WEIGHTS });
    const res = rankStability(items, W, { penaltyPoints: 30, draws: 1000, seed: 2 });
    expect(res.items.map((x) => x.rank)).toEqual(cands.map((c) => c.rank));
    const plain = rankStability(candidateRankItems(engine, cands, {}, { sectors: ['wood'] }), W, { penaltyPoints: 30, draws: 1000, seed: 2 });
    // a single cell varies more than the area's mean: the ranges are at least as wide in total
    const span = (r: typeof res) => r.items.reduce((a, x) => a + x.rankMax - x.rankMin, 0);
    expect(span(res)).toBeGreaterThan(span(plain));
    expect(rankStability(candidateRankItems(engine, cands, {}, { sectors: ['wood'] }, { positions: 500, seed: 2 }), W, { penaltyPoints: 30, draws: 1000, seed: 2 })).toEqual(res);
  });
});
