import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { inflatingKmz } from './inflating-kmz';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fx = (p: string) => join(root, 'test/fixtures/import', p);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convert-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the converter with node + tsx (what `npm run convert` does, minus npm's start-up). */
function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/convert.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/convert.ts', { timeout: 60_000 }, () => {
  it('converts a VN-2000 Shapefile to GeoJSON on stdout', () => {
    const r = run(fx('communes-9213-shp.zip'));
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.stdout);
    expect(fc.features).toHaveLength(8);
    expect(r.stderr).toContain('read 8 feature(s) from shapefile in EPSG:9213 (prj); wrote geojson');
  });
  it('writes CSV in EPSG:9213 with -o, and prints warnings', () => {
    const out = join(dir, 'subs.csv');
    const r = run(fx('substations-9213-xy.csv'), '--to', 'csv', '--to-crs', 'EPSG:9213', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning \[crs-proposed\] The coordinates are projected/m);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('x,y,name,kind,code');
    expect(text).toContain('432539.50');
  });
  it('--from-crs silences the proposal', () => {
    const r = run(fx('substations-9213-xy.csv'), '--from-crs', 'EPSG:9213', '--to', 'kml', '-o', join(dir, 's.kml'));
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('crs-proposed');
    expect(readFileSync(join(dir, 's.kml'), 'utf8')).toContain('<Placemark>');
  });
  it('exits 1 with the issues when the file cannot be used', () => {
    const r = run(fx('bad/truncated.geojson'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[truncated-json\] \(line \d+\) The JSON ends before it is complete/m);
    expect(r.stderr).toContain('convert: "truncated.geojson" cannot be used.');
    expect(r.stdout).toBe('');
  });
  it('asks for columns, then accepts --x/--y', () => {
    const r = run(fx('bad/ambiguous.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Pass --x <column> --y <column> (candidates x: x, lon; y: y, lat)');
    expect(run(fx('bad/ambiguous.csv'), '--x', 'lon', '--y', 'lat').code).toBe(0);
  });
  it('exits 2 on bad usage', () => {
    expect(run().code).toBe(2);
    expect(run(fx('bad/ambiguous.csv'), '--to', 'shp').stderr).toContain('--to must be geojson, csv or kml (got "shp")');
    expect(run(fx('bad/ambiguous.csv'), '--from-crs', 'EPSG:1234').stderr).toContain('--from-crs EPSG:1234 is not a supported CRS');
  });
  it('is wired as `npm run convert`', () => {
    const r = spawnSync('npm', ['run', '--silent', 'convert', '--', fx('power-110kv.gpx'), '--to', 'csv'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\uFEFFwkt,/);
  });
  it('a KMZ inflating to 199 MB: exits 1 with the same message as the app, no stack trace, no out-of-memory', () => {
    const file = join(dir, 'bomb.kmz');
    writeFileSync(file, inflatingKmz());
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error [zip-too-large] The KML document "doc.kml" in the KMZ would expand to 199,000,000 bytes, over the limit of 52,428,800 bytes; nothing was extracted.\nconvert: "bomb.kmz" cannot be used.\n');
    expect(r.stdout).toBe('');
  });
});
