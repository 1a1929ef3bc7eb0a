import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { displayPart, joinFeatureParts, readStoredParts, storedParts, type PointsPart } from '../../src/lib/map/display-part.ts';
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

/** The points of `parts` as [id, lon, lat] for `spec`. */
const pointsOf = (spec: UserLayerSpec, parts: { points: PointsPart | null }) =>
  Array.from(parts.points!.n, (n, i) => [`${spec.id}-${n}`, parts.points!.coords[i * 2], parts.points!.coords[i * 2 + 1]]);

describe('displayPart', () => {
  const keys = new Set(['id', 'name', 'accuracy', 'constructor']);

  it('gives, in slices, the position and number of exactly the points the layer draws', async () => {
    const spec = layer(4500);
    let yields = 0;
    const parts = await displayPart(spec, keys, async () => { yields++; });
    expect(parts.other).toBeNull();
    const want = normaliseUserLayer(spec).features.map((f) => [f.properties?.id, ...(f.geometry as Point).coordinates]);
    expect(pointsOf(spec, parts)).toEqual(want);
    expect(want).toHaveLength(4500 - Math.floor((4500 - 4) / 7) - 1);
    expect(pointsOf(spec, parts)[0]).toEqual(['user-abc-1', 105.5, 22]);
    expect(parts.points!.coords.length).toBe(parts.points!.n.length * 2);
    expect(yields).toBe(2);
  });

  it('is null when no feature can be drawn', async () => {
    const spec = layer(1);
    spec.collection.features[0].geometry = null as never;
    expect(await displayPart(spec, keys)).toEqual({ points: null, other: null });
  });

  it('gives single points apart from the other features, in the layer\'s order', async () => {
    const spec = layer(30);
    spec.collection.features[5].geometry = { type: 'LineString', coordinates: [[105.5, 22], [105.6, 22.1]] };
    spec.collection.features[9].geometry = { type: 'MultiPoint', coordinates: [[105.5, 22], [105.6, 22.1]] };
    spec.collection.features[12].geometry = { type: 'Point', coordinates: [NaN, 22] };
    const parts = await displayPart(spec, keys);
    const other = JSON.parse(`[${await parts.other!.text()}]`);
    expect(other[0].properties).toEqual({ id: 'user-abc-6', name: 'Điểm 5', accuracy: 'imported' });
    expect(other.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['user-abc-6', 'user-abc-10']);
    const want = normaliseUserLayer(spec).features.filter((f) => f.geometry?.type === 'Point' && f.properties?.id !== 'user-abc-13')
      .map((f) => [f.properties?.id, ...(f.geometry as Point).coordinates]);
    expect(pointsOf(spec, parts)).toEqual(want);
    expect(want).toHaveLength(30 - 4 - 3); // 4 without a geometry (i % 7 === 3), the line, the multipoint, the point without a longitude
  });
});

describe('displayPart of a site list', () => {
  it('gives its points with the numbers of the sites\' ids (the analysis rows\' ids), its site polygons as features with the site\'s keys', async () => {
    const spec: UserLayerSpec = { ...layer(40), id: 'user-site', name: 'sites.geojson', role: 'sites' };
    spec.collection.features[4].geometry = { type: 'Polygon', coordinates: [[[105.5, 22], [105.6, 22], [105.6, 22.1], [105.5, 22]]] };
    spec.collection.features[8].geometry = { type: 'LineString', coordinates: [[105.5, 22], [105.6, 22.1]] }; // not a site
    const parts = await displayPart(spec, new Set(['id', 'name', 'kind', 'status']));
    const sites = normaliseUserLayer(spec).features;
    // Every point site, numbered as the site's id (so a drawn point's id is its row's id).
    expect(pointsOf(spec, parts)).toEqual(sites.filter((f) => f.geometry?.type === 'Point').map((f) => [f.properties?.id, ...(f.geometry as Point).coordinates]));
    const other = JSON.parse(`[${await parts.other!.text()}]`);
    expect(other).toEqual([{ type: 'Feature', geometry: spec.collection.features[4].geometry, properties: { id: 'user-site-5', name: 'Điểm 4', kind: 'candidate', status: 'imported' } }]);
    expect(pointsOf(spec, parts).map((p) => p[0])).not.toContain('user-site-9');
  });
});

describe('stored parts', () => {
  it('are read back for the same keys and format only', async () => {
    const spec = layer(30);
    spec.collection.features[5].geometry = { type: 'LineString', coordinates: [[105.5, 22], [105.6, 22.1]] };
    const parts = await displayPart(spec, new Set(['id']));
    const stored = structuredClone(storedParts(parts, ['id', 'name']));
    const back = readStoredParts(stored, ['id', 'name'])!;
    expect(pointsOf(spec, back)).toEqual(pointsOf(spec, parts));
    expect(back.points!.coords).toBeInstanceOf(Float64Array);
    expect(await back.other!.text()).toBe(await parts.other!.text());
    expect(readStoredParts(stored, ['id'])).toBeNull(); // written for other keys (another build)
    expect(readStoredParts({ ...stored, format: 0 }, ['id', 'name'])).toBeNull();
    expect(readStoredParts({ ...stored, points: { coords: new Float64Array(3), n: new Uint32Array(2) } }, ['id', 'name'])).toBeNull();
    expect(readStoredParts(undefined, ['id', 'name'])).toBeNull();
    expect(readStoredParts(storedParts({ points: null, other: null }, []), [])).toEqual({ points: null, other: null });
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
