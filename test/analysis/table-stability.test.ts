/** The rank-stability columns of the analysis table (CSV of the CLI and the app's export) on the bundled sites. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { FeatureCollection } from 'geojson';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import { analyzeSites, type Layers } from '../../src/lib/analysis/analyze.ts';
import { TABLE_COLUMNS, toCsv } from '../../src/lib/analysis/table.ts';

const layers: Layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8')) as FeatureCollection]));
const sites = layers['industrial-sites']!.features;

describe('rank stability columns', () => {
  it('carries every row.stability field as a column, rank_min ≤ rank ≤ rank_max, p5 ≤ p95', () => {
    const rows = analyzeSites(sites, layers, { radiusKm: 10, draws: 200, seed: 1 });
    const csv = Papa.parse<Record<string, string>>(toCsv(rows), { header: true, skipEmptyLines: true });
    expect(csv.meta.fields).toEqual([...TABLE_COLUMNS]);
    expect(csv.meta.fields).toEqual(expect.arrayContaining(['stab_rank_min', 'stab_rank_max', 'stab_rank_p5', 'stab_rank_p95', 'stab_top_k', 'stab_top_k_share']));
    expect(csv.data.length).toBe(sites.length);
    for (const r of csv.data) {
      const [rank, min, max, p5, p95] = [r.rank, r.stab_rank_min, r.stab_rank_max, r.stab_rank_p5, r.stab_rank_p95].map(Number);
      expect(min, r.id).toBeLessThanOrEqual(rank);
      expect(rank, r.id).toBeLessThanOrEqual(max);
      expect(min).toBeLessThanOrEqual(p5);
      expect(p5).toBeLessThanOrEqual(p95);
      expect(p95).toBeLessThanOrEqual(max);
      expect(r.stab_top_k).toBe('3');
      const share = Number(r.stab_top_k_share);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    const by = Object.fromEntries(csv.data.map((r) => [r.id, r]));
    // Huyền Tụng (best score) stays first or second in every draw; Quảng Chu never reaches the top 3.
    expect(by['ccn-huyen-tung']).toMatchObject({ rank: '1', stab_rank_min: '1', stab_rank_max: '2', stab_top_k_share: '1' });
    expect(by['ccn-quang-chu']).toMatchObject({ stab_rank_max: '13', stab_top_k_share: '0' });
    // the values are the analysis' own
    const hb = rows.find((r) => r.id === 'ccn-cam-giang')!.stability!;
    expect(by['ccn-cam-giang'].stab_rank_p95).toBe(String(hb.rankP95));
    expect(Number(by['ccn-cam-giang'].stab_top_k_share)).toBeCloseTo(hb.topKShare, 3);
  }, 120_000);

  it('leaves them empty without draws', () => {
    const rows = analyzeSites(sites.slice(0, 2), layers, { radiusKm: 10, draws: 0 });
    const csv = Papa.parse<Record<string, string>>(toCsv(rows), { header: true, skipEmptyLines: true });
    for (const r of csv.data) expect([r.stab_rank_min, r.stab_rank_max, r.stab_top_k, r.stab_top_k_share]).toEqual(['', '', '', '']);
  }, 120_000);
});
