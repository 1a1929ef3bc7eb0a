import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import { createAnalysisEngine, type Layers } from '../../src/lib/analysis/analyze.ts';
import { AnalysisSession } from '../../src/workers/analysis-session.ts';
import { AnalysisClient, FIRST_BATCH, type AnalysisBackend, type RunHandle } from '../../src/workers/analysis-client.ts';
import { slimRow, slimRows } from '../../src/lib/analysis/site-row.ts';
import { SiteParts } from '../../src/workers/parts.ts';

const layers: Layers = {};
for (const id of LAYER_IDS) {
  const p = `public/geodata/${id}.geojson`;
  if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
}

/** Sites on a regular grid inside the region polygon. */
function gridSites(count: number): Feature[] {
  const region = (layers.region as FeatureCollection<Polygon>).features[0];
  const out: Feature[] = [];
  for (let k = 0; out.length < count && k < 100_000; k++) {
    const p = [105.6 + (k % 150) * 0.005, 21.85 + Math.floor(k / 150) * 0.005];
    if (booleanPointInPolygon(p, region)) out.push({ type: 'Feature', properties: { id: `g-${out.length}`, name: `G ${out.length}` }, geometry: { type: 'Point', coordinates: p } });
  }
  return out;
}

/** A backend that counts the calls and the sites sent, around a real session. */
function counting(session: AnalysisSession) {
  const calls = { init: 0, setSites: 0, batch: 0, sitesSent: 0 };
  const backend: AnalysisBackend = {
    init: (l) => { calls.init++; return session.init(l); },
    setSites: (s, o) => { calls.setSites++; calls.sitesSent += s.length; return session.setSites(s, o); },
    slimBatch: (a, b) => { calls.batch++; return session.slimBatch(a, b); },
    fullRows: (i, ids) => session.fullRows(i, ids),
  };
  return { backend, calls };
}

let sites: Feature[];
beforeAll(() => { sites = gridSites(1500); });

describe('analysis worker protocol', () => {
  it('sends the sites once and returns every row, in order, in a few large batches', async () => {
    expect(sites.length).toBe(1500);
    const session = new AnalysisSession();
    const { backend, calls } = counting(session);
    const client = new AnalysisClient(backend);
    client.setLayers(layers);
    const progress: number[] = [];
    const rows = await client.run(sites, { radiusKm: 10 }, (done, total) => { expect(total).toBe(1500); progress.push(done); }).done;
    expect(rows).not.toBeNull();
    expect(rows!.map((r) => r.id)).toEqual(sites.map((f) => f.properties!.id));
    // Same rows as the engine in one call (the CLI's path): slim on the page, full on demand.
    const direct = createAnalysisEngine(layers).analyze(sites.slice(0, 200), { radiusKm: 10, draws: 0 });
    expect(rows!.slice(0, 200)).toEqual(slimRows(direct));
    const idx = Array.from({ length: 200 }, (_, i) => i);
    expect(await client.fullRows(idx, idx.map((i) => rows![i].id))).toEqual(direct);
    expect(calls.setSites).toBe(1);
    expect(calls.sitesSent).toBe(1500);
    // 16 sites per round trip would be 94 batches; the first batch is FIRST_BATCH, then they grow.
    expect(calls.batch).toBe(progress.length);
    expect(calls.batch).toBeLessThan(Math.ceil(1500 / 64));
    expect(progress[0]).toBe(FIRST_BATCH);
    expect(progress.at(-1)).toBe(1500);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
  }, 120_000);

  it('reuses rows when nothing changed and analyses only the sites that changed', async () => {
    const session = new AnalysisSession();
    const client = new AnalysisClient(counting(session).backend);
    client.setLayers(layers);
    const first = await client.run(sites, { radiusKm: 10 }).done;
    expect(session.analysed).toBe(1500);
    expect(session.builds).toBe(1);

    // Nothing changed: no site analysed again, the same rows come back.
    const again = await client.run(sites.map((f) => structuredClone(f)), { radiusKm: 10 }).done;
    expect(session.analysed).toBe(1500);
    expect(again).toEqual(first);

    // One site moved and one added: only those two are analysed.
    const moved = structuredClone(sites[7]);
    (moved.geometry as { coordinates: number[] }).coordinates[0] += 0.01;
    const added: Feature = { type: 'Feature', properties: { id: 'new', name: 'New' }, geometry: { type: 'Point', coordinates: [105.83, 22.15] } };
    const next = [...sites.slice(0, 7), moved, ...sites.slice(8), added];
    const rows = await client.run(next, { radiusKm: 10 }).done;
    expect(session.analysed).toBe(1502);
    const movedRow = createAnalysisEngine(layers).analyze([moved], { radiusKm: 10, draws: 0 })[0];
    expect(rows![7]).toEqual(slimRow(movedRow));
    expect(await client.fullRows([7], ['g-7'])).toEqual([movedRow]);
    expect(rows![7]).not.toEqual(first![7]);
    expect(rows!.at(-1)!.id).toBe('new');

    // Other options: everything again. New layers: indexes rebuilt and everything again.
    await client.run(next, { radiusKm: 20 }).done;
    expect(session.analysed).toBe(1502 + 1501);
    client.setLayers({ ...layers });
    await client.run(next, { radiusKm: 20 }).done;
    expect(session.builds).toBe(2);
    expect(session.analysed).toBe(1502 + 1501 * 2);
  }, 120_000);

  it('drops a run that a newer run superseded, and a cancelled run', async () => {
    const session = new AnalysisSession();
    const client = new AnalysisClient(counting(session).backend);
    client.setLayers(layers);
    const a = client.run(sites, { radiusKm: 5 });
    const b = client.run(sites.slice(0, 10), { radiusKm: 5 });
    expect(await a.done).toBeNull();
    expect((await b.done)!.length).toBe(10);
    const c = client.run(sites, { radiusKm: 30 });
    c.cancel();
    expect(await c.done).toBeNull();
  }, 120_000);

  it('sites sent in parts give the same rows as sites sent in one message; a newer run drops the parts of an older one', async () => {
    const few = sites.slice(0, 700);
    const whole = new AnalysisClient(counting(new AnalysisSession()).backend);
    whole.setLayers(layers);
    const one = await whole.run(few, { radiusKm: 10 }).done;
    // the worker's calls: the parts put together as the worker does
    const session = new AnalysisSession();
    const parts = new SiteParts();
    const sent: [number, number][] = [];
    let newer: RunHandle | null = null;
    const backend: AnalysisBackend = {
      ...counting(session).backend,
      sitesPart: async (run, index, part) => {
        sent.push([run, part.length]);
        const n = parts.add(run, index, part);
        // a newer run starts while the older one's parts are being sent
        if (run === 1 && index === 1) newer = client.run(few, { radiusKm: 10 });
        return n;
      },
      setSitesSent: (run, total, opts) => session.setSites(parts.take(run, total), opts),
    };
    const client = new AnalysisClient(backend, { first: 200, max: 300 });
    client.setLayers(layers);
    const older = client.run(sites, { radiusKm: 10 });
    expect(await older.done).toBeNull();
    const rows = await newer!.done;
    expect(sent).toEqual([[1, 200], [1, 300], [2, 200], [2, 300], [2, 200]]);
    expect(rows).toEqual(one);
  }, 120_000);

  it('refuses to analyse before the layers are set', () => {
    const session = new AnalysisSession();
    session.setSites(sites.slice(0, 1), {});
    expect(() => session.batch(0, 1)).toThrow(/init\(layers\) must be called/);
  });
});
