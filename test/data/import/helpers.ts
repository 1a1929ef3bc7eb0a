/** Shared helpers for the import tests. */
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { importFile } from '../../../src/lib/data/import';
import type { ImportOptions, ImportResult, ImportSuccess } from '../../../src/lib/data/import';

export const FIX = new URL('../../fixtures/import/', import.meta.url);

/**
 * The region hint the app passes (the bundled data package's manifest: region bbox and the
 * province's own TM-3 grid, EPSG:9213).
 */
export const REGION = { regionBbox: [105.43153, 21.80442, 106.24693, 22.74089] as [number, number, number, number], preferredCrs: 9213 };

/** Bytes of a fixture file. */
export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, FIX)));
}

/** JSON of a fixture file. */
export function fixtureJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, FIX), 'utf8')) as T;
}

/** Import a fixture by path (its base name is the file name). */
export function importFixture(path: string, options?: ImportOptions): Promise<ImportResult> {
  return importFile({ name: path.split('/').pop()!, bytes: fixture(path) }, { ...REGION, ...options });
}

/** Import text as a file. */
export function importText(name: string, text: string, options?: ImportOptions): Promise<ImportResult> {
  return importFile({ name, bytes: new TextEncoder().encode(text) }, { ...REGION, ...options });
}

/** Assert success and narrow. */
export function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`import failed: ${r.issues.map((i) => `${i.code}: ${i.message}`).join(' | ')}`);
  return r;
}

/** Every position of a geometry-like coordinates array, flattened. */
export function flat(coords: unknown): Position[] {
  if (Array.isArray(coords) && typeof coords[0] === 'number') return [coords as Position];
  return (coords as unknown[]).flatMap(flat);
}

/** Metres between lon/lat positions (equirectangular; for sub-metre checks). */
export function metres(a: Position, b: Position): number {
  const R = 6378137;
  const dx = (((a[0] - b[0]) * Math.PI) / 180) * R * Math.cos((a[1] * Math.PI) / 180);
  const dy = (((a[1] - b[1]) * Math.PI) / 180) * R;
  return Math.hypot(dx, dy);
}

/** Codes of the issues of a result. */
export const codes = (r: ImportResult) => r.issues.map((i) => i.code);
