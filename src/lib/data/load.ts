/**
 * The only place the app fetches its data package: `manifest.json`, then every layer it lists,
 * each validated before it reaches the app state. A layer that fails to load or validate is
 * reported and left out; the others still load.
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

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/**
 * Loads the data package under `baseUrl` (ending with `/`). Throws only when the manifest itself
 * cannot be used, since nothing can be drawn without it.
 */
export async function loadDataPackage(baseUrl: string, fetchFn: Fetch = (u) => fetch(u)): Promise<LoadedPackage> {
  const res = await fetchFn(`${baseUrl}manifest.json`);
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  const raw = (await res.json()) as Partial<Manifest> | null;
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
        const r = await fetchFn(`${baseUrl}${entry.file}`);
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const result = validateLayer(entry.id, await r.json(), { bbox: manifest.region.bbox });
        if (result.ok) layers[entry.id] = result.value as FeatureCollection;
        else issues.push({ layer: entry.id, message: result.issues.slice(0, 3).map((i) => i.message).join('; ') });
      } catch (e) {
        issues.push({ layer: entry.id, message: e instanceof Error ? e.message : String(e) });
      }
    }),
  );
  return { manifest, layers, issues };
}
