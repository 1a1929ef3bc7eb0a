import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { PointsTiles, TILE_EXTENT } from '../../src/lib/map/points-tiles.ts';
import { BIG_POINTS_LAYER, CLUSTER_MAX_ZOOM, CLUSTER_RADIUS, BIG_POINTS_ALONE_ZOOM } from '../../src/lib/map/big-points.ts';
import type { PointsPart } from '../../src/lib/map/display-part.ts';

/** mulberry32, seeded (test data only). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** `count` points in a 0.4° box near Bắc Kạn, numbered 1, 3, 5… (as if every other feature were a line). */
function part(count: number, seed: number): PointsPart {
  const r = rng(seed);
  const coords = new Float64Array(count * 2);
  const n = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    coords[i * 2] = +(105.6 + r() * 0.4).toFixed(6);
    coords[i * 2 + 1] = +(22.0 + r() * 0.4).toFixed(6);
    n[i] = i * 2 + 1;
  }
  return { coords, n };
}

/** The same points as the GeoJSON MapLibre was given before: one feature per point, with its id. */
function collection(layers: [string, PointsPart][]): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const [id, p] of layers) for (let i = 0; i < p.n.length; i++) features.push({ type: 'Feature', properties: { id: `${id}-${p.n[i]}` }, geometry: { type: 'Point', coordinates: [p.coords[i * 2], p.coords[i * 2 + 1]] } });
  return { type: 'FeatureCollection', features };
}

/** MapLibre's own clustered GeoJSON index for a source with this app's options (see geojson_source.ts). */
function maplibreIndex(fc: FeatureCollection) {
  return new GeoJSONVT(fc, {
    extent: TILE_EXTENT, maxZoom: BIG_POINTS_ALONE_ZOOM, buffer: 64 * 16, tolerance: 0.375 * 16, promoteId: 'id',
    cluster: true, clusterOptions: { maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2, extent: TILE_EXTENT, radius: CLUSTER_RADIUS * 16, log: false, generateId: false },
  });
}

/** A tile's features as "x,y|properties" text, sorted. */
function decoded(bytes: Uint8Array): string[] {
  if (!bytes.length) return [];
  const layer = new VectorTile(new PbfReader(bytes)).layers[BIG_POINTS_LAYER];
  expect(layer.extent).toBe(TILE_EXTENT);
  return Array.from({ length: layer.length }, (_, i) => {
    const f = layer.feature(i);
    expect(f.type).toBe(1);
    const [[p]] = f.loadGeometry();
    return `${p.x},${p.y}|${JSON.stringify(f.properties)}`;
  }).sort();
}

/** The tile x/y holding a lon/lat at zoom z. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const s = 2 ** z;
  const y = (1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2;
  return [Math.floor(((lon + 180) / 360) * s), Math.floor(y * s)];
}

describe('PointsTiles: the big points as clustered vector tiles', () => {
  const a = part(3000, 1);
  const b = part(1500, 2);

  it('cuts the same groups and points, with the same properties, as MapLibre clustered the GeoJSON', () => {
    const tiles = new PointsTiles();
    tiles.put('user-a', part(3000, 1));
    tiles.put('user-b', part(1500, 2));
    expect(tiles.show(['user-a', 'user-b'])).toBe(4500);
    const ref = maplibreIndex(collection([['user-a', a], ['user-b', b]]));
    let groups = 0, points = 0;
    for (const z of [6, 8, 10, 12, 13, 14]) {
      const [x0, y0] = tileOf(105.6, 22.4, z);
      const [x1, y1] = tileOf(106.0, 22.0, z);
      for (let x = x0; x <= Math.min(x1, x0 + 2); x++) for (let y = y0; y <= Math.min(y1, y0 + 2); y++) {
        const mine = decoded(tiles.tile(z, x, y));
        const want = (ref.getTile(z, x, y)?.features ?? []).map((f) => `${(f.geometry as number[][])[0].join(',')}|${JSON.stringify(f.tags)}`).sort();
        expect(mine, `${z}/${x}/${y}`).toEqual(want);
        groups += mine.filter((t) => t.includes('"cluster":true')).length;
        points += mine.filter((t) => t.includes('"id":"user-')).length;
      }
    }
    // both kinds were compared
    expect(groups).toBeGreaterThan(50);
    expect(points).toBeGreaterThan(50);
  });

  it('holds every point once at zoom 0, in groups and alone, with ids of both layers', () => {
    const tiles = new PointsTiles();
    tiles.put('user-a', part(3000, 1));
    tiles.put('user-b', part(1500, 2));
    tiles.show(['user-a', 'user-b']);
    const all = decoded(tiles.tile(0, 0, 0)).map((t) => JSON.parse(t.split('|')[1]) as Record<string, unknown>);
    expect(all.reduce((s, p) => s + (p.cluster ? Number(p.point_count) : 1), 0)).toBe(4500);
    // At zoom 14 every point stands alone with its own id.
    const [x, y] = tileOf(105.6 + 0.0001, 22.0 + 0.0001, 14);
    const ids = decoded(tiles.tile(14, x, y)).map((t) => JSON.parse(t.split('|')[1]).id as string);
    expect(ids.every((id) => /^user-[ab]-\d*[13579]$/.test(id))).toBe(true);
  });

  it('answers the zoom at which a group splits', () => {
    // Two pairs alone: 10 m apart (one group up to the last grouped zoom) and 300 m apart (apart at 13).
    const lat = 22.1, perM = 1 / (111_320 * Math.cos((lat * Math.PI) / 180));
    const pair = (lon: number, m: number): number[] => [lon, lat, lon + m * perM, lat];
    const tiles = new PointsTiles();
    tiles.put('user-p', { coords: new Float64Array([...pair(105.7, 10), ...pair(105.9, 300)]), n: new Uint32Array([1, 2, 3, 4]) });
    expect(tiles.show(['user-p'])).toBe(4);
    const groupAt = (lon: number, z: number) => {
      const [x, y] = tileOf(lon, lat, z);
      return decoded(tiles.tile(z, x, y)).map((t) => JSON.parse(t.split('|')[1])).filter((p) => p.cluster);
    };
    const near = groupAt(105.7, 10);
    expect(near).toHaveLength(1);
    expect(near[0].point_count).toBe(2);
    expect(tiles.expansionZoom(near[0].cluster_id)).toBe(BIG_POINTS_ALONE_ZOOM);
    const far = groupAt(105.9, 10);
    expect(far).toHaveLength(1);
    expect(tiles.expansionZoom(far[0].cluster_id)).toBe(13);
    // …where it is no longer one group, and just before, still one
    expect(groupAt(105.9, 13)).toHaveLength(0);
    expect(groupAt(105.9, 12)).toHaveLength(1);
    expect(groupAt(105.7, 13)).toHaveLength(1);
    expect(groupAt(105.7, 14)).toHaveLength(0);
  });

  it('drops the layers no longer shown, and is empty without points', () => {
    const tiles = new PointsTiles();
    tiles.put('user-a', part(3000, 1));
    tiles.put('user-b', part(1500, 2));
    expect(tiles.show(['user-b'])).toBe(1500);
    expect(tiles.has('user-a')).toBe(false);
    expect(tiles.has('user-b')).toBe(true);
    expect(tiles.show([])).toBe(0);
    expect(tiles.tile(0, 0, 0)).toHaveLength(0);
    expect(tiles.expansionZoom(1)).toBeNull();
  });
});
