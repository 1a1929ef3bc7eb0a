/**
 * Benchmarks of the geo engine (`npm run bench`). Prints, in one run:
 *  (a) the province data package (public/geodata, or the test package if absent): all industrial
 *      sites × all layers incl. catchment — goal < 5 ms per run once the engine is built;
 *  (b) a seeded synthetic stress case: 2 000 sites × 50 000 line segments + 5 000 polygons +
 *      10 000 points — goal < 100 ms incl. index build — against the naive Turf loop (timed on a
 *      sample of sites and scaled; goal ≥ 1 000×) and a brute-force typed-array scan; accuracy vs
 *      GeographicLib of sampled answers; heap / array-buffer deltas.
 * Times are printed, never asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import pointToLineDistance from '@turf/point-to-line-distance';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import turfDistance from '@turf/distance';
import geodesic from 'geographiclib-geodesic';
import { LAYER_IDS } from '../src/lib/data/schema.ts';
import { buildTargetIndex, kxAt, kyAt, pointInRings, type NearestResult } from '../src/lib/geo/index.ts';
import { createAnalysisEngine, type Layers } from '../src/lib/analysis/index.ts';
import { createPlacementResolver } from '../src/lib/analysis/placement.ts';
import { createIntervalIndex } from '../src/lib/analysis/intervals.ts';
import { surfaceBench } from './surface.ts';

const G = geodesic.Geodesic.WGS84;
const geoM = (a: readonly number[], b: readonly number[]) => G.Inverse(a[1], a[0], b[1], b[0]).s12!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mem = () => { gc(); const m = process.memoryUsage(); return { heap: m.heapUsed, ab: m.arrayBuffers }; };
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
function median(xs: number[]): number { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

/** mulberry32 seeded RNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

// ---------------------------------------------------------------- (a) province
function loadLayers(dir: string): { layers: Layers; found: string[] } {
  const layers: Layers = {}; const found: string[] = [];
  for (const id of LAYER_IDS) {
    const p = join(dir, `${id}.geojson`);
    if (existsSync(p)) { layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection; found.push(id); }
  }
  return { layers, found };
}

function province(): void {
  let dir = 'public/geodata';
  let { layers, found } = loadLayers(dir);
  if (!found.includes('industrial-sites')) {
    console.log(`(a) ${dir} has no industrial-sites layer; falling back to test/fixtures/geo/package`);
    dir = 'test/fixtures/geo/package';
    ({ layers, found } = loadLayers(dir));
  }
  const sites = layers['industrial-sites']!.features;
  const m0 = mem();
  let t = performance.now();
  const engine = createAnalysisEngine(layers);
  const buildMs = performance.now() - t;
  const m1 = mem();
  for (let i = 0; i < 40; i++) engine.analyze(sites, { draws: 0 }); // warm-up (JIT)
  const runs: number[] = [], runsNoCatch: number[] = [];
  for (let i = 0; i < 50; i++) { t = performance.now(); engine.analyze(sites, { draws: 0 }); runs.push(performance.now() - t); }
  for (let i = 0; i < 50; i++) { t = performance.now(); engine.analyze(sites, { skipCatchment: true, draws: 0 }); runsNoCatch.push(performance.now() - t); }
  console.log(`\n(a) province data package (${dir}; ${found.length} layers: ${found.join(', ')})`);
  console.log(`    ${sites.length} industrial sites × all layers`);
  console.log(`    engine build (indexes + road graph): ${ms(buildMs)}; heap Δ ${mb(m1.heap - m0.heap)}, arrayBuffers Δ ${mb(m1.ab - m0.ab)}`);
  const best = Math.min(...runs);
  console.log(`    analyze all sites incl. catchment (R = 10 km): median ${ms(median(runs))}, best ${ms(best)} of ${runs.length}  (goal < 5 ms) → median ${median(runs) < 5 ? 'MET' : 'NOT MET'}, best ${best < 5 ? 'MET' : 'NOT MET'}`);
  console.log(`    analyze all sites without catchment:           median ${ms(median(runsNoCatch))}, best ${ms(Math.min(...runsNoCatch))}`);
  console.log(`    per site incl. catchment: ${ms(median(runs) / sites.length)}`);
}

// ---------------------------------------------------------------- (b) stress
interface Synthetic { sites: Feature[]; lines: Feature[]; polygons: Feature[]; points: Feature[]; segCount: number }
function synthetic(seed = 20251127): Synthetic {
  const r = rng(seed);
  const W = 105.4, E = 106.3, S = 21.8, N = 22.75;
  const rp = (): [number, number] => [W + r() * (E - W), S + r() * (N - S)];
  const lines: Feature[] = [];
  let segCount = 0;
  for (let i = 0; i < 10_000; i++) { // 10 000 lines × 5 segments = 50 000 segments
    let [x, y] = rp();
    const c: Position[] = [[x, y]];
    for (let k = 0; k < 5; k++) { x += (r() - 0.5) * 0.01; y += (r() - 0.5) * 0.01; c.push([x, y]); segCount++; }
    lines.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: c }, properties: { id: `l${i}`, cat: String(i % 4) } });
  }
  const polygons: Feature[] = [];
  for (let i = 0; i < 5_000; i++) { // hexagon-ish polygons, 0.002–0.01° radius
    const [cx, cy] = rp(); const rad = 0.002 + r() * 0.008; const ring: Position[] = [];
    for (let k = 0; k < 6; k++) { const a = (k / 6) * 2 * Math.PI + r() * 0.3; const rr = rad * (0.7 + 0.3 * r()); ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]); }
    ring.push(ring[0]);
    polygons.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: `p${i}` } });
  }
  const points: Feature[] = Array.from({ length: 10_000 }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: rp() }, properties: { id: `q${i}` } }));
  const sites: Feature[] = Array.from({ length: 2_000 }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: rp() }, properties: { id: `s${i}` } }));
  return { sites, lines, polygons, points, segCount };
}

/** Geodesic "truth" from a point to a feature: 0 inside a polygon, else min over vertices/segments by golden search. */
function geodesicToFeature(p: readonly number[], g: Geometry): number {
  if (g.type === 'Point') return geoM(p, g.coordinates);
  const paths = g.type === 'LineString' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates : [];
  if (g.type === 'Polygon' && pointInRings(p[0], p[1], g.coordinates)) return 0;
  let best = Infinity;
  for (const l of paths) for (let i = 1; i < l.length; i++) {
    const a = l[i - 1], b = l[i];
    const at = (t: number) => geoM(p, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    let lo = 0, hi = 1; const gr = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 60; k++) { const m1 = hi - gr * (hi - lo), m2 = lo + gr * (hi - lo); if (at(m1) < at(m2)) hi = m2; else lo = m1; }
    best = Math.min(best, at(0), at(1), at((lo + hi) / 2));
  }
  return best;
}

function stress(): void {
  // JIT warm-up on a different seed (a UI would have analysed something before); cold numbers printed too
  const warm = synthetic(1);
  const t0 = performance.now();
  const wix = [buildTargetIndex(warm.lines), buildTargetIndex(warm.polygons), buildTargetIndex(warm.points)];
  for (const s of warm.sites) for (const ix of wix) ix.nearest(s.geometry);
  const coldMs = performance.now() - t0;
  const data = synthetic();
  const { sites, lines, polygons, points } = data;
  console.log(`\n(b) synthetic stress (seeded): ${sites.length} sites × ${data.segCount} line segments (${lines.length} lines) + ${polygons.length} polygons + ${points.length} points`);
  const m0 = mem();
  let t = performance.now();
  const ixL = buildTargetIndex(lines), ixP = buildTargetIndex(polygons), ixQ = buildTargetIndex(points);
  const buildMs = performance.now() - t;
  const m1 = mem();
  t = performance.now();
  const answers: [NearestResult, NearestResult, NearestResult][] = sites.map((s) => [ixL.nearest(s.geometry)!, ixP.nearest(s.geometry)!, ixQ.nearest(s.geometry)!]);
  const queryMs = performance.now() - t;
  console.log(`    engine, cold (first run in the process, other seed, JIT not warm): ${ms(coldMs)}`);
  console.log(`    engine, first run on this data: index build ${ms(buildMs)} + ${sites.length * 3} nearest queries ${ms(queryMs)} = ${ms(buildMs + queryMs)}`);
  console.log(`    memory: heap Δ ${mb(m1.heap - m0.heap)}, arrayBuffers Δ ${mb(m1.ab - m0.ab)} for the three indexes`);
  // the machine is shared: repeat and report best and median (build + all queries each time)
  const runs: { build: number; query: number }[] = [];
  for (let k = 0; k < 7; k++) {
    let t1 = performance.now();
    const ix2 = [buildTargetIndex(lines), buildTargetIndex(polygons), buildTargetIndex(points)];
    const b = performance.now() - t1;
    t1 = performance.now();
    for (const s of sites) for (const ix of ix2) ix.nearest(s.geometry);
    runs.push({ build: b, query: performance.now() - t1 });
  }
  const totals = runs.map((r) => r.build + r.query);
  const bestRun = runs[totals.indexOf(Math.min(...totals))];
  const engineMs = Math.min(...totals);
  console.log(`    engine, 7 more runs incl. build: best ${ms(engineMs)} (build ${ms(bestRun.build)} + queries ${ms(bestRun.query)}), median ${ms(median(totals))}  (goal < 100 ms) → best ${engineMs < 100 ? 'MET' : 'NOT MET'}, median ${median(totals) < 100 ? 'MET' : 'NOT MET'}`);

  // naive Turf loop on a sample, scaled
  const SAMPLE = 5;
  const sample = sites.slice(0, SAMPLE);
  const turfAns: number[][] = [];
  t = performance.now();
  for (const s of sample) {
    const p = s.geometry as GeoJSON.Point;
    let bl = Infinity, bp = Infinity, bq = Infinity;
    for (const l of lines) bl = Math.min(bl, pointToLineDistance(p, l as Feature<GeoJSON.LineString>, { units: 'meters' }));
    for (const g of polygons) bp = Math.min(bp, Math.max(0, pointToPolygonDistance(p, g as Feature<GeoJSON.Polygon>, { units: 'meters' })));
    for (const q of points) bq = Math.min(bq, turfDistance(p, q as Feature<GeoJSON.Point>, { units: 'meters' }));
    turfAns.push([bl, bp, bq]);
  }
  const turfPerSite = (performance.now() - t) / SAMPLE;
  const turfTotal = turfPerSite * sites.length;
  console.log(`    naive Turf loop (pointToLineDistance / pointToPolygonDistance / distance over every target): ${ms(turfPerSite)} per site on ${SAMPLE} sites → ×${sites.length} ≈ ${(turfTotal / 1000).toFixed(1)} s`);
  console.log(`    speed ratio Turf / engine (best run): ${Math.round(turfTotal / engineMs).toLocaleString('en')}×, vs median run ${Math.round(turfTotal / median(totals)).toLocaleString('en')}×  (goal ≥ 1 000×) → ${turfTotal / median(totals) >= 1000 ? 'MET' : 'NOT MET'}`);

  // brute-force typed-array scan (same metric as the engine: local ruler plane, exact foot)
  const segs = new Float64Array(data.segCount * 4 + polygons.length * 6 * 4);
  let n = 0;
  for (const l of lines) { const c = (l.geometry as GeoJSON.LineString).coordinates; for (let i = 1; i < c.length; i++) { segs[n++] = c[i - 1][0]; segs[n++] = c[i - 1][1]; segs[n++] = c[i][0]; segs[n++] = c[i][1]; } }
  const nLineSeg = n / 4;
  for (const g of polygons) { const c = (g.geometry as GeoJSON.Polygon).coordinates[0]; for (let i = 1; i < c.length; i++) { segs[n++] = c[i - 1][0]; segs[n++] = c[i - 1][1]; segs[n++] = c[i][0]; segs[n++] = c[i][1]; } }
  const pts = new Float64Array(points.length * 2);
  points.forEach((q, i) => { const c = (q.geometry as GeoJSON.Point).coordinates; pts[2 * i] = c[0]; pts[2 * i + 1] = c[1]; });
  const BF = 100;
  let mismatches = 0;
  t = performance.now();
  for (let s = 0; s < BF; s++) {
    const [px, py] = (sites[s].geometry as GeoJSON.Point).coordinates;
    const kx = kxAt(py), ky = kyAt(py);
    let bl = Infinity, bp = Infinity, bq = Infinity;
    for (let i = 0; i < n / 4; i++) {
      const ax = segs[4 * i], ay = segs[4 * i + 1], bx = segs[4 * i + 2], by = segs[4 * i + 3];
      const dx = (bx - ax) * kx, dy = (by - ay) * ky, len2 = dx * dx + dy * dy;
      let tt = len2 === 0 ? 0 : (((px - ax) * kx) * dx + ((py - ay) * ky) * dy) / len2; tt = tt < 0 ? 0 : tt > 1 ? 1 : tt;
      const ex = (ax + (bx - ax) * tt - px) * kx, ey = (ay + (by - ay) * tt - py) * ky, d2 = ex * ex + ey * ey;
      if (i < nLineSeg) { if (d2 < bl) bl = d2; } else if (d2 < bp) bp = d2;
    }
    for (const g of polygons) if (pointInRings(px, py, (g.geometry as GeoJSON.Polygon).coordinates)) { bp = 0; break; }
    for (let i = 0; i < points.length; i++) { const ex = (pts[2 * i] - px) * kx, ey = (pts[2 * i + 1] - py) * ky, d2 = ex * ex + ey * ey; if (d2 < bq) bq = d2; }
    const [a, b, c] = answers[s];
    for (const [ours, bf] of [[a.distanceM, Math.sqrt(bl)], [b.distanceM, Math.sqrt(bp)], [c.distanceM, Math.sqrt(bq)]]) if (Math.abs(ours - bf) > Math.max(0.01, 1e-4 * bf)) mismatches++;
  }
  const bfPerSite = (performance.now() - t) / BF;
  const bfTotal = bfPerSite * sites.length;
  console.log(`    brute-force typed-array scan: ${ms(bfPerSite)} per site (${BF} sites) → ×${sites.length} ≈ ${ms(bfTotal)}; ratio brute / engine (best run) ${(bfTotal / engineMs).toFixed(0)}×; disagreements with the engine: ${mismatches} of ${BF * 3}`);

  // accuracy vs GeographicLib
  let ourMax = 0, turfMax = 0, ourN = 0;
  const targetsOf = [lines, polygons, points];
  for (let s = 0; s < 40; s++) {
    const p = (sites[s].geometry as GeoJSON.Point).coordinates;
    for (let k = 0; k < 3; k++) {
      const a = answers[s][k];
      const truth = geodesicToFeature(p, targetsOf[k][a.featureIndex].geometry);
      if (truth > 1) { ourMax = Math.max(ourMax, Math.abs(a.distanceM - truth) / truth); ourN++; }
      if (s < SAMPLE && truth > 1) turfMax = Math.max(turfMax, Math.abs(turfAns[s][k] - truth) / truth);
    }
  }
  console.log(`    accuracy vs GeographicLib (nearest distance, relative): engine max ${(ourMax * 100).toExponential(2)} % over ${ourN} answers; Turf max ${(turfMax * 100).toFixed(3)} % over ${SAMPLE * 3} answers (Turf is spherical)`);
}

// ---------------------------------------------------------------- (c) distance intervals
/**
 * The cost of the distance intervals against the point distances: (1) the province package, cold
 * (a fresh engine, first analysis: intervals are computed; later runs reuse them per placement
 * polygon) and warm medians, with and without intervals, and the score draws; (2) a seeded stress
 * case whose 10 000 point targets are placed by "commune" (a grid of 0.05° squares) against 2 000
 * drawn sites: point nearest queries vs the same plus the interval of each answer.
 */
function intervals(): void {
  const { layers, found } = loadLayers('public/geodata');
  console.log('\n(c) distance intervals vs point distances');
  if (found.includes('industrial-sites')) {
    const sites = layers['industrial-sites']!.features;
    const one = (o: { intervals: boolean }) => { const t = performance.now(); createAnalysisEngine(layers).analyze(sites, { draws: 0, ...o }); return performance.now() - t; };
    const coldPoint = one({ intervals: false });
    const coldIv = one({ intervals: true });
    const e = createAnalysisEngine(layers);
    e.analyze(sites, { draws: 0 });
    const warm = (o: { intervals: boolean }) => { const xs: number[] = []; for (let i = 0; i < 15; i++) { const t = performance.now(); e.analyze(sites, { draws: 0, ...o }); xs.push(performance.now() - t); } return median(xs); };
    const wp = warm({ intervals: false }), wi = warm({ intervals: true });
    const t = performance.now();
    e.analyze(sites, { draws: 1000 });
    const drawsMs = performance.now() - t;
    console.log(`    province, ${sites.length} sites (every one placed by commune or district), one-shot cold (new engine + first analysis; first case also warms the JIT): point ${ms(coldPoint)}, with intervals ${ms(coldIv)} → ×${(coldIv / coldPoint).toFixed(1)}`);
    console.log(`    province, warm median of 15 (intervals reused per placement polygon): point ${ms(wp)}, with intervals ${ms(wi)} → ×${(wi / wp).toFixed(2)}`);
    console.log(`    province, score and rank ranges over 1 000 seeded draws (incl. the analysis): ${ms(drawsMs)}`);
  }
  // stress: placed point targets
  const r = rng(4242);
  const W = 105.4, E = 106.3, S = 21.8, N = 22.75, STEP = 0.05;
  const cells: Feature[] = [];
  for (let x = W, i = 0; x < E - 1e-9; x += STEP, i++) for (let y = S, j = 0; y < N - 1e-9; y += STEP, j++) {
    cells.push({ type: 'Feature', properties: { id: `cell-${i}-${j}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + STEP, y], [x + STEP, y + STEP], [x, y + STEP], [x, y]]] } });
  }
  const targets: Feature[] = [];
  for (let k = 0; k < 10_000; k++) {
    const x = W + r() * (E - W - 1e-6), y = S + r() * (N - S - 1e-6);
    const id = `cell-${Math.floor((x - W) / STEP)}-${Math.floor((y - S) / STEP)}`;
    targets.push({ type: 'Feature', properties: { id: `t${k}`, accuracy: 'commune', placed_in: [id] }, geometry: { type: 'Point', coordinates: [x, y] } });
  }
  const sites: Feature[] = Array.from({ length: 2000 }, (_, k) => ({ type: 'Feature', properties: { id: `s${k}` }, geometry: { type: 'Point', coordinates: [W + r() * (E - W), S + r() * (N - S)] } }));
  // one run: point nearest queries incl. the index build, then the same plus each answer's interval
  // (interval index incl. placements built from scratch: a fresh resolver each time)
  // process CPU time next to wall time: on a shared machine the wall clock counts other jobs' time
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const once = () => {
    const resolve = createPlacementResolver(cells, []);
    let t = performance.now(), c = cpu();
    const ix = buildTargetIndex(targets);
    for (const s of sites) ix.nearest(s.geometry);
    const pointMs = performance.now() - t, pointCpu = cpu() - c;
    t = performance.now(); c = cpu();
    const ix2 = buildTargetIndex(targets);
    const iv = createIntervalIndex(targets, resolve);
    let widths = 0;
    sites.forEach((s) => { const p = ix2.nearest(s.geometry)!; const x = iv.nearest(resolve(s), undefined, p)!; widths += x.maxM! - x.minM!; });
    return { pointMs, ivMs: performance.now() - t, pointCpu, ivCpu: cpu() - c, widths };
  };
  const cold = once();
  // warm: 3 more runs unmeasured (the optimising compiler works on background threads, whose CPU
  // time the process pays), then 15 measured
  for (let k = 0; k < 3; k++) once();
  const warmRuns = Array.from({ length: 15 }, once);
  const med = (k: 'pointMs' | 'ivMs' | 'pointCpu' | 'ivCpu') => median(warmRuns.map((x) => x[k]));
  const low = (k: 'pointCpu' | 'ivCpu') => Math.min(...warmRuns.map((x) => x[k]));
  const wp = med('pointMs'), wi = med('ivMs'), cp = med('pointCpu'), ci = med('ivCpu');
  console.log(`    stress: ${sites.length} drawn sites × ${targets.length} commune-placed points (${cells.length} communes); mean interval width ${(cold.widths / sites.length / 1000).toFixed(2)} km`);
  console.log(`    stress, cold one-shot (first run in the process): point queries incl. build ${ms(cold.pointMs)} (CPU ${ms(cold.pointCpu)}), with intervals ${ms(cold.ivMs)} (CPU ${ms(cold.ivCpu)}) → ×${(cold.ivMs / cold.pointMs).toFixed(1)} (CPU ×${(cold.ivCpu / cold.pointCpu).toFixed(1)})`);
  console.log(`    stress, warm median of ${warmRuns.length} (after 3 unmeasured runs): point ${ms(wp)} (CPU ${ms(cp)}), with intervals ${ms(wi)} (CPU ${ms(ci)}) → ×${(wi / wp).toFixed(1)} (CPU ×${(ci / cp).toFixed(1)}; least CPU of the ${warmRuns.length}: ×${(low('ivCpu') / low('pointCpu')).toFixed(1)}) (goal ≤ 2×) → ${ci / cp <= 2 ? 'MET' : 'NOT MET'}`);
}

console.log(`geo engine benchmark — node ${process.version}, ${cpus().length} CPU(s), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${new Date().toISOString()}${(globalThis as { gc?: unknown }).gc ? '' : ' (run with node --expose-gc for exact memory deltas)'}`);
intervals();
province();
stress();
surfaceBench();
