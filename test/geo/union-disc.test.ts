import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { frameAt, polygonInDisc, unionAreasInDisc, UNION_STRIPS, type Frame } from '../../src/lib/geo/disc.ts';
import { prepareParts } from '../../src/lib/geo/extremes.ts';
import { toParts } from '../../src/lib/geo/geometry.ts';

const zones = (JSON.parse(readFileSync('public/geodata/material-zones.geojson', 'utf8')) as FeatureCollection).features;
const sites = (JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')) as FeatureCollection).features;

/** Every ring of a zone as lon/lat edges. */
function rings(f: Feature): Position[][] {
  return toParts(f.geometry).polygons.flat();
}

/**
 * The strips' rule written out plainly, without trees or shared crossings: for each strip, the
 * even–odd crossings of every ring of every zone with the mid chord, merged over the group.
 */
function bruteUnion(group: Feature[], F: Frame, R: number): number {
  const n = UNION_STRIPS;
  const prim = (y: number) => y * Math.sqrt(Math.max(0, R * R - y * y)) + R * R * Math.asin(Math.max(-1, Math.min(1, y / R)));
  let total = 0;
  for (let k = 0; k < n; k++) {
    const y0 = -R + (2 * R * k) / n, y1 = y0 + (2 * R) / n, ym = (y0 + y1) / 2;
    const c = Math.sqrt(Math.max(0, R * R - ym * ym));
    if (c <= 0) continue;
    const lat = F.lat0 + ym / F.ky;
    const covered: [number, number][] = [];
    for (const f of group) {
      const xs: number[] = [];
      for (const ring of rings(f)) for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
        if ((ay > lat) !== (by > lat)) xs.push(ax + ((bx - ax) * (lat - ay)) / (by - ay));
      }
      xs.sort((a, b) => a - b);
      for (let j = 0; j + 1 < xs.length; j += 2) {
        const a = Math.max(-c, (xs[j] - F.lon0) * F.kx), b = Math.min(c, (xs[j + 1] - F.lon0) * F.kx);
        if (b > a) covered.push([a, b]);
      }
    }
    covered.sort((p, q) => p[0] - q[0]);
    let len = 0, end = -Infinity;
    for (const [a, b] of covered) {
      if (a >= end) { len += b - a; end = b; } else if (b > end) { len += b - end; end = b; }
    }
    total += Math.min(1, len / (2 * c)) * (prim(y1) - prim(y0));
  }
  return total;
}

describe('unionAreasInDisc on the bundled material zones', () => {
  it('equals the strips rule written out plainly, at every bundled industrial site (all zones and per crop)', () => {
    const prepared = new Map(zones.map((f) => [f, prepareParts(toParts(f.geometry))]));
    let compared = 0, overlapping = 0;
    for (const s of sites) {
      const centre = (s.geometry as { coordinates: number[] }).coordinates;
      if (s.geometry?.type !== 'Point') continue;
      const F = frameAt([centre[0], centre[1]]);
      const R = 10_000;
      const near = zones.filter((z) => polygonInDisc(z.geometry, F, R).insideM2 > 0);
      const crops = [...new Set(near.map((z) => String(z.properties?.crop)))];
      const groups = [near, ...crops.map((c) => near.filter((z) => String(z.properties?.crop) === c))];
      const got = unionAreasInDisc(groups.map((g) => g.map((z) => prepared.get(z)!)), F, R);
      groups.forEach((g, k) => {
        const want = bruteUnion(g, F, R);
        expect(Math.abs(got[k] - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
        compared++;
      });
      const sum = near.reduce((a, z) => a + polygonInDisc(z.geometry, F, R).insideM2, 0);
      if (sum > got[0] * 1.01) overlapping++;
    }
    expect(compared).toBeGreaterThan(20);
    // the union matters: at some sites the zones overlap, so their plain sum exceeds it
    expect(overlapping).toBeGreaterThan(0);
  }, 60_000);

  it('for one zone, is within half a percent of its exact clipped area', () => {
    const F = frameAt([105.83, 22.15]);
    const R = 10_000;
    const z = zones.map((f) => ({ f, exact: polygonInDisc(f.geometry, F, R).insideM2 })).find((x) => x.exact > 1e6)!;
    expect(z).toBeDefined();
    const [u] = unionAreasInDisc([[prepareParts(toParts(z.f.geometry))]], F, R);
    expect(Math.abs(u - z.exact) / z.exact).toBeLessThan(5e-3);
  });

  it('equals the plain rule at several radii in turn (the strips kept per radius)', () => {
    const F = frameAt([105.83, 22.15]);
    const prepared = zones.map((f) => prepareParts(toParts(f.geometry)));
    for (const R of [10_000, 5_000, 10_000, 2_500]) {
      const [got] = unionAreasInDisc([prepared], F, R);
      const want = bruteUnion(zones, F, R);
      expect(want).toBeGreaterThan(0.2 * Math.PI * R * R);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * want);
    }
  });
});

describe('unionAreasInDisc away from the disc', () => {
  const F = frameAt([105.83, 22.15]);
  const R = 10_000;
  const dLon = (2 * R) / F.kx, dLat = (2 * R) / F.ky;
  /** A polygon zone feature from one lon/lat ring (degrees around the disc centre, in units of 2R). */
  const zone = (ring: number[][]): Feature => ({
    type: 'Feature', properties: {},
    geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => [F.lon0 + x * dLon, F.lat0 + y * dLat])] },
  });
  // many short edges, so that whole runs of them lie west or east of the disc
  const densify = (ring: number[][], per: number) => ring.slice(0, -1).flatMap(([x, y], i) => {
    const [x2, y2] = ring[i + 1];
    return Array.from({ length: per }, (_, k) => [x + ((x2 - x) * k) / per, y + ((y2 - y) * k) / per]);
  }).concat([ring[ring.length - 1]]);

  it('a ring around the whole disc (no edge near it) covers the whole disc', () => {
    const f = zone(densify([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]], 40));
    const [got] = unionAreasInDisc([[prepareParts(toParts(f.geometry))]], F, R);
    expect(Math.abs(got - Math.PI * R * R)).toBeLessThan(1e-6 * Math.PI * R * R);
    expect(Math.abs(got - bruteUnion([f], F, R))).toBeLessThanOrEqual(1e-9 * got);
  });

  it('a ring with a wiggly west side and its hole east of the disc: as the plain rule', () => {
    const west = Array.from({ length: 81 }, (_, i) => [-0.9 + 0.1 * Math.sin(i), 1 - i / 40]);
    const outer = zone([...west, [0.2, -1], [0.9, -1], [0.9, 1], [0.1, 1], west[0]]);
    const hole = [[0.6, -0.2], [0.7, -0.2], [0.7, 0.3], [0.6, 0.3], [0.6, -0.2]].map(([x, y]) => [F.lon0 + x * dLon, F.lat0 + y * dLat]);
    (outer.geometry as Polygon).coordinates.push(hole);
    const [got] = unionAreasInDisc([[prepareParts(toParts(outer.geometry))]], F, R);
    const want = bruteUnion([outer], F, R);
    expect(want).toBeGreaterThan(0.5 * Math.PI * R * R);
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * want);
  });

  it('a ring not closed, ending inside the disc: as the plain rule (no edge of it taken as closing)', () => {
    // west side far west, the south side, the east side far east up to the centre's latitude
    const f = zone([[-1, 1], ...densify([[-1, 1], [-1, -1], [1, -1], [1, 0]], 20).slice(1)]);
    const [got] = unionAreasInDisc([[prepareParts(toParts(f.geometry))]], F, R);
    const want = bruteUnion([f], F, R);
    // the lines south of the centre cross it twice (covered), the others once (not)
    expect(Math.abs(want / (Math.PI * R * R) - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * want);
  });
});
