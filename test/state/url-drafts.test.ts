import { describe, expect, it } from 'vitest';
import { decodeDraft, encodeDraft, encodeDrafts, URL_DRAFTS_MAX_CHARS } from '../../src/lib/state/url-drafts.ts';
import { decodeUrlState, encodeUrlState } from '../../src/lib/state/url-state.ts';
import type { Draft } from '../../src/lib/map/draw-types.ts';

const id1 = '5f2f9d07-1c2b-4d3e-8f40-123456789abc';
const id2 = '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
const point: Draft = { type: 'Feature', geometry: { type: 'Point', coordinates: [105.8412345678, 22.1498765] }, properties: { id: id1, mode: 'point' } };
const area: Draft = {
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[105.7, 22.0], [105.72, 22.0], [105.72, 22.02], [105.7, 22.02], [105.7, 22.0]]] },
  properties: { id: id2, mode: 'polygon' },
};

describe('drafts in the URL', () => {
  it('round-trips a point and a polygon with a Vietnamese name through the hash, coordinates to 5 decimals', () => {
    const hash = encodeUrlState({ lang: 'vi', selected: { layer: 'drafts', id: id1 }, drafts: encodeDrafts([point, area], { [id1]: 'Nhà máy chế biến gỗ | Nông Hạ; 1,2' }).values });
    const { state, notices } = decodeUrlState(hash);
    expect(notices).toEqual([]);
    expect(state.selected).toEqual({ layer: 'drafts', id: id1 });
    expect(state.drafts).toHaveLength(2);
    expect(state.drafts![0].name).toBe('Nhà máy chế biến gỗ | Nông Hạ; 1,2');
    expect(state.drafts![0].draft.geometry).toEqual({ type: 'Point', coordinates: [105.84123, 22.14988] });
    expect(state.drafts![1].name).toBeUndefined();
    expect(state.drafts![1].draft).toEqual(area);
  });

  it('is compact: a four-vertex area takes under 120 characters', () => {
    expect(encodeDraft(area).length).toBeLessThan(120);
  });

  it('keeps only the selected draft when all of them would make the link too long', () => {
    const many: Draft[] = Array.from({ length: 15 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[...Array.from({ length: 40 }, (_v, k) => [105 + k / 1000 + i / 7, 22 + Math.sin(k) / 100]), [105 + i / 7, 22]]] },
      properties: { id: `${id2.slice(0, -2)}${String(i).padStart(2, '0')}`, mode: 'polygon' },
    }));
    expect(many.map((d) => encodeDraft(d)).join('').length).toBeGreaterThan(URL_DRAFTS_MAX_CHARS);
    const all = encodeDrafts(many, {});
    expect(all.values).toEqual([]);
    expect(all.omitted).toBe(15);
    expect(encodeDrafts(many.slice(0, 2), {}).values).toHaveLength(2);
    const one = encodeDrafts(many, {}, many[3].properties.id);
    expect(one.values).toHaveLength(1);
    expect(one.omitted).toBe(14);
    expect(decodeDraft(one.values[0]).draft.properties.id).toBe(many[3].properties.id);
  });

  it('reports a malformed draft and keeps the rest of the link', () => {
    for (const bad of [`${id1}||200,22`, `not-an-id||105,22`, `${id1}||105,22;105.1,22`, `${id1}|%E0%A4%A|105,22`, `${id1}||105,x`]) {
      const { state, notices } = decodeUrlState(`#lang=en&d=${encodeURIComponent(bad)}`);
      expect(state.lang).toBe('en');
      expect(state.drafts).toBeUndefined();
      expect(notices).toHaveLength(1);
      expect(notices[0].code).toBe('ignored');
      expect(notices[0].detail).toMatch(/^d=/);
    }
  });
});
