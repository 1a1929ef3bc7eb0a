import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadDataPackage } from '../../src/lib/data/load';

const dir = new URL('../../public/geodata/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { layers: { id: string; file: string }[] };

/** A fetch reading the bundled package, where `hang` names files that never answer (until aborted). */
function fakeFetch(hang: string[] = []) {
  return (url: string, init: { signal: AbortSignal }) => {
    const name = url.split('/').pop()!;
    if (hang.includes(name)) {
      return new Promise<never>((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
    }
    return Promise.resolve({ ok: true, status: 200, json: async () => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) });
  };
}

describe('loadDataPackage never waits forever', () => {
  it('a data file that never answers is reported after the timeout; the others load', async () => {
    const stuck = manifest.layers[0];
    const pkg = await loadDataPackage('geodata/', fakeFetch([stuck.file]), 200);
    expect(pkg.issues).toEqual([{ layer: stuck.id, message: `${stuck.file}: no answer within 200 ms` }]);
    expect(Object.keys(pkg.layers).sort()).toEqual(manifest.layers.slice(1).map((l) => l.id).sort());
  });
  it('a manifest that never answers throws a plain message', async () => {
    await expect(loadDataPackage('geodata/', fakeFetch(['manifest.json']), 1500)).rejects.toThrow('manifest.json: no answer within 2 s');
  });
});
