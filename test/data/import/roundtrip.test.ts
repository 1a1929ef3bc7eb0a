import { describe, it, expect } from 'vitest';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { exportCollection } from '../../../src/lib/data/export';
import { importFile } from '../../../src/lib/data/import';
import { transformer } from '../../../src/lib/data/crs';
import { fixtureJson, flat, ok } from './helpers';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const communes = fixtureJson<FC>('communes-wgs84.geojson');
const points: FC = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'ccn-thanh-binh', properties: { name: 'CCN Thanh Bình', area_ha: 73.5, note: '=SUM(A1)', sectors: ['wood', 'food'], ok: true }, geometry: { type: 'Point', coordinates: [105.7612345678, 21.9876543211] } },
    { type: 'Feature', id: 'mo-cho-dien', properties: { name: 'Mỏ chì kẽm Chợ Điền', area_ha: null, note: 'trữ lượng "lớn", 1,2 triệu tấn' }, geometry: { type: 'Point', coordinates: [105.5234567891, 22.3012345678] } },
  ],
};

/** A feature-by-feature comparison runs over something: as many features as the source, and some. */
function expectSameCount(got: unknown[], want: unknown[]) {
  expect(want.length).toBeGreaterThan(0);
  expect(got.length).toBe(want.length);
}

/** Compare positions ring by ring (same order), within tolerance (deg or m). */
function expectSamePositions(a: Geometry, b: Geometry, tol: number) {
  const pa = flat((a as { coordinates: unknown }).coordinates);
  const pb = flat((b as { coordinates: unknown }).coordinates);
  expect(pb.length).toBeGreaterThan(0);
  expect(pa.length).toBe(pb.length);
  pa.forEach((p, i) => {
    expect(Math.abs(p[0] - pb[i][0])).toBeLessThan(tol);
    expect(Math.abs(p[1] - pb[i][1])).toBeLessThan(tol);
  });
}

const reimport = async (fc: FC, format: 'geojson' | 'csv' | 'kml', crs?: number) => {
  const out = exportCollection(fc, { format, crs, name: 'rt' });
  return { out, r: ok(await importFile({ name: out.filename, bytes: out.bytes }, crs && format === 'csv' ? { fromCrs: crs } : {})) };
};

describe('export → import round trips', () => {
  it('GeoJSON WGS 84: identical features', async () => {
    const { out, r } = await reimport(communes, 'geojson');
    expect(out).toMatchObject({ filename: 'rt.geojson', mime: 'application/geo+json' });
    expect(r.collection).toEqual(communes);
  });
  it('GeoJSON in EPSG:9213 (crs member) back to WGS 84 within 1e-7°; projected values match PROJ-based transform within 0.01 m', async () => {
    const { out, r } = await reimport(communes, 'geojson', 9213);
    const written = JSON.parse(new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.bytes));
    expect(written.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::9213');
    const t = transformer(4326, 9213);
    expectSamePositions(written.features[0].geometry, { type: 'Polygon', coordinates: (communes.features[0].geometry as { coordinates: Position[][] }).coordinates.map((ring) => ring.map(t)) } as Geometry, 0.01);
    expect(r.crs).toEqual({ code: 9213, source: 'geojson' });
    expectSameCount(r.collection.features, communes.features);
    r.collection.features.forEach((f, i) => {
      expect(f.properties).toEqual(communes.features[i].properties);
      expectSamePositions(f.geometry, communes.features[i].geometry, 1e-7);
    });
  });
  it('CSV of points with lon/lat: same positions and properties (CSV has no types: compared as text)', async () => {
    const { out, r } = await reimport(points, 'csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.bytes);
    expect(text.startsWith('\uFEFFlon,lat,id,name,area_ha,note,sectors,ok\r\n')).toBe(true);
    expect(text).toContain(`"'=SUM(A1)"`.replace(/"/g, '')); // formula escaped for spreadsheets
    expect(r.collection.features).toHaveLength(2);
    expectSameCount(r.collection.features, points.features);
    r.collection.features.forEach((f, i) => {
      expectSamePositions(f.geometry, points.features[i].geometry, 1e-9);
      expect(f.properties.id).toBe(points.features[i].id);
      expect(f.properties.name).toBe(points.features[i].properties.name);
      expect(f.properties.note).toBe(points.features[i].properties.note);
    });
    expect(r.collection.features[0].properties.area_ha).toBe(73.5);
    expect(r.collection.features[0].properties.sectors).toBe('["wood","food"]');
    expect(r.collection.features[1].properties.area_ha).toBeUndefined();
  });
  it('CSV of points in EPSG:9213 (x/y): back within 1e-7°', async () => {
    const { out, r } = await reimport(points, 'csv', 9213);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.bytes).split('\r\n')[0]).toBe('\uFEFFx,y,id,name,area_ha,note,sectors,ok');
    expect(r.crs).toEqual({ code: 9213, source: 'user' });
    expectSameCount(r.collection.features, points.features);
    r.collection.features.forEach((f, i) => expectSamePositions(f.geometry, points.features[i].geometry, 1e-7));
  });
  it('CSV of polygons as WKT: same rings', async () => {
    const { r } = await reimport(communes, 'csv');
    expectSameCount(r.collection.features, communes.features);
    r.collection.features.forEach((f, i) => {
      expectSamePositions(f.geometry, communes.features[i].geometry, 1e-9);
      expect(f.properties.name).toBe(communes.features[i].properties.name);
      expect(String(f.properties.id)).toBe(String(communes.features[i].properties.id));
    });
  });
  it('CSV of polygons as WKT in EPSG:9213: back within 1e-7°', async () => {
    const { r } = await reimport(communes, 'csv', 9213);
    expectSameCount(r.collection.features, communes.features);
    r.collection.features.forEach((f, i) => expectSamePositions(f.geometry, communes.features[i].geometry, 1e-7));
  });
  it('KML (tokml → togeojson): same geometry and names', async () => {
    const { out, r } = await reimport(communes, 'kml');
    expect(out.mime).toBe('application/vnd.google-earth.kml+xml');
    expect(r.crs).toEqual({ code: 4326, source: 'kml' });
    expectSameCount(r.collection.features, communes.features);
    r.collection.features.forEach((f, i) => {
      expectSamePositions(f.geometry, communes.features[i].geometry, 1e-7);
      expect(f.properties.name).toBe(communes.features[i].properties.name);
      expect(String(f.properties.pop_2009)).toBe(String(communes.features[i].properties.pop_2009));
    });
  });
  it('KML of points with HTML-looking text stays text', async () => {
    const fc: FC = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'A <b>&</b> B' }, geometry: { type: 'Point', coordinates: [105.8, 22.1] } }] };
    const { r } = await reimport(fc, 'kml');
    expect(r.collection.features[0].properties.name).toBe('A <b>&</b> B');
  });
  it('refuses KML in a projected CRS and x/y CSV of polygons', () => {
    expect(() => exportCollection(communes, { format: 'kml', crs: 9213 })).toThrow('KML is always WGS 84 (EPSG:4326); cannot export KML in EPSG:9213.');
    expect(() => exportCollection(communes, { format: 'csv', csvGeometry: 'xy' })).toThrow(/x\/y columns holds points only/);
    expect(() => exportCollection(communes, { format: 'geojson', crs: 'EPSG:32648' })).toThrow(/not supported/);
  });
});
