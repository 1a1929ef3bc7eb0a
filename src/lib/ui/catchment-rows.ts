/**
 * What the catchment says about raw materials, stated honestly. Zones are drawn as whole communes
 * or districts, so the clipped polygon area is land area, not crop area. Where the zone has a
 * sourced crop area, the engine apportions it by the share of the zone polygon inside the disc
 * (assuming the crop is spread evenly over the zone); otherwise only the share is given. Pure.
 */
import type { FeatureCollection } from 'geojson';
import type { CatchmentResult } from '../analysis/catchment.ts';
import { formatNumber, translate, type Lang } from '../i18n/index.ts';

export interface MaterialRow { crop: string; zoneId: string; label: string; value: string }

export function materialRows(c: CatchmentResult | null | undefined, zones: FeatureCollection | undefined, lang: Lang): MaterialRow[] {
  if (!c?.zones) return [];
  const byId = new Map((zones?.features ?? []).map((f) => [String(f.properties?.id), f.properties ?? {}]));
  const rows: MaterialRow[] = [];
  for (const z of c.zones) {
    if (z.shareOfZone <= 0) continue;
    const p = byId.get(z.id) ?? {};
    const pct = `${formatNumber(lang, z.shareOfZone * 100, 0)} %`;
    const name = typeof p.name === 'string' ? p.name : z.id;
    const value = z.cropAreaHaApportioned !== null && typeof p.area_ha === 'number'
      ? `≈ ${formatNumber(lang, z.cropAreaHaApportioned, 0)} ha ${translate(lang, 'catch.estimated')} (${pct} ${translate(lang, 'catch.ofZone')} ${formatNumber(lang, p.area_ha, 0)} ha${typeof p.year === 'number' ? `, ${p.year}` : ''})`
      : `${pct} ${translate(lang, 'catch.ofZoneArea')}`;
    rows.push({ crop: z.crop, zoneId: z.id, label: `${translate(lang, `crop.${z.crop}`)} — ${name}`, value });
  }
  return rows.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}
