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
