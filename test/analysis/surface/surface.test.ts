import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { createSurfaceEngine, EXCLUDED } from '../../../src/lib/analysis/surface/surface.ts';
import { DEFAULT_SURFACE_WEIGHTS } from '../../../src/lib/analysis/surface/criteria.ts';
import { transformer } from '../../../src/lib/data/crs.ts';
import { createAnalysisEngine } from '../../../src/lib/analysis/analyze.ts';
import { scoreSite, DEFAULT_WEIGHTS } from '../../../src/lib/analysis/suitability.ts';
import { CROPS } from '../../../src/lib/data/schema.ts';
import { loadLayers, MANIFEST, rng } from './helpers.ts';

const layers = loadLayers();
const CELL = 200;
const engine = createSurfaceEngine(layers, { crs: MANIFEST.region.crs, cell: CELL });
const inv = transformer(MANIFEST.region.crs, 4326);
const g = engine.grid;
const centreLL = (idx: number) => inv([g.x0 + ((idx % g.cols) + 0.5) * g.cell, g.y0 - (Math.floor(idx / g.cols) + 0.5) * g.cell]);
const analysis = createAnalysisEngine(layers);
const pt = (c: number[], props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties: { id: 'c', ...props }, geometry: { type: 'Point', coordinates: c } });

describe('suitability surface on the data package', { timeout: 60_000 }, () => {
  it('lays the grid in the manifest CRS, aligned to the cell size, over the region', () => {
    expect(MANIFEST.region.crs).toBe(9213);
    expect(g.crs).toBe(9213);
    expect(g.x0 % CELL).toBe(0);
    expect(g.y0 % CELL).toBe(0);
    // the province is ~85 km × 104 km
    expect(g.cols * CELL).toBeGreaterThan(80_000);
    expect(g.rows * CELL).toBeGreaterThan(100_000);
    const inside = engine.inside.reduce((s, v) => s + v, 0) * (CELL * CELL) / 1e6;
    // former Bắc Kạn: 4 860 km² (GSO); the grid region within 1 %
    expect(Math.abs(inside - 4860) / 4860).toBeLessThan(0.01);
  });

  it('has one distance field per criterion, within cell·√2/2 of the exact per-site distance', () => {
    const r = rng(7);
    let checked = 0;
    const near = { 'mv-line': (a: ReturnType<typeof analysis.analyzeSite>) => a.nearest.mvLine, substation: (a: ReturnType<typeof analysis.analyzeSite>) => a.nearest.substation.any, road: (a: ReturnType<typeof analysis.analyzeSite>) => a.nearest.road, deposit: (a: ReturnType<typeof analysis.analyzeSite>) => a.nearest.minerals.deposit, 'protected-area': (a: ReturnType<typeof analysis.analyzeSite>) => a.constraints.protectedArea, river: (a: ReturnType<typeof analysis.analyzeSite>) => a.constraints.river } as const;
    while (checked < 60) {
      const idx = Math.floor(r() * g.cols * g.rows);
      if (!engine.inside[idx]) continue;
      const a = analysis.analyzeSite(pt(centreLL(idx)), { skipCatchment: true });
      for (const [k, f] of Object.entries(near)) {
        const exact = f(a)!.distanceM, raster = engine.fields[k as keyof typeof near]![idx];
        expect(Math.abs(raster - exact), `${k} at cell ${idx}`).toBeLessThanOrEqual(CELL * Math.SQRT1_2 + 0.001 * exact + 1);
      }
      for (const c of CROPS) {
        const exact = a.nearest.crops[c]?.distanceM;
        if (exact == null) continue;
        expect(Math.abs(engine.fields[`material:${c}`]![idx] - exact), `${c} at ${idx}`).toBeLessThanOrEqual(CELL * Math.SQRT1_2 + 0.001 * exact + 1);
      }
      checked++;
    }
  });

  it('labour field ≈ the per-site population 2009 within 10 km (coarse disc sum, within 5 %)', () => {
    const r = rng(11);
    let n = 0;
    while (n < 12) {
      const idx = Math.floor(r() * g.cols * g.rows);
      if (!engine.inside[idx]) continue;
      const pop = analysis.analyzeSite(pt(centreLL(idx))).catchment!.population!.value;
      const got = engine.fields.labour![idx];
      expect(Math.abs(got - pop) / pop, `cell ${idx}: ${got} vs ${pop}`).toBeLessThan(0.05);
      n++;
    }
  });

  it('scores every cell with the per-site formula of suitability.ts (scoreSite on the cell inputs)', () => {
    for (const [sectors, weights] of [[['wood', 'minerals'], {}], [[], { road: 40, labour: 0 }], [['food'], { 'protected-area': 0, materials: 50 }]] as const) {
      const s = engine.score(weights, { sectors });
      const r = rng(3);
      let n = 0;
      while (n < 200) {
        const idx = Math.floor(r() * g.cols * g.rows);
        if (s.excluded[idx]) { expect(Number.isNaN(s.values[idx])).toBe(true); continue; }
        const f = engine.fields;
        const materialM = Object.fromEntries(CROPS.map((c) => [c, f[`material:${c}`]![idx]]));
        const ref = scoreSite({
          sectors: [...sectors], mvLineM: f['mv-line']![idx], substationM: f.substation![idx], roadM: f.road![idx], depositM: f.deposit![idx], materialM,
          population: f.labour![idx], radiusKm: 10, areaHa: null, occupancyPct: null, status: null, protectedAreaM: f['protected-area']![idx],
        }, weights);
        expect(Math.abs(s.values[idx] - ref.score), `cell ${idx}`).toBeLessThanOrEqual(0.05 + 1e-4);
        n++;
      }
    }
  });

  it('excludes outside the region, inside protected areas and the river cells, and says why', () => {
    const s = engine.score();
    const pa = layers['protected-areas'].features;
    const r = rng(5);
    const seen = new Set<number>();
    for (let k = 0; k < 4000; k++) {
      const idx = Math.floor(r() * g.cols * g.rows);
      const ll = centreLL(idx);
      const code = s.excluded[idx];
      seen.add(code);
      if (!engine.inside[idx]) { expect(code).toBe(EXCLUDED.outside); continue; }
      const inPa = pa.some((f) => booleanPointInPolygon(ll, f as never));
      if (inPa) expect(code).toBe(EXCLUDED.protected);
      if (code === EXCLUDED.none) { expect(inPa).toBe(false); expect(engine.fields.river![idx]).toBeGreaterThan(0); expect(s.values[idx]).toBeGreaterThanOrEqual(0); }
      else expect(Number.isNaN(s.values[idx])).toBe(true);
    }
    for (const c of [EXCLUDED.none, EXCLUDED.outside, EXCLUDED.protected]) expect(seen.has(c)).toBe(true);
    const riverCells = s.excluded.reduce((c, v) => c + (v === EXCLUDED.river ? 1 : 0), 0);
    expect(riverCells).toBeGreaterThan(100);
    // removing the default exclusions frees those cells
    const open = engine.score({}, { thresholds: { 'protected-area': {}, river: {} } });
    expect(open.excluded.every((v) => v === EXCLUDED.none || v === EXCLUDED.outside)).toBe(true);
  });

  it('re-weights on the same fields: a road-only surface is the road criterion', () => {
    const before = engine.fields.road;
    const only = Object.fromEntries(Object.keys(DEFAULT_SURFACE_WEIGHTS).map((k) => [k, 0]));
    const s = engine.score({ ...only, road: 1 });
    expect(engine.fields.road).toBe(before);
    const r = rng(9);
    for (let k = 0, n = 0; n < 100 && k < 10000; k++) {
      const idx = Math.floor(r() * g.cols * g.rows);
      if (s.excluded[idx]) continue;
      expect(s.values[idx]).toBeCloseTo(100 * Math.max(0, 1 - engine.fields.road![idx] / 5000), 3);
      n++;
    }
    expect(s.terms).toEqual([{ criterion: 'road', weight: 1 }]);
    expect(DEFAULT_WEIGHTS.road).toBe(DEFAULT_SURFACE_WEIGHTS.road);
    expect(() => engine.score({ road: -1 })).toThrow('weight road must be a non-negative number, got -1');
  });
});
