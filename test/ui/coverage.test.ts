import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import { coverage, type Coverage } from '../../src/lib/ui/coverage.ts';

/** The answer with Turf alone, polygon by polygon, every vertex (what `coverage` did before its index). */
function byTurf(site: Feature, region: FeatureCollection): Coverage {
  const polys = region.features.filter((f): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  if (!polys.length) return 'inside';
  const g = site.geometry;
  const pts: Position[] = g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates[0].slice(0, -1) : [];
  const n = pts.filter((p) => polys.some((poly) => booleanPointInPolygon(p, poly))).length;
  return n === pts.length ? 'inside' : n === 0 ? 'outside' : 'partly';
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const point = (c: Position): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } });
const square = (c: Position, d: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[c[0] - d, c[1] - d], [c[0] + d, c[1] - d], [c[0] + d, c[1] + d], [c[0] - d, c[1] + d], [c[0] - d, c[1] - d]]] } });

const region = JSON.parse(readFileSync('public/geodata/region.geojson', 'utf8')) as FeatureCollection<Polygon>;
const outline = region.features[0].geometry.coordinates[0];

describe('coverage of sites by the region (indexed outline)', () => {
  it('says what Turf says for random points and squares over the region, its vertices and its edges', () => {
    const [w, s, e, n] = bbox(region);
    const r = rng(7);
    const sites: Feature[] = [];
    for (let i = 0; i < 6000; i++) sites.push(point([w - 0.05 + r() * (e - w + 0.1), s - 0.05 + r() * (n - s + 0.1)]));
    for (let i = 0; i < 600; i++) sites.push(square([w + r() * (e - w), s + r() * (n - s)], 0.002 + r() * 0.05));
    // on the outline: every vertex, the middle of every edge, and points a hair either side
    for (let i = 0; i + 1 < outline.length; i++) {
      const [x1, y1] = outline[i], [x2, y2] = outline[i + 1];
      sites.push(point([x1, y1]), point([(x1 + x2) / 2, (y1 + y2) / 2]), point([(x1 + x2) / 2 + 1e-7, (y1 + y2) / 2]), point([(x1 + x2) / 2, (y1 + y2) / 2 - 1e-7]));
    }
    const got = sites.map((f) => coverage(f, region));
    const want = sites.map((f) => byTurf(f, region));
    expect(got).toEqual(want);
    // the sample reaches every answer (so the comparison means something)
    expect(new Set(want)).toEqual(new Set(['inside', 'outside', 'partly']));
    expect(want.filter((c) => c === 'inside').length).toBeGreaterThan(1000);
  });

  it('handles holes and multipolygons like Turf', () => {
    const ring = (x: number, y: number, d: number): Position[] => [[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]];
    const holed: FeatureCollection = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(0, 0, 1), ring(0, 0, 0.4)] } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring(3, 0, 0.5)], [ring(5, 0, 0.5)]] } },
    ] };
    const probes: Position[] = [[0, 0], [0.7, 0], [0.4, 0], [1, 1], [2, 0], [3, 0.2], [5, -0.5], [4, 0], [-1.2, 0], [0.4, 0.1]];
    for (const p of probes) expect(coverage(point(p), holed), JSON.stringify(p)).toBe(byTurf(point(p), holed));
    expect(coverage(point([0, 0]), holed)).toBe('outside'); // in the hole
    expect(coverage(point([0.7, 0]), holed)).toBe('inside');
    expect(coverage(point([5, 0.1]), holed)).toBe('inside');
  });

  it('is inside without a region', () => {
    expect(coverage(point([0, 0]), undefined)).toBe('inside');
    expect(coverage(point([0, 0]), { type: 'FeatureCollection', features: [] })).toBe('inside');
  });
});
