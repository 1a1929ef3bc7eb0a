import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { forMapLibre, styleKeys } from '../../src/lib/map/safe-features';
import { allLayers } from '../../src/lib/map/style';
import { normaliseUserLayer, type UserLayerSpec } from '../../src/lib/data/user-layers';

// JSON.parse makes `__proto__` an own property, as a user's file would.
const hostile = JSON.parse('{"constructor":"c","__proto__":{"x":1},"$name":"Map","$type":"t","name":"Mỏ A","crop":"wood","nested":{"$name":"x"},"kind":{"constructor":1}}');
const fc: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.8, 22.1] }, properties: hostile }] };

describe('only safe property keys reach MapLibre', () => {
  it('the style reads a small, known set of keys', () => {
    const keys = styleKeys(allLayers());
    expect([...keys].sort()).toEqual(['accuracy', 'area_ha', 'code', 'color', 'crop', 'id', 'kind', 'label', 'mineral', 'name', 'road_class', 'status', 'voltage_kv']);
  });
  it('constructor, __proto__, $name, $type and nested objects are dropped; primitives the style reads are kept', () => {
    const out = forMapLibre(fc, styleKeys(allLayers()));
    const p = out.features[0].properties!;
    expect(Object.keys(p).sort()).toEqual(['crop', 'name']);
    expect(p).toEqual({ name: 'Mỏ A', crop: 'wood' });
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(out.features[0].geometry).toBe(fc.features[0].geometry);
  });
  it("a file's point_count never reaches MapLibre (it would be drawn as a group of points)", () => {
    const pts: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.8, 22.1] }, properties: { name: 'a', point_count: 99, point_count_abbreviated: '99', cluster: true, cluster_id: 1 } }] };
    expect(forMapLibre(pts, styleKeys(allLayers())).features[0].properties).toEqual({ name: 'a' });
  });
  it('a reserved name is dropped even if a style were to read it', () => {
    const out = forMapLibre(fc, new Set(['constructor', '$name', '__proto__', 'name']));
    expect(out.features[0].properties).toEqual({ name: 'Mỏ A' });
  });
  it("the app's own copy (what the card shows) keeps the original names and values", () => {
    const spec: UserLayerSpec = { id: 'user-1', name: 'x.geojson', role: 'reference', replace: false, collection: fc };
    const [f] = normaliseUserLayer(spec).features;
    expect(Object.hasOwn(f.properties!, 'constructor')).toBe(true);
    expect(f.properties!.constructor).toBe('c');
    expect(f.properties!.$name).toBe('Map');
    expect(f.properties!.$type).toBe('t');
    expect(Object.hasOwn(f.properties!, '__proto__')).toBe(true);
    const safe = forMapLibre({ type: 'FeatureCollection', features: [f] }, styleKeys(allLayers()));
    expect(safe.features[0].properties).toEqual({ id: 'user-1-1', name: 'Mỏ A', accuracy: 'imported', crop: 'wood' });
  });
  it('the same collection gives the same copy (no work on every effect run)', () => {
    const keys = styleKeys(allLayers());
    expect(forMapLibre(fc, keys)).toBe(forMapLibre(fc, keys));
  });
});
