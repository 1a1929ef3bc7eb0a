/**
 * The site metrics as the UI shows them: a label, a unit and a formatter per metric of
 * `lib/analysis/metrics.ts`, and the lists the table, the comparison, the card and the dossier
 * show. Adding a metric means one line there and, if it has a new label, one here. Pure.
 */
import { CROPS, SITE_STATUSES, type Crop } from '../data/schema.ts';
import { freeAreaHa } from '../state/filters.ts';
import { siteMetric, type MetricKey, type SiteMetric } from '../analysis/metrics.ts';
import type { BreakdownRow } from '../analysis/suitability.ts';
import { formatDistance, formatNumber, translate, type Lang } from '../i18n/index.ts';
import type { NearView, SiteRow } from '../analysis/site-row.ts';
import type { Basis, DistanceInterval } from '../analysis/intervals.ts';

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

// ---- distance intervals: "1,1–6,0 km · vị trí theo xã" / "1.1–6.0 km · placed by commune"

/** The accuracy class a figure's uncertainty comes from: the widest of the site's and the targets'. */
export function basisReason(b: Basis): 'schematic' | 'district' | 'commune' | 'extent' | 'exact' {
  if (b.indicative) return 'schematic';
  const all = [b.site, ...b.targets];
  for (const c of ['district', 'commune', 'extent'] as const) if (all.includes(c)) return c;
  return 'exact';
}

/** A distance range in one unit: "850–950 m", "1,1–6,0 km" (vi) / "1.1–6.0 km" (en). */
export function formatDistanceRange(lang: Lang, minM: number, maxM: number): string {
  if (maxM < 1000) return `${formatNumber(lang, Math.round(minM), 0)}–${formatNumber(lang, Math.round(maxM), 0)} m`;
  const f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${f.format(minM / 1000)}–${f.format(maxM / 1000)} km`;
}

/**
 * A distance with its uncertainty, for every view: the interval and why ("1,1–6,0 km · vị trí theo
 * xã"); the single figure when every position is known; "≈ 1,1 km · tuyến sơ đồ, chỉ tham khảo"
 * when the target is schematic (no bound). `null` → "—".
 */
export function formatInterval(lang: Lang, near: Pick<NearView, 'distanceM'> & { interval: DistanceInterval | null } | null | undefined, opts: { compact?: boolean } = {}): string {
  if (!near) return '—';
  const iv = near.interval;
  if (!iv) return formatDistance(lang, near.distanceM);
  const why = basisReason(iv.basis);
  // compact (the one-page dossier): the reason in a word or two, in brackets
  const reason = (w: string) => (opts.compact ? ` (${translate(lang, `interval.short.${w}`)})` : ` · ${translate(lang, `interval.${w}`)}`);
  if (why === 'schematic' || iv.minM === null || iv.maxM === null) return `≈ ${formatDistance(lang, near.distanceM)}${reason('schematic')}`;
  if (iv.maxM - iv.minM < 1) return formatDistance(lang, near.distanceM);
  return `${formatDistanceRange(lang, iv.minM, iv.maxM)}${reason(why)}`;
}

/** How a site fares against a distance threshold over its interval: `sure` (max ≤ t), `possible` (min ≤ t < max), `no` (min > t). */
export function passes(near: Pick<NearView, 'distanceM'> & { interval: DistanceInterval | null } | null | undefined, thresholdM: number): 'sure' | 'possible' | 'no' {
  if (!near) return 'no';
  const iv = near.interval;
  if (!iv || iv.minM === null || iv.maxM === null) return near.distanceM <= thresholdM ? 'possible' : 'no'; // indicative: never sure
  if (iv.maxM <= thresholdM) return 'sure';
  return iv.minM <= thresholdM ? 'possible' : 'no';
}

/** A message with `{name}` placeholders filled. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * A metric of a site as every view shows it: distances with their interval and reason
 * ({@link formatInterval}), the score with its range over the draws ("73 (57–78)"), people as a
 * number.
 */
export function displayMetric(lang: Lang, m: SiteMetric, a: SiteRow, opts: { scoreDigits?: number } = {}): string {
  if (m.unit === 'm' && m.near) return formatInterval(lang, m.near(a));
  const v = m.get(a);
  const base = formatMetric(lang, m, v === null || !Number.isFinite(v) ? null : v, opts);
  const u = a.uncertainty;
  if (m.unit === 'score' && u && u.draws > 0) {
    const dg = opts.scoreDigits ?? 1;
    const range = u.scoreMax > u.scoreMin ? ` (${formatNumber(lang, u.scoreMin, dg)}–${formatNumber(lang, u.scoreMax, dg)})` : '';
    return `${base}${range} · ${rankText(lang, u)}`;
  }
  return base;
}

/** The score range sentence of a site, or null without draws. */
export function scoreRangeText(lang: Lang, a: SiteRow): string | null {
  const u = a.uncertainty;
  if (!u || u.draws === 0) return null;
  return fill(translate(lang, 'interval.score'), {
    n: formatNumber(lang, u.draws, 0), min: formatNumber(lang, u.scoreMin, 1), max: formatNumber(lang, u.scoreMax, 1), rmin: u.rankMin, rmax: u.rankMax,
  });
}

/** How many sites pass a distance threshold on a metric surely, possibly, not at all (see {@link passes}). */
export function passCounts(rows: readonly SiteRow[], m: SiteMetric, thresholdM: number): { sure: number; possible: number; no: number } {
  const out = { sure: 0, possible: 0, no: 0 };
  for (const a of rows) out[passes(m.near ? m.near(a) : null, thresholdM)]++;
  return out;
}

/** The rank range of a site: "hạng 3–7" / "rank 3–7", "rank 1" when it never moves. */
export function rankText(lang: Lang, u: Pick<NonNullable<SiteRow['uncertainty']>, 'rankMin' | 'rankMax'>): string {
  return u.rankMax > u.rankMin ? fill(translate(lang, 'range.rank'), { min: u.rankMin, max: u.rankMax }) : fill(translate(lang, 'range.rankOne'), { r: u.rankMin });
}

// ---- site attributes (from the site's own record, not the analysis): free area, occupancy, status,
// sectors, developer. One list feeding the table, the comparison and its CSV; the card and the
// dossier show the same fields through feature-fields.ts.

/** Key of a site attribute. */
export type SiteAttrKey = 'freeHa' | 'occupancy' | 'status' | 'sectors' | 'developer';

/** One attribute of a site, read from its properties. */
export interface SiteAttribute {
  key: SiteAttrKey;
  /** i18n key of the label. */
  labelKey: string;
  /** Unit in a header or CSV ('' for text). */
  unit: 'ha' | '%' | '';
  /** Its column in the analysis table's CSV / GeoJSON export (see ui/table-export.ts). */
  column: string;
  /** Which values are better in a comparison (none for text). */
  better?: 'low' | 'high';
  /** The sort value: a number (statuses by how advanced), or text; null when unknown (sorts last). */
  sortValue: (p: Record<string, unknown>) => number | string | null;
  /** The value as shown, '—' when unknown. */
  display: (lang: Lang, p: Record<string, unknown>) => string;
  /** A shorter form for narrow columns (the distance view), when it differs: the full one goes in a tooltip. */
  compact?: (lang: Lang, p: Record<string, unknown>) => string;
  /** The raw value for a CSV cell ('' when unknown). */
  csv: (p: Record<string, unknown>) => string | number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const sectorsOf = (p: Record<string, unknown>): string[] => (Array.isArray(p.sectors) ? p.sectors.filter((x): x is string => typeof x === 'string') : []);
const STATUS_ORDER: readonly string[] = SITE_STATUSES;

/** The site attributes, in the order the table and the comparison list them. */
export const SITE_ATTRIBUTES: readonly SiteAttribute[] = Object.freeze([
  {
    key: 'freeHa', column: 'free_ha', labelKey: 'col.freeHa', unit: 'ha', better: 'high',
    sortValue: (p) => freeAreaHa(p),
    display: (lang, p) => { const v = freeAreaHa(p); return v === null ? '—' : `${formatNumber(lang, v, 1)} ha`; },
    csv: (p) => { const v = freeAreaHa(p); return v === null ? '' : Math.round(v * 100) / 100; },
  },
  {
    key: 'occupancy', column: 'occupancy_pct', labelKey: 'col.occupancy', unit: '%', better: 'low',
    sortValue: (p) => num(p.occupancy_pct),
    display: (lang, p) => { const v = num(p.occupancy_pct); return v === null ? '—' : `${formatNumber(lang, v, 0)} %`; },
    csv: (p) => num(p.occupancy_pct) ?? '',
  },
  {
    key: 'status', column: 'status', labelKey: 'col.status', unit: '',
    // most advanced first when ascending
    sortValue: (p) => { const i = STATUS_ORDER.indexOf(String(p.status)); return i < 0 ? null : i; },
    display: (lang, p) => (str(p.status) ? translate(lang, `status.${p.status}`) : '—'),
    csv: (p) => str(p.status) ?? '',
  },
  {
    key: 'sectors', column: 'sectors', labelKey: 'col.sectors', unit: '',
    sortValue: (p) => (sectorsOf(p).length ? sectorsOf(p).join(', ') : null),
    display: (lang, p) => (sectorsOf(p).length ? sectorsOf(p).map((x) => translate(lang, `sector.${x}`)).join(', ') : '—'),
    // the first sector and how many more: "gỗ +2"
    compact: (lang, p) => { const l = sectorsOf(p); return l.length ? `${translate(lang, `sector.${l[0]}`)}${l.length > 1 ? ` +${l.length - 1}` : ''}` : '—'; },
    csv: (p) => sectorsOf(p).join(';'),
  },
  {
    key: 'developer', column: 'developer', labelKey: 'col.developer', unit: '',
    sortValue: (p) => str(p.investor),
    display: (_lang, p) => str(p.investor) ?? '—',
    csv: (p) => str(p.investor) ?? '',
  },
] satisfies SiteAttribute[]);

/** A site attribute by key. */
export function siteAttribute(key: SiteAttrKey): SiteAttribute {
  return SITE_ATTRIBUTES.find((a) => a.key === key)!;
}

/** A site attribute's label in a language. */
export function attributeLabel(lang: Lang, a: SiteAttribute): string {
  return translate(lang, a.labelKey);
}
