/**
 * Builds the dossier's content (see lib/dossier) from a site, its analysis row and the manifest:
 * the same facts, distances and score the card shows, in the chosen language. Pure.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { materialRows } from './catchment-rows.ts';
import { dossierLegend as mapDossierLegend } from '../map/legend.ts';
import type { SiteAnalysis } from '../analysis/analyze.ts';
import type { DossierInput, DossierMapImage, DossierRow } from '../dossier/types.ts';
import { DISTANCE_METRICS, breakdownValue, criterionLabel, fill, formatInterval, metricLabel, rankText } from './site-metrics.ts';
import { cardRows } from './feature-fields.ts';
import { scoreNote } from './score-note.ts';
import { formatDistance, formatNumber, translate, type Lang } from '../i18n/index.ts';

export interface DossierContext {
  lang: Lang;
  feature: Feature;
  analysis?: SiteAnalysis;
  dataAsOf: string;
  shareUrl: string;
  generatedAt: string;
  mapImage?: DossierMapImage;
  /** The material-zones layer, for the zones' sourced crop areas. */
  zones?: FeatureCollection;
}

/** The dossier input for one site. Distances carry the method note key the dossier translates. */
export function dossierInput(ctx: DossierContext): DossierInput {
  const { lang, feature, analysis: a } = ctx;
  const t = (k: string) => translate(lang, k);
  const p = (feature.properties ?? {}) as Record<string, unknown>;
  const title = lang === 'en' && typeof p.name_en === 'string' ? p.name_en : String(p.name ?? '');
  // Kind, status and district are in the subtitle already: not repeated among the facts (one page).
  const facts: DossierRow[] = cardRows(lang, p).filter((r) => r.key !== 'kind' && r.key !== 'status' && r.key !== 'district').map((r) => ({ label: r.label, value: r.value }));
  if (typeof p.accuracy === 'string') facts.push({ label: t('field.accuracy'), value: t(`accuracy.${p.accuracy}`) });
  const d = (m: number) => formatDistance(lang, m);
  const distances = (a ? DISTANCE_METRICS : []).flatMap((m) => {
    const n = m.near!(a!);
    // compact interval notation ("21,3–46,6 km (theo xã)"): the distance table's note says what a range is
    return n ? [{ label: metricLabel(lang, m.key), value: `${formatInterval(lang, n, { compact: true })} — ${n.name ?? n.id}`, method: n.distanceM === 0 ? 'inside' : 'straight-line-edge' }] : [];
  });
  if (a?.network?.districtCentre?.reachable && a.network.districtCentre.networkDistanceM != null) {
    const nc = a.network.districtCentre;
    distances.push({ label: t('near.networkCentre'), value: nc.indicative ? `≈ ${d(nc.networkDistanceM!)} (${t('interval.short.schematic')})` : d(nc.networkDistanceM!), method: 'road-network' });
  }
  const catchment: DossierRow[] = [];
  if (a?.catchment) {
    const c = a.catchment;
    if (c.population) catchment.push({ label: `${t('col.population')} (${formatNumber(lang, c.radiusKm)} km, ${c.population.year})`, value: formatNumber(lang, c.population.value, 0) });
    if (c.deposits) catchment.push({ label: t('layer.mineral-sites'), value: String(c.deposits.count) });
    if (c.mvLineLengthM) catchment.push({ label: t('card.mvLength'), value: d(c.mvLineLengthM.total) });
    for (const m of materialRows(c, ctx.zones, lang)) catchment.push({ label: m.label, value: m.value });
  }
  const score = a
    ? {
        total: a.suitability.score,
        note: scoreNote(lang, a.suitability),
        // the score's range and rank range over the draws of true positions, with its basis, under the total
        ...(a.uncertainty && a.uncertainty.draws > 0 ? { range: {
          text: `${formatNumber(lang, a.uncertainty.scoreMin, 1)}–${formatNumber(lang, a.uncertainty.scoreMax, 1)} · ${rankText(lang, a.uncertainty)}`,
          basis: fill(t('range.dossierBasis'), { n: formatNumber(lang, a.uncertainty.draws, 0) }),
        } } : {}),
        breakdown: a.suitability.breakdown.filter((b) => !b.excluded).map((b) => ({
          criterion: criterionLabel(lang, b.criterion),
          value: breakdownValue(lang, b, { withUnits: false }),
          score0to1: b.score0to1,
          weight: b.weight,
          // The penalty's weight holds points, not a share of 100 %.
          ...(b.criterion === 'protected-area' ? { weightText: `−${formatNumber(lang, b.weight, 0)}` } : {}),
          contribution: b.contribution,
        })),
      }
    : undefined;
  // Each source once (the site's accuracy is among the facts, not repeated under every source).
  const sources = [...new Set(Array.isArray(p.sources) ? p.sources.map((s) => String(s).trim()) : [])].map((s) => ({ text: s, url: /^https?:\/\//.test(s) ? s : undefined }));
  return {
    lang,
    title,
    subtitle: [t(`kind.${p.kind}`), t(`status.${p.status}`), p.district].filter(Boolean).join(' · '),
    facts,
    distances,
    catchment,
    score,
    sources,
    mapImage: ctx.mapImage,
    shareUrl: ctx.shareUrl,
    generatedAt: ctx.generatedAt,
    dataAsOf: ctx.dataAsOf,
  };
}

/** The map legend printed beside the dossier's snapshot: the same palette as the map (lib/map/legend.ts). */
export function dossierLegend(lang: Lang): { color: string; label: string }[] {
  return mapDossierLegend((k) => translate(lang, k));
}
