import { describe, expect, it } from 'vitest';
import { ahpWeights, matrixFromUpper, pairwiseError } from '../../../src/lib/analysis/surface/ahp.ts';

// Saaty, "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1 (2008),
// Table 2: "Which drink is consumed more in the U.S.?" (coffee, wine, tea, beer, sodas, milk, water)
// and its published eigenvector (3 decimals).
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];
const DRINKS_PUBLISHED = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327];

/** λmax estimated independently from published weights: mean of (A·w)_i / w_i. */
function lambdaFrom(a: number[][], w: number[]): number {
  return a.reduce((s, row, i) => s + row.reduce((t, v, j) => t + v * w[j], 0) / w[i], 0) / a.length;
}

describe('AHP', () => {
  it("reproduces Saaty's drinks example: weights to the published 3 decimals, CR from the published weights", () => {
    const r = ahpWeights(DRINKS);
    r.weights.forEach((w, i) => expect(Math.abs(w - DRINKS_PUBLISHED[i])).toBeLessThanOrEqual(0.0011));
    const lam = lambdaFrom(DRINKS, DRINKS_PUBLISHED);
    const crPublished = (lam - 7) / 6 / 1.32; // RI(7) = 1.32 (Saaty)
    expect(Math.abs(r.cr - crPublished)).toBeLessThan(5e-4);
    expect(r.cr).toBeLessThan(0.1);
    expect(r.consistent).toBe(true);
  });

  it('recovers the weights of a consistent matrix exactly, with CR 0', () => {
    const w = [0.4, 0.3, 0.2, 0.1];
    const a = w.map((x) => w.map((y) => x / y));
    const r = ahpWeights(a);
    r.weights.forEach((v, i) => expect(v).toBeCloseTo(w[i], 10));
    expect(r.lambdaMax).toBeCloseTo(4, 10);
    expect(r.cr).toBeCloseTo(0, 10);
  });

  it('flags an intransitive 3×3 (A > B, B > C, C > A) as inconsistent', () => {
    // a12 = 3, a23 = 3, a13 = 1/3: λmax and CR computed by hand from the characteristic polynomial
    // λ³ − 3λ² − (a12·a23/a13 + a13/(a12·a23) − 2) = 0 → λ³ − 3λ² − (27 + 1/27 − 2) = 0
    const a = matrixFromUpper(3, [3, 1 / 3, 3]);
    const c = 27 + 1 / 27 - 2;
    let lam = 3; for (let i = 0; i < 100; i++) lam -= (lam ** 3 - 3 * lam ** 2 - c) / (3 * lam ** 2 - 6 * lam);
    const r = ahpWeights(a);
    expect(r.lambdaMax).toBeCloseTo(lam, 8);
    expect(r.cr).toBeCloseTo((lam - 3) / 2 / 0.58, 8);
    expect(r.cr).toBeGreaterThan(0.1);
    expect(r.consistent).toBe(false);
    r.weights.forEach((v) => expect(v).toBeCloseTo(1 / 3, 10));
  });

  it('rejects malformed matrices with a message naming the entry', () => {
    expect(pairwiseError([[1, 2], [0.4, 1]])).toBe('entries (1, 2) = 2 and (2, 1) = 0.4 are not reciprocal');
    expect(pairwiseError([[1, -2], [-0.5, 1]])).toBe('entry (1, 2) must be a positive number, got -2');
    expect(pairwiseError([[2]])).toBe('diagonal entry (1, 1) must be 1, got 2');
    expect(pairwiseError([[1, 2]])).toBe('row 1 of the comparison matrix must have 1 entries');
    expect(() => ahpWeights([[1, 2], [0.4, 1]])).toThrow('not reciprocal');
    expect(() => matrixFromUpper(3, [1, 2])).toThrow('a 3×3 comparison matrix needs 3 judgements, got 2');
  });
});
