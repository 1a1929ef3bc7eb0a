/** Parsing is bounded everywhere: inflated size, text size, feature and vertex counts, nesting; DTDs; ranges. */
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/data/import';
import type { ImportResult } from '../../../src/lib/data/import';
import { readZip } from '../../../src/lib/data/import/zip';
import { inflatingKmz } from './inflating-kmz';
import { REGION, importText, ok } from './helpers';

const fail = (r: ImportResult) => {
  if (r.ok) throw new Error('expected a failure');
  return r;
};
const point = (x: number, y: number) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } });
const fc = (features: unknown[], extra: object = {}) => JSON.stringify({ type: 'FeatureCollection', ...extra, features });

describe('bounded parsing', { timeout: 30_000 }, () => {
  it('a KMZ whose KML inflates to 199 MB is refused from its declared size, before inflating', async () => {
    const r = fail(await importFile({ name: 'bomb.kmz', bytes: inflatingKmz() }, REGION));
    expect(r.issues).toEqual([{
      severity: 'error', code: 'zip-too-large',
      message: 'The KML document "doc.kml" in the KMZ would expand to 199,000,000 bytes, over the limit of 52,428,800 bytes; nothing was extracted.',
    }]);
  });
  it('the same KMZ lying about its size (40 MB) is inflated no further than declared, and fails cleanly', async () => {
    const bytes = inflatingKmz(40_000_000);
    expect(readZip(bytes, () => true, 50 * 1024 * 1024)['doc.kml'].length).toBe(40_000_000);
    const r = fail(await importFile({ name: 'liar.kmz', bytes }, REGION));
    expect(r.issues).toHaveLength(1);
  });
  it('a lower maxTextBytes refuses a small KMZ too', async () => {
    const r = fail(await importFile({ name: 'liar.kmz', bytes: inflatingKmz(1_000) }, { ...REGION, maxTextBytes: 500 }));
    expect(r.issues[0].code).toBe('zip-too-large');
    expect(r.issues[0].message).toBe('The KML document "doc.kml" in the KMZ would expand to 1,000 bytes, over the limit of 500 bytes; nothing was extracted.');
  });
  it('text over maxTextBytes is refused before parsing', async () => {
    const text = fc([point(105.8, 22.1)]);
    const r = fail(await importText('a.geojson', text, { maxTextBytes: 50 }));
    expect(r.issues).toEqual([{ severity: 'error', code: 'text-too-large', message: `"a.geojson" holds ${text.length} bytes of text, over the limit of 50 bytes for text; it was not read. Split it into smaller files.` }]);
  });
  it('too many features', async () => {
    const r = fail(await importText('a.geojson', fc(Array.from({ length: 11 }, () => point(105.8, 22.1))), { maxFeatures: 10 }));
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([['too-many-features', 'The layer has 11 features, over the limit of 10; split it into smaller files.']]);
  });
  it('too many vertices', async () => {
    const line = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[105.8, 22.1], [105.9, 22.2], [105.7, 22.3]] } };
    const r = fail(await importText('a.geojson', fc([line, line]), { maxVertices: 5 }));
    expect(r.issues.map((i) => i.code)).toEqual(['too-many-vertices']);
    expect(r.issues[0].message).toBe('The layer has more than 5 positions (vertices) by feature 1, over the limit; simplify it or split it into smaller files.');
  });
  it('JSON nested 100,000 deep is refused with its reason and line, without overflowing the stack', async () => {
    const r = fail(await importText('deep.geojson', `{"type":"FeatureCollection","features":[\n${'['.repeat(100_000)}`));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'deeply-nested', line: 2 });
    expect(r.issues[0].message).toMatch(/^The JSON nests arrays or objects more than 64 levels deep at line 2; GeoJSON needs at most 7/);
  });
  it('deep but legitimate GeoJSON (a MultiPolygon in a FeatureCollection) passes', async () => {
    const mp = { type: 'Feature', properties: { nested: { a: { b: [1, [2]] } } }, geometry: { type: 'MultiPolygon', coordinates: [[[[105.8, 22.1], [105.9, 22.1], [105.9, 22.2], [105.8, 22.1]]]] } };
    expect(ok(await importText('mp.geojson', fc([mp]))).collection.features).toHaveLength(1);
  });
  it('KML nested 200 folders deep is refused', async () => {
    const kml = `<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n${'<Folder>'.repeat(200)}<Placemark><Point><coordinates>105.8,22.1</coordinates></Point></Placemark>${'</Folder>'.repeat(200)}</Document></kml>`;
    const r = fail(await importText('deep.kml', kml));
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['deeply-nested', 3]]);
    expect(r.issues[0].message).toMatch(/^The XML nests elements more than 64 levels deep at line 3; KML and GPX need far fewer/);
  });
  it('a DTD is refused by name (not as "content is XML")', async () => {
    const kml = '<?xml version="1.0"?>\n<!DOCTYPE kml [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<kml><Document><Placemark><name>&b;</name><Point><coordinates>105.8,22.1</coordinates></Point></Placemark></Document></kml>';
    const r = fail(await importText('lol.kml', kml));
    expect(r.issues.map((i) => i.code)).toEqual(['xml-doctype']);
    expect(r.issues[0].message).toMatch(/^"lol\.kml" is XML with a document type declaration \(<!DOCTYPE …>, a DTD\)/);
    // A DTD later in the text (after 4 KB of comment) is refused by the parser step.
    const late = `<?xml version="1.0"?>\n<kml><!--${' '.repeat(5000)}-->\n<!DOCTYPE kml>\n<Document/></kml>`;
    const r2 = fail(await importText('late.kml', late));
    expect(r2.issues.map((i) => [i.code, i.line])).toEqual([['xml-doctype', 3]]);
  });
  it('(500, 900) is out of range, (432000, 2450000) in a WGS 84 file is projected', async () => {
    const r = ok(await importText('a.geojson', fc([point(105.8, 22.1), point(105.9, 22.2), point(500, 900), point(432000, 2450000)], { crs: { type: 'name', properties: { name: 'EPSG:4326' } } })));
    const byCode = Object.fromEntries(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.message]));
    expect(byCode['out-of-range']).toBe('Feature 2: position (500, 900) is outside longitude −180…180 / latitude −90…90 (a coordinate out of range, not a position on Earth); it was left out.');
    expect(byCode['projected-in-degrees']).toBe('Feature 3: position (432000.0, 2450000.0) is outside longitude −180…180 / latitude −90…90: it looks like projected metres in a file read as WGS 84 degrees (say which CRS the file is in); it was left out.');
  });
  it('a line of one point has its own code', async () => {
    const line = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[105.8, 22.1]] } };
    const r = ok(await importText('a.geojson', fc([line, point(105.8, 22.1)])));
    expect(r.issues[0]).toMatchObject({ code: 'line-one-point', message: 'Feature 0: a line has 1 position (needs at least 2); it was left out.' });
  });
  it("GPX's CRS is fixed by GPX (not called KML)", async () => {
    const gpx = '<?xml version="1.0"?>\n<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="22.1" lon="105.8"><name>a</name></wpt></gpx>';
    expect(ok(await importText('a.gpx', gpx)).crs).toEqual({ code: 4326, source: 'gpx' });
  });
});
