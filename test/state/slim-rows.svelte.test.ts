/**
 * The page holds slim rows (lib/analysis/site-row.ts); the full rows stay in the analysis worker:
 * fetched one at a time for the card and the dossier, streamed a part at a time into the exports.
 * Real bundled data, a real analysis session behind the client.
 */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_IDS, CROPS } from '../../src/lib/data/schema.ts';
import type { Layers } from '../../src/lib/analysis/analyze.ts';
import { rowRankItems, slimRows, type SiteRow } from '../../src/lib/analysis/site-row.ts';
import { siteRankItems } from '../../src/lib/analysis/surface/rank-items.ts';
import { SITE_METRICS } from '../../src/lib/analysis/metrics.ts';
import { displayMetric, passes } from '../../src/lib/ui/site-metrics.ts';
import { connectorLines, catchmentRing } from '../../src/lib/ui/overlays.ts';
import { siteFrame } from '../../src/lib/ui/framing.ts';
import { AnalysisSession } from '../../src/workers/analysis-session.ts';
import { AnalysisClient } from '../../src/workers/analysis-client.ts';
import { ExportJobs } from '../../src/workers/table-export-jobs.ts';
import { AnalysisState } from '../../src/lib/state/analysis-state.svelte.ts';
import { withRanges } from '../../src/lib/state/score-ranges.ts';
import { blobOfAsyncChunks, streamedCsvBlob, streamedCsvChunks, streamedGeoJsonBlob, streamedGeoJsonChunks, tableCsvBlob, tableGeoJsonBlob } from '../../src/lib/ui/table-export.ts';

const layers: Layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8')) as FeatureCollection]));
const sites: Feature[] = layers['industrial-sites']!.features;
const OPTS = { radiusKm: 10, draws: 50, seed: 1 };
const credits = { attribution: 'Data: test credit', license: 'ODbL-1.0' };

/** The full rows as the page held them before: every batch's rows, with the whole set's ranges joined. */
async function oldPageRows() {
  const s = new AnalysisSession();
  s.init(layers);
  s.setSites(sites, OPTS);
  const rows = s.batch(0, sites.length).rows;
  const out = await s.ranges();
  return withRanges(rows, out).rows;
}

/** An AnalysisState following the bundled sites with a real session behind its client; resolves once the ranges are in. */
async function followed(exportPartRows?: number) {
  const session = new AnalysisSession();
  const jobs = new ExportJobs(session, exportPartRows);
  const client = new AnalysisClient({
    init: (l) => session.init(l), setSites: (s, o) => session.setSites(s, o), slimBatch: (a, b) => session.slimBatch(a, b),
    fullRows: (i, ids) => session.fullRows(i, ids), ranges: (m) => session.ranges(m),
    exportStart: (r) => jobs.start(r), exportNext: (j) => jobs.next(j), exportEnd: (j) => jobs.end(j),
  });
  const state = new AnalysisState(() => client);
  const stop = state.follow(() => ({ ready: true, layers, sites, opts: OPTS }));
  await vi.waitFor(() => { expect(state.rows.length).toBe(sites.length); expect(state.rows[0].uncertainty).not.toBeNull(); }, { timeout: 60_000, interval: 50 });
  return { state, session, jobs, stop };
}

describe('slim rows', () => {
  const s = new AnalysisSession();
  s.init(layers);
  s.setSites(sites, { radiusKm: 10 });
  const full = s.batch(0, sites.length).rows;
  const slim = slimRows(full);

  it('carry what the page shows, with the full rows’ values: a known site’s MV interval and score', () => {
    const i = full.findIndex((r) => r.id === 'ccn-nam-bang-lung');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(slim[i].nearest.mvLine!.interval).toEqual(full[i].nearest.mvLine!.interval);
    expect(slim[i].nearest.mvLine!.distanceM).toBe(full[i].nearest.mvLine!.distanceM);
    expect(slim[i].suitability.score).toBe(full[i].suitability.score);
    // real figures of the bundled data
    expect(full[0].id).toBe(slim[0].id);
    expect(slim[0].suitability.score).toBe(75.1);
    expect(Math.round(slim[0].nearest.mvLine!.distanceM)).toBe(353);
    expect(slim[0].nearest.mvLine!.interval).toEqual({ minM: null, maxM: null, basis: { site: 'commune', targets: ['schematic'], indicative: true } });
  });

  it('read the same through every metric, filter, connector, frame and rank item as the full rows', () => {
    for (let i = 0; i < full.length; i++) {
      for (const m of SITE_METRICS) {
        expect(m.get(slim[i]), `${full[i].id} ${m.key}`).toBe(m.get(full[i]));
        for (const lang of ['vi', 'en'] as const) expect(displayMetric(lang, m, slim[i])).toBe(displayMetric(lang, m, full[i]));
        if (m.near) expect(passes(m.near(slim[i]), 5000)).toBe(passes(m.near(full[i]), 5000));
      }
      for (const c of CROPS) expect(connectorLines(slim[i], 'vi', c)).toEqual(connectorLines(full[i], 'vi', c));
      expect(catchmentRing(slim[i], 10)).toEqual(catchmentRing(full[i], 10));
      expect(siteFrame(sites[i], slim[i], 'wood')).toEqual(siteFrame(sites[i], full[i], 'wood'));
    }
    expect(rowRankItems(slim)).toEqual(siteRankItems(full));
  });

  it('are much smaller than the full rows', () => {
    const bytes = (x: unknown) => new TextEncoder().encode(JSON.stringify(x)).length;
    const f = bytes(full) / full.length, sl = bytes(slim) / slim.length;
    expect(f).toBeGreaterThan(10_000);
    expect(sl / f).toBeLessThan(0.35);
  });
});

describe('full rows from the worker', () => {
  it('one site on demand: the full row with the page’s score ranges; a changed set of sites throws', async () => {
    const old = await oldPageRows();
    const { state, session, stop } = await followed();
    try {
      const i = state.rows.findIndex((r) => r.id === 'kcn-thanh-binh-1');
      const got = await state.fullRow(state.rows[i]);
      expect(got).toEqual(old[i]);
      expect(got.uncertainty).toEqual(state.rows[i].uncertainty);
      expect(got.suitability.breakdown.length).toBeGreaterThan(5);
      // the worker's sites changed under the page: a clear error, not another site's row
      session.setSites(sites.slice(1), OPTS);
      await expect(state.fullRow(state.rows[i])).rejects.toThrow(/is "kcn-[a-z0-9-]+" in the analysis, not "kcn-thanh-binh-1": the sites changed|no site/);
      await expect(state.fullRow({ ...state.rows[i], id: 'nowhere' })).rejects.toThrow(/site "nowhere" is not in the analysis/);
    } finally { stop(); }
  }, 120_000);

  it('exports stream the full rows in parts: byte-identical to the old export of the page’s full rows', async () => {
    const old = await oldPageRows();
    const { state, stop } = await followed();
    try {
      const full = (part: readonly SiteRow[]) => state.fullRows(part);
      for (const partRows of [1, 4, 1000]) {
        const csv = await blobOfAsyncChunks(streamedCsvChunks(state.rows, full, sites, credits, partRows), 'text/csv');
        expect(await csv.text()).toBe(await tableCsvBlob(old, sites, credits).text());
      }
      expect(await (await streamedCsvBlob(state.rows, full, sites, credits)).text()).toBe(await tableCsvBlob(old, sites, credits).text());
      expect(await (await streamedGeoJsonBlob(state.rows, full, sites, credits)).text()).toBe(await tableGeoJsonBlob(old, sites, credits).text());
      // a filtered, re-ordered table (what the buttons export), GeoJSON in parts of 3
      const order = [5, 0, 12, 3, 7];
      const gj = await blobOfAsyncChunks(streamedGeoJsonChunks(order.map((k) => state.rows[k]), full, sites, credits, 3), 'application/geo+json');
      const want = await tableGeoJsonBlob(order.map((k) => old[k]), sites, credits).text();
      expect(await gj.text()).toBe(want);
      expect(JSON.parse(want).features.map((f: Feature) => f.properties!.id)).toEqual(order.map((k) => sites[k].properties!.id));
      // more rows than a GeoJSON chunk (200), parts of several chunks and parts cutting through chunks: each site 40 times
      const many = Array.from({ length: 40 }, () => state.rows).flat(), manyOld = Array.from({ length: 40 }, () => old).flat();
      expect(many.length).toBe(520);
      const wantMany = await tableGeoJsonBlob(manyOld, sites, credits).text();
      for (const partRows of [1000, 250, 7]) {
        const got = await blobOfAsyncChunks(streamedGeoJsonChunks(many, full, sites, credits, partRows), 'application/geo+json');
        expect(await got.text()).toBe(wantMany);
      }
      expect(JSON.parse(wantMany).features.length).toBe(520);
      const csvMany = await blobOfAsyncChunks(streamedCsvChunks(many, full, sites, credits, 7), 'text/csv');
      expect(await csvMany.text()).toBe(await tableCsvBlob(manyOld, sites, credits).text());
      // no rows: the header alone / an empty collection, as before
      expect(await (await streamedCsvBlob([], full, sites, credits)).text()).toBe(await tableCsvBlob([], sites, credits).text());
      expect(await (await streamedGeoJsonBlob([], full, sites, credits)).text()).toBe(await tableGeoJsonBlob([], sites, credits).text());
    } finally { stop(); }
  }, 120_000);

  it('are written into the files by the worker: the same text as the page wrote, in parts, with progress', async () => {
    const old = await oldPageRows();
    const { state, jobs, stop } = await followed(4);
    try {
      const file = async (list: readonly SiteRow[], format: 'csv' | 'geojson') => {
        const seen: [number, number][] = [];
        const blob = await blobOfAsyncChunks(state.exportChunks(list, format, credits, (d, t) => seen.push([d, t])), 'text/plain');
        return { text: await blob.text(), seen };
      };
      const csv = await file(state.rows, 'csv');
      expect(csv.text).toBe(await tableCsvBlob(old, sites, credits).text());
      expect(csv.seen.at(-1)).toEqual([sites.length, sites.length]);
      expect((await file(state.rows, 'geojson')).text).toBe(await tableGeoJsonBlob(old, sites, credits).text());
      // a filtered, re-ordered table, and the score ranges the page's rows carry
      const order = [5, 0, 12, 3, 7];
      const gj = await file(order.map((k) => state.rows[k]), 'geojson');
      expect(gj.text).toBe(await tableGeoJsonBlob(order.map((k) => old[k]), sites, credits).text());
      expect(JSON.parse(gj.text).features.map((f: Feature) => f.properties!.id)).toEqual(order.map((k) => sites[k].properties!.id));
      expect(old[5].uncertainty).not.toBeNull();
      // no rows: the header alone
      expect((await file([], 'csv')).text).toBe(await tableCsvBlob([], sites, credits).text());
      expect(jobs.open).toBe(0);
    } finally { stop(); }
  }, 120_000);

  it('beyond the rows the worker keeps, are analysed again on demand: the same rows and ranges, no more held than the limit', async () => {
    const n = sites.length;
    const few = new AnalysisSession(undefined, 3);
    few.init(layers);
    few.setSites(sites, OPTS);
    const slim = few.slimBatch(0, n).rows;
    expect(few.fullRowsHeld).toBe(3);
    const ref = new AnalysisSession();
    ref.init(layers);
    ref.setSites(sites, OPTS);
    const want = ref.batch(0, n).rows;
    expect(n).toBeGreaterThan(10);
    expect(slim).toEqual(slimRows(want));
    // the last three used are kept: not analysed again
    expect(few.fullRows([n - 3, n - 1])).toEqual([want[n - 3], want[n - 1]]);
    expect(few.recomputed).toBe(0);
    // every full row, in parts as an export asks: the first part drops the last three, so all are analysed again
    const all = [...few.fullRows([...Array(6).keys()]), ...few.fullRows([...Array(n - 6).keys()].map((i) => i + 6))];
    expect(all).toEqual(want);
    expect(few.recomputed).toBe(n);
    expect(few.analysed).toBe(n);
    expect(few.fullRowsHeld).toBe(3);
    // the draws need full rows this engine made: every site's, made again
    expect(await few.ranges()).toEqual(await ref.ranges());
  }, 120_000);

  it('are answered while the score draws run: the draws pause, then give the same ranges; new sites end them', async () => {
    const s = new AnalysisSession();
    s.init(layers);
    s.setSites(sites, { ...OPTS, draws: 1000 });
    s.batch(0, sites.length);
    let settled = false;
    const p = s.ranges().then((x) => { settled = true; return x; });
    await new Promise((r) => setTimeout(r, 0));
    // the draws are not over, and a full row comes meanwhile
    expect(settled).toBe(false);
    expect(s.fullRows([4], [sites[4].properties!.id])[0].id).toBe(sites[4].properties!.id);
    const out = await p;
    if (!('ranges' in out)) throw new Error('expected ranges');
    const ref = new AnalysisSession();
    ref.init(layers);
    ref.setSites(sites, { ...OPTS, draws: 1000 });
    ref.batch(0, sites.length);
    expect(out).toEqual(await ref.ranges());
    expect(out.ranges.every((r) => r.draws === 1000)).toBe(true);
    // new sites while drawing: the old draws stop early with an empty answer
    const q = s.ranges();
    s.setSites(sites.slice(2), { ...OPTS, draws: 1000 });
    expect(await q).toEqual({ ranges: [], ids: [] });
  }, 120_000);
});

