/**
 * The per-site metrics of the analysis, listed once: what each one reads from a {@link SiteRow} (slim or full),
 * its unit, which direction is better, the nearest feature behind a distance, and its column in
 * the analysis table's CSV. The table, the comparison, the card, the dossier and the CSV all read
 * this list (labels and formatting are the UI's: `lib/ui/site-metrics.ts`). Pure.
 */
import { CROPS, type Crop } from '../data/schema.ts';
import type { NearView, SiteRow } from './site-row.ts';
import type { TableColumn } from './table.ts';

/** Key of a metric: a fixed name, or `crop:<crop>` for the distance to the nearest zone of a crop. */
export type MetricKey = 'score' | 'mv' | 'sub' | 'sub110' | 'sub220' | 'road' | 'deposit' | `crop:${Crop}` | 'population' | 'protected';

/** One metric of a site. */
export interface SiteMetric {
  key: MetricKey;
  /** `m` distance in metres, `score` 0–100, `people` a head count. */
  unit: 'm' | 'score' | 'people';
  /** Which values are better: `low` (near) or `high` (score, population, far from a constraint). */
  better: 'low' | 'high';
  /** The value, null when unknown (layer missing, nothing found). */
  get: (a: SiteRow) => number | null;
  /** For a distance to a feature: that feature (its name and id). */
  near?: (a: SiteRow) => NearView | null;
  /** Its column in {@link TABLE_COLUMNS}, when the CSV has one. */
  csv?: TableColumn;
}

const distance = (key: MetricKey, near: (a: SiteRow) => NearView | null, better: 'low' | 'high', csv?: TableColumn): SiteMetric =>
  ({ key, unit: 'm', better, near, get: (a) => near(a)?.distanceM ?? null, ...(csv ? { csv } : {}) });

/** Every metric, in the order the comparison lists them. */
export const SITE_METRICS: readonly SiteMetric[] = Object.freeze([
  { key: 'score', unit: 'score', better: 'high', get: (a) => a.suitability.score, csv: 'score' },
  distance('mv', (a) => a.nearest.mvLine, 'low', 'mv_line_m'),
  distance('sub', (a) => a.nearest.substation.any, 'low', 'substation_m'),
  distance('sub110', (a) => a.nearest.substation.kv110, 'low', 'substation_110_m'),
  distance('sub220', (a) => a.nearest.substation.kv220, 'low', 'substation_220_m'),
  distance('road', (a) => a.nearest.road, 'low', 'road_m'),
  // the nearest deposit: a smelter is never a deposit (smelters have their own CSV column)
  distance('deposit', (a) => a.nearest.minerals.deposit, 'low', 'nearest_deposit_m'),
  ...CROPS.map((c) => distance(`crop:${c}`, (a) => a.nearest.crops[c], 'low', `nearest_${c.replace(/-/g, '_')}_m`)),
  { key: 'population', unit: 'people', better: 'high', get: (a) => a.catchment?.population?.value ?? null, csv: 'population_2009_within_r' },
  // a constraint: farther is better
  distance('protected', (a) => a.constraints.protectedArea, 'high', 'protected_area_m'),
] satisfies SiteMetric[]);

const BY_KEY = new Map(SITE_METRICS.map((m) => [m.key, m]));

/** The metric of a key. @throws `unknown site metric "x"` */
export function siteMetric(key: MetricKey): SiteMetric {
  const m = BY_KEY.get(key);
  if (!m) throw new Error(`unknown site metric ${JSON.stringify(key)}`);
  return m;
}
