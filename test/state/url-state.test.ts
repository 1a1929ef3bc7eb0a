import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, type UrlState } from '../../src/lib/state/url-state.ts';

describe('URL state', () => {
  const full: UrlState = {
    view: { lon: 105.81234, lat: 22.14567, zoom: 10.25 },
    lang: 'en',
    mode: 'investor',
    basemap: 'osm',
    visible: ['region', 'industrial-sites', 'power-lines'],
    selected: { layer: 'industrial-sites', id: 'ccn-quang-chu' },
    filters: { districts: ['Chợ Mới', 'Bạch Thông'], kinds: ['cluster'], statuses: ['operating'], phases: ['existing', 'planned-2030'], maxMvDistanceM: 5000, minFreeAreaHa: 10 },
    weights: { mv: 3, substation: 1.5 },
  };

  it('round-trips every part exactly', () => {
    const hash = encodeUrlState(full);
    expect(hash.startsWith('#')).toBe(true);
    const { state, notices } = decodeUrlState(hash);
    expect(notices).toEqual([]);
    expect(state).toEqual(full);
  });

  it('drops invalid or outdated values with a notice and keeps the rest', () => {
    const { state, notices } = decodeUrlState('#v=200,22,9&lang=fr&l=region,old-layer&s=nowhere:x&fk=cluster,castle&maxMvDistanceM=-3&w=mv:2,bogus:x&zz=1&mode=planner', { criteria: ['mv'] });
    expect(state).toEqual({
      mode: 'planner',
      visible: ['region'],
      filters: { districts: [], kinds: ['cluster'], statuses: [], phases: [] },
      weights: { mv: 2 },
    });
    expect(notices).toEqual([
      { code: 'ignored', detail: 'zz=1' },
      { code: 'ignored', detail: 'v=200,22,9' },
      { code: 'ignored', detail: 'lang=fr' },
      { code: 'ignored', detail: 'l=old-layer' },
      { code: 'ignored', detail: 's=nowhere:x' },
      { code: 'ignored', detail: 'fk=castle' },
      { code: 'ignored', detail: 'maxMvDistanceM=-3' },
      { code: 'ignored', detail: 'w=bogus:x' },
    ]);
  });

  it('decodes an empty hash to an empty state', () => {
    expect(decodeUrlState('')).toEqual({ state: {}, notices: [] });
    expect(encodeUrlState({})).toBe('');
  });
});
