/**
 * The data package's rules about features, written once for the analysis, the catchment and the
 * table: which power lines are medium voltage, and which mineral sites are deposits.
 */
import type { Feature } from 'geojson';
import { MV_VOLTAGES_KV } from '../data/schema.ts';

const prop = (f: Feature | null | undefined, k: string): unknown => (f?.properties as Record<string, unknown> | null | undefined)?.[k];

/** A medium-voltage (MV) power line: `voltage_kv` in MV_VOLTAGES_KV — 6, 10, 15, 22 or 35 kV (a number or a numeric string). The one definition. */
export function isMvLine(f: Feature | null | undefined): boolean {
  return (MV_VOLTAGES_KV as readonly number[]).includes(Number(prop(f, 'voltage_kv')));
}

/** A deposit: a mineral site of any kind except a smelter. */
export function isDeposit(f: Feature | null | undefined): boolean {
  return prop(f, 'kind') !== 'smelter';
}
