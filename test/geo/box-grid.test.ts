import { describe, expect, it } from 'vitest';
import Flatbush from 'flatbush';
import { boxGrid, gridSearch } from '../../src/lib/geo/box-grid.ts';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** The same boxes as an R-tree search, sorted. */
function compare(bb: Float64Array, queries: [number, number, number, number][]): number {
  const g = boxGrid(bb)!;
  expect(g).not.toBeNull();
  const fb = new Flatbush(bb.length / 4);
  for (let k = 0; k < bb.length / 4; k++) fb.add(bb[4 * k], bb[4 * k + 1], bb[4 * k + 2], bb[4 * k + 3]);
  fb.finish();
  let found = 0;
  for (const [w, s, e, n] of queries) {
    const m = gridSearch(g, bb, w, s, e, n);
    const got = Array.from(g.out.subarray(0, m)).sort((a, b) => a - b);
    const want = fb.search(w, s, e, n).sort((a, b) => a - b);
    expect(got).toEqual(want);
    found += m;
  }
  return found;
}

describe('boxGrid / gridSearch', () => {
  it('finds the boxes an R-tree search finds: a grid of cells sharing edges, queries on the edges', () => {
    const bb: number[] = [];
    for (let i = 0; i < 18; i++) for (let j = 0; j < 19; j++) bb.push(105.4 + 0.05 * i, 21.8 + 0.05 * j, 105.4 + 0.05 * (i + 1), 21.8 + 0.05 * (j + 1));
    const B = Float64Array.from(bb);
    const r = rng(7);
    const qs: [number, number, number, number][] = [];
    for (let k = 0; k < 500; k++) { const x = 105.3 + r() * 1.1, y = 21.7 + r() * 1.15, h = r() * 0.2; qs.push([x - h, y - h, x + h, y + h]); }
    // exactly on shared edges and corners, a point query, and queries outside the extent
    qs.push([105.45, 21.85, 105.45, 21.85], [105.5, 21.9, 105.55, 21.95], [B[0], B[1], B[0], B[1]], [100, 10, 101, 11], [110, 30, 111, 31], [0, 0, 200, 90]);
    expect(compare(B, qs)).toBeGreaterThan(2000);
  });

  it('finds the same boxes for uneven random boxes', () => {
    const r = rng(11);
    const bb: number[] = [];
    for (let k = 0; k < 400; k++) { const x = r() * 10, y = r() * 10, w = r() * (k % 10 ? 0.3 : 2), h = r() * 0.5; bb.push(x, y, x + w, y + h); }
    const B = Float64Array.from(bb);
    const qs: [number, number, number, number][] = [];
    for (let k = 0; k < 500; k++) { const x = r() * 11 - 0.5, y = r() * 11 - 0.5, h = r(); qs.push([x, y, x + h, y + h * 0.5]); }
    expect(compare(B, qs)).toBeGreaterThan(500);
  });

  it('gives no grid when a box is far wider than the others, or the boxes have no extent or are not numbers', () => {
    // one box over everything and many tiny ones: every query would visit every cell
    const bb: number[] = [0, 0, 10, 10];
    for (let k = 0; k < 50; k++) bb.push(k * 0.2, k * 0.2, k * 0.2 + 0.001, k * 0.2 + 0.001);
    expect(boxGrid(Float64Array.from(bb))).toBeNull();
    expect(boxGrid(new Float64Array(0))).toBeNull();
    expect(boxGrid(Float64Array.from([1, 1, 1, 1, 2, 2, 2, 2]))).toBeNull();
    expect(boxGrid(Float64Array.from([0, 0, 1, 1, NaN, 0, 1, 1]))).toBeNull();
  });
});
