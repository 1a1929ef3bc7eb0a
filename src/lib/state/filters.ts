/**
 * Site filters (district, kind, status, plan phase, free area, occupancy, distance thresholds),
 * applied to the features and their analysis rows. Pure.
 */
import type { Feature } from 'geojson';
import type { SiteRow } from '../analysis/site-row.ts';
import type { NearTarget, SiteFilters } from './url-state.ts';
import { passes } from '../ui/site-metrics.ts';
import type { Crop } from '../data/schema.ts';

/**
 * Free area in hectares: area × (1 − occupancy/100). Unknown occupancy is not "all free": null,
 * except for a planned site (nothing built yet: its whole area), as the suitability score does.
 * Null without area.
 */
export function freeAreaHa(p: Record<string, unknown>): number | null {
  if (typeof p.area_ha !== 'number') return null;
  if (typeof p.occupancy_pct !== 'number') return p.status === 'planned' ? p.area_ha : null;
  return p.area_ha * (1 - Math.min(100, Math.max(0, p.occupancy_pct)) / 100);
}

/** True when any filter is set. */
export function filtersActive(f: SiteFilters): boolean {
  return f.districts.length + f.kinds.length + f.statuses.length + f.phases.length > 0
    || (f.sectors?.length ?? 0) > 0 || f.near !== undefined
    || [f.minFreeAreaHa, f.maxOccupancyPct, f.maxMvDistanceM, f.maxSubstationDistanceM, f.maxRoadDistanceM].some((x) => x !== undefined);
}

/**
 * Whether a site passes every filter. A numeric filter excludes a site whose value is unknown
 * (an investor asking for ≥ 10 free ha should not see sites of unknown area). Distance filters
 * need the analysis row; without it they exclude the site. The grid, substation and road
 * thresholds compare the point estimate; the material/deposit filter keeps every site that surely
 * or possibly passes over its interval (the panel counts both).
 */
export function passesFilters(f: Feature, a: SiteRow | undefined, filters: SiteFilters): boolean {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const inList = (list: string[], v: unknown) => list.length === 0 || (typeof v === 'string' && list.includes(v));
  if (!inList(filters.districts, p.district)) return false;
  if (!inList(filters.kinds, p.kind)) return false;
  if (!inList(filters.statuses, p.status)) return false;
  if (!inList(filters.phases, p.phase)) return false;
  if (filters.minFreeAreaHa !== undefined) {
    const free = freeAreaHa(p);
    if (free === null || free < filters.minFreeAreaHa) return false;
  }
  if (filters.maxOccupancyPct !== undefined && !(typeof p.occupancy_pct === 'number' && p.occupancy_pct <= filters.maxOccupancyPct)) return false;
  const within = (d: number | undefined, max: number | undefined) => max === undefined || (d !== undefined && d <= max);
  if (!within(a?.nearest.mvLine?.distanceM, filters.maxMvDistanceM)) return false;
  if (!within(a?.nearest.substation.any?.distanceM, filters.maxSubstationDistanceM)) return false;
  if (!within(a?.nearest.road?.distanceM, filters.maxRoadDistanceM)) return false;
  if (filters.sectors?.length) {
    const own = Array.isArray(p.sectors) ? p.sectors : [];
    if (!filters.sectors.some((x) => own.includes(x))) return false;
  }
  // over the interval: surely or possibly within (a site that may be within is not hidden)
  if (filters.near && (!a || passes(nearOf(a, filters.near.target), filters.near.maxM) === 'no')) return false;
  return true;
}

/** The nearest raw-material zone of a crop, or the nearest deposit, of an analysed site. */
export function nearOf(a: SiteRow, target: NearTarget) {
  return target === 'deposit' ? a.nearest.minerals.deposit : a.nearest.crops[target.slice(5) as Crop] ?? null;
}
