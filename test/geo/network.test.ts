/** Road network: Dijkstra against a brute-force Floyd–Warshall on random grids; lower bound; snapping. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Feature } from 'geojson';
import { buildNetwork, distanceM, lowerBoundHolds, type LonLat } from '../../src/lib/geo/index.ts';
import { deepFreeze } from './helpers.ts';

describe('road network', () => {
  it('equals Floyd–Warshall on random grid graphs (vertices as the targets), ≥ straight distance', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), fc.nat(24), fc.nat(24), (nx, ny, keep, ia, ib) => {
      const node = (i: number, j: number): LonLat => [105.8 + i * 0.01 + ((i * 7 + j * 3) % 5) * 0.0005, 22.1 + j * 0.01];
      const roads: Feature[] = [];
      const edges: [number, number][] = [];
      const id = (i: number, j: number) => i * ny + j;
      let k = 0;
      for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) {
        if (i + 1 < nx && keep[k++ % 60]) { roads.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [node(i, j), node(i + 1, j)] } }); edges.push([id(i, j), id(i + 1, j)]); }
        if (j + 1 < ny && keep[k++ % 60]) { roads.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [node(i, j), node(i, j + 1)] } }); edges.push([id(i, j), id(i, j + 1)]); }
      }
      if (roads.length === 0) return;
      deepFreeze(roads);
      const N = nx * ny;
      const pos = (n: number) => node(Math.floor(n / ny), n % ny);
      const D = Array.from({ length: N }, (_, a) => Array.from({ length: N }, (_, b) => (a === b ? 0 : Infinity)));
      for (const [a, b] of edges) { const d = distanceM(pos(a), pos(b)); D[a][b] = D[b][a] = Math.min(D[a][b], d); }
      for (let m = 0; m < N; m++) for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) if (D[a][m] + D[m][b] < D[a][b]) D[a][b] = D[a][m] + D[m][b];
      const net = buildNetwork(roads, { snapToleranceM: 0 });
      const used = new Set(edges.flat());
      const a = ia % N, b = ib % N;
      if (!used.has(a) || !used.has(b)) return;
      const r = net.distance(pos(a), pos(b));
      if (!Number.isFinite(D[a][b])) { expect(r.reachable).toBe(false); expect(r.networkDistanceM).toBeNull(); return; }
      expect(r.reachable).toBe(true);
      expect(r.accessM).toBeLessThan(1e-6);
      expect(Math.abs(r.networkDistanceM! - D[a][b])).toBeLessThan(1e-6);
      expect(lowerBoundHolds(r)).toBe(true); // no clamp in the engine: this can fail (see the wrong-graph test)
    }), { numRuns: 200, seed: 21 });
  });

  it('nearestOf picks the closest target by network, not by straight line', () => {
    // a U-shaped road: target B is close in a straight line but far along the road
    const roads: Feature[] = [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[105.80, 22.10], [105.80, 22.20], [105.81, 22.20], [105.81, 22.10]] } }];
    const net = buildNetwork(roads);
    const site: LonLat = [105.80, 22.10];
    const targets: LonLat[] = [[105.81, 22.10], [105.80, 22.15]];
    const r = net.nearestOf(site, targets);
    expect(r.targetIndex).toBe(1); // 5.5 km along the road vs 23.2 km around the U
    expect(Math.abs(r.networkDistanceM! - distanceM(site, targets[1]))).toBeLessThan(0.05); // same meridian: along = straight
    const u = net.distance(site, targets[0]);
    expect(u.detourFactor!).toBeGreaterThan(20);
  });

  it('the lower-bound check fails on a deliberately wrong graph (edges shorter than their geodesic)', () => {
    const roads: Feature[] = [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[105.80, 22.10], [105.85, 22.10], [105.85, 22.15]] } }];
    const site: LonLat = [105.80, 22.10], target: LonLat = [105.85, 22.15];
    const right = buildNetwork(roads).distance(site, target);
    expect(right.reachable).toBe(true);
    expect(lowerBoundHolds(right)).toBe(true);
    // every edge a third of its length: the network figure falls below the straight line, and nothing hides it
    const wrong = buildNetwork(roads, { edgeLengthM: (a, b) => distanceM(a, b) / 3 }).distance(site, target);
    expect(wrong.reachable).toBe(true);
    expect(wrong.networkDistanceM!).toBeLessThan(wrong.straightM);
    expect(lowerBoundHolds(wrong)).toBe(false);
  });

  it('off-road cap: beyond it "no road within X", targets beyond it are left out; the off-road share is reported', () => {
    const net = buildNetwork([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[105.80, 22.14], [105.90, 22.14]] } }]);
    const far = net.distance([105.85, 22.11], [105.88, 22.14]); // 3.3 km south of the road
    expect(far.reachable).toBe(false);
    expect(far.noRoadWithinM).toBe(2000);
    const ok = net.distance([105.85, 22.11], [105.88, 22.14], { maxAccessM: 5000 });
    expect(ok.reachable).toBe(true);
    expect(ok.accessM).toBeCloseTo(3321.96, 0);
    expect(ok.offroadShare!).toBeCloseTo(ok.accessM / ok.networkDistanceM!, 12);
    const r = net.nearestOf([105.85, 22.14], [[105.86, 22.20], [105.89, 22.141]]); // the first target is 6.6 km off the road
    expect(r.targetIndex).toBe(1);
    expect(() => net.distance([105.85, 22.11], [105.88, 22.14], { maxAccessM: 0 })).toThrow('maxAccessM must be a positive number, got 0');
  });

  it('snap: access leg is the perpendicular distance to the nearest edge', () => {
    const net = buildNetwork([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[105.80, 22.14], [105.90, 22.14]] } }]);
    const s = net.snap([105.85, 22.13])!;
    expect(s.accessM).toBeCloseTo(1107.32, 0);
    expect(s.point[0]).toBeCloseTo(105.85, 9);
    expect(buildNetwork([]).snap([105.85, 22.13])).toBeNull();
    expect(buildNetwork([]).distance([105.85, 22.13], [105.86, 22.13]).reachable).toBe(false);
  });
});
