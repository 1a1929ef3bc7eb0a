/**
 * The surface worker: builds the distance fields once per data load (`init`) and keeps them, so
 * re-weighting (`score`) is one pass over the cells and never recomputes a field. Also finds the
 * candidate areas with their rank stability and writes the GeoTIFF of the last scored surface.
 */
import { expose, transfer } from 'comlink';
import type { FeatureCollection } from 'geojson';
import {
  candidateRankItems, candidatesToFeatures, colourise, compareAreas, type ComparedArea, createSurfaceEngine, DEFAULT_SURFACE_WEIGHTS, findCandidates, gridCorners,
  rankStability, shareVector, surfaceToGeoTiff, type GridDef, type ScoreOptions, type ScoredSurface, type SurfaceEngine, type SurfaceLayers, type SurfaceWeights,
} from '../lib/analysis/surface/index.ts';
import { suitabilityRamp, surfaceExcluded } from '../lib/map/palette.ts';

let engine: SurfaceEngine | null = null;
let last: { s: ScoredSurface; weights: Partial<SurfaceWeights>; opts: ScoreOptions } | null = null;

export interface SurfaceInit { grid: GridDef; corners: ReturnType<typeof gridCorners>; timings: Record<string, number> }
export interface SurfaceFrame { rgba: Uint8ClampedArray; values: Float32Array; excluded: Uint8Array; min: number; max: number; terms: ScoredSurface['terms']; ms: number }
export interface CompareResult { a: Uint8ClampedArray; b: Uint8ClampedArray; areas: ComparedArea[]; cols: number; rows: number }
export interface AreasRequest { top: number; minHa: number; minScore?: number; draws: number }

const need = (): SurfaceEngine => { if (!engine) throw new Error('surface worker: init(layers) must be called first'); return engine; };

export const surfaceApi = {
  init(layers: SurfaceLayers, opts: { crs: number; cell: number; radiusKm: number }): SurfaceInit {
    engine = createSurfaceEngine(layers, opts);
    last = null;
    return { grid: engine.grid, corners: gridCorners(engine.grid), timings: engine.timings };
  },
  score(weights: Partial<SurfaceWeights>, opts: ScoreOptions): SurfaceFrame {
    const e = need();
    const t = performance.now();
    const s = e.score(weights, opts);
    last = { s, weights, opts };
    const rgba = colourise(e.grid, s.values, s.excluded, suitabilityRamp, surfaceExcluded);
    const values = s.values.slice(), excluded = s.excluded.slice();
    const frame: SurfaceFrame = { rgba, values, excluded, min: s.min, max: s.max, terms: s.terms, ms: performance.now() - t };
    return transfer(frame, [rgba.buffer, values.buffer, excluded.buffer]);
  },
  areas(req: AreasRequest): FeatureCollection & { threshold: number; qualifying: number; stability: string } {
    const e = need();
    if (!last) throw new Error('surface worker: score() must be called before areas()');
    const res = findCandidates(e.grid, last.s.values, { top: req.top, minHa: req.minHa, minScore: req.minScore });
    const w = { ...DEFAULT_SURFACE_WEIGHTS, ...last.weights };
    const stab = rankStability(candidateRankItems(e, res.candidates, last.weights, last.opts, { positions: req.draws, seed: 1 }), shareVector(w), { draws: req.draws, seed: 1, topK: Math.min(3, res.candidates.length || 1), penaltyPoints: w['protected-area'] });
    const features = candidatesToFeatures(res, (c) => {
      const st = stab.items[c.rank - 1];
      return { rank_min: st.rankMin, rank_max: st.rankMax, top_k: stab.topK, top_k_share: Math.round(st.topKShare * 1000) / 1000 };
    });
    return { type: 'FeatureCollection', features, threshold: res.threshold, qualifying: res.qualifying, stability: stab.method };
  },
  /** Two scenarios side by side (the last scored surface is kept): both images and the areas found under either. */
  compare(a: { weights: Partial<SurfaceWeights>; opts: ScoreOptions }, b: { weights: Partial<SurfaceWeights>; opts: ScoreOptions }, req: { top: number; minHa: number }): CompareResult {
    const e = need();
    const sa = e.score(a.weights, a.opts), sb = e.score(b.weights, b.opts);
    const areas = compareAreas(e.grid, sa.values, sb.values, req);
    const ra = colourise(e.grid, sa.values, sa.excluded, suitabilityRamp, surfaceExcluded), rb = colourise(e.grid, sb.values, sb.excluded, suitabilityRamp, surfaceExcluded);
    return transfer({ a: ra, b: rb, areas, cols: e.grid.cols, rows: e.grid.rows }, [ra.buffer, rb.buffer]);
  },
  tiff(): ArrayBuffer {
    const e = need();
    if (!last) throw new Error('surface worker: score() must be called before tiff()');
    const buf = surfaceToGeoTiff(e.grid, last.s.values);
    return transfer(buf, [buf]);
  },
};

export type SurfaceApi = typeof surfaceApi;

expose(surfaceApi);
