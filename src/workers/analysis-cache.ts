/**
 * Analyses saved across visits: when neither the layers, the sites nor the options changed since
 * the last visit, the rows stored then are reused instead of analysing again (10 000 saved
 * imported sites would otherwise be re-analysed on every load).
 *
 * The record is keyed by a content key: a hash of the row format, the layers' content and the
 * options (`baseKey`), plus one hash per site (id, properties, geometry). Rows are reused only
 * under the same base key, and only for the sites whose hash is unchanged; a change of any layer
 * or option invalidates every row. Stored by structured clone in IndexedDB, from the worker.
 * Pure except {@link idbResultStore}.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { SiteAnalysis } from '../lib/analysis/analyze.ts';

/** Version of the rows' format: bump when the engine's output changes for the same input. */
export const ANALYSIS_FORMAT = 1;

/** Sites above this count are not saved (the record would be hundreds of MB). */
export const MAX_SAVED_SITES = 25_000;

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

/** What is stored: the rows of the last complete analysis and what they were computed from. */
export interface SavedAnalysis {
  /** {@link baseKey} of the rows. */
  base: string;
  /** {@link contentKey} of the rows. */
  key: string;
  /** Hash of each site, in the order of `rows`. */
  sites: string[];
  rows: SiteAnalysis[];
}

/** Where the saved analysis lives (IndexedDB in the worker; a Map in tests). */
export interface AnalysisResultStore {
  load(): Promise<SavedAnalysis | undefined>;
  save(v: SavedAnalysis): Promise<void>;
}

/** The saved analysis in IndexedDB (a database of its own, one record). */
export function idbResultStore(): AnalysisResultStore {
  let db: UseStore | null = null;
  const store = () => (db ??= createStore('backan-analysis', 'results'));
  return {
    load: () => get<SavedAnalysis>('last', store()),
    save: (v) => set('last', v, store()),
  };
}
