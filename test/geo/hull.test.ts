import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { hullOf } from '../../src/lib/geo/extremes.ts';
import { kxAt, kyAt } from '../../src/lib/geo/ruler.ts';
import type { Parts } from '../../src/lib/geo/geometry.ts';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** Andrew's monotone chain with the built-in sort, as a reference. */
function reference(vs: Position[]): Position[] {
  if (vs.length <= 2) return vs.slice();
  let lat = 0;
  for (const v of vs) lat += v[1];
  lat /= vs.length;
  const kx = kxAt(lat), ky = kyAt(lat);
  const pts = vs.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Position, a: Position, b: Position) => ((a[0] - o[0]) * kx) * ((b[1] - o[1]) * ky) - ((a[1] - o[1]) * ky) * ((b[0] - o[0]) * kx);
  const lower: Position[] = [], upper: Position[] = [];
  for (const q of pts) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop(); lower.push(q); }
  for (let i = pts.length - 1; i >= 0; i--) { const q = pts[i]; while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop(); upper.push(q); }
  lower.pop(); upper.pop();
  const h = lower.concat(upper);
  return h.length ? h : [pts[0]];
}

describe('hullOf', () => {
  it('gives a closed square ring its four corners, counter-clockwise from the south-west', () => {
    const ring = [[105.4, 21.8], [105.45, 21.8], [105.45, 21.85], [105.4, 21.85], [105.4, 21.8]];
    const parts: Parts = { points: [], paths: [ring], polygons: [[ring]] };
    expect(hullOf(parts)).toEqual([[105.4, 21.8], [105.45, 21.8], [105.45, 21.85], [105.4, 21.85]]);
  });

  it('is the reference hull (same vertices, same order) for few and many vertices, with repeated and collinear ones', () => {
    const r = rng(3);
    for (let k = 0; k < 400; k++) {
      const n = 1 + (k % 40);
      const vs: Position[] = [];
      for (let i = 0; i < n; i++) {
        // a coarse lattice: repeated positions and collinear runs are common
        const v: Position = [105 + Math.floor(r() * 6) * 0.01, 22 + Math.floor(r() * 6) * 0.01];
        vs.push(r() < 0.2 && vs.length ? [...vs[Math.floor(r() * vs.length)]] : v);
      }
      const parts: Parts = { points: vs.slice(0, n >> 1), paths: n >> 1 < n - 1 ? [vs.slice(n >> 1)] : [], polygons: [] };
      if (n >> 1 === n - 1) parts.points.push(vs[n - 1]);
      const all = [...parts.points, ...parts.paths.flat()];
      expect(hullOf(parts)).toEqual(reference(all));
    }
  });
});
