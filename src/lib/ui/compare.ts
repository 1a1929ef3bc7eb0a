/**
 * Side-by-side comparison of 2–4 sites: one row per criterion, the best value marked (lowest
 * distance, highest score, population or area). Pure; the CSV is RFC 4180 with the units in the
 * header.
 */
import type { SiteAnalysis } from '../analysis/analyze.ts';
import { csvField } from '../csv.ts';
import type { Lang } from '../i18n/index.ts';
import { COMPARE_METRICS, displayMetric, metricLabel, metricUnit } from './site-metrics.ts';

export interface CompareRow { key: string; label: string; unit: string; values: (number | null)[]; display: string[]; best: number[] }

/** Rows of the comparison; `best` lists the column indexes holding the best value (ties all marked). */
export function compareRows(sites: SiteAnalysis[], lang: Lang): CompareRow[] {
  return COMPARE_METRICS.map((c) => {
    const values = sites.map((s) => { const v = c.get(s); return v === null || !Number.isFinite(v) ? null : v; });
    const present = values.filter((v): v is number => v !== null);
    const target = present.length ? (c.better === 'low' ? Math.min(...present) : Math.max(...present)) : null;
    const best = present.length > 1 ? values.flatMap((v, i) => (v !== null && v === target ? [i] : [])) : [];
    // distances with their interval and why, the score with its range over the draws
    const display = sites.map((s) => displayMetric(lang, c, s));
    return { key: c.key, label: metricLabel(lang, c.key), unit: metricUnit(lang, c), values, display, best };
  });
}

/** CSV of the comparison: criterion, unit, then one column per site (raw numbers, metres). */
export function compareCsv(sites: SiteAnalysis[], lang: Lang): string {
  const head = ['criterion', 'unit', ...sites.map((s) => s.name ?? s.id)].map(csvField).join(',');
  const lines = compareRows(sites, lang).map((r) => [r.label, r.unit, ...r.values.map((v) => (v === null ? '' : Math.round(v * 10) / 10))].map(csvField).join(','));
  return [head, ...lines].join('\n') + '\n';
}
