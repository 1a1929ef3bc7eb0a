/**
 * Golden fixtures of the analysis (catchment, analyze, suitability); see runGolden in
 * test/geo/helpers.ts.
 */
import { expect } from 'vitest';
import { catchment, scoreSite, analyzeSites, type CriterionInputs } from '../../src/lib/analysis/index.ts';
import { discRing } from '../../src/lib/geo/disc.ts';
import { centreOf } from '../../src/lib/geo/geometry.ts';
import { goldenFeature, loadPackage, role, runGolden } from '../geo/helpers.ts';

runGolden({
  catchment(c) {
    const r = catchment(role(c, 'site')[0].geometry, c.properties.options.radiusKm as number, {
      'material-zones': role(c, 'zone'), 'mineral-sites': role(c, 'deposit'), 'power-lines': role(c, 'line'), communes: role(c, 'commune'),
    });
    const e = c.properties.expected as { zoneAreaHa: number; tolHa: number; deposits: number; mvLengthM: number; tolM: number; population: number; tolPeople: number };
    expect(Math.abs(r.cropAreaHa!.wood - e.zoneAreaHa)).toBeLessThanOrEqual(e.tolHa);
    expect(r.deposits!.count).toBe(e.deposits);
    expect(Math.abs(r.mvLineLengthM!.total - e.mvLengthM)).toBeLessThanOrEqual(e.tolM);
    expect(Math.abs(r.population!.value - e.population)).toBeLessThanOrEqual(e.tolPeople);
    expect(r.population!.year).toBe(2009);
    // The disc the figures were measured in, to check them against the inputs on a map.
    const ring = discRing(centreOf(role(c, 'site')[0].geometry), (c.properties.options.radiusKm as number) * 1000);
    return { result: r, features: [goldenFeature({ type: 'Polygon', coordinates: [ring] }, { radiusKm: c.properties.options.radiusKm })] };
  },
  analyze(c) {
    const rows = analyzeSites(c.features, loadPackage(), c.properties.options as { radiusKm: number });
    const e = c.properties.expected as Record<string, Record<string, number>> & { tolM: number };
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(Math.abs(by['site-in-wood'].nearest.mvLine!.distanceM - e['site-in-wood'].mvLineM)).toBeLessThanOrEqual(e.tolM);
    expect(Math.abs(by['site-in-wood'].nearest.road!.distanceM - e['site-in-wood'].roadM)).toBeLessThanOrEqual(e.tolM);
    expect(by['site-in-wood'].nearest.crops.wood!.distanceM).toBe(e['site-in-wood'].woodM);
    expect(Math.abs(by['site-polygon'].nearest.mvLine!.distanceM - e['site-polygon'].mvLineM)).toBeLessThanOrEqual(e.tolM);
    expect(by['site-in-park'].constraints.protectedArea!.distanceM).toBe(e['site-in-park'].protectedAreaM);
    expect(by['site-in-park'].suitability.breakdown.find((b) => b.criterion === 'protected-area')!.contribution).toBe(e['site-in-park'].penalty);
    return { result: rows, features: [] };
  },
  suitability(c) {
    const o = c.properties.options as { inputs: CriterionInputs; weights: Record<string, number> };
    const r = scoreSite(o.inputs, o.weights);
    expect(r.score).toBeCloseTo(c.properties.expected.score as number, 6);
    const sum = r.breakdown.reduce((s, b) => s + b.contribution, 0);
    expect(Math.max(0, Math.min(100, sum))).toBeCloseTo(r.score, 1);
    return { result: r, features: [] };
  },
});
