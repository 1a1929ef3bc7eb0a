import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { importFile, parseWkt, toWkt, parseCoordinate } from '../../../src/lib/data/import';
import type { ImportResult } from '../../../src/lib/data/import';
import { codes, fixture, importText, ok } from './helpers';

describe('CSV columns', () => {
  it.each([
    ['Kinh độ,Vĩ độ,Tên', 'Kinh độ', 'Vĩ độ'],
    ['Longitude,Latitude,name', 'Longitude', 'Latitude'],
    ['name,lng,lat', 'lng', 'lat'],
    ['LONG;LAT;name', 'LONG', 'LAT'],
  ])('detects %s', async (header, x, y) => {
    const sep = header.includes(';') ? ';' : ',';
    const cols = header.split(sep);
    const row = cols.map((c) => (c === x ? '105.83' : c === y ? '22.15' : 'A')).join(sep);
    const r = ok(await importText('a.csv', `${header}\n${row}\n`));
    expect(r.collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [105.83, 22.15] });
  });
  it('ambiguous header → needsMapping listing candidates; options.columns resolves it', async () => {
    const text = 'name,x,y,lon,lat\nA,1,2,105.8,22.1\n';
    const r = await importText('a.csv', text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.needsMapping).toEqual({ columns: ['name', 'x', 'y', 'lon', 'lat'], x: ['x', 'lon'], y: ['y', 'lat'], wkt: [] });
    expect(r.issues[0].message).toBe('Choose the coordinate columns: several columns could hold coordinates (x: x, lon; y: y, lat).');
    const r2 = ok(await importText('a.csv', text, { columns: { x: 'lon', y: 'lat' } }));
    expect(r2.collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [105.8, 22.1] });
    expect(r2.collection.features[0].properties).toEqual({ name: 'A', x: 1, y: 2 });
  });
  it('no coordinate header → needsMapping with the numeric columns as candidates', async () => {
    const r = await importText('a.csv', 'ten,dong,bac\nA,105.8,22.1\n');
    expect(!r.ok && r.needsMapping).toEqual({ columns: ['ten', 'dong', 'bac'], x: ['dong', 'bac'], y: ['dong', 'bac'], wkt: [] });
    expect(ok(await importText('a.csv', 'ten,dong,bac\nA,105.8,22.1\n', { columns: { x: 'dong', y: 'bac' } })).collection.features).toHaveLength(1);
  });
  it('columns override naming a missing column', async () => {
    const r = await importText('a.csv', 'a,b\n1,2\n', { columns: { x: 'lon', y: 'b' } });
    expect(r.issues[0].message).toBe('The table has no column named "lon" (columns: a, b).');
  });
  it('decimal commas with ";" separators, and DMS', async () => {
    const r = ok(await importText('a.csv', 'ten;kinh_do;vi_do\nA;105,83;22,15\nB;105°49\'48"E;22°09\'00"N\n'));
    expect(r.collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [105.83, 22.15] });
    expect(r.collection.features[1].geometry).toEqual({ type: 'Point', coordinates: [105.83, 22.15] });
  });
  it('Vietnamese survey convention X = northing, Y = easting is detected and swapped', async () => {
    const r = ok(await importText('a.csv', 'STT,X,Y\n1,2453158.337,432539.501\n', { fromCrs: 9213 }));
    expect(codes(r)).toEqual(['csv-xy-northing-easting']);
    const [lon, lat] = (r.collection.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(105.84774, 5);
    expect(lat).toBeCloseTo(22.17474, 5);
  });
  it('quoted multi-line cells keep line numbers right', async () => {
    const r = ok(await importText('a.csv', 'name,lon,lat\n"two\nlines",105.8,22.1\nB,bad,22.1\n'));
    expect(r.issues[0]).toMatchObject({ line: 4, featureIndex: 1 });
  });
  it('WKT column errors are per row', async () => {
    const r = ok(await importText('a.csv', 'name,wkt\nA,POINT (105.8 22.1)\nB,"POLYGON ((1 2, 3"\n'));
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0].reason).toMatch(/^line 3: column "wkt" is not valid WKT \(expected a coordinate at character \d+\)$/);
  });
});

describe('WKT and coordinate parsing', () => {
  it('parses and writes the simple feature types', () => {
    for (const w of ['POINT (1 2)', 'LINESTRING (1 2, 3 4)', 'POLYGON ((0 0, 1 0, 1 1, 0 0))', 'MULTIPOINT ((1 2), (3 4))', 'MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))', 'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))', 'GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))']) {
      const g = parseWkt(w);
      expect(typeof g).toBe('object');
      expect(toWkt(g as never)).toBe(w);
    }
    expect(parseWkt('POINT Z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('SRID=4326;POINT(1 2)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('CIRCLE (1 2)')).toBe('unknown geometry type "CIRCLE"');
    expect(parseWkt('POINT EMPTY')).toBe('POINT EMPTY has no coordinates');
  });
  it('parses coordinates', () => {
    expect(parseCoordinate('105.5')).toBe(105.5);
    expect(parseCoordinate('105,5')).toBe(105.5);
    expect(parseCoordinate('-1e3')).toBe(-1000);
    expect(parseCoordinate('22°30\'S')).toBe(-22.5);
    expect(parseCoordinate('abc')).toBeNull();
    expect(parseCoordinate('')).toBeNull();
  });
});

describe('options, progress, cancel, purity', () => {
  it('reports progress from 0 to 1, never going back', async () => {
    const seen: number[] = [];
    ok(await importFile({ name: 'c.zip', bytes: fixture('communes-9213-shp.zip') }, { onProgress: (f) => seen.push(f) }));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  });
  it('an aborted signal cancels before reading', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await importFile({ name: 'c.zip', bytes: fixture('communes-9213-shp.zip') }, { signal: ac.signal });
    expect(r).toEqual({ ok: false, issues: [{ severity: 'error', code: 'aborted', message: 'The import was cancelled.' }] });
  });
  it('aborting mid-way stops with an aborted issue', async () => {
    const ac = new AbortController();
    const r = await importFile({ name: 'c.zip', bytes: fixture('communes-9213-shp.zip') }, { signal: ac.signal, onProgress: (f) => f >= 0.5 && ac.abort() });
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain('aborted');
  });
  it('fromCrs overrides a .prj with a warning', async () => {
    const r = await importFile({ name: 'c.zip', bytes: fixture('communes-9213-shp.zip') }, { fromCrs: 'EPSG:9212' });
    expect(r.ok && r.crs).toEqual({ code: 9212, source: 'user' });
    expect(r.issues[0].message).toBe('The file says EPSG:9213 (VN-2000 / TM-3 106-30) but EPSG:9212 was given and used instead.');
  });
  it('results are plain data (structured-clone safe, for workers)', async () => {
    const r: ImportResult = await importFile({ name: 'k.kmz', bytes: fixture('power-110kv.kmz') });
    expect(structuredClone(r)).toEqual(r);
  });
  it('never throws, even on hostile input', async () => {
    const inputs = [new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), new TextEncoder().encode('{"type":"FeatureCollection","features":"x"}'), new TextEncoder().encode('<gpx><wpt lat="a" lon="b"/></gpx>'), new TextEncoder().encode('{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[1,2]]}}')];
    for (const bytes of inputs) {
      const r = await importFile({ name: 'x', bytes });
      expect(r.ok).toBe(false);
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) expect(i.message.length).toBeGreaterThan(10);
    }
  });
  it('library code imports no Svelte, MapLibre or DOM globals', () => {
    const files = [
      ...readdirSync(new URL('../../../src/lib/data/import/', import.meta.url)).map((f) => new URL(`../../../src/lib/data/import/${f}`, import.meta.url)),
      new URL('../../../src/lib/data/export/index.ts', import.meta.url),
      new URL('../../../src/lib/data/crs.ts', import.meta.url),
    ];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect(src).not.toMatch(/from ['"](svelte|maplibre-gl)/);
      expect(src).not.toMatch(/(?<![\w.])(document|window)\.[a-zA-Z]/);
    }
  });
});
