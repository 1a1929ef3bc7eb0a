/**
 * Property tests against GeographicLib (Geodesic.WGS84.Inverse) over the region extent: the
 * engine's ellipsoidal distances must be within 0.1 % (or 1 m) of the geodesic.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import CheapRuler from 'cheap-ruler';
import type { Feature, Geometry } from 'geojson';
import { distanceM, pointSegment, geometryDistance, buildTargetIndex, rulerFactors } from '../../src/lib/geo/index.ts';
import { REGION, geodesicM, geodesicToSegment, deepFreeze } from './helpers.ts';

const lon = fc.double({ min: REGION.west, max: REGION.east, noNaN: true });
const lat = fc.double({ min: REGION.south, max: REGION.north, noNaN: true });
const pt = fc.tuple(lon, lat);
const tol = (g: number) => Math.max(1, 0.001 * g);

describe('ellipsoidal distance vs GeographicLib', () => {
  it('ruler factors equal cheap-ruler (metres)', () => {
    for (const l of [21.8, 22.2, 22.75, 0, 60]) {
      const r = new CheapRuler(l, 'meters');
      const f = rulerFactors(l);
      expect(f.kx).toBeCloseTo(r.kx, 9);
      expect(f.ky).toBeCloseTo(r.ky, 9);
    }
  });

  it('point–point within 0.1 % (or 1 m), in fact < 0.005 %', () => {
    let worst = 0;
    fc.assert(fc.property(pt, pt, (a, b) => {
      const g = geodesicM(a, b), d = distanceM(a, b);
      expect(Math.abs(d - g)).toBeLessThanOrEqual(tol(g));
      if (g > 100) worst = Math.max(worst, Math.abs(d - g) / g);
    }), { numRuns: 2000, seed: 42 });
    expect(worst).toBeLessThan(5e-5);
  });

  it('point–segment: perpendicular foot, within 0.1 % (or 1 m) of the geodesic minimum', () => {
    fc.assert(fc.property(pt, pt, pt, (p, a, b) => {
      const r = pointSegment(p[0], p[1], a[0], a[1], b[0], b[1]);
      const g = geodesicToSegment(p, a, b);
      expect(Math.abs(r.distanceM - g)).toBeLessThanOrEqual(tol(g));
      // the foot lies on the segment
      expect(r.t).toBeGreaterThanOrEqual(0);
      expect(r.t).toBeLessThanOrEqual(1);
    }), { numRuns: 300, seed: 7 });
  });

  it('short segments near the point (metre scale) are right too', () => {
    fc.assert(fc.property(pt, fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.double({ min: -0.01, max: 0.01, noNaN: true }), (p, dx, dy, dz) => {
      const a = [p[0] + dx, p[1] + dy], b = [p[0] + dz, p[1] - dy];
      const r = pointSegment(p[0], p[1], a[0], a[1], b[0], b[1]);
      const g = geodesicToSegment(p, a, b);
      expect(Math.abs(r.distanceM - g)).toBeLessThanOrEqual(tol(g));
    }), { numRuns: 200, seed: 9 });
  });

  it('segments crossing by construction → 0 at the crossing', () => {
    fc.assert(fc.property(pt, fc.double({ min: 0.001, max: 0.2, noNaN: true }), fc.double({ min: 0, max: Math.PI, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (x, len, ang, dAng) => {
      const seg = (th: number): Geometry => ({ type: 'LineString', coordinates: [[x[0] - len * Math.cos(th), x[1] - len * Math.sin(th)], [x[0] + len * Math.cos(th), x[1] + len * Math.sin(th)]] });
      const r = geometryDistance(seg(ang), seg(ang + dAng));
      expect(r.distanceM).toBe(0);
      expect(distanceM(r.nearestA, x)).toBeLessThan(0.01);
    }), { numRuns: 300, seed: 3 });
  });

  it('geometry distance is symmetric and matches the geodesic between its nearest points', () => {
    const line = fc.array(pt, { minLength: 2, maxLength: 5 }).map((c): Geometry => ({ type: 'LineString', coordinates: c }));
    const point = pt.map((c): Geometry => ({ type: 'Point', coordinates: c }));
    const geom = fc.oneof(line, point);
    fc.assert(fc.property(geom, geom, (a, b) => {
      deepFreeze(a); deepFreeze(b);
      const ab = geometryDistance(a, b), ba = geometryDistance(b, a);
      expect(Math.abs(ab.distanceM - ba.distanceM)).toBeLessThanOrEqual(tol(ab.distanceM));
      if (ab.distanceM > 0) {
        const g = geodesicM(ab.nearestA, ab.nearestB);
        expect(Math.abs(ab.distanceM - g)).toBeLessThanOrEqual(tol(g));
      }
    }), { numRuns: 300, seed: 11 });
  });
});

describe('target index = brute force', () => {
  const feature = fc.oneof(
    pt.map((c): Geometry => ({ type: 'Point', coordinates: c })),
    fc.array(pt, { minLength: 2, maxLength: 4 }).map((c): Geometry => ({ type: 'LineString', coordinates: c })),
    fc.tuple(pt, fc.double({ min: 0.001, max: 0.1, noNaN: true })).map(([c, s]): Geometry => ({ type: 'Polygon', coordinates: [[c, [c[0] + s, c[1]], [c[0] + s, c[1] + s], [c[0], c[1] + s], c]] })),
  );
  it('nearest(point site) has the brute-force minimum distance, and ≈ geodesic', () => {
    fc.assert(fc.property(fc.array(feature, { minLength: 1, maxLength: 40 }), pt, fc.array(fc.constantFrom('a', 'b'), { minLength: 40, maxLength: 40 }), (geoms, q, cats) => {
      const feats: Feature[] = deepFreeze(geoms.map((g, i) => ({ type: 'Feature', geometry: g, properties: { id: `t${i}`, cat: cats[i] } })));
      const ix = buildTargetIndex(feats, { categoryOf: (f) => (f.properties as { cat: string }).cat });
      const site: Geometry = { type: 'Point', coordinates: q };
      for (const category of [undefined, 'a', 'b']) {
        const pool = feats.filter((f) => !category || (f.properties as { cat: string }).cat === category);
        const r = ix.nearest(site, category ? { category } : {});
        if (pool.length === 0) { expect(r).toBeNull(); continue; }
        const brute = Math.min(...pool.map((f) => geometryDistance(site, f.geometry).distanceM));
        expect(r).not.toBeNull();
        expect(Math.abs(r!.distanceM - brute)).toBeLessThanOrEqual(1e-6 * Math.max(1, brute) + 1e-6);
        if (r!.distanceM > 0) expect(Math.abs(r!.distanceM - geodesicM(r!.nearestA, r!.nearestB))).toBeLessThanOrEqual(tol(r!.distanceM));
      }
    }), { numRuns: 200, seed: 5 });
  });
  it('nearest(polygon site) equals brute force over geometryDistance', () => {
    fc.assert(fc.property(fc.array(feature, { minLength: 1, maxLength: 25 }), feature, (geoms, s) => {
      const feats: Feature[] = geoms.map((g, i) => ({ type: 'Feature', geometry: g, properties: { id: `t${i}` } }));
      const ix = buildTargetIndex(feats);
      const r = ix.nearest(s)!;
      const brute = Math.min(...feats.map((f) => geometryDistance(s, f.geometry).distanceM));
      expect(Math.abs(r.distanceM - brute)).toBeLessThanOrEqual(1e-6 * Math.max(1, brute));
    }), { numRuns: 200, seed: 6 });
  });
});
