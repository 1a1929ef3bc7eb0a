import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStore, del } from 'idb-keyval';
import { EarlyParts, earlyBigLayers, pointLayers } from '../../src/lib/state/early-layers';
import { loadUserLayers, userLayerStore } from '../../src/lib/state/importer.svelte';
import { BIG_REFERENCE_FEATURES, BIG_SITES_FEATURES, type UserLayerSpec } from '../../src/lib/data/user-layers';

let n = 0;
const freshDb = () => createStore(`early-${++n}`, 'keyval');
const layer = (id: string, features: number, role: UserLayerSpec['role'] = 'reference', addedAt = 1): UserLayerSpec => ({
  id, name: `${id}.geojson`, role, replace: false, addedAt,
  collection: { type: 'FeatureCollection', features: Array.from({ length: features }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [105.5 + i * 1e-6, 22.1] } })) },
} as UserLayerSpec);

describe('big layers drawn on a reload before their record is read', () => {
  it('are told from the heads, before any feature is read, and are the big reference and site layers only, in the order they were added', async () => {
    const db = freshDb();
    const big1 = layer('user-b', BIG_REFERENCE_FEATURES, 'reference', 5);
    const big2 = layer('user-a', BIG_REFERENCE_FEATURES + 1, 'reference', 2);
    const small = layer('user-c', 6000); // stored in parts, but not big
    const sites = layer('user-d', BIG_SITES_FEATURES, 'sites'); // big sites: drawn early too
    const zones = layer('user-e', BIG_REFERENCE_FEATURES, 'material-zones', 3); // big, but a role not drawn from its map part
    await userLayerStore({ store: db }).save(new Map([big1, big2, small, sites, zones].map((l) => [l.id, l])));
    const seen: unknown[][] = [];
    // Told before any part is read: a part deleted then is missing from the read that follows.
    const read = await loadUserLayers(userLayerStore({ store: db }), (early) => {
      seen.push(early);
      void del('parts:user-layer:user-b#3', db);
    });
    expect(seen).toHaveLength(1);
    // The layers without their features or their note of parts, the first added first.
    expect(seen[0]).toEqual([
      { id: 'user-d', name: 'user-d.geojson', role: 'sites', replace: false, addedAt: 1 },
      { id: 'user-a', name: 'user-a.geojson', role: 'reference', replace: false, addedAt: 2 },
      { id: 'user-b', name: 'user-b.geojson', role: 'reference', replace: false, addedAt: 5 },
    ]);
    // The other records are still read whole, every feature.
    expect(read.layers.map((l) => [l.id, l.collection.features.length])).toEqual([['user-c', 6000], ['user-d', BIG_SITES_FEATURES], ['user-a', BIG_REFERENCE_FEATURES + 1], ['user-e', BIG_REFERENCE_FEATURES]]);
    expect(read.failed.map((e) => e.message)).toEqual(['"user-b.geojson" (user-b): part 4 of 4 is missing or unreadable (stored as parts:user-layer:user-b#3)']);
  });

  it('leaves out values that are not heads of big reference layers', () => {
    const note = (features: number) => ({ format: 1, parts: 2, features, fingerprint: 'f' });
    const head = (id: string, extra: object) => ({ id, name: 'x', role: 'reference', addedAt: 1, collection: { type: 'FeatureCollection', features: [] }, ...extra });
    expect(earlyBigLayers([
      ['a', head('a', { storedInParts: note(BIG_REFERENCE_FEATURES) })],
      ['b', head('b', { storedInParts: note(BIG_REFERENCE_FEATURES - 1) })], // not big
      ['c', head('c', {})], // stored whole
      ['d', head('other', { storedInParts: note(BIG_REFERENCE_FEATURES) })], // not its key
      ['e', null],
      ['f', { ...head('f', { storedInParts: note(BIG_SITES_FEATURES) }), role: 'sites' }],
      ['g', { ...head('g', { storedInParts: note(BIG_SITES_FEATURES - 1) }), role: 'sites' }], // not big
      ['h', { ...head('h', { storedInParts: note(BIG_REFERENCE_FEATURES) }), role: 'roads' }], // not drawn from its map part
      ['i', { ...head('i', { storedInParts: note(BIG_REFERENCE_FEATURES) }), role: 7 }],
    ])).toEqual([{ id: 'a', name: 'x', role: 'reference', addedAt: 1 }, { id: 'f', name: 'x', role: 'sites', addedAt: 1 }]);
  });

  it('the map shows the layers read, then the early ones not among them, each once', () => {
    expect(pointLayers([{ id: 'a', v: 1 }], [{ id: 'b' }, { id: 'a' }])).toEqual([{ id: 'a', v: 1 }, { id: 'b' }]);
    expect(pointLayers([], [{ id: 'b' }])).toEqual([{ id: 'b' }]);
    expect(pointLayers([{ id: 'a' }], [])).toEqual([{ id: 'a' }]);
  });

  it('the stored parts read for them are read once per layer and let go once the layer is no longer drawn', async () => {
    const parts = new EarlyParts<string | null>();
    let reads = 0;
    const load = (v: string) => () => { reads++; return Promise.resolve(v); };
    expect(await parts.get('a', load('A'))).toBe('A');
    expect(await parts.get('a', load('other'))).toBe('A'); // reused: read once
    expect(await parts.get('b', load('B'))).toBe('B');
    expect(reads).toBe(2);
    expect(await parts.peek('b')).toBe('B');
    expect(parts.peek('c')).toBeUndefined();
    // Layer a removed (or replaced by a new id): its parts are forgotten, b's kept.
    parts.keep(['b', 'c']);
    expect(parts.ids()).toEqual(['b']);
    expect(parts.peek('a')).toBeUndefined();
    // Asked again (the same layer back), read again.
    expect(await parts.get('a', load('A2'))).toBe('A2');
    expect(reads).toBe(3);
    parts.keep([]);
    expect(parts.ids()).toEqual([]);
  });
});
