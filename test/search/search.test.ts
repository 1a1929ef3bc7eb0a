import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normalize, search } from '../../src/lib/search/search.ts';
import type { FeatureCollection } from 'geojson';

const fc = (features: Record<string, unknown>[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: features.map((p) => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [105.8, 22.1] } })),
});

const layers = {
  'industrial-sites': fc([
    { id: 'ccn-quang-chu', name: 'Cụm công nghiệp Quảng Chu', district: 'Chợ Mới' },
    { id: 'kcn-cho-moi-3', name: 'Khu công nghiệp Chợ Mới 3', district: 'Chợ Mới' },
  ]),
  districts: fc([{ id: 'district-065', name: 'Chợ Mới' }, { id: 'district-064', name: 'Chợ Đồn' }]),
  communes: fc([{ id: 'commune-2081', name: 'Xã Đồng Lạc', district: 'Chợ Đồn' }]),
};

describe('search', () => {
  it('normalises Vietnamese diacritics and đ', () => {
    expect(normalize('Chợ Đồn — Bắc Kạn')).toBe('cho don bac kan');
    expect(normalize('  Huyền   Tụng ')).toBe('huyen tung');
  });

  it('finds "cho moi" as the district first, then sites in it', () => {
    const hits = search(buildSearchIndex(layers), 'cho moi');
    expect(hits.map((h) => h.id)).toEqual(['district-065', 'kcn-cho-moi-3']);
  });

  it('matches every word, anywhere, without diacritics', () => {
    expect(search(buildSearchIndex(layers), 'quang chu').map((h) => h.id)).toEqual(['ccn-quang-chu']);
    expect(search(buildSearchIndex(layers), 'dong lac')[0].id).toBe('commune-2081');
    expect(search(buildSearchIndex(layers), 'xyz')).toEqual([]);
    expect(search(buildSearchIndex(layers), '   ')).toEqual([]);
  });
});
