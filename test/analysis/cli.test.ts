/** The analyze CLI, spawned on a small fixture against the test data package. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import Papa from 'papaparse';
import { FIXTURES, PACKAGE_DIR } from '../geo/helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('scripts/analyze.ts', () => {
  it('prints a CSV table', () => {
    const r = run(`${FIXTURES}cli/sites.geojson`, '--data', PACKAGE_DIR, '--radius-km', '5');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].startsWith('id,name,site_accuracy,score,score_min,score_max,rank,rank_min,rank_max,mv_line_id,mv_line_m,mv_line_min_m,mv_line_max_m,mv_line_basis')).toBe(true);
    expect(lines).toHaveLength(3);
    const header = lines[0].split(',');
    const a = lines[1].split(',');
    expect(a[0]).toBe('cli-a');
    expect(lines[1]).toContain('"Điểm A, test"'); // quoted field
    const b = lines[2].split(',');
    expect(b[0]).toBe('cli-b');
    expect(Number(b[header.indexOf('mv_line_m')])).toBe(1031); // 0.01° lon at 22.16 N
    expect(Number(b[header.indexOf('catchment_radius_km')])).toBe(5);
    expect(r.stderr).toContain('layers missing');
    // every distance column has its interval columns; a drawn site and traced/drawn targets: min = max = the point estimate
    for (const x of header.filter((h) => h.endsWith('_m') && !h.endsWith('_min_m') && !h.endsWith('_max_m') && h !== 'mv_length_m_within_r' && !h.endsWith('_no_road_within_m'))) {
      const base = x.slice(0, -2);
      expect(header, x).toEqual(expect.arrayContaining([`${base}_min_m`, `${base}_max_m`, `${base}_basis`]));
    }
    // the package's MV lines are schematic: indicative, no bound
    expect(b[header.indexOf('mv_line_min_m')]).toBe('');
    expect(b[header.indexOf('mv_line_max_m')]).toBe('');
    expect(b[header.indexOf('mv_line_basis')]).toBe('site=drawn;targets=schematic;indicative');
    // traced substations and a drawn site: known positions, min = max = the point estimate
    expect(b[header.indexOf('substation_min_m')]).toBe(b[header.indexOf('substation_m')]);
    expect(b[header.indexOf('substation_max_m')]).toBe(b[header.indexOf('substation_m')]);
    expect(b[header.indexOf('substation_basis')]).toBe('site=drawn;targets=traced');
    // rank stability of the two sites under combined weight + position draws: both always in the top 2
    const parsed = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data;
    expect(parsed.map((row) => row.id)).toEqual(['cli-a', 'cli-b']);
    for (const row of parsed) {
      expect(row.stab_top_k).toBe('2');
      expect(row.stab_top_k_share).toBe('1');
      const [rank, min, max] = [row.rank, row.stab_rank_min, row.stab_rank_max].map(Number);
      expect(min).toBeGreaterThanOrEqual(1);
      expect(min).toBeLessThanOrEqual(rank);
      expect(rank).toBeLessThanOrEqual(max);
      expect(max).toBeLessThanOrEqual(2);
    }
  }, 60_000);

  it('prints GeoJSON with the full analysis', () => {
    const r = run(`${FIXTURES}cli/sites.geojson`, '--data', PACKAGE_DIR, '--format', 'geojson');
    expect(r.status).toBe(0);
    const fc = JSON.parse(r.stdout);
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0].properties.analysis.nearest.mvLine.id).toBe('mv35-north-south');
  }, 60_000);

  it('falls back gracefully when the data package is absent', () => {
    const r = run(`${FIXTURES}cli/sites.geojson`, '--data', '/nonexistent-dir');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no layer found in /nonexistent-dir');
  }, 60_000);

  it.each([
    [['test/fixtures/geo/cli/bad.geojson'], 1, /sites file .*bad.geojson is not valid JSON/],
    [['/nonexistent.geojson'], 1, /cannot read sites file \/nonexistent.geojson: ENOENT/],
    [[`${PACKAGE_DIR}/power-lines.geojson`, '--radius-km', '-1'], 2, /radiusKm must be a positive number, got -1/],
    [[`${PACKAGE_DIR}/power-lines.geojson`, '--format', 'xml'], 2, /--format must be csv or geojson, got xml/],
    [[`${PACKAGE_DIR}/power-lines.geojson`, '--max-offroad-km', '0'], 2, /maxOffroadKm must be a positive number, got 0/],
    [[], 2, /usage: npm run analyze/],
  ])('bad input %j → exit %i', (args, code, msg) => {
    const r = run(...(args as string[]));
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(msg);
  }, 60_000);
});
