import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Position } from 'geojson';
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
});
