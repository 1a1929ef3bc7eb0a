/**
 * Settings and results of the surface panel, kept for the page (the panel is mounted only while
 * its tab is open; the worker keeps the distance fields meanwhile).
 */
import type { FeatureCollection } from 'geojson';
import type { GridDef } from '../analysis/surface/grid.ts';

/** The six criteria compared pairwise in the AHP matrix. */
export const AHP_KEYS = ['mv-line', 'substation', 'materials', 'deposit', 'road', 'labour'] as const;

export class SurfaceSettings {
  sector = $state('');
  cell = $state(100);
  /** Weights of the surface-only criteria (the others are the planner's weights). */
  extra = $state<{ 'district-centre': number; river: number }>({ 'district-centre': 0, river: 0 });
  /** Default exclusions switched on (protected areas, river corridors). */
  exclude = $state({ protected: true, river: true });
  opacity = $state(0.75);
  visible = $state(true);
  top = $state(5);
  minHa = $state(50);
  minScore = $state<number | null>(null);
  /** AHP judgements, upper triangle row by row (15 for 6 criteria). */
  judgements = $state<number[]>(Array(15).fill(1));
  areas = $state.raw<(FeatureCollection & { threshold: number; qualifying: number }) | null>(null);
  sketched = $state<Record<number, boolean>>({});
  status = $state<'idle' | 'fields' | 'scoring' | 'ready' | 'error'>('idle');
  /** Frames drawn so far (each re-weighting draws one). */
  frames = $state(0);
  error = $state<string | null>(null);
  info = $state.raw<{ grid: GridDef; fieldsMs: number; scoreMs: number; min: number; max: number } | null>(null);
}

export const surfaceSettings = new SurfaceSettings();

/** Scoring options of a sector and exclusions (an exclusion switched off removes its default threshold). */
export function scoreOptionsOf(sector: string, exclude: { protected: boolean; river: boolean }): { sectors: string[]; thresholds?: Record<string, Record<string, never>> } {
  const thresholds: Record<string, Record<string, never>> = {};
  if (!exclude.protected) thresholds['protected-area'] = {};
  if (!exclude.river) thresholds.river = {};
  return { sectors: sector ? [sector] : [], ...(Object.keys(thresholds).length ? { thresholds } : {}) };
}

/** The last frame's values for the pointer readout (not reactive: large typed arrays). */
export const surfaceFrame: { grid: GridDef | null; values: Float32Array | null; excluded: Uint8Array | null } = { grid: null, values: null, excluded: null };
