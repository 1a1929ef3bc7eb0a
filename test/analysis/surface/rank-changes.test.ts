import { describe, expect, it } from 'vitest';
import { compareAreas, rankChanges, sortRankChanges, type CompareItem } from '../../../src/lib/analysis/surface/rank-changes.ts';
import { gridOver } from '../../../src/lib/analysis/surface/grid.ts';

const items: CompareItem[] = [
  { id: 's1', name: 'Thanh Bình', kind: 'site', scoreA: 80, scoreB: 60 },
  { id: 's2', name: 'Quảng Chu', kind: 'site', scoreA: 70, scoreB: 75 },
  { id: 's3', name: 'Nà Phặc', kind: 'site', scoreA: 50, scoreB: 90 },
  { id: 'a1', name: 'A1', kind: 'area', scoreA: 66, scoreB: null },
  { id: 'a2', name: 'A2', kind: 'area', scoreA: 64, scoreB: 70 },
  { id: 'b1', name: 'B1', kind: 'area', scoreA: 64, scoreB: 71 },
];

describe('rank changes between two scenarios', () => {
  it('ranks within each kind under A and B; change = rank A − rank B; ties share the better rank; no score, no rank', () => {
    const rows = rankChanges(items);
    expect(rows.map((r) => [r.id, r.rankA, r.rankB, r.change])).toEqual([
      ['s1', 1, 3, -2], ['s2', 2, 2, 0], ['s3', 3, 1, 2],
      ['a1', 1, null, null], ['a2', 2, 2, 0], ['b1', 2, 1, 1],
    ]);
  });

  it('sorts by any column, both directions, missing values last', () => {
    const rows = rankChanges(items);
    expect(sortRankChanges(rows, 'change', -1).map((r) => r.id)).toEqual(['s3', 'b1', 'a2', 's2', 's1', 'a1']);
    expect(sortRankChanges(rows, 'change', 1).map((r) => r.id)).toEqual(['s1', 'a2', 's2', 'b1', 's3', 'a1']);
    expect(sortRankChanges(rows, 'rankB', 1).map((r) => r.id)).toEqual(['b1', 's3', 'a2', 's2', 's1', 'a1']);
    expect(sortRankChanges(rows, 'name', 1).map((r) => r.name)).toEqual(['A1', 'A2', 'B1', 'Nà Phặc', 'Quảng Chu', 'Thanh Bình']);
  });

  it('areas of two surfaces: A\'s areas, then B\'s that share no cell with them, with their means on both', () => {
    // 10 × 10 cells of 100 m (1 ha): A high on the left block, B high on the left block and the right block
    const grid = gridOver([500_000, 2_000_000, 501_000, 2_001_000], 9213, 100);
    expect([grid.cols, grid.rows]).toEqual([10, 10]);
    const a = new Float32Array(100).fill(10), b = new Float32Array(100).fill(10);
    for (let j = 0; j < 4; j++) for (let i = 0; i < 3; i++) { a[j * 10 + i] = 90; b[j * 10 + i] = 80; }
    for (let j = 6; j < 10; j++) for (let i = 6; i < 10; i++) { b[j * 10 + i] = 95; a[j * 10 + i] = 20; }
    b[99] = NaN; // one excluded cell in B's second area
    b[98] = 95;
    const res = compareAreas(grid, a, b, { top: 3, minHa: 5 });
    expect(res.map((x) => [x.id, x.found, x.areaHa, x.scoreA, x.scoreB])).toEqual([
      ['A1', 'A', 12, 90, 80],
      ['B1', 'B', 15, 20, 95],
    ]);
  });
});
