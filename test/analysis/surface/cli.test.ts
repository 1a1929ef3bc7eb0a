/** The surface CLI, spawned on the data package; its GeoTIFF read back by GDAL (gdalinfo, gdallocationinfo). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSurfaceEngine } from '../../../src/lib/analysis/surface/surface.ts';
import { loadLayers, MANIFEST } from './helpers.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/surface.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'surface-cli-'));

describe('scripts/surface.ts', () => {
  it('writes a GeoTIFF GDAL reads with the region CRS, geotransform, nodata and the engine values; candidates GeoJSON with rank stability', () => {
    const w = join(dir, 'w.json');
    writeFileSync(w, JSON.stringify({ weights: { road: 40, labour: 0 }, sectors: ['wood'] }));
    const tif = join(dir, 'out.tif');
    const r = run('--cell', '500', '--weights', w, '--top', '3', '--min-ha', '100', '--draws', '200', '-o', tif);
    expect(r.stderr).toContain('surface: ');
    expect(r.status).toBe(0);
    const info = JSON.parse(spawnSync('gdalinfo', ['-json', tif], { encoding: 'utf8' }).stdout);
    const engine = createSurfaceEngine(loadLayers(), { crs: MANIFEST.region.crs, cell: 500 });
    const g = engine.grid;
    expect(info.size).toEqual([g.cols, g.rows]);
    expect(info.geoTransform).toEqual([g.x0, 500, 0, g.y0, 0, -500]);
    expect(info.coordinateSystem.wkt).toContain('ID["EPSG",9213]');
    expect(info.coordinateSystem.wkt).toContain('VN-2000 / TM-3 106-30');
    expect(info.bands).toHaveLength(1);
    expect(info.bands[0].type).toBe('Float32');
    expect(info.bands[0].noDataValue).toBe(-9999);
    const s = engine.score({ road: 40, labour: 0 }, { sectors: ['wood'] });
    // known cells: the NW corner (outside the region), a protected-area cell, and scored cells
    const pick = [0];
    const prot = s.excluded.findIndex((v) => v === 2);
    expect(prot).toBeGreaterThan(0);
    pick.push(prot);
    for (let i = 0, n = 0; i < s.values.length && n < 5; i += 997) if (!Number.isNaN(s.values[i])) { pick.push(i); n++; }
    for (const i of pick) {
      const px = i % g.cols, py = Math.floor(i / g.cols);
      const v = Number(spawnSync('gdallocationinfo', ['-valonly', tif, String(px), String(py)], { encoding: 'utf8' }).stdout.trim());
      if (Number.isNaN(s.values[i])) expect(v, `cell ${px},${py}`).toBe(-9999);
      else expect(Math.abs(v - s.values[i]), `cell ${px},${py}`).toBeLessThan(1e-4);
    }
    // a map coordinate query lands on the same cell
    const i = pick[2], cx = g.x0 + ((i % g.cols) + 0.5) * 500, cy = g.y0 - (Math.floor(i / g.cols) + 0.5) * 500;
    const v = Number(spawnSync('gdallocationinfo', ['-valonly', '-geoloc', tif, String(cx), String(cy)], { encoding: 'utf8' }).stdout.trim());
    expect(Math.abs(v - s.values[i])).toBeLessThan(1e-4);
    // candidates
    const fc = JSON.parse(readFileSync(join(dir, 'out.geojson'), 'utf8'));
    expect(fc.features.length).toBeGreaterThan(0);
    expect(fc.features.length).toBeLessThanOrEqual(3);
    expect(fc.stability).toContain('200 draws');
    fc.features.forEach((f: { properties: Record<string, number>; geometry: { type: string } }, k: number) => {
      expect(f.properties.rank).toBe(k + 1);
      expect(f.properties.area_ha).toBeGreaterThanOrEqual(100);
      expect(f.properties.rank_min).toBeLessThanOrEqual(f.properties.rank);
      expect(f.properties.rank_max).toBeGreaterThanOrEqual(f.properties.rank);
      expect(f.properties.top_k_share).toBeGreaterThanOrEqual(0);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      if (k > 0) expect(f.properties.mean_score).toBeLessThanOrEqual(fc.features[k - 1].properties.mean_score);
    });
    // ogrinfo opens the GeoJSON
    const ogr = spawnSync('ogrinfo', ['-so', '-al', join(dir, 'out.geojson')], { encoding: 'utf8' });
    expect(ogr.stdout).toMatch(/Feature Count: [1-3]/);
  }, 180_000);

  it.each([
    [[], 2, /missing -o out.tif/],
    [['-o', 'x.png'], 2, /-o must name a .tif file, got "x.png"/],
    [['-o', 'x.tif', '--cell', 'abc'], 2, /--cell must be a cell size in metres between 10 and 5000, got "abc"/],
    [['-o', 'x.tif', '--top', '0'], 2, /--top must be an integer from 1 to 100, got "0"/],
    [['-o', 'x.tif', '--min-ha', '50'], 2, /--min-ha, --min-score and --geojson need --top/],
    [['-o', 'x.tif', '--sector', 'steel'], 2, /--sector: unknown sector "steel"/],
    [['-o', 'x.tif', '--frobnicate'], 2, /unknown option --frobnicate/],
    [['-o', 'x.tif', '--weights', '/nonexistent.json'], 1, /cannot read weights file \/nonexistent.json: ENOENT/],
    [['-o', 'x.tif', '--data', '/nonexistent-dir'], 1, /no data package in \/nonexistent-dir/],
  ])('bad arguments %j → exit %i', (args, code, msg) => {
    const r = run(...(args as string[]));
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(msg);
  }, 60_000);

  it('bad weights files → a message naming the field, exit 1', () => {
    const cases: [unknown, RegExp][] = [
      [{ weights: { roads: 1 } }, /unknown weight "roads"/],
      [{ weights: { road: -3 } }, /weights.road must be a non-negative number, got -3/],
      [{ ahp: { criteria: ['road', 'labour'], matrix: [[1, 3], [2, 1]] } }, /not reciprocal/],
      [{ ahp: { criteria: ['road', 'labour'], matrix: [[1, 'x'], ['1/3', 1]] } }, /ahp.matrix\[1\]\[2\] must be a positive number or a fraction like "1\/3", got "x"/],
      [{ thresholds: { river: { excludeWithinM: 'wide' } } }, /thresholds.river.excludeWithinM must be a non-negative number of metres/],
    ];
    for (const [json, msg] of cases) {
      const p = join(dir, 'bad.json');
      writeFileSync(p, JSON.stringify(json));
      const r = run('-o', join(dir, 'bad.tif'), '--weights', p);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(msg);
    }
  }, 120_000);
});
