import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeSites } from '../../src/lib/analysis/analyze.ts';
import { compareCsv, compareRows } from '../../src/lib/ui/compare.ts';
import { materialRows } from '../../src/lib/ui/catchment-rows.ts';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';

const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8'))]));
const sites = layers['industrial-sites'].features.filter((f: { properties: { id: string } }) => ['ccn-quang-chu', 'ccn-huyen-tung', 'ccn-vang-muoi'].includes(f.properties.id));
const rows = analyzeSites(sites, layers, { radiusKm: 10 });

describe('site comparison', () => {
  it('marks the best value of each criterion: lowest distance, highest score', () => {
    const cmp = compareRows(rows, 'vi');
    const mv = cmp.find((r) => r.key === 'mv')!;
    const min = Math.min(...(mv.values as number[]));
    expect(mv.best).toEqual([mv.values.indexOf(min)]);
    const score = cmp.find((r) => r.key === 'score')!;
    expect(score.best).toEqual([score.values.indexOf(Math.max(...(score.values as number[])))]);
    // each with its interval and why, or indicative on schematic lines
    expect(mv.display.every((d) => / (m|km)( · .+)?$/.test(d))).toBe(true);
  });

  it('exports a CSV with one column per site and raw metres', () => {
    const csv = compareCsv(rows, 'en').trim().split('\n');
    expect(csv[0]).toBe(`criterion,unit,${rows.map((r) => r.name).join(',')}`);
    const mvLine = csv.find((l) => l.startsWith('MV grid,m,'))!;
    expect(mvLine.split(',').slice(2).map(Number)).toEqual(rows.map((r) => Math.round(r.nearest.mvLine!.distanceM * 10) / 10));
  });
});

describe('material catchment rows', () => {
  it('estimates the crop area from the zone’s sourced area, never the polygon area', () => {
    const quangChu = rows.find((r) => r.id === 'ccn-quang-chu')!;
    const m = materialRows(quangChu.catchment, layers['material-zones'], 'vi');
    expect(m.length).toBeGreaterThan(0);
    for (const row of m) {
      const z = quangChu.catchment!.zones!.find((x) => x.id === row.zoneId)!;
      const zone = layers['material-zones'].features.find((f: { properties: { id: string } }) => f.properties.id === row.zoneId);
      if (typeof zone.properties.area_ha === 'number') expect(z.cropAreaHaApportioned).toBeCloseTo(zone.properties.area_ha * z.shareOfZone, 6);
      else expect(row.value).toMatch(/% diện tích vùng nằm trong bán kính/);
    }
  });
});

describe('CSV cells', () => {
  it('quotes as RFC 4180 asks and defuses spreadsheet formulas in untrusted names', async () => {
    const { csvField } = await import('../../src/lib/csv.ts');
    expect(['a', 'a,b', 'say "hi"', '=HYPERLINK("x")', '-1+2', 12.5, -3].map(csvField)).toEqual(['a', '"a,b"', '"say ""hi"""', `"'=HYPERLINK(""x"")"`, "'-1+2", '12.5', '-3']);
  });
});
