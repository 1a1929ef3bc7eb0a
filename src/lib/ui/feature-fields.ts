/**
 * Which properties a feature card shows, in what order, with what unit, and how enumerated values
 * are translated. Pure: returns plain strings; components render them as text, never as HTML.
 */
import { formatNumber, hasMessage, translate, type Lang } from '../i18n/index.ts';

interface FieldSpec { key: string; unit?: string; scale?: number; digits?: number; enumPrefix?: string; list?: boolean }

const FIELDS: FieldSpec[] = [
  { key: 'kind', enumPrefix: 'kind' },
  { key: 'status', enumPrefix: 'status' },
  { key: 'phase', enumPrefix: 'phase' },
  { key: 'mineral', enumPrefix: 'mineral' },
  { key: 'crop', enumPrefix: 'crop' },
  { key: 'area_ha', unit: 'unit.ha' },
  { key: 'area_ha_stated', unit: 'unit.ha' },
  { key: 'occupancy_pct', unit: 'unit.pct', digits: 0 },
  { key: 'investment_bn_vnd', unit: 'unit.bnVnd', digits: 2 },
  { key: 'capacity_t_per_year', unit: 'unit.tPerYear', digits: 0 },
  { key: 'reserves' },
  { key: 'production' },
  { key: 'year', digits: 0 },
  { key: 'voltage_kv', unit: 'unit.kv', digits: 0 },
  { key: 'capacity_mva', unit: 'unit.mva' },
  { key: 'loading_pct', unit: 'unit.pct', digits: 0 },
  { key: 'capacity_mw', unit: 'unit.mw' },
  { key: 'length_m_stated', unit: 'unit.km', scale: 1 / 1000, digits: 1 },
  { key: 'code' },
  { key: 'ref' },
  { key: 'road_class', enumPrefix: 'roadClass' },
  { key: 'from' },
  { key: 'to' },
  { key: 'investor' },
  { key: 'decision' },
  { key: 'sectors', enumPrefix: 'sector', list: true },
  { key: 'designations', list: true },
  { key: 'population_2009', unit: 'unit.people', digits: 0 },
  { key: 'district' },
  { key: 'commune' },
  { key: 'commune_2020' },
  { key: 'commune_2025' },
  { key: 'as_of' },
];

/** `lang` is set when the value is the data's own English text (curated notes are written in English). */
export interface CardRow { key: string; label: string; value: string; lang?: 'en' }

/** Free-text fields the curated tables write in English. */
const ENGLISH_TEXT = new Set(['status', 'reserves', 'production']);

function enumValue(lang: Lang, prefix: string | undefined, v: unknown): string {
  const s = String(v);
  return prefix && hasMessage(`${prefix}.${s}`) ? translate(lang, `${prefix}.${s}`) : s;
}

/** Rows for a feature card: label and formatted value (with unit) for every present property. */
export function cardRows(lang: Lang, props: Record<string, unknown>): CardRow[] {
  const rows: CardRow[] = [];
  for (const f of FIELDS) {
    const v = props[f.key];
    if (v === undefined || v === null || v === '') continue;
    let value: string;
    if (f.list && Array.isArray(v)) value = v.map((x) => enumValue(lang, f.enumPrefix, x)).join(', ');
    else if (typeof v === 'number') {
      const n = formatNumber(lang, v * (f.scale ?? 1), f.digits ?? 1);
      value = f.unit ? `${n} ${translate(lang, f.unit)}` : n;
    } else value = enumValue(lang, f.enumPrefix, v);
    const english = ENGLISH_TEXT.has(f.key) && typeof v === 'string' && !(f.enumPrefix && hasMessage(`${f.enumPrefix}.${v}`));
    rows.push({ key: f.key, label: translate(lang, `field.${f.key}`), value, ...(english ? { lang: 'en' as const } : {}) });
  }
  return rows;
}

/** Only http(s) URLs become links; anything else is shown as text. */
export function safeUrl(s: string): string | null {
  try {
    const u = new URL(s.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
