import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import Papa from 'papaparse';
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import { createAnalysisEngine, type Layers, type SiteAnalysis } from '../../src/lib/analysis/analyze.ts';
import { toCsv, toGeoJson } from '../../src/lib/analysis/table.ts';
import { blobOfChunks, csvChunks, geojsonChunks } from '../../src/lib/analysis/table-stream.ts';
import { csvWithCreditColumns, geojsonWithCredits } from '../../src/lib/data/export/credits.ts';

const layers: Layers = {};
for (const id of LAYER_IDS) {
  const p = `public/geodata/${id}.geojson`;
  if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
}
const credits = { attribution: 'Data: "this project", OSM, =not a formula', license: 'GPL-3.0-or-later; ODbL-1.0' };

// Many rows: the real rows of the bundled sites, repeated under new ids (and sites to match).
const N = 6000;
let rows: SiteAnalysis[];
let sites: Feature[];
beforeAll(() => {
  const base = layers['industrial-sites']!.features;
  const analysed = createAnalysisEngine(layers).analyze(base, { radiusKm: 10 });
  rows = []; sites = [];
  for (let i = 0; i < N; i++) {
    const k = i % base.length;
    const id = `s-${i}`;
    rows.push({ ...analysed[k], id, name: i % 7 === 0 ? `Tên, "có" dấu ${i}` : analysed[k].name });
    sites.push({ ...base[k], properties: { ...base[k].properties, id } });
  }
}, 120_000);

describe('chunked exports of the analysis table', () => {
  it('CSV: parses back to the same table as the one-string export, in bounded chunks', async () => {
    const chunks = [...csvChunks(rows, credits, 500)];
    expect(chunks.length).toBe(1 + Math.ceil(N / 500));
    for (const c of chunks) expect(c.length).toBeLessThan(500 * 2000);
    const text = await blobOfChunks(chunks, 'text/csv', 1 << 16).text();
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const expected = Papa.parse<string[]>(csvWithCreditColumns(toCsv(rows), credits), { skipEmptyLines: true }).data;
    expect(parsed.length).toBe(N + 1);
    expect(parsed).toEqual(expected);
    expect(parsed[1].at(-2)).toBe("Data: \"this project\", OSM, =not a formula");
    // No credits: no credit columns.
    const plain = await blobOfChunks(csvChunks(rows.slice(0, 3)), 'text/csv').text();
    expect(plain).toBe(toCsv(rows.slice(0, 3)));
  }, 60_000);

  it('GeoJSON: one valid FeatureCollection equal to the one-string export, in bounded chunks', async () => {
    const byId = new Map(sites.map((f) => [String(f.properties!.id), f]));
    const chunks = [...geojsonChunks(rows, (r) => byId.get(r.id), credits, 250)];
    expect(chunks.length).toBe(2 + Math.ceil(N / 250));
    const biggest = Math.max(...chunks.map((c) => c.length));
    const text = await blobOfChunks(chunks, 'application/geo+json', 1 << 20).text();
    expect(biggest).toBeLessThan(text.length / 10);
    const parsed = JSON.parse(text) as FeatureCollection & { attribution: string; license: string };
    expect(parsed.features.length).toBe(N);
    expect(parsed.features.map((f) => f.properties!.id)).toEqual(rows.map((r) => r.id));
    // Same content as the one-string export (checked on a sample: deep equality of 6 000 analyses is slow).
    const expected = geojsonWithCredits(toGeoJson(sites.slice(0, 40), rows.slice(0, 40)), credits);
    expect({ ...parsed, features: parsed.features.slice(0, 40) }).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(parsed.features[N - 1]).toEqual(JSON.parse(JSON.stringify(toGeoJson([sites[N - 1]], [rows[N - 1]]).features[0])));
    expect(parsed.attribution).toBe(credits.attribution);
    // Rows without a site are left out and the array stays valid.
    const some = JSON.parse(await blobOfChunks(geojsonChunks(rows.slice(0, 10), (r) => (r.id === 's-0' ? undefined : byId.get(r.id))), 'x').text());
    expect(some.features.map((f: Feature) => f.properties!.id)).toEqual(rows.slice(1, 10).map((r) => r.id));
    expect(JSON.parse(await blobOfChunks(geojsonChunks([], () => undefined), 'x').text())).toEqual({ type: 'FeatureCollection', features: [] });
  }, 60_000);
});
