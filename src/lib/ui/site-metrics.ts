/**
 * The site metrics as the UI shows them: a label, a unit and a formatter per metric of
 * `lib/analysis/metrics.ts`, and the lists the table, the comparison, the card and the dossier
 * show. Adding a metric means one line there and, if it has a new label, one here. Pure.
 */
import { CROPS, type Crop } from '../data/schema.ts';
import { siteMetric, type MetricKey, type SiteMetric } from '../analysis/metrics.ts';
import type { BreakdownRow } from '../analysis/suitability.ts';
import { formatDistance, formatNumber, translate, type Lang } from '../i18n/index.ts';

export type { MetricKey, SiteMetric } from '../analysis/metrics.ts';

const LABEL_KEY: Record<Exclude<MetricKey, `crop:${string}`>, string> = {
  score: 'col.score', mv: 'col.mv', sub: 'col.substation', sub110: 'near.sub110', sub220: 'near.sub220',
  road: 'col.road', deposit: 'col.deposit', population: 'col.population', protected: 'col.protected',
};

/** The i18n key of a metric's label. */
export function metricLabelKey(key: MetricKey): string {
  return key.startsWith('crop:') ? `crop.${key.slice(5)}` : LABEL_KEY[key as keyof typeof LABEL_KEY];
}

/** A metric's label in a language. */
export function metricLabel(lang: Lang, key: MetricKey): string {
  return translate(lang, metricLabelKey(key));
}

/** A metric's unit as written in a table header or a CSV: `m`, `0–100` or the word for people. */
export function metricUnit(lang: Lang, m: SiteMetric): string {
  return m.unit === 'm' ? 'm' : m.unit === 'score' ? '0–100' : translate(lang, 'unit.people');
}

/**
 * A metric's value for display: distances as "850 m" / "12,3 km", the score with `scoreDigits`
 * fraction digits at most (default 1), people as a whole number; '—' when unknown.
 */
export function formatMetric(lang: Lang, m: SiteMetric, v: number | null, opts: { scoreDigits?: number } = {}): string {
  if (v === null) return '—';
  if (m.unit === 'm') return formatDistance(lang, v);
  return formatNumber(lang, v, m.unit === 'score' ? (opts.scoreDigits ?? 1) : 0);
}

/** The distances of a site's card and dossier, in order: grid, substations, road, deposit, every crop. */
export const DISTANCE_METRICS: readonly SiteMetric[] = (['mv', 'sub110', 'sub220', 'road', 'deposit', ...CROPS.map((c) => `crop:${c}` as const)] as MetricKey[]).map(siteMetric);

/** The comparison's rows, in order. */
export const COMPARE_METRICS: readonly SiteMetric[] = (['score', 'mv', 'sub110', 'sub220', 'road', 'deposit', ...CROPS.map((c) => `crop:${c}` as const), 'population', 'protected'] as MetricKey[]).map(siteMetric);

/** The analysis table's columns, in order, with the material column for the chosen crop. */
export function tableMetrics(crop: Crop): SiteMetric[] {
  return (['score', 'mv', 'sub', 'road', `crop:${crop}`, 'deposit', 'population', 'protected'] as MetricKey[]).map(siteMetric);
}

/** The label of a suitability criterion (`material:<crop>` is the crop's name). */
export function criterionLabel(lang: Lang, criterion: string): string {
  return criterion.startsWith('material:') ? translate(lang, `crop.${criterion.slice(9)}`) : translate(lang, `crit.${criterion}`);
}

/**
 * The measured value of a score breakdown row: a status by its name, a distance formatted; with
 * `withUnits` (the card) hectares and people carry their unit, otherwise (the dossier, whose column
 * says what it is) they are whole numbers alone.
 */
export function breakdownValue(lang: Lang, b: Pick<BreakdownRow, 'value' | 'unit'>, opts: { withUnits: boolean }): string {
  const v = b.value;
  if (v === null) return '—';
  if (typeof v === 'string') return translate(lang, `status.${v}`);
  if (b.unit === 'm') return formatDistance(lang, v);
  if (!opts.withUnits) return formatNumber(lang, v, 0);
  if (b.unit === 'ha') return `${formatNumber(lang, v)} ha`;
  return `${formatNumber(lang, v, 0)} ${translate(lang, 'unit.people')}`;
}
