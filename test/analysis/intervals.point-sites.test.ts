/**
 * Distance intervals of drawn point sites against commune-placed point targets (the one-point
 * path of intervals.ts, which prunes regions by box distance and skips farthest-vertex measures):
 * the answer equals the brute force over every target, with the same metric —
 * L = min_t d(site, R_t) (0 inside R_t), U = min_t max_{v ∈ hull(R_t)} d(site, v), the basis the
 * classes of the targets with L_t ≤ U — exactly, with and without the point-estimate seed.
 */
import { describe, it, expect } from 'vitest';
import type { Feature } from 'geojson';
import { createPlacementResolver } from '../../src/lib/analysis/placement.ts';
import { createIntervalIndex } from '../../src/lib/analysis/intervals.ts';
import { buildTargetIndex } from '../../src/lib/geo/index.ts';
import { farthestFromPoint, pointToPreparedDistance, prepareParts } from '../../src/lib/geo/extremes.ts';
import { loadPackage } from '../geo/helpers.ts';

const layers = loadPackage(new URL('../../public/geodata', import.meta.url).pathname);
const communes = layers.communes!.features;
const districts = layers.districts!.features;

/** mulberry32 seeded RNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

describe('intervals of drawn point sites, commune-placed targets', () => {
  // one target per commune, and a second class (district) for a few, so the basis has two classes
  const targets: Feature[] = communes.map((c, k) => {
    const ring = (c.geometry.type === 'Polygon' ? c.geometry.coordinates : (c.geometry as { coordinates: number[][][][] }).coordinates[0])[0];
    const district = k % 7 === 0;
    const placedIn = district ? [String(districts[k % districts.length].properties!.id)] : [String(c.properties!.id)];
    return { type: 'Feature', properties: { id: `t${k}`, accuracy: district ? 'district' : 'commune', placed_in: placedIn }, geometry: { type: 'Point', coordinates: ring[0] } };
  });
  const resolve = createPlacementResolver(communes, districts);
  const iv = createIntervalIndex(targets, resolve);
  const ix = buildTargetIndex(targets);
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const t of targets) { const p = resolve(t); for (const q of p.hull!) { w = Math.min(w, q[0]); e = Math.max(e, q[0]); s = Math.min(s, q[1]); n = Math.max(n, q[1]); } }
  const r = rng(99);
  const sites: Feature[] = Array.from({ length: 150 }, (_, k) => ({ type: 'Feature', properties: { id: `s${k}` }, geometry: { type: 'Point', coordinates: [w - 0.05 + r() * (e - w + 0.1), s - 0.05 + r() * (n - s + 0.1)] } }));

  it('has targets of two classes and sites', () => {
    expect(targets.length).toBeGreaterThan(50);
    expect(new Set(targets.map((t) => resolve(t).kind))).toEqual(new Set(['placed']));
    expect(new Set(targets.map((t) => resolve(t).accuracy))).toEqual(new Set(['commune', 'district']));
  });

  for (const seeded of [true, false]) {
    it(`equal the brute force over every target (${seeded ? 'seeded by the point answer' : 'no seed'})`, () => {
      let inside = 0, twoClasses = 0;
      const prepared = targets.map((t) => prepareParts(resolve(t).parts));
      for (const site of sites) {
        const [px, py] = (site.geometry as { coordinates: number[] }).coordinates;
        let L = Infinity, U = Infinity;
        const lts = targets.map((t, k) => {
          const p = resolve(t);
          const Lt = pointToPreparedDistance(px, py, prepared[k]);
          L = Math.min(L, Lt); U = Math.min(U, farthestFromPoint(px, py, p.hull!));
          return { Lt, acc: p.accuracy };
        });
        const classes = [...new Set(lts.filter((x) => x.Lt <= U).map((x) => x.acc))].sort((a, b) => (a === 'commune' ? -1 : b === 'commune' ? 1 : 0));
        const got = iv.nearest(resolve(site), undefined, seeded ? ix.nearest(site.geometry) : null)!;
        expect(got.minM).toBe(L);
        expect(got.maxM).toBe(Math.max(L, U));
        expect(got.basis.targets).toEqual(classes);
        if (L === 0) inside++;
        if (classes.length === 2) twoClasses++;
      }
      // the sample covers sites inside and outside the regions, and bases of both classes
      expect(inside).toBeGreaterThan(10);
      expect(inside).toBeLessThan(sites.length);
      expect(twoClasses).toBeGreaterThan(0);
    }, 60_000);
  }
});
