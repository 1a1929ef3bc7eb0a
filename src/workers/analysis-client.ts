/**
 * Main-thread side of the analysis worker: batches the sites so progress can be shown and a run
 * can be cancelled between batches, and drops results of runs that a newer run superseded.
 */
import { wrap, type Remote } from 'comlink';
import type { Feature } from 'geojson';
import type { AnalysisOptions, Layers, SiteAnalysis } from '../lib/analysis/analyze.ts';
import type { AnalysisApi } from './analysis.worker.ts';

export interface RunHandle { cancel(): void; done: Promise<SiteAnalysis[] | null> }

const BATCH = 16;

export class AnalysisClient {
  private api: Remote<AnalysisApi>;
  private worker: Worker;
  private ready: Promise<unknown> = Promise.resolve();
  private generation = 0;

  constructor() {
    this.worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    this.api = wrap<AnalysisApi>(this.worker);
  }

  /** Rebuilds the worker's indexes for a new set of layers. */
  setLayers(layers: Layers): void {
    this.ready = this.api.init(layers);
  }

  /**
   * Analyses `sites` in batches. `onProgress(done, total)` after each batch. Resolves to null when
   * cancelled or superseded by a newer run.
   */
  run(sites: Feature[], opts: AnalysisOptions, onProgress?: (done: number, total: number) => void): RunHandle {
    const gen = ++this.generation;
    let cancelled = false;
    const done = (async () => {
      await this.ready;
      const out: SiteAnalysis[] = [];
      for (let i = 0; i < sites.length; i += BATCH) {
        if (cancelled || gen !== this.generation) return null;
        out.push(...(await this.api.analyze(plain(sites.slice(i, i + BATCH)), opts)));
        onProgress?.(Math.min(i + BATCH, sites.length), sites.length);
      }
      return cancelled || gen !== this.generation ? null : out;
    })();
    return { cancel: () => { cancelled = true; }, done };
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** Plain copies for postMessage (Svelte proxies cannot be structured-cloned). */
function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
