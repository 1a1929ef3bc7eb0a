import { describe, expect, it } from 'vitest';
import { edt } from '../../../src/lib/analysis/surface/edt.ts';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function brute(seeds: Uint8Array, cols: number, rows: number): Float64Array {
  const out = new Float64Array(cols * rows).fill(Infinity);
  for (let y = 0; y < rows; y++) for (let x = 0; x < cols; x++) {
    let best = Infinity;
    for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) if (seeds[j * cols + i]) best = Math.min(best, (i - x) ** 2 + (j - y) ** 2);
    out[y * cols + x] = Math.sqrt(best);
  }
  return out;
}

describe('edt (Felzenszwalb–Huttenlocher)', () => {
  it('equals brute force exactly on 300 random small grids', () => {
    const r = rng(13);
    let cells = 0;
    for (let t = 0; t < 300; t++) {
      const cols = 1 + Math.floor(r() * 23), rows = 1 + Math.floor(r() * 19);
      const density = [0.005, 0.03, 0.2, 0.7][t % 4];
      const seeds = new Uint8Array(cols * rows);
      for (let i = 0; i < seeds.length; i++) seeds[i] = r() < density ? 1 : 0;
      const got = edt(seeds, cols, rows);
      const want = brute(seeds, cols, rows);
      const bad: string[] = [];
      for (let i = 0; i < want.length; i++) {
        // squared distances are integers: compare exactly after squaring (Float32 sqrt rounding only)
        const ok = want[i] === Infinity ? got[i] === Infinity
          : Math.round(got[i] ** 2) === Math.round(want[i] ** 2) && Math.abs(got[i] - want[i]) < 1e-5 * Math.max(1, want[i]) + 1e-6;
        if (!ok) bad.push(`grid ${t} cell ${i}: ${got[i]} vs ${want[i]}`);
      }
      expect(bad).toEqual([]);
      cells += want.length;
    }
    expect(cells).toBeGreaterThan(10_000);
  }, 60_000);

  it('gives the known distances of a single seed and Infinity without seeds', () => {
    const s = new Uint8Array(5 * 4); s[1 * 5 + 1] = 1;
    const d = edt(s, 5, 4);
    expect(d[1 * 5 + 1]).toBe(0);
    expect(d[3 * 5 + 4]).toBeCloseTo(Math.hypot(3, 2), 6);
    expect(d[0]).toBeCloseTo(Math.SQRT2, 6);
    expect([...edt(new Uint8Array(6), 3, 2)]).toEqual(Array(6).fill(Infinity));
    expect(() => edt(new Uint8Array(5), 3, 2)).toThrow('seeds must have cols × rows = 6 cells, got 5');
  });
});
