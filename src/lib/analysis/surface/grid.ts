/**
 * The raster grid of the suitability surface: square cells in a projected CRS (the region's
 * VN-2000 TM-3 grid from the data package manifest), rows from north to south, cell centres at
 * `x = x0 + (i + ½)·cell`, `y = y0 − (j + ½)·cell` (`x0`, `y0` = the grid's north-west corner,
 * multiples of the cell size so grids of one CRS line up). Plus the rasterisation of GeoJSON
 * features (points, lines, polygons) into seed cells. Pure: no DOM.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { CRS_DEFS, transformer } from '../../data/crs.ts';

/** A grid definition (plain JSON). */
export interface GridDef {
  /** EPSG code of the projected CRS, e.g. 9213. */
  crs: number;
  /** Cell size in CRS metres. */
  cell: number;
  /** North-west corner of the grid (CRS metres). */
  x0: number;
  y0: number;
  cols: number;
  rows: number;
}

/** Projected coordinates of a geometry's parts: points, paths (lines and rings), polygons (rings). */
export interface ProjectedParts {
  points: number[][];
  /** Line strings and polygon rings (for boundary seeds). */
  paths: number[][][];
  /** Polygons as ring lists (outer first). */
  polygons: number[][][][];
}

/**
 * Project a WGS84 geometry's parts into the CRS.
 * @throws `unsupported geometry type: X`
 */
export function projectParts(g: Geometry | null | undefined, fwd: (p: number[]) => number[]): ProjectedParts {
  const out: ProjectedParts = { points: [], paths: [], polygons: [] };
  const ring = (r: Position[]) => r.map((c) => fwd(c));
  const walk = (geom: Geometry | null | undefined): void => {
    if (!geom) return;
    switch (geom.type) {
      case 'Point': if (geom.coordinates.length >= 2) out.points.push(fwd(geom.coordinates)); break;
      case 'MultiPoint': for (const c of geom.coordinates) out.points.push(fwd(c)); break;
      case 'LineString': if (geom.coordinates.length) out.paths.push(ring(geom.coordinates)); break;
      case 'MultiLineString': for (const l of geom.coordinates) if (l.length) out.paths.push(ring(l)); break;
      case 'Polygon': { const rs = geom.coordinates.filter((r) => r.length >= 3).map(ring); if (rs.length) { out.polygons.push(rs); out.paths.push(...rs); } break; }
      case 'MultiPolygon': for (const p of geom.coordinates) { const rs = p.filter((r) => r.length >= 3).map(ring); if (rs.length) { out.polygons.push(rs); out.paths.push(...rs); } } break;
      case 'GeometryCollection': for (const h of geom.geometries) walk(h); break;
      default: throw new Error(`unsupported geometry type: ${String((geom as { type?: unknown }).type)}`);
    }
  };
  walk(g);
  return out;
}

/** WGS84 → grid CRS converter. @throws `CRS EPSG:n is not a supported projected CRS` */
export function forwardOf(crs: number): (p: number[]) => number[] {
  if (!CRS_DEFS[crs]?.projected) throw new Error(`CRS EPSG:${crs} is not a supported projected CRS`);
  return transformer(4326, crs);
}

/**
 * A grid of `cell` metres covering a projected bounding box, snapped outward to multiples of the
 * cell size.
 * @throws `cell must be a positive number of metres, got X`; `the grid would have N cells (limit 20 000 000)`
 */
export function gridOver(bbox: [number, number, number, number], crs: number, cell: number): GridDef {
  if (!(typeof cell === 'number' && Number.isFinite(cell) && cell > 0)) throw new Error(`cell must be a positive number of metres, got ${String(cell)}`);
  const x0 = Math.floor(bbox[0] / cell) * cell, y0 = Math.ceil(bbox[3] / cell) * cell;
  const cols = Math.max(1, Math.ceil((bbox[2] - x0) / cell)), rows = Math.max(1, Math.ceil((y0 - bbox[1]) / cell));
  if (cols * rows > 20_000_000) throw new Error(`the grid would have ${cols * rows} cells (limit 20 000 000): use a larger cell`);
  return { crs, cell, x0, y0, cols, rows };
}

/** Projected bbox of parts. */
export function partsBbox(ps: ProjectedParts[]): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const add = (c: number[]) => { if (c[0] < w) w = c[0]; if (c[0] > e) e = c[0]; if (c[1] < s) s = c[1]; if (c[1] > n) n = c[1]; };
  for (const p of ps) { p.points.forEach(add); for (const l of p.paths) l.forEach(add); }
  return w === Infinity ? null : [w, s, e, n];
}

/** Column / row of the cell holding a projected point (may be outside the grid). */
export function cellOf(g: GridDef, x: number, y: number): [number, number] {
  return [Math.floor((x - g.x0) / g.cell), Math.floor((g.y0 - y) / g.cell)];
}

/** Mark the cell holding (x, y) when inside the grid. */
function mark(g: GridDef, m: Uint8Array, x: number, y: number, v: number): void {
  const i = Math.floor((x - g.x0) / g.cell), j = Math.floor((g.y0 - y) / g.cell);
  if (i >= 0 && j >= 0 && i < g.cols && j < g.rows) m[j * g.cols + i] = v;
}

/** Mark every cell a path passes through (sampled at ≤ ¼ cell, so no cell it crosses by more than a corner is missed). */
function markPath(g: GridDef, m: Uint8Array, path: number[][], v: number): void {
  const step = g.cell / 4;
  for (let k = 0; k < path.length; k++) {
    const a = path[k];
    mark(g, m, a[0], a[1], v);
    if (k === 0) continue;
    const b = path[k - 1];
    const len = Math.hypot(a[0] - b[0], a[1] - b[1]);
    const n = Math.ceil(len / step);
    for (let t = 1; t < n; t++) mark(g, m, b[0] + (a[0] - b[0]) * t / n, b[1] + (a[1] - b[1]) * t / n, v);
  }
}

/**
 * Mark the cells whose centre lies inside a polygon (even–odd over its rings: holes excluded),
 * by scanlines through the cell centres. `onCell(index)` is called for each marked cell.
 */
export function fillPolygon(g: GridDef, rings: number[][][], onCell: (idx: number) => void): void {
  // crossings per row
  const rows = new Map<number, number[]>();
  for (const r of rings) {
    for (let k = 0, n = r.length; k < n; k++) {
      const a = r[k], b = r[(k + 1) % n];
      if (a[1] === b[1]) continue;
      const lo = Math.min(a[1], b[1]), hi = Math.max(a[1], b[1]);
      // rows whose centre y is in [lo, hi): y_j = y0 − (j + ½)·cell
      const jFrom = Math.max(0, Math.ceil((g.y0 - hi) / g.cell - 0.5));
      const jTo = Math.min(g.rows - 1, Math.floor((g.y0 - lo) / g.cell - 0.5));
      for (let j = jFrom; j <= jTo; j++) {
        const y = g.y0 - (j + 0.5) * g.cell;
        if (!(y >= lo && y < hi)) continue;
        const x = a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
        let xs = rows.get(j);
        if (!xs) rows.set(j, (xs = []));
        xs.push(x);
      }
    }
  }
  for (const [j, xs] of rows) {
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      // cells whose centre x is in [xs[k], xs[k+1])
      const iFrom = Math.max(0, Math.ceil((xs[k] - g.x0) / g.cell - 0.5));
      const iTo = Math.min(g.cols - 1, Math.ceil((xs[k + 1] - g.x0) / g.cell - 0.5) - 1);
      for (let i = iFrom; i <= iTo; i++) onCell(j * g.cols + i);
    }
  }
}

/**
 * Rasterise features as seeds: points mark their cell, lines every cell they pass through,
 * polygons every cell whose centre is inside plus the cells of their boundary (so thin polygons
 * are never lost). Returns the number of seed cells.
 */
export function rasterizeSeeds(g: GridDef, parts: readonly ProjectedParts[], out: Uint8Array): number {
  for (const p of parts) {
    for (const c of p.points) mark(g, out, c[0], c[1], 1);
    for (const l of p.paths) markPath(g, out, l, 1);
    for (const poly of p.polygons) fillPolygon(g, poly, (i) => { out[i] = 1; });
  }
  let n = 0;
  for (let i = 0; i < out.length; i++) n += out[i];
  return n;
}

/** Project features once (features with no geometry are skipped). */
export function projectFeatures(fs: readonly Feature[], fwd: (p: number[]) => number[]): ProjectedParts[] {
  return fs.filter((f) => f && f.geometry).map((f) => projectParts(f.geometry, fwd));
}
