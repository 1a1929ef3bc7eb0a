import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { SiteParts, sendInParts } from '../../src/workers/parts.ts';
import { AnalysisClient, type AnalysisBackend } from '../../src/workers/analysis-client.ts';
import type { SlimBatch } from '../../src/workers/analysis-session.ts';

const site = (i: number): Feature => ({ type: 'Feature', properties: { id: `s${i}`, name: `Site ${i}` }, geometry: { type: 'Point', coordinates: [105.8 + i * 1e-5, 22.1] } });
const sitesOf = (n: number) => Array.from({ length: n }, (_, i) => site(i));
const idsOf = (fs: readonly Feature[]) => fs.map((f) => f.properties!.id as string);

describe('sending the sites in parts', () => {
  it('every site arrives once, in order, in parts no larger than the most allowed', async () => {
    const sites = sitesOf(5000);
    const worker = new SiteParts();
    const sizes: number[] = [];
    const parts = await sendInParts(sites, (part, index) => { sizes.push(part.length); return worker.add(7, index, part); }, undefined, { first: 700, max: 900 });
    expect(parts).toBe(sizes.length);
    expect(sizes[0]).toBe(700);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(900);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    const got = worker.take(7, 5000);
    expect(got).toHaveLength(5000);
    expect(idsOf(got)).toEqual(idsOf(sites));
    // the same feature objects, not copies (the worker's clone is the only copy)
    expect(got[4321]).toBe(sites[4321]);
  });

  it('sizes the next part from the time the last one took to send', async () => {
    const sizes: number[] = [];
    let clock = 0;
    // each site takes 0.1 ms to send: 250 of them make the 25 ms wanted
    await sendInParts(sitesOf(3000), (part) => { sizes.push(part.length); clock += part.length * 0.1; }, undefined, { first: 1000, min: 10, max: 5000, now: () => clock });
    expect(sizes).toEqual([1000, 250, 250, 250, 250, 250, 250, 250, 250]);
  });

  it('a part grows at most twofold over the last, however fast that one went; the receiver\'s own time counts when longer', async () => {
    const sizes: number[] = [];
    const clock = 0;
    // sent in no time: 1 000, then doubling up to the most allowed
    await sendInParts(sitesOf(40_000), (part) => { sizes.push(part.length); }, undefined, { first: 1000, max: 9000, now: () => clock });
    expect(sizes.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 9000]);
    // the receiver reports 0.05 ms a site for what took the sender nothing: 500 sites make 25 ms
    const answered: number[] = [];
    await sendInParts(sitesOf(3000), (part) => { answered.push(part.length); return { took: part.length * 0.05 }; }, undefined, { first: 1000, min: 10, now: () => clock, tookOf: (a) => (a as { took: number }).took });
    expect(answered).toEqual([1000, 500, 500, 500, 500]);
  });

  it('a failing part rejects with which part and which sites failed, and sends no later part', async () => {
    const sent: number[] = [];
    const run = sendInParts(sitesOf(500), (part, index) => {
      if (index === 2) throw new Error('worker gone');
      sent.push(index);
    }, undefined, { first: 100, max: 100 });
    await expect(run).rejects.toThrow('sending the sites to the analysis worker failed at part 3 (sites 201–300 of 500): worker gone');
    expect(sent).toEqual([0, 1]);
  });

  it('a part that cannot be cloned goes again as a plain copy', async () => {
    const got: Feature[][] = [];
    let refused = false;
    const sites = sitesOf(30);
    await sendInParts(sites, async (part, index) => {
      if (index === 1 && !refused) { refused = true; throw new DOMException('proxy', 'DataCloneError'); }
      got.push(part);
    }, undefined, { first: 10, max: 10 });
    expect(refused).toBe(true);
    expect(got.flat()).toEqual(sites);
    expect(got[1][0]).not.toBe(sites[10]); // the plain copy
  });

  it('stops between parts when a newer run started', async () => {
    let sent = 0;
    const out = await sendInParts(sitesOf(1000), () => { sent++; }, () => sent === 3, { first: 100, max: 100 });
    expect(out).toBeNull();
    expect(sent).toBe(3);
  });
});

describe('the worker putting the parts together', () => {
  it('refuses a part out of order, a part without its run, and a run with sites missing', () => {
    const w = new SiteParts();
    w.add(1, 0, sitesOf(3));
    expect(() => w.add(1, 2, sitesOf(3))).toThrow('analysis worker: part 3 of the sites of run 1 came after part 1');
    expect(() => w.add(2, 1, sitesOf(3))).toThrow('analysis worker: part 2 of the sites of run 2 came without the run\'s first part');
    expect(() => w.take(1, 5)).toThrow('analysis worker: 3 of the 5 sites of run 1 came');
    expect(() => w.take(4, 3)).toThrow('analysis worker: no sites were sent for run 4');
    // a newer run's first part drops the unfinished older run
    w.add(5, 0, [site(9)]);
    expect(idsOf(w.take(5, 1))).toEqual(['s9']);
    expect(() => w.take(5, 1)).toThrow('no sites were sent for run 5');
  });
});

describe('the analysis client with a worker that takes parts', () => {
  /** A backend that puts the parts together as the worker does, and answers rows with the sites' ids. */
  function partsBackend(fail?: (run: number, index: number) => boolean) {
    const parts = new SiteParts();
    let sites: Feature[] = [];
    const calls = { parts: 0, setSites: 0, setSitesSent: 0 };
    const backend: AnalysisBackend = {
      init: () => [],
      setSites: (s) => { calls.setSites++; parts.clear(); sites = s; return s.length; },
      sitesPart: async (run, index, s) => {
        calls.parts++;
        if (fail?.(run, index)) throw new Error(`analysis worker: part ${index + 1} of the sites of run ${run} came after part 0`);
        return parts.add(run, index, s);
      },
      setSitesSent: (run, total) => { calls.setSitesSent++; sites = parts.take(run, total); return sites.length; },
      slimBatch: (start, end) => ({ rows: sites.slice(start, end).map((f) => ({ id: f.properties!.id, nearest: { mvLine: null, substation: { any: null, kv110: null, kv220: null }, crops: {}, minerals: { deposit: null }, road: null }, constraints: { protectedArea: null } })), cached: 0 }) as unknown as SlimBatch,
      fullRows: () => [],
    };
    return { backend, calls };
  }

  it('sends many sites in parts and every row comes back in order; few sites in one message', async () => {
    const { backend, calls } = partsBackend();
    const client = new AnalysisClient(backend, { first: 300, max: 400 });
    client.setLayers({});
    const sites = sitesOf(2000);
    const rows = await client.run(sites, {}).done;
    expect(rows!.map((r) => r.id)).toEqual(idsOf(sites));
    expect(calls.parts).toBeGreaterThanOrEqual(5);
    expect(calls).toMatchObject({ setSites: 0, setSitesSent: 1 });
    const few = await client.run(sites.slice(0, 300), {}).done;
    expect(few!.map((r) => r.id)).toEqual(idsOf(sites.slice(0, 300)));
    expect(calls).toMatchObject({ setSites: 1, setSitesSent: 1 });
  });

  it('a part the worker refuses fails the run with a clear error', async () => {
    const { backend } = partsBackend((_, index) => index === 1);
    const client = new AnalysisClient(backend, { first: 300, max: 300 });
    client.setLayers({});
    await expect(client.run(sitesOf(1000), {}).done).rejects.toThrow(/^sending the sites to the analysis worker failed at part 2 \(sites 301–600 of 1000\): analysis worker: part 2 of the sites of run 1/);
  });
});
