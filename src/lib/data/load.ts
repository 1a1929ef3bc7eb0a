/**
 * The only place the app fetches its data package: `manifest.json`, then every layer it lists,
 * each validated before it reaches the app state. A layer that fails to load or validate is
 * reported and left out; the others still load. Every request carries `AbortSignal.timeout`, so a
 * file that never answers becomes an error after `timeoutMs`, never an endless "Loading…".
 */
import type { FeatureCollection } from 'geojson';
import { LAYER_IDS, SCHEMA_VERSION, type LayerId, type Manifest } from './schema.ts';
import { validateLayer, validateManifest } from './validate.ts';

export interface LoadIssue { layer: LayerId | 'manifest'; message: string }
export interface LoadedPackage {
  manifest: Manifest;
  layers: Partial<Record<LayerId, FeatureCollection>>;
  issues: LoadIssue[];
}

type Fetch = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** How long one data file may take (request and body), ms. */
export const DATA_TIMEOUT_MS = 30_000;

/** Fetches and parses one file, turning a timeout into a plain message. */
async function fetchJson(fetchFn: Fetch, url: string, name: string, timeoutMs: number): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const r = await fetchFn(url, { signal });
    if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
    return await r.json();
  } catch (e) {
    if (signal.aborted || (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'))) {
      throw new Error(`${name}: no answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`, { cause: e });
    }
    throw e;
  }
}

/**
 * Loads the data package under `baseUrl` (ending with `/`). Throws only when the manifest itself
 * cannot be used, since nothing can be drawn without it.
 */
export async function loadDataPackage(baseUrl: string, fetchFn: Fetch = (u, init) => fetch(u, init), timeoutMs = DATA_TIMEOUT_MS): Promise<LoadedPackage> {
  const raw = (await fetchJson(fetchFn, `${baseUrl}manifest.json`, 'manifest.json', timeoutMs)) as Partial<Manifest> | null;
  if (raw?.schemaVersion !== SCHEMA_VERSION) {
    throw new Error(`manifest.json: schema version ${String(raw?.schemaVersion)}, expected ${SCHEMA_VERSION}`);
  }
  const checked = validateManifest(raw);
  if (!checked.ok) throw new Error(`manifest.json: ${checked.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  const manifest = checked.value;
  const issues: LoadIssue[] = [];
  const layers: Partial<Record<LayerId, FeatureCollection>> = {};
  await Promise.all(
    manifest.layers.map(async (entry) => {
      if (!(LAYER_IDS as readonly string[]).includes(entry.id)) {
        issues.push({ layer: 'manifest', message: `unknown layer id "${entry.id}" ignored` });
        return;
      }
      try {
        const json = await fetchJson(fetchFn, `${baseUrl}${entry.file}`, entry.file, timeoutMs);
        const result = validateLayer(entry.id, json, { bbox: manifest.region.bbox });
        if (result.ok) layers[entry.id] = result.value as FeatureCollection;
        else issues.push({ layer: entry.id, message: result.issues.slice(0, 3).map((i) => i.message).join('; ') });
      } catch (e) {
        issues.push({ layer: entry.id, message: e instanceof Error ? e.message : String(e) });
      }
    }),
  );
  return { manifest, layers, issues };
}
