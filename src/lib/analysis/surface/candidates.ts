/**
 * Candidate areas (Esri's "Locate Regions", simplified): threshold the scored surface, label the
 * 4-connected components of the cells at or above the threshold (excluded cells never qualify),
 * keep those of at least `minHa`, rank them by mean score and return the best `top` as polygons —
 * their cell boundaries traced into rings (outer counter-clockwise, holes clockwise, collinear
 * vertices merged) and reprojected to WGS84 with proj4.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { transformer } from '../../data/crs.ts';
import type { GridDef } from './grid.ts';

/** Options of {@link findCandidates}. */
export interface CandidateOptions {
  /** Number of areas to return (default 5). */
  top?: number;
  /** Minimum area, ha (default 50). */
  minHa?: number;
  /**
   * Cells scoring at least this qualify (0–100). Default: the 90th percentile of the scored
   * (non-excluded) cells, so "the best tenth of the province".
   */
  minScore?: number;
}

/** One candidate area. */
export interface Candidate {
  /** 1-based rank by mean score. */
  rank: number;
  /** Mean, min and max score of its cells. */
  meanScore: number;
  minScore: number;
  maxScore: number;
  /** Area on the grid (cells × cell²), ha. */
  areaHa: number;
  cells: number;
  /** Cell indices (row-major) of the area. */
  cellIndices: Int32Array;
  /** Polygon in WGS84 (RFC 7946 orientation). */
  geometry: Polygon | MultiPolygon;
  /** Rings in the grid CRS (metres), as traced. */
  ringsCrs: number[][][];
}

/** Result of {@link findCandidates}. */
export interface CandidateResult {
  threshold: number;
  minHa: number;
  /** Components at or above the threshold before the area filter. */
  components: number;
  /** Components of at least minHa. */
  qualifying: number;
  candidates: Candidate[];
}

const check = (name: string, v: unknown, ok: (x: number) => boolean, what: string): void => {
  if (!(typeof v === 'number' && Number.isFinite(v) && ok(v))) throw new Error(`${name} must be ${what}, got ${String(v)}`);
};

/** The q-quantile (0..1) of the non-NaN values. */
export function quantile(values: Float32Array, q: number): number {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) xs.push(values[i]);
  if (!xs.length) return NaN;
  xs.sort((a, b) => a - b);
  return xs[Math.min(xs.length - 1, Math.max(0, Math.floor(q * (xs.length - 1))))];
}

/**
 * Find the best contiguous areas. `values` is the scored surface (NaN = excluded).
 * @throws `top must be a positive integer, got X`; `minHa must be a non-negative number, got X`;
 *   `minScore must be a number in 0–100, got X`
 */
export function findCandidates(grid: GridDef, values: Float32Array, opts: CandidateOptions = {}): CandidateResult {
  const top = opts.top ?? 5, minHa = opts.minHa ?? 50;
  check('top', top, (x) => Number.isInteger(x) && x > 0, 'a positive integer');
  check('minHa', minHa, (x) => x >= 0, 'a non-negative number');
  const threshold = opts.minScore ?? quantile(values, 0.9);
  if (opts.minScore !== undefined) check('minScore', opts.minScore, (x) => x >= 0 && x <= 100, 'a number in 0–100');
  const { cols, rows } = grid;
  const n = cols * rows;
  const label = new Int32Array(n).fill(-1);
  const ok = (i: number) => values[i] >= threshold; // NaN → false
  const stack = new Int32Array(n);
  const comps: { cells: number[]; sum: number; min: number; max: number }[] = [];
  if (!Number.isNaN(threshold)) {
    for (let s = 0; s < n; s++) {
      if (label[s] !== -1 || !ok(s)) continue;
      const id = comps.length;
      const c = { cells: [] as number[], sum: 0, min: Infinity, max: -Infinity };
      let sp = 0; stack[sp++] = s; label[s] = id;
      while (sp) {
        const i = stack[--sp];
        c.cells.push(i);
        const v = values[i]; c.sum += v; if (v < c.min) c.min = v; if (v > c.max) c.max = v;
        const x = i % cols, y = (i - x) / cols;
        if (x > 0 && label[i - 1] === -1 && ok(i - 1)) { label[i - 1] = id; stack[sp++] = i - 1; }
        if (x < cols - 1 && label[i + 1] === -1 && ok(i + 1)) { label[i + 1] = id; stack[sp++] = i + 1; }
        if (y > 0 && label[i - cols] === -1 && ok(i - cols)) { label[i - cols] = id; stack[sp++] = i - cols; }
        if (y < rows - 1 && label[i + cols] === -1 && ok(i + cols)) { label[i + cols] = id; stack[sp++] = i + cols; }
      }
      comps.push(c);
    }
  }
  const cellHa = (grid.cell * grid.cell) / 1e4;
  const qual = comps.map((c, id) => ({ ...c, id, mean: c.sum / c.cells.length })).filter((c) => c.cells.length * cellHa >= minHa);
  qual.sort((a, b) => b.mean - a.mean || b.cells.length - a.cells.length || a.cells[0] - b.cells[0]);
  const inv = transformer(grid.crs, 4326);
  const candidates = qual.slice(0, top).map((c, k): Candidate => {
    const ringsV = traceRings(grid, label, c.id, c.cells);
    const ringsCrs = ringsV.map((r) => r.map(([vx, vy]) => [grid.x0 + vx * grid.cell, grid.y0 - vy * grid.cell]));
    const toLL = (r: number[][]): Position[] => r.map((p) => { const q = inv(p); return [Math.round(q[0] * 1e7) / 1e7, Math.round(q[1] * 1e7) / 1e7]; });
    const outer = ringsCrs.filter((r) => signedArea(r) > 0), holes = ringsCrs.filter((r) => signedArea(r) < 0);
    const geometry: Polygon | MultiPolygon = outer.length === 1
      ? { type: 'Polygon', coordinates: [toLL(outer[0]), ...holes.map(toLL)] }
      : { type: 'MultiPolygon', coordinates: outer.map((o) => [toLL(o)]) }; // a 4-connected component has one outer ring
    return {
      rank: k + 1, meanScore: c.mean, minScore: c.min, maxScore: c.max, areaHa: c.cells.length * cellHa, cells: c.cells.length,
      cellIndices: Int32Array.from(c.cells), geometry, ringsCrs,
    };
  });
  return { threshold, minHa, components: comps.length, qualifying: qual.length, candidates };
}

/** Signed area (shoelace; > 0 counter-clockwise with y up). */
export function signedArea(r: number[][]): number {
  let s = 0;
  for (let i = 0, n = r.length - 1; i < n; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s / 2;
}

/**
 * Boundary rings of one labelled component in grid-vertex coordinates (vx right, vy down), closed.
 * Edges are oriented with the component on the left in the y-up frame; at a pinch vertex (two
 * cells of the component touching only at a corner, one of the two other corner cells enclosed)
 * the trace turns right, so the outer ring and the hole touch there but each visits it once.
 */
function traceRings(grid: GridDef, label: Int32Array, id: number, cells: number[]): number[][][] {
  const { cols, rows } = grid;
  const W = cols + 1;
  const out = new Map<number, number[]>(); // vertex → targets
  const inC = (x: number, y: number) => x >= 0 && y >= 0 && x < cols && y < rows && label[y * cols + x] === id;
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const a = ay * W + ax; let l = out.get(a); if (!l) out.set(a, (l = [])); l.push(by * W + bx);
  };
  for (const i of cells) {
    const x = i % cols, y = (i - x) / cols;
    // y-up frame: cell spans vertices (x..x+1, y..y+1) with vy down; counter-clockwise with y up =
    // bottom edge (vy = y+1) left→right, right edge upward, top edge right→left, left edge downward
    if (!inC(x, y + 1)) add(x, y + 1, x + 1, y + 1);
    if (!inC(x + 1, y)) add(x + 1, y + 1, x + 1, y);
    if (!inC(x, y - 1)) add(x + 1, y, x, y);
    if (!inC(x - 1, y)) add(x, y, x, y + 1);
  }
  const rings: number[][][] = [];
  const vxy = (v: number): [number, number] => [v % W, Math.floor(v / W)];
  for (const [start] of out) {
    while ((out.get(start)?.length ?? 0) > 0) {
      const ring: number[][] = [];
      let prev = start, cur = out.get(start)!.pop()!;
      ring.push(vxy(start));
      let guard = 0;
      while (cur !== start || guard === 0) {
        ring.push(vxy(cur));
        const nexts = out.get(cur)!;
        let pick = 0;
        if (nexts.length > 1) {
          // prefer the right turn (y-up frame: vy down, so flip dy): the ring stays on its side of the pinch
          const [px, py] = vxy(prev), [cx, cy] = vxy(cur);
          const dx = cx - px, dy = -(cy - py);
          let best = Infinity;
          nexts.forEach((t, k) => {
            const [tx, ty] = vxy(t);
            const ex = tx - cx, ey = -(ty - cy);
            const cross = dx * ey - dy * ex; // < 0 right
            if (cross < best) { best = cross; pick = k; }
          });
        }
        const next = nexts.splice(pick, 1)[0];
        prev = cur; cur = next;
        if (++guard > 4 * cells.length + 8) throw new Error('ring tracing did not close');
      }
      ring.push(vxy(start));
      rings.push(simplify(ring).map(([vx, vy]) => [vx, vy]));
    }
  }
  // y-up orientation: convert for area sign checks happens in CRS coordinates (y0 − vy·cell)
  return rings;
}

/** Drop vertices on straight runs (keeps the ring closed). */
function simplify(r: number[][]): number[][] {
  const pts = r.slice(0, -1);
  const m = pts.length;
  const keep: number[][] = [];
  for (let i = 0; i < m; i++) {
    const a = pts[(i - 1 + m) % m], b = pts[i], c = pts[(i + 1) % m];
    if ((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]) !== 0) keep.push(b);
  }
  keep.push(keep[0]);
  return keep;
}

/** Candidates as a GeoJSON FeatureCollection (WGS84), with rank, scores and area. */
export function candidatesToFeatures(res: CandidateResult, extra?: (c: Candidate) => Record<string, unknown>): Feature[] {
  return res.candidates.map((c) => ({
    type: 'Feature',
    properties: {
      id: `area-${c.rank}`, rank: c.rank, mean_score: Math.round(c.meanScore * 10) / 10, min_score: Math.round(c.minScore * 10) / 10,
      max_score: Math.round(c.maxScore * 10) / 10, area_ha: Math.round(c.areaHa * 10) / 10, threshold: Math.round(res.threshold * 10) / 10,
      ...(extra ? extra(c) : {}),
    },
    geometry: c.geometry,
  }));
}
