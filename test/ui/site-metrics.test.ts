/** The one list of site metrics and the lists the views take from it. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeSites } from '../../src/lib/analysis/analyze.ts';
import { SITE_METRICS, siteMetric, type MetricKey } from '../../src/lib/analysis/metrics.ts';
import { TABLE_COLUMNS, toTableRows } from '../../src/lib/analysis/table.ts';
import { CROPS, LAYER_IDS } from '../../src/lib/data/schema.ts';
import { COMPARE_METRICS, DISTANCE_METRICS, breakdownValue, criterionLabel, formatMetric, metricLabel, tableMetrics } from '../../src/lib/ui/site-metrics.ts';

const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8'))]));
const rows = analyzeSites(layers['industrial-sites'].features, layers, { radiusKm: 10 });
const quangChu = rows.find((r) => r.id === 'ccn-quang-chu')!;

describe('site metrics', () => {
  it('keys are unique and every crop has a distance metric', () => {
    const keys = SITE_METRICS.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of CROPS) expect(keys).toContain(`crop:${c}`);
    expect(() => siteMetric('nope' as MetricKey)).toThrow('unknown site metric "nope"');
  });

  it('the getters read the analysis (hand-picked fields of a real row)', () => {
    expect(quangChu).toBeDefined();
    expect(siteMetric('score').get(quangChu)).toBe(quangChu.suitability.score);
    expect(siteMetric('mv').get(quangChu)).toBe(quangChu.nearest.mvLine!.distanceM);
    expect(siteMetric('sub').get(quangChu)).toBe(quangChu.nearest.substation.any!.distanceM);
    expect(siteMetric('crop:ginger').get(quangChu)).toBe(quangChu.nearest.crops.ginger?.distanceM ?? null);
    expect(siteMetric('population').get(quangChu)).toBe(quangChu.catchment!.population!.value);
    for (const m of DISTANCE_METRICS) expect(m.near!(quangChu)?.distanceM ?? null).toBe(m.get(quangChu));
  });

  it('every metric with a CSV column fills it (rounded) in the analysis table', () => {
    const withCsv = SITE_METRICS.filter((m) => m.csv);
    expect(withCsv.length).toBe(17); // score, mv, 3 substations, road, deposit, 8 crops, population, protected area
    const flat = toTableRows([quangChu])[0];
    expect(Object.keys(flat)).toEqual([...TABLE_COLUMNS]);
    for (const m of withCsv) {
      const v = m.get(quangChu);
      expect(flat[m.csv!], m.key).toBe(v === null ? '' : m.unit === 'score' ? v : Math.round(v));
    }
  });

  it('the views list what they always listed, labelled and formatted per language', () => {
    expect(tableMetrics('canna').map((m) => m.key)).toEqual(['score', 'mv', 'sub', 'road', 'crop:canna', 'deposit', 'population', 'protected']);
    expect(COMPARE_METRICS.map((m) => m.key)).toEqual(['score', 'mv', 'sub110', 'sub220', 'road', 'deposit', ...CROPS.map((c) => `crop:${c}`), 'population', 'protected']);
    expect(DISTANCE_METRICS.map((m) => m.key)).toEqual(['mv', 'sub110', 'sub220', 'road', 'deposit', ...CROPS.map((c) => `crop:${c}`)]);
    expect(metricLabel('en', 'sub110')).toBe('110 kV substation');
    expect(metricLabel('en', 'crop:wood')).toBe('Planted forest, wood');
    expect(metricLabel('vi', 'mv')).toBe('Lưới trung thế');
    expect(formatMetric('vi', siteMetric('mv'), 12345)).toBe('12,3 km');
    expect(formatMetric('en', siteMetric('score'), 61.25)).toBe('61.3');
    expect(formatMetric('en', siteMetric('score'), 61.25, { scoreDigits: 0 })).toBe('61');
    expect(formatMetric('en', siteMetric('population'), 12345.6)).toBe('12,346');
    expect(formatMetric('en', siteMetric('road'), null)).toBe('—');
  });

  it('breakdown labels and values: the card with units, the dossier without', () => {
    expect(criterionLabel('en', 'material:ginger')).toBe('Ginger');
    expect(criterionLabel('en', 'mv-line')).toBe('MV grid');
    expect(breakdownValue('en', { value: 12.5, unit: 'ha' }, { withUnits: true })).toBe('12.5 ha');
    expect(breakdownValue('en', { value: 12.5, unit: 'ha' }, { withUnits: false })).toBe('13');
    expect(breakdownValue('en', { value: 5000, unit: 'people' }, { withUnits: true })).toBe('5,000 people');
    expect(breakdownValue('en', { value: 'operating', unit: 'status' }, { withUnits: false })).toBe('Operating');
    expect(breakdownValue('vi', { value: 850, unit: 'm' }, { withUnits: true })).toBe('850 m');
  });
});
