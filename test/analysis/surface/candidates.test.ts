import { describe, expect, it } from 'vitest';
import turfArea from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import intersect from '@turf/intersect';
import { featureCollection, feature } from '@turf/helpers';
import { createSurfaceEngine } from '../../../src/lib/analysis/surface/surface.ts';
import { findCandidates, signedArea } from '../../../src/lib/analysis/surface/candidates.ts';
import type { GridDef } from '../../../src/lib/analysis/surface/grid.ts';
import { transformer } from '../../../src/lib/data/crs.ts';
import { loadLayers, MANIFEST } from './helpers.ts';

const layers = loadLayers();
const engine = createSurfaceEngine(layers, { crs: MANIFEST.region.crs, cell: 200 });
const g = engine.grid;
const inv = transformer(g.crs, 4326);
const centreLL = (idx: number) => inv([g.x0 + ((idx % g.cols) + 0.5) * g.cell, g.y0 - (Math.floor(idx / g.cols) + 0.5) * g.cell]);

describe('candidate areas', { timeout: 60_000 }, () => {
  for (const [label, sectors, opts] of [
    ['defaults', [], { top: 5, minHa: 50 }],
    ['wood, 200 ha, score ≥ 60', ['wood'], { top: 8, minHa: 200, minScore: 60 }],
  ] as const) {
    it(`${label}: every polygon ≥ N ha, outside exclusions, non-overlapping, ranked`, () => {
      const s = engine.score({}, { sectors });
      const res = findCandidates(g, s.values, opts);
      expect(res.candidates.length).toBe(Math.min(opts.top, res.qualifying));
      expect(res.candidates.length).toBeGreaterThan(0);
      const cellHa = g.cell * g.cell / 1e4;
      for (const [k, c] of res.candidates.entries()) {
        expect(c.rank).toBe(k + 1);
        if (k > 0) expect(c.meanScore).toBeLessThanOrEqual(res.candidates[k - 1].meanScore);
        expect(c.areaHa).toBeGreaterThanOrEqual(opts.minHa);
        expect(c.areaHa).toBeCloseTo(c.cells * cellHa, 6);
        // the traced polygon's projected area is exactly its cells
        const projArea = c.ringsCrs.reduce((a, r) => a + signedArea(r), 0);
        expect(projArea / 1e4).toBeCloseTo(c.areaHa, 3);
        // on the ellipsoid (Turf: spherical) within 0.5 % of the grid area
        const ha = turfArea(c.geometry) / 1e4;
        expect(ha).toBeGreaterThanOrEqual(opts.minHa * 0.995);
        expect(Math.abs(ha - c.areaHa) / c.areaHa).toBeLessThan(0.005);
        // mean recomputed from the cells; all cells qualify and none excluded
        let sum = 0;
        for (const i of c.cellIndices) { expect(s.excluded[i]).toBe(0); expect(s.values[i]).toBeGreaterThanOrEqual(res.threshold); sum += s.values[i]; }
        expect(sum / c.cells).toBeCloseTo(c.meanScore, 4);
        // polygon ⇔ cells: centres of its cells inside, centres of bordering excluded/low cells outside
        const poly = feature(c.geometry);
        for (let t = 0; t < c.cells; t += Math.max(1, Math.floor(c.cells / 40))) expect(booleanPointInPolygon(centreLL(c.cellIndices[t]), poly)).toBe(true);
        const mine = new Set(c.cellIndices);
        for (const i of c.cellIndices) for (const j of [i - 1, i + 1, i - g.cols, i + g.cols]) {
          if (mine.has(j)) continue;
          expect(booleanPointInPolygon(centreLL(j), poly), `neighbour ${j} of area ${c.rank}`).toBe(false);
        }
      }
      // non-overlapping: disjoint cells, and pairwise polygon intersections of zero area
      const seen = new Set<number>();
      for (const c of res.candidates) for (const i of c.cellIndices) { expect(seen.has(i)).toBe(false); seen.add(i); }
      for (let a = 0; a < res.candidates.length; a++) for (let b = a + 1; b < res.candidates.length; b++) {
        const x = intersect(featureCollection([feature(res.candidates[a].geometry), feature(res.candidates[b].geometry)]));
        expect(x ? turfArea(x) : 0).toBeLessThan(1);
      }
    });
  }

  it('traces holes and corner-touching cells on a synthetic grid', () => {
    const grid: GridDef = { crs: 9213, cell: 100, x0: 400_000, y0: 2_500_000, cols: 7, rows: 6 };
    // a ring of cells with a hole, plus a diagonal pinch at its corner
    const v = new Float32Array(42).fill(NaN);
    const on = [[1, 1], [2, 1], [3, 1], [1, 2], [3, 2], [1, 3], [2, 3], [3, 3], [4, 4], [4, 3]];
    for (const [x, y] of on) v[y * 7 + x] = 80;
    v[4 * 7 + 4] = 90;
    const res = findCandidates(grid, v, { minHa: 0, minScore: 50 });
    expect(res.candidates.length).toBe(1);
    const c = res.candidates[0];
    expect(c.cells).toBe(10);
    expect(c.geometry.type).toBe('Polygon');
    const rings = c.ringsCrs;
    expect(rings.length).toBe(2); // outer + one hole
    expect(rings.filter((r) => signedArea(r) > 0).length).toBe(1);
    expect(rings.reduce((a, r) => a + signedArea(r), 0)).toBeCloseTo(10 * 100 * 100, 6);
    expect(c.meanScore).toBeCloseTo((9 * 80 + 90) / 10, 5);
  });

  it('a pinch (two cells of one area touching at a corner) gives an outer ring and a hole, not a crossing', () => {
    const grid: GridDef = { crs: 9213, cell: 100, x0: 400_000, y0: 2_500_000, cols: 5, rows: 4 };
    const v = new Float32Array(20).fill(10);
    for (const [x, y] of [[1, 1], [1, 0], [2, 0], [3, 0], [3, 1], [3, 2], [2, 2]]) v[y * 5 + x] = 70;
    const c = findCandidates(grid, v, { minHa: 0, minScore: 50 }).candidates[0];
    expect(c.cells).toBe(7);
    expect(c.ringsCrs.length).toBe(2);
    expect(c.ringsCrs.map((r) => Math.sign(signedArea(r))).sort()).toEqual([-1, 1]);
    expect(c.ringsCrs.reduce((a, r) => a + signedArea(r), 0)).toBeCloseTo(7e4, 6);
    // no ring visits a vertex twice
    for (const r of c.ringsCrs) expect(new Set(r.slice(0, -1).map((p) => p.join())).size).toBe(r.length - 1);
  });

  it('rejects bad options', () => {
    const v = new Float32Array(4);
    const grid: GridDef = { crs: 9213, cell: 100, x0: 0, y0: 0, cols: 2, rows: 2 };
    expect(() => findCandidates(grid, v, { top: 0 })).toThrow('top must be a positive integer, got 0');
    expect(() => findCandidates(grid, v, { minHa: -1 })).toThrow('minHa must be a non-negative number, got -1');
    expect(() => findCandidates(grid, v, { minScore: 120 })).toThrow('minScore must be a number in 0–100, got 120');
  });
});
