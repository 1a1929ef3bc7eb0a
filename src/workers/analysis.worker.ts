/**
 * The analysis worker: the same pure engine as Node and the CLI, off the main thread.
 * `init` builds the indexes once per data load; `analyze` runs one batch of sites.
 */
import { expose } from 'comlink';
import type { Feature } from 'geojson';
import { createAnalysisEngine, type AnalysisEngine, type AnalysisOptions, type Layers, type SiteAnalysis } from '../lib/analysis/analyze.ts';

let engine: AnalysisEngine | null = null;

export const analysisApi = {
  init(layers: Layers): string[] {
    engine = createAnalysisEngine(layers);
    return engine.layersPresent;
  },
  analyze(sites: Feature[], opts: AnalysisOptions): SiteAnalysis[] {
    if (!engine) throw new Error('analysis worker: init(layers) must be called before analyze()');
    return engine.analyze(sites, opts);
  },
};

export type AnalysisApi = typeof analysisApi;

expose(analysisApi);
