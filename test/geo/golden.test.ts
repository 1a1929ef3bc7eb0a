/**
 * Golden fixtures: every test/fixtures/geo/<op>/in/<case>.geojson is run through its operation;
 * the hand-checked `expected` values in the fixture's properties are asserted, and the rounded
 * output is compared with test/fixtures/geo/<op>/out/<case>.geojson (toMatchFileSnapshot).
 * Inputs are deep-frozen: the engine must never mutate them.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  geometryDistance, buildTargetIndex, catchment, buildNetwork, scoreSite, distanceM, analyzeSites, type LonLat, type CriterionInputs,
} from '../../src/lib/geo/index.ts';
import { FIXTURES, readFc, deepFreeze, roundDeep, geodesicM, loadPackage } from './helpers.ts';

type Case = FeatureCollection & { properties: { op: string; description: string; options: Record<string, unknown>; expected: Record<string, unknown> } };
const role = (c: Case, r: string) => c.features.filter((f) => (f.properties as { role?: string }).role === r);
const pt = (f: Feature) => (f.geometry as unknown as { coordinates: LonLat }).coordinates;

const ops: Record<string, (c: Case) => { result: unknown; features: Feature[] }> = {
  distance(c) {
    const [a, b] = [role(c, 'a')[0], role(c, 'b')[0]];
    const r = geometryDistance(a.geometry, b.geometry);
    const e = c.properties.expected as { distanceM: number; tolM: number; nearestA?: LonLat; nearestB?: LonLat };
    expect(Math.abs(r.distanceM - e.distanceM)).toBeLessThanOrEqual(e.tolM);
    if (r.distanceM > 0) expect(Math.abs(r.distanceM - geodesicM(r.nearestA, r.nearestB))).toBeLessThanOrEqual(Math.max(1, r.distanceM * 1e-3));
    if (e.nearestA) expect(distanceM(r.nearestA, e.nearestA)).toBeLessThan(0.01);
    if (e.nearestB) expect(distanceM(r.nearestB, e.nearestB)).toBeLessThan(0.01);
    return { result: r, features: [F({ type: 'LineString', coordinates: [r.nearestA, r.nearestB] }, { distanceM: r.distanceM })] };
  },
  nearest(c) {
    const ix = buildTargetIndex(role(c, 'target'), { categoryOf: (f) => (f.properties as { cat?: string }).cat });
    const r = ix.nearest(role(c, 'site')[0].geometry, c.properties.options);
    const e = c.properties.expected.result as { id: string; distanceM: number; tolM: number } | null;
    if (e === null) expect(r).toBeNull();
    else {
      expect(r?.id).toBe(e.id);
      expect(Math.abs(r!.distanceM - e.distanceM)).toBeLessThanOrEqual(e.tolM);
    }
    return { result: r, features: r ? [F({ type: 'LineString', coordinates: [r.nearestA, r.nearestB] }, { id: r.id, distanceM: r.distanceM })] : [] };
  },
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
    return { result: r, features: [] };
  },
  network(c) {
    const net = buildNetwork(role(c, 'road'), c.properties.options);
    const r = net.distance(pt(role(c, 'site')[0]), pt(role(c, 'target')[0]));
    const e = c.properties.expected as { reachable: boolean; networkDistanceM: number | null; accessM?: number; tolM?: number };
    expect(r.reachable).toBe(e.reachable);
    if (e.networkDistanceM === null) expect(r.networkDistanceM).toBeNull();
    else {
      expect(Math.abs(r.networkDistanceM! - e.networkDistanceM)).toBeLessThanOrEqual(e.tolM!);
      expect(Math.abs(r.accessM - e.accessM!)).toBeLessThanOrEqual(e.tolM!);
      expect(r.networkDistanceM!).toBeGreaterThanOrEqual(r.straightM); // straight line is a lower bound
    }
    return { result: { ...r, nodes: net.nodeCount, edges: net.edgeCount, components: net.components }, features: [] };
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
};

const F = (g: Geometry, p: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: g, properties: p });

for (const op of Object.keys(ops)) {
  describe(`golden ${op}`, () => {
    const dir = `${FIXTURES}${op}/in`;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.geojson')).sort()) {
      it(file.replace('.geojson', ''), async () => {
        const c = deepFreeze(readFc(`${dir}/${file}`)) as Case;
        const { result, features } = ops[op](c);
        const out = { type: 'FeatureCollection', properties: { op, case: file, description: c.properties.description, options: c.properties.options, result: roundDeep(result) }, features: roundDeep(features) };
        await expect(JSON.stringify(out, null, 1) + '\n').toMatchFileSnapshot(`${FIXTURES}${op}/out/${file}`);
      });
    }
  });
}
