/**
 * The investor path's filters on the bundled sites and their real analysis: distance to a chosen
 * raw material or deposit over the interval (surely / possibly / not), sectors, and both in the URL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import { analyzeSites, type Layers, type SiteAnalysis } from '../../src/lib/analysis/analyze.ts';
import { filtersActive, nearOf, passesFilters } from '../../src/lib/state/filters.ts';
import { decodeUrlState, encodeUrlState, EMPTY_FILTERS, type SiteFilters } from '../../src/lib/state/url-state.ts';
import { passes } from '../../src/lib/ui/site-metrics.ts';

const layers: Layers = {};
for (const id of LAYER_IDS) {
  const p = `public/geodata/${id}.geojson`;
  if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
}
const sites = (layers['industrial-sites'] as FeatureCollection).features as Feature[];
let rows: Map<string, SiteAnalysis>;
beforeAll(() => { rows = new Map(analyzeSites(sites, layers, { radiusKm: 10, draws: 0 }).map((r) => [r.id, r])); });

const passing = (filters: SiteFilters) => sites.filter((f) => passesFilters(f, rows.get(String(f.properties!.id)), filters)).map((f) => String(f.properties!.id));

describe('distance to a chosen raw material or deposit', () => {
  it('a site whose interval straddles the threshold is "possibly" and stays listed; one surely beyond is not', () => {
    // Thạnh Thịnh (placed by commune): planted forest 8.7–45.5 km, point estimate 16.0 km
    const tt = nearOf(rows.get('ccn-thanh-thinh')!, 'crop:wood')!;
    expect(Math.round(tt.distanceM)).toBe(15965);
    expect([Math.round(tt.interval!.minM!), Math.round(tt.interval!.maxM!)]).toEqual([8671, 45545]);
    expect(passes(tt, 10_000)).toBe('possible');
    // Quảng Chu: 20.9–52.1 km, surely beyond 10 km
    expect(passes(nearOf(rows.get('ccn-quang-chu')!, 'crop:wood'), 10_000)).toBe('no');
    const f: SiteFilters = { ...EMPTY_FILTERS, near: { target: 'crop:wood', maxM: 10_000 } };
    expect(filtersActive(f)).toBe(true);
    expect(passing(f)).toEqual(['ccn-nam-bang-lung', 'ccn-thanh-thinh', 'kcn-bach-thong', 'kcn-cho-moi-3', 'kcn-cho-moi-4', 'kcn-cho-moi-5']);
    const counts = { sure: 0, possible: 0, no: 0 };
    for (const r of rows.values()) counts[passes(nearOf(r, 'crop:wood'), 10_000)]++;
    expect(counts).toEqual({ sure: 0, possible: 6, no: 7 });
  });

  it('a wide threshold makes a site surely pass; deposits are a target too', () => {
    // Cẩm Giàng: deposit 14.2–35.3 km
    expect(passes(nearOf(rows.get('ccn-cam-giang')!, 'deposit'), 36_000)).toBe('sure');
    expect(passes(nearOf(rows.get('ccn-cam-giang')!, 'deposit'), 14_000)).toBe('no');
    expect(passes(nearOf(rows.get('ccn-cam-giang')!, 'deposit'), 20_000)).toBe('possible');
    expect(passing({ ...EMPTY_FILTERS, near: { target: 'deposit', maxM: 7_000 } })).toEqual(['ccn-nam-bang-lung', 'kcn-bach-thong', 'kcn-cho-moi-3', 'kcn-cho-moi-4', 'kcn-cho-moi-5']);
  });

  it('without an analysis row the site is left out', () => {
    expect(passesFilters(sites[0], undefined, { ...EMPTY_FILTERS, near: { target: 'crop:wood', maxM: 1e9 } })).toBe(false);
  });
});

describe('sector filter', () => {
  it('keeps the sites listing any chosen sector', () => {
    expect(passing({ ...EMPTY_FILTERS, sectors: ['paper'] })).toEqual(['ccn-nam-bang-lung', 'ccn-quang-chu']);
    expect(passing({ ...EMPTY_FILTERS, sectors: ['footwear', 'wood'] })).toEqual(['ccn-huyen-tung', 'ccn-nam-bang-lung', 'kcn-thanh-binh-1']);
    // with the distance filter: paper AND planted forest possibly ≤ 10 km
    expect(passing({ ...EMPTY_FILTERS, sectors: ['paper'], near: { target: 'crop:wood', maxM: 10_000 } })).toEqual(['ccn-nam-bang-lung']);
  });
});

describe('the investor filters in the URL', () => {
  it('round-trip, and older links (without them) still decode', () => {
    const filters: SiteFilters = { ...EMPTY_FILTERS, kinds: ['cluster'], sectors: ['paper', 'wood'], near: { target: 'crop:wood', maxM: 10_000 } };
    const hash = encodeUrlState({ filters });
    expect(hash).toBe('#fk=cluster&fsec=paper%2Cwood&fn=crop%3Awood%2C10000');
    expect(decodeUrlState(hash)).toEqual({ state: { filters }, notices: [] });
    const old = decodeUrlState('#fk=park&maxMvDistanceM=3000');
    expect(old).toEqual({ state: { filters: { ...EMPTY_FILTERS, kinds: ['park'], maxMvDistanceM: 3000 } }, notices: [] });
  });

  it('drops a bad target, distance or sector with a notice and keeps the rest', () => {
    const r = decodeUrlState('#fsec=paper,steel&fn=crop:gold,5000&fk=park');
    expect(r.state.filters).toEqual({ ...EMPTY_FILTERS, kinds: ['park'], sectors: ['paper'] });
    expect(r.notices).toEqual([{ code: 'ignored', detail: 'fsec=steel' }, { code: 'ignored', detail: 'fn=crop:gold,5000' }]);
    expect(decodeUrlState('#fn=deposit,-1').notices).toEqual([{ code: 'ignored', detail: 'fn=deposit,-1' }]);
    expect(decodeUrlState('#fn=deposit,').notices).toEqual([{ code: 'ignored', detail: 'fn=deposit,' }]);
    expect(decodeUrlState('#fn=deposit,2500').state.filters!.near).toEqual({ target: 'deposit', maxM: 2500 });
  });
});
