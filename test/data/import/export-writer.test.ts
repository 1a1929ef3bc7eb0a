/**
 * The collection writer: a file written a part of the features at a time is the same text as the
 * whole collection written at once, in every format, CRS and with credits.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { collectionWriter, csvPlan, exportCollection, type ExportOptions } from '../../../src/lib/data/export/index.ts';

const dec = new TextDecoder('utf-8', { ignoreBOM: true });
const credits = { attribution: 'Boundaries: x (GPL-3.0)', license: 'GPL-3.0' };

function collection(n: number, polygons = false): FeatureCollection<Geometry | null> {
  const features: Feature<Geometry | null>[] = [];
  for (let i = 0; i < n; i++) {
    const lon = 105.6 + (i % 17) * 0.013, lat = 22.0 + (i % 11) * 0.017;
    const geometry: Geometry = polygons && i % 3 === 0
      ? { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat]]] }
      : { type: 'Point', coordinates: [lon, lat] };
    // property names met late (only in later features) must still become columns
    const properties: Record<string, unknown> = { name: `Khu "${i}", ${i % 2 ? 'Chợ Mới' : '=SUM(A1)'}`, area_ha: i * 1.5 };
    if (i > 5) properties.late = i;
    features.push({ type: 'Feature', id: `f${i}`, geometry, properties });
  }
  return { type: 'FeatureCollection', features };
}

/** The file written in parts of `size` features. */
function streamed(fc: FeatureCollection<Geometry | null>, options: ExportOptions, size: number): string {
  const w = collectionWriter(options, csvPlan(fc.features));
  let text = w.head;
  for (let i = 0; i < fc.features.length; i += size) text += w.part(fc.features.slice(i, i + size));
  return text + w.tail;
}

describe('a collection written in parts', () => {
  const cases: [string, ExportOptions, boolean][] = [
    ['GeoJSON WGS 84', { format: 'geojson' }, false],
    ['GeoJSON VN-2000 with credits', { format: 'geojson', crs: 9209, credits }, true],
    ['CSV x/y VN-2000 with credits', { format: 'csv', crs: 9209, credits }, false],
    ['CSV WKT', { format: 'csv' }, true],
    ['KML with credits', { format: 'kml', credits }, true],
  ];
  for (const [what, options, polygons] of cases) {
    it(`${what}: the same text as the whole, whatever the part size`, () => {
      const fc = collection(23, polygons);
      const whole = dec.decode(exportCollection(fc, options).bytes);
      expect(whole.length).toBeGreaterThan(1000);
      for (const size of [1, 4, 23, 100]) expect(streamed(fc, options, size)).toBe(whole);
    });
  }

  it('writes every feature once, with columns of properties met late', () => {
    const fc = collection(23);
    const csv = streamed(fc, { format: 'csv' }, 5);
    const lines = csv.replace(/^\uFEFF/u, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('lon,lat,id,name,area_ha,late');
    // quoted where needed, as the whole file's cells; no value for a property the feature lacks
    expect(lines[1]).toBe('105.6,22,f0,"Khu ""0"", =SUM(A1)",0,');
    expect(lines.length).toBe(24);
    const gj = JSON.parse(streamed(fc, { format: 'geojson' }, 5)) as FeatureCollection;
    expect(gj.features.map((f) => f.id)).toEqual(fc.features.map((f) => f.id));
    const kml = streamed(fc, { format: 'kml' }, 5);
    expect(kml.match(/<Placemark[ >]/gu)?.length).toBe(23);
  });

  it('an empty collection is a valid file with its header', () => {
    const empty: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features: [] };
    expect(JSON.parse(streamed(empty, { format: 'geojson', credits }, 5))).toEqual({ type: 'FeatureCollection', attribution: credits.attribution, license: credits.license, features: [] });
    expect(streamed(empty, { format: 'csv' }, 5)).toBe('\uFEFFlon,lat\r\n');
  });

  it('refuses what it cannot write, before any part', () => {
    expect(() => collectionWriter({ format: 'kml', crs: 9209 })).toThrow(/KML is always WGS 84/);
    expect(() => collectionWriter({ format: 'csv', csvGeometry: 'xy' }, csvPlan(collection(4, true).features))).toThrow(/points only/);
    expect(() => collectionWriter({ format: 'geojson', crs: 1234 })).toThrow(/Cannot export to CRS/);
  });
});
