/**
 * The analysis worker's state, pure so it runs and tests in Node: the engine (rebuilt only when
 * the layers change), the sites (sent once per run) and a cache of analysed rows keyed by the
 * site's content and the options, so a run after a change to a few sites (a draft moved, sites
 * imported) analyses only those, and a run with nothing changed analyses none.
 */
import type { Feature } from 'geojson';
import { createAnalysisEngine, type AnalysisEngine, type AnalysisOptions, type Layers, type SiteAnalysis } from '../lib/analysis/analyze.ts';
import type { ScoreRange } from '../lib/analysis/score-range.ts';

/** Rows of a batch, and how many of them came from the cache. */
export interface Batch { rows: SiteAnalysis[]; cached: number }

/** Most sites whose score and rank ranges the app computes (1 000 draws each; beyond, the UI says so). */
export const MAX_RANGE_SITES = 3000;

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
  /** Engine builds so far (for tests and the benchmark). */
  builds = 0;
  /** Sites analysed by the engine so far (cache misses). */
  analysed = 0;

  /** Builds the indexes for new layers; forgets every cached row. */
  init(layers: Layers): string[] {
    this.engine = createAnalysisEngine(layers);
    this.builds++;
    this.cache.clear();
    return this.engine.layersPresent;
  }

  /** Sets the sites and options of the next batches; returns how many sites there are. */
  setSites(sites: Feature[], opts: AnalysisOptions): number {
    const optsKey = JSON.stringify(opts);
    if (optsKey !== this.optsKey) this.cache.clear();
    this.optsKey = optsKey;
    this.opts = opts;
    this.sites = sites;
    this.keys = sites.map(siteKey);
    // Keep only the rows of sites still present, so the cache does not grow without bound.
    if (this.cache.size) {
      const keep = new Set(this.keys);
      for (const k of this.cache.keys()) if (!keep.has(k)) this.cache.delete(k);
    }
    return sites.length;
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
    return { rows, cached };
  }

  /**
   * Score and rank ranges over the WHOLE set of sites (analysed in batches, ranked together): the
   * same seeded draws as the CLI's `analyze` of the same sites (options' `draws`, default 1000,
   * and `seed`, default 1). Sites not yet analysed are analysed first.
   */
  ranges(maxSites = MAX_RANGE_SITES): SetRanges {
    if (!this.engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    const n = this.sites.length;
    if (n > maxSites) return { tooMany: n, limit: maxSites };
    const rows = this.batch(0, n).rows;
    const ranges = this.engine.scoreRanges(rows, { weights: this.opts.weights, draws: this.opts.draws ?? 1000, seed: this.opts.seed ?? 1 });
    return { ranges, ids: rows.map((r) => r.id) };
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
