import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { filtersActive, freeAreaHa, passesFilters } from '../../src/lib/state/filters.ts';
import type { SiteAnalysis } from '../../src/lib/analysis/analyze.ts';
import type { Feature } from 'geojson';
import { EMPTY_FILTERS } from '../../src/lib/state/url-state.ts';

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features as { properties: Record<string, unknown> }[];
const site = (id: string) => sites.find((f) => f.properties.id === id)!;

describe('free area', () => {
  it('does not count a site of unknown occupancy as all free', () => {
    const camGiang = site('ccn-cam-giang');
    expect(camGiang.properties.occupancy_pct ?? null).toBeNull();
    expect(camGiang.properties.status).toBe('established');
    expect(freeAreaHa(camGiang.properties)).toBeNull();
    expect(passesFilters(camGiang as never, undefined, { ...EMPTY_FILTERS, minFreeAreaHa: 5 })).toBe(false);
  });

  it('takes a planned site as wholly free and an occupied one by its occupancy', () => {
    expect(freeAreaHa({ area_ha: 300, status: 'planned' })).toBe(300);
    const tb = site('kcn-thanh-binh-1').properties;
    expect(freeAreaHa(tb)).toBeCloseTo((tb.area_ha as number) * (1 - (tb.occupancy_pct as number) / 100), 6);
    expect(freeAreaHa({ area_ha: 40, occupancy_pct: 140, status: 'operating' })).toBe(0);
  });
});

describe('passesFilters', () => {
  const f = (p: Record<string, unknown>): Feature => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [105.8, 22.1] } });
  const near = (mv?: number, sub?: number, road?: number) => ({ nearest: { mvLine: mv === undefined ? null : { distanceM: mv }, substation: { any: sub === undefined ? null : { distanceM: sub } }, road: road === undefined ? null : { distanceM: road } } }) as unknown as SiteAnalysis;
  const base = { district: 'cho-moi', kind: 'cluster', status: 'operating', phase: 'planned-2030', area_ha: 50, occupancy_pct: 40 };

  it('passes everything when no filter is set, and says no filter is active', () => {
    expect(filtersActive(EMPTY_FILTERS)).toBe(false);
    expect(passesFilters(f({}), undefined, EMPTY_FILTERS)).toBe(true);
    expect(passesFilters(f(base), undefined, EMPTY_FILTERS)).toBe(true);
  });

  it('applies each list filter, and a missing value fails a set list', () => {
    const cases: [Partial<typeof EMPTY_FILTERS>, keyof typeof base][] = [[{ districts: ['cho-moi'] }, 'district'], [{ kinds: ['cluster'] }, 'kind'], [{ statuses: ['operating'] }, 'status'], [{ phases: ['planned-2030'] }, 'phase']];
    expect(cases.length).toBeGreaterThan(0);
    for (const [filter, key] of cases) {
      const filters = { ...EMPTY_FILTERS, ...filter };
      expect(filtersActive(filters)).toBe(true);
      expect(passesFilters(f(base), undefined, filters), key).toBe(true);
      expect(passesFilters(f({ ...base, [key]: 'other' }), undefined, filters), key).toBe(false);
      expect(passesFilters(f({ ...base, [key]: undefined }), undefined, filters), key).toBe(false);
    }
  });

  it('applies the free area and the occupancy, excluding unknown values', () => {
    // 50 ha at 40 % occupied: 30 ha free.
    expect(passesFilters(f(base), undefined, { ...EMPTY_FILTERS, minFreeAreaHa: 30 })).toBe(true);
    expect(passesFilters(f(base), undefined, { ...EMPTY_FILTERS, minFreeAreaHa: 30.1 })).toBe(false);
    expect(passesFilters(f({ ...base, area_ha: undefined }), undefined, { ...EMPTY_FILTERS, minFreeAreaHa: 1 })).toBe(false);
    expect(passesFilters(f(base), undefined, { ...EMPTY_FILTERS, maxOccupancyPct: 40 })).toBe(true);
    expect(passesFilters(f(base), undefined, { ...EMPTY_FILTERS, maxOccupancyPct: 39 })).toBe(false);
    expect(passesFilters(f({ ...base, occupancy_pct: undefined }), undefined, { ...EMPTY_FILTERS, maxOccupancyPct: 100 })).toBe(false);
  });

  it('applies the distance filters to the analysis row; without a row or a distance, the site is out', () => {
    const cases: [Partial<typeof EMPTY_FILTERS>, SiteAnalysis, SiteAnalysis][] = [
      [{ maxMvDistanceM: 1000 }, near(1000), near(1001)],
      [{ maxSubstationDistanceM: 5000 }, near(undefined, 4999), near(undefined, 5001)],
      [{ maxRoadDistanceM: 200 }, near(undefined, undefined, 0), near(undefined, undefined, 201)],
    ];
    for (const [filter, inside, outside] of cases) {
      const filters = { ...EMPTY_FILTERS, ...filter };
      expect(filtersActive(filters)).toBe(true);
      expect(passesFilters(f(base), inside, filters)).toBe(true);
      expect(passesFilters(f(base), outside, filters)).toBe(false);
      expect(passesFilters(f(base), undefined, filters)).toBe(false);
      expect(passesFilters(f(base), near(), filters)).toBe(false);
    }
  });
});
