/**
 * Big records stored in parts: an item holding a FeatureCollection (an imported layer) of more than
 * {@link FEATURES_PER_PART} features is stored as a small head under its own key — the item with
 * no features and a note of its parts — and its features in parts of at most that many under
 * `parts:<key>#<i>`, outside the range of the items' prefix. IndexedDB hands each value to the
 * page as one structured clone, deserialised in one task (~0.3 s for 200 000 points); a part is a
 * few ms of it, so the page reads a big item part by part, each in its own task, and no task is
 * long; a worker reads every part in one transaction. Items no bigger than a part, and items stored whole by earlier
 * versions, stay single records and are read as before.
 *
 * The head is still an item of the old shape (its collection has no features), so a tab of an
 * earlier version sees an empty layer rather than an unreadable record.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { promisifyRequest, type UseStore } from 'idb-keyval';

/** Features per stored part: one part is a few ms of the page's time to read back. */
export const FEATURES_PER_PART = 5000;
const PARTS_FORMAT = 1;

/** An item stored in parts. */
export interface Collected { collection: FeatureCollection }

/** What the head of an item stored in parts says about them. */
export interface PartsNote {
  format: number;
  /** How many parts, `parts:<key>#0` … `#<parts - 1>`. */
  parts: number;
  /** How many features in all. */
  features: number;
  /** The item's fingerprint (what a save compares against, see `ItemStore`). */
  fingerprint: string;
}

/** Field of a head holding its {@link PartsNote}. */
export const PARTS_FIELD = 'storedInParts';

/** The start of the keys of the parts of the record `key`. */
const partPrefix = (key: string) => `parts:${key}#`;
/** The key of part `i` of the record `key`. */
export const partKey = (key: string, i: number) => `${partPrefix(key)}${i}`;
/** Every part of the record `key` (whatever their number). */
const partRange = (key: string) => IDBKeyRange.bound(partPrefix(key), `${partPrefix(key)}\uffff`);

/** A part that is not in the database (or not a list of features). */
export class MissingPartError extends Error {
  constructor(readonly key: string, readonly part: number, readonly parts: number, what: string) {
    super(`${what}: part ${part + 1} of ${parts} is missing or unreadable (stored as ${partKey(key, part)})`);
    this.name = 'MissingPartError';
  }
}

/** The note of a stored value that is the head of an item stored in parts, else null. */
export function partsNote(value: unknown): PartsNote | null {
  const n = (value as Record<string, unknown> | null | undefined)?.[PARTS_FIELD] as Partial<PartsNote> | undefined;
  return n && n.format === PARTS_FORMAT && Number.isInteger(n.parts) && n.parts! > 0 && typeof n.fingerprint === 'string' ? (n as PartsNote) : null;
}

/** The head of `item` stored in `parts` parts: the item with no features, and its note. */
function headOf<T extends Collected>(item: T, parts: number, fingerprint: string): T & { [PARTS_FIELD]: PartsNote } {
  return { ...item, collection: { ...item.collection, features: [] }, [PARTS_FIELD]: { format: PARTS_FORMAT, parts, features: item.collection.features.length, fingerprint } };
}

/**
 * Writes `item` under `key` in the transaction of `s`: whole when it has no more than `size`
 * features, else as a head and parts. Parts of an earlier copy are deleted first. `put` stores
 * one value (e.g. with a fallback for values that cannot be cloned).
 */
export function putInParts(s: IDBObjectStore, key: string, item: unknown, fingerprint: string, put: (s: IDBObjectStore, v: unknown, k: string) => void = (st, v, k) => void st.put(v, k), size = FEATURES_PER_PART): void {
  s.delete(partRange(key));
  const features = (item as Partial<Collected> | null)?.collection?.features;
  if (!Array.isArray(features) || features.length <= size) {
    put(s, item, key);
    return;
  }
  const parts = Math.ceil(features.length / size);
  put(s, headOf(item as Collected, parts, fingerprint), key);
  for (let i = 0; i < parts; i++) put(s, features.slice(i * size, (i + 1) * size), partKey(key, i));
}

/** Deletes the record `key` and every part of it, in the transaction of `s`. */
export function deleteInParts(s: IDBObjectStore, key: string): void {
  s.delete(key);
  s.delete(partRange(key));
}

/** The item of a head and its parts' features, in order: as it was before it was stored. */
function join<T extends Collected>(head: T, parts: readonly Feature[][]): T {
  const { [PARTS_FIELD]: note, ...item } = head as T & { [PARTS_FIELD]?: PartsNote };
  void note;
  const features: Feature[] = [];
  for (const p of parts) for (const f of p) features.push(f);
  return { ...item, collection: { ...head.collection, features } } as unknown as T;
}

const checked = (v: unknown, key: string, i: number, note: PartsNote, what: string): Feature[] => {
  if (!Array.isArray(v)) throw new MissingPartError(key, i, note.parts, what);
  return v as Feature[];
};

/**
 * The whole item of the stored `value` of `key` (itself, unless it is a head), reading every part
 * in the transaction of `s` (a worker, or a read-modify-write). Throws a {@link MissingPartError}.
 */
export async function joinPartsIn<T>(s: IDBObjectStore, key: string, value: T, what = key): Promise<T> {
  const note = partsNote(value);
  if (!note) return value;
  const parts = await Promise.all(Array.from({ length: note.parts }, (_, i) => promisifyRequest(s.get(partKey(key, i)))));
  return join(value as T & Collected, parts.map((p, i) => checked(p, key, i, note, what)));
}

/** Reads the record `key` whole (its parts joined) in one transaction; undefined when there is none. */
export function readWhole<T>(store: UseStore, key: string): Promise<T | undefined> {
  return store('readonly', async (s) => {
    const v = (await promisifyRequest(s.get(key))) as T | undefined;
    return v === undefined ? v : joinPartsIn(s, key, v);
  });
}

/** Parts asked for in one transaction when the page reads an item back (its requests go together). */
export const PARTS_PER_READ = 8;

/**
 * The whole item of the head `value` of `key` (itself, unless it is a head), read back by the page
 * without a long task: its parts are asked for {@link PARTS_PER_READ} at a time in one transaction
 * (one request each, sent together), and each part's answer is its own task of the page (its
 * structured clone deserialised alone, a few ms), so the page draws and answers between them. `run`
 * runs one transaction (with the caller's timeout). A part that is missing throws a
 * {@link MissingPartError} naming `what` — unless the head is gone too (the item was deleted
 * meanwhile, e.g. by another tab): then undefined.
 */
export async function joinPartsInTurns<T>(run: <R>(fn: (s: IDBObjectStore) => Promise<R>) => Promise<R>, key: string, value: T, what = key): Promise<T | undefined> {
  const note = partsNote(value);
  if (!note) return value;
  const parts: Feature[][] = [];
  for (let from = 0; from < note.parts; from += PARTS_PER_READ) {
    const got = await run((s) => {
      const asked = [];
      for (let i = from; i < Math.min(note.parts, from + PARTS_PER_READ); i++) asked.push(promisifyRequest(s.get(partKey(key, i))));
      return Promise.all(asked);
    });
    for (let j = 0; j < got.length; j++) {
      if (!Array.isArray(got[j])) {
        const head = await run((s) => promisifyRequest(s.getKey(key)));
        if (head === undefined) return undefined;
      }
      parts.push(checked(got[j], key, from + j, note, what));
    }
  }
  return join(value as T & Collected, parts);
}
