/** Map overlays of the selected site: the catchment ring is the disc the catchment measured. */
import { describe, it, expect } from 'vitest';
import circle from '@turf/circle';
import type { LineString, Polygon } from 'geojson';
import { catchmentRing, connectorLines } from '../../src/lib/ui/overlays.ts';
import { discRing, frameAt, polygonInDisc } from '../../src/lib/geo/index.ts';
import { analyzeSites } from '../../src/lib/analysis/analyze.ts';
import { geodesicM, loadPackage } from '../geo/helpers.ts';

const layers = loadPackage();
const rows = analyzeSites(layers['industrial-sites']!, layers, { radiusKm: 10 });

describe('catchment ring', () => {
  it('is the ellipsoidal disc of the catchment: every vertex R from the centre (GeographicLib), unlike a spherical circle', () => {
    expect(rows.length).toBeGreaterThan(0);
    const a = rows[0];
    const fc = catchmentRing(a, 10);
    expect(fc.features.length).toBe(1);
    expect(fc.features[0].properties).toEqual({ id: 'catchment', radiusKm: 10 });
    const ring = (fc.features[0].geometry as Polygon).coordinates[0];
    expect(ring.length).toBe(129);
    expect(ring[128]).toEqual(ring[0]);
    let worst = 0;
    for (const p of ring) worst = Math.max(worst, Math.abs(geodesicM(a.centre, p) - 10_000));
    expect(worst).toBeLessThan(10); // < 0.1 %: the local frame's own error at 10 km
    // turf's circle is on a 6371 km sphere: its N–S radius is ~45 m short of 10 km here
    const turfNorth = (circle(a.centre, 10, { steps: 128, units: 'kilometers' }).geometry.coordinates[0][0]);
    expect(10_000 - geodesicM(a.centre, turfNorth)).toBeGreaterThan(30);
  });

  it('encloses exactly the area the catchment measures (π R² in the frame)', () => {
    const c = rows[0].centre;
    const ring = discRing(c, 5000, 512);
    const r = polygonInDisc({ type: 'Polygon', coordinates: [ring] }, frameAt(c), 5000);
    expect(r.totalM2 / (Math.PI * 5000 ** 2)).toBeCloseTo(1, 3);
    expect(r.insideM2 / r.totalM2).toBeCloseTo(1, 6);
    expect(() => discRing(c, -1)).toThrow('radiusM must be a positive number, got -1');
    expect(() => discRing(c, 5, 2)).toThrow('steps must be an integer ≥ 3, got 2');
  });

  it('no site, no overlays', () => {
    expect(catchmentRing(undefined, 10).features).toEqual([]);
    expect(connectorLines(undefined, 'vi', 'wood').features).toEqual([]);
  });

  it('connectors go from the site to each nearest target, labelled with the distance', () => {
    const a = rows.find((r) => r.nearest.mvLine && r.nearest.mvLine.distanceM > 0)!;
    expect(a).toBeDefined();
    const mv = connectorLines(a, 'en', 'wood').features.find((f) => f.properties?.kind === 'mv')!;
    expect((mv.geometry as LineString).coordinates).toEqual([a.nearest.mvLine!.nearestSite, a.nearest.mvLine!.nearestTarget]);
    expect(mv.properties?.targetId).toBe(a.nearest.mvLine!.id);
  });
});
