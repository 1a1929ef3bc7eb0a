/**
 * Prepared parts (extremes.ts): small parts (≤ 32 segments) have no R-tree and are scanned. The
 * one-point distance `pointToPreparedDistance` is, by contract, `preparedDistance` from the point
 * as its own parts; both, and containment, must give the same values on small and large parts,
 * for points inside, outside, on a vertex and on an edge.
 */
import { describe, it, expect } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { pointToPartsM, pointToPreparedDistance, preparedContains, preparedDistance, preparedPointDistance, prepareParts } from '../../src/lib/geo/extremes.ts';
import { pointInParts, toParts } from '../../src/lib/geo/geometry.ts';
import { loadPackage } from './helpers.ts';

/** mulberry32 seeded RNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const layers = loadPackage(new URL('../../public/geodata', import.meta.url).pathname);
// the commune with the most vertices
const commune = layers.communes!.features.map((f) => f.geometry).reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
const square: Geometry = { type: 'Polygon', coordinates: [[[105.8, 22.1], [105.85, 22.1], [105.85, 22.15], [105.8, 22.15], [105.8, 22.1]]] };
const withHole: Geometry = {
  type: 'Polygon',
  coordinates: [
    [[105.9, 22.2], [105.98, 22.21], [105.97, 22.29], [105.91, 22.28], [105.9, 22.2]],
    [[105.93, 22.23], [105.95, 22.23], [105.95, 22.25], [105.93, 22.25], [105.93, 22.23]],
  ],
};
const line: Geometry = { type: 'LineString', coordinates: [[105.7, 22.0], [105.75, 22.04], [105.78, 22.01], [105.8, 22.06]] };
const cases: [string, Geometry][] = [['square', square], ['polygon with a hole', withHole], ['line', line], ['commune (large)', commune]];

describe('prepared parts, small (scanned) and large (R-tree)', () => {
  it('the cases cover both sides of the threshold', () => {
    expect(prepareParts(toParts(square)).fb).toBeNull();
    expect(prepareParts(toParts(withHole)).fb).toBeNull();
    expect(prepareParts(toParts(commune)).fb).not.toBeNull();
  });

  for (const [name, g] of cases) {
    it(`${name}: one-point distance = preparedDistance from the point; containment and distance as the unindexed parts`, () => {
      const parts = toParts(g);
      const P = prepareParts(parts);
      const [w, s, e, n] = P.bbox;
      const r = rng(7);
      const pts: Position[] = [];
      for (let k = 0; k < 300; k++) pts.push([w - 0.02 + r() * (e - w + 0.04), s - 0.02 + r() * (n - s + 0.04)]);
      // vertices and edge midpoints
      for (const l of parts.paths) for (let i = 1; i < l.length; i++) pts.push(l[i], [(l[i - 1][0] + l[i][0]) / 2, (l[i - 1][1] + l[i][1]) / 2]);
      let inside = 0, zero = 0;
      pts.forEach((p, k) => {
        const d = pointToPreparedDistance(p[0], p[1], P);
        expect(d).toBe(preparedDistance(prepareParts({ points: [p], paths: [], polygons: [] }), P));
        // (on the boundary, containment is either: random points only)
        if (k < 300) expect(preparedContains(P, p[0], p[1])).toBe(parts.polygons.length > 0 && pointInParts(p[0], p[1], parts));
        // the unindexed distance (foot in the plane at the point) agrees to a millimetre
        expect(Math.abs(preparedPointDistance(P, p[0], p[1]) - pointToPartsM(p[0], p[1], parts))).toBeLessThan(1e-3);
        if (preparedContains(P, p[0], p[1])) inside++;
        if (d === 0) zero++;
      });
      if (parts.polygons.length) expect(inside).toBeGreaterThan(10);
      expect(zero).toBeGreaterThan(0);
      expect(zero).toBeLessThan(pts.length);
    });
  }
});
