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
    const rows = analyzeSites(sites, layers, { radiusKm: 10 });
    expect(rows).toHaveLength(sites.features.length);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    for (const r of rows) {
      expect(r.suitability.score).toBeGreaterThanOrEqual(0);
      expect(r.suitability.score).toBeLessThanOrEqual(100);
      const site = sites.features.find((f) => (f.properties as { id: string }).id === r.id)!;
      // nearest MV line distance equals a brute-force scan over all 22/35 kV lines
      const mv = (layers['power-lines']?.features ?? []).filter((f) => [22, 35].includes((f.properties as { voltage_kv: number }).voltage_kv));
      if (mv.length) {
        const brute = Math.min(...mv.map((f) => geometryDistance(site.geometry, f.geometry).distanceM));
        expect(Math.abs(r.nearest.mvLine!.distanceM - brute)).toBeLessThan(1e-6 * Math.max(1, brute));
      }
      for (const n of [r.network?.districtCentre, r.network?.substation]) {
        if (n?.reachable) expect(n.networkDistanceM!).toBeGreaterThanOrEqual(n.straightM);
      }
      if (r.catchment?.population) expect(r.catchment.population.value).toBeGreaterThan(0);
    }
  }, 60_000);
});
