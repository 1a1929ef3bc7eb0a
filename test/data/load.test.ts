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

/** A fetch serving the bundled package with some files replaced (`over`: name → body or HTTP status). */
function serving(over: Record<string, unknown> = {}) {
  const urls: string[] = [];
  const fn = (url: string) => {
    urls.push(url);
    const name = url.split('/').pop()!;
    const o = over[name];
    if (typeof o === 'number') return Promise.resolve({ ok: false, status: o, json: async () => null });
    return Promise.resolve({ ok: true, status: 200, json: async () => (o !== undefined ? structuredClone(o) : JSON.parse(readFileSync(new URL(name, dir), 'utf8'))) });
  };
  return { fn, urls };
}

describe('loadDataPackage', () => {
  it('reads the manifest and every layer it lists under the base URL, validated', async () => {
    const { fn, urls } = serving();
    const pkg = await loadDataPackage('/app/geodata/', fn);
    expect(urls.length).toBe(manifest.layers.length + 1);
    expect(urls[0]).toBe('/app/geodata/manifest.json');
    for (const u of urls) expect(u.startsWith('/app/geodata/')).toBe(true);
    expect(pkg.issues).toEqual([]);
    expect(Object.keys(pkg.layers).sort()).toEqual(manifest.layers.map((l) => l.id).sort());
    const sites = pkg.layers['industrial-sites']!;
    expect(sites.features.length).toBeGreaterThan(0);
    for (const f of sites.features) expect(typeof f.properties?.id).toBe('string');
  });

  it('reports a layer that fails to load or to validate, and loads the rest', async () => {
    const [a, b] = manifest.layers;
    const { fn } = serving({ [a.file]: 404, [b.file]: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }] } });
    const pkg = await loadDataPackage('geodata/', fn);
    expect(pkg.issues.map((i) => i.layer)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(pkg.issues).toHaveLength(2);
    expect(pkg.issues.find((i) => i.layer === a.id)!.message).toBe(`${a.file}: HTTP 404`);
    expect(pkg.issues.find((i) => i.layer === b.id)!.message.length).toBeGreaterThan(0);
    expect(pkg.layers[a.id as keyof typeof pkg.layers]).toBeUndefined();
    expect(pkg.layers[b.id as keyof typeof pkg.layers]).toBeUndefined();
    expect(Object.keys(pkg.layers)).toHaveLength(manifest.layers.length - 2);
  });

  it('throws a plain message when the manifest cannot be used', async () => {
    await expect(loadDataPackage('geodata/', serving({ 'manifest.json': 500 }).fn)).rejects.toThrow('manifest.json: HTTP 500');
    const m = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));
    await expect(loadDataPackage('geodata/', serving({ 'manifest.json': { ...m, schemaVersion: 0 } }).fn)).rejects.toThrow(/^manifest\.json: schema version 0, expected \d+$/);
    await expect(loadDataPackage('geodata/', serving({ 'manifest.json': { ...m, layers: [{ id: 'castles', file: 'castles.geojson' }] } }).fn)).rejects.toThrow(/^manifest\.json: /);
  });
});
