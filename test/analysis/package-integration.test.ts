/**
 * Invariants on the real data package (public/geodata, committed with the repo).
 * Values change with the data, so only invariants are asserted here (real values: engine.test.ts).
 */
import { describe, it, expect } from 'vitest';
import { geometryDistance } from '../../src/lib/geo/index.ts';
import { analyzeSites } from '../../src/lib/analysis/index.ts';
import { loadPackage } from '../geo/helpers.ts';

const DIR = new URL('../../public/geodata', import.meta.url).pathname;
describe('public/geodata package', () => {
  it('every industrial site analyses without error; invariants hold; inputs untouched', () => {
    const layers = loadPackage(DIR); // deep-frozen
    const sites = layers['industrial-sites']!;
    const rows = analyzeSites(sites, layers, { radiusKm: 10, draws: 0 }); // draws: see the interval test below
    expect(rows).toHaveLength(sites.features.length);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    for (const r of rows) {
      expect(r.suitability.score).toBeGreaterThanOrEqual(0);
      expect(r.suitability.score).toBeLessThanOrEqual(100);
      const site = sites.features.find((f) => (f.properties as { id: string }).id === r.id)!;
      // nearest MV line distance equals a brute-force scan over all 22/35 kV lines
      const mv = (layers['power-lines']?.features ?? []).filter((f) => [6, 10, 15, 22, 35].includes((f.properties as { voltage_kv: number }).voltage_kv));
      if (mv.length) {
        const brute = Math.min(...mv.map((f) => geometryDistance(site.geometry, f.geometry).distanceM));
        expect(Math.abs(r.nearest.mvLine!.distanceM - brute)).toBeLessThan(1e-6 * Math.max(1, brute));
      }
      for (const n of [r.network?.districtCentre, r.network?.substation]) {
        if (n?.reachable) expect(n.networkDistanceM!).toBeGreaterThanOrEqual(n.straightM);
      }
      if (r.catchment?.population) expect(r.catchment.population.value).toBeGreaterThan(0);
    }
  }, 120_000);

  it('zone areas within the disc never exceed the disc, at every bundled site (union per crop and over all crops)', () => {
    const layers = loadPackage(DIR);
    const R = 10;
    const disc = Math.PI * (R * 1000) ** 2 / 1e4; // ha, in the same local plane as the clip
    const rows = analyzeSites(layers['industrial-sites']!, layers, { radiusKm: R, draws: 0 });
    let overlapSeen = false;
    for (const r of rows) {
      const c = r.catchment!;
      expect(c.zoneUnionHa!).toBeLessThanOrEqual(disc * (1 + 1e-9));
      for (const v of Object.values(c.cropAreaHa!)) expect(v).toBeLessThanOrEqual(disc * (1 + 1e-9));
      // the union is never more than the sum of the zones, nor less than the largest crop
      const sum = c.zones!.reduce((s, z) => s + z.areaHa, 0);
      expect(c.zoneUnionHa!).toBeLessThanOrEqual(sum * (1 + 1e-9));
      expect(c.zoneUnionHa!).toBeGreaterThanOrEqual(Math.max(0, ...Object.values(c.cropAreaHa!)) * (1 - 5e-3));
      if (sum > disc) overlapSeen = true; // the old sum of overlapping zones exceeded the disc
    }
    expect(overlapSeen).toBe(true);
  }, 120_000);

  it('every bounded distance interval holds its point estimate; schematic targets give no bound; score ranges hold the score', () => {
    const layers = loadPackage(DIR);
    const rows = analyzeSites(layers['industrial-sites']!, layers, { radiusKm: 10, draws: 200 });
    let bounded = 0, unbounded = 0;
    for (const r of rows) {
      expect(['commune', 'district']).toContain(r.placement.accuracy); // every bundled site is placed by commune or district
      const nears = [r.nearest.mvLine, r.nearest.road, r.nearest.substation.any, r.nearest.minerals.deposit, r.nearest.minerals.smelter,
        ...Object.values(r.nearest.crops), r.constraints.protectedArea, r.constraints.river];
      for (const n of nears) {
        if (!n) continue;
        const iv = n.interval!;
        if (iv.basis.indicative) { expect(iv.minM).toBeNull(); expect(iv.maxM).toBeNull(); unbounded++; continue; }
        expect(iv.minM!).toBeLessThanOrEqual(n.distanceM + 1e-6);
        expect(iv.maxM!).toBeGreaterThanOrEqual(n.distanceM * (1 - 1e-6));
        bounded++;
      }
      // a smelter is never the nearest deposit
      if (r.nearest.minerals.deposit) {
        const f = layers['mineral-sites']!.features.find((x) => x.properties!.id === r.nearest.minerals.deposit!.id)!;
        expect(f.properties!.kind).not.toBe('smelter');
      }
      const u = r.uncertainty!;
      expect(u.draws).toBe(200);
      expect(u.scoreMin).toBeLessThanOrEqual(r.suitability.score);
      expect(u.scoreMax).toBeGreaterThanOrEqual(r.suitability.score);
      expect(u.rankMin).toBeLessThanOrEqual(u.rank);
      expect(u.rankMax).toBeGreaterThanOrEqual(u.rank);
    }
    expect(bounded).toBeGreaterThan(50);
    expect(unbounded).toBeGreaterThan(0); // roads are schematic
    // seeded: the same draws give the same ranges
    const again = analyzeSites(layers['industrial-sites']!, layers, { radiusKm: 10, draws: 200 });
    expect(again.map((r) => r.uncertainty)).toEqual(rows.map((r) => r.uncertainty));
  }, 180_000);
});
