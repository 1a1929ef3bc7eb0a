/** The free area in an industrial site's card, from the freeHa site attribute, on bundled sites. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cardRows } from '../../src/lib/ui/feature-fields.ts';
import { withFreeArea } from '../../src/lib/ui/site-card-rows.ts';

const all = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features as { properties: Record<string, unknown> }[];
const props = (id: string) => all.find((f) => f.properties.id === id)!.properties;
const rowsOf = (lang: 'vi' | 'en', id: string) => withFreeArea(lang, cardRows(lang, props(id)), props(id));

describe('free area in the site card', () => {
  it('Thanh Bình 1 (73 ha, 97 % occupied): 2,2 ha free, right after the occupancy', () => {
    const vi = rowsOf('vi', 'kcn-thanh-binh-1');
    const i = vi.findIndex((r) => r.key === 'free_ha');
    expect(vi[i]).toEqual({ key: 'free_ha', label: 'Diện tích còn trống', value: '2,2 ha' });
    expect(vi[i - 1].key).toBe('occupancy_pct');
    expect(rowsOf('en', 'kcn-thanh-binh-1').find((r) => r.key === 'free_ha')).toEqual({ key: 'free_ha', label: 'Free area', value: '2.2 ha' });
  });

  it('a planned park (occupancy unknown): its whole area, after the area', () => {
    const en = rowsOf('en', 'kcn-bach-thong');
    const i = en.findIndex((r) => r.key === 'free_ha');
    expect(en[i].value).toBe('400 ha');
    expect(en[i - 1].key).toBe('area_ha');
  });

  it('an established cluster with unknown occupancy: no free-area row', () => {
    const rows = rowsOf('vi', 'ccn-quang-chu');
    expect(rows.some((r) => r.key === 'free_ha')).toBe(false);
    expect(rows).toEqual(cardRows('vi', props('ccn-quang-chu')));
  });
});
