/**
 * A site card's rows with its free area: the card lists the record's own fields (feature-fields.ts);
 * an industrial site's also shows the free area (ha) from the `freeHa` site attribute, when known,
 * after the occupancy (or the area). Pure.
 */
import type { Lang } from '../i18n/index.ts';
import type { CardRow } from './feature-fields.ts';
import { attributeLabel, siteAttribute } from './site-metrics.ts';

/** `rows` with a `free_ha` row after `occupancy_pct` (else `area_ha`, else last) when the free area is known. */
export function withFreeArea(lang: Lang, rows: readonly CardRow[], props: Record<string, unknown>): CardRow[] {
  const free = siteAttribute('freeHa');
  if (free.sortValue(props) === null) return [...rows];
  const row: CardRow = { key: 'free_ha', label: attributeLabel(lang, free), value: free.display(lang, props) };
  const occupancy = rows.findIndex((r) => r.key === 'occupancy_pct');
  const area = rows.findIndex((r) => r.key === 'area_ha');
  const at = occupancy >= 0 ? occupancy + 1 : area >= 0 ? area + 1 : rows.length;
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}
