/**
 * Rank stability under weight uncertainty (the sensitivity step of GIS-MCDA site selection; see
 * the methods notes, §3): the items (sites or candidate areas) are re-ranked under many weight
 * vectors drawn around the chosen ones, and each gets its rank range and the share of draws in
 * which it ranks in the top k.
 *
 * Why Dirichlet draws: the weights are shares of one whole (only their ratios matter, they are
 * renormalised to sum 1), so the natural distribution around a chosen share vector w is the
 * Dirichlet with α = κ·w: every draw is non-negative and sums to 1, its mean is exactly w, a
 * weight of 0 stays 0 (a criterion switched off stays off), and one concentration κ sets the
 * spread (sd of a weight wᵢ = √(wᵢ(1 − wᵢ)/(κ + 1)); κ = 50 gives ±0.06 on a 0.25 weight, about
 * one step of a planner's slider). Independent ± perturbations would need clipping and
 * renormalising, which biases the mean. The protected-area penalty is in score points, not a
 * share: it is kept as chosen.
 */

/** One term of an item's score: weight key index, multiplier and the 0..1 criterion score. */
export interface ItemTerm { key: number; m: number; s: number }

/** An item to rank: score = 100·Σ W[key]·m·s / Σ W[key]·m − penaltyPoints·closeness, clamped 0–100. */
export interface RankItem {
  id: string;
  terms: ItemTerm[];
  /** Protected-area closeness 0..1 (0 = none). */
  penalty: number;
  /**
   * Terms at drawn true positions (optional): draw d scores the item with `positions[d % length]`
   * instead of `terms`/`penalty`, so every draw perturbs the weights AND the position.
   */
  positions?: readonly { terms: readonly ItemTerm[]; penalty: number }[];
}

/** Options of {@link rankStability}. */
export interface StabilityOptions {
  /** Number of draws (default 1 000). */
  draws?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Dirichlet concentration κ (default 50). */
  concentration?: number;
  /** k of "top k" (default 3). */
  topK?: number;
  /** Penalty points at distance 0 (the 'protected-area' weight). */
  penaltyPoints?: number;
}

/** Stability of one item. */
export interface ItemStability {
  id: string;
  /** Rank (1 = best) and score under the chosen weights. */
  rank: number;
  score: number;
  rankMin: number;
  rankMax: number;
  /** 5th and 95th percentile ranks over the draws. */
  rankP5: number;
  rankP95: number;
  /** Share (0..1) of draws in which the item ranks ≤ topK. */
  topKShare: number;
}

/** Result of {@link rankStability}. */
export interface StabilityResult { draws: number; seed: number; concentration: number; topK: number; method: string; items: ItemStability[] }

/** mulberry32: small, fast, seedable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function normal(r: () => number): number {
  let u = 0; while (u === 0) u = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Gamma(α, 1) draw (Marsaglia & Tsang 2000; α < 1 by the U^(1/α) boost). */
export function gamma(r: () => number, alpha: number): number {
  if (alpha < 1) { let u = 0; while (u === 0) u = r(); return gamma(r, alpha + 1) * Math.pow(u, 1 / alpha); }
  const d = alpha - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do { x = normal(r); v = 1 + c * x; } while (v <= 0);
    v = v * v * v;
    const u = r();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One Dirichlet(κ·w) draw into `out` (zero weights stay zero). */
export function dirichlet(r: () => number, w: readonly number[], kappa: number, out: Float64Array): void {
  let s = 0;
  for (let i = 0; i < w.length; i++) { out[i] = w[i] > 0 ? gamma(r, kappa * w[i]) : 0; s += out[i]; }
  for (let i = 0; i < w.length; i++) out[i] = s > 0 ? out[i] / s : 0;
}

/** Score of an item under weights W (see {@link RankItem}). */
export function itemScore(it: { terms: readonly ItemTerm[]; penalty: number }, W: ArrayLike<number>, penaltyPoints: number): number {
  let num = 0, den = 0;
  for (const t of it.terms) { const w = W[t.key] * t.m; num += w * t.s; den += w; }
  const v = (den > 0 ? (100 * num) / den : 0) - penaltyPoints * it.penalty;
  return v < 0 ? 0 : v > 100 ? 100 : v;
}

/**
 * Rank stability of items under Dirichlet weight draws around `weights` (any non-negative
 * numbers; normalised to shares). Ties rank by input order.
 * @throws `draws must be a positive integer, got X`; `concentration must be a positive number, got X`
 */
export function rankStability(items: readonly RankItem[], weights: readonly number[], opts: StabilityOptions = {}): StabilityResult {
  const draws = opts.draws ?? 1000, seed = opts.seed ?? 1, kappa = opts.concentration ?? 50;
  const topK = Math.min(opts.topK ?? 3, Math.max(1, items.length)), pen = opts.penaltyPoints ?? 0;
  if (!(Number.isInteger(draws) && draws > 0)) throw new Error(`draws must be a positive integer, got ${draws}`);
  if (!(Number.isFinite(kappa) && kappa > 0)) throw new Error(`concentration must be a positive number, got ${kappa}`);
  if (weights.some((w) => !(Number.isFinite(w) && w >= 0))) throw new Error('weights must be non-negative numbers');
  const sw = weights.reduce((a, b) => a + b, 0);
  const w0 = weights.map((w) => (sw > 0 ? w / sw : 0));
  const n = items.length;
  const order = new Int32Array(n), scores = new Float64Array(n);
  const rankOf = (W: ArrayLike<number>, ranks: Int32Array, d = -1) => {
    for (let i = 0; i < n; i++) {
      const it = items[i], P = d >= 0 && it.positions?.length ? it.positions[d % it.positions.length] : it;
      scores[i] = itemScore(P, W, pen); order[i] = i;
    }
    order.sort((a, b) => scores[b] - scores[a] || a - b);
    for (let k = 0; k < n; k++) ranks[order[k]] = k + 1;
  };
  const base = new Int32Array(n);
  rankOf(w0, base);
  const baseScores = Float64Array.from(scores);
  const hist = Array.from({ length: n }, () => new Int32Array(n + 1));
  const r = mulberry32(seed);
  const W = new Float64Array(w0.length), ranks = new Int32Array(n);
  for (let d = 0; d < draws; d++) {
    dirichlet(r, w0, kappa, W);
    rankOf(W, ranks, d);
    for (let i = 0; i < n; i++) hist[i][ranks[i]]++;
  }
  const pct = (h: Int32Array, q: number) => { let c = 0; const want = q * draws; for (let k = 1; k <= n; k++) { c += h[k]; if (c >= want) return k; } return n; };
  return {
    draws, seed, concentration: kappa, topK,
    method: `Dirichlet(κ·w), κ = ${kappa}${items.some((it) => it.positions?.length) ? ' + true positions' : ''}, ${draws} draws, seed ${seed}`,
    items: items.map((it, i) => {
      const h = hist[i];
      let mn = n, mx = 1, top = 0;
      for (let k = 1; k <= n; k++) if (h[k]) { if (k < mn) mn = k; if (k > mx) mx = k; if (k <= topK) top += h[k]; }
      return { id: it.id, rank: base[i], score: baseScores[i], rankMin: mn, rankMax: mx, rankP5: pct(h, 0.05), rankP95: pct(h, 0.95), topKShare: top / draws };
    }),
  };
}
