/**
 * The analysis worker's state, pure so it runs and tests in Node: the engine (rebuilt only when
 * the layers change), the sites (sent once per run) and a cache of analysed rows keyed by the
 * site's content and the options, so a run after a change to a few sites (a draft moved, sites
 * imported) analyses only those, and a run with nothing changed analyses none. With a result
 * store (the worker's IndexedDB), the rows of the last complete analysis are saved and, on the
 * next visit, reused for the sites unchanged under the same layers and options
 * (see analysis-cache.ts).
 */
import type { Feature } from 'geojson';
import { createAnalysisEngine, type AnalysisEngine, type AnalysisOptions, type Layers, type SiteAnalysis } from '../lib/analysis/analyze.ts';
import type { ScoreRange } from '../lib/analysis/score-range.ts';
import { baseKey, contentKey, hashString, MAX_SAVED_SITES, type AnalysisResultStore } from './analysis-cache.ts';
import { slimRows, type SlimRow } from '../lib/analysis/site-row.ts';

/** Rows of a batch, and how many of them came from the cache. */
export interface Batch { rows: SiteAnalysis[]; cached: number }

/** The page's (slim) rows of a batch, and how many of them came from the cache. */
export interface SlimBatch { rows: SlimRow[]; cached: number }

/**
 * What the store holds for the current sites once the last save is written: all of them (`sites`,
 * the number of sites of the last complete analysis), none because there are too many to save, or
 * none because the store refused.
 */
export type SaveReport = { state: 'saved'; sites: number } | { state: 'tooMany'; sites: number; limit: number } | { state: 'failed'; sites: number };

/** Most sites whose score and rank ranges the app computes (1 000 draws each; beyond, the UI says so). */
export const MAX_RANGE_SITES = 3000;

/** Longest stretch of score draws, ms, before the worker takes other requests. */
export const RANGES_SLICE_MS = 50;

/**
 * Score and rank ranges of the whole set of sites: one per site (in the order of `setSites`), or
 * `tooMany` (the number of sites) when the set is larger than the limit.
 */
export type SetRanges = { ranges: ScoreRange[]; ids: string[] } | { tooMany: number; limit: number };

export class AnalysisSession {
  private engine: AnalysisEngine | null = null;
  private sites: Feature[] = [];
  private keys: string[] = [];
  private optsKey = '';
  private opts: AnalysisOptions = {};
  /** site key → row, for the current layers and options. */
  private cache = new Map<string, SiteAnalysis>();
  /** Bumped by every new set of layers or sites (ends score draws of an older one). */
  private version = 0;
  /** Engine builds so far (for tests and the benchmark). */
  builds = 0;
  /** Sites analysed by the engine so far (cache misses). */
  analysed = 0;
  /** Rows taken from the saved analysis so far. */
  restored = 0;
  private layersHash = '';
  /** Base key whose saved rows were already looked up, and content key last saved. */
  private lookedUp = '';
  private savedKey = '';
  private saving: Promise<void> = Promise.resolve();
  /** The saved record being read (a run that starts meanwhile waits for it rather than analyse). */
  private restoring: Promise<void> = Promise.resolve();
  /** Base key and site hashes of the record in the store (read or written this visit). */
  private stored: { base: string; sites: Set<string> } | null = null;
  private lastSave: SaveReport | null = null;
  /** Keys of rows taken from the saved analysis: the engine has not seen their sites this visit. */
  private restoredKeys = new Set<string>();
  /** Saved rows (by site hash) under the current layers and options not yet taken. */
  private savedRows: Map<string, SiteAnalysis> | null = null;

  constructor(private readonly store?: AnalysisResultStore) {}

  /** Builds the indexes for new layers; forgets every cached row. */
  init(layers: Layers): string[] {
    this.engine = createAnalysisEngine(layers);
    this.version++;
    this.builds++;
    this.cache.clear();
    this.restoredKeys.clear();
    // by layer id: the data package's layers arrive in any order (each file as it is fetched)
    this.layersHash = this.store ? hashString(JSON.stringify(Object.keys(layers).sort().map((k) => [k, layers[k as keyof Layers]]))) : '';
    this.lookedUp = '';
    this.savedRows = null;
    this.stored = null;
    return this.engine.layersPresent;
  }

  /**
   * Sets the sites and options of the next batches; returns how many sites there are. With a
   * result store, first takes the saved rows of unchanged sites (once per layers and options).
   */
  setSites(sites: Feature[], opts: AnalysisOptions): number | Promise<number> {
    this.version++;
    const optsKey = JSON.stringify(opts);
    if (optsKey !== this.optsKey) { this.cache.clear(); this.restoredKeys.clear(); }
    this.optsKey = optsKey;
    this.opts = opts;
    this.sites = sites;
    this.keys = sites.map(siteKey);
    // Keep only the rows of sites still present, so the cache does not grow without bound.
    if (this.cache.size) {
      const keep = new Set(this.keys);
      for (const k of this.cache.keys()) if (!keep.has(k)) this.cache.delete(k);
    }
    if (!this.store) return sites.length;
    const base = baseKey(this.layersHash, optsKey);
    // a run that follows a first one still reading the record (the bundled sites, then the imported
    // ones read back) waits for it: its sites are in the record too
    if (this.lookedUp === base) return this.restoring.then(() => { this.takeSaved(); return sites.length; });
    this.lookedUp = base;
    this.savedRows = null;
    this.restoring = this.restore(base);
    return this.restoring.then(() => sites.length);
  }

  /** Reads the saved rows, when saved under `base`, and takes those of the current sites. */
  private async restore(base: string): Promise<void> {
    let saved;
    try { saved = await this.store!.load(); } catch { return; } // no storage: analyse
    if (!saved || saved.base !== base || saved.sites.length !== saved.rows.length) return;
    const byHash = new Map<string, SiteAnalysis>();
    saved.sites.forEach((h, i) => byHash.set(h, saved.rows[i]));
    // kept until the layers or options change: a first run may hold only some of the saved sites
    // (the bundled ones, before the imported sites are read back)
    this.savedRows = byHash;
    this.savedKey = saved.key;
    this.stored = { base, sites: new Set(saved.sites) };
    this.takeSaved();
  }

  /** Moves the saved rows of the current sites into the cache. */
  private takeSaved(): void {
    const saved = this.savedRows;
    if (!saved || saved.size === 0) return;
    for (const k of this.keys) {
      if (this.cache.has(k)) continue;
      const h = hashString(k);
      const row = saved.get(h);
      if (row) { this.cache.set(k, row); saved.delete(h); this.restoredKeys.add(k); this.restored++; }
    }
  }

  /** Saves the rows of the current sites once all are analysed (in the background). */
  private persist(): void {
    if (!this.store || this.keys.length === 0) return;
    const n = this.keys.length;
    if (n > MAX_SAVED_SITES) { this.lastSave = { state: 'tooMany', sites: n, limit: MAX_SAVED_SITES }; return; }
    const rows: SiteAnalysis[] = [];
    for (const k of this.keys) { const r = this.cache.get(k); if (!r) return; rows.push(r); }
    const sites = this.keys.map((k) => hashString(k));
    const base = baseKey(this.layersHash, this.optsKey);
    const key = contentKey(base, sites);
    // Nothing to write when the record already holds every one of these sites: the same run, or a
    // first run of the bundled sites before the imported ones are read back (overwriting the
    // record with those alone would lose the imported sites' rows for the next visit).
    const held = this.stored?.base === base && sites.every((h) => this.stored!.sites.has(h));
    if (key === this.savedKey || held) { this.lastSave = { state: 'saved', sites: n }; return; }
    this.savedKey = key;
    const store = this.store;
    this.saving = this.saving.then(() => store.save({ base, key, sites, rows }))
      .then(() => { this.stored = { base, sites: new Set(sites) }; this.lastSave = { state: 'saved', sites: n }; })
      .catch(() => { this.savedKey = ''; this.lastSave = { state: 'failed', sites: n }; });
  }

  /** Resolves when the last save has been written (tests). */
  flushed(): Promise<void> {
    return this.saving;
  }

  /**
   * Once the last save is written: what the store holds for the last complete analysis (null
   * before any, or without a store). The page shows it, so a reload is known to find the rows.
   */
  async saved(): Promise<SaveReport | null> {
    await this.saving;
    return this.lastSave;
  }

  /** Rows of sites [start, end), from the cache or the engine. */
  batch(start: number, end: number): Batch {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    const rows: SiteAnalysis[] = [];
    const todo: number[] = [];
    let cached = 0;
    end = Math.min(end, this.sites.length);
    for (let i = start; i < end; i++) {
      const hit = this.cache.get(this.keys[i]);
      if (hit) cached++;
      else todo.push(i);
      rows.push(hit as SiteAnalysis);
    }
    if (todo.length) {
      // score/rank draws rank the sites analysed together: a batch is a subset, so none here
      const fresh = this.engine.analyze(todo.map((i) => this.sites[i]), { ...this.opts, draws: 0 });
      this.analysed += todo.length;
      todo.forEach((i, j) => {
        rows[i - start] = fresh[j];
        this.cache.set(this.keys[i], fresh[j]);
      });
    }
    if (end === this.sites.length) this.persist();
    return { rows, cached };
  }

  /** The page's rows of sites [start, end): the slim rows of {@link batch} (lib/analysis/site-row.ts). */
  slimBatch(start: number, end: number): SlimBatch {
    const { rows, cached } = this.batch(start, end);
    return { rows: slimRows(rows), cached };
  }

  /**
   * Full rows of the current sites at `indices` (the card, the dossier and the exports ask for them
   * on demand; the page holds slim rows only). Each is checked against the id the page expects.
   * @throws `no site N in the analysis` / `site N is "x" in the analysis, not "y"` (the sites changed since)
   */
  fullRows(indices: readonly number[], ids?: readonly string[]): SiteAnalysis[] {
    const n = this.sites.length;
    const out: SiteAnalysis[] = [];
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k];
      if (!Number.isInteger(i) || i < 0 || i >= n) throw new Error(`no site ${i} in the analysis (${n} sites)`);
      const row = this.cache.get(this.keys[i]) ?? this.batch(i, i + 1).rows[0];
      if (ids && row.id !== ids[k]) throw new Error(`site ${i} is ${JSON.stringify(row.id)} in the analysis, not ${JSON.stringify(ids[k])}: the sites changed`);
      out.push(row);
    }
    return out;
  }

  /**
   * Score and rank ranges over the WHOLE set of sites (analysed in batches, ranked together): the
   * same seeded draws as the CLI's `analyze` of the same sites (options' `draws`, default 1000,
   * and `seed`, default 1). Sites not yet analysed are analysed first. The draws pause every
   * {@link RANGES_SLICE_MS} so the worker answers the page meanwhile (its card's full row, an
   * export); new sites or layers meanwhile end them early (an empty answer, which the client drops
   * as superseded anyway).
   */
  async ranges(maxSites = MAX_RANGE_SITES): Promise<SetRanges> {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    const n = this.sites.length;
    if (n > maxSites) return { tooMany: n, limit: maxSites };
    // Saved rows carry no draw inputs (the engine keeps those for the rows it made): their sites are
    // analysed again here, once, so the draws are the CLI's.
    const again = this.keys.map((k, i) => (this.restoredKeys.has(k) ? i : -1)).filter((i) => i >= 0);
    if (again.length) {
      const fresh = this.engine.analyze(again.map((i) => this.sites[i]), { ...this.opts, draws: 0 });
      again.forEach((i, j) => { this.cache.set(this.keys[i], fresh[j]); this.restoredKeys.delete(this.keys[i]); });
      this.analysed += again.length;
    }
    const rows = this.batch(0, n).rows;
    const steps = this.engine.scoreRangeSteps(rows, { weights: this.opts.weights, draws: this.opts.draws ?? 1000, seed: this.opts.seed ?? 1 });
    const version = this.version;
    let slice = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return { ranges: step.value, ids: rows.map((r) => r.id) };
      if (performance.now() - slice > RANGES_SLICE_MS) {
        await new Promise((r) => setTimeout(r, 0));
        if (this.version !== version) return { ranges: [], ids: [] };
        slice = performance.now();
      }
    }
  }

  /** One-shot analysis of some sites (no cache). */
  analyze(sites: Feature[], opts: AnalysisOptions): SiteAnalysis[] {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    return this.engine.analyze(sites, opts);
  }
}

/** A site's identity for the cache: its whole content (id, properties, geometry). */
function siteKey(f: Feature): string {
  return JSON.stringify([f.id ?? null, f.properties ?? null, f.geometry]);
}
