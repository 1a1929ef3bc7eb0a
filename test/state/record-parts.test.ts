import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { layerFingerprint, loadUserLayers, userLayerStore } from '../../src/lib/state/importer.svelte';
import { FEATURES_PER_PART, PARTS_PER_READ, joinPartsInTurns, MissingPartError, partsNote, readWhole } from '../../src/lib/state/record-parts';
import type { UserLayerSpec } from '../../src/lib/data/user-layers';

let n = 0;
const freshDb = () => createStore(`record-parts-${++n}`, 'keyval');

/** A layer of `count` points, each with its own properties (test data only). */
const layer = (id: string, count: number, name = 'pts.geojson', addedAt = 1): UserLayerSpec => ({
  id, name, role: 'reference', replace: false, addedAt,
  collection: {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, i) => ({ type: 'Feature', properties: { i, name: `P${i}` }, geometry: { type: 'Point', coordinates: [105.5 + i * 1e-5, 22.1] } })),
  },
});

/** A store that counts its transactions by mode. */
function counted(db: UseStore): { store: UseStore; calls: IDBTransactionMode[] } {
  const calls: IDBTransactionMode[] = [];
  const store: UseStore = (mode, cb) => {
    calls.push(mode);
    return db(mode, cb);
  };
  return { store, calls };
}

describe('big imported layers are stored in parts and read back part by part', () => {
  it('writes a small head and parts of at most FEATURES_PER_PART features, in order', async () => {
    expect(FEATURES_PER_PART).toBe(5000);
    const db = freshDb();
    const l = layer('user-a', 12_001);
    await userLayerStore({ store: db }).save(new Map([[l.id, l]]));
    expect((await keys(db)).sort()).toEqual(['parts:user-layer:user-a#0', 'parts:user-layer:user-a#1', 'parts:user-layer:user-a#2', 'user-layer:user-a']);
    const head = (await get('user-layer:user-a', db)) as UserLayerSpec;
    expect(head.collection).toEqual({ type: 'FeatureCollection', features: [] });
    expect(partsNote(head)).toEqual({ format: 1, parts: 3, features: 12_001, fingerprint: layerFingerprint(l) });
    const parts = await Promise.all([0, 1, 2].map((i) => get(`parts:user-layer:user-a#${i}`, db) as Promise<GeoJSON.Feature[]>));
    expect(parts.map((p) => p.length)).toEqual([5000, 5000, 2001]);
    expect(parts[1][0].properties).toEqual({ i: 5000, name: 'P5000' });
    expect(parts[2][2000].properties).toEqual({ i: 12_000, name: 'P12000' });
    // a layer no bigger than a part stays one record
    const small = layer('user-s', 5000);
    await userLayerStore({ store: db }).save(new Map([[small.id, small]]));
    expect(((await get('user-layer:user-s', db)) as UserLayerSpec).collection.features).toHaveLength(5000);
    expect(await keys(db)).not.toContain('parts:user-layer:user-s#0');
  });

  it('reads them back identical, PARTS_PER_READ parts a transaction, next to a layer stored whole by an earlier version', async () => {
    const db = freshDb();
    const l = layer('user-a', 45_001, 'a.geojson', 2);
    await userLayerStore({ store: db }).save(new Map([[l.id, l]]));
    const old = layer('user-o', 7000, 'old.geojson', 1);
    await set('user-layer:user-o', old, db); // the single record of earlier versions
    const { store, calls } = counted(db);
    const { layers, unreadable, failed } = await loadUserLayers(userLayerStore({ store }));
    expect(failed).toEqual([]);
    expect(unreadable).toBe(0);
    expect(layers.map((x) => x.id)).toEqual(['user-o', 'user-a']);
    expect(layers[1]).toEqual(l);
    expect(layers[1].collection.features.map((f) => f.properties!.i)).toEqual(Array.from({ length: 45_001 }, (_, i) => i));
    expect(layers[0]).toEqual(old);
    // the heads in one transaction (with the legacy check), then the 10 parts 8 and 2
    expect(PARTS_PER_READ).toBe(8);
    expect(calls).toEqual(['readwrite', 'readonly', 'readonly']);
    // the worker reads a layer whole in one transaction, from parts or from a single record
    expect(await readWhole(db, 'user-layer:user-a')).toEqual(l);
    expect(await readWhole(db, 'user-layer:user-o')).toEqual(old);
    expect(await readWhole(db, 'user-layer:none')).toBeUndefined();
  }, 30_000); // 45 001 features through fake-indexeddb: seconds when other test files run beside it

  it('a layer read back is not written again; deleting it deletes the head, every part and its map part', async () => {
    const db = freshDb();
    const l = layer('user-a', 12_001);
    await userLayerStore({ store: db }).save(new Map([[l.id, l]]));
    await set('map-part:user-a', { format: 1 }, db);
    const other = layer('user-b', 3);
    await set('user-layer:user-b', other, db);
    const b = userLayerStore({ store: db });
    const { layers } = await loadUserLayers(b);
    await del('parts:user-layer:user-a#2', db);
    await b.save(new Map(layers.map((x) => [x.id, x]))); // unchanged: nothing written
    expect(await get('parts:user-layer:user-a#2', db)).toBeUndefined();
    await b.save(new Map([[other.id, other]]));
    expect(await keys(db)).toEqual(['user-layer:user-b']);
  });

  it('a layer changed in another tab (its head) is not deleted by a tab that saw the older one', async () => {
    const db = freshDb();
    const l = layer('user-a', 12_001);
    const a = userLayerStore({ store: db });
    await a.save(new Map([[l.id, l]]));
    const b = userLayerStore({ store: db });
    await loadUserLayers(b);
    await b.update('user-a', (old) => old && { ...old, name: 'renamed.geojson' });
    await a.save(new Map());
    const back = (await readWhole(db, 'user-layer:user-a')) as UserLayerSpec;
    expect(back.name).toBe('renamed.geojson');
    expect(back.collection.features).toEqual(l.collection.features);
  });

  it('a missing part leaves that layer out with an error naming the layer and the part; the others load and it stays stored', async () => {
    const db = freshDb();
    const l = layer('user-a', 12_001, 'pts.geojson', 1);
    const ok = layer('user-b', 10, 'ok.geojson', 2);
    await userLayerStore({ store: db }).save(new Map([[l.id, l], [ok.id, ok]]));
    await del('parts:user-layer:user-a#1', db);
    const s = userLayerStore({ store: db });
    const { layers, failed } = await loadUserLayers(s);
    expect(layers).toEqual([ok]);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toBeInstanceOf(MissingPartError);
    expect(failed[0].message).toBe('"pts.geojson" (user-a): part 2 of 3 is missing or unreadable (stored as parts:user-layer:user-a#1)');
    await s.save(new Map(layers.map((x) => [x.id, x])));
    expect(await keys(db)).toContain('user-layer:user-a');
    // the worker's whole read says the same
    await expect(readWhole(db, 'user-layer:user-a')).rejects.toThrow('part 2 of 3 is missing');
  });

  it('a layer deleted while its parts are read (another tab) is left out without an error', async () => {
    const db = freshDb();
    const l = layer('user-a', 12_001);
    await userLayerStore({ store: db }).save(new Map([[l.id, l]]));
    const head = await get('user-layer:user-a', db);
    await userLayerStore({ store: db }).loadAll().then((m) => expect(m.size).toBe(1));
    await del('user-layer:user-a', db);
    await del('parts:user-layer:user-a#0', db);
    const run = <R>(fn: (s: IDBObjectStore) => Promise<R>) => db('readonly', fn);
    expect(await joinPartsInTurns(run, 'user-layer:user-a', head)).toBeUndefined();
  });
});
