import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import type { Layers } from '../../src/lib/analysis/analyze.ts';
import { AnalysisSession } from '../../src/workers/analysis-session.ts';
import { AnalysisClient } from '../../src/workers/analysis-client.ts';
import { slimRow } from '../../src/lib/analysis/site-row.ts';
import { baseKey, contentKey, hashString, idbResultStore, ROWS_PER_PART, rowsPartKey, type AnalysisResultStore, type SavedAnalysis } from '../../src/workers/analysis-cache.ts';
import { createStore, del, keys, set } from 'idb-keyval';
import { serialize } from 'node:v8';

const layers: Layers = {};
for (const id of LAYER_IDS) {
  const p = `public/geodata/${id}.geojson`;
  if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
}
const region = (layers.region as FeatureCollection<Polygon>).features[0];
const sites: Feature[] = [];
for (let k = 0; sites.length < 120 && k < 100_000; k++) {
  const p = [105.6 + (k % 150) * 0.005, 21.85 + Math.floor(k / 150) * 0.005];
  if (booleanPointInPolygon(p, region)) sites.push({ type: 'Feature', properties: { id: `g-${sites.length}`, name: `G ${sites.length}` }, geometry: { type: 'Point', coordinates: p } });
}

/** A result store in memory (what IndexedDB holds in the browser), counting its calls. */
function memoryStore() {
  let v: SavedAnalysis | undefined;
  const calls = { load: 0, save: 0 };
  const store: AnalysisResultStore = {
    load: async () => { calls.load++; return v && structuredClone(v); },
    save: async (x) => { calls.save++; v = structuredClone(x); },
  };
  return { store, calls };
}

/** One visit: a fresh worker session on the store, a whole run through the client. */
async function visit(store: AnalysisResultStore, l: Layers, s: Feature[], opts: { radiusKm: number }) {
  const session = new AnalysisSession(store);
  const client = new AnalysisClient(session);
  client.setLayers(l);
  const rows = await client.run(s, opts).done;
  await session.flushed();
  return { rows: rows!, session };
}

const moved = (f: Feature, dx: number): Feature => ({ ...f, geometry: { type: 'Point', coordinates: [(f.geometry as Point).coordinates[0] + dx, (f.geometry as Point).coordinates[1]] } });

describe('content key of a saved analysis', () => {
  const lh = hashString(JSON.stringify(layers));
  const siteHashes = sites.map((f) => hashString(JSON.stringify([f.id ?? null, f.properties, f.geometry])));
  const key = contentKey(baseKey(lh, '{"radiusKm":10}'), siteHashes);

  it('is the same for the same layers, sites and options, computed again', () => {
    expect(hashString(JSON.stringify(layers))).toBe(lh);
    expect(contentKey(baseKey(hashString(JSON.stringify(structuredClone(layers))), '{"radiusKm":10}'), [...siteHashes])).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{14}$/);
  });

  it('changes when a layer, a site or an option changes', () => {
    const l2 = structuredClone(layers);
    const f0 = l2['industrial-sites']!.features[0];
    (f0.geometry as Point).coordinates = [(f0.geometry as Point).coordinates[0] + 0.001, (f0.geometry as Point).coordinates[1]];
    expect(contentKey(baseKey(hashString(JSON.stringify(l2)), '{"radiusKm":10}'), siteHashes)).not.toBe(key);
    expect(contentKey(baseKey(lh, '{"radiusKm":5}'), siteHashes)).not.toBe(key);
    const s2 = [...siteHashes];
    s2[7] = hashString(JSON.stringify([null, sites[7].properties, moved(sites[7], 0.001).geometry]));
    expect(contentKey(baseKey(lh, '{"radiusKm":10}'), s2)).not.toBe(key);
    expect(contentKey(baseKey(lh, '{"radiusKm":10}'), siteHashes.slice(1))).not.toBe(key);
  });
});

describe('saved analyses across visits', () => {
  it('reuses every row when nothing changed, and only the unchanged sites’ rows otherwise', async () => {
    const { store, calls } = memoryStore();
    const first = await visit(store, layers, sites, { radiusKm: 10 });
    expect(first.session.analysed).toBe(sites.length);
    expect(calls.save).toBe(1);

    // reload: same layers, sites and options → nothing analysed, the same rows
    const again = await visit(store, layers, sites, { radiusKm: 10 });
    expect(again.session.analysed).toBe(0);
    expect(again.session.restored).toBe(sites.length);
    expect(again.rows).toEqual(first.rows);
    expect(calls.save).toBe(1); // nothing new to save

    // one site moved: only it is analysed, and its row is the fresh one
    const s2 = sites.map((f, i) => (i === 5 ? moved(f, 0.002) : f));
    const one = await visit(store, layers, s2, { radiusKm: 10 });
    expect(one.session.analysed).toBe(1);
    expect(one.rows[5]).not.toEqual(first.rows[5]);
    expect(one.rows.filter((r, i) => i !== 5)).toEqual(first.rows.filter((r, i) => i !== 5));
    expect(calls.save).toBe(2);

    // other options: everything again
    const opts = await visit(store, layers, s2, { radiusKm: 5 });
    expect(opts.session.analysed).toBe(sites.length);

    // other layers (one substation fewer): everything again
    const l2: Layers = { ...layers, 'power-substations': { ...layers['power-substations']!, features: layers['power-substations']!.features.slice(1) } };
    const lay = await visit(store, l2, s2, { radiusKm: 5 });
    expect(lay.session.analysed).toBe(sites.length);
  }, 120_000);

  it('a visit that first analyses some of the saved sites (the bundled ones, before the imported are read back) still reuses all', async () => {
    const { store } = memoryStore();
    await visit(store, layers, sites, { radiusKm: 10 });
    const session = new AnalysisSession(store);
    const client = new AnalysisClient(session);
    client.setLayers(layers);
    await client.run(sites.slice(0, 10), { radiusKm: 10 }).done;
    const rows = await client.run(sites, { radiusKm: 10 }).done;
    expect(rows).toHaveLength(sites.length);
    expect(session.analysed).toBe(0);
    expect(session.restored).toBe(sites.length);
  }, 120_000);

  it('a run whose sites arrive while the record is still being read waits for it instead of analysing', async () => {
    const { store } = memoryStore();
    await visit(store, layers, sites, { radiusKm: 10 });
    // the record takes a while to read: the bundled sites' run starts it, the imported sites' run follows
    let open!: () => void;
    const gate = new Promise<void>((r) => { open = r; });
    const slow: AnalysisResultStore = { load: async () => { await gate; return store.load(); }, save: (v) => store.save(v) };
    const session = new AnalysisSession(slow);
    session.init(layers);
    const first = session.setSites(sites.slice(0, 10), { radiusKm: 10 });
    const second = session.setSites(sites, { radiusKm: 10 });
    setTimeout(open, 50);
    expect(await second).toBe(sites.length);
    const { rows, cached } = session.batch(0, sites.length);
    await first;
    expect(rows).toHaveLength(sites.length);
    expect(cached).toBe(sites.length);
    expect(session.analysed).toBe(0);
  }, 120_000);

  it('a visit that ends with only some of the saved sites keeps the record of all of them', async () => {
    const { store, calls } = memoryStore();
    await visit(store, layers, sites, { radiusKm: 10 });
    // the page was closed before the imported sites were read back: only the first ten were run
    const part = await visit(store, layers, sites.slice(0, 10), { radiusKm: 10 });
    expect(part.session.analysed).toBe(0);
    expect(calls.save).toBe(1); // the record already holds them: nothing written
    expect(await part.session.saved()).toEqual({ state: 'saved', sites: 10 });
    const all = await visit(store, layers, sites, { radiusKm: 10 });
    expect(all.session.analysed).toBe(0);
    expect(all.session.restored).toBe(sites.length);
  }, 120_000);

  it('reports the save once written, and a store that refuses it', async () => {
    const { store } = memoryStore();
    const first = await visit(store, layers, sites.slice(0, 5), { radiusKm: 10 });
    expect(await first.session.saved()).toEqual({ state: 'saved', sites: 5 });
    const full: AnalysisResultStore = { load: async () => undefined, save: async () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    const refused = await visit(full, layers, sites.slice(0, 5), { radiusKm: 10 });
    expect(await refused.session.saved()).toEqual({ state: 'failed', sites: 5 });
    expect(await new AnalysisSession(store).saved()).toBeNull();
  }, 120_000);

  it('reuses the rows when the same layers arrive in another order (each file as it is fetched)', async () => {
    const { store } = memoryStore();
    await visit(store, layers, sites.slice(0, 20), { radiusKm: 10 });
    const reordered = Object.fromEntries(Object.entries(layers).reverse()) as Layers;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(layers));
    const again = await visit(store, reordered, sites.slice(0, 20), { radiusKm: 10 });
    expect(again.session.analysed).toBe(0);
    expect(again.session.restored).toBe(20);
  }, 120_000);

  it('the row of a moved site is what the engine gives for it', async () => {
    const { store } = memoryStore();
    await visit(store, layers, sites, { radiusKm: 10 });
    const s2 = sites.map((f, i) => (i === 3 ? moved(f, -0.003) : f));
    const { rows, session } = await visit(store, layers, s2, { radiusKm: 10 });
    const direct = new AnalysisSession();
    direct.init(layers);
    const want = direct.analyze([s2[3]], { radiusKm: 10, draws: 0 })[0];
    // the page's slim row, and the full row the worker keeps
    expect(rows[3]).toEqual(slimRow(want));
    expect(session.fullRows([3], [rows[3].id])).toEqual([want]);
  }, 120_000);

  it('a visit that reused saved rows gives every full row as the engine does, analysing it again on demand', async () => {
    const { store } = memoryStore();
    await visit(store, layers, sites.slice(0, 30), { radiusKm: 10 });
    const { rows, session } = await visit(store, layers, sites.slice(0, 30), { radiusKm: 10 });
    expect(session.restored).toBe(30);
    const direct = new AnalysisSession();
    direct.init(layers);
    const want = direct.analyze(sites.slice(0, 30), { radiusKm: 10, draws: 0 });
    expect(rows).toEqual(want.map((r) => slimRow(r)));
    expect(session.recomputed).toBe(0);
    expect(session.fullRows([7, 21], [rows[7].id, rows[21].id])).toEqual([want[7], want[21]]);
    expect(session.recomputed).toBe(2);
    // kept now: asked again, not analysed again
    session.fullRows([21]);
    expect(session.recomputed).toBe(2);
    expect(session.analysed).toBe(0);
  }, 120_000);

  it('stores the record in IndexedDB and reads it back', async () => {
    const s = idbResultStore();
    const v: SavedAnalysis = { base: 'b', key: 'k', sites: ['a1'], rows: [{ id: 'x' } as unknown as SavedAnalysis['rows'][number]] };
    await s.save(v);
    expect(await s.load()).toEqual(v);
  });

  /** A saved analysis of `n` sites with small stand-in rows (the store does not look inside them). */
  const savedOf = (n: number, key: string): SavedAnalysis => ({
    base: 'b', key,
    sites: Array.from({ length: n }, (_, i) => `h${i}`),
    rows: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `Site ${i}` }) as unknown as SavedAnalysis['rows'][number]),
  });
  const rawKeys = () => keys<string>(createStore('backan-analysis', 'results'));

  it('stores many rows in parts (each under the browser’s limit for one value), read back whole and in order', async () => {
    const s = idbResultStore();
    const big = savedOf(ROWS_PER_PART * 2 + 17, 'big');
    await s.save(big);
    expect((await rawKeys()).sort()).toEqual(['last', rowsPartKey(0), rowsPartKey(1), rowsPartKey(2)].sort());
    expect(await s.load()).toEqual(big);
    // A smaller save leaves no part of the bigger one behind.
    const small = savedOf(10, 'small');
    await s.save(small);
    expect((await rawKeys()).sort()).toEqual(['last', rowsPartKey(0)]);
    expect(await s.load()).toEqual(small);
  });

  it('reads a head whose parts are not all there as nothing saved; a whole record of an earlier version as before', async () => {
    const s = idbResultStore();
    await s.save(savedOf(ROWS_PER_PART + 1, 'two'));
    const raw = createStore('backan-analysis', 'results');
    await del(rowsPartKey(1), raw);
    expect(await s.load()).toBeUndefined();
    const old = savedOf(3, 'old');
    await set('last', old, raw);
    expect(await s.load()).toEqual(old);
  });

  it('a part of real saved rows is well under the ~133 MB Chromium takes as one value', async () => {
    const { store } = memoryStore();
    await visit(store, layers, sites.slice(0, 40), { radiusKm: 10 });
    const saved = (await store.load())!;
    const perRow = Math.max(...saved.rows.map((r) => serialize(r).length));
    expect(perRow).toBeGreaterThan(1000);
    // the page's rows, not full rows (≈ 11 KB): a 50 000-site record is ≈ 120 MB, not ≈ 570 MB
    expect(perRow).toBeLessThan(4000);
    expect(saved.rows[0]).toHaveProperty('ends');
    expect(saved.rows[0]).not.toHaveProperty('suitability.breakdown');
    expect(perRow * ROWS_PER_PART).toBeLessThan(133_169_152 / 2);
  }, 120_000);
});

describe('score and rank ranges after a visit that reused saved rows', () => {
  it('equal those of a visit that analysed every site (the saved sites are analysed again for the draws)', async () => {
    const few = sites.slice(0, 12);
    const { store } = memoryStore();
    const first = await visit(store, layers, few, { radiusKm: 10 });
    const firstRanges = await first.session.ranges();
    const second = await visit(store, layers, few, { radiusKm: 10 });
    expect(second.session.restored).toBe(few.length);
    const again = await second.session.ranges();
    expect('ranges' in again && 'ranges' in firstRanges).toBe(true);
    if (!('ranges' in again) || !('ranges' in firstRanges)) return;
    expect(again.ids).toEqual(few.map((f) => f.properties!.id));
    expect(again.ranges.length).toBe(few.length);
    expect(again.ranges).toEqual(firstRanges.ranges);
    // their page rows were restored; their full rows (with the draw inputs) made again
    expect(second.session.analysed).toBe(0);
    expect(second.session.recomputed).toBe(few.length);
  }, 120_000);
});
