/**
 * A user's imported layer in a role the analyses understand, and the effective data package:
 * bundled layers with the user's layers added to them or replacing them. Pure.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { LINE_VOLTAGES_KV, MV_VOLTAGES_KV, type Crop, type LayerId, type LineVoltageKv, type Mineral } from './schema.ts';

/** What an imported layer is to the app. `sites` are analysed like the industrial sites; `reference` is only drawn. */
export const USER_ROLES = ['sites', 'material-zones', 'power-lines', 'roads', 'mineral-sites', 'protected-areas', 'reference'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Geometry types each role accepts (others are left out with a count). */
export const ROLE_GEOMETRIES: Record<UserRole, readonly string[]> = {
  sites: ['Point', 'Polygon', 'MultiPolygon'],
  'material-zones': ['Polygon', 'MultiPolygon'],
  'power-lines': ['LineString', 'MultiLineString'],
  roads: ['LineString', 'MultiLineString'],
  'mineral-sites': ['Point'],
  'protected-areas': ['Polygon', 'MultiPolygon'],
  reference: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
};

export interface UserLayerSpec {
  /** Stable id, e.g. `user-1`. */
  id: string;
  /** File name it came from. */
  name: string;
  role: UserRole;
  /** Replace the bundled layer of this role (for material zones: only the zones of `crop`). */
  replace: boolean;
  crop?: Crop;
  mineral?: Mineral;
  /** Fixed voltage for every line, or… */
  voltageKv?: LineVoltageKv;
  /** …the property holding each line's voltage (numbers like 35, "35kV", "35 kV"). */
  voltageProp?: string;
  /** The imported features, WGS84. */
  collection: FeatureCollection;
  /** When it was added (ms since 1970), for the order of the list. */
  addedAt?: number;
}

const NAME_KEYS = ['name', 'Name', 'NAME', 'ten', 'Ten', 'TEN', 'tên', 'Tên', 'title', 'label'];

/** The property to use as a feature's name, else `fallback`. */
export function featureName(p: Record<string, unknown> | null, fallback: string): string {
  for (const k of NAME_KEYS) {
    const v = p?.[k];
    if ((typeof v === 'string' && v.trim()) || typeof v === 'number') return String(v).trim();
  }
  return fallback;
}

/** Voltage class of a line voltage: `mv` (6–35 kV), `hv` (110 kV), `ehv` (220 kV), null otherwise. */
export function voltageClass(kv: unknown): 'mv' | 'hv' | 'ehv' | null {
  const n = typeof kv === 'number' ? kv : typeof kv === 'string' ? Number(kv) : NaN;
  return (MV_VOLTAGES_KV as readonly number[]).includes(n) ? 'mv' : n === 110 ? 'hv' : n === 220 ? 'ehv' : null;
}

/** A voltage in kV from a value such as 35, "35", "35kV", "35 kV", "10", "0.4" → null when it is none of {@link LINE_VOLTAGES_KV}. */
export function parseVoltageKv(v: unknown): LineVoltageKv | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v.replace(',', '.')) : NaN;
  return (LINE_VOLTAGES_KV as readonly number[]).includes(n) ? n as LineVoltageKv : null;
}

export interface NormalisedLayer { features: Feature[]; skipped: { index: number; reason: string }[] }

/**
 * The layer's features as the role's layer expects them: ids `<layer id>-<n>`, a name, accuracy
 * `imported`, the file as source, the role's key property (crop, voltage, mineral). The user's
 * own properties are kept beside them; a feature whose geometry the role cannot use, or whose
 * voltage cannot be read, is skipped with its reason.
 */
export function normaliseUserLayer(spec: UserLayerSpec): NormalisedLayer {
  const features: Feature[] = [];
  const skipped: NormalisedLayer['skipped'] = [];
  spec.collection.features.forEach((f, i) => {
    const r = normaliseUserFeature(spec, f, i);
    if ('reason' in r) skipped.push({ index: i, reason: r.reason });
    else features.push(r);
  });
  return { features, skipped };
}

/** One feature of {@link normaliseUserLayer}: the `i`-th of `spec`'s collection, or why it is skipped. */
export function normaliseUserFeature(spec: UserLayerSpec, f: Feature, i: number): Feature | { reason: string } {
  const g = f.geometry as Geometry | null;
  if (!g || !ROLE_GEOMETRIES[spec.role].includes(g.type)) return { reason: `${g?.type ?? 'no geometry'} cannot be used as ${spec.role}` };
  const own = (f.properties ?? {}) as Record<string, unknown>;
  const props: Record<string, unknown> = {
    ...own,
    id: `${spec.id}-${i + 1}`,
    name: featureName(own, `${spec.name} #${i + 1}`),
    accuracy: 'imported',
    accuracy_note: `imported from ${spec.name}`,
    sources: [spec.name],
    // The file's own properties, as they were (names are data: shown on the card, never given to MapLibre).
    file_properties: own,
  };
  if (spec.role === 'material-zones') props.crop = spec.crop;
  if (spec.role === 'mineral-sites') {
    props.mineral = spec.mineral;
    props.kind = 'deposit';
    props.status = typeof own.status === 'string' ? own.status : 'imported';
  }
  if (spec.role === 'power-lines') {
    const kv = spec.voltageProp ? parseVoltageKv(own[spec.voltageProp]) : spec.voltageKv ?? null;
    if (kv === null) return { reason: `voltage "${String(spec.voltageProp ? own[spec.voltageProp] : '')}" is not ${LINE_VOLTAGES_KV.join(', ')} kV` };
    props.voltage_kv = kv;
  }
  if (spec.role === 'roads') props.road_class = typeof own.road_class === 'string' ? own.road_class : 'other';
  if (spec.role === 'sites') {
    props.kind = 'candidate';
    props.status = 'imported';
  }
  return { type: 'Feature', geometry: g, properties: props };
}

/**
 * Reference layers with at least this many features are big: they are drawn from parts the
 * import worker writes (see `display-part.ts`), never normalised as a whole on the main thread;
 * their card's feature is normalised alone when selected ({@link userFeatureById}).
 */
export const BIG_REFERENCE_FEATURES = 20_000;

export const isBigReference = (l: UserLayerSpec): boolean => l.role === 'reference' && l.collection.features.length >= BIG_REFERENCE_FEATURES;

/**
 * Imported site layers with at least this many features are big: their points are drawn as the big
 * reference layers' are (vector tiles cut in our worker from the layer's map part, see
 * `display-part.ts` and `big-points.ts`), not given to MapLibre as GeoJSON, which it parses and
 * sends back whole to the page. Their sites are still normalised and analysed like any other.
 */
export const BIG_SITES_FEATURES = 20_000;

export const isBigSites = (l: UserLayerSpec): boolean => l.role === 'sites' && l.collection.features.length >= BIG_SITES_FEATURES;

/** Layers drawn from their map part: big reference layers and big site layers. */
export const isBigLayer = (l: UserLayerSpec): boolean => isBigReference(l) || isBigSites(l);

/** The least number of features of a big layer of `role` (null: a role never drawn from its map part). */
export const bigLayerMin = (role: UserRole): number | null => (role === 'reference' ? BIG_REFERENCE_FEATURES : role === 'sites' ? BIG_SITES_FEATURES : null);

/** The normalised feature `id` (`<layer id>-<n>`) of one of `specs`, normalising that feature alone; null when there is none. */
export function userFeatureById(specs: readonly UserLayerSpec[], id: string): Feature | null {
  for (const spec of specs) {
    if (!id.startsWith(`${spec.id}-`)) continue;
    const n = Number(id.slice(spec.id.length + 1));
    if (!Number.isInteger(n) || n < 1 || n > spec.collection.features.length) continue;
    const r = normaliseUserFeature(spec, spec.collection.features[n - 1], n - 1);
    return 'reason' in r ? null : r;
  }
  return null;
}

/** The bundled layers with the user's layers merged in (inputs are not mutated). */
export function effectiveLayers(
  bundled: Partial<Record<LayerId, FeatureCollection>>,
  specs: readonly UserLayerSpec[],
): Partial<Record<LayerId, FeatureCollection>> {
  const out: Partial<Record<LayerId, FeatureCollection>> = { ...bundled };
  for (const spec of specs) {
    if (spec.role === 'sites' || spec.role === 'reference') continue;
    const layer: LayerId = spec.role;
    const { features } = normaliseUserLayer(spec);
    const current = out[layer]?.features ?? [];
    const kept = !spec.replace
      ? current
      : layer === 'material-zones'
        ? current.filter((f) => f.properties?.crop !== spec.crop)
        : current.filter((f) => String(f.properties?.id ?? '').startsWith('user-'));
    out[layer] = { type: 'FeatureCollection', features: [...kept, ...features] };
  }
  return out;
}

/**
 * The voltage class each imported line gets, counted: `mv` (6–35 kV), `hv` (110 kV), `ehv`
 * (220 kV) and `unread` (no voltage the app understands: the line is skipped), for the import panel.
 */
export function voltageClassCounts(collection: FeatureCollection, pick: { voltageProp?: string; voltageKv?: LineVoltageKv }): Record<'mv' | 'hv' | 'ehv' | 'unread', number> {
  const out = { mv: 0, hv: 0, ehv: 0, unread: 0 };
  for (const f of collection.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) continue;
    const kv = pick.voltageProp ? parseVoltageKv((f.properties as Record<string, unknown> | null)?.[pick.voltageProp]) : pick.voltageKv ?? null;
    out[voltageClass(kv) ?? 'unread']++;
  }
  return out;
}
