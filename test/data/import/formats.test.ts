import { describe, it, expect } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { codes, fixtureJson, flat, importFixture, metres, ok } from './helpers';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const ref = fixtureJson<FC>('communes-wgs84.geojson');
const power = fixtureJson<FC>('power-110kv-wgs84.geojson'); // copy of the bundled source

/** Max distance between same-index positions (rings may be rewound, so compare as sets by nearest). */
function maxNearest(a: Geometry, b: Geometry): number {
  const pb = flat((b as { coordinates: unknown }).coordinates);
  return Math.max(...flat((a as { coordinates: unknown }).coordinates).map((p) => Math.min(...pb.map((q) => metres(p, q)))));
}

describe('real-format fixtures made by ogr2ogr', () => {
  it('zipped Shapefile in EPSG:9213 (.prj, UTF-8 .cpg) comes back in WGS 84 within 0.5 m', async () => {
    const r = ok(await importFixture('communes-9213-shp.zip'));
    expect(r.format).toBe('shapefile');
    expect(r.crs).toEqual({ code: 9213, source: 'prj' });
    expect(r.issues).toEqual([]);
    expect(r.collection.features).toHaveLength(ref.features.length);
    r.collection.features.forEach((f, i) => {
      expect(f.properties.name).toBe(ref.features[i].properties.name);
      expect(f.properties.district).toBe('Thị xã Bắc Kạn');
      expect(f.properties.pop_2009).toBe(ref.features[i].properties.pop_2009);
      expect(maxNearest(f.geometry, ref.features[i].geometry)).toBeLessThan(0.5);
    });
  });

  it('zipped Shapefile whose .dbf is TCVN3 without .cpg: names converted to Unicode, with a warning', async () => {
    const r = ok(await importFixture('communes-tcvn3-shp.zip'));
    expect(codes(r)).toEqual(['encoding-tcvn3']);
    expect(r.issues[0].message).toMatch(/TCVN3 \(ABC\).*converted to Unicode/);
    expect(r.collection.features.map((f) => f.properties.name)).toEqual(ref.features.map((f) => f.properties.name));
    expect(r.collection.features[0].properties.district).toBe('Thị xã Bắc Kạn');
  });

  for (const file of ['power-110kv.kml', 'power-110kv.kmz']) {
    it(`${file}: points and lines in WGS 84, names intact`, async () => {
      const r = ok(await importFixture(file));
      expect(r.format).toBe(file.endsWith('kmz') ? 'kmz' : 'kml');
      expect(r.crs).toEqual({ code: 4326, source: 'kml' });
      expect(r.collection.features).toHaveLength(power.features.length);
      r.collection.features.forEach((f, i) => {
        expect(f.properties.name).toBe(power.features[i].properties.name);
        expect(f.geometry.type).toBe(power.features[i].geometry.type);
        expect(maxNearest(f.geometry, power.features[i].geometry)).toBeLessThan(0.01);
      });
      expect(codes(r)).toContain('mixed-geometry');
    });
  }

  it('GPX: waypoints and tracks', async () => {
    const r = ok(await importFixture('power-110kv.gpx'));
    expect(r.format).toBe('gpx');
    const pts = r.collection.features.filter((f) => f.geometry.type === 'Point');
    const lines = r.collection.features.filter((f) => f.geometry.type !== 'Point');
    expect(pts).toHaveLength(6);
    expect(lines).toHaveLength(6);
    expect(pts.map((f) => f.properties.name)).toContain('TBA 110kV E26.3 Nà Phặc');
  });

  it('CSV with Vietnamese headers kinh_do/vi_do', async () => {
    const r = ok(await importFixture('substations-lonlat.csv'));
    expect(r.crs).toEqual({ code: 4326, source: 'assumed' });
    expect(r.collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [105.84774, 22.17474] });
    expect(r.collection.features[0].properties).toEqual({ name: 'TBA 110kV E26.1', kind: 'substation', code: 'E26.1' });
  });

  it('CSV in EPSG:9213 metres without CRS: proposes TM-3 106°30′ and lands within 0.5 m', async () => {
    const r = ok(await importFixture('substations-9213-xy.csv'));
    expect(r.crs).toEqual({ code: 9213, source: 'proposed' });
    const w = r.issues.find((i) => i.code === 'crs-proposed')!;
    expect(w.severity).toBe('warning');
    expect(w.message).toMatch(/read as EPSG:9213 \(VN-2000 \/ TM-3 106-30\)/);
    const src = power.features.filter((f) => f.geometry.type === 'Point');
    r.collection.features.forEach((f, i) => expect(metres(flat((f.geometry as { coordinates: unknown }).coordinates)[0], (src[i].geometry as { coordinates: number[] }).coordinates)).toBeLessThan(0.5));
  });

  it('CSV in EPSG:9213 with fromCrs given: source "user", no proposal', async () => {
    const r = ok(await importFixture('substations-9213-xy.csv', { fromCrs: 'EPSG:9213' }));
    expect(r.crs).toEqual({ code: 9213, source: 'user' });
    expect(codes(r)).not.toContain('crs-proposed');
  });

  it('CSV with a WKT column (polygons)', async () => {
    const r = ok(await importFixture('communes-wkt.csv'));
    expect(r.collection.features).toHaveLength(8);
    expect(r.collection.features[0].geometry.type).toBe('Polygon');
    expect(r.collection.features[0].properties.name).toBe('Phường Đức Xuân');
  });

  it('GeoJSON reference file', async () => {
    const r = ok(await importFixture('communes-wgs84.geojson'));
    expect(r.format).toBe('geojson');
    expect(r.issues).toEqual([]);
    expect(r.collection.features).toHaveLength(8);
  });

  it('GeoJSON with a legacy "crs" member in EPSG:9213', async () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9213' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [432539.500857995, 2453158.33686197] } }] };
    const { importText } = await import('./helpers');
    const r = ok(await importText('x.geojson', JSON.stringify(fc)));
    expect(r.crs).toEqual({ code: 9213, source: 'geojson' });
    expect(metres((r.collection.features[0].geometry as { coordinates: number[] }).coordinates, [105.84774, 22.17474])).toBeLessThan(0.5);
  });
});

describe('importShapefileParts (separate .shp/.dbf/.prj files)', () => {
  it('gives the same result as the zip', async () => {
    const { unzipSync } = await import('fflate');
    const { importShapefileParts } = await import('../../../src/lib/data/import');
    const { fixture } = await import('./helpers');
    const z = unzipSync(fixture('communes-9213-shp.zip'));
    const td = new TextDecoder();
    const r = ok(await importShapefileParts({ shp: z['communes_vn2000_tm3.shp'], dbf: z['communes_vn2000_tm3.dbf'], prj: td.decode(z['communes_vn2000_tm3.prj']), cpg: td.decode(z['communes_vn2000_tm3.cpg']), name: 'communes_vn2000_tm3.shp' }));
    const fromZip = ok(await importFixture('communes-9213-shp.zip'));
    expect(r.collection).toEqual(fromZip.collection);
    expect(r.crs).toEqual({ code: 9213, source: 'prj' });
    const bad = await importShapefileParts({ shp: new Uint8Array(200), name: 'x.shp' });
    expect(bad.ok).toBe(false);
    expect(bad.issues[0].message).toBe('"x.shp" is not a Shapefile: its header does not start with the file code 9994.');
  });
});
