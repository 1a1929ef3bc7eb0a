import { describe, expect, it } from 'vitest';
import { AnalysisClient, FIRST_BATCH, MAX_CACHED_BATCH, type AnalysisBackend } from '../../src/workers/analysis-client.ts';
import type { SlimBatch } from '../../src/workers/analysis-session.ts';

/** A backend whose every row comes from the cache (a reload reusing the saved analysis). */
function cachedBackend(total: number) {
  const asked: [number, number][] = [];
  const backend: AnalysisBackend = {
    init: () => [],
    setSites: () => total,
    slimBatch: (start, end) => {
      asked.push([start, end]);
      // only what the page reads of a row on arrival (the target ids it interns)
      const row = (id: string) => ({ id, nearest: { mvLine: null, substation: { any: null, kv110: null, kv220: null }, crops: {}, minerals: { deposit: null }, road: null }, constraints: { protectedArea: null } });
      return { rows: Array.from({ length: end - start }, (_, k) => row(`s${start + k}`)), cached: end - start } as unknown as SlimBatch;
    },
    fullRows: () => [],
  };
  return { backend, asked };
}

describe('batches of rows that all come from the cache', () => {
  it('stay at most MAX_CACHED_BATCH rows per message, and every row arrives once, in order', async () => {
    const total = 5000;
    const { backend, asked } = cachedBackend(total);
    const client = new AnalysisClient(backend);
    client.setLayers({});
    const rows = await client.run([], {}).done;
    expect(rows!.map((r) => r.id)).toEqual(Array.from({ length: total }, (_, i) => `s${i}`));
    expect(asked[0]).toEqual([0, FIRST_BATCH]);
    expect(asked.every(([a, b]) => b - a <= MAX_CACHED_BATCH)).toBe(true);
    expect(asked.map(([a, b]) => b - a)).toEqual([FIRST_BATCH, MAX_CACHED_BATCH, MAX_CACHED_BATCH, total - FIRST_BATCH - 2 * MAX_CACHED_BATCH]);
    expect(client.lastRunAnalysed).toBe(0);
  });
});

describe('the ranges of the whole set', () => {
  it('are not asked of the worker while a newer run is under way (it would analyse that run\'s sites itself)', async () => {
    const { backend } = cachedBackend(10);
    let asked = 0;
    let release: () => void = () => {};
    let runs = 0;
    const slow: AnalysisBackend = {
      ...backend,
      // the second run's sites take a while to reach the worker
      setSites: () => (++runs === 2 ? new Promise<number>((r) => { release = () => r(10); }) : 10),
      ranges: () => { asked++; return { tooMany: 10, limit: 5 }; },
    };
    const client = new AnalysisClient(slow);
    client.setLayers({});
    await client.run([], {}).done;
    expect(await client.ranges()).toEqual({ tooMany: 10, limit: 5 });
    expect(asked).toBe(1);
    const next = client.run([], {});
    await new Promise((r) => setTimeout(r, 0));
    expect(await client.ranges()).toBeNull();
    expect(asked).toBe(1);
    release();
    expect(await next.done).toHaveLength(10);
    expect(await client.ranges()).toEqual({ tooMany: 10, limit: 5 });
    expect(asked).toBe(2);
  });
});
