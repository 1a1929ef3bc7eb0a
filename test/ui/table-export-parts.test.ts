import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import type { Layers, SiteAnalysis } from '../../src/lib/analysis/analyze.ts';
import { AnalysisSession } from '../../src/workers/analysis-session.ts';
import { GEOJSON_CHUNK_FEATURES } from '../../src/lib/analysis/table-stream.ts';
import { blobOfAsyncChunks, streamedGeoJsonChunks, tableGeoJsonBlob } from '../../src/lib/ui/table-export.ts';

const layers: Layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8')) as FeatureCollection]));

describe('a streamed GeoJSON export whose parts hold more than one chunk of features', () => {
  it('is the same text as the one-piece export (valid JSON, every feature once)', async () => {
    const base = layers['industrial-sites']!.features;
    const s = new AnalysisSession();
    s.init(layers);
    s.setSites(base, { radiusKm: 10 });
    const real = s.batch(0, base.length).rows;
    // the real rows and sites, copied under new ids until a part spans several chunks
    const copies = Math.ceil((GEOJSON_CHUNK_FEATURES * 2 + 50) / base.length);
    const sites: Feature[] = [], rows: SiteAnalysis[] = [];
    for (let c = 0; c < copies; c++) base.forEach((f, i) => {
      const id = `${String(f.properties!.id)}-${c}`;
      sites.push({ ...f, properties: { ...f.properties, id } });
      rows.push({ ...real[i], id });
    });
    const full = async (list: readonly { id: string }[]) => list.map((r) => rows.find((x) => x.id === r.id)!);
    const want = await tableGeoJsonBlob(rows, sites).text();
    for (const part of [rows.length, GEOJSON_CHUNK_FEATURES + 7, 90]) {
      const got = await (await blobOfAsyncChunks(streamedGeoJsonChunks(rows, full, sites, undefined, part), 'application/geo+json')).text();
      expect(got, `parts of ${part}`).toBe(want);
    }
    expect(JSON.parse(want).features).toHaveLength(rows.length);
  }, 120_000);
});
