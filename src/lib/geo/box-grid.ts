/**
 * A uniform grid over many small boxes of similar size, searched like an R-tree (the same boxes
 * found) without allocating per query. Pure.
 */

/**
 * A uniform grid over boxes (w, s, e, n in `bb`, four numbers each): each box listed once, in the
 * cell holding its centre; cells about the boxes' mean size. A box meeting a query box has its
 * centre within half the widest box's width (and half the tallest box's height) of the query, so
 * a query visits the cells of its box grown by those, each box once, with no allocation (an R-tree
 * search allocates its queue and results).
 */
export interface BoxGrid {
  w: number; s: number; cw: number; ch: number; nx: number; ny: number;
  /** Cell c lists items[start[c] .. start[c + 1]). */
  start: Int32Array; items: Int32Array;
  /** How far a box's centre can lie from a query box it meets (half the widest width, half the tallest height, and a margin for rounding). */
  hw: number; hh: number;
  /** The last query's boxes. */
  out: Int32Array;
}

/** A box wider or taller than this many times the mean: the grid would visit too many cells per query (the R-tree serves). */
const SPREAD = 16;

/** The grid over some boxes, or null when there are none, when they have no extent or when some are much wider or taller than the others (the R-tree serves). */
export function boxGrid(bb: Float64Array): BoxGrid | null {
  const n = bb.length / 4;
  if (n === 0) return null;
  let w = Infinity, s = Infinity, e = -Infinity, nn = -Infinity, sw = 0, sh = 0, mw = 0, mh = 0;
  for (let k = 0; k < n; k++) {
    w = Math.min(w, bb[4 * k]); s = Math.min(s, bb[4 * k + 1]); e = Math.max(e, bb[4 * k + 2]); nn = Math.max(nn, bb[4 * k + 3]);
    const bw = bb[4 * k + 2] - bb[4 * k], bh = bb[4 * k + 3] - bb[4 * k + 1];
    sw += bw; sh += bh; mw = Math.max(mw, bw); mh = Math.max(mh, bh);
  }
  if (!(sw > 0 && sh > 0 && e > w && nn > s)) return null;
  if (mw > SPREAD * (sw / n) || mh > SPREAD * (sh / n)) return null;
  const nx = Math.max(1, Math.min(256, Math.ceil((e - w) / (sw / n)))), ny = Math.max(1, Math.min(256, Math.ceil((nn - s) / (sh / n))));
  const cw = (e - w) / nx, ch = (nn - s) / ny;
  const cellOf = (k: number) => {
    const i = Math.min(nx - 1, Math.max(0, Math.floor(((bb[4 * k] + bb[4 * k + 2]) / 2 - w) / cw)));
    const j = Math.min(ny - 1, Math.max(0, Math.floor(((bb[4 * k + 1] + bb[4 * k + 3]) / 2 - s) / ch)));
    return j * nx + i;
  };
  const start = new Int32Array(nx * ny + 1), cell = new Int32Array(n);
  for (let k = 0; k < n; k++) { cell[k] = cellOf(k); start[cell[k] + 1]++; }
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const items = new Int32Array(n), fill = start.slice(0, nx * ny);
  for (let k = 0; k < n; k++) items[fill[cell[k]]++] = k;
  // (a margin far above the rounding of the centres and of the grown query box: cells are found by
  // the same monotone rounding as when the boxes were listed, so no box meeting the query is missed)
  const eps = 1e-9 * (1 + Math.max(Math.abs(w), Math.abs(e), Math.abs(s), Math.abs(nn)));
  return { w, s, cw, ch, nx, ny, start, items, hw: mw / 2 + eps, hh: mh / 2 + eps, out: new Int32Array(n) };
}

/**
 * The boxes meeting a query box (the test of an R-tree search: a box touching the query counts)
 * into `g.out`; returns their number.
 */
export function gridSearch(g: BoxGrid, bb: Float64Array, qw: number, qs: number, qe: number, qn: number): number {
  const { w, s, cw, ch, nx, ny, start, items, out } = g;
  const x0 = Math.min(nx - 1, Math.max(0, Math.floor((qw - g.hw - w) / cw))), x1 = Math.min(nx - 1, Math.max(0, Math.floor((qe + g.hw - w) / cw)));
  const y0 = Math.min(ny - 1, Math.max(0, Math.floor((qs - g.hh - s) / ch))), y1 = Math.min(ny - 1, Math.max(0, Math.floor((qn + g.hh - s) / ch)));
  let m = 0;
  for (let j = y0; j <= y1; j++) {
    for (let i = start[j * nx + x0], e = start[j * nx + x1 + 1]; i < e; i++) {
      const k = items[i];
      if (qe < bb[4 * k] || qn < bb[4 * k + 1] || qw > bb[4 * k + 2] || qs > bb[4 * k + 3]) continue;
      out[m++] = k;
    }
  }
  return m;
}
