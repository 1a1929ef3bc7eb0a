/**
 * Golden fixtures of the package-agnostic geometry (distance, nearest, network); see runGolden in
 * helpers.ts. The analysis ops (catchment, analyze, suitability) are in test/analysis/golden.test.ts.
 */
import { expect } from 'vitest';
import type { Feature } from 'geojson';
import { geometryDistance, buildTargetIndex, buildNetwork, distanceM, type LonLat } from '../../src/lib/geo/index.ts';
import { geodesicM, role, goldenFeature as F, runGolden } from './helpers.ts';

const pt = (f: Feature) => (f.geometry as unknown as { coordinates: LonLat }).coordinates;

runGolden({
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
});
