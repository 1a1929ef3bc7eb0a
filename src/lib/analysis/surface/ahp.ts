/**
 * Analytic Hierarchy Process (Saaty): weights from a reciprocal pairwise comparison matrix as its
 * principal (Perron) eigenvector, normalised to sum 1 (power iteration), with the consistency
 * index CI = (λmax − n)/(n − 1) and ratio CR = CI / RI (Saaty's random indices). CR > 0.10 means
 * the judgements should be revised.
 */

/** Saaty's random consistency indices RI by matrix size n (1…10). */
export const RANDOM_INDEX: Readonly<Record<number, number>> = Object.freeze({ 1: 0, 2: 0, 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49 });

/** The CR above which judgements need revision. */
export const CR_LIMIT = 0.1;

/** Result of {@link ahpWeights}. */
export interface AhpResult {
  /** Priority weights, sum 1, in row order. */
  weights: number[];
  lambdaMax: number;
  ci: number;
  /** Consistency ratio; 0 for n ≤ 2. */
  cr: number;
  /** CR ≤ 0.10. */
  consistent: boolean;
}

/**
 * Check a pairwise comparison matrix: square, n in 1…10, positive finite entries, 1 on the
 * diagonal and reciprocal (a_ji = 1/a_ij within 1e-6 relative).
 * @returns an error message naming the bad entry, or null.
 */
export function pairwiseError(a: readonly (readonly number[])[]): string | null {
  if (!Array.isArray(a) || a.length === 0) return 'the comparison matrix must be a non-empty array of rows';
  const n = a.length;
  if (n > 10) return `the comparison matrix has ${n} rows; AHP is defined here for at most 10 criteria`;
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(a[i]) || a[i].length !== n) return `row ${i + 1} of the comparison matrix must have ${n} entries`;
    for (let j = 0; j < n; j++) {
      const v = a[i][j];
      if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) return `entry (${i + 1}, ${j + 1}) must be a positive number, got ${String(v)}`;
    }
  }
  for (let i = 0; i < n; i++) {
    if (Math.abs(a[i][i] - 1) > 1e-9) return `diagonal entry (${i + 1}, ${i + 1}) must be 1, got ${a[i][i]}`;
    for (let j = i + 1; j < n; j++) if (Math.abs(a[i][j] * a[j][i] - 1) > 1e-6) return `entries (${i + 1}, ${j + 1}) = ${a[i][j]} and (${j + 1}, ${i + 1}) = ${a[j][i]} are not reciprocal`;
  }
  return null;
}

/**
 * AHP weights and consistency of a pairwise comparison matrix.
 * @throws the message of {@link pairwiseError}
 */
export function ahpWeights(a: readonly (readonly number[])[]): AhpResult {
  const err = pairwiseError(a);
  if (err) throw new Error(err);
  const n = a.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 1000; it++) {
    const next = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) next[i] += a[i][j] * w[j];
    const s = next.reduce((p, q) => p + q, 0);
    for (let i = 0; i < n; i++) next[i] /= s;
    const delta = next.reduce((m, v, i) => Math.max(m, Math.abs(v - w[i])), 0);
    w = next;
    if (delta < 1e-13) break;
  }
  let lambda = 0;
  for (let i = 0; i < n; i++) { let r = 0; for (let j = 0; j < n; j++) r += a[i][j] * w[j]; lambda += r / w[i]; }
  lambda /= n;
  const ci = n > 2 ? (lambda - n) / (n - 1) : 0;
  const ri = RANDOM_INDEX[n] ?? 0;
  const cr = ri > 0 ? Math.max(0, ci) / ri : 0;
  return { weights: w, lambdaMax: lambda, ci, cr, consistent: cr <= CR_LIMIT };
}

/** Build a reciprocal matrix from its upper triangle (row by row: a12, a13, …, a23, …). */
export function matrixFromUpper(n: number, upper: readonly number[]): number[][] {
  if (upper.length !== (n * (n - 1)) / 2) throw new Error(`a ${n}×${n} comparison matrix needs ${(n * (n - 1)) / 2} judgements, got ${upper.length}`);
  const a: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) { a[i][j] = upper[k]; a[j][i] = 1 / upper[k]; k++; }
  return a;
}
