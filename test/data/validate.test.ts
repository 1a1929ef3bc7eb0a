import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import {
  LAYER_GEOMETRY_TYPES, LAYER_PROPERTY_SPECS, validateLayer, validateManifest,
} from '../../src/lib/data/validate.ts';

/** The test region: the manifest bbox of the bundled package (the region is data, passed in). */
const BBOX: [number, number, number, number] = [105.43153, 21.80442, 106.24693, 22.74089];

const FIX = join(import.meta.dirname, '..', 'fixtures', 'data');
const load = (rel: string): unknown => JSON.parse(readFileSync(join(FIX, rel), 'utf8'));

/** Validates a fixture that must fail and returns its issues. */
function issuesOf(layer: Parameters<typeof validateLayer>[0], rel: string) {
  const r = validateLayer(layer, load(rel), { bbox: BBOX });
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('unreachable');
  return r.issues;
}

describe('validateLayer', () => {
  it('accepts a valid collection and returns it as the value', () => {
    const data = load('valid/industrial-sites.geojson');
    const r = validateLayer('industrial-sites', data, { bbox: BBOX });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe(data);
      expect(r.value.features.map((f) => f.properties.id)).toEqual(['kcn-a', 'ccn-b']);
    }
  });

  it('checks placed_in: polygon ids of the feature own placement level, on commune- or district-placed features only', () => {
    const feature = (accuracy: string, placedIn: unknown) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [105.8, 21.9] },
      properties: { id: 'ccn-x', name: 'CCN X', kind: 'cluster', status: 'planned', phase: 'planned-2030', accuracy, sources: ['https://example.org/s'], placed_in: placedIn },
    });
    const messages = (accuracy: string, placedIn: unknown) => {
      const r = validateLayer('industrial-sites', { type: 'FeatureCollection', features: [feature(accuracy, placedIn)] }, { bbox: BBOX });
      return r.ok ? [] : r.issues.map((i) => i.message);
    };
    expect(messages('commune', ['commune-2071223', 'commune-2071217'])).toEqual([]);
    expect(messages('district', ['district-064'])).toEqual([]);
    expect(messages('commune', undefined)).toEqual([]);
    expect(messages('commune', ['xa-1'])).toEqual(['industrial-sites feature 0 (ccn-x) properties.placed_in: "xa-1" does not match /^(?:commune|district)-\\d+$/']);
    expect(messages('commune', ['district-064'])).toEqual(['industrial-sites feature 0 (ccn-x) properties.placed_in: "district-064" is not a commune polygon id']);
    expect(messages('traced', ['commune-2071223'])).toEqual(['industrial-sites feature 0 (ccn-x) properties.placed_in: only commune- or district-placed features carry it (accuracy is "traced")']);
    expect(messages('commune', [])).toEqual(['industrial-sites feature 0 (ccn-x) properties.placed_in: must be a non-empty array of non-empty strings']);
  });

  it('rejects a geometry type the layer does not allow', () => {
    const [i] = issuesOf('industrial-sites', 'invalid/wrong-geometry-type.geojson');
    expect(i).toMatchObject({ featureIndex: 0, id: 'kcn-a', path: 'geometry.type' });
    expect(i.message).toBe('industrial-sites feature 0 (kcn-a) geometry.type: geometry type "LineString" is not allowed here (allowed: Point, Polygon, MultiPolygon)');
  });

  it('rejects an open ring', () => {
    const issues = issuesOf('material-zones', 'invalid/open-ring.geojson');
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('geometry.coordinates[0]');
    expect(issues[0].message).toContain('ring is not closed');
  });

  it('rejects a position outside the region bbox (the geocoder fallback point 14.058, 108.277)', () => {
    const [i] = issuesOf('mineral-sites', 'invalid/out-of-bbox.geojson');
    expect(i.path).toBe('geometry.coordinates');
    expect(i.message).toContain('position [108.277, 14.058] is outside the region bbox');
  });

  it('allows the bbox margin for neighbours only', () => {
    // A point of Hà Giang 1° west of the province is fine for neighbours, not for communes.
    const ring = [[104.5, 22.5], [104.6, 22.5], [104.6, 22.6], [104.5, 22.5]];
    const nb = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { name: 'Hà Giang', code: '02' } }] };
    expect(validateLayer('neighbours', nb, { bbox: BBOX }).ok).toBe(true);
    const props = { id: 'commune-1', name: 'X', district: 'Y', population_2009: 1, area_ha_2009: 1, accuracy: 'generalised', sources: ['s'] };
    const cm = { type: 'FeatureCollection', features: [{ ...nb.features[0], properties: props }] };
    const r = validateLayer('communes', cm, { bbox: BBOX });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toHaveLength(4); // four of the ring's positions lie outside
  });

  it('rejects missing and empty sources', () => {
    const issues = issuesOf('power-plants', 'invalid/missing-sources.geojson');
    expect(issues.map((i) => [i.featureIndex, i.path, i.message.split(': ').at(-1)])).toEqual([
      [0, 'properties.sources', 'required property is missing'],
      [1, 'properties.sources', 'must be a non-empty array of non-empty strings'],
    ]);
  });

  it('rejects duplicate ids, naming the first user', () => {
    const issues = issuesOf('mineral-sites', 'invalid/duplicate-ids.geojson');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ featureIndex: 1, id: 'mine-a', path: 'properties.id' });
    expect(issues[0].message).toContain('duplicate id "mine-a" (first used by feature 0)');
  });

  it('rejects bad ids, enum values, ranges and as_of formats', () => {
    const issues = issuesOf('industrial-sites', 'invalid/bad-values.geojson');
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(Object.keys(byPath).sort()).toEqual([
      'properties.as_of', 'properties.id', 'properties.occupancy_pct', 'properties.sectors', 'properties.status',
    ]);
    expect(byPath['properties.id']).toContain('"KCN A" does not match');
    expect(byPath['properties.status']).toContain('"unknown" is not one of operating, under-construction, established, planned');
    expect(byPath['properties.occupancy_pct']).toContain('140 is above the maximum 100');
    expect(byPath['properties.sectors']).toContain('"space" is not one of');
    expect(byPath['properties.as_of']).toContain('"Nov 2023" does not match');
  });

  it('rejects non-finite coordinates', () => {
    const [i] = issuesOf('power-substations', 'invalid/non-finite-coordinate.geojson');
    expect(i.message).toContain('coordinates must be finite numbers, got [105.8, null]');
  });

  it('rejects a one-position line and a voltage outside VOLTAGES_KV', () => {
    const issues = issuesOf('power-lines', 'invalid/wrong-voltage.geojson');
    expect(issues.map((i) => i.path)).toEqual(['geometry.coordinates', 'properties.voltage_kv']);
    expect(issues[0].message).toContain('a line needs at least 2 positions');
    expect(issues[1].message).toContain('500 is not one of 22, 35, 110, 220');
  });

  it('rejects something that is not a FeatureCollection, and an unknown layer', () => {
    const r = validateLayer('roads', load('invalid/not-a-collection.json'), { bbox: BBOX });
    expect(r).toEqual({ ok: false, issues: [{ featureIndex: -1, path: '', message: 'roads: not a GeoJSON FeatureCollection' }] });
    const u = validateLayer('railways' as never, { type: 'FeatureCollection', features: [] }, { bbox: BBOX });
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.issues[0].message).toBe('unknown layer id "railways"');
  });

  it('caps the number of issues', () => {
    const f = { type: 'Feature', geometry: null, properties: {} };
    const r = validateLayer('roads', { type: 'FeatureCollection', features: Array(50).fill(f) }, { bbox: BBOX, maxIssues: 7 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toHaveLength(7);
  });

  it('has geometry types and property specs for every layer', () => {
    for (const id of LAYER_IDS) {
      expect(LAYER_GEOMETRY_TYPES[id].length).toBeGreaterThan(0);
      expect(Object.keys(LAYER_PROPERTY_SPECS[id]).length).toBeGreaterThan(0);
    }
  });

  it('is pure TypeScript: no Svelte, MapLibre or DOM', () => {
    const src = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'lib', 'data', 'validate.ts'), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['./schema.ts']);
    expect(src).not.toMatch(/\b(document|window|HTMLElement)\b/);
  });
});

describe('validateManifest', () => {
  const good = {
    schemaVersion: 1,
    region: { id: 'bac-kan', name: 'Bắc Kạn (cũ)', name_en: 'former Bắc Kạn province', bbox: [105.4, 21.8, 106.2, 22.7], note_vi: 'x', note_en: 'y' },
    dataAsOf: '2025-10',
    layers: [{ id: 'roads', file: 'roads.geojson', featureCount: 5, licence: 'x', sha256: 'a'.repeat(64) }],
    inputs: {},
  };
  it('accepts a well-formed manifest', () => {
    expect(validateManifest(good).ok).toBe(true);
  });
  it('rejects a wrong schema version, an inverted bbox, a bad date and an unknown layer', () => {
    const bad = {
      ...good, schemaVersion: 2, dataAsOf: 'October 2025',
      region: { ...good.region, bbox: [106.2, 21.8, 105.4, 22.7] },
      layers: [...good.layers, { ...good.layers[0], id: 'railways' }],
    };
    const r = validateManifest(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(['schemaVersion', 'region.bbox', 'dataAsOf', 'layers[1].id']);
      expect(r.issues[0].message).toBe('manifest schemaVersion: expected 1, got 2');
    }
  });
});
