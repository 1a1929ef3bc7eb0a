/** Distance intervals as the views show them: the shared formatter, the pass counts of a threshold filter. */
import { describe, it, expect } from 'vitest';
import { formatInterval, formatDistanceRange, basisReason, passes, passCounts, displayMetric, scoreRangeText } from '../../src/lib/ui/site-metrics.ts';
import { siteMetric } from '../../src/lib/analysis/metrics.ts';
import { voltageClassCounts } from '../../src/lib/data/user-layers.ts';
import type { SiteAnalysis } from '../../src/lib/analysis/analyze.ts';
import type { DistanceInterval } from '../../src/lib/analysis/intervals.ts';

const iv = (minM: number | null, maxM: number | null, site: string, targets: string[], indicative = false): DistanceInterval => ({ minM, maxM, basis: { site, targets, indicative } });
const near = (distanceM: number, interval: DistanceInterval | null) => ({ distanceM, interval });

describe('distance intervals in the views', () => {
  it('formats the interval and why, in vi and en', () => {
    const n = near(2103, iv(1100, 6000, 'commune', ['traced']));
    expect(formatInterval('vi', n)).toBe('1,1–6,0 km · vị trí theo xã');
    expect(formatInterval('en', n)).toBe('1.1–6.0 km · placed by commune');
    expect(formatInterval('en', near(2103, iv(300, 27500, 'district', ['commune'])))).toBe('0.3–27.5 km · placed by district');
    expect(formatDistanceRange('en', 450, 920)).toBe('450–920 m');
    // schematic targets: indicative, never a bound
    expect(formatInterval('vi', near(1105, iv(null, null, 'commune', ['schematic'], true)))).toBe('≈ 1,11 km · tuyến sơ đồ, chỉ tham khảo');
    // every position known: the single figure
    expect(formatInterval('en', near(2063.4, iv(2063.4, 2063.4, 'drawn', ['traced'])))).toBe('2.06 km');
    expect(formatInterval('en', null)).toBe('—');
    expect(basisReason({ site: 'commune', targets: ['district', 'traced'], indicative: false })).toBe('district');
  });

  it('a threshold filter counts sites that pass surely, possibly, not at all', () => {
    expect(passes(near(2000, iv(1000, 2900, 'commune', ['traced'])), 3000)).toBe('sure');
    expect(passes(near(2000, iv(1000, 6000, 'commune', ['traced'])), 3000)).toBe('possible');
    expect(passes(near(5000, iv(4000, 6000, 'commune', ['traced'])), 3000)).toBe('no');
    expect(passes(near(1000, iv(null, null, 'commune', ['schematic'], true)), 3000)).toBe('possible'); // indicative: never sure
    expect(passes(null, 3000)).toBe('no');
    const row = (n: ReturnType<typeof near>) => ({ nearest: { mvLine: { id: 'x', name: null, nearestSite: [0, 0], nearestTarget: [0, 0], ...n } } }) as unknown as SiteAnalysis;
    const rows = [row(near(2000, iv(1000, 2900, 'commune', ['traced']))), row(near(2000, iv(1000, 6000, 'district', ['traced']))), row(near(9000, iv(8000, 9500, 'commune', ['traced'])))];
    expect(passCounts(rows, siteMetric('mv'), 3000)).toEqual({ sure: 1, possible: 1, no: 1 });
  });

  it('the score shows its range over the draws', () => {
    const a = { suitability: { score: 73.3 }, uncertainty: { scoreMin: 56.8, scoreMax: 77.9, rank: 2, rankMin: 2, rankMax: 7, draws: 1000, seed: 1 } } as unknown as SiteAnalysis;
    expect(displayMetric('vi', siteMetric('score'), a, { scoreDigits: 0 })).toBe('73 (57–78) · hạng 2–7');
    expect(displayMetric('en', siteMetric('score'), a, { scoreDigits: 0 })).toBe('73 (57–78) · rank 2–7');
    // a site whose rank never moves
    const b = { suitability: { score: 94.1 }, uncertainty: { scoreMin: 78.9, scoreMax: 98.9, rank: 1, rankMin: 1, rankMax: 1, draws: 1000, seed: 1 } } as unknown as SiteAnalysis;
    expect(displayMetric('en', siteMetric('score'), b, { scoreDigits: 0 })).toBe('94 (79–99) · rank 1');
    // no draws (a set too large, or before the ranges arrive): the point score alone
    expect(displayMetric('en', siteMetric('score'), { suitability: { score: 94.1 }, uncertainty: null } as unknown as SiteAnalysis, { scoreDigits: 0 })).toBe('94');
    expect(scoreRangeText('en', a)).toBe('Score range over 1,000 draws of true positions within placement polygons: 56.8–77.9; rank 2–7');
  });

  it('the import panel counts the voltage class each imported line gets (6–35 kV = MV)', () => {
    const line = (U: unknown) => ({ type: 'Feature' as const, properties: { U }, geometry: { type: 'LineString' as const, coordinates: [[105.8, 22.1], [105.9, 22.1]] } });
    const fc = { type: 'FeatureCollection' as const, features: [line('6 kV'), line(10), line('15kV'), line('22'), line(35), line('110 kV'), line(220), line('0.4')] };
    expect(voltageClassCounts(fc, { voltageProp: 'U' })).toEqual({ mv: 5, hv: 1, ehv: 1, unread: 1 });
    expect(voltageClassCounts(fc, { voltageKv: 10 })).toEqual({ mv: 8, hv: 0, ehv: 0, unread: 0 });
  });
});
