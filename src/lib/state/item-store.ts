/**
 * Items saved one per IndexedDB key (`<prefix><id>`), so two tabs never overwrite each other's
 * items: a save writes only what this tab changed and deletes only what this tab removed, all in
 * one read-write transaction; a `BroadcastChannel` tells the other tabs to reload. Every storage
 * call is raced with a timeout, so a database that never answers cannot hang the app.
 *
 * Items go to IndexedDB by structured clone (no JSON round trip: a 200 000-point layer is not
 * turned into a 48 MB string on every save). What a save compares against is each item's
 * fingerprint — its JSON by default; a store of big items passes a cheaper one.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { plain } from '../plain.ts';
import { deleteInParts, FEATURES_PER_PART, joinPartsIn, joinPartsInTurns, partsNote, putInParts } from './record-parts.ts';

/** How long a storage call may take before it is given up, ms. */
export const STORAGE_TIMEOUT_MS = 8000;

/** A storage call that did not answer in time. */
export class StorageTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what}: the browser's storage (IndexedDB) did not answer within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`);
    this.name = 'StorageTimeoutError';
  }
}

/** `p`, or a StorageTimeoutError after `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageTimeoutError(what, ms)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The app's database and object store: idb-keyval's default, where earlier versions kept their records. */
export const APP_DB = { name: 'keyval-store', store: 'keyval' } as const;

let defaultStore: UseStore | null = null;
/** The app's store (see {@link APP_DB}). */
function appStore(): UseStore {
  defaultStore ??= createStore(APP_DB.name, APP_DB.store);
  return defaultStore;
}

export interface ItemStoreOptions<T = unknown> {
  /**
   * What tells a changed item from an unchanged one (equal for an item and its stored copy).
   * Default: its JSON.
   */
  fingerprint?: (item: T) => string;
  /** A custom idb-keyval store (tests). */
  store?: UseStore;
  timeoutMs?: number;
  /** BroadcastChannel name; none when BroadcastChannel is missing. */
  channel?: string;
  /** Keys of records stored beside an item by others (e.g. a worker), deleted with it. */
  alongside?: (id: string) => string[];
  /**
   * Items hold a FeatureCollection, and big ones are stored in parts (see `record-parts.ts`):
   * `name` says which item a stored head is in messages (e.g. a part that cannot be read).
   */
  inParts?: { name: (head: unknown, id: string) => string };
}

/** What {@link ItemStore.read} read: the items, and the items that could not be read whole. */
export interface ItemsRead<T> {
  items: Map<string, T>;
  /** One error per item left out (e.g. a part missing), naming it; these stay stored. */
  failed: Error[];
  /** Ids of items read whole that this store would write in parts (stored by an earlier version). */
  storedWhole: string[];
}

/** Items of one kind (drafts, imported layers), keyed by id. */
export class ItemStore<T> {
  /** Fingerprint of each item as this tab last read or wrote it: what a save compares against. */
  private known = new Map<string, string>();
  private readonly fingerprint: (item: T) => string;
  /** True with a store other than the app's (tests). */
  private readonly custom: boolean;
  private readonly store: () => UseStore;
  private readonly timeoutMs: number;
  private readonly channel: BroadcastChannel | null;
  private readonly alongside: (id: string) => string[];
  private readonly inParts: ItemStoreOptions['inParts'];
  private listeners = new Set<() => void>();

  constructor(private readonly prefix: string, private readonly what: string, options: ItemStoreOptions<T> = {}) {
    this.fingerprint = options.fingerprint ?? ((item) => JSON.stringify(item));
    this.custom = !!options.store;
    this.store = () => options.store ?? appStore();
    this.timeoutMs = options.timeoutMs ?? STORAGE_TIMEOUT_MS;
    this.alongside = options.alongside ?? (() => []);
    this.inParts = options.inParts;
    this.channel = options.channel && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(options.channel) : null;
    this.channel?.addEventListener('message', () => this.listeners.forEach((l) => l()));
  }

  private run<R>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => R | PromiseLike<R>, what: string): Promise<R> {
    return withTimeout(Promise.resolve().then(() => this.store()(mode, fn)), this.timeoutMs, `${this.what}: ${what}`);
  }

  /**
   * Reads every item. `legacy` moves a record of an earlier version (one key holding all items)
   * to per-item keys first, in the same transaction as its deletion; items already stored per
   * key win over the legacy copy.
   */
  async loadAll(legacy?: { key: string; split: (value: unknown) => [string, T][] }): Promise<Map<string, T>> {
    return (await this.read(legacy)).items;
  }

  /**
   * {@link loadAll}, with the items that could not be read whole (a part missing) left out and
   * reported: they stay stored, and a save neither rewrites nor deletes them. `onHeads` is told
   * the stored values (heads of the items stored in parts) before their parts are read.
   */
  async read(legacy?: { key: string; split: (value: unknown) => [string, T][] }, onHeads?: (heads: readonly (readonly [string, unknown])[]) => void): Promise<ItemsRead<T>> {
    const heads = await this.run('readwrite', async (s) => {
      if (legacy) {
        const old = await promisifyRequest(s.get(legacy.key));
        if (old !== undefined) {
          for (const [id, item] of legacy.split(old)) {
            const key = this.prefix + id;
            if ((await promisifyRequest(s.getKey(key))) === undefined) this.putItem(s, item, key);
          }
          s.delete(legacy.key);
        }
      }
      const range = IDBKeyRange.bound(this.prefix, `${this.prefix}\uffff`);
      const [keys, values] = await Promise.all([promisifyRequest(s.getAllKeys(range)), promisifyRequest(s.getAll(range))]);
      return keys.map((k, i) => [String(k).slice(this.prefix.length), values[i] as T] as const);
    }, 'read');
    onHeads?.(heads);
    const { rows, failed } = await this.joinParts(heads);
    this.known = new Map(rows.map(([id, v]) => [id, this.fingerprint(v)]));
    const storedWhole = this.inParts ? heads.filter(([, v]) => !partsNote(v) && ((v as { collection?: { features?: unknown[] } })?.collection?.features?.length ?? 0) > FEATURES_PER_PART).map(([id]) => id) : [];
    return { items: new Map(rows), failed, storedWhole };
  }

  /**
   * The items of stored values, the parts of those stored in parts read back each in a task of its
   * own (no long task, see `joinPartsInTurns`). Failures are left out and returned.
   */
  private async joinParts(heads: readonly (readonly [string, T])[]): Promise<{ rows: [string, T][]; failed: Error[] }> {
    const rows: [string, T][] = [];
    const failed: Error[] = [];
    const run = <R>(fn: (s: IDBObjectStore) => Promise<R>) => this.run('readonly', fn, 'read');
    for (const [id, v] of heads) {
      if (!this.inParts || !partsNote(v)) {
        rows.push([id, v]);
        continue;
      }
      try {
        const item = await joinPartsInTurns(run, this.prefix + id, v, this.inParts.name(v, id));
        if (item !== undefined) rows.push([id, item]);
      } catch (e) {
        failed.push(e instanceof Error ? e : new Error(String(e)));
      }
    }
    return { rows, failed };
  }

  /** Writes one item under `key` (in parts when this store has them). */
  private putItem(s: IDBObjectStore, item: T, key: string, fp?: string): void {
    if (this.inParts) putInParts(s, key, item, fp ?? this.fingerprint(item), put);
    else put(s, item, key);
  }

  /** Deletes the item `id` with its parts and the records stored beside it. */
  private deleteItem(s: IDBObjectStore, id: string): void {
    if (this.inParts) deleteInParts(s, this.prefix + id);
    else s.delete(this.prefix + id);
    for (const k of this.alongside(id)) s.delete(k);
  }

  /** The fingerprint of a stored value (a head in parts carries its item's). */
  private storedFingerprint(v: unknown): string {
    return (this.inParts && partsNote(v)?.fingerprint) || this.fingerprint(v as T);
  }

  /**
   * Saves `items`: writes the items that differ from what this tab last saw, deletes the ones this
   * tab saw and no longer has — never an item another tab added or changed meanwhile — in one
   * transaction, then tells the other tabs.
   */
  async save(items: ReadonlyMap<string, T>): Promise<void> {
    const puts: [string, T, string][] = [];
    for (const [id, item] of items) {
      const fp = this.fingerprint(item);
      if (this.known.get(id) !== fp) puts.push([id, item, fp]);
    }
    const dels = [...this.known.keys()].filter((id) => !items.has(id));
    if (!puts.length && !dels.length) return;
    // Read-modify-write in one transaction: an item is deleted only if it is still what this tab
    // last saw (another tab may have changed it meanwhile: then it stays).
    const kept = await this.run('readwrite', async (s) => {
      for (const [id, item, fp] of puts) this.putItem(s, item, this.prefix + id, fp);
      const current = await Promise.all(dels.map((id) => promisifyRequest(s.get(this.prefix + id))));
      const changedElsewhere: string[] = [];
      dels.forEach((id, i) => {
        if (current[i] === undefined || this.storedFingerprint(current[i]) === this.known.get(id)) this.deleteItem(s, id);
        else changedElsewhere.push(id);
      });
      await promisifyRequest(s.transaction);
      return changedElsewhere;
    }, 'save');
    for (const [id, , fp] of puts) this.known.set(id, fp);
    for (const id of dels) this.known.delete(id);
    if (kept.length) this.listeners.forEach((l) => l()); // reload: the other tab's version is shown here too
    this.channel?.postMessage({ changed: true });
  }

  /**
   * Lets `write` store a new item under its key (`write(key)` resolves true once written, e.g.
   * by a worker that holds the item's big parts), then counts it as saved by this tab. Only with
   * the app's own store; false when not written (the next save writes it as usual).
   */
  async adopt(id: string, item: T, write: (key: string, db: typeof APP_DB) => Promise<boolean>): Promise<boolean> {
    if (this.custom || this.known.has(id)) return false;
    const ok = await write(this.prefix + id, APP_DB).catch(() => false);
    if (!ok) return false;
    this.known.set(id, this.fingerprint(item));
    this.channel?.postMessage({ changed: true });
    return true;
  }

  /** Read-modify-write of one item in one transaction (`fn` returns undefined to delete it). */
  async update(id: string, fn: (old: T | undefined) => T | undefined): Promise<void> {
    const key = this.prefix + id;
    const next = await this.run('readwrite', async (s) => {
      const stored = (await promisifyRequest(s.get(key))) as T | undefined;
      const value = fn(this.inParts && stored !== undefined ? await joinPartsIn(s, key, stored, this.inParts.name(stored, id)) : stored);
      if (value === undefined) this.deleteItem(s, id);
      else this.putItem(s, value, key);
      await promisifyRequest(s.transaction);
      return value;
    }, 'update');
    if (next === undefined) this.known.delete(id);
    else this.known.set(id, this.fingerprint(next));
    this.channel?.postMessage({ changed: true });
  }

  /** Calls `fn` when another tab changed the items; returns the unsubscribe. */
  onExternalChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
  }
}

/**
 * Stores a structured clone of `item`; an item that cannot be cloned (a reactive proxy) is
 * stored as a plain JSON copy instead.
 */
function put(s: IDBObjectStore, item: unknown, key: string): void {
  try {
    s.put(item, key);
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'DataCloneError')) throw e;
    s.put(plain(item), key);
  }
}
