/**
 * Flatten {@link SiteAnalysis} rows into a table (for CSV export, the CLI and a UI grid).
 * Distances are rounded to the metre, areas to 0.01 ha, population to the person.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { NetworkAnswer, Near, SiteAnalysis } from './analyze.ts';
import type { Basis } from './intervals.ts';
import { CROPS } from '../data/schema.ts';
import { csvField } from '../csv.ts';

/** A distance column `<x>_m` and its interval columns `<x>_min_m`, `<x>_max_m`, `<x>_basis`. */
const dist = (x: string) => [`${x}_m`, `${x}_min_m`, `${x}_max_m`, `${x}_basis`] as const;
const CROP_COLS = CROPS.map((c) => `nearest_${c.replace(/-/g, '_')}`);

/**
 * Rank stability among the sites analysed together (`row.stability`): under draws that perturb the
 * weights (Dirichlet around the chosen ones) and the true positions together, the lowest and
 * highest rank, the 5th and 95th percentile ranks, the k of "top k" and the share (0–1) of draws
 * in which the site ranks in the top k. Empty for a single site or with no draws.
 */
const STABILITY_COLS = ['stab_rank_min', 'stab_rank_max', 'stab_rank_p5', 'stab_rank_p95', 'stab_top_k', 'stab_top_k_share'] as const;

/**
 * Column order of {@link toTableRows}. Every distance `<x>_m` (the point estimate, between the drawn
 * geometries) comes with `<x>_min_m` and `<x>_max_m` (the bounds over every possible true position
 * of the site and the targets; empty when the figure has no bound: schematic targets) and
 * `<x>_basis` (the accuracy classes it rests on: `site=<class>;targets=<class>+…[;indicative]`).
 * `score_min`/`score_max` and `rank_min`/`rank_max` are the range over seeded draws of true
 * positions. Road-network distances are indicative on schematic roads (`_basis` says so) and
 * `<x>_offroad_share` is the part of the figure that is off-road; `<x>_no_road_within_m` is set when
 * the site is farther than the cap from any road. `zone_union_ha_within_r` is the area of the union
 * of all zones inside the disc (never more than the disc); `zone_<crop>_ha_within_r` the union of
 * that crop's zones; `crop_area_ha_apportioned_within_r` sums the sourced crop areas apportioned
 * by the share of each zone inside the disc. `stab_*` are the rank stability under combined weight
 * and position draws (see STABILITY_COLS).
 */
export const TABLE_COLUMNS = [
  'id', 'name', 'site_accuracy', 'score', 'score_min', 'score_max', 'rank', 'rank_min', 'rank_max',
  'mv_line_id', ...dist('mv_line'), 'substation_id', ...dist('substation'), ...dist('substation_110'), ...dist('substation_220'),
  ...dist('road'),
  ...dist('road_network_district_centre'), 'road_network_district_centre_offroad_share', 'road_network_district_centre_no_road_within_m',
  ...dist('road_network_substation'), 'road_network_substation_offroad_share', 'road_network_substation_no_road_within_m',
  ...CROP_COLS.flatMap((c) => dist(c)),
  'nearest_deposit_id', ...dist('nearest_deposit'), 'nearest_smelter_id', ...dist('nearest_smelter'),
  'catchment_radius_km', 'population_2009_within_r', 'zone_union_ha_within_r', ...CROPS.map((c) => `zone_${c.replace(/-/g, '_')}_ha_within_r`),
  'crop_area_ha_apportioned_within_r', 'deposits_within_r', 'mv_length_m_within_r',
  ...dist('protected_area'), ...dist('river'),
  ...STABILITY_COLS,
] as const;

/** A column of the table. */
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** One flat row (numbers or strings, '' when unknown). */
export type TableRow = Record<string, string | number>;

const m = (x: number | null | undefined): number | string => (x == null || !Number.isFinite(x) ? '' : Math.round(x));
const ha = (x: number | null | undefined): number | string => (x == null || !Number.isFinite(x) ? '' : Math.round(x * 100) / 100);

/** `site=<class>;targets=<class>+…[;indicative]`. */
export function basisText(b: Basis | null | undefined): string {
  return b ? `site=${b.site};targets=${b.targets.join('+')}${b.indicative ? ';indicative' : ''}` : '';
}

function distCols(out: TableRow, x: string, n: Near | null | undefined): void {
  out[`${x}_m`] = m(n?.distanceM);
  out[`${x}_min_m`] = m(n?.interval?.minM);
  out[`${x}_max_m`] = m(n?.interval?.maxM);
  out[`${x}_basis`] = basisText(n?.interval?.basis);
}

function netCols(out: TableRow, x: string, r: SiteAnalysis, n: NetworkAnswer | null | undefined): void {
  // a network distance has no bound over the true positions here (district centres are approximations,
  // and on schematic roads the figure is indicative): min and max stay empty
  out[`${x}_m`] = m(n?.networkDistanceM);
  out[`${x}_min_m`] = '';
  out[`${x}_max_m`] = '';
  out[`${x}_basis`] = n ? `site=${r.placement.accuracy};targets=${n.indicative ? 'schematic' : 'road-network'};indicative` : '';
  out[`${x}_offroad_share`] = n?.offroadShare == null ? '' : Math.round(n.offroadShare * 1000) / 1000;
  out[`${x}_no_road_within_m`] = n?.noRoadWithinM == null ? '' : Math.round(n.noRoadWithinM);
}

/** Flatten analysis rows into {@link TABLE_COLUMNS} rows. */
export function toTableRows(rows: readonly SiteAnalysis[]): TableRow[] {
  return rows.map((r) => {
    const c = r.catchment;
    const cropHa = c?.cropAreaHaApportioned ? Object.values(c.cropAreaHaApportioned).reduce((s, v) => s + v, 0) : null;
    const u = r.uncertainty;
    const out: TableRow = {
      id: r.id, name: r.name ?? '', site_accuracy: r.placement.accuracy, score: r.suitability.score,
      score_min: u?.scoreMin ?? '', score_max: u?.scoreMax ?? '', rank: u?.rank ?? '', rank_min: u?.rankMin ?? '', rank_max: u?.rankMax ?? '',
      mv_line_id: r.nearest.mvLine?.id ?? '', substation_id: r.nearest.substation.any?.id ?? '',
      nearest_deposit_id: r.nearest.minerals.deposit?.id ?? '', nearest_smelter_id: r.nearest.minerals.smelter?.id ?? '',
      catchment_radius_km: c?.radiusKm ?? '',
      population_2009_within_r: m(c?.population?.value),
      zone_union_ha_within_r: ha(c?.zoneUnionHa),
      crop_area_ha_apportioned_within_r: cropHa == null ? '' : Math.round(cropHa * 100) / 100,
      deposits_within_r: c?.deposits?.count ?? '',
      mv_length_m_within_r: m(c?.mvLineLengthM?.total),
    };
    for (const crop of CROPS) out[`zone_${crop.replace(/-/g, '_')}_ha_within_r`] = c?.cropAreaHa ? ha(c.cropAreaHa[crop] ?? 0) : '';
    distCols(out, 'mv_line', r.nearest.mvLine);
    distCols(out, 'substation', r.nearest.substation.any);
    distCols(out, 'substation_110', r.nearest.substation.kv110);
    distCols(out, 'substation_220', r.nearest.substation.kv220);
    distCols(out, 'road', r.nearest.road);
    netCols(out, 'road_network_district_centre', r, r.network?.districtCentre);
    netCols(out, 'road_network_substation', r, r.network?.substation);
    CROPS.forEach((crop, k) => distCols(out, CROP_COLS[k], r.nearest.crops[crop]));
    distCols(out, 'nearest_deposit', r.nearest.minerals.deposit);
    distCols(out, 'nearest_smelter', r.nearest.minerals.smelter);
    distCols(out, 'protected_area', r.constraints.protectedArea);
    distCols(out, 'river', r.constraints.river);
    const st = r.stability;
    if (st) {
      out.stab_rank_min = st.rankMin; out.stab_rank_max = st.rankMax; out.stab_rank_p5 = st.rankP5; out.stab_rank_p95 = st.rankP95;
      out.stab_top_k = st.topK; out.stab_top_k_share = Math.round(st.topKShare * 1000) / 1000;
    }
    return Object.fromEntries(TABLE_COLUMNS.map((k) => [k, out[k] ?? ''])) as TableRow;
  });
}

/** RFC 4180 CSV of {@link toTableRows} (header line, `\n` line ends; formula-safe cells, see csvField). */
export function toCsv(rows: readonly SiteAnalysis[]): string {
  const lines = [TABLE_COLUMNS.join(',')];
  for (const r of toTableRows(rows)) lines.push(TABLE_COLUMNS.map((k) => csvField(r[k])).join(','));
  return lines.join('\n') + '\n';
}

/** A FeatureCollection of the sites (original geometry) with the flat row as properties and the full analysis under `analysis`. */
export function toGeoJson(sites: readonly Feature[], rows: readonly SiteAnalysis[]): FeatureCollection {
  const flat = toTableRows(rows);
  return {
    type: 'FeatureCollection',
    features: sites.map((s, i) => ({ type: 'Feature', geometry: s.geometry, properties: { ...flat[i], analysis: rows[i] } })),
  };
}
