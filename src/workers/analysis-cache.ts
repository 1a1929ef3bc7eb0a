/**
 * Analyses saved across visits: when neither the layers, the sites nor the options changed since
 * the last visit, the rows stored then are reused instead of analysing again (10 000 saved
 * imported sites would otherwise be re-analysed on every load).
 *
 * The record is keyed by a content key: a hash of the row format, the layers' content and the
 * options (`baseKey`), plus one hash per site (id, properties, geometry). Rows are reused only
 * under the same base key, and only for the sites whose hash is unchanged; a change of any layer
 * or option invalidates every row. Stored by structured clone in IndexedDB, in parts, from the worker.
 * Pure except {@link idbResultStore}.
 */
import { createStore, get, getMany, promisifyRequest, type UseStore } from 'idb-keyval';
import type { SlimRow } from '../lib/analysis/site-row.ts';

/**
 * Version of the rows' format: bump when the engine's output changes for the same input.
 * 2: the page's (slim) rows are saved, not full rows.
 */
export const ANALYSIS_FORMAT = 2;

/**
 * Sites above this count are not saved. A saved (slim) row is ≈ 2.3 KB as a structured clone
 * (`bench/row-size.ts`): ≈ 230 MB of IndexedDB at this limit.
 */
export const MAX_SAVED_SITES = 100_000;

/** A 53-bit string hash (cyrb53), as 14 hex digits. */
export function hashString(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Key of what every row depends on besides its site: the row format, the layers and the options. */
export function baseKey(layersHash: string, optsKey: string): string {
  return hashString(`${ANALYSIS_FORMAT}|${layersHash}|${optsKey}`);
}

/** Content key of a whole analysis: the base key and every site, in order. */
export function contentKey(base: string, siteHashes: readonly string[]): string {
  return hashString(`${base}|${siteHashes.join(',')}`);
}

/**
 * What is stored: the page's rows of the last complete analysis and what they were computed from
 * (full rows are analysed again on demand, see analysis-session.ts).
 */
export interface SavedAnalysis {
  /** {@link baseKey} of the rows. */
  base: string;
  /** {@link contentKey} of the rows. */
  key: string;
  /** Hash of each site, in the order of `rows`. */
  sites: string[];
  rows: SlimRow[];
}

/** Where the saved analysis lives (IndexedDB in the worker; a Map in tests). */
export interface AnalysisResultStore {
  load(): Promise<SavedAnalysis | undefined>;
  save(v: SavedAnalysis): Promise<void>;
}

/**
 * Rows per stored part. Chromium refuses a single IndexedDB value over ~133 MB ("The serialized
 * value is too large"): one record of every full row (~11 KB each as a structured clone) failed
 * from ~11 000 sites, and one of every slim row (~2.3 KB) would from ~57 000. A part of 2 000 slim
 * rows is ~5 MB.
 */
export const ROWS_PER_PART = 2000;
const HEAD = 'last';
/** The key of part `i` of the saved rows. */
export const rowsPartKey = (i: number) => `${HEAD}#${i}`;
/** Every part's key, whatever their number ('#' sorts after nothing the head key holds). */
const allParts = () => IDBKeyRange.bound(`${HEAD}#`, `${HEAD}#\uffff`);

/** What the head of a saved analysis holds: all but the rows, and how many parts they are in. */
type SavedHead = Omit<SavedAnalysis, 'rows'> & { parts: number; rowCount: number };

/**
 * The saved analysis in IndexedDB (a database of its own): a head under `last` and the rows in
 * parts of {@link ROWS_PER_PART} under `last#<i>`, written in one transaction (the parts of an
 * earlier save deleted first, so a smaller save leaves none behind) and read in one. A record
 * written whole by an earlier version is read as before; a head whose parts are not all there
 * (or do not add up) reads as nothing saved, so the sites are analysed again.
 */
export function idbResultStore(): AnalysisResultStore {
  let db: UseStore | null = null;
  const store = () => (db ??= createStore('backan-analysis', 'results'));
  return {
    load: async () => {
      const head = await get<SavedHead | SavedAnalysis>(HEAD, store());
      if (!head || 'rows' in head) return head;
      const { parts, rowCount, ...rest } = head;
      if (!Number.isInteger(parts) || parts < 0) return undefined;
      const got = await getMany<SavedAnalysis['rows'] | undefined>(Array.from({ length: parts }, (_, i) => rowsPartKey(i)), store());
      if (got.some((r) => !Array.isArray(r))) return undefined;
      const rows = (got as SavedAnalysis['rows'][]).flat();
      return rows.length === rowCount && rows.length === rest.sites.length ? { ...rest, rows } : undefined;
    },
    save: (v) => store()('readwrite', (s) => {
      const { rows, ...rest } = v;
      const parts = Math.ceil(rows.length / ROWS_PER_PART);
      s.delete(allParts());
      for (let i = 0; i < parts; i++) s.put(rows.slice(i * ROWS_PER_PART, (i + 1) * ROWS_PER_PART), rowsPartKey(i));
      s.put({ ...rest, parts, rowCount: rows.length } satisfies SavedHead, HEAD);
      return promisifyRequest(s.transaction);
    }),
  };
}
