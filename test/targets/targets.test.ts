import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FIGURES, TARGETS, CLUSTERS, STATUSES, TARGETS_STRINGS, MEASURE_NAMES, MEASURE_SHORT, RESOLUTION_SOURCE, SHARE_ESTIMATE_INPUTS,
  assessAll, assessTarget, classifyCluster, estimateIndustryShare2024, formatPercent, requiredAverageForRest,
  shareChartModel, growthChartModel,
  type Figure, type Target, type TargetId, type Text, type ClusterRecord,
} from '../../src/lib/targets/index.ts';

const target = (id: TargetId): Target => TARGETS.find((t) => t.id === id)!;
const figure = (id: string): Figure => FIGURES.find((f) => f.id === id)!;
const assess = (id: TargetId) => assessAll().find((a) => a.target.id === id)!;
const en = (ts: Text[]) => ts.map((t) => t.en).join(' ');
const fig = (over: Partial<Figure> & Pick<Figure, 'measure' | 'year' | 'value'>): Figure => ({
  id: `test-${over.measure}-${over.year}-${over.value}`, basis: 'reported', period: { vi: String(over.year), en: String(over.year) },
  fullYear: true, decimals: 2, sources: [{ url: 'https://example.org/x', publisher: 'test' }], ...over,
});

describe('figures', () => {
  it('has the 2024 industry + construction share as 17.70, flagged as the combined measure', () => {
    const f = figure('ic-share-2024');
    expect(f.value).toBe(17.7);
    expect(f.decimals).toBe(2);
    expect(f.measure).toBe('ic-share');
    expect(f.basis).toBe('reported');
    expect(MEASURE_NAMES['ic-share'].en).toMatch(/industry \+ construction \(combined\)/i);
    expect(MEASURE_NAMES['ic-share'].vi).toMatch(/công nghiệp \+ xây dựng \(gộp\)/);
    expect(formatPercent('vi', f.value, f.decimals)).toBe('17,70\u00a0%');
  });

  it('has the industry + construction share series 2021–2024 as published', () => {
    const series = FIGURES.filter((f) => f.measure === 'ic-share').map((f) => [f.year, f.value]);
    expect(series).toEqual([[2021, 15.71], [2022, 16.04], [2023, 16.37], [2024, 17.7]]);
  });

  it('marks the derived industry-alone share (≈6.8 %) as an estimate, computed from its inputs', () => {
    const f = figure('industry-share-2024-estimate');
    expect(f.basis).toBe('estimate');
    expect(f.measure).toBe('industry-share');
    expect(f.value).toBeCloseTo(642 / (8840 * 1.0635) * 100, 10);
    expect(f.value).toBeCloseTo(6.83, 2);
    expect(estimateIndustryShare2024({ ...SHARE_ESTIMATE_INPUTS, industryVaBnVnd2024: 0 })).toBe(0);
    expect(f.note?.en).toMatch(/not an official figure/);
    // The only estimate in the data set.
    expect(FIGURES.filter((g) => g.basis === 'estimate').map((g) => g.id)).toEqual(['industry-share-2024-estimate']);
  });

  it('has the 2024 growth figures with their measures: gross output 13.38, value added 11.03, IIP 11.73', () => {
    expect(figure('output-growth-2024')).toMatchObject({ measure: 'industry-output-growth', year: 2024, value: 13.38 });
    expect(figure('industry-va-growth-2024')).toMatchObject({ measure: 'industry-va-growth', year: 2024, value: 11.03 });
    expect(figure('iip-growth-2024')).toMatchObject({ measure: 'industry-iip-growth', year: 2024, value: 11.73 });
    expect(figure('output-growth-2025-q1')).toMatchObject({ value: 28.12, fullYear: false });
  });

  it('gives every figure, cluster record and the resolution at least one https source that parses', () => {
    const all = [...FIGURES.map((f) => f.sources), ...CLUSTERS.map((c) => c.sources), [RESOLUTION_SOURCE]];
    for (const sources of all) {
      expect(sources.length).toBeGreaterThan(0);
      expect(sources.some((s) => s.url.startsWith('https://'))).toBe(true);
      for (const s of sources) {
        expect(() => new URL(s.url)).not.toThrow();
        expect(s.publisher.length).toBeGreaterThan(0);
        if (s.date) expect(s.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
  });

  it('gives every figure a year and a finite value', () => {
    for (const f of FIGURES) {
      expect(Number.isInteger(f.year)).toBe(true);
      expect(f.year).toBeGreaterThanOrEqual(2016);
      expect(Number.isFinite(f.value)).toBe(true);
    }
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length);
  });

  it('is frozen, so a consumer cannot change the record', () => {
    expect(() => { (figure('ic-share-2024') as { value: number }).value = 99; }).toThrow(TypeError);
    expect(() => { (CLUSTERS[0].sources as Figure['sources'] as unknown as unknown[]).push('x'); }).toThrow(TypeError);
  });
});

describe('the growth target (> 13 %/yr industrial GRDP, 2021–2025)', () => {
  it('is unknown: only 2024 has the right measure, and it is below 13 %', () => {
    const a = assess('industry-growth-2025');
    expect(a.status).toBe('unknown');
    const text = en(a.reasons);
    expect(text).toContain('1 of 5 years (2024: 11.03%)');
    expect(text).toContain('2024 is below 13%');
    expect(text).toContain('about 13.5% a year');
  });

  it('says the 13.38 % of 2024 exceeds 13 % but is gross output, not GRDP', () => {
    const text = en(assess('industry-growth-2025').reasons);
    expect(text).toMatch(/gross output rose 13\.38% in 2024, above 13% — but that is gross output, not GRDP/);
    expect(text).toContain('Another source puts 2024 at only about 8%');
  });

  it('never becomes met on gross output alone', () => {
    const onlyOutput = [2021, 2022, 2023, 2024, 2025].map((year) => fig({ measure: 'industry-output-growth', year, value: 20 }));
    expect(assessTarget(target('industry-growth-2025'), onlyOutput).status).toBe('unknown');
  });

  it('never becomes met on industry + construction growth, and describes it truthfully', () => {
    const ic = [2021, 2022, 2023, 2024, 2025].map((year) => fig({ measure: 'ic-va-growth', year, value: year === 2023 ? 14 : 9 }));
    const a = assessTarget(target('industry-growth-2025'), ic);
    expect(a.status).toBe('unknown');
    expect(en(a.reasons)).toContain('above 13% in some years, but that is the combined measure');
    expect(en(assess('industry-growth-2025').reasons)).toContain('7.32%, 6.61%, 9.16%, 9.60% (2021–2024), at most 9.60% — all below 13%');
  });

  it('is met or not met once all five years of value added are known (compound average)', () => {
    const years = [2021, 2022, 2023, 2024, 2025];
    expect(assessTarget(target('industry-growth-2025'), years.map((year) => fig({ measure: 'industry-va-growth', year, value: 14 }))).status).toBe('met');
    expect(assessTarget(target('industry-growth-2025'), years.map((year) => fig({ measure: 'industry-va-growth', year, value: 12 }))).status).toBe('not-met');
    // Exactly 13 % is not "more than 13 %".
    expect(assessTarget(target('industry-growth-2025'), years.map((year) => fig({ measure: 'industry-va-growth', year, value: 13 }))).status).toBe('not-met');
  });

  it('is on track while the period runs and every known year is above 13 %', () => {
    const f = [fig({ measure: 'industry-va-growth', year: 2021, value: 14 })];
    expect(assessTarget(target('industry-growth-2025'), f, CLUSTERS, 2022).status).toBe('on-track');
    expect(assessTarget(target('industry-growth-2025'), f, CLUSTERS, 2026).status).toBe('unknown');
  });

  it('computes the growth the remaining years need', () => {
    expect(requiredAverageForRest(13, 5, [11.03])).toBeCloseTo(13.497, 2);
    expect(requiredAverageForRest(10, 2, [10])).toBeCloseTo(10, 10);
    expect(requiredAverageForRest(13, 1, [5])).toBeNull();
  });
});

describe('the share targets (8–10 % by 2025, > 15 % by 2030)', () => {
  it('2025 is unknown: no official industry-alone share; the combined 17.70 % does not count; the estimate does not decide', () => {
    const a = assess('industry-share-2025');
    expect(a.status).toBe('unknown');
    expect(a.inferred).toBe(false);
    const text = en(a.reasons);
    expect(text).toContain('No official share of industry alone');
    expect(text).toContain('17.70% in 2024');
    expect(text).toContain('includes construction');
    expect(text).toMatch(/about 6\.8%, which is below the target \(8–10%\)\. It is an estimate/);
  });

  it('uses the combined share only as an upper bound: below the target it proves a miss, above it proves nothing', () => {
    const t = target('industry-share-2025');
    expect(assessTarget(t, [fig({ measure: 'ic-share', year: 2025, value: 7.5 })])).toMatchObject({ status: 'not-met', inferred: true });
    expect(assessTarget(t, [fig({ measure: 'ic-share', year: 2025, value: 30 })]).status).toBe('unknown');
  });

  it('never lets an estimate decide', () => {
    const t = target('industry-share-2025');
    expect(assessTarget(t, [fig({ measure: 'industry-share', year: 2025, value: 9, basis: 'estimate' })]).status).toBe('unknown');
  });

  it('judges an official industry-alone share in the target year; above the band is still met', () => {
    const t = target('industry-share-2025');
    expect(assessTarget(t, [fig({ measure: 'industry-share', year: 2025, value: 8 })]).status).toBe('met');
    expect(assessTarget(t, [fig({ measure: 'industry-share', year: 2025, value: 11 })]).status).toBe('met');
    expect(assessTarget(t, [fig({ measure: 'industry-share', year: 2025, value: 7.9 })]).status).toBe('not-met');
  });

  it('2030 is unknown and says the province no longer exists as such', () => {
    const a = assess('industry-share-2030');
    expect(a.status).toBe('unknown');
    expect(en(a.reasons)).toContain('Since 1 July 2025 Bắc Kạn has been part of Thái Nguyên province');
  });
});

describe('the budget revenue target', () => {
  it('is unknown with "no figure found"', () => {
    const a = assess('industry-revenue-2025');
    expect(a.status).toBe('unknown');
    expect(a.figures).toEqual([]);
    expect(en(a.reasons)).toContain('No figure found');
    expect(a.reasons[0].vi).toContain('Không tìm thấy số liệu');
  });
});

describe('the cluster target (≥ 4 clusters finished, each > 60 % occupied)', () => {
  it('counts exactly one cluster, Huyền Tụng at 100 %', () => {
    const counting = CLUSTERS.filter((c) => classifyCluster(c) === 'counts');
    expect(counting.map((c) => [c.name, c.occupancyPct])).toEqual([['CCN Huyền Tụng', 100]]);
  });

  it('classifies the others with a reason: under construction, no occupancy figure, or a park', () => {
    const standing = Object.fromEntries(CLUSTERS.map((c) => [c.name, classifyCluster(c)]));
    expect(standing).toEqual({
      'CCN Huyền Tụng': 'counts',
      'CCN Quảng Chu': 'unclear',
      'CCN Cẩm Giàng': 'does-not-count',
      'CCN Thanh Thịnh': 'does-not-count',
      'CCN Vằng Mười': 'does-not-count',
      'CCN Nam Bằng Lũng': 'does-not-count',
      'CCN Chu Hương': 'unclear',
      'KCN Thanh Bình (giai đoạn I)': 'does-not-count',
    });
    expect(CLUSTERS.find((c) => c.name === 'CCN Quảng Chu')!.evidence.en).toContain('first tenant');
    expect(CLUSTERS.find((c) => c.name === 'KCN Thanh Bình (giai đoạn I)')!.evidence.en).toContain('not a cluster');
  });

  it('does not call KCN Thanh Bình phase I finished: money was allocated in 2021–2023 to finish it, no completion reported', () => {
    const tb = CLUSTERS.find((c) => c.name === 'KCN Thanh Bình (giai đoạn I)')!;
    expect(tb.infrastructure).toBe('in-progress');
    expect(tb.evidence.en).toContain('58 bn VND');
    expect(tb.evidence.vi).toContain('58 tỷ đồng');
  });

  it('names every site exactly as the data package does, so onSelectSite(name) can be mapped to a feature', () => {
    const sites = JSON.parse(readFileSync(new URL('../../public/geodata/industrial-sites.geojson', import.meta.url), 'utf8')) as {
      features: { properties: { name: string; kind: string } }[];
    };
    const byName = new Map(sites.features.map((f) => [f.properties.name, f.properties.kind]));
    for (const c of CLUSTERS) expect(byName.get(c.name), c.name).toBe(c.kind);
  });

  it('is "not met", marked as inferred, with the reason', () => {
    const a = assess('clusters-2025');
    expect(a.status).toBe('not-met');
    expect(a.inferred).toBe(true);
    const text = en(a.reasons);
    expect(text).toContain('1 cluster is reported with finished infrastructure and over 60% occupancy (CCN Huyền Tụng); the target is at least 4');
    expect(text).toContain('gives only 3');
    expect(text).toContain('not from an official evaluation');
  });

  it('would be met with four qualifying clusters, and never counts occupancy of exactly 60 %', () => {
    const c = (name: string, occupancyPct: number): ClusterRecord => ({ ...CLUSTERS[0], name, occupancyPct });
    const four = ['A', 'B', 'C', 'D'].map((n) => c(n, 61));
    expect(assessTarget(target('clusters-2025'), FIGURES, four).status).toBe('met');
    expect(classifyCluster(c('E', 60))).toBe('does-not-count');
  });
});

describe('strings', () => {
  const texts: Text[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if ('vi' in v && 'en' in v && Object.keys(v).length === 2) texts.push(v as Text);
      else Object.values(v).forEach(walk);
    }
  };
  walk([FIGURES, TARGETS, CLUSTERS, MEASURE_NAMES, MEASURE_SHORT, assessAll().map((a) => a.reasons)]);

  it('has every data string in both languages', () => {
    expect(texts.length).toBeGreaterThan(60);
    for (const t of texts) {
      expect(t.vi.trim().length, JSON.stringify(t)).toBeGreaterThan(0);
      expect(t.en.trim().length, JSON.stringify(t)).toBeGreaterThan(0);
      expect(t.en).not.toMatch(/\[object|undefined|NaN/);
      expect(t.vi).not.toMatch(/\[object|undefined|NaN/);
    }
  });

  it('has the same non-empty keys in the vi and en panel dictionaries', () => {
    expect(Object.keys(TARGETS_STRINGS.en).sort()).toEqual(Object.keys(TARGETS_STRINGS.vi).sort());
    for (const lang of ['vi', 'en'] as const) for (const v of Object.values(TARGETS_STRINGS[lang])) expect(v.trim()).not.toBe('');
    for (const s of STATUSES) for (const lang of ['vi', 'en'] as const) expect(Object.keys(TARGETS_STRINGS[lang])).toContain(`status.${s}`);
  });

  it('formats percentages per language (vi 13,38 %; en 13.38%)', () => {
    expect(formatPercent('vi', 13.38)).toBe('13,38\u00a0%');
    expect(formatPercent('en', 13.38)).toBe('13.38%');
    expect(formatPercent('en', 6.8288, 1)).toBe('6.8%');
  });
});

describe('chart models', () => {
  it('draws the 4 combined-share bars and the estimate on one scale', () => {
    const m = shareChartModel(FIGURES, 300, 160, 20);
    expect(m.bars.map((b) => b.figure.id)).toEqual(['ic-share-2021', 'ic-share-2022', 'ic-share-2023', 'ic-share-2024', 'industry-share-2024-estimate']);
    expect(m.bars[3].height).toBeCloseTo(160 * 17.7 / 20, 10);
    expect(m.y(15)).toBeCloseTo(40, 10);
    expect(m.bars.every((b) => b.y + b.height === 160)).toBe(true);
  });

  it('draws every growth figure from 2021 on, right measure first, capped at the scale', () => {
    const m = growthChartModel(FIGURES, 220, 22, 30);
    expect(m.bars[0].figure.id).toBe('industry-va-growth-2024');
    expect(m.bars.some((b) => b.figure.id === 'output-growth-2016-2020')).toBe(false);
    expect(m.bars.find((b) => b.figure.id === 'output-growth-2024')!.width).toBeCloseTo(220 * 13.38 / 30, 10);
    expect(m.x(45)).toBe(220);
    expect(m.height).toBe(m.bars.length * 22);
  });
});
