import { describe, expect, it } from 'vitest';
import { cellAt, colourise, gridCorners, rampTable } from '../../../src/lib/analysis/surface/render.ts';
import { EXCLUDED } from '../../../src/lib/analysis/surface/surface.ts';
import { transformer } from '../../../src/lib/data/crs.ts';
import type { GridDef } from '../../../src/lib/analysis/surface/grid.ts';

const grid: GridDef = { crs: 9213, cell: 100, x0: 420_000, y0: 2_480_000, cols: 4, rows: 3 };

describe('surface rendering helpers', () => {
  it('ramp table: stops exactly, linear between them', () => {
    const t = rampTable([{ at: 0, color: '#000000' }, { at: 50, color: '#ff0000' }, { at: 100, color: '#ffffff' }]);
    expect([...t.slice(0, 3)]).toEqual([0, 0, 0]);
    expect([...t.slice(50 * 3, 50 * 3 + 3)]).toEqual([255, 0, 0]);
    expect([...t.slice(25 * 3, 25 * 3 + 3)]).toEqual([128, 0, 0]);
    expect([...t.slice(75 * 3, 75 * 3 + 3)]).toEqual([255, 128, 128]);
    expect([...t.slice(100 * 3)]).toEqual([255, 255, 255]);
  });

  it('colours scored cells from the ramp, excluded cells as a hatch, outside transparent', () => {
    const v = new Float32Array([0, 50, 100, NaN, NaN, 25, 75, 100, NaN, NaN, NaN, 0]);
    const ex = new Uint8Array(12); ex[3] = EXCLUDED.outside; ex[4] = EXCLUDED.protected; ex[8] = EXCLUDED.river; ex[9] = EXCLUDED.river; ex[10] = EXCLUDED.outside;
    const px = colourise(grid, v, ex, [{ at: 0, color: '#000000' }, { at: 100, color: '#ffffff' }], { color: '#808080', alpha: 1 });
    expect([...px.slice(4, 8)]).toEqual([128, 128, 128, 255]); // 50
    expect([...px.slice(12, 16)]).toEqual([0, 0, 0, 0]); // outside
    // (0, 1) is protected: the excluded grey, faint since (x + y) % 3 ≠ 0; (1, 2) is strong
    expect([...px.slice(4 * 4, 4 * 4 + 4)]).toEqual([128, 128, 128, 63]);
    expect(px[9 * 4 + 3]).toBe(255);
    // hatch: alternating alpha along the row of excluded river cells (x + y) % 3
    expect(px[8 * 4 + 3]).not.toBe(px[9 * 4 + 3]);
  });

  it('corners and the cell under a position agree with proj4', () => {
    const c = gridCorners(grid);
    const fwd = transformer(4326, 9213);
    const nw = fwd(c[0]), se = fwd(c[2]);
    expect(nw[0]).toBeCloseTo(grid.x0, 2); expect(nw[1]).toBeCloseTo(grid.y0, 2);
    expect(se[0]).toBeCloseTo(grid.x0 + 400, 2); expect(se[1]).toBeCloseTo(grid.y0 - 300, 2);
    const inv = transformer(9213, 4326);
    const p = inv([grid.x0 + 250, grid.y0 - 150]); // cell (2, 1)
    expect(cellAt(grid, p[0], p[1])).toBe(1 * 4 + 2);
    const out = inv([grid.x0 - 10, grid.y0 - 10]);
    expect(cellAt(grid, out[0], out[1])).toBe(-1);
  });
});
