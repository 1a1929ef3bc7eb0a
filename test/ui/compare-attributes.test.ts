/** The comparison's site attributes (free area, occupancy, status, sectors, developer) on bundled sites. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeSites } from '../../src/lib/analysis/analyze.ts';
import { compareCsv, compareRows } from '../../src/lib/ui/compare.ts';
import { SITE_ATTRIBUTES } from '../../src/lib/ui/site-metrics.ts';
import { sortByName, sortByNumber } from '../../src/lib/ui/sort-rows.ts';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';

const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8'))]));
const all = layers['industrial-sites'].features as { properties: Record<string, unknown> }[];
const ids = ['kcn-thanh-binh-1', 'kcn-bach-thong', 'ccn-quang-chu'];
const sites = ids.map((id) => all.find((f) => f.properties.id === id)!);
const rows = analyzeSites(sites as never, layers, { radiusKm: 10, draws: 0 });
const props = new Map(all.map((f) => [String(f.properties.id), f.properties]));
const propsOf = (id: string) => props.get(id);

describe('site attributes in the comparison', () => {
  it('shows free ha, occupancy, status, sectors and developer, in vi and en, best free area marked', () => {
    const vi = compareRows(rows, 'vi', propsOf);
    expect(vi.slice(0, 5).map((r) => r.key)).toEqual(['freeHa', 'occupancy', 'status', 'sectors', 'developer']);
    const by = (k: string, r = vi) => r.find((x) => x.key === k)!;
    // Thanh Bình 1: 73 ha at 97 % → 2.19 ha free; Bạch Thông planned: its whole 400 ha; Quảng Chu: occupancy unknown
    expect(by('freeHa').display).toEqual(['2,2 ha', '400 ha', '—']);
    expect(by('freeHa').best).toEqual([1]);
    expect(by('occupancy').display).toEqual(['97 %', '—', '—']);
    expect(by('status').display).toEqual(['Đang hoạt động', 'Quy hoạch', 'Đã thành lập']);
    expect(by('sectors').display[2]).toBe('giấy');
    expect(by('developer').display).toEqual(['—', '—', 'Công ty CP Onsen Fuji Bắc Kạn']);
    const en = compareRows(rows, 'en', propsOf);
    expect(by('freeHa', en).label).toBe('Free area');
    expect(by('status', en).display).toEqual(['Operating', 'Planned', 'Established']);
    expect(by('sectors', en).display).toEqual(['wood', '—', 'paper']);
    expect(by('developer', en).label).toBe('Developer');
  });

  it('exports them in the comparison CSV', () => {
    const csv = compareCsv(rows, 'en', propsOf).trim().split('\n');
    expect(csv).toContain('Free area,ha,2.2,400,');
    expect(csv).toContain('Developer,,,,Công ty CP Onsen Fuji Bắc Kạn');
  });

  it('sort: free area as a number (unknown last), status by how advanced, developer by name', () => {
    const a = (k: string) => SITE_ATTRIBUTES.find((x) => x.key === k)!;
    const list = all.map((f) => f.properties);
    const free = sortByNumber(list, (p) => a('freeHa').sortValue(p) as number | null, false).map((p) => p.id);
    expect(free.slice(0, 3)).toEqual(['kcn-cho-moi-5', 'kcn-cho-moi-4', 'kcn-bach-thong']);
    expect(free.at(-1)).not.toBe('kcn-thanh-binh-1');
    const status = sortByNumber(list, (p) => a('status').sortValue(p) as number | null, true).map((p) => p.status);
    expect(status[0]).toBe('operating');
    expect(status.at(-1)).toBe('planned');
    const dev = sortByName(list.filter((p) => a('developer').sortValue(p) !== null), (p) => a('developer').sortValue(p) as string, true).map((p) => p.investor);
    expect(dev[0]).toBe('Công ty CP Khoáng sản Bắc Kạn');
  });
});
