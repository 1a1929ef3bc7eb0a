import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { Feature } from 'geojson';
import type { SlimRow } from '../../src/lib/analysis/site-row.ts';
import { AnalysisState, RANGES_GRACE_MS, SHOW_PROGRESS_AFTER_MS, type AnalysisInputs, type AnalysisRunner } from '../../src/lib/state/analysis-state.svelte.ts';
import type { SaveReport } from '../../src/workers/analysis-session.ts';
import type { SiteAnalysis } from '../../src/lib/analysis/analyze.ts';

/** A worker client stand-in: records the calls; each run resolves when the test says so. */
function fakeClient() {
  const calls = { setLayers: 0, runs: [] as { sites: Feature[]; cancelled: boolean; resolve: (rows: SlimRow[] | null) => void; reject: (e: Error) => void; progress?: (d: number, t: number) => void }[] };
  const client: AnalysisRunner = {
    setLayers: () => { calls.setLayers++; },
    run: (sites, _opts, onProgress) => {
      let resolve!: (rows: SlimRow[] | null) => void, reject!: (e: Error) => void;
      const done = new Promise<SlimRow[] | null>((res, rej) => { resolve = res; reject = rej; });
      const run = { sites, cancelled: false, resolve, reject, progress: onProgress };
      calls.runs.push(run);
      return { cancel: () => { run.cancelled = true; }, done };
    },
  };
  return { calls, client };
}

const site = (id: string): Feature => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [105.8, 22.1] } });
const row = (id: string) => ({ id }) as SlimRow;

/** Mutable inputs read through $state so the effect tracks them. */
class Inputs {
  ready = $state(false);
  layers = $state.raw({});
  sites = $state.raw<Feature[]>([site('a')]);
  radiusKm = $state(10);
  get(): AnalysisInputs { return { ready: this.ready, layers: this.layers, sites: this.sites, opts: { radiusKm: this.radiusKm, weights: {} } }; }
}

describe('AnalysisState', () => {
  it('runs nothing before the inputs are ready, then once, and re-indexes only for new layers', async () => {
    const { calls, client } = fakeClient();
    const a = new AnalysisState(() => client);
    const inputs = new Inputs();
    const stop = a.follow(() => inputs.get());
    flushSync();
    expect(calls.runs).toHaveLength(0);
    inputs.ready = true;
    flushSync();
    expect(calls.runs).toHaveLength(1);
    expect(calls.setLayers).toBe(1);
    calls.runs[0].resolve([row('a')]);
    await calls.runs[0].resolve;
    await Promise.resolve();
    await Promise.resolve();
    expect(a.rows.map((r) => r.id)).toEqual(['a']);
    expect(a.byId.get('a')?.id).toBe('a');
    // New sites: a new run, the old one cancelled, the indexes kept.
    inputs.sites = [site('a'), site('b')];
    flushSync();
    expect(calls.runs).toHaveLength(2);
    expect(calls.runs[0].cancelled).toBe(true);
    expect(calls.setLayers).toBe(1);
    // New layers: indexes rebuilt.
    inputs.layers = {};
    flushSync();
    expect(calls.setLayers).toBe(2);
    expect(calls.runs).toHaveLength(3);
    expect(calls.runs[1].cancelled).toBe(true);
    stop();
    expect(calls.runs[2].cancelled).toBe(true);
  });

  it('keeps the last rows when a run is superseded (null) and reports an error', async () => {
    const { calls, client } = fakeClient();
    const a = new AnalysisState(() => client);
    const inputs = new Inputs();
    inputs.ready = true;
    const stop = a.follow(() => inputs.get());
    flushSync();
    calls.runs[0].resolve([row('a')]);
    await new Promise((r) => setTimeout(r, 0));
    inputs.radiusKm = 5;
    flushSync();
    calls.runs[1].resolve(null);
    await new Promise((r) => setTimeout(r, 0));
    expect(a.rows.map((r) => r.id)).toEqual(['a']);
    inputs.radiusKm = 7;
    flushSync();
    calls.runs[2].reject(new Error('engine failed'));
    await new Promise((r) => setTimeout(r, 0));
    expect(a.error).toBe('engine failed');
    expect(a.rows.map((r) => r.id)).toEqual(['a']);
    // A new run clears the error.
    inputs.radiusKm = 8;
    flushSync();
    expect(a.error).toBeNull();
    stop();
  });

  it('shows progress only after a moment, and clears it when the run ends', async () => {
    const { calls, client } = fakeClient();
    const a = new AnalysisState(() => client);
    const inputs = new Inputs();
    inputs.ready = true;
    let t = 0;
    const stop = a.follow(() => inputs.get(), () => t);
    flushSync();
    calls.runs[0].progress!(10, 100);
    expect(a.progress).toBeNull();
    t = SHOW_PROGRESS_AFTER_MS + 1;
    calls.runs[0].progress!(20, 100);
    expect(a.progress).toEqual({ done: 20, total: 100 });
    calls.runs[0].resolve([row('a')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(a.progress).toBeNull();
    stop();
  });

  it('reports what the store holds once the last run is saved, and how many sites it analysed', async () => {
    const { calls, client } = fakeClient();
    const release: ((r: SaveReport | null) => void)[] = [];
    let analysed = 0;
    const withSave: AnalysisRunner = {
      ...client,
      get lastRunAnalysed() { return analysed; },
      saved: () => new Promise<SaveReport | null>((res) => { release.push(res); }),
    };
    const a = new AnalysisState(() => withSave);
    const inputs = new Inputs();
    inputs.ready = true;
    const stop = a.follow(() => inputs.get());
    flushSync();
    analysed = 1;
    calls.runs[0].resolve([row('a')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(a.analysed).toBe(1);
    expect(a.saved).toBeNull(); // not written yet
    // a second run finishes before the first one's save is written: only its own report counts
    inputs.sites = [site('a'), site('b')];
    flushSync();
    analysed = 0;
    calls.runs[1].resolve([row('a'), row('b')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(a.analysed).toBe(0);
    expect(release).toHaveLength(2);
    release[0]({ state: 'saved', sites: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(a.saved).toBeNull();
    release[1]({ state: 'saved', sites: 2 });
    await new Promise((r) => setTimeout(r, 0));
    expect(a.saved).toEqual({ state: 'saved', sites: 2 });
    stop();
  });

  it('keeps the same rows array when the set is too large for score ranges', async () => {
    const { calls, client } = fakeClient();
    const withRanges: AnalysisRunner = { ...client, ranges: async () => ({ tooMany: 2, limit: 1 }) };
    const a = new AnalysisState(() => withRanges);
    const inputs = new Inputs();
    inputs.ready = true;
    const stop = a.follow(() => inputs.get());
    flushSync();
    const rows = [row('a'), row('b')];
    calls.runs[0].resolve(rows);
    await new Promise((r) => setTimeout(r, 0));
    expect(a.rows).toBe(rows);
    await new Promise((r) => setTimeout(r, RANGES_GRACE_MS + 50));
    expect(a.rangeStatus).toEqual({ state: 'tooMany', n: 2, limit: 1 });
    expect(a.rows).toBe(rows);
    stop();
  });
});
