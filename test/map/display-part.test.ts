import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { displayPart, joinFeatureParts } from '../../src/lib/map/display-part.ts';
import { forMapLibre } from '../../src/lib/map/safe-features.ts';
import { normaliseUserLayer, userFeatureById, type UserLayerSpec } from '../../src/lib/data/user-layers.ts';

/** `n` features: points, with every 7th without a geometry (left out), and a reserved key. */
function layer(n: number): UserLayerSpec {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      properties: { name: `Điểm ${i}`, constructor: 'y', value: i % 97 },
      geometry: i % 7 === 3 ? null : { type: 'Point', coordinates: [105.5 + (i % 300) * 0.001, 22 + Math.floor(i / 300) * 0.001] },
    })) as FeatureCollection['features'],
  };
  return { id: 'user-abc', name: 'pts.geojson', role: 'reference', replace: false, collection };
}

describe('displayPart', () => {
  const keys = new Set(['id', 'name', 'accuracy', 'constructor']);

  it('writes, in slices, exactly the normalised features MapLibre would get', async () => {
    const spec = layer(4500);
    let yields = 0;
    const parts = await displayPart(spec, keys, async () => { yields++; });
    expect(parts.other).toBeNull();
    const got = JSON.parse(`[${await parts.points!.text()}]`);
    // Single points carry only what the clustered layers read: their id.
    const want = forMapLibre({ type: 'FeatureCollection', features: normaliseUserLayer(spec).features }, new Set(['id'])).features;
    expect(got).toEqual(JSON.parse(JSON.stringify(want)));
    expect(got).toHaveLength(4500 - Math.floor((4500 - 4) / 7) - 1);
    expect(got[0].properties).toEqual({ id: 'user-abc-1' });
    expect(yields).toBe(2);
  });

  it('is null when no feature can be drawn', async () => {
    const spec = layer(1);
    spec.collection.features[0].geometry = null as never;
    expect(await displayPart(spec, keys)).toEqual({ points: null, other: null });
  });

  it('writes single points apart from the other features, in the layer\'s order', async () => {
    const spec = layer(30);
    spec.collection.features[5].geometry = { type: 'LineString', coordinates: [[105.5, 22], [105.6, 22.1]] };
    spec.collection.features[9].geometry = { type: 'MultiPoint', coordinates: [[105.5, 22], [105.6, 22.1]] };
    const parts = await displayPart(spec, keys);
    const points = JSON.parse(`[${await parts.points!.text()}]`);
    const other = JSON.parse(`[${await parts.other!.text()}]`);
    expect(other[0].properties).toEqual({ id: 'user-abc-6', name: 'Điểm 5', accuracy: 'imported' });
    expect(other.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['user-abc-6', 'user-abc-10']);
    expect(points.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
    const want = normaliseUserLayer(spec).features.filter((f) => f.geometry?.type === 'Point').map((f) => f.properties?.id);
    expect(points.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(want);
    expect(points).toHaveLength(30 - 4 - 2); // 4 without a geometry (i % 7 === 3), the line and the multipoint
  });
});

describe('joinFeatureParts', () => {
  it('joins Blob and string parts into one collection, leaving empty parts out', async () => {
    const a = new Blob(['{"type":"Feature","properties":{"id":"a"},"geometry":null}']);
    const b = '{"type":"Feature","properties":{"id":"b"},"geometry":null},{"type":"Feature","properties":{"id":"c"},"geometry":null}';
    const fc = JSON.parse(await joinFeatureParts(['', a, new Blob([]), b]).text());
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['a', 'b', 'c']);
    expect(JSON.parse(await joinFeatureParts([]).text()).features).toEqual([]);
  });
});

describe('userFeatureById', () => {
  it('normalises the one feature an id names, as the whole layer would', () => {
    const spec = layer(50);
    const all = normaliseUserLayer(spec).features;
    expect(userFeatureById([spec], 'user-abc-13')).toEqual(all.find((f) => f.properties?.id === 'user-abc-13'));
    expect(userFeatureById([spec], 'user-abc-4')).toBeNull(); // no geometry: skipped
    expect(userFeatureById([spec], 'user-abc-51')).toBeNull();
    expect(userFeatureById([spec], 'user-abc-x')).toBeNull();
    expect(userFeatureById([spec], 'user-abd-1')).toBeNull();
  });
});
