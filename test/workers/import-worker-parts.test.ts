import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createStore, get, set, keys as idbKeys } from 'idb-keyval';
import type { FeatureCollection } from 'geojson';
import type { UserLayerSpec } from '../../src/lib/data/user-layers';
import { MAP_PART_PREFIX } from '../../src/lib/map/display-part';
import { layerFingerprint, loadUserLayers, userLayerStore } from '../../src/lib/state/importer.svelte';

// The worker module exposes its API through comlink on load; here it is called directly.
vi.mock('comlink', () => ({ expose: () => undefined, transfer: <T>(v: T) => v }));
const { importApi } = await import('../../src/workers/import.worker');

let n = 0;
const freshDb = () => ({ name: `parts-${++n}`, store: 'keyval' });

/** `count` points, every 5th a line (test data only). */
function layer(id: string, count: number): UserLayerSpec {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, i) => ({
      type: 'Feature', properties: { name: `P${i}` },
      geometry: i % 5 === 4 ? { type: 'LineString', coordinates: [[105.8, 22.1], [105.81, 22.11]] } : { type: 'Point', coordinates: [105.8 + i * 1e-4, 22.1] },
    })),
  };
  return { id, name: 'p.geojson', role: 'reference', replace: false, collection };
}

describe('the import worker stores a big layer\'s map parts next to its record', () => {
  const keys = ['id', 'name'];

  it('writes them after "Add" and reads them back on a later visit without the record', async () => {
    const db = freshDb();
    const store = createStore(db.name, db.store);
    const spec = layer('user-x', 50);
    const { collection, ...meta } = spec;
    // "Add": the record, then the parts from the collection the worker holds
    await set(`user-layer:${spec.id}`, { ...meta, collection }, store);
    await importApi.importFile({ name: 'p.geojson', bytes: new TextEncoder().encode(JSON.stringify(collection)) }, {});
    expect(await importApi.storeLayer(`user-layer:${spec.id}`, meta, db, 'fp')).toBe(true);
    const first = (await importApi.displayPart(`user-layer:${spec.id}`, meta, db, keys))!;
    expect(Array.from(first.points!.n)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1).filter((i) => i % 5 !== 0));
    expect(first.points!.coords[2]).toBeCloseTo(105.8001, 9);
    const saved = await get(`${MAP_PART_PREFIX}${spec.id}`, store);
    expect(saved).toMatchObject({ format: 1, keys: 'id\nname' });
    // A later visit reads the parts, not the record (here: a record that no longer holds features).
    await set(`user-layer:${spec.id}`, { ...meta, collection: { type: 'FeatureCollection', features: [] } }, store);
    const again = (await importApi.displayPart(`user-layer:${spec.id}`, meta, db, keys))!;
    expect(Array.from(again.points!.n)).toEqual(Array.from(first.points!.n));
    expect(Array.from(again.points!.coords)).toEqual(Array.from(first.points!.coords));
    expect(await again.other!.text()).toBe(await first.other!.text());
    // Written for other keys (another build): written again from the record.
    const other = await importApi.displayPart(`user-layer:${spec.id}`, meta, db, ['id']);
    expect(other).toEqual({ points: null, other: null });
  });

  it('writes them from the record for a layer stored before the parts were, and deletes them with the layer', async () => {
    const db = freshDb();
    const store = createStore(db.name, db.store);
    const spec = layer('user-y', 20);
    const { collection, ...meta } = spec;
    void collection;
    await set(`user-layer:${spec.id}`, spec, store);
    const parts = (await importApi.displayPart(`user-layer:${spec.id}`, meta, db, keys))!;
    expect(parts.points!.n).toHaveLength(16);
    expect((await idbKeys(store)).sort()).toEqual([`${MAP_PART_PREFIX}user-y`, 'user-layer:user-y']);
    // No record: nothing, and no parts left behind.
    expect(await importApi.displayPart('user-layer:user-z', { ...meta, id: 'user-z' }, db, keys)).toBeNull();
    expect(await get(`${MAP_PART_PREFIX}user-z`, store)).toBeUndefined();
    // Removing the layer removes its parts in the same save.
    const items = userLayerStore({ store });
    await items.loadAll();
    await items.save(new Map());
    expect(await idbKeys(store)).toEqual([]);
  });

  it('stores a big layer in parts after "Add" (the page reads it back identical) and writes the map parts from them', async () => {
    const db = freshDb();
    const store = createStore(db.name, db.store);
    const spec = layer('user-big', 12_000);
    const { collection, ...meta } = spec;
    const r = await importApi.importFile({ name: 'p.geojson', bytes: new TextEncoder().encode(JSON.stringify(collection)) }, {});
    expect(r!.ok).toBe(true);
    const imported = { ...spec, collection: (r as { collection: FeatureCollection }).collection };
    expect(await importApi.storeLayer(`user-layer:${spec.id}`, meta, db, layerFingerprint(imported))).toBe(true);
    expect((await idbKeys(store)).sort()).toEqual(['parts:user-layer:user-big#0', 'parts:user-layer:user-big#1', 'parts:user-layer:user-big#2', 'user-layer:user-big']);
    const { layers, failed } = await loadUserLayers(userLayerStore({ store }));
    expect(failed).toEqual([]);
    expect(layers).toEqual([imported]);
    // a later visit with no map part stored: written from the parts
    const parts = (await importApi.displayPart(`user-layer:${spec.id}`, meta, db, keys))!;
    expect(parts.points!.n).toHaveLength(12_000 - 12_000 / 5);
    expect(parts.points!.n[parts.points!.n.length - 1]).toBe(11_999);
  });

  it('rewrites in parts a big layer an earlier version stored whole; the page reads it back identical', async () => {
    const db = freshDb();
    const store = createStore(db.name, db.store);
    const spec = layer('user-old', 12_000);
    await set(`user-layer:${spec.id}`, spec, store);
    const before = await loadUserLayers(userLayerStore({ store }));
    expect(before.storedWhole).toEqual(['user-old']);
    expect(before.layers).toEqual([spec]);
    expect(await importApi.storeInParts(`user-layer:${spec.id}`, db, layerFingerprint(spec))).toBe(true);
    expect((await idbKeys(store)).sort()).toEqual(['parts:user-layer:user-old#0', 'parts:user-layer:user-old#1', 'parts:user-layer:user-old#2', 'user-layer:user-old']);
    const after = userLayerStore({ store });
    const read = await loadUserLayers(after);
    expect(read.storedWhole).toEqual([]);
    expect(read.layers).toEqual([spec]);
    // already in parts, or gone: nothing written
    expect(await importApi.storeInParts(`user-layer:${spec.id}`, db, layerFingerprint(spec))).toBe(false);
    expect(await importApi.storeInParts('user-layer:none', db, 'x')).toBe(false);
    expect(await idbKeys(store)).not.toContain('user-layer:none');
    // the rewritten layer is deleted whole by a tab that read it
    await after.save(new Map());
    expect(await idbKeys(store)).toEqual([]);
  });
});
