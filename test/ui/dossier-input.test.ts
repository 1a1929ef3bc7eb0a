/** The dossier's content built from a real site and its analysis row: the path from the analysis to the PDF, below the browser. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { dossierInput, dossierLegend } from '../../src/lib/ui/dossier-input.ts';
import { analyzeSites } from '../../src/lib/analysis/analyze.ts';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import { DISTANCE_METRICS } from '../../src/lib/ui/site-metrics.ts';
import * as palette from '../../src/lib/map/palette.ts';

const layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8'))])) as Record<string, FeatureCollection>;
const sites = layers['industrial-sites'].features;
const rows = analyzeSites(sites, layers, { radiusKm: 10 });
const feature = sites.find((f) => f.properties?.id === 'ccn-quang-chu')!;
const analysis = rows.find((r) => r.id === 'ccn-quang-chu')!;
const ctx = { feature, analysis, dataAsOf: '2025-10', shareUrl: 'https://example.org/#s=industrial-sites:ccn-quang-chu', generatedAt: '2026-12-01T00:00:00Z', zones: layers['material-zones'] };

describe('dossierInput', () => {
  it('titles, facts and sources of the site, in Vietnamese', () => {
    expect(feature).toBeDefined();
    const d = dossierInput({ ...ctx, lang: 'vi' });
    expect(d.title).toBe('CCN Quảng Chu');
    expect(d.subtitle).toBe('Cụm công nghiệp · Đã thành lập · Chợ Mới');
    expect(d.facts.find((f) => f.label === 'Diện tích')?.value).toBe('74,4 ha');
    // Kind and status are in the subtitle, not repeated among the facts.
    expect(d.facts.map((f) => f.value)).not.toContain('Cụm công nghiệp');
    expect(d.facts.map((f) => f.value)).not.toContain('Đã thành lập');
    expect(d.sources.length).toBeGreaterThan(0);
    expect(d.sources.length).toBe(new Set(feature.properties!.sources as string[]).size);
    for (const s of d.sources) expect(s.url === undefined || /^https?:\/\//.test(s.url)).toBe(true);
    expect(d.shareUrl).toBe(ctx.shareUrl);
    expect(d.dataAsOf).toBe('2025-10');
  });

  it('one distance per metric the analysis found, with its method; the score breakdown without excluded criteria', () => {
    const d = dossierInput({ ...ctx, lang: 'en' });
    const found = DISTANCE_METRICS.filter((m) => m.near!(analysis));
    expect(found.length).toBeGreaterThan(5);
    const straight = d.distances.filter((x) => x.method !== 'road-network');
    expect(straight.length).toBe(found.length);
    const mv = analysis.nearest.mvLine!;
    const mvRow = straight.find((x) => x.value.endsWith(` — ${mv.name ?? mv.id}`))!;
    expect(mvRow).toBeDefined();
    expect(mvRow.value).toMatch(/^(≈ )?\d[\d.,]*(–[\d.,]+)? k?m/);
    for (const x of straight) expect(['inside', 'straight-line-edge']).toContain(x.method);
    expect(straight.filter((x) => x.method === 'inside').length).toBe(found.filter((m) => m.near!(analysis)!.distanceM === 0).length);
    expect(d.score!.total).toBe(analysis.suitability.score);
    expect(d.score!.breakdown.length).toBeGreaterThan(0);
    expect(d.score!.breakdown.length).toBe(analysis.suitability.breakdown.filter((b) => !b.excluded).length);
    const pop = d.catchment!.find((r) => r.label.startsWith('Population'));
    expect(pop?.value).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(analysis.catchment!.population!.value));
  });

  it('without an analysis: facts only, no distances, catchment or score', () => {
    const d = dossierInput({ ...ctx, analysis: undefined, lang: 'en' });
    expect(d.facts.length).toBeGreaterThan(0);
    expect(d.distances).toEqual([]);
    expect(d.catchment).toEqual([]);
    expect(d.score).toBeUndefined();
  });

  it('the legend is the map palette, in the UI language', () => {
    const en = dossierLegend('en');
    const vi = dossierLegend('vi');
    expect(en.length).toBeGreaterThan(3);
    expect(en.map((x) => x.color)).toEqual(vi.map((x) => x.color));
    const colours = new Set(JSON.stringify(palette).match(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)/g));
    for (const x of en) expect(colours.has(x.color), x.color).toBe(true);
    expect(en.map((x) => x.label)).not.toEqual(vi.map((x) => x.label));
  });
});
