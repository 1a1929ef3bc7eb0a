/**
 * Side-by-side comparison of 2–4 sites: one row per criterion, the best value marked (lowest
 * distance, highest score, population or area). Pure; the CSV is RFC 4180 with the units in the
 * header.
 */
import type { SiteRow } from '../analysis/site-row.ts';
import { csvField } from '../csv.ts';
import type { Lang } from '../i18n/index.ts';
import { COMPARE_METRICS, SITE_ATTRIBUTES, attributeLabel, displayMetric, metricLabel, metricUnit } from './site-metrics.ts';

export interface CompareRow { key: string; label: string; unit: string; values: (number | string | null)[]; display: string[]; best: number[] }

/** A site's own properties by id (free area, occupancy, status, sectors, developer come from there). */
export type PropsOf = (id: string) => Record<string, unknown> | undefined;

/** Indexes of the best numeric value (ties all marked), none when fewer than two are known. */
function bestOf(values: (number | string | null)[], better: 'low' | 'high' | undefined): number[] {
  if (!better) return [];
  const present = values.filter((v): v is number => typeof v === 'number');
  if (present.length < 2) return [];
  const target = better === 'low' ? Math.min(...present) : Math.max(...present);
  return values.flatMap((v, i) => (v === target ? [i] : []));
}

/**
 * Rows of the comparison: the site attributes first (with `propsOf`), then the metrics; `best`
 * lists the column indexes holding the best value (ties all marked).
 */
export function compareRows(sites: readonly SiteRow[], lang: Lang, propsOf?: PropsOf): CompareRow[] {
  const attrs: CompareRow[] = propsOf
    ? SITE_ATTRIBUTES.map((at) => {
        const ps = sites.map((s) => propsOf(s.id) ?? {});
        const values = ps.map((p) => at.csv(p)).map((v) => (v === '' ? null : v));
        return { key: at.key, label: attributeLabel(lang, at), unit: at.unit, values, display: ps.map((p) => at.display(lang, p)), best: bestOf(values, at.better) };
      })
    : [];
  return [...attrs, ...COMPARE_METRICS.map((c) => {
    const values = sites.map((s) => { const v = c.get(s); return v === null || !Number.isFinite(v) ? null : v; });
    const present = values.filter((v): v is number => v !== null);
    const target = present.length ? (c.better === 'low' ? Math.min(...present) : Math.max(...present)) : null;
    const best = present.length > 1 ? values.flatMap((v, i) => (v !== null && v === target ? [i] : [])) : [];
    // distances with their interval and why, the score with its range over the draws
    const display = sites.map((s) => displayMetric(lang, c, s));
    return { key: c.key, label: metricLabel(lang, c.key), unit: metricUnit(lang, c), values, display, best };
  })];
}

/** CSV of the comparison: criterion, unit, then one column per site (raw numbers, metres; text as given). */
export function compareCsv(sites: readonly SiteRow[], lang: Lang, propsOf?: PropsOf): string {
  const head = ['criterion', 'unit', ...sites.map((s) => s.name ?? s.id)].map(csvField).join(',');
  const lines = compareRows(sites, lang, propsOf).map((r) => [r.label, r.unit, ...r.values.map((v) => (v === null ? '' : typeof v === 'number' ? Math.round(v * 10) / 10 : v))].map(csvField).join(','));
  return [head, ...lines].join('\n') + '\n';
}
