/**
 * Exact Euclidean distance transform (Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled
 * Functions", Theory of Computing 8, 2012): the squared distance from every cell centre to the
 * nearest seed cell centre, in two separable passes of the 1-D lower envelope of parabolas —
 * O(cells) whatever the number of seeds. Pure, typed arrays only.
 */

const INF = 1e20;

/**
 * 1-D transform of the squared column distances `f[o .. o+n)` along a row: writes the square root
 * (the Euclidean distance, Infinity when none) to `res[o .. o+n)`. `v`, `z` are scratch buffers
 * (length ≥ n and n + 1).
 */
function dt1(f: Float32Array, res: Float32Array, o: number, v: Int32Array, z: Float64Array, n: number): void {
  let k = 0;
  // the envelope starts at the first finite sample
  let q0 = 0;
  while (q0 < n && f[o + q0] >= INF) q0++;
  if (q0 === n) { res.fill(Infinity, o, o + n); return; }
  v[0] = q0; z[0] = -INF; z[1] = INF;
  let vk = q0, fvk = f[o + q0] + q0 * q0;
  for (let q = q0 + 1; q < n; q++) {
    const fq = f[o + q];
    if (fq >= INF) continue;
    const fqq = fq + q * q;
    let s = (fqq - fvk) / (2 * (q - vk));
    while (s <= z[k]) {
      k--;
      vk = v[k]; fvk = f[o + vk] + vk * vk;
      s = (fqq - fvk) / (2 * (q - vk));
    }
    k++;
    v[k] = q; z[k] = s; z[k + 1] = INF;
    vk = q; fvk = fqq;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    const w = v[k], dq = q - w;
    res[o + q] = Math.sqrt(dq * dq + f[o + w]);
  }
}

/**
 * Exact Euclidean distance (in cells) from every cell to the nearest seed, row-major
 * `cols × rows`. Cells with no seed anywhere get `Infinity`.
 * @param seeds 1 = seed, 0 = not (length cols·rows)
 * @param out optional output buffer (length cols·rows)
 * @param scratch optional work buffer (length ≥ cols·rows), reused across calls. Float32 holds the
 *   squared column distances exactly (integers < 2²⁴ for grids under 4 096 cells a side) at half the
 *   memory traffic of Float64.
 * @throws `seeds must have cols × rows = N cells, got M`
 */
export function edt(seeds: Uint8Array, cols: number, rows: number, out?: Float32Array, scratch?: Float32Array): Float32Array {
  const n = cols * rows;
  if (seeds.length !== n) throw new Error(`seeds must have cols × rows = ${n} cells, got ${seeds.length}`);
  const res = out ?? new Float32Array(n);
  let any = false;
  for (let i = 0; i < n; i++) if (seeds[i]) { any = true; break; }
  if (!any) { res.fill(Infinity); return res; }
  const m = Math.max(cols, rows);
  const v = new Int32Array(m), z = new Float64Array(m + 1);
  // pass 1: columns. On a binary seed image the 1-D transform is the distance to the nearest seed
  // in the column (Meijster et al. 2000), found by a downward and an upward scan done row by row
  // over whole rows (contiguous memory); stored squared.
  const tmp = scratch && scratch.length >= n ? scratch : new Float32Array(n);
  for (let x = 0; x < cols; x++) tmp[x] = seeds[x] ? 0 : INF;
  for (let y = 1; y < rows; y++) {
    const o = y * cols, p = o - cols;
    for (let x = 0; x < cols; x++) tmp[o + x] = seeds[o + x] ? 0 : tmp[p + x] + 1;
  }
  // upward scan, squaring as it goes (the row below is already squared: keep its distance in `up`)
  const up = new Float64Array(cols);
  { const o = (rows - 1) * cols; for (let x = 0; x < cols; x++) { const t = tmp[o + x]; up[x] = t; tmp[o + x] = t >= INF / 2 ? INF : t * t; } }
  for (let y = rows - 2; y >= 0; y--) {
    const o = y * cols;
    for (let x = 0; x < cols; x++) {
      let t = tmp[o + x];
      const b = up[x] + 1;
      if (b < t) t = b;
      up[x] = t;
      tmp[o + x] = t >= INF / 2 ? INF : t * t;
    }
  }
  // pass 2: rows (lower envelope of parabolas, Felzenszwalb–Huttenlocher)
  for (let y = 0; y < rows; y++) dt1(tmp, res, y * cols, v, z, cols);
  return res;
}
