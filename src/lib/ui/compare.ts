/**
 * Side-by-side comparison of 2–4 sites: one row per criterion, the best value marked (lowest
 * distance, highest score, population or area). Pure; the CSV is RFC 4180 with the units in the
 * header.
 */
import type { SiteAnalysis } from '../geo/analyze.ts';
import { CROPS } from '../data/schema.ts';
import { csvField } from '../csv.ts';
import { formatDistance, formatNumber, translate, type Lang } from '../i18n/index.ts';

export interface CompareRow { key: string; label: string; unit: string; values: (number | null)[]; display: string[]; best: number[] }

interface Criterion { key: string; label: string; unit: string; get: (a: SiteAnalysis) => number | null | undefined; better: 'low' | 'high' }

function criteria(lang: Lang): Criterion[] {
  const t = (k: string) => translate(lang, k);
  return [
    { key: 'score', label: t('col.score'), unit: '0–100', get: (a) => a.suitability.score, better: 'high' },
    { key: 'mv', label: t('col.mv'), unit: 'm', get: (a) => a.nearest.mvLine?.distanceM, better: 'low' },
    { key: 'sub110', label: t('near.sub110'), unit: 'm', get: (a) => a.nearest.substation.kv110?.distanceM, better: 'low' },
    { key: 'sub220', label: t('near.sub220'), unit: 'm', get: (a) => a.nearest.substation.kv220?.distanceM, better: 'low' },
    { key: 'road', label: t('col.road'), unit: 'm', get: (a) => a.nearest.road?.distanceM, better: 'low' },
    { key: 'deposit', label: t('col.deposit'), unit: 'm', get: (a) => a.nearest.minerals.deposit?.distanceM, better: 'low' },
    ...CROPS.map((c): Criterion => ({ key: `crop:${c}`, label: t(`crop.${c}`), unit: 'm', get: (a) => a.nearest.crops[c]?.distanceM, better: 'low' })),
    { key: 'population', label: t('col.population'), unit: translate(lang, 'unit.people'), get: (a) => a.catchment?.population?.value, better: 'high' },
    { key: 'protected', label: t('col.protected'), unit: 'm', get: (a) => a.constraints.protectedArea?.distanceM, better: 'high' },
  ];
}

/** Rows of the comparison; `best` lists the column indexes holding the best value (ties all marked). */
export function compareRows(sites: SiteAnalysis[], lang: Lang): CompareRow[] {
  return criteria(lang).map((c) => {
    const values = sites.map((s) => { const v = c.get(s); return v === undefined || v === null || !Number.isFinite(v) ? null : v; });
    const present = values.filter((v): v is number => v !== null);
    const target = present.length ? (c.better === 'low' ? Math.min(...present) : Math.max(...present)) : null;
    const best = present.length > 1 ? values.flatMap((v, i) => (v !== null && v === target ? [i] : [])) : [];
    const display = values.map((v) => (v === null ? '—' : c.unit === 'm' ? formatDistance(lang, v) : formatNumber(lang, v, c.key === 'score' ? 1 : 0)));
    return { key: c.key, label: c.label, unit: c.unit, values, display, best };
  });
}

/** CSV of the comparison: criterion, unit, then one column per site (raw numbers, metres). */
export function compareCsv(sites: SiteAnalysis[], lang: Lang): string {
  const head = ['criterion', 'unit', ...sites.map((s) => s.name ?? s.id)].map(csvField).join(',');
  const lines = compareRows(sites, lang).map((r) => [r.label, r.unit, ...r.values.map((v) => (v === null ? '' : Math.round(v * 10) / 10))].map(csvField).join(','));
  return [head, ...lines].join('\n') + '\n';
}
