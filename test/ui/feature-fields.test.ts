import { describe, expect, it } from 'vitest';
import { cardRows, safeUrl } from '../../src/lib/ui/feature-fields.ts';

describe('feature card rows', () => {
  it('formats values with units in each language and translates enumerations', () => {
    const p = { kind: 'cluster', status: 'established', area_ha: 74.4, occupancy_pct: 100, investment_bn_vnd: 541.75, length_m_stated: 70100, sectors: ['paper', 'wood'] };
    expect(cardRows('vi', p).map((r) => [r.key, r.value])).toEqual([
      ['kind', 'Cụm công nghiệp'], ['status', 'Đã thành lập'], ['area_ha', '74,4 ha'], ['occupancy_pct', '100 %'],
      ['investment_bn_vnd', '541,75 tỷ đồng'], ['length_m_stated', '70,1 km'], ['sectors', 'giấy, gỗ'],
    ]);
    expect(cardRows('en', p).map((r) => r.value)).toEqual(['Industrial cluster', 'Established', '74.4 ha', '100 %', '541.75 bn VND', '70.1 km', 'paper, wood']);
  });

  it('marks the data’s own English text, and translates kinds of every layer', () => {
    const rows = cardRows('vi', { kind: 'smelter', status: 'idle (stopped Nov 2024)', road_class: 'national' });
    expect(rows).toEqual([
      { key: 'kind', label: 'Loại', value: 'Nhà máy luyện' },
      { key: 'status', label: 'Tình trạng', value: 'idle (stopped Nov 2024)', lang: 'en' },
      { key: 'road_class', label: 'Cấp đường', value: 'Quốc lộ' },
    ]);
  });

  it('shows the sources\u2019 commune, its 2020–2025 unit and its 2025 unit, each with its level in the label', () => {
    const p = { district: 'Chợ Mới', commune: 'Thanh Bình', commune_2020: 'Thanh Thịnh', commune_2025: 'Thanh Thịnh' };
    expect(cardRows('vi', p).map((r) => [r.label, r.value])).toEqual([
      ['Huyện, thành phố (theo quy hoạch 2021–2030)', 'Chợ Mới'], ['Xã, phường, thị trấn (theo nguồn)', 'Thanh Bình'],
      ['Đơn vị cấp xã 2020 – 6/2025', 'Thanh Thịnh'], ['Đơn vị cấp xã từ 1/7/2025', 'Thanh Thịnh'],
    ]);
    expect(cardRows('en', p).map((r) => r.label)).toEqual([
      'District or city (2021–2030 plan)', 'Commune, ward or town (as in the sources)', 'Commune-level unit 2020 – June 2025', 'Commune-level unit since 1 July 2025',
    ]);
  });

  it('links only http(s) sources; property text is never markup', () => {
    expect(safeUrl('https://backan.gov.vn/x')).toBe('https://backan.gov.vn/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('Quyết định 1288/QĐ-TTg')).toBeNull();
    expect(cardRows('vi', { investor: '<img src=x onerror=alert(1)>' })[0].value).toBe('<img src=x onerror=alert(1)>');
  });
});
