/**
 * CLI: the province-wide suitability surface as a GeoTIFF, and optionally the best candidate areas
 * as GeoJSON with their score, area and rank stability.
 *
 *   npm run surface -- -o out.tif [--cell 100] [--weights w.json] [--sector wood,food]
 *                      [--radius-km 10] [--top 5 --min-ha 50 [--min-score S] [--draws 1000] [--seed 1]
 *                      [--geojson areas.geojson]] [--data public/geodata]
 *
 * The grid is the data package's region in its CRS (manifest `region.crs`, VN-2000 TM-3).
 * Exit codes: 0 ok, 1 bad input file, 2 bad arguments.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { LAYER_IDS, SECTORS } from '../src/lib/data/schema.ts';
import {
  candidateRankItems, candidatesToFeatures, createSurfaceEngine, DEFAULT_SURFACE_WEIGHTS, findCandidates, parseSurfaceConfig,
  rankStability, shareVector, surfaceToGeoTiff, type SurfaceConfig,
} from '../src/lib/analysis/surface/index.ts';

const USAGE = 'usage: npm run surface -- -o out.tif [--cell 100] [--weights w.json] [--sector wood,food] [--radius-km 10] [--top 5 --min-ha 50 [--min-score S] [--draws 1000] [--seed 1] [--geojson areas.geojson]] [--data public/geodata]';

class CliError extends Error { constructor(msg: string, readonly code: number) { super(msg); } }

interface Args { out: string; cell: number; weights?: string; sectors: string[] | null; radiusKm: number; top?: number; minHa: number; minScore?: number; draws: number; seed: number; geojson?: string; data: string }

function parseArgs(argv: string[]): Args {
  const a: Args = { out: '', cell: 100, sectors: null, radiusKm: 10, minHa: 50, draws: 1000, seed: 1, data: 'public/geodata' };
  const num = (flag: string, v: string, ok: (x: number) => boolean, what: string) => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x) || !ok(x)) throw new CliError(`${flag} must be ${what}, got ${JSON.stringify(v)}`, 2);
    return x;
  };
  let minHaGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const next = () => { const v = argv[++i]; if (v === undefined || v.startsWith('--')) throw new CliError(`missing value for ${f}\n${USAGE}`, 2); return v; };
    switch (f) {
      case '-o': case '--out': a.out = next(); break;
      case '--cell': a.cell = num(f, next(), (x) => x >= 10 && x <= 5000, 'a cell size in metres between 10 and 5000'); break;
      case '--weights': a.weights = next(); break;
      case '--sector': {
        const list = next().split(',').map((s) => s.trim()).filter(Boolean);
        for (const s of list) if (!(SECTORS as readonly string[]).includes(s)) throw new CliError(`--sector: unknown sector ${JSON.stringify(s)} (known: ${SECTORS.join(', ')})`, 2);
        a.sectors = list; break;
      }
      case '--radius-km': a.radiusKm = num(f, next(), (x) => x > 0, 'a positive number'); break;
      case '--top': a.top = num(f, next(), (x) => Number.isInteger(x) && x > 0 && x <= 100, 'an integer from 1 to 100'); break;
      case '--min-ha': a.minHa = num(f, next(), (x) => x >= 0, 'a non-negative number of hectares'); minHaGiven = true; break;
      case '--min-score': a.minScore = num(f, next(), (x) => x >= 0 && x <= 100, 'a score from 0 to 100'); break;
      case '--draws': a.draws = num(f, next(), (x) => Number.isInteger(x) && x >= 1 && x <= 100_000, 'an integer from 1 to 100000'); break;
      case '--seed': a.seed = num(f, next(), (x) => Number.isInteger(x), 'an integer'); break;
      case '--geojson': a.geojson = next(); break;
      case '--data': a.data = next(); break;
      case '-h': case '--help': process.stdout.write(USAGE + '\n'); process.exit(0); break;
      default: throw new CliError(`${f.startsWith('-') ? 'unknown option' : 'unexpected argument'} ${f}\n${USAGE}`, 2);
    }
  }
  if (!a.out) throw new CliError(`missing -o out.tif\n${USAGE}`, 2);
  if (!/\.tiff?$/i.test(a.out)) throw new CliError(`-o must name a .tif file, got ${JSON.stringify(a.out)}`, 2);
  if (a.top === undefined && (minHaGiven || a.minScore !== undefined || a.geojson)) throw new CliError('--min-ha, --min-score and --geojson need --top', 2);
  return a;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new CliError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 1); }
  try { return JSON.parse(text); } catch (e) { throw new CliError(`${what} ${path} is not valid JSON: ${(e as Error).message}`, 1); }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const manifestPath = join(args.data, 'manifest.json');
  if (!existsSync(manifestPath)) throw new CliError(`no data package in ${args.data} (manifest.json missing; run npm run data)`, 1);
  const manifest = readJson(manifestPath, 'manifest') as { region?: { crs?: number } };
  const crs = manifest.region?.crs;
  if (typeof crs !== 'number') throw new CliError(`${manifestPath} has no region.crs`, 1);
  let cfg: SurfaceConfig = { weights: {}, sectors: [], shapes: {}, thresholds: {}, ahp: null };
  if (args.weights) {
    try { cfg = parseSurfaceConfig(readJson(args.weights, 'weights file')); } catch (e) { if (e instanceof CliError) throw e; throw new CliError(`weights file ${args.weights}: ${(e as Error).message}`, 1); }
  }
  const sectors = args.sectors ?? cfg.sectors;
  const layers: Record<string, FeatureCollection> = {};
  for (const id of LAYER_IDS) { const p = join(args.data, `${id}.geojson`); if (existsSync(p)) layers[id] = readJson(p, `layer ${id}`) as FeatureCollection; }
  if (!layers.region) throw new CliError(`no region layer in ${args.data}`, 1);
  const t0 = performance.now();
  const engine = createSurfaceEngine(layers, { crs, cell: args.cell, radiusKm: args.radiusKm });
  const opts = { sectors, shapes: cfg.shapes, thresholds: cfg.thresholds };
  const s = engine.score(cfg.weights, opts);
  writeFileSync(args.out, Buffer.from(surfaceToGeoTiff(engine.grid, s.values)));
  const g = engine.grid;
  process.stderr.write(`surface: ${g.cols} × ${g.rows} cells of ${g.cell} m in EPSG:${g.crs}, scores ${s.min.toFixed(1)}–${s.max.toFixed(1)}, criteria ${s.terms.map((t) => `${t.criterion} ${(t.weight * 100).toFixed(1)} %`).join(', ')}${s.penalty ? `, protected-area penalty ${s.penalty.weight} points` : ''}${cfg.ahp ? `; AHP CR ${cfg.ahp.cr.toFixed(3)}${cfg.ahp.consistent ? '' : ' > 0.10: revise the judgements'}` : ''} (${(performance.now() - t0).toFixed(0)} ms) → ${args.out}\n`);
  if (args.top !== undefined) {
    const res = findCandidates(g, s.values, { top: args.top, minHa: args.minHa, minScore: args.minScore });
    const w = { ...DEFAULT_SURFACE_WEIGHTS, ...cfg.weights };
    const stab = rankStability(candidateRankItems(engine, res.candidates, cfg.weights, opts, { positions: args.draws, seed: args.seed }), shareVector(w), { draws: args.draws, seed: args.seed, topK: Math.min(3, res.candidates.length), penaltyPoints: w['protected-area'] });
    const features = candidatesToFeatures(res, (c) => {
      const st = stab.items[c.rank - 1];
      return { rank_min: st.rankMin, rank_max: st.rankMax, rank_p5: st.rankP5, rank_p95: st.rankP95, top_k: stab.topK, top_k_share: Math.round(st.topKShare * 1000) / 1000 };
    });
    const fc = { type: 'FeatureCollection', stability: stab.method, threshold: Math.round(res.threshold * 10) / 10, features };
    const out = args.geojson ?? args.out.replace(/\.tiff?$/i, '.geojson');
    writeFileSync(out, JSON.stringify(fc, null, 1) + '\n');
    process.stderr.write(`candidate areas: ${res.candidates.length} of ${res.qualifying} areas ≥ ${args.minHa} ha (of ${res.components} at score ≥ ${res.threshold.toFixed(1)}), rank stability ${stab.method} → ${out}\n`);
    if (res.candidates.length === 0) process.stderr.write('warning: no area qualifies; lower --min-ha or --min-score\n');
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exit(e instanceof CliError ? e.code : 1);
}
