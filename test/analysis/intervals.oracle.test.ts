/**
 * Oracle of the distance intervals: for commune-placed targets, the engine's lower and upper
 * bounds equal a brute force over the placement polygons (GeographicLib geodesics between densely
 * sampled positions, refined around the best samples) within 0.1 %, on a real-data row (a
 * commune-placed site of the data package) and on a drawn polygon site and a drawn line site.
 *
 * Definitions (src/lib/analysis/intervals.ts): L = min_t min_{s∈S, p∈T_t} d(s, p);
 * U = sup over the true positions of the nearest distance: for a drawn site G,
 * min_t max_{p∈T_t} d(G, p); for a placed site P, max_{s∈P} min_t max_{p∈T_t} d(s, p).
 */
import { describe, it, expect } from 'vitest';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { createPlacementResolver } from '../../src/lib/analysis/placement.ts';
import { createIntervalIndex } from '../../src/lib/analysis/intervals.ts';
import { geodesicM, loadPackage } from '../geo/helpers.ts';

const DIR = new URL('../../public/geodata', import.meta.url).pathname;
const layers = loadPackage(DIR);
const byId = new Map([...layers.communes!.features, ...layers.districts!.features].map((f) => [String(f.properties!.id), f]));
// the commune-placed deposits of the package (smelters are not deposits)
const targets = layers['mineral-sites']!.features.filter((f) => f.properties!.accuracy === 'commune' && f.properties!.kind !== 'smelter');
const polysOf = (ids: string[]): Position[][][] => ids.flatMap((id) => {
  const g = byId.get(id)!.geometry as Polygon | MultiPolygon;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
});
const regionOf = (f: Feature) => polysOf(f.properties!.placed_in as string[]);
const inside = (p: Position, polys: Position[][][]) => polys.some((rings) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: rings }));

/** Points along every ring (every vertex, plus points every ~stepM), lon/lat-straight edges. */
function boundary(polys: Position[][][] | Position[][], stepM: number): Position[] {
  const rings = (Array.isArray(polys[0][0][0]) ? (polys as Position[][][]).flat() : polys) as Position[][];
  const out: Position[] = [];
  for (const r of rings) for (let i = 1; i < r.length; i++) {
    const a = r[i - 1], b = r[i];
    const n = Math.max(1, Math.ceil(geodesicM(a, b) / stepM));
    for (let k = 0; k < n; k++) out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
    out.push(b);
  }
  return out;
}
/** A grid of points inside the polygons, every ~stepM, around a box (or the polygons' bbox). */
function grid(polys: Position[][][], stepM: number, box?: [number, number, number, number]): Position[] {
  const all = polys.flat(2);
  const [w, s, e, n] = box ?? [Math.min(...all.map((c) => c[0])), Math.min(...all.map((c) => c[1])), Math.max(...all.map((c) => c[0])), Math.max(...all.map((c) => c[1]))];
  const dLon = stepM / 103_000, dLat = stepM / 110_700;
  const out: Position[] = [];
  for (let x = w; x <= e; x += dLon) for (let y = s; y <= n; y += dLat) if (inside([x, y], polys)) out.push([x, y]);
  return out;
}
/** Geodesic distance from a point to a lon/lat-straight polyline (16 samples per segment, then a golden-section search around the best). */
function toLine(p: Position, line: Position[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1], b = line[i];
    const at = (t: number) => geodesicM(p, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    let bt = 0, bd = Infinity;
    for (let k = 0; k <= 16; k++) { const d = at(k / 16); if (d < bd) { bd = d; bt = k / 16; } }
    let lo = Math.max(0, bt - 1 / 16), hi = Math.min(1, bt + 1 / 16);
    const g = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 24; k++) { const m1 = hi - g * (hi - lo), m2 = lo + g * (hi - lo); if (at(m1) < at(m2)) hi = m2; else lo = m1; }
    best = Math.min(best, bd, at((lo + hi) / 2));
  }
  return best;
}
/**
 * Max of f over a polygonal region: a grid (step S) plus the boundary (step S/4), then twice a
 * finer grid and boundary (S/15, then S/225) around the five best samples.
 */
function maxOver(polys: Position[][][], f: (p: Position) => number, S: number): number {
  const score = (ps: Position[]) => ps.map((p) => ({ p, v: f(p) })).sort((a, b) => b.v - a.v);
  let top = score([...grid(polys, S), ...boundary(polys, S / 4)]);
  let best = top[0].v, half = S;
  for (const step of [S / 15, S / 225]) {
    const fineB = boundary(polys, step / 2);
    const next: Position[] = [];
    for (const { p } of top.slice(0, 3)) {
      const box: [number, number, number, number] = [p[0] - half / 103_000, p[1] - half / 110_700, p[0] + half / 103_000, p[1] + half / 110_700];
      next.push(...grid(polys, step, box), ...fineB.filter((q) => q[0] >= box[0] && q[0] <= box[2] && q[1] >= box[1] && q[1] <= box[3]));
    }
    top = score(next);
    if (top.length) best = Math.max(best, top[0].v);
    half = step;
  }
  return best;
}
/** Min distance between two polygon sets: boundary samples (step S), then both boundaries at S/100 within ±S of the best pair. */
function minBetween(A: Position[][][], B: Position[][][], S: number): number {
  const a = boundary(A, S), b = boundary(B, S);
  let best = Infinity, pa = a[0], pb = b[0];
  for (const x of a) for (const y of b) { const d = geodesicM(x, y); if (d < best) { best = d; pa = x; pb = y; } }
  const near = (q: Position, c: Position) => Math.abs(q[0] - c[0]) * 103_000 <= S && Math.abs(q[1] - c[1]) * 110_700 <= S;
  const fa = boundary(A, S / 100).filter((q) => near(q, pa)), fb = boundary(B, S / 100).filter((q) => near(q, pb));
  for (const x of fa) for (const y of fb) best = Math.min(best, geodesicM(x, y));
  return best;
}
const farthest = (s: Position, pts: Position[]) => { let m = 0; for (const p of pts) { const d = geodesicM(s, p); if (d > m) m = d; } return m; };

const resolve = createPlacementResolver(layers.communes!.features, layers.districts!.features);
const ix = createIntervalIndex(targets, resolve);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, b);

describe('distance intervals against a brute force over the placement polygons (GeographicLib)', () => {
  it('has commune-placed deposits to test against', () => {
    expect(targets.map((f) => f.properties!.id).sort()).toEqual(['gold-thuan-mang-kim-hy', 'mine-keo-nang', 'mine-na-bua', 'mine-nam-shi', 'mine-pu-chang']);
  });

  it('real-data row: CCN Cẩm Giàng (placed by commune) to the nearest commune-placed deposit', () => {
    const site = layers['industrial-sites']!.features.find((f) => f.properties!.id === 'ccn-cam-giang')!;
    const P = regionOf(site);
    const r = ix.nearest(resolve(site))!;
    expect(r.basis).toEqual({ site: 'commune', targets: expect.arrayContaining(['commune']), indicative: false });
    // brute force
    const Ts = targets.map((t) => ({ polys: regionOf(t), b: boundary(regionOf(t), 500) }));
    const L = Math.min(...Ts.map((t) => minBetween(P, t.polys, 300)));
    const U = maxOver(P, (s) => Math.min(...Ts.map((t) => farthest(s, t.b))), 300);
    expect({ minM: r.minM, maxM: r.maxM }).toEqual({ minM: expect.any(Number), maxM: expect.any(Number) });
    expect(rel(r.minM!, L), `L ${r.minM} vs ${L}`).toBeLessThan(1e-3);
    expect(rel(r.maxM!, U), `U ${r.maxM} vs ${U}`).toBeLessThan(1e-3);
    expect(r.maxM!).toBeGreaterThanOrEqual(U * (1 - 1e-4)); // a bound: never below the attained worst case
    expect(r.minM!).toBeGreaterThan(10_000); // real values: ≈ 14.2 and 35.3 km
    expect(r.maxM!).toBeGreaterThan(30_000);
  }, 180_000);

  const cases: [string, Feature][] = [
    ['drawn polygon site', { type: 'Feature', properties: { id: 'poly' }, geometry: { type: 'Polygon', coordinates: [[[105.70, 22.30], [105.73, 22.30], [105.73, 22.33], [105.70, 22.33], [105.70, 22.30]]] } }],
    ['drawn line site', { type: 'Feature', properties: { id: 'line' }, geometry: { type: 'LineString', coordinates: [[105.60, 22.05], [105.66, 22.08], [105.70, 22.04]] } }],
  ];
  for (const [name, site] of cases) {
    it(`${name}: min and max over the deposits' communes`, () => {
      const r = ix.nearest(resolve(site))!;
      expect(r.basis.site).toBe('drawn');
      const G = site.geometry.type === 'Polygon' ? (site.geometry as Polygon).coordinates[0] : (site.geometry as { coordinates: Position[] }).coordinates;
      const siteIsArea = site.geometry.type === 'Polygon';
      const dSite = (p: Position) => (siteIsArea && inside(p, [[G]]) ? 0 : toLine(p, G));
      const Ts = targets.map((t) => ({ polys: regionOf(t) }));
      const L = Math.min(...Ts.map((t) => minBetween([[G]], t.polys, 300)));
      // per target the worst position, then the least of them (the site is known: positions are independent)
      const U = Math.min(...Ts.map((t) => maxOver(t.polys, dSite, 400)));
      expect(rel(r.minM!, L), `L ${r.minM} vs ${L}`).toBeLessThan(1e-3);
      expect(rel(r.maxM!, U), `U ${r.maxM} vs ${U}`).toBeLessThan(1e-3);
      expect(r.maxM!).toBeGreaterThan(r.minM!);
    }, 300_000);
  }
});
