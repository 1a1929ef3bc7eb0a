/**
 * CLI: analyse sites against the data package and print a table.
 *
 *   npm run analyze -- <sites.geojson> [--data public/geodata] [--format csv|geojson] [--radius-km R]
 *                      [--max-offroad-km 2] [--draws 1000] [--seed 1]
 *
 * Every distance column `<x>_m` (point estimate) comes with `<x>_min_m`, `<x>_max_m` (bounds over the
 * possible true positions; empty when unbounded, e.g. schematic targets) and `<x>_basis`; the score
 * with `score_min`/`score_max` and `rank_min`/`rank_max` over seeded draws of true positions; the rank
 * stability under combined weight + position draws (two sites or more) in `stab_rank_min`,
 * `stab_rank_max`, `stab_rank_p5`, `stab_rank_p95` (5–95 % ranks), `stab_top_k` and
 * `stab_top_k_share` (share of draws in the top k).
 *
 * Reads `<data>/<layerId>.geojson` for every LayerId that exists (missing layers are reported on
 * stderr and their results left empty). Prints CSV (default) or a GeoJSON FeatureCollection to stdout.
 * Exit codes: 0 ok, 1 bad input file, 2 bad arguments.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_IDS } from '../src/lib/data/schema.ts';
import { createAnalysisEngine, toCsv, toGeoJson, type Layers } from '../src/lib/analysis/index.ts';

const USAGE = 'usage: npm run analyze -- <sites.geojson> [--data public/geodata] [--format csv|geojson] [--radius-km R] [--max-offroad-km 2] [--draws 1000] [--seed 1]';

class CliError extends Error { constructor(msg: string, readonly code: number) { super(msg); } }

function parseArgs(argv: string[]): { sites: string; data: string; format: 'csv' | 'geojson'; radiusKm: number; maxOffroadKm: number; draws: number; seed: number } {
  let sites: string | undefined, data = 'public/geodata', format: 'csv' | 'geojson' = 'csv', radiusKm = 10, maxOffroadKm = 2, draws = 1000, seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { const v = argv[++i]; if (v === undefined) throw new CliError(`missing value for ${a}\n${USAGE}`, 2); return v; };
    if (a === '--data') data = next();
    else if (a === '--format') { const f = next(); if (f !== 'csv' && f !== 'geojson') throw new CliError(`--format must be csv or geojson, got ${f}`, 2); format = f; }
    else if (a === '--radius-km') { const v = next(); radiusKm = Number(v); if (!(Number.isFinite(radiusKm) && radiusKm > 0)) throw new CliError(`radiusKm must be a positive number, got ${v}`, 2); }
    else if (a === '--max-offroad-km') { const v = next(); maxOffroadKm = Number(v); if (!(Number.isFinite(maxOffroadKm) && maxOffroadKm > 0)) throw new CliError(`maxOffroadKm must be a positive number, got ${v}`, 2); }
    else if (a === '--draws') { const v = next(); draws = Number(v); if (!(Number.isInteger(draws) && draws >= 0)) throw new CliError(`draws must be a non-negative integer, got ${v}`, 2); }
    else if (a === '--seed') { const v = next(); seed = Number(v); if (!Number.isInteger(seed)) throw new CliError(`seed must be an integer, got ${v}`, 2); }
    else if (a === '-h' || a === '--help') { process.stdout.write(USAGE + '\n'); process.exit(0); }
    else if (a.startsWith('--')) throw new CliError(`unknown option ${a}\n${USAGE}`, 2);
    else if (sites === undefined) sites = a;
    else throw new CliError(`unexpected argument ${a}\n${USAGE}`, 2);
  }
  if (!sites) throw new CliError(USAGE, 2);
  return { sites, data, format, radiusKm, maxOffroadKm, draws, seed };
}

function readCollection(path: string, what: string): FeatureCollection {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new CliError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 1); }
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { throw new CliError(`${what} ${path} is not valid JSON: ${(e as Error).message}`, 1); }
  const fc = json as FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new CliError(`${what} ${path} is not a GeoJSON FeatureCollection`, 1);
  return fc;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const sites = readCollection(resolve(args.sites), 'sites file');
  sites.features.forEach((f: Feature, i) => {
    if (!f || f.type !== 'Feature' || !f.geometry) throw new CliError(`sites file ${args.sites}: feature ${i} has no geometry`, 1);
    const id = (f.properties as Record<string, unknown> | null)?.id ?? f.id;
    if (id === undefined || id === null || id === '') throw new CliError(`sites file ${args.sites}: feature ${i} has no id (properties.id or id)`, 1);
  });
  const layers: Layers = {};
  const missing: string[] = [];
  for (const id of LAYER_IDS) {
    const p = join(args.data, `${id}.geojson`);
    if (existsSync(p)) layers[id] = readCollection(p, `layer ${id}`);
    else missing.push(id);
  }
  if (missing.length === LAYER_IDS.length) process.stderr.write(`warning: no layer found in ${args.data} (is the data package built?); only site attributes are used\n`);
  else if (missing.length) process.stderr.write(`warning: layers missing in ${args.data}: ${missing.join(', ')}\n`);
  const engine = createAnalysisEngine(layers);
  let rows;
  try { rows = engine.analyze(sites, { radiusKm: args.radiusKm, maxOffroadKm: args.maxOffroadKm, draws: args.draws, seed: args.seed }); } catch (e) { throw new CliError(`analysis failed: ${(e as Error).message}`, 1); }
  if (args.format === 'csv') process.stdout.write(toCsv(rows));
  else process.stdout.write(JSON.stringify(toGeoJson(sites.features, rows)) + '\n');
}

try {
  main();
} catch (e) {
  if (e instanceof CliError) { process.stderr.write(`error: ${e.message}\n`); process.exit(e.code); }
  process.stderr.write(`error: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
}
