import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { frameAt, polygonInDisc } from '../../src/lib/geo/disc.ts';

// Its own file: the disc measures keep scratch buffers per module, which grow on the first ring
// larger than they are; here that ring is the first one measured.
describe('polygonInDisc on a ring larger than its scratch buffers', () => {
  it('a square of 4 000 vertices around the disc measures the whole disc, the first time too', () => {
    const F = frameAt([105.83, 22.15]);
    const R = 10_000;
    const dLon = (1.5 * R) / F.kx, dLat = (1.5 * R) / F.ky;
    const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]];
    const ring = corners.slice(0, -1).flatMap(([x, y], i) => {
      const [x2, y2] = corners[i + 1];
      return Array.from({ length: 1000 }, (_, k) => [F.lon0 + (x + ((x2 - x) * k) / 1000) * dLon, F.lat0 + (y + ((y2 - y) * k) / 1000) * dLat]);
    });
    ring.push(ring[0]);
    const g: Polygon = { type: 'Polygon', coordinates: [ring] };
    const first = polygonInDisc(g, F, R).insideM2;
    expect(Math.abs(first - Math.PI * R * R)).toBeLessThan(1e-9 * Math.PI * R * R);
    expect(polygonInDisc(g, F, R).insideM2).toBe(first);
  });
});
