/**
 * Diacritic-insensitive search over the loaded layers ("cho moi" finds "Chợ Mới"). Pure.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerId } from '../data/schema.ts';
import { foldVietnamese } from '../text.ts';

/** Lower-case, strip Vietnamese diacritics (đ → d), collapse spaces: see {@link foldVietnamese}. */
export const normalize = foldVietnamese;

export interface SearchEntry { layer: LayerId; id: string; name: string; detail: string; key: string }
export interface SearchHit extends SearchEntry { score: number }

/** Layers searched, in the order their hits rank when scores tie. */
export const SEARCH_LAYERS: LayerId[] = ['industrial-sites', 'mineral-sites', 'districts', 'communes', 'power-substations', 'power-plants', 'material-zones', 'protected-areas', 'roads'];

/** Builds the search entries once per data load. `detail` is a short context (district, kind). */
export function buildSearchIndex(layers: Partial<Record<LayerId, FeatureCollection>>): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const layer of SEARCH_LAYERS) {
    for (const f of (layers[layer]?.features ?? []) as Feature<Geometry, Record<string, unknown>>[]) {
      const p = f.properties ?? {};
      if (typeof p.id !== 'string' || typeof p.name !== 'string') continue;
      const detail = [p.district, p.code].filter((x) => typeof x === 'string' && x).join(' · ');
      const extra = [p.name_en, p.code, p.ref, p.commune].filter((x) => typeof x === 'string').join(' ');
      entries.push({ layer, id: p.id, name: p.name, detail, key: normalize(`${p.name} ${extra}`) });
    }
  }
  return entries;
}

/**
 * Entries matching every word of the query (prefix of a word in the name scores higher than a
 * substring), best first, at most `limit`.
 */
export function search(entries: SearchEntry[], query: string, limit = 8): SearchHit[] {
  const words = normalize(query).split(' ').filter(Boolean);
  if (!words.length) return [];
  const hits: SearchHit[] = [];
  for (const [rank, e] of entries.entries()) {
    let score = 0;
    let all = true;
    for (const w of words) {
      const i = e.key.indexOf(w);
      if (i < 0) { all = false; break; }
      score += i === 0 ? 3 : e.key[i - 1] === ' ' ? 2 : 1;
    }
    if (all) hits.push({ ...e, score: score * 10_000 - SEARCH_LAYERS.indexOf(e.layer) * 1000 - Math.min(rank, 999) });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
