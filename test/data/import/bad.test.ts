import { describe, it, expect } from 'vitest';
import { codes, fixture, importFixture, importText, ok, REGION } from './helpers';
import type { ImportFailure, ImportOptions } from '../../../src/lib/data/import';

const fail = (r: Awaited<ReturnType<typeof importFixture>>): ImportFailure => {
  if (r.ok) throw new Error('expected a failure');
  return r;
};

describe('bad files: each returns specific issues and never throws', () => {
  it('empty file', async () => {
    const r = fail(await importFixture('bad/empty.geojson'));
    expect(r.issues).toEqual([{ severity: 'error', code: 'empty-file', message: '"empty.geojson" is empty (0 bytes).' }]);
  });
  it('whitespace-only file', async () => {
    expect(fail(await importFixture('bad/whitespace.csv')).issues[0].message).toBe('"whitespace.csv" is empty (4 bytes, only whitespace).');
  });
  it('KML named .geojson', async () => {
    const r = fail(await importFixture('bad/kml-named.geojson'));
    expect(r.issues[0].code).toBe('format-mismatch');
    expect(r.issues[0].message).toBe('"kml-named.geojson" is named as GeoJSON but its content is KML; rename it or export it again.');
  });
  it('KMZ named .csv', async () => {
    expect(fail(await importFixture('bad/kmz-named.csv')).issues[0].message).toMatch(/named as CSV but its content is a KMZ \(zipped KML\)/);
  });
  it('PDF named .kml', async () => {
    expect(fail(await importFixture('bad/pdf-named.kml')).issues[0].message).toBe('"pdf-named.kml" is named as KML but its content is a PDF document.');
  });
  it('truncated GeoJSON', async () => {
    const r = fail(await importFixture('bad/truncated.geojson'));
    expect(r.issues[0].code).toBe('truncated-json');
    expect(r.issues[0].message).toMatch(/^The JSON ends before it is complete at line \d+ \(the file is probably truncated\)\.$/);
  });
  it('invalid JSON names line and column', async () => {
    const r = fail(await importFixture('bad/invalid.geojson'));
    expect(r.issues[0]).toMatchObject({ code: 'invalid-json', line: 3 });
    expect(r.issues[0].message).toMatch(/^The file is not valid JSON at line 3, column 57: expected a value but found ","\.$/);
  });
  it('valid JSON that is not GeoJSON', async () => {
    const r = fail(await importText('a.json', '{"name":"x","rows":[1,2]}'));
    expect(r.issues[0].message).toBe('The JSON is valid but not GeoJSON: it is an object with keys "name", "rows", not a FeatureCollection, Feature or geometry.');
  });
  it('truncated KML', async () => {
    const r = fail(await importFixture('bad/truncated.kml'));
    expect(r.issues[0].code).toBe('truncated-xml');
    expect(r.issues[0].message).toMatch(/^The XML ends at line \d+ with elements still open \(kml, Document.*\); the file is probably truncated\.$/);
  });
  it('malformed KML names the line', async () => {
    const r = fail(await importFixture('bad/invalid-xml.kml'));
    expect(r.issues[0]).toMatchObject({ code: 'invalid-xml', line: 3 });
    expect(r.issues[0].message).toMatch(/at line 3: Opening and ending tag mismatch: "name" != "nam"/);
  });
  it('XML that is not KML', async () => {
    const r = fail(await importText('a.kml', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    expect(r.issues[0].message).toBe('"a.kml" is named as KML but its content is XML with root element <svg>.');
  });
  it('empty layer', async () => {
    expect(fail(await importFixture('bad/empty-layer.geojson')).issues).toEqual([{ severity: 'error', code: 'empty-layer', message: 'The file holds no features: the layer is empty.' }]);
  });
  it('KML with no placemarks is an empty layer', async () => {
    expect(codes(await importText('a.kml', '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>x</name></Document></kml>'))).toEqual(['empty-layer']);
  });
  it('mixed and null geometries: good ones kept, bad ones listed', async () => {
    const r = ok(await importFixture('bad/mixed-null.geojson'));
    expect(r.collection.features.map((f) => f.id)).toEqual(['p1', 'l1', 'g1']);
    expect(r.rejected).toEqual([
      { index: 1, reason: 'it has no geometry (null)' },
      { index: 3, reason: 'a position is [105.8,"22.1"], not two or more finite numbers' },
      { index: 4, reason: 'its geometry type "Circle" is not a GeoJSON geometry type' },
    ]);
    expect(r.issues.find((i) => i.featureIndex === 1)!.message).toBe('Feature 1: it has no geometry (null); it was left out.');
    expect(r.issues.find((i) => i.code === 'mixed-geometry')!.message).toBe('The layer mixes geometry types: 1 Point, 1 LineString, 1 Polygon.');
  });
  it('unclosed ring closed with a warning; a 2-point ring rejected', async () => {
    const r = ok(await importFixture('bad/unclosed-ring.geojson'));
    const ring = (r.collection.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'ring-closed', featureIndex: 0 });
    expect(r.issues[0].message).toBe('Feature 0: 1 polygon ring was not closed (last position ≠ first); closed by repeating the first position.');
    expect(r.rejected).toEqual([{ index: 1, reason: 'a ring has only 2 distinct positions (needs 3 to enclose an area)' }]);
  });
  it('self-intersecting ring reported with its location and left out', async () => {
    const r = ok(await importFixture('bad/self-intersecting.geojson'));
    expect(r.collection.features.map((f) => f.properties.name)).toEqual(['square']);
    expect(r.rejected[0].index).toBe(0);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'self-intersection', featureIndex: 0 });
    expect(r.issues[0].message).toBe('Feature 0: the polygon crosses itself near (105.85, 22.15) (self-intersecting ring; areas and overlays would be wrong); it was left out.');
  });
  it('self-intersecting ring kept as a warning with keepInvalid', async () => {
    const r = ok(await importFixture('bad/self-intersecting.geojson', { keepInvalid: true }));
    expect(r.collection.features).toHaveLength(2);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'self-intersection' });
  });
  it('coordinates out of range rejected per feature', async () => {
    const r = ok(await importFixture('bad/out-of-range.geojson'));
    expect(r.collection.features).toHaveLength(1);
    expect(r.rejected.map((x) => x.index)).toEqual([1, 2]);
    expect(r.issues[0].message).toBe('Feature 1: position (205.83, 22.15) is outside longitude −180…180 / latitude −90…90 (a coordinate out of range, not a position on Earth); it was left out.');
    expect(r.issues[0].code).toBe('out-of-range');
    expect(r.issues[1].message).toMatch(/^Feature 2: position \(105\.83, -95\) is outside/);
  });
  it('swapped lat/lon detected by the region and swapped with a warning', async () => {
    const r = ok(await importFixture('bad/swapped.csv'));
    expect(r.collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [105.83, 22.147] });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'swapped-lat-lon' });
    expect(r.issues[0].message).toBe('The coordinates are in latitude, longitude order (e.g. (22.147, 105.83)): read as given they fall outside the region, swapped they fall inside it. They were swapped to longitude, latitude.');
  });
  it('swapped lat/lon only reported when autoSwap is off', async () => {
    const r = await importText('s.geojson', JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [22.15, 105.83] } }), { autoSwap: false });
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['swapped-lat-lon', 'out-of-range', 'no-valid-features']);
    expect(r.issues[0].message).toMatch(/kept as given \(autoSwap is off\)/);
  });
  it('projected coordinates without CRS: a TM-3 proposal with a warning', async () => {
    const r = ok(await importFixture('bad/projected-no-crs.geojson'));
    expect(r.crs).toEqual({ code: 9213, source: 'proposed' });
    expect(r.issues[0].message).toMatch(/^The coordinates are projected \(e\.g\. \(433297\.8, 2450320\.5\)\) and the file does not say in which CRS; they were read as EPSG:9213 \(VN-2000 \/ TM-3 106-30\) because 100% of positions read as VN-2000 \/ TM-3 106-30 fall inside the region\. Other candidates: EPSG:9212, EPSG:9211, EPSG:9210\. Confirm or choose the CRS\.$/);
  });
  it('the proposal follows the region hint: UTM 48N coordinates of Bắc Kạn', async () => {
    // 105.83E 22.147N in VN-2000 / UTM 48N (from the PROJ reference fixture)
    const r = ok(await importText('u.csv', 'name,x,y\nA,585673.85,2449461.04\n'));
    expect(r.crs.code).toBe(3405);
  });
  it('projected coordinates nowhere near the region: error', async () => {
    const r = fail(await importFixture('bad/projected-far.geojson'));
    expect(r.issues[0].code).toBe('projected-without-crs');
    expect(r.issues[0].message).toBe('The coordinates are projected (e.g. (5123456.0, 9123456.0)) but the file does not say in which CRS, and no supported CRS puts them inside the region; say which CRS they are in (fromCrs / --from-crs).');
  });
  it('unsupported CRS declared by the file', async () => {
    expect(fail(await importFixture('bad/unsupported-crs.geojson')).issues[0].message).toBe('The GeoJSON "crs" member names "urn:ogc:def:crs:EPSG::32648", which is not a supported CRS; say which CRS the coordinates are in (fromCrs / --from-crs).');
  });
  it('unsupported fromCrs option', async () => {
    expect(fail(await importFixture('bad/unsupported-crs.geojson', { fromCrs: 'EPSG:32648' })).issues[0].code).toBe('unsupported-crs');
  });
  it('file over maxBytes is refused before parsing', async () => {
    const r = fail(await importFixture('communes-wgs84.geojson', { maxBytes: 1000 }));
    expect(r.issues[0].code).toBe('file-too-large');
    expect(r.issues[0].message).toMatch(/^"communes-wgs84\.geojson" is [\d,]+ bytes, over the limit of 1,000 bytes; it was not read\.$/);
  });
  it('zip expanding beyond maxUnzippedBytes is refused before inflating', async () => {
    const r = fail(await importFixture('bad/zip-bomb.zip', { maxUnzippedBytes: 1024 * 1024 }));
    expect(r.issues).toEqual([{ severity: 'error', code: 'zip-too-large', message: 'The archive would expand to 4,194,304 bytes, over the limit of 1,048,576 bytes; nothing was extracted.' }]);
  });
  it('zip entries that lie about their size are inflated no further than declared', async () => {
    const b = fixture('bad/zip-bomb.zip').slice();
    const dv = new DataView(b.buffer);
    dv.setUint32(22, 1000, true); // local header: uncompressed size
    for (let i = 0; i < b.length - 4; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1000, true); // central directory
    const r = fail(await importFile2('lie.zip', b, { maxUnzippedBytes: 1024 * 1024 }));
    expect(r.issues[0].code).toBe('invalid-shp'); // 1000 zero bytes read, not 4 MiB
  });
  it('an Excel workbook gets a hint', async () => {
    const { zipSync } = await import('fflate');
    const xlsx = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') });
    expect(fail(await importFile2('dia-diem.xlsx', xlsx)).issues[0].message).toBe('"dia-diem.xlsx" is an Office document (e.g. .xlsx or .docx), not a format that can be imported (GeoJSON, KML, KMZ, GPX, CSV or zipped Shapefile). Save the sheet as "CSV UTF-8" and import that.');
  });
  it('a CSV with a header and no rows is an empty layer', async () => {
    expect(codes(await importText('a.csv', 'name,lon,lat\n'))).toEqual(['empty-layer']);
  });
  it('Shapefile without .dbf: geometry kept, warned', async () => {
    const r = ok(await importFixture('bad/no-dbf.zip'));
    expect(r.collection.features).toHaveLength(8);
    expect(r.issues[0].message).toBe('"communes_vn2000_tm3.shp" has no .dbf file beside it, so its features have no attributes.');
  });
  it('Shapefile without .prj: warned, CRS proposed', async () => {
    const r = ok(await importFixture('bad/no-prj.zip'));
    expect(codes(r)).toEqual(['shapefile-missing-prj', 'crs-proposed']);
    expect(r.issues[0].message).toBe('"communes_vn2000_tm3.shp" has no .prj file, so its coordinate system is not stated.');
    expect(r.crs).toEqual({ code: 9213, source: 'proposed' });
  });
  it('ZIP without .shp', async () => {
    expect(fail(await importFixture('bad/no-shp.zip')).issues[0].message).toBe('"no-shp.zip" is named as a zipped Shapefile but its content is a ZIP archive without a .shp or .kml (it holds communes_vn2000_tm3.dbf, communes_vn2000_tm3.prj).');
  });
  it('truncated ZIP', async () => {
    expect(fail(await importFixture('bad/truncated-shp.zip')).issues[0].message).toMatch(/^The ZIP archive is damaged or truncated/);
  });
  it('bare .shp', async () => {
    expect(fail(await importFixture('bad/bare.shp')).issues[0].message).toMatch(/^"bare\.shp" is a bare \.shp: a Shapefile needs its \.dbf \(attributes\) and \.prj/);
  });
  it('duplicate ids kept, flagged', async () => {
    const r = ok(await importFixture('bad/duplicate-ids.geojson'));
    expect(r.collection.features).toHaveLength(3);
    expect(r.issues).toEqual([{ severity: 'warning', code: 'duplicate-id', featureIndex: 1, message: 'Feature 1: id "ccn-1" is already used by feature 0; both were kept, but ids should be unique.' }]);
  });
  it('HTML/script in properties kept as plain text, flagged', async () => {
    const r = ok(await importFixture('bad/html-props.geojson'));
    expect(r.collection.features[0].properties.name).toBe("<script>alert('x')</script>Mỏ chì kẽm");
    expect(r.issues.map((i) => [i.featureIndex, i.code])).toEqual([[0, 'html-in-property'], [1, 'html-in-property']]);
    expect(r.issues[0].message).toBe('Feature 0: property "name" contains HTML or script markup ("<script>alert(\'x\')</script>Mỏ chì kẽm"); it is kept as plain text and is never rendered as HTML.');
  });
  it('CSV rows with bad coordinates: partial import with line numbers', async () => {
    const r = ok(await importFixture('bad/bad-rows.csv'));
    expect(r.collection.features.map((f) => f.properties.name)).toEqual(['A', 'D']);
    expect(r.rejected).toEqual([{ index: 1, reason: 'line 3: "lon" = "abc" is not a number' }, { index: 2, reason: 'line 4: "lat" = "" is not a number' }]);
    expect(r.issues[0]).toMatchObject({ line: 3, featureIndex: 1, message: 'Line 3: "lon" = "abc" is not a number; row skipped.' });
  });
  it('nothing usable: all features rejected', async () => {
    const r = fail(await importText('n.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}'));
    expect(codes(r)).toEqual(['null-geometry', 'no-valid-features']);
  });
  it('garbage bytes', async () => {
    const r = fail(await importFile2('x.bin', Uint8Array.from([0, 1, 2, 3, 255, 0])));
    expect(r.issues[0].message).toBe('"x.bin" is binary data, not a format that can be imported (GeoJSON, KML, KMZ, GPX, CSV or zipped Shapefile).');
  });
});

async function importFile2(name: string, bytes: Uint8Array, options?: ImportOptions) {
  const { importFile } = await import('../../../src/lib/data/import');
  return importFile({ name, bytes }, { ...REGION, ...options });
}

describe('declared CRS contradicted by the coordinates', () => {
  it('a WGS 84 .prj over VN-2000 metres is an error naming the likely CRS', async () => {
    const { unzipSync } = await import('fflate');
    const { importShapefileParts } = await import('../../../src/lib/data/import');
    const z = unzipSync(fixture('communes-9213-shp.zip'));
    const wgs = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    const r = fail(await importShapefileParts({ shp: z['communes_vn2000_tm3.shp'], dbf: z['communes_vn2000_tm3.dbf'], prj: wgs, name: 'c.shp' }, REGION));
    expect(r.issues).toEqual([{ severity: 'error', code: 'crs-mismatch', message: 'The file says its CRS is EPSG:4326 (WGS 84, degrees) but the coordinates are projected (e.g. (433297.8, 2450320.5)); they look like EPSG:9213 (VN-2000 / TM-3 106-30); say which CRS they are in (fromCrs / --from-crs).' }]);
  });
  it('many rejections of one kind are summarised after 50', async () => {
    const features = Array.from({ length: 60 }, () => ({ type: 'Feature', properties: {}, geometry: null }));
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105.8, 22.1] } } as never);
    const r = ok(await importText('m.geojson', JSON.stringify({ type: 'FeatureCollection', features })));
    expect(r.rejected).toHaveLength(60);
    expect(r.issues).toHaveLength(51);
    expect(r.issues[50].message).toBe('…and 10 more "null-geometry" issues like the above (60 in all).');
  });
});
