/** The analysis table's exports carry the sites' own attributes (free area, occupancy, status, sectors, developer). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import type { Feature, FeatureCollection } from 'geojson';
import { analyzeSites } from '../../src/lib/analysis/analyze.ts';
import { TABLE_COLUMNS } from '../../src/lib/analysis/table.ts';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import { SITE_ATTRIBUTES } from '../../src/lib/ui/site-metrics.ts';
import { tableCsvBlob, tableGeoJsonBlob } from '../../src/lib/ui/table-export.ts';

const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8')) as FeatureCollection]));
const sites: Feature[] = layers['industrial-sites'].features;
const rows = analyzeSites(sites, layers, { radiusKm: 10, draws: 0 });
const credits = { attribution: 'Data: test credit', license: 'ODbL-1.0' };
const ATTR = ['free_ha', 'occupancy_pct', 'status', 'sectors', 'developer'];

describe('analysis table export with the site attributes', () => {
  it('CSV: one column per SITE_ATTRIBUTES entry after the table, before the credits, for every site', async () => {
    expect(SITE_ATTRIBUTES.map((a) => a.column)).toEqual(ATTR);
    const text = await tableCsvBlob(rows, sites, credits).text();
    const csv = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(csv.meta.fields).toEqual([...TABLE_COLUMNS, ...ATTR, 'data_credit', 'data_licence']);
    expect(csv.data.length).toBe(sites.length);
    const by = Object.fromEntries(csv.data.map((r) => [r.id, r]));
    // Thanh Bình 1: 73 ha at 97 % occupancy → 2.19 ha free, operating, wood
    expect(by['kcn-thanh-binh-1']).toMatchObject({ free_ha: '2.19', occupancy_pct: '97', status: 'operating', sectors: 'wood', developer: '' });
    // Bạch Thông is planned: its whole 400 ha are free; occupancy unknown
    expect(by['kcn-bach-thong']).toMatchObject({ free_ha: '400', occupancy_pct: '', status: 'planned' });
    // Quảng Chu: occupancy unknown → free area unknown; paper; its developer
    expect(by['ccn-quang-chu']).toMatchObject({ free_ha: '', status: 'established', sectors: 'paper', developer: 'Công ty CP Onsen Fuji Bắc Kạn' });
    expect(by['ccn-quang-chu'].data_credit).toBe('Data: test credit');
  });

  it('GeoJSON: the same attributes as properties, read back by GDAL', async () => {
    const text = await tableGeoJsonBlob(rows, sites, credits).text();
    const fc = JSON.parse(text) as FeatureCollection;
    expect(fc.features.length).toBe(sites.length);
    const tb1 = fc.features.find((f) => f.properties!.id === 'kcn-thanh-binh-1')!.properties!;
    expect(tb1).toMatchObject({ free_ha: 2.19, occupancy_pct: 97, status: 'operating', sectors: 'wood' });
    expect(tb1.analysis.id).toBe('kcn-thanh-binh-1');
    const dir = mkdtempSync(join(tmpdir(), 'table-export-'));
    writeFileSync(join(dir, 'sites.geojson'), text);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-q', '-where', "id = 'ccn-quang-chu'", join(dir, 'sites.geojson')], { encoding: 'utf8' });
    expect(info).toMatch(/status \(String\) = established/);
    expect(info).toMatch(/sectors \(String\) = paper/);
    expect(info).toMatch(/developer \(String\) = Công ty CP Onsen Fuji Bắc Kạn/);
  });
});
