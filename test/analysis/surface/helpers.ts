import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';

export const DIR = new URL('../../../public/geodata', import.meta.url).pathname;
export const MANIFEST = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as { region: { crs: number; bbox: number[] } };
const IDS = ['region', 'districts', 'communes', 'rivers', 'protected-areas', 'material-zones', 'roads', 'power-lines', 'power-substations', 'mineral-sites', 'industrial-sites'] as const;
export function loadLayers(): Record<(typeof IDS)[number], FeatureCollection> {
  return Object.fromEntries(IDS.map((id) => [id, JSON.parse(readFileSync(`${DIR}/${id}.geojson`, 'utf8')) as FeatureCollection])) as Record<(typeof IDS)[number], FeatureCollection>;
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
