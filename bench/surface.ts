/**
 * Benchmarks of the suitability surface (called from bench/run.ts). Prints, in one run:
 *  - distance fields for the province at 100 m, all criteria (goal < 1 s in Node);
 *  - re-weighting the whole surface (goal < 150 ms);
 *  - 1 000 rank-stability draws for 50 sites (goal < 1 s);
 *  - the naive way (a nearest-feature query per cell, with the per-site engine's indexes and with
 *    a plain Turf loop) timed on a sample of cells and scaled to the grid, as ratios.
 * Times are printed, never asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg } from 'node:os';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import pointToLineDistance from '@turf/point-to-line-distance';
import { LAYER_IDS } from '../src/lib/data/schema.ts';
import { createAnalysisEngine, type Layers } from '../src/lib/analysis/index.ts';
import { transformer } from '../src/lib/data/crs.ts';
import {
  createSurfaceEngine, DEFAULT_SURFACE_WEIGHTS, mulberry32, rankStability, shareVector, siteRankItems, SURFACE_CRITERIA,
} from '../src/lib/analysis/surface/index.ts';

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
/** CPU time of this process (user + system), ms: on a shared, loaded machine the wall time also counts the waits for a core. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const load = () => `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`;

export function surfaceBench(dir = 'public/geodata'): void {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) { console.log(`\n(c) surface: no data package in ${dir}; skipped`); return; }
  const crs = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { region: { crs: number } }).region.crs;
  const layers: Layers = {};
  for (const id of LAYER_IDS) { const p = join(dir, `${id}.geojson`); if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection; }
  console.log(`\n(c) suitability surface (${dir}, EPSG:${crs}, 100 m cells); ${load()}`);
  createSurfaceEngine(layers, { crs, cell: 100 }); // warm-up (JIT)
  const builds: { total: number; cpu: number; t: Record<string, number> }[] = [];
  let engine = createSurfaceEngine(layers, { crs, cell: 100 });
  for (let k = 0; k < 3; k++) { const c = cpuMs(), t = performance.now(); engine = createSurfaceEngine(layers, { crs, cell: 100 }); builds.push({ total: performance.now() - t, cpu: cpuMs() - c, t: engine.timings }); }
  const g = engine.grid, nCells = g.cols * g.rows;
  const nFields = SURFACE_CRITERIA.filter((c) => engine.fields[c] && c !== 'labour').length;
  const distMs = median(builds.map((b) => b.t.distance)), totalMs = median(builds.map((b) => b.total));
  console.log(`    grid ${g.cols} × ${g.rows} = ${nCells.toLocaleString('en')} cells; ${nFields} distance fields + labour (population within 10 km)`);
  // CPU share of the distance step ≈ its share of the build's wall time
  const distCpu = median(builds.map((b) => b.cpu * (b.t.distance / b.total)));
  console.log(`    distance fields (rasterise + exact EDT), all criteria: median wall ${ms(distMs)}, CPU ≈ ${ms(distCpu)} (goal < 1 s: ratio ${(distMs / 1000).toFixed(2)} wall, ${(distCpu / 1000).toFixed(2)} CPU) → ${distMs < 1000 ? 'MET' : 'NOT MET'}; per field ${ms(distMs / nFields)}`);
  console.log(`    whole engine build (projection, region mask, fields, labour): median ${ms(totalMs)}  [${Object.entries(builds[1].t).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}]`);
  // re-weighting
  const r = mulberry32(5);
  engine.score({}, { sectors: ['wood'] });
  const rw: number[] = [], rwc: number[] = [];
  for (let k = 0; k < 10; k++) {
    const w = { 'mv-line': r() * 30, substation: r() * 30, materials: r() * 30, road: r() * 30, labour: r() * 30, deposit: r() * 30 };
    const c = cpuMs(), t = performance.now(); engine.score(w, { sectors: ['wood', 'minerals'] }); rw.push(performance.now() - t); rwc.push(cpuMs() - c);
  }
  const rwMs = median(rw), rwCpu = median(rwc);
  console.log(`    re-weighting the whole surface (6 criteria + penalty + exclusions): median wall ${ms(rwMs)}, CPU ${ms(rwCpu)} of ${rw.length} (goal < 150 ms: ratio ${(rwMs / 150).toFixed(2)} wall, ${(rwCpu / 150).toFixed(2)} CPU) → ${rwMs < 150 ? 'MET' : 'NOT MET'}`);
  // rank draws for 50 sites
  const inv = transformer(crs, 4326);
  const sites: Feature[] = [];
  for (let k = 0; sites.length < 50 && k < 100_000; k++) {
    const i = Math.floor(r() * nCells);
    if (!engine.inside[i]) continue;
    const c = inv([g.x0 + ((i % g.cols) + 0.5) * g.cell, g.y0 - (Math.floor(i / g.cols) + 0.5) * g.cell]);
    sites.push({ type: 'Feature', properties: { id: `s${sites.length}`, sectors: ['wood', 'minerals'], status: 'planned', area_ha: 20 + r() * 80 }, geometry: { type: 'Point', coordinates: c } });
  }
  const analysis = createAnalysisEngine(layers);
  const items = siteRankItems(analysis.analyze(sites, { draws: 0 }));
  const W = shareVector({ ...DEFAULT_SURFACE_WEIGHTS });
  rankStability(items, W, { draws: 100 });
  const rd: number[] = [], rdc: number[] = [];
  for (let k = 0; k < 5; k++) { const c = cpuMs(), t = performance.now(); rankStability(items, W, { draws: 1000, seed: k + 1, penaltyPoints: 30 }); rd.push(performance.now() - t); rdc.push(cpuMs() - c); }
  const rdMs = median(rd), rdCpu = median(rdc);
  console.log(`    1 000 rank-stability draws (weights) for ${items.length} sites: median wall ${ms(rdMs)}, CPU ${ms(rdCpu)} (goal < 1 s: ratio ${(rdMs / 1000).toFixed(3)}) → ${rdMs < 1000 ? 'MET' : 'NOT MET'}`);
  // combined draws: each draw also moves every site to a drawn true position (here: terms at 1 000 seeded positions per site, as analyze() builds them)
  const jr = mulberry32(11);
  const withPos = items.map((it) => ({ ...it, positions: Array.from({ length: 1000 }, () => ({ terms: it.terms.map((t) => ({ ...t, s: Math.min(1, Math.max(0, t.s + (jr() - 0.5) * 0.2)) })), penalty: it.penalty })) }));
  rankStability(withPos, W, { draws: 100 });
  const rc: number[] = [];
  const rcc: number[] = [];
  for (let k = 0; k < 5; k++) { const c = cpuMs(), t = performance.now(); rankStability(withPos, W, { draws: 1000, seed: k + 1, penaltyPoints: 30 }); rc.push(performance.now() - t); rcc.push(cpuMs() - c); }
  const rcMs = median(rc);
  console.log(`    1 000 combined draws (weights + true positions) for ${items.length} sites, ranking: median wall ${ms(rcMs)}, CPU ${ms(median(rcc))} (goal < 1 s: ratio ${(rcMs / 1000).toFixed(3)}) → ${rcMs < 1000 ? 'MET' : 'NOT MET'}; ratio to weights only ${(rcMs / rdMs).toFixed(2)}×`);
  const pSites = sites.slice(0, 50);
  analysis.analyze(pSites, { draws: 20 });
  let tp = performance.now(); analysis.analyze(pSites, { draws: 0 }); const a0 = performance.now() - tp;
  tp = performance.now(); const drawn = analysis.analyze(pSites, { draws: 1000 }); const a1 = performance.now() - tp;
  console.log(`    the same inside analyze(): 1 000 draws of true positions (distances recomputed) + weights for ${pSites.length} sites: ${ms(a1 - a0)} over the analysis itself (${ms(a0)}); ${drawn[0].stability?.method ?? 'no stability'}`);
  // the naive way: a nearest query per cell and criterion
  const SAMPLE = 2000;
  const cells: number[] = [];
  while (cells.length < SAMPLE) { const i = Math.floor(r() * nCells); if (engine.inside[i]) cells.push(i); }
  const pts = cells.map((i) => inv([g.x0 + ((i % g.cols) + 0.5) * g.cell, g.y0 - (Math.floor(i / g.cols) + 0.5) * g.cell]));
  const q: [Parameters<typeof analysis.nearest>[1], string | undefined][] = [
    ['power-lines', '35'], ['power-lines', '22'], ['power-substations', undefined], ['roads', undefined], ['mineral-sites', 'deposit'],
    ['protected-areas', undefined], ['rivers', undefined], ...['wood', 'canna', 'ginger', 'turmeric', 'herbs', 'orange', 'persimmon', 'rice-wine'].map((c) => ['material-zones', c] as [Parameters<typeof analysis.nearest>[1], string]),
  ];
  for (const p of pts.slice(0, 100)) for (const [l, c] of q) analysis.nearest({ type: 'Point', coordinates: p }, l, c ? { category: c } : {}); // warm-up
  let t = performance.now();
  for (const p of pts) for (const [l, c] of q) analysis.nearest({ type: 'Point', coordinates: p }, l, c ? { category: c } : {});
  const idxPerCell = (performance.now() - t) / SAMPLE;
  const idxAll = idxPerCell * nCells;
  console.log(`    naive, indexed: ${q.length} nearest-feature queries per cell (the per-site engine's R-trees): ${ms(idxPerCell)} per cell on ${SAMPLE} cells → × ${nCells.toLocaleString('en')} cells ≈ ${(idxAll / 1000).toFixed(1)} s; ratio naive / distance fields ${(idxAll / distMs).toFixed(0)}×`);
  // plain Turf loop over every feature of one layer (roads + MV lines), on a smaller sample
  const lines = (layers['power-lines']?.features ?? []).concat(layers.roads?.features ?? []).filter((f) => f.geometry?.type === 'LineString') as Feature<LineString>[];
  const TS = 200;
  t = performance.now();
  for (const p of pts.slice(0, TS)) { const pt: Feature<Point> = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }; let best = Infinity; for (const f of lines) best = Math.min(best, pointToLineDistance(pt, f, { units: 'meters' })); void best; }
  const turfPerCell = (performance.now() - t) / TS;
  const turfAll = turfPerCell * nCells * (nFields / 2); // two line criteria timed → scaled to all fields
  console.log(`    (end of the surface section: ${load()})`);
  console.log(`    naive, Turf loop (pointToLineDistance over ${lines.length} MV lines + roads): ${ms(turfPerCell)} per cell for 2 criteria on ${TS} cells → all ${nFields} criteria × all cells ≈ ${(turfAll / 1000).toFixed(0)} s; ratio naive / distance fields ${(turfAll / distMs).toFixed(0)}×`);
}
