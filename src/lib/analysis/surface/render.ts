/**
 * Rendering helpers of the surface (pure: typed arrays in, typed arrays out): colour every cell
 * from a ramp of stops (0–100, fixed so the legend holds across re-weightings), excluded cells in
 * a hatch of the excluded colour, outside the region transparent; the grid's corners in WGS84 for
 * an image source; and the cell under a WGS84 position.
 */
import { transformer } from '../../data/crs.ts';
import { EXCLUDED } from './surface.ts';
import type { GridDef } from './grid.ts';

/** A colour stop: value 0–100 and a #rrggbb colour. */
export interface RampStop { at: number; color: string }

const hex = (c: string): [number, number, number] => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

/** A 101-entry lookup table (one colour per integer score) from ramp stops. */
export function rampTable(stops: readonly RampStop[]): Uint8Array {
  const t = new Uint8Array(101 * 3);
  for (let v = 0; v <= 100; v++) {
    let k = 0;
    while (k < stops.length - 2 && v > stops[k + 1].at) k++;
    const a = stops[k], b = stops[Math.min(k + 1, stops.length - 1)];
    const f = b.at === a.at ? 0 : Math.max(0, Math.min(1, (v - a.at) / (b.at - a.at)));
    const ca = hex(a.color), cb = hex(b.color);
    for (let j = 0; j < 3; j++) t[v * 3 + j] = Math.round(ca[j] + (cb[j] - ca[j]) * f);
  }
  return t;
}

/** RGBA pixels of the surface, row-major like the grid (north row first). */
export function colourise(grid: GridDef, values: Float32Array, excluded: Uint8Array, stops: readonly RampStop[], excludedColour: { color: string; alpha: number }): Uint8ClampedArray {
  const t = rampTable(stops);
  const ex = hex(excludedColour.color), exA = Math.round(excludedColour.alpha * 255);
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const o = i * 4, e = excluded[i];
    if (e === EXCLUDED.outside) continue; // transparent
    if (e) {
      // diagonal hatch: every third diagonal stronger, so "excluded" reads as such, not as a low score
      const x = i % grid.cols, y = (i - x) / grid.cols;
      const strong = (x + y) % 3 === 0;
      out[o] = ex[0]; out[o + 1] = ex[1]; out[o + 2] = ex[2]; out[o + 3] = strong ? exA : exA >> 2;
      continue;
    }
    const v = Math.round(values[i]);
    out[o] = t[v * 3]; out[o + 1] = t[v * 3 + 1]; out[o + 2] = t[v * 3 + 2]; out[o + 3] = 255;
  }
  return out;
}

/** The grid's outer corners in WGS84: top-left, top-right, bottom-right, bottom-left (an image source's order). */
export function gridCorners(grid: GridDef): [[number, number], [number, number], [number, number], [number, number]] {
  const inv = transformer(grid.crs, 4326);
  const x1 = grid.x0 + grid.cols * grid.cell, y1 = grid.y0 - grid.rows * grid.cell;
  const c = (x: number, y: number) => { const p = inv([x, y]); return [p[0], p[1]] as [number, number]; };
  return [c(grid.x0, grid.y0), c(x1, grid.y0), c(x1, y1), c(grid.x0, y1)];
}

/** Row-major cell index under a WGS84 position, or -1 outside the grid. */
export function cellAt(grid: GridDef, lon: number, lat: number, fwd = transformer(4326, grid.crs)): number {
  const [x, y] = fwd([lon, lat]);
  const i = Math.floor((x - grid.x0) / grid.cell), j = Math.floor((grid.y0 - y) / grid.cell);
  return i < 0 || j < 0 || i >= grid.cols || j >= grid.rows ? -1 : j * grid.cols + i;
}
