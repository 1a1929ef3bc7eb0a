/**
 * Size of the analysis rows the page holds: full rows (what the page held before) against the slim
 * rows it holds now (lib/analysis/site-row.ts). Prints per row: JSON bytes, the structured-clone
 * payload (v8.serialize, what crosses from the worker) and the heap after the clone is read back
 * (the page's copy), measured by holding `copies` clones of the analysed rows.
 *
 *   node --expose-gc --import tsx bench/row-size.ts [sites=1000] [copies=10]
 *
 * Not asserted anywhere (test/state/slim-rows.svelte.test.ts checks the rows' values).
 */
import { readFileSync, existsSync } from 'node:fs';
import { serialize, deserialize } from 'node:v8';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { LAYER_IDS } from '../src/lib/data/schema.ts';
import type { Layers } from '../src/lib/analysis/analyze.ts';
import { AnalysisSession } from '../src/workers/analysis-session.ts';
import { internIds, type SlimRow } from '../src/lib/analysis/site-row.ts';

const arg = (k: string, d: number) => Number(process.argv.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1) ?? d);
const N = arg('sites', 1000), COPIES = arg('copies', 10);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const layers: Layers = {};
for (const id of LAYER_IDS) {
  const p = `public/geodata/${id}.geojson`;
  if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
}
// sites on a regular grid inside the region (as the analysis tests do), plus the bundled ones
const region = (layers.region as FeatureCollection<Polygon>).features[0];
const sites: Feature[] = [...layers['industrial-sites']!.features];
for (let k = 0; sites.length < N && k < 1_000_000; k++) {
  const p = [105.6 + (k % 150) * 0.005, 21.85 + Math.floor(k / 150) * 0.005];
  if (booleanPointInPolygon(p, region)) sites.push({ type: 'Feature', properties: { id: `g-${sites.length}`, name: `G ${sites.length}` }, geometry: { type: 'Point', coordinates: p } });
}

const session = new AnalysisSession();
session.init(layers);
session.setSites(sites, { radiusKm: 10 });
let t = performance.now();
const full = session.batch(0, sites.length).rows;
const analyseMs = performance.now() - t;
t = performance.now();
const slim = session.slimBatch(0, sites.length).rows;
const slimMs = performance.now() - t;
const ids = new Map<string, string>();

function heapPerRow(rows: unknown[], post?: (x: unknown) => unknown): number {
  const payload = serialize(rows);
  gc!(); gc!();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [];
  for (let c = 0; c < COPIES; c++) held.push(post ? post(deserialize(payload)) : deserialize(payload));
  gc!(); gc!();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== COPIES) throw new Error('lost a copy');
  return (after - before) / (rows.length * COPIES);
}

const json = (rows: unknown[]) => Buffer.byteLength(JSON.stringify(rows)) / rows.length;
const clone = (rows: unknown[]) => serialize(rows).length / rows.length;
const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
const out = [
  ['full', json(full), clone(full), heapPerRow(full)],
  // the page interns the targets' ids of each batch, as the client does
  ['slim', json(slim), clone(slim), heapPerRow(slim, (x) => internIds(x as SlimRow[], ids))],
] as const;
console.log(`${sites.length} sites (${COPIES} copies held for the heap); analysis ${fmt(analyseMs)} ms, slim rows of it ${fmt(slimMs)} ms`);
console.log('rows | JSON B/row | clone B/row | heap B/row | heap at 50 000 sites');
for (const [k, j, c, h] of out) console.log(`${k} | ${fmt(j)} | ${fmt(c)} | ${fmt(h)} | ${fmt((h * 50_000) / 2 ** 20)} MB`);
console.log(`slim / full: JSON ${(out[1][1] / out[0][1]).toFixed(3)}, clone ${(out[1][2] / out[0][2]).toFixed(3)}, heap ${(out[1][3] / out[0][3]).toFixed(3)}`);
console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
