import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDossierFont } from '../../src/lib/dossier/font.ts';

describe('loadDossierFont', () => {
  it('resolves the TTF asset URLs and fetches both weights once', async () => {
    const urls: string[] = [];
    // Vite serves assets under the project root; map the URL back to a file on disk.
    const fetcher = async (url: string) => {
      urls.push(url);
      const path = url.startsWith('/@fs/') ? url.slice(4) : join(process.cwd(), url.split('?')[0]);
      if (!existsSync(path)) return { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
      const b = readFileSync(path);
      return { ok: true, status: 200, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
    };
    const font = await loadDossierFont(fetcher);
    expect(urls).toHaveLength(2);
    expect(urls.every((u) => /BeVietnamPro_(400Regular|600SemiBold)\.ttf/.test(u))).toBe(true);
    for (const bytes of [font.regular, font.bold!]) {
      // TrueType sfnt version 1.0.
      expect([...bytes.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
      expect(bytes.length).toBeGreaterThan(100_000);
    }
    // Memoised: no second fetch.
    await loadDossierFont(fetcher);
    expect(urls).toHaveLength(2);
  });
});
