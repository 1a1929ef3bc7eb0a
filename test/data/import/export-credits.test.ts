/**
 * Exports carry the bundled data's credits and licences (from the manifest), in a form GIS tools
 * keep; GDAL (ogrinfo) still opens every file, and our own import reads them back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { exportCollection, type ExportCredits } from '../../../src/lib/data/export';
import { importFile } from '../../../src/lib/data/import';
import { creditLine, creditsOf, licenceLabel, licencesOf } from '../../../src/lib/data/attribution';
import type { Manifest } from '../../../src/lib/data/schema';
import { ok } from './helpers';
import { csvWithCreditColumns, csvWithCreditRows, exportCredits, geojsonWithCredits } from '../../../src/lib/data/export/credits';

const REPO = join(import.meta.dirname, '..', '..', '..');
const manifest: Manifest = JSON.parse(readFileSync(join(REPO, 'public', 'geodata', 'manifest.json'), 'utf8'));
const sites = JSON.parse(readFileSync(join(REPO, 'public', 'geodata', 'industrial-sites.geojson'), 'utf8')) as FeatureCollection<Geometry>;
const zones = JSON.parse(readFileSync(join(REPO, 'public', 'geodata', 'protected-areas.geojson'), 'utf8')) as FeatureCollection<Geometry>;

const creditsFor = (ids: Parameters<typeof creditsOf>[2], lang: 'vi' | 'en'): ExportCredits => {
  const c = creditsOf(manifest, lang, ids);
  return { attribution: creditLine(c, lang), license: licencesOf(c).map((l) => licenceLabel(l, lang)).join('; ') };
};
const credits = creditsFor(['industrial-sites'], 'vi');

const dir = mkdtempSync(join(tmpdir(), 'export-credits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', ['-ro', '-al', ...args], { encoding: 'utf8' });

describe('credits in exports', () => {
  it('builds the credit line from the manifest', () => {
    expect(credits.attribution).toBe(
      'Ranh giới: gis.chinhphu.vn qua daohoangson/dvhcvn (GPL-3.0); Xã 2009: censusVN2009 © 2017 Marc Choisy (MIT); '
      + 'Dữ liệu chuyên đề: dự án này, theo nguồn dẫn ở từng đối tượng (GPL-3.0-or-later)',
    );
    expect(credits.license).toBe('GPL-3.0; MIT; GPL-3.0-or-later');
    expect(creditsFor(['power-substations'], 'en').license).toBe('no licence stated; GPL-3.0-or-later');
  });

  it('GeoJSON: top-level attribution and license members; GDAL reads every feature', () => {
    const out = exportCollection(sites, { format: 'geojson', credits });
    const json = JSON.parse(new TextDecoder().decode(out.bytes));
    expect(json.attribution).toBe(credits.attribution);
    expect(json.license).toBe(credits.license);
    const info = ogrinfo('-so', write('sites.geojson', out.bytes));
    expect(info).toContain(`Feature Count: ${sites.features.length}`);
    expect(info).toContain('Geometry: Point');
  });

  it('CSV: data_credit and data_licence columns on every row; GDAL and our import keep the header and every row', async () => {
    const out = exportCollection(sites, { format: 'csv', credits });
    const text = new TextDecoder().decode(out.bytes);
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?lon,lat,.*,data_credit,data_licence$/);
    const p = write('sites.csv', out.bytes);
    const info = ogrinfo(p, '-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat', '-oo', 'KEEP_GEOM_COLUMNS=NO');
    expect(info).toContain(`Feature Count: ${sites.features.length}`);
    expect(info).toContain('data_credit: String');
    expect(info).toContain('Geometry: Point');
    expect(info.split(`data_credit (String) = ${credits.attribution}`)).toHaveLength(sites.features.length + 1);
    expect(info).toContain(`data_licence (String) = ${credits.license}`);
    const r = ok(await importFile({ name: 'sites.csv', bytes: out.bytes }));
    expect(r.collection.features).toHaveLength(sites.features.length);
    expect(r.collection.features[0].properties?.data_credit).toBe(credits.attribution);
    expect(r.collection.features[0].properties?.name).toBe(sites.features[0].properties?.name);
  });

  it('CSV with WKT polygons still opens in GDAL with the credit columns', () => {
    const out = exportCollection(zones, { format: 'csv', credits: creditsFor(['protected-areas'], 'en') });
    const p = write('zones.csv', out.bytes);
    const info = ogrinfo('-so', p, '-oo', 'GEOM_POSSIBLE_NAMES=wkt');
    expect(info).toContain(`Feature Count: ${zones.features.length}`);
    expect(info).toContain('data_licence: String');
    // Every feature comes back with its polygon read from the WKT column.
    const full = ogrinfo(p, '-oo', 'GEOM_POSSIBLE_NAMES=wkt', '-oo', 'KEEP_GEOM_COLUMNS=NO');
    expect(full.match(/^ {2}(MULTI)?POLYGON \(\(/gmu)).toHaveLength(zones.features.length);
  });

  it('KML: atom:author and a description on the document; GDAL reads every placemark', () => {
    const en = creditsFor(['industrial-sites'], 'en');
    const out = exportCollection(sites, { format: 'kml', credits: en, name: 'sites' });
    const kml = new TextDecoder().decode(out.bytes);
    expect(kml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(kml).toContain(`<atom:author><atom:name>${en.attribution}</atom:name></atom:author>`);
    expect(kml).toContain(`<description>${en.attribution}. ${en.license}</description>`);
    const info = ogrinfo('-so', write('sites.kml', out.bytes));
    expect(info).toContain(`Feature Count: ${sites.features.length}`);
    // xmllint-free well-formedness check: GDAL's KML driver would fail on broken XML.
    expect(info).not.toMatch(/ERROR/);
  });

  it('escapes credit text in KML', () => {
    const out = exportCollection(sites, { format: 'kml', credits: { attribution: 'A & <B>', license: 'MIT' } });
    const kml = new TextDecoder().decode(out.bytes);
    expect(kml).toContain('<atom:name>A &amp; &lt;B&gt;</atom:name>');
    expect(ogrinfo('-so', write('esc.kml', out.bytes))).toContain(`Feature Count: ${sites.features.length}`);
  });

  it('writes no credits when none are given (user data)', () => {
    const out = exportCollection(sites, { format: 'geojson' });
    expect(JSON.parse(new TextDecoder().decode(out.bytes)).attribution).toBeUndefined();
  });

  it('the analysis table and the comparison get the same credits (all bundled layers)', () => {
    const all = exportCredits(manifest, 'en')!;
    expect(all.license).toBe('GPL-3.0; MIT; GPL-3.0-or-later; LGPL-3.0-or-later; no licence stated; CC-BY-4.0');
    expect(exportCredits(null, 'en')).toBeUndefined();
    const table = 'id,name,note\nccn-a,"=HYPERLINK(1)","two\nlines"\nccn-b,B,x\n';
    const csv = csvWithCreditColumns(table, all);
    const info = ogrinfo(write('table.csv', new TextEncoder().encode(csv)));
    expect(info).toContain('Feature Count: 2');
    expect(info).toContain(`data_credit (String) = ${all.attribution}`);
    expect(info).toContain('note (String) = two');
    const parsed = csv.split('\n');
    expect(parsed[0]).toBe('id,name,note,data_credit,data_licence');
    const rows = csvWithCreditRows('criterion,unit,A,B\nroad_m,m,1,2\n', all);
    expect(rows.split('\n').slice(-3)).toEqual([`data_credit,,"${all.attribution}"`, `data_licence,,${all.license}`, '']);
    const fc = geojsonWithCredits({ type: 'FeatureCollection', features: [] }, all);
    expect(Object.keys(fc)).toEqual(['type', 'attribution', 'license', 'features']);
  });
});
