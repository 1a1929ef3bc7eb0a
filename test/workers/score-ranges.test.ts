/**
 * Score and rank ranges of the whole set of sites, computed by the analysis worker after the
 * batches: equal to the CLI's `npm run analyze` on the same sites (same seed, same draws).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import type { Layers } from '../../src/lib/analysis/analyze.ts';
import { AnalysisSession } from '../../src/workers/analysis-session.ts';
import { AnalysisClient, type AnalysisBackend } from '../../src/workers/analysis-client.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const layers: Layers = {};
for (const id of LAYER_IDS) {
  const p = `${ROOT}public/geodata/${id}.geojson`;
  if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
}
const sites = (layers['industrial-sites'] as FeatureCollection).features as Feature[];

/** The CLI's CSV on the bundled sites, as id → score_min, score_max, rank, rank_min, rank_max. */
function cliRanges(...args: string[]): Map<string, number[]> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', 'public/geodata/industrial-sites.geojson', '--data', 'public/geodata', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  const [head, ...lines] = r.stdout.trim().split('\n');
  const h = head.split(',');
  const cols = ['score_min', 'score_max', 'rank', 'rank_min', 'rank_max'].map((c) => h.indexOf(c));
  // the ids come first and hold no commas; the name may be quoted, but the columns read here follow it
  return new Map(lines.map((l) => { const f = l.split(','); return [f[0], cols.map((c) => Number(f[c]))]; }));
}

describe('score and rank ranges of the whole set (worker, after the batches)', () => {
  it('equal the CLI output on the same sites: 1 000 draws, seed 1', async () => {
    expect(sites.length).toBe(13);
    const cli = cliRanges();
    const session = new AnalysisSession();
    session.init(layers);
    session.setSites(sites, { radiusKm: 10 });
    // the page receives the rows in batches without ranges…
    const a = session.batch(0, 5).rows, b = session.batch(5, 13).rows;
    expect([...a, ...b].every((r) => r.uncertainty === null)).toBe(true);
    // …then the ranges of the whole set
    const out = session.ranges();
    if (!('ranges' in out)) throw new Error('expected ranges');
    expect(out.ids).toEqual(sites.map((f) => f.properties!.id));
    const got = new Map(out.ids.map((id, i) => { const r = out.ranges[i]; return [id, [r.scoreMin, r.scoreMax, r.rank, r.rankMin, r.rankMax].map((x) => Math.round(x * 10) / 10)]; }));
    for (const [id, want] of cli) expect(got.get(id), id).toEqual(want.map((x) => Math.round(x * 10) / 10));
    // real spread: Nam Bằng Lũng (placed by commune) ranges over most ranks
    expect(cli.get('ccn-nam-bang-lung')).toEqual([1.2, 83.3, 4, 1, 13]);
    expect(out.ranges.every((r) => r.draws === 1000 && r.seed === 1)).toBe(true);
  }, 120_000);

  it('follow the seed and draws of the options, like the CLI flags', async () => {
    const cli = cliRanges('--draws', '50', '--seed', '7');
    const session = new AnalysisSession();
    const backend: AnalysisBackend = { init: (l) => session.init(l), setSites: (s, o) => session.setSites(s, o), slimBatch: (x, y) => session.slimBatch(x, y), fullRows: (i, ids) => session.fullRows(i, ids), ranges: (m) => session.ranges(m) };
    const client = new AnalysisClient(backend);
    client.setLayers(layers);
    const rows = await client.run(sites, { radiusKm: 10, draws: 50, seed: 7 }).done;
    expect(rows).toHaveLength(13);
    const out = await client.ranges();
    if (!out || !('ranges' in out)) throw new Error('expected ranges');
    out.ids.forEach((id, i) => {
      const r = out.ranges[i];
      expect([r.scoreMin, r.scoreMax, r.rank, r.rankMin, r.rankMax].map((x) => Math.round(x * 10) / 10), id).toEqual(cli.get(id)!.map((x) => Math.round(x * 10) / 10));
    });
  }, 120_000);

  it('says the set is too large instead of computing it', () => {
    const session = new AnalysisSession();
    session.init(layers);
    session.setSites(sites, {});
    expect(session.ranges(12)).toEqual({ tooMany: 13, limit: 12 });
  });
});

describe('joining the ranges to the page rows', () => {
  it('sets each row’s range by id, and reports a set too large without touching the rows', async () => {
    const { withRanges } = await import('../../src/lib/state/score-ranges.ts');
    const session = new AnalysisSession();
    session.init(layers);
    session.setSites(sites.slice(0, 3), { draws: 20 });
    const rows = session.batch(0, 3).rows;
    const out = session.ranges();
    const joined = withRanges([...rows].reverse(), out);
    expect(joined.status).toBeNull();
    expect(joined.rows.map((r) => r.id)).toEqual([...rows].reverse().map((r) => r.id));
    if (!('ranges' in out)) throw new Error('expected ranges');
    joined.rows.forEach((r) => expect(r.uncertainty).toEqual(out.ranges[out.ids.indexOf(r.id)]));
    expect(joined.rows.every((r) => r.uncertainty!.draws === 20)).toBe(true);
    const big = withRanges(rows, session.ranges(2));
    expect(big.status).toEqual({ state: 'tooMany', n: 3, limit: 2 });
    expect(big.rows.every((r) => r.uncertainty === null)).toBe(true);
  });
});
