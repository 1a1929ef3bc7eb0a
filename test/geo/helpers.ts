/** Shared helpers of the geo tests. */
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import geodesic from 'geographiclib-geodesic';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import type { Layers } from '../../src/lib/analysis/index.ts';

export const FIXTURES = new URL('../fixtures/geo/', import.meta.url).pathname;
export const PACKAGE_DIR = `${FIXTURES}package`;

/** Region extent used by property tests: 105.4–106.3 E, 21.8–22.75 N. */
export const REGION = { west: 105.4, east: 106.3, south: 21.8, north: 22.75 } as const;

/** Recursively freeze an object (fixtures must never be mutated by the engine). */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

/** GeographicLib WGS84 geodesic distance, metres. */
export function geodesicM(a: readonly number[], b: readonly number[]): number {
  return geodesic.Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;
}

/**
 * Geodesic distance from P to the lon/lat-straight segment AB, by golden-section search on t
 * (the distance along the segment is unimodal at this scale), then a fine scan around it.
 */
export function geodesicToSegment(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const at = (t: number) => geodesicM(p, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
  let lo = 0, hi = 1;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 80; i++) {
    const m1 = hi - g * (hi - lo), m2 = lo + g * (hi - lo);
    if (at(m1) < at(m2)) hi = m2; else lo = m1;
  }
  return Math.min(at(0), at(1), at((lo + hi) / 2));
}

export function readFc(path: string): FeatureCollection {
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
}

/** The test data package (test/fixtures/geo/package), deep-frozen. */
export function loadPackage(dir = PACKAGE_DIR): Layers {
  const layers: Layers = {};
  for (const id of LAYER_IDS) {
    const p = `${dir}/${id}.geojson`;
    if (existsSync(p)) layers[id] = deepFreeze(readFc(p));
  }
  return layers;
}

/** Round every number in a JSON value (for snapshots): metres to 0.1 m, degrees to 1e-6. */
export function roundDeep(v: unknown, digits = 6): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toFixed(digits)) : String(v);
  if (Array.isArray(v)) return v.map((x) => roundDeep(x, digits));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x, /M$|Ha$|M2$|value|people|contribution|score|weight|areaHa/.test(k) ? 2 : digits)]));
  return v;
}

/** A golden case: test/fixtures/geo/<op>/in/<case>.geojson. */
export type GoldenCase = FeatureCollection & { properties: { op: string; description: string; options: Record<string, unknown>; expected: Record<string, unknown> } };
/** The features of a case with a given `role` property. */
export const role = (c: GoldenCase, r: string): Feature[] => c.features.filter((f) => (f.properties as { role?: string }).role === r);
/** A debug feature written into a golden output. */
export const goldenFeature = (g: Geometry, p: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: g, properties: p });

/**
 * Golden fixtures: every test/fixtures/geo/<op>/in/<case>.geojson is run through its operation;
 * the op asserts the hand-checked `expected` values in the fixture's properties, and the rounded
 * output is compared with test/fixtures/geo/<op>/out/<case>.geojson (toMatchFileSnapshot). The
 * output opens as a map (QGIS, geojson.io): the case's input features (with their `role`), then
 * the op's debug features (`role: "result"`: nearest-point segments, catchment rings).
 * Inputs are deep-frozen: the code under test must never mutate them.
 */
export function runGolden(ops: Record<string, (c: GoldenCase) => { result: unknown; features: Feature[] }>): void {
  for (const op of Object.keys(ops)) {
    describe(`golden ${op}`, () => {
      const dir = `${FIXTURES}${op}/in`;
      const files = readdirSync(dir).filter((f) => f.endsWith('.geojson')).sort();
      it('has cases', () => expect(files.length).toBeGreaterThan(0));
      for (const file of files) {
        it(file.replace('.geojson', ''), async () => {
          const c = deepFreeze(readFc(`${dir}/${file}`)) as GoldenCase;
          const { result, features } = ops[op](c);
          const debug = features.map((f) => ({ ...f, properties: { role: 'result', ...f.properties } }));
          const out = { type: 'FeatureCollection', properties: { op, case: file, description: c.properties.description, options: c.properties.options, result: roundDeep(result) }, features: roundDeep([...c.features, ...debug]) };
          await expect(JSON.stringify(out, null, 1) + '\n').toMatchFileSnapshot(`${FIXTURES}${op}/out/${file}`);
        });
      }
    });
  }
}
