import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { freeAreaHa, passesFilters } from '../../src/lib/state/filters.ts';
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
