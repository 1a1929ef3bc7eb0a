/**
 * A uniform grid over many small boxes of similar size, searched like an R-tree (the same boxes
 * found) without allocating per query. Pure.
 */

/**
 * A uniform grid over boxes (w, s, e, n in `bb`, four numbers each): each box listed in every cell
 * it meets, cells about the boxes' mean size. For many small boxes of similar size (communes) a
 * query visits a few cells, with no allocation (an R-tree search allocates its queue and results).
 */
export interface BoxGrid {
  w: number; s: number; cw: number; ch: number; nx: number; ny: number;
  /** Cell c lists items[start[c] .. start[c + 1]). */
  start: Int32Array; items: Int32Array;
  /** Last query that listed each box (a box meeting several cells is listed once), and the query count. */
  stamp: Int32Array; query: number;
  /** The last query's boxes. */
  out: Int32Array;
}

/** The grid over some boxes, or null when there are none or when it would list boxes too often (wide or uneven boxes: the R-tree serves). */
export function boxGrid(bb: Float64Array): BoxGrid | null {
  const n = bb.length / 4;
  if (n === 0) return null;
  let w = Infinity, s = Infinity, e = -Infinity, nn = -Infinity, sw = 0, sh = 0;
  for (let k = 0; k < n; k++) {
    w = Math.min(w, bb[4 * k]); s = Math.min(s, bb[4 * k + 1]); e = Math.max(e, bb[4 * k + 2]); nn = Math.max(nn, bb[4 * k + 3]);
    sw += bb[4 * k + 2] - bb[4 * k]; sh += bb[4 * k + 3] - bb[4 * k + 1];
  }
  if (!(sw > 0 && sh > 0 && e > w && nn > s)) return null;
  const nx = Math.max(1, Math.min(256, Math.ceil((e - w) / (sw / n)))), ny = Math.max(1, Math.min(256, Math.ceil((nn - s) / (sh / n))));
  const cw = (e - w) / nx, ch = (nn - s) / ny;
  const cx = (x: number) => Math.min(nx - 1, Math.max(0, Math.floor((x - w) / cw)));
  const cy = (y: number) => Math.min(ny - 1, Math.max(0, Math.floor((y - s) / ch)));
  const start = new Int32Array(nx * ny + 1);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const x0 = cx(bb[4 * k]), x1 = cx(bb[4 * k + 2]), y0 = cy(bb[4 * k + 1]), y1 = cy(bb[4 * k + 3]);
    total += (x1 - x0 + 1) * (y1 - y0 + 1);
    if (total > 8 * n) return null;
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) start[j * nx + i + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const items = new Int32Array(total), fill = start.slice(0, nx * ny);
  for (let k = 0; k < n; k++) {
    const x0 = cx(bb[4 * k]), x1 = cx(bb[4 * k + 2]), y0 = cy(bb[4 * k + 1]), y1 = cy(bb[4 * k + 3]);
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) items[fill[j * nx + i]++] = k;
  }
  return { w, s, cw, ch, nx, ny, start, items, stamp: new Int32Array(n), query: 0, out: new Int32Array(n) };
}

/**
 * The boxes meeting a query box (the test of an R-tree search: a box touching the query counts)
 * into `g.out`; returns their number. Cells are found by the same monotone rounding as when the
 * boxes were listed, so every box meeting the query shares a visited cell with it.
 */
export function gridSearch(g: BoxGrid, bb: Float64Array, qw: number, qs: number, qe: number, qn: number): number {
  const { w, s, cw, ch, nx, ny, start, items, stamp, out } = g;
  const x0 = Math.min(nx - 1, Math.max(0, Math.floor((qw - w) / cw))), x1 = Math.min(nx - 1, Math.max(0, Math.floor((qe - w) / cw)));
  const y0 = Math.min(ny - 1, Math.max(0, Math.floor((qs - s) / ch))), y1 = Math.min(ny - 1, Math.max(0, Math.floor((qn - s) / ch)));
  if (g.query === 0x7fffffff) { g.stamp.fill(0); g.query = 0; }
  const q = ++g.query;
  let m = 0;
  for (let j = y0; j <= y1; j++) {
    for (let c = j * nx + x0, end = j * nx + x1; c <= end; c++) {
      for (let i = start[c], e = start[c + 1]; i < e; i++) {
        const k = items[i];
        if (stamp[k] === q) continue;
        stamp[k] = q;
        if (qe < bb[4 * k] || qn < bb[4 * k + 1] || qw > bb[4 * k + 2] || qs > bb[4 * k + 3]) continue;
        out[m++] = k;
      }
    }
  }
  return m;
}
