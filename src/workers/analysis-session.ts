/**
 * The analysis worker's state, pure so it runs and tests in Node: the engine (rebuilt only when
 * the layers change), the sites (sent once per run) and a cache of the page's (slim) rows keyed by
 * the site's content and the options, so a run after a change to a few sites (a draft moved, sites
 * imported) analyses only those, and a run with nothing changed analyses none. With a result
 * store (the worker's IndexedDB), the slim rows of the last complete analysis are saved and, on
 * the next visit, reused for the sites unchanged under the same layers and options
 * (see analysis-cache.ts).
 *
 * Full rows (≈ 11 KB each in the worker's heap: every voltage, mineral and crop with its target's
 * name and connector, the score breakdown, the catchment and network answers) are kept for the
 * {@link FULL_ROWS_KEPT} sites used last; any other site's full row is analysed again when the card,
 * the dossier or an export asks for it (the engine is deterministic: the same row). Holding every
 * full row made the worker 562 MB at 50 000 sites.
 */
import type { Feature } from 'geojson';
import { createAnalysisEngine, type AnalysisEngine, type AnalysisOptions, type Layers, type SiteAnalysis } from '../lib/analysis/analyze.ts';
import type { ScoreRange } from '../lib/analysis/score-range.ts';
import { baseKey, contentKey, hashString, MAX_SAVED_SITES, type AnalysisResultStore } from './analysis-cache.ts';
import { slimPool, slimRow, type SlimRow } from '../lib/analysis/site-row.ts';

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

/**
 * Full rows kept in the worker, the most recently used. Every site's full row up to this many
 * sites; beyond, the rest are analysed again on demand (≈ 0.5 ms a site here).
 */
export const FULL_ROWS_KEPT = 5000;

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
  /** site key → the page's row, for the current layers and options: every site analysed (or restored). */
  private slim = new Map<string, SlimRow>();
  /** site key → full row made by this engine, the {@link FULL_ROWS_KEPT} used last (Map order: least recent first). */
  private full = new Map<string, SiteAnalysis>();
  /** Bumped by every new set of layers or sites (ends score draws of an older one). */
  private version = 0;
  /** Engine builds so far (for tests and the benchmark). */
  builds = 0;
  /** Sites analysed by the engine so far for their page row (cache misses). */
  analysed = 0;
  /** Full rows analysed again on demand so far (their sites' page rows were already there). */
  recomputed = 0;
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
  /** Saved rows (by site hash) under the current layers and options not yet taken. */
  private savedRows: Map<string, SlimRow> | null = null;

  constructor(private readonly store?: AnalysisResultStore, private readonly fullKept = FULL_ROWS_KEPT) {}

  /** The sites of the current run (the exports read their attributes). */
  get currentSites(): readonly Feature[] {
    return this.sites;
  }

  /** Full rows held now (at most the limit; tests and the benchmark). */
  get fullRowsHeld(): number {
    return this.full.size;
  }

  /** Builds the indexes for new layers; forgets every cached row. */
  init(layers: Layers): string[] {
    this.engine = createAnalysisEngine(layers);
    this.version++;
    this.builds++;
    this.slim.clear();
    this.full.clear();
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
    if (optsKey !== this.optsKey) { this.slim.clear(); this.full.clear(); }
    this.optsKey = optsKey;
    this.opts = opts;
    this.sites = sites;
    this.keys = sites.map(siteKey);
    // Keep only the rows of sites still present, so the cache does not grow without bound.
    if (this.slim.size || this.full.size) {
      const keep = new Set(this.keys);
      for (const k of this.slim.keys()) if (!keep.has(k)) this.slim.delete(k);
      for (const k of this.full.keys()) if (!keep.has(k)) this.full.delete(k);
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
    const byHash = new Map<string, SlimRow>();
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
      if (this.slim.has(k)) continue;
      const h = hashString(k);
      const row = saved.get(h);
      if (row) { this.slim.set(k, row); saved.delete(h); this.restored++; }
    }
  }

  /** Saves the page rows of the current sites once all are analysed (in the background). */
  private persist(): void {
    if (!this.store || this.keys.length === 0) return;
    const n = this.keys.length;
    if (n > MAX_SAVED_SITES) { this.lastSave = { state: 'tooMany', sites: n, limit: MAX_SAVED_SITES }; return; }
    const rows: SlimRow[] = [];
    for (const k of this.keys) { const r = this.slim.get(k); if (!r) return; rows.push(r); }
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

  /** Keeps a full row as the most recently used, dropping the least recent beyond the limit. */
  private keep(key: string, row: SiteAnalysis): void {
    this.full.delete(key);
    this.full.set(key, row);
    if (this.full.size > this.fullKept) {
      for (const k of this.full.keys()) { this.full.delete(k); if (this.full.size <= this.fullKept) break; }
    }
  }

  /**
   * Analyses the sites at `indices` with the engine: their full rows (kept, see {@link keep}) and,
   * for those without one yet, their page rows (counted as analysed; the others as recomputed).
   */
  private analyseAt(indices: readonly number[]): SiteAnalysis[] {
    // score/rank draws rank the sites analysed together: a batch is a subset, so none here
    const fresh = this.engine!.analyze(indices.map((i) => this.sites[i]), { ...this.opts, draws: 0 });
    const pool = slimPool();
    indices.forEach((i, j) => {
      const k = this.keys[i];
      if (this.slim.has(k)) this.recomputed++;
      else { this.slim.set(k, slimRow(fresh[j], pool)); this.analysed++; }
      this.keep(k, fresh[j]);
    });
    return fresh;
  }

  /** Full rows of the sites at `indices`, in order: kept (now the most recent), or analysed. */
  private fullAt(indices: readonly number[]): SiteAnalysis[] {
    const out: SiteAnalysis[] = new Array(indices.length);
    const todo: number[] = [], at: number[] = [];
    indices.forEach((i, k) => {
      const row = this.full.get(this.keys[i]);
      if (row) { this.keep(this.keys[i], row); out[k] = row; } else { todo.push(i); at.push(k); }
    });
    if (todo.length) this.analyseAt(todo).forEach((r, j) => { out[at[j]] = r; });
    return out;
  }

  /** Full rows of sites [start, end), kept or analysed (tests, the benchmark; the page asks for {@link slimBatch}). */
  batch(start: number, end: number): Batch {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    end = Math.min(end, this.sites.length);
    const indices = Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k);
    // counted before: the rows analysed now get their page rows
    const cached = indices.filter((i) => this.slim.has(this.keys[i])).length;
    const rows = this.fullAt(indices);
    if (end === this.sites.length) this.persist();
    return { rows, cached };
  }

  /** The page's rows of sites [start, end) (lib/analysis/site-row.ts): cached, restored or analysed. */
  slimBatch(start: number, end: number): SlimBatch {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    end = Math.min(end, this.sites.length);
    const rows: SlimRow[] = [];
    const todo: number[] = [];
    let cached = 0;
    for (let i = start; i < end; i++) {
      const hit = this.slim.get(this.keys[i]);
      if (hit) cached++;
      else todo.push(i);
      rows.push(hit as SlimRow);
    }
    if (todo.length) {
      this.analyseAt(todo);
      for (const i of todo) rows[i - start] = this.slim.get(this.keys[i])!;
    }
    if (end === this.sites.length) this.persist();
    return { rows, cached };
  }

  /**
   * Full rows of the current sites at `indices` (the card, the dossier and the exports ask for them
   * on demand; the page holds slim rows only): kept, or analysed again. Each is checked against the
   * id the page expects.
   * @throws `no site N in the analysis` / `site N is "x" in the analysis, not "y"` (the sites changed since)
   */
  fullRows(indices: readonly number[], ids?: readonly string[]): SiteAnalysis[] {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    const n = this.sites.length;
    for (const i of indices) if (!Number.isInteger(i) || i < 0 || i >= n) throw new Error(`no site ${i} in the analysis (${n} sites)`);
    const out = this.fullAt(indices);
    if (ids) out.forEach((row, k) => {
      if (row.id !== ids[k]) throw new Error(`site ${indices[k]} is ${JSON.stringify(row.id)} in the analysis, not ${JSON.stringify(ids[k])}: the sites changed`);
    });
    return out;
  }

  /**
   * Score and rank ranges over the WHOLE set of sites (analysed in batches, ranked together): the
   * same seeded draws as the CLI's `analyze` of the same sites (options' `draws`, default 1000,
   * and `seed`, default 1). Sites not yet analysed are analysed first, and so are those whose full
   * row is not kept (restored from the saved analysis, or dropped): the engine holds draw inputs
   * for the rows it made. The draws pause every {@link RANGES_SLICE_MS} so the worker answers the
   * page meanwhile (its card's full row, an export); new sites or layers meanwhile end them early
   * (an empty answer, which the client drops as superseded anyway).
   */
  async ranges(maxSites = MAX_RANGE_SITES): Promise<SetRanges> {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    const n = this.sites.length;
    if (n > maxSites) return { tooMany: n, limit: maxSites };
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
