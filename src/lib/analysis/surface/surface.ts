/**
 * The suitability surface: one field per criterion on the region's grid, computed once
 * (rasterised targets → exact Euclidean distance transform, {@link edt}), then any weight set is a
 * single pass over the cells (`score`), reusing the fields.
 *
 * Distances are from a cell centre to the nearest *seed cell* centre (a cell a target touches), in
 * the projected CRS: within cell·√2/2 of the exact distance to the feature (plus the TM-3 scale
 * error, < 0.02 % over the province). Targets outside the region count up to `padM` (default
 * 30 km, the largest dMax) beyond its bounding box.
 *
 * Labour: population 2009 within R, as per site, from commune populations spread evenly over each
 * commune's cells (uniform density, as per site), summed over a disc on a coarse grid (≈ 500 m)
 * and interpolated bilinearly to the cells.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import polylabel from 'polylabel';
import { edt } from './edt.ts';
import { fillPolygon, forwardOf, gridOver, partsBbox, projectFeatures, projectParts, rasterizeSeeds, type GridDef, type ProjectedParts } from './grid.ts';
import { activeTerms, DEFAULT_THRESHOLDS, shapeScore, SURFACE_CRITERIA, type Shape, type SurfaceCriterion, type SurfaceWeights, type Threshold } from './criteria.ts';

/** The layers the surface reads (same ids and contents as the per-site analysis). */
export type SurfaceLayers = Partial<Record<string, FeatureCollection | null | undefined>>;

/** Options of {@link createSurfaceEngine}. */
export interface SurfaceEngineOptions {
  /** Region polygon (WGS84): the grid covers its bbox, cells outside it are excluded. Default: `layers.region`. */
  region?: Geometry;
  /** Projected CRS of the grid (EPSG): the manifest's `region.crs`. */
  crs: number;
  /** Cell size, m (default 100). */
  cell?: number;
  /** How far beyond the region's bbox targets are seen (m, default 30 000). */
  padM?: number;
  /** Labour catchment radius, km (default 10, as the per-site analysis). */
  radiusKm?: number;
}

/** Options of a scoring pass. */
export interface ScoreOptions {
  /** Sectors of the planned industry (which crops and whether deposits count); default none. */
  sectors?: readonly string[];
  shapes?: Partial<Record<SurfaceCriterion, Shape>>;
  /** Thresholds (replace the defaults per criterion; `{}` removes a default exclusion). */
  thresholds?: Partial<Record<SurfaceCriterion, Threshold>>;
}

/** Why a cell is excluded (0 = not excluded). */
export const EXCLUDED = { none: 0, outside: 1, protected: 2, river: 3, threshold: 4 } as const;

/** A scored surface. */
export interface ScoredSurface {
  /** 0–100 per cell; NaN where excluded. Row-major, north row first. */
  values: Float32Array;
  /** Exclusion reason per cell ({@link EXCLUDED}). */
  excluded: Uint8Array;
  /** Active criteria and their normalised weights (sum 1 over the positive terms). */
  terms: { criterion: SurfaceCriterion; weight: number }[];
  penalty: { weight: number } | null;
  min: number;
  max: number;
}

/** The engine: fields kept, scoring on demand. */
export interface SurfaceEngine {
  readonly grid: GridDef;
  /** Distance fields (m; Infinity = no target) and the labour field (people), null when the layer is missing/empty. */
  readonly fields: Readonly<Record<SurfaceCriterion, Float32Array | null>>;
  /** 1 inside the region. */
  readonly inside: Uint8Array;
  /** Score the surface for a weight set. */
  score(weights?: Partial<SurfaceWeights>, opts?: ScoreOptions): ScoredSurface;
  /** Field values at one cell (for the hover readout). */
  valuesAt(idx: number): Partial<Record<SurfaceCriterion, number>>;
  /** Time spent building, ms, per step. */
  readonly timings: Record<string, number>;
}

const feats = (fc: FeatureCollection | null | undefined): Feature[] | null => (fc && Array.isArray(fc.features) ? fc.features : null);
const prop = (f: Feature, k: string): unknown => (f.properties as Record<string, unknown> | null)?.[k];
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** District centres as the per-site analysis takes them: pole of inaccessibility of each district's largest polygon. */
export function districtCentres(districts: readonly Feature[]): Feature[] {
  const out: Feature[] = [];
  for (const f of districts) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const main = polys.reduce((a, b) => (b[0].length > a[0].length ? b : a));
    const p = polylabel(main as [number, number][][], 0.0005);
    out.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [p[0], p[1]] } });
  }
  return out;
}

/** Target features of each distance criterion (the selections of the per-site analysis). */
function targetsOf(layers: SurfaceLayers): Partial<Record<SurfaceCriterion, Feature[] | null>> {
  const pl = feats(layers['power-lines']);
  const subs = feats(layers['power-substations']);
  const mins = feats(layers['mineral-sites']);
  const zones = feats(layers['material-zones']);
  const t: Partial<Record<SurfaceCriterion, Feature[] | null>> = {
    'mv-line': pl && pl.filter((f) => { const v = Number(prop(f, 'voltage_kv')); return v === 22 || v === 35; }),
    substation: subs && subs.filter((f) => prop(f, 'kind') !== 'junction'),
    road: feats(layers.roads),
    deposit: mins && mins.filter((f) => prop(f, 'kind') !== 'smelter'),
    'protected-area': feats(layers['protected-areas']),
    river: feats(layers.rivers),
    'district-centre': feats(layers.districts) && districtCentres(feats(layers.districts)!),
  };
  for (const c of SURFACE_CRITERIA) {
    if (!c.startsWith('material:')) continue;
    const crop = c.slice('material:'.length);
    t[c] = zones && zones.filter((f) => prop(f, 'crop') === crop);
  }
  return t;
}

/**
 * Build the grid and every field.
 * @throws `no region: pass options.region or a region layer`; the messages of {@link gridOver}
 */
export function createSurfaceEngine(layers: SurfaceLayers, opts: SurfaceEngineOptions): SurfaceEngine {
  const timings: Record<string, number> = {};
  let t0 = now();
  const cell = opts.cell ?? 100;
  const padM = opts.padM ?? 30_000;
  const radiusKm = opts.radiusKm ?? 10;
  if (!(Number.isFinite(radiusKm) && radiusKm > 0)) throw new Error(`radiusKm must be a positive number, got ${radiusKm}`);
  const regionGeom = opts.region ?? feats(layers.region)?.[0]?.geometry;
  if (!regionGeom) throw new Error('no region: pass options.region or a region layer');
  const fwd = forwardOf(opts.crs);
  const regionParts = projectParts(regionGeom, fwd);
  const rb = partsBbox([regionParts]);
  if (!rb || regionParts.polygons.length === 0) throw new Error('the region must be a polygon');
  const grid = gridOver(rb, opts.crs, cell);
  // working grid: the region's grid grown to hold targets up to padM beyond it, aligned to it
  const targets = targetsOf(layers);
  const projected: Partial<Record<SurfaceCriterion, ProjectedParts[]>> = {};
  for (const c of SURFACE_CRITERIA) { const fs = targets[c]; if (fs && fs.length) projected[c] = projectFeatures(fs, fwd); }
  const communes = feats(layers.communes);
  const communeParts = communes ? projectFeatures(communes, fwd) : null;
  timings.project = now() - t0; t0 = now();
  // working grid per criterion: the region's grid grown to hold that criterion's targets up to padM
  // beyond it, aligned to it (criteria whose targets all lie in the region's bbox need no margin)
  const workOf = (tb: [number, number, number, number] | null): GridDef => {
    const b = tb ?? rb;
    return gridOver([
      Math.max(Math.min(rb[0], b[0]), rb[0] - padM), Math.max(Math.min(rb[1], b[1]), rb[1] - padM),
      Math.min(Math.max(rb[2], b[2]), rb[2] + padM), Math.min(Math.max(rb[3], b[3]), rb[3] + padM),
    ], opts.crs, cell);
  };
  const n = grid.cols * grid.rows;
  const crop = (work: GridDef, src: Float32Array, scale: number): Float32Array => {
    const offI = Math.round((grid.x0 - work.x0) / cell), offJ = Math.round((work.y0 - grid.y0) / cell);
    const out = new Float32Array(n);
    for (let j = 0; j < grid.rows; j++) {
      const so = (j + offJ) * work.cols + offI, o = j * grid.cols;
      for (let i = 0; i < grid.cols; i++) out[o + i] = src[so + i] * scale;
    }
    return out;
  };
  const inside = new Uint8Array(n);
  for (const poly of regionParts.polygons) fillPolygon(grid, poly, (i) => { inside[i] ^= 1; });
  timings.region = now() - t0; t0 = now();
  const fields = {} as Record<SurfaceCriterion, Float32Array | null>;
  const works = new Map<SurfaceCriterion, GridDef>();
  for (const c of SURFACE_CRITERIA) { const p = projected[c]; if (p) works.set(c, workOf(partsBbox(p))); }
  const nMax = Math.max(n, ...[...works.values()].map((w) => w.cols * w.rows));
  const seedsBuf = new Uint8Array(nMax), distBuf = new Float32Array(nMax), scratch = new Float32Array(nMax);
  for (const c of SURFACE_CRITERIA) {
    fields[c] = null;
    const p = projected[c], work = works.get(c);
    if (!p || !work) continue;
    const nw = work.cols * work.rows;
    const seeds = seedsBuf.subarray(0, nw), dist = distBuf.subarray(0, nw);
    seeds.fill(0);
    if (rasterizeSeeds(work, p, seeds) === 0) { fields[c] = new Float32Array(n).fill(Infinity); continue; }
    edt(seeds, work.cols, work.rows, dist, scratch);
    fields[c] = crop(work, dist, cell);
  }
  timings.distance = now() - t0; t0 = now();
  fields.labour = communeParts ? labourField(grid, communes!, communeParts, radiusKm) : null;
  timings.labour = now() - t0;

  const valuesAt = (idx: number) => {
    const o: Partial<Record<SurfaceCriterion, number>> = {};
    for (const c of SURFACE_CRITERIA) { const f = fields[c]; if (f) o[c] = f[idx]; }
    return o;
  };

  // exclusion masks by thresholds (re-weighting keeps them); copies are handed out
  const masks = new Map<string, Uint8Array>();
  const exclusionMask = (thr: Partial<Record<SurfaceCriterion, Threshold>>): Uint8Array => {
    const key = JSON.stringify(Object.entries(thr).sort(([a], [b]) => (a < b ? -1 : 1)));
    let m = masks.get(key);
    if (!m) {
      m = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (!inside[i]) m[i] = EXCLUDED.outside;
      for (const [c, th] of Object.entries(thr) as [SurfaceCriterion, Threshold | undefined][]) {
        const f = fields[c];
        if (!f || !th) continue;
        const code = c === 'protected-area' ? EXCLUDED.protected : c === 'river' ? EXCLUDED.river : EXCLUDED.threshold;
        const within = th.excludeWithinM ?? -Infinity, beyond = th.excludeBeyondM ?? Infinity;
        for (let i = 0; i < n; i++) {
          if (m[i]) continue;
          const v = f[i];
          if (v <= within || v > beyond) m[i] = code;
        }
      }
      if (masks.size > 8) masks.clear();
      masks.set(key, m);
    }
    return m.slice();
  };

  // shaped criterion scores 0..1 per cell, per criterion and shape (the few shapes in use are kept)
  const shapedCache = new Map<string, Float32Array>();
  const shapedOf = (c: SurfaceCriterion, sh: Shape): Float32Array => {
    const key = `${c}|${JSON.stringify(sh)}`;
    let out = shapedCache.get(key);
    if (out) return out;
    const f = fields[c]!;
    out = new Float32Array(n);
    if (sh.kind === 'benefit' || sh.kind === 'saturating') {
      // benefit: 1 − d/dMax; saturating: v/full — both a + b·v clamped to 0..1
      const a = sh.kind === 'benefit' ? 1 : 0, b = sh.kind === 'benefit' ? -1 / sh.dMaxM : 1 / sh.full;
      for (let i = 0; i < n; i++) { const x = a + b * f[i]; out[i] = x > 0 ? (x < 1 ? x : 1) : 0; }
    } else if (sh.kind === 'cost') {
      const b = 1 / sh.dMaxM;
      for (let i = 0; i < n; i++) { const x = b * f[i]; out[i] = x < 1 ? x : 1; }
    } else for (let i = 0; i < n; i++) out[i] = shapeScore(sh, f[i]);
    // at most ~80 MB kept (all of them at 100 m; at 50 m the oldest go first)
    while (shapedCache.size > 0 && (shapedCache.size + 1) * n * 4 > 80e6) shapedCache.delete(shapedCache.keys().next().value!);
    shapedCache.set(key, out);
    return out;
  };

  const score = (weights: Partial<SurfaceWeights> = {}, so: ScoreOptions = {}): ScoredSurface => {
    const { terms, penalty } = activeTerms(weights, so.sectors ?? [], (c) => fields[c] !== null, so.shapes);
    const thr = { ...DEFAULT_THRESHOLDS, ...(so.thresholds ?? {}) };
    const excluded = exclusionMask(thr);
    const sumW = terms.reduce((s, t) => s + t.weight, 0);
    const values = new Float32Array(n);
    // weighted sum of the shaped criteria (0..1 per cell, cached per criterion and shape: re-weighting
    // never re-shapes), two terms per pass over the cells
    const shaped = terms.map((t) => shapedOf(t.criterion, t.shape));
    const ks = terms.map((t) => (100 * t.weight) / sumW);
    let k0 = 0;
    if (shaped.length % 2 === 1) { const a = shaped[0], ka = ks[0]; for (let i = 0; i < n; i++) values[i] = ka * a[i]; k0 = 1; }
    for (let t = k0; t < shaped.length; t += 2) {
      const a = shaped[t], b = shaped[t + 1], ka = ks[t], kb = ks[t + 1];
      for (let i = 0; i < n; i++) values[i] += ka * a[i] + kb * b[i];
    }
    let min = Infinity, max = -Infinity;
    const ps = penalty ? shapedOf('protected-area', penalty.shape) : null, pw = penalty ? penalty.weight : 0;
    for (let i = 0; i < n; i++) {
      if (excluded[i]) { values[i] = NaN; continue; }
      let v = values[i];
      if (ps) v -= pw * ps[i];
      v = v < 0 ? 0 : v > 100 ? 100 : v;
      values[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return {
      values, excluded, min: min === Infinity ? NaN : min, max: max === -Infinity ? NaN : max,
      terms: terms.map((t) => ({ criterion: t.criterion, weight: sumW > 0 ? t.weight / sumW : 0 })),
      penalty: penalty ? { weight: penalty.weight } : null,
    };
  };

  return { grid, fields, inside, score, valuesAt, timings };
}

/** Population 2009 within R of every cell (see the module comment). */
function labourField(grid: GridDef, communes: Feature[], parts: ProjectedParts[], radiusKm: number): Float32Array {
  const f = Math.max(1, Math.round(500 / grid.cell));
  const cc = Math.ceil(grid.cols / f), cr = Math.ceil(grid.rows / f);
  const coarse = new Float64Array(cc * cr);
  const idxs: number[] = [];
  communes.forEach((c, k) => {
    const pop = Number(prop(c, 'population_2009'));
    if (!Number.isFinite(pop) || pop <= 0) return;
    idxs.length = 0;
    for (const poly of parts[k].polygons) fillPolygon(grid, poly, (i) => { idxs.push(i); });
    if (idxs.length === 0) {
      // a commune smaller than a cell: all its people in the cell of its first vertex, if on the grid
      const p = parts[k].paths[0]?.[0];
      if (!p) return;
      const i = Math.floor((p[0] - grid.x0) / grid.cell), j = Math.floor((grid.y0 - p[1]) / grid.cell);
      if (i < 0 || j < 0 || i >= grid.cols || j >= grid.rows) return;
      idxs.push(j * grid.cols + i);
    }
    const per = pop / idxs.length;
    for (const i of idxs) coarse[Math.floor(Math.floor(i / grid.cols) / f) * cc + Math.floor((i % grid.cols) / f)] += per;
  });
  // disc sums on the coarse grid via row prefix sums
  const pre = new Float64Array((cc + 1) * cr);
  for (let j = 0; j < cr; j++) for (let i = 0; i < cc; i++) pre[j * (cc + 1) + i + 1] = pre[j * (cc + 1) + i] + coarse[j * cc + i];
  const r = (radiusKm * 1000) / (grid.cell * f);
  const ri = Math.floor(r);
  const half = new Int32Array(2 * ri + 1);
  for (let d = -ri; d <= ri; d++) half[d + ri] = Math.floor(Math.sqrt(r * r - d * d));
  const disc = new Float64Array(cc * cr);
  for (let j = 0; j < cr; j++) for (let i = 0; i < cc; i++) {
    let s = 0;
    for (let d = -ri; d <= ri; d++) {
      const jj = j + d;
      if (jj < 0 || jj >= cr) continue;
      const h = half[d + ri], a = Math.max(0, i - h), b = Math.min(cc - 1, i + h);
      s += pre[jj * (cc + 1) + b + 1] - pre[jj * (cc + 1) + a];
    }
    disc[j * cc + i] = s;
  }
  const out = new Float32Array(grid.cols * grid.rows);
  for (let j = 0; j < grid.rows; j++) {
    // coarse coordinates of the fine cell centre
    const y = (j + 0.5) / f - 0.5, j0 = Math.max(0, Math.min(cr - 1, Math.floor(y))), j1 = Math.min(cr - 1, j0 + 1), ty = Math.max(0, Math.min(1, y - j0));
    for (let i = 0; i < grid.cols; i++) {
      const x = (i + 0.5) / f - 0.5, i0 = Math.max(0, Math.min(cc - 1, Math.floor(x))), i1 = Math.min(cc - 1, i0 + 1), tx = Math.max(0, Math.min(1, x - i0));
      const top = disc[j0 * cc + i0] * (1 - tx) + disc[j0 * cc + i1] * tx, bot = disc[j1 * cc + i0] * (1 - tx) + disc[j1 * cc + i1] * tx;
      out[j * grid.cols + i] = top * (1 - ty) + bot * ty;
    }
  }
  return out;
}
