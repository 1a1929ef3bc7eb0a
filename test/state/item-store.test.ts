import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStore, get, set, keys } from 'idb-keyval';
import { ItemStore, StorageTimeoutError, withTimeout } from '../../src/lib/state/item-store';
import { DraftsStore } from '../../src/lib/state/drafts-store';
import { layerFingerprint, loadUserLayers, userLayerStore } from '../../src/lib/state/importer.svelte';
import type { UserLayerSpec } from '../../src/lib/data/user-layers';
import type { Draft } from '../../src/lib/map/draw-types';

let n = 0;
/** A fresh database per test; two ItemStores on it are two tabs. */
const freshDb = () => createStore(`test-${++n}`, 'keyval');
const point = (id: string, x = 105.8): Draft => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, 22.1] }, properties: { id, mode: 'point' } });

describe('ItemStore: one key per item, two tabs never overwrite each other', () => {
  it('a save in the second tab keeps the first tab’s item', async () => {
    const db = freshDb();
    const a = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    const b = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    await a.loadAll();
    await b.loadAll();
    await a.save(new Map([['a1', { v: 1 }]]));
    await b.save(new Map([['b1', { v: 2 }]])); // tab B never saw a1: it must not delete it
    expect((await keys(db)).sort()).toEqual(['x:a1', 'x:b1']);
    expect([...(await a.loadAll()).keys()].sort()).toEqual(['a1', 'b1']);
  });
  it('a deletion in one tab is not undone by the other tab’s next save', async () => {
    const db = freshDb();
    const a = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    const b = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    await a.save(new Map([['k', { v: 1 }], ['m', { v: 1 }]]));
    await b.loadAll();
    await a.save(new Map([['m', { v: 1 }]])); // A deletes k
    await b.save(new Map([['k', { v: 1 }], ['m', { v: 2 }]])); // B changes only m
    expect((await keys(db)).sort()).toEqual(['x:m']);
    expect(await get('x:m', db)).toEqual({ v: 2 });
  });
  it('a deletion does not remove an item another tab changed meanwhile (checked in the same transaction)', async () => {
    const db = freshDb();
    const a = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    const b = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    await a.save(new Map([['k', { v: 1 }]]));
    await b.loadAll();
    await b.save(new Map([['k', { v: 2 }]])); // B edits k
    await a.save(new Map()); // A, which still has v: 1, deletes k
    expect(await get('x:k', db)).toEqual({ v: 2 });
  });
  it('update is a read-modify-write in one transaction (concurrent increments all count)', async () => {
    const db = freshDb();
    const a = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    const b = new ItemStore<{ v: number }>('x:', 'test', { store: db });
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).update('c', (old) => ({ v: (old?.v ?? 0) + 1 }))));
    expect(await get('x:c', db)).toEqual({ v: 10 });
  });
  it('the other tabs are told through a BroadcastChannel', async () => {
    const db = freshDb();
    const channel = `test-channel-${n}`;
    const a = new ItemStore<number>('x:', 'test', { store: db, channel });
    const b = new ItemStore<number>('x:', 'test', { store: db, channel });
    const heard = new Promise<void>((resolve) => b.onExternalChange(resolve));
    await a.save(new Map([['k', 1]]));
    await heard;
    expect([...(await b.loadAll()).entries()]).toEqual([['k', 1]]);
    a.close();
    b.close();
  });
  it('a storage call that never answers is given up with a StorageTimeoutError', async () => {
    const never = (() => new Promise(() => {})) as unknown as ReturnType<typeof createStore>;
    const s = new ItemStore<number>('x:', 'drafts', { store: never, timeoutMs: 50 });
    await expect(s.loadAll()).rejects.toThrow(new StorageTimeoutError('drafts: read', 50));
    await expect(s.loadAll()).rejects.toThrow("drafts: read: the browser's storage (IndexedDB) did not answer within 50 ms");
    await expect(withTimeout(Promise.resolve(7), 50, 'x')).resolves.toBe(7);
  });
});

describe('migration of the records of earlier versions', () => {
  it('drafts:v1 becomes one key per draft, in order, with names; the old key is deleted', async () => {
    const db = freshDb();
    await set('drafts:v1', { drafts: [point('d2'), point('d1'), { type: 'Feature', geometry: null }], names: { d1: 'Xưởng gỗ' } }, db);
    const store = new DraftsStore({ store: db });
    const { record, error } = await store.load();
    expect(error).toBeUndefined();
    expect(record.drafts.map((d) => d.properties.id)).toEqual(['d2', 'd1']);
    expect(record.names).toEqual({ d1: 'Xưởng gỗ' });
    expect((await keys(db)).sort()).toEqual(['draft:d1', 'draft:d2']);
    // A second tab adds a draft; the first tab's save (it did not know it) keeps it.
    const other = new DraftsStore({ store: db });
    await other.load();
    await other.save({ drafts: [...record.drafts, point('d3')], names: record.names });
    await store.save({ drafts: [point('d2', 105.9), point('d1')], names: record.names });
    const again = await new DraftsStore({ store: db }).load();
    expect(again.record.drafts.map((d) => d.properties.id)).toEqual(['d2', 'd1', 'd3']);
    expect(again.record.drafts[0].geometry.coordinates).toEqual([105.9, 22.1]);
  });
  it('user-layers:v1 becomes one key per layer; a layer already stored per key wins', async () => {
    const db = freshDb();
    const fc = { type: 'FeatureCollection', features: [] };
    await set('user-layers:v1', [{ id: 'user-1', name: 'old.geojson', role: 'reference', replace: false, collection: fc }, { id: 'user-2', name: 'b.kml', role: 'sites', replace: false, collection: fc }, { id: 3 }], db);
    await set('user-layer:user-1', { id: 'user-1', name: 'newer.geojson', role: 'reference', replace: false, collection: fc }, db);
    const { layers, unreadable } = await loadUserLayers(userLayerStore({ store: db }));
    expect(layers.map((l) => [l.id, l.name])).toEqual([['user-1', 'newer.geojson'], ['user-2', 'b.kml']]);
    expect(unreadable).toBe(0);
    expect((await keys(db)).sort()).toEqual(['user-layer:user-1', 'user-layer:user-2']);
  });
  it('an unreadable item is set aside with a message, the others load', async () => {
    const db = freshDb();
    await set('draft:ok', { draft: point('ok'), seq: 0 }, db);
    await set('draft:bad', { draft: { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { id: 'bad' } }, seq: 1 }, db);
    const { record, error } = await new DraftsStore({ store: db }).load();
    expect(record.drafts.map((d) => d.properties.id)).toEqual(['ok']);
    expect(error).toBe('1 saved draft could not be read and was set aside');
  });
});

describe('imported layers: stored by structured clone, compared without serialising the features', () => {
  const layer = (n: number, name = 'pts.geojson'): UserLayerSpec => ({
    id: 'user-a', name, role: 'reference', replace: false, addedAt: 1,
    collection: { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [105.5 + i * 1e-5, 22.1] } })) },
  });

  it('the fingerprint is the same for a layer and its stored copy, and changes with its metadata or features', () => {
    const l = layer(1000);
    expect(layerFingerprint(structuredClone(l))).toBe(layerFingerprint(l));
    expect(layerFingerprint(layer(1000, 'other.geojson'))).not.toBe(layerFingerprint(l));
    expect(layerFingerprint({ ...l, role: 'sites' })).not.toBe(layerFingerprint(l));
    expect(layerFingerprint(layer(999))).not.toBe(layerFingerprint(l));
    const moved = structuredClone(l);
    (moved.collection.features[999].geometry as GeoJSON.Point).coordinates = [106, 22.2];
    expect(layerFingerprint(moved)).not.toBe(layerFingerprint(l));
    // the fingerprint does not hold the features: it stays small for a big layer
    expect(layerFingerprint(layer(200_000)).length).toBeLessThan(400);
  });

  it('saves the layer as it is (every feature read back), never re-writes an unchanged one, and deletes it', async () => {
    const db = freshDb();
    const a = userLayerStore({ store: db });
    const l = layer(5000);
    await a.save(new Map([[l.id, l]]));
    const back = (await get('user-layer:user-a', db)) as UserLayerSpec;
    expect(back.collection.features).toHaveLength(5000);
    expect(back.collection.features[4321]).toEqual(l.collection.features[4321]);
    // an unchanged layer is not written again: a copy put behind this tab's back stays as it was
    await set('user-layer:user-a', { ...back, name: 'changed elsewhere' }, db);
    await a.save(new Map([[l.id, l]]));
    expect(((await get('user-layer:user-a', db)) as UserLayerSpec).name).toBe('changed elsewhere');
    // a layer this tab last saw as it is in the database is deleted when removed
    const b = userLayerStore({ store: db });
    const { layers } = await loadUserLayers(b);
    await b.save(new Map());
    expect(layers).toHaveLength(1);
    expect(await keys(db)).toEqual([]);
  });
});

describe('ItemStore.adopt: a new item written elsewhere (the import worker) counts as saved', () => {
  it('is not written again by the next save; a writer that fails leaves it to the save', async () => {
    const app = createStore('keyval-store', 'keyval');
    const s = new ItemStore<{ v: number }>('adopt:', 'test', {});
    const wrote = await s.adopt('a', { v: 1 }, async (key, db) => {
      expect(key).toBe('adopt:a');
      await set(key, { v: 1, by: 'worker' }, createStore(db.name, db.store));
      return true;
    });
    expect(wrote).toBe(true);
    await s.save(new Map([['a', { v: 1 }]]));
    expect(await get('adopt:a', app)).toEqual({ v: 1, by: 'worker' }); // not re-written by the main thread
    // a writer that does not write: the save writes the item
    expect(await s.adopt('b', { v: 2 }, async () => false)).toBe(false);
    await s.save(new Map([['a', { v: 1 }], ['b', { v: 2 }]]));
    expect(await get('adopt:b', app)).toEqual({ v: 2 });
    // with a store of its own (tests, other databases) nothing is adopted
    expect(await new ItemStore<{ v: number }>('adopt:', 'test', { store: freshDb() }).adopt('c', { v: 3 }, async () => true)).toBe(false);
  });
});
