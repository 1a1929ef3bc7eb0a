/** Catchment: cross-checked against @turf/circle + @turf/intersect + @turf/area on real communes. */
import { describe, it, expect } from 'vitest';
import circle from '@turf/circle';
import intersect from '@turf/intersect';
import area from '@turf/area';
import { featureCollection } from '@turf/helpers';
import type { Feature, Polygon, MultiPolygon } from 'geojson';
import fc from 'fast-check';
import { polygonInDisc, frameAt, areaHa, ringAreaScaled } from '../../src/lib/geo/index.ts';
import { catchment } from '../../src/lib/analysis/index.ts';
import geodesic from 'geographiclib-geodesic';
import { loadPackage } from '../geo/helpers.ts';

const layers = loadPackage();
const communes = layers.communes!.features as Feature<Polygon | MultiPolygon>[];

describe('catchment', () => {
  it('exact circle area (Green + box pre-clip) = turf intersect with a 2048-gon of the same frame, concave polygons with holes', () => {
    const star = fc.tuple(fc.double({ min: 105.5, max: 106.2, noNaN: true }), fc.double({ min: 21.9, max: 22.6, noNaN: true }), fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 5, maxLength: 200 }), fc.double({ min: 0.005, max: 0.1, noNaN: true }));
    fc.assert(fc.property(star, fc.double({ min: -0.08, max: 0.08, noNaN: true }), fc.double({ min: -0.08, max: 0.08, noNaN: true }), fc.double({ min: 0.3, max: 8, noNaN: true }), fc.boolean(), ([cx, cy, radii, size], ox, oy, rKm, withHole) => {
      const ring = radii.map((q, k) => { const a = (2 * Math.PI * k) / radii.length; return [cx + size * q * Math.cos(a), cy + size * q * Math.sin(a)]; });
      ring.push(ring[0]);
      const hole = [[cx - size * 0.1, cy - size * 0.1], [cx - size * 0.1, cy + size * 0.1], [cx + size * 0.1, cy + size * 0.1], [cx + size * 0.1, cy - size * 0.1], [cx - size * 0.1, cy - size * 0.1]];
      const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: withHole ? [ring, hole] : [ring] } };
      const centre: [number, number] = [cx + ox, cy + oy];
      const F = frameAt(centre);
      const R = rKm * 1000;
      const discRing = Array.from({ length: 2049 }, (_, k) => { const a = (2 * Math.PI * (k % 2048)) / 2048; return [centre[0] + (R * Math.cos(a)) / F.kx, centre[1] + (R * Math.sin(a)) / F.ky]; });
      const disc: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [discRing] } };
      const inter = intersect(featureCollection([poly, disc]));
      let ref = 0;
      if (inter) {
        const polys = inter.geometry.type === 'Polygon' ? [inter.geometry.coordinates] : inter.geometry.coordinates;
        for (const pp of polys) pp.forEach((r, k) => { ref += (k === 0 ? 1 : -1) * Math.abs(ringAreaScaled(r, F.kx, F.ky)); });
      }
      const ours = polygonInDisc(poly.geometry, F, R).insideM2;
      expect(Math.abs(ours - ref)).toBeLessThanOrEqual(1e-4 * Math.PI * R * R + 1);
    }), { numRuns: 150, seed: 17 });
  }, 60_000);

  it('clipped commune areas agree with turf circle(256)+intersect+area (turf is spherical: rim slivers differ)', () => {
    const centre: [number, number] = [105.84774, 22.17474]; // TBA 110 kV E26.1 (Bắc Kạn town)
    const R = 5000;
    const disc = circle(centre, R / 1000, { steps: 256, units: 'kilometers' });
    const discM2 = Math.PI * R * R;
    const F = frameAt(centre);
    let sumOurs = 0, sumTurf = 0, checked = 0;
    for (const c of communes) {
      const ours = polygonInDisc(c.geometry, F, R).insideM2;
      const inter = intersect(featureCollection([c, disc]));
      const turf = inter ? area(inter) : 0;
      sumOurs += ours; sumTurf += turf;
      if (turf > 0) checked++;
      // turf's "5 km" circle is drawn on a 6371 km sphere (≈ 4980 m N–S, 5010 m E–W in WGS84
      // metres here), so per-commune slivers at the rim differ; bound the difference by 0.5 % of the disc
      expect(Math.abs(ours - turf)).toBeLessThan(0.005 * discM2);
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    // the communes tile the disc: both totals ≈ the disc area
    expect(Math.abs(sumOurs - discM2) / discM2).toBeLessThan(0.002);
    expect(Math.abs(sumOurs - sumTurf) / sumTurf).toBeLessThan(0.002);
  }, 60_000);

  it('whole commune areas within 0.1 % of GeographicLib geodesic polygon area (turf area: 0.3 %)', () => {
    for (const c of communes.slice(0, 30)) {
      const ring = (c.geometry.type === 'Polygon' ? c.geometry.coordinates : c.geometry.coordinates[0])[0];
      const poly = geodesic.Geodesic.WGS84.Polygon(false);
      for (const p of ring.slice(0, -1)) poly.AddPoint(p[1], p[0]);
      const geoHa = Math.abs(poly.Compute(false, true).area!) / 1e4;
      const single = { type: 'Polygon' as const, coordinates: [ring] };
      const ours = areaHa(single);
      expect(Math.abs(ours - geoHa) / geoHa).toBeLessThan(0.001);
      expect(Math.abs(area(single) / 1e4 - geoHa) / geoHa).toBeLessThan(0.004);
    }
  });

  it('population within 10 km of Bắc Kạn town from 2009 communes (real values)', () => {
    const r = catchment({ type: 'Point', coordinates: [105.84774, 22.17474] }, 10, { communes: layers.communes!.features });
    expect(r.population!.year).toBe(2009);
    // the 8 wards/communes of the town alone had 28 897 people in 2009; a 10 km disc takes most
    // of them plus parts of neighbours, but far less than the province (~294 k)
    expect(r.population!.value).toBeGreaterThan(25_000);
    expect(r.population!.value).toBeLessThan(60_000);
    const sum = r.population!.communes.reduce((s, c) => s + c.people, 0);
    expect(sum).toBeCloseTo(r.population!.value, 6);
    for (const c of r.population!.communes) { expect(c.share).toBeGreaterThan(0); expect(c.share).toBeLessThanOrEqual(1); }
  });

  it('a disc covering the whole province returns the whole 2009 population', () => {
    const total = communes.reduce((s, c) => s + (c.properties as unknown as { population_2009: number }).population_2009, 0);
    const r = catchment({ type: 'Point', coordinates: [105.85, 22.27] }, 150, { communes: layers.communes!.features });
    expect(r.population!.value).toBeCloseTo(total, 0);
  });

  it('missing layers → null fields; empty layers → zeros', () => {
    const site = { type: 'Point' as const, coordinates: [105.85, 22.13] };
    const none = catchment(site, 5, {});
    expect(none.zones).toBeNull(); expect(none.deposits).toBeNull(); expect(none.mvLineLengthM).toBeNull(); expect(none.population).toBeNull();
    const empty = catchment(site, 5, { 'material-zones': [], 'mineral-sites': [], 'power-lines': [], communes: [] });
    expect(empty.zones).toEqual([]); expect(empty.deposits!.count).toBe(0); expect(empty.mvLineLengthM!.total).toBe(0); expect(empty.population!.value).toBe(0);
  });

  it('polygon site: disc centred on the area centroid', () => {
    const r = catchment({ type: 'Polygon', coordinates: [[[105.84, 22.12], [105.86, 22.12], [105.86, 22.14], [105.84, 22.14], [105.84, 22.12]]] }, 1, {});
    expect(r.centre[0]).toBeCloseTo(105.85, 9);
    expect(r.centre[1]).toBeCloseTo(22.13, 9);
  });

  it.each([[-1, 'radiusKm must be a positive number, got -1'], [0, 'radiusKm must be a positive number, got 0'], [NaN, 'radiusKm must be a positive number, got NaN'], ['5', 'radiusKm must be a positive number, got "5"']])('bad radius %s throws', (r, msg) => {
    expect(() => catchment({ type: 'Point', coordinates: [105.85, 22.13] }, r as number, {})).toThrow(msg);
  });
});
