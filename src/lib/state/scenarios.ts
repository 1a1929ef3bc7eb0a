/**
 * Scenarios of the suitability surface: a named weight set, the planned sector and the exclusions.
 * Pure (no DOM, no storage): the compact form a shared link carries (`sc=`) and its decoding,
 * which never throws (a bad value yields `null`).
 *
 * Link form: `<name>*<sector>*<exclusions>*<weights>` — exclusions are letters (`p` protected
 * areas, `r` river corridors excluded), weights a run of one-letter keys each followed by its
 * number (`m20s15t20…`). A bare `<name>` (no `*`; `*` is not escaped in a URL) names a scenario saved in this browser.
 */
import { DEFAULT_SURFACE_WEIGHTS, type SurfaceWeights } from '../analysis/surface/criteria.ts';
import { SECTORS } from '../data/schema.ts';

/** What a scenario sets. */
export interface ScenarioSettings {
  /** Every surface weight (planner weights, surface-only weights and the protected-area penalty). */
  weights: SurfaceWeights;
  /** Planned sector ('' = none). */
  sector: string;
  /** Default exclusions switched on. */
  exclude: { protected: boolean; river: boolean };
}

/** A saved scenario. */
export interface Scenario extends ScenarioSettings { id: string; name: string; saved: number }

/** A scenario named by a link: its settings when the link carries them. */
export interface LinkScenario { name: string; settings: ScenarioSettings | null }

/** One-letter codes of the weights in a link. */
const CODES: Record<keyof SurfaceWeights, string> = {
  'mv-line': 'm', substation: 's', materials: 't', deposit: 'd', road: 'r', labour: 'l', 'free-area': 'f', status: 'u',
  'protected-area': 'p', 'district-centre': 'c', river: 'v',
};
const BY_CODE = new Map(Object.entries(CODES).map(([k, c]) => [c, k as keyof SurfaceWeights]));

export const MAX_NAME = 60;

/** A scenario name as stored: trimmed, control characters and `*` removed, at most 60 characters; '' when nothing is left. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f*]/g, '').trim().slice(0, MAX_NAME).trim();
}

const num = (x: number) => String(Math.round(x * 10) / 10);

/** The link form of a scenario (see the module comment). */
export function encodeScenario(name: string, s: ScenarioSettings): string {
  const w = Object.entries(CODES).map(([k, c]) => `${c}${num(s.weights[k as keyof SurfaceWeights] ?? DEFAULT_SURFACE_WEIGHTS[k as keyof SurfaceWeights])}`).join('');
  return `${cleanName(name)}*${s.sector}*${s.exclude.protected ? 'p' : ''}${s.exclude.river ? 'r' : ''}*${w}`;
}

/** Decodes a link's `sc` value; null when it is not a scenario. Weights left out keep their defaults. */
export function decodeScenario(v: string): LinkScenario | null {
  const parts = v.split('*');
  if (parts.length === 1) { const name = cleanName(v); return name ? { name, settings: null } : null; }
  if (parts.length !== 4) return null;
  const [rawName, sector, ex, w] = parts;
  const name = cleanName(rawName);
  if (!name || (sector !== '' && !(SECTORS as readonly string[]).includes(sector)) || !/^[pr]*$/.test(ex)) return null;
  const weights: SurfaceWeights = { ...DEFAULT_SURFACE_WEIGHTS };
  const re = /([a-z])(\d{1,3}(?:\.\d)?)/gy;
  let m: RegExpExecArray | null, end = 0;
  while ((m = re.exec(w))) {
    const k = BY_CODE.get(m[1]), x = Number(m[2]);
    if (!k || !(x >= 0 && x <= 100)) return null;
    weights[k] = x;
    end = re.lastIndex;
  }
  if (end !== w.length) return null;
  return { name, settings: { weights, sector, exclude: { protected: ex.includes('p'), river: ex.includes('r') } } };
}

/** Whether two settings are the same (weights to 0.1). */
export function sameSettings(a: ScenarioSettings, b: ScenarioSettings): boolean {
  return a.sector === b.sector && a.exclude.protected === b.exclude.protected && a.exclude.river === b.exclude.river
    && (Object.keys(CODES) as (keyof SurfaceWeights)[]).every((k) => num(a.weights[k]) === num(b.weights[k]));
}

/** A stored scenario read back, or null when it is not one (corrupt or foreign data). */
export function asScenario(x: unknown): Scenario | null {
  const o = x as Partial<Scenario> | null;
  if (!o || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.name !== 'string' || !cleanName(o.name)) return null;
  const d = decodeScenario(encodeScenario(o.name, {
    weights: { ...DEFAULT_SURFACE_WEIGHTS, ...(o.weights && typeof o.weights === 'object' ? o.weights : {}) },
    sector: typeof o.sector === 'string' ? o.sector : '', exclude: { protected: o.exclude?.protected !== false, river: o.exclude?.river !== false },
  }));
  return d?.settings ? { id: o.id, name: d.name, saved: typeof o.saved === 'number' ? o.saved : 0, ...d.settings } : null;
}
