/**
 * The rank changes between two scenarios: each item (a site or a candidate area) scored under
 * scenario A and under B, ranked within its kind under each (1 = best; ties share the better rank;
 * an item with no score under a scenario — e.g. an area excluded there — has no rank), and the
 * change (positive = moved up under B). Pure.
 */
import { findCandidates, type Candidate } from './candidates.ts';
import type { GridDef } from './grid.ts';

export interface CompareItem { id: string; name: string; kind: 'site' | 'area'; scoreA: number | null; scoreB: number | null }
export interface RankChangeRow extends CompareItem { rankA: number | null; rankB: number | null; change: number | null }
export type RankChangeKey = 'name' | 'kind' | 'rankA' | 'rankB' | 'change';

const ranks = (xs: (number | null)[]): (number | null)[] => xs.map((s) => (s == null ? null : 1 + xs.filter((x) => x != null && x > s).length));

/** Rows in input order (see the module comment). */
export function rankChanges(items: readonly CompareItem[]): RankChangeRow[] {
  const out: RankChangeRow[] = items.map((it) => ({ ...it, rankA: null, rankB: null, change: null }));
  for (const kind of ['site', 'area'] as const) {
    const idx = items.map((it, i) => (it.kind === kind ? i : -1)).filter((i) => i >= 0);
    const ra = ranks(idx.map((i) => items[i].scoreA)), rb = ranks(idx.map((i) => items[i].scoreB));
    idx.forEach((i, k) => {
      out[i].rankA = ra[k]; out[i].rankB = rb[k];
      out[i].change = ra[k] != null && rb[k] != null ? ra[k]! - rb[k]! : null;
    });
  }
  return out;
}

/** Rows sorted by a column (missing values last in both directions; then by kind and rank under A). */
export function sortRankChanges(rows: readonly RankChangeRow[], key: RankChangeKey, dir: 1 | -1 = 1): RankChangeRow[] {
  const val = (r: RankChangeRow): string | number | null => (key === 'name' ? r.name : key === 'kind' ? r.kind : r[key]);
  return [...rows].sort((a, b) => {
    const x = val(a), y = val(b);
    if (x == null || y == null) { if (x != null) return -1; if (y != null) return 1; }
    else if (x !== y) return (typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number)) * dir;
    return a.kind.localeCompare(b.kind) || (a.rankA ?? Infinity) - (b.rankA ?? Infinity) || a.name.localeCompare(b.name);
  });
}

/** An area found under one scenario, with its mean score on both surfaces (null = part of it excluded there). */
export interface ComparedArea { id: string; name: string; found: 'A' | 'B'; rank: number; areaHa: number; scoreA: number | null; scoreB: number | null; geometry: Candidate['geometry'] }

/** Mean of `values` over the cells; null when any cell is NaN (excluded). */
function meanOver(values: Float32Array, cells: Int32Array): number | null {
  let s = 0;
  for (let k = 0; k < cells.length; k++) { const v = values[cells[k]]; if (v !== v) return null; s += v; }
  return cells.length ? s / cells.length : null;
}

/**
 * The candidate areas of two scored surfaces: the top areas found under A (`A1`, `A2`, …) and those
 * found under B that share no cell with one of A's (`B1`, …), each with its mean score on both.
 */
export function compareAreas(grid: GridDef, a: Float32Array, b: Float32Array, opts: { top: number; minHa: number }): ComparedArea[] {
  const ca = findCandidates(grid, a, opts).candidates, cb = findCandidates(grid, b, opts).candidates;
  const taken = new Uint8Array(grid.cols * grid.rows);
  for (const c of ca) for (const i of c.cellIndices) taken[i] = 1;
  const out: ComparedArea[] = ca.map((c) => ({ id: `A${c.rank}`, name: `A${c.rank}`, found: 'A', rank: c.rank, areaHa: c.areaHa, scoreA: meanOver(a, c.cellIndices), scoreB: meanOver(b, c.cellIndices), geometry: c.geometry }));
  for (const c of cb) {
    if (c.cellIndices.some((i) => taken[i] === 1)) continue;
    out.push({ id: `B${c.rank}`, name: `B${c.rank}`, found: 'B', rank: c.rank, areaHa: c.areaHa, scoreA: meanOver(a, c.cellIndices), scoreB: meanOver(b, c.cellIndices), geometry: c.geometry });
  }
  return out;
}
