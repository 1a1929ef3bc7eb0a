/**
 * Flatten {@link SiteAnalysis} rows into a table (for CSV export, the CLI and a UI grid).
 * Distances are rounded to the metre, areas to 0.01 ha, population to the person.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { SiteAnalysis } from './analyze.ts';
import { SITE_METRICS } from './metrics.ts';
import { csvField } from '../csv.ts';

/**
 * Column order of {@link toTableRows}. `zone_polygon_ha_within_r` sums clipped zone polygons of all
 * crops (overlapping zones counted once per zone); `crop_area_ha_apportioned_within_r` sums the
 * sourced crop areas apportioned by the share of each zone inside the disc.
 */
export const TABLE_COLUMNS = [
  'id', 'name', 'score', 'mv_line_id', 'mv_line_m', 'substation_id', 'substation_m', 'substation_110_m', 'substation_220_m',
  'road_m', 'road_network_district_centre_m', 'road_network_substation_m', 'nearest_wood_m', 'nearest_mineral_id', 'nearest_mineral_m',
  'catchment_radius_km', 'population_2009_within_r', 'zone_polygon_ha_within_r', 'crop_area_ha_apportioned_within_r', 'deposits_within_r', 'mv_length_m_within_r',
  'protected_area_m', 'river_m',
] as const;

/** A column of the table. */
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** One flat row (numbers or strings, '' when unknown). */
export type TableRow = Record<TableColumn, string | number>;

/** Rounded to the metre / the person; '' when unknown. */
const rounded = (x: number | null | undefined): number | string => (x == null || !Number.isFinite(x) ? '' : Math.round(x));

/** The site metrics (lib/analysis/metrics.ts) that have a CSV column. */
const METRIC_COLUMNS = SITE_METRICS.filter((s) => s.csv);

/** Flatten analysis rows into {@link TABLE_COLUMNS} rows. */
export function toTableRows(rows: readonly SiteAnalysis[]): TableRow[] {
  return rows.map((r) => {
    const c = r.catchment;
    const zoneHa = c?.zones ? c.zones.reduce((s, z) => s + z.areaHa, 0) : null;
    const cropHa = c?.cropAreaHaApportioned ? Object.values(c.cropAreaHaApportioned).reduce((s, v) => s + v, 0) : null;
    const cells: Partial<TableRow> = {
      id: r.id, name: r.name ?? '',
      mv_line_id: r.nearest.mvLine?.id ?? '',
      substation_id: r.nearest.substation.any?.id ?? '',
      road_network_district_centre_m: rounded(r.network?.districtCentre?.networkDistanceM),
      road_network_substation_m: rounded(r.network?.substation?.networkDistanceM),
      nearest_mineral_id: r.nearest.minerals.any?.id ?? '',
      catchment_radius_km: c?.radiusKm ?? '',
      zone_polygon_ha_within_r: zoneHa == null ? '' : Math.round(zoneHa * 100) / 100,
      crop_area_ha_apportioned_within_r: cropHa == null ? '' : Math.round(cropHa * 100) / 100,
      deposits_within_r: c?.deposits?.count ?? '',
      mv_length_m_within_r: rounded(c?.mvLineLengthM?.total),
      river_m: rounded(r.constraints.river?.distanceM),
    };
    // the score as computed (0.1 steps); distances and people rounded
    for (const s of METRIC_COLUMNS) cells[s.csv!] = s.unit === 'score' ? (s.get(r) ?? '') : rounded(s.get(r));
    return Object.fromEntries(TABLE_COLUMNS.map((k) => [k, cells[k]!])) as TableRow;
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
