import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { geojsonBlob } from '../../src/lib/map/geojson-url.ts';
import { forMapLibre } from '../../src/lib/map/safe-features.ts';

/** `n` points on a grid, with a key the style reads, one it does not, and a reserved one. */
function points(n: number): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      id: i,
      properties: { id: `p-${i}`, name: `Điểm ${i}`, secret: 'x', constructor: 'y', status: i % 2 ? 'planned' : 'established' },
      geometry: { type: 'Point', coordinates: [105.5 + (i % 300) * 0.001, 22 + Math.floor(i / 300) * 0.001] },
    })),
  };
}

describe('geojsonBlob', () => {
  const keys = new Set(['id', 'name', 'status', 'constructor']);

  it('writes the same collection MapLibre would get as an object, over several slices', async () => {
    const fc = points(5123);
    let yields = 0;
    const blob = await geojsonBlob(fc, keys, () => false, async () => { yields++; });
    expect(blob).not.toBeNull();
    expect(yields).toBeGreaterThan(1);
    const text = await blob!.text();
    // Byte for byte what MapLibre would have been given as an object.
    expect(text).toBe(JSON.stringify(forMapLibre(fc, keys)));
    const parsed = JSON.parse(text) as FeatureCollection;
    expect(parsed.features.length).toBe(fc.features.length);
    // Only the style's keys, never a reserved name.
    expect(Object.keys(parsed.features[0].properties!).sort()).toEqual(['id', 'name', 'status']);
    expect(parsed.features[7].id).toBe(7);
  });

  it('writes an empty and a one-slice collection as valid GeoJSON', async () => {
    for (const n of [0, 1, 10]) {
      const parsed = JSON.parse(await (await geojsonBlob(points(n), keys))!.text()) as FeatureCollection;
      expect(parsed.type).toBe('FeatureCollection');
      expect(parsed.features.map((f) => f.properties?.id)).toEqual(points(n).features.map((f) => f.properties?.id));
    }
  });

  it('stops when a newer collection replaced this one', async () => {
    let stale = false;
    const blob = await geojsonBlob(points(5000), keys, () => stale, async () => { stale = true; });
    expect(blob).toBeNull();
  });
});
