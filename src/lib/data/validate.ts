/**
 * Validation of the data package (`public/geodata/*.geojson` and `manifest.json`).
 *
 * The same checks run in the build (`scripts/build-geodata.ts`, which refuses to write an invalid
 * package) and in the app's loader (`lib/data/load.ts`, which leaves an invalid layer out).
 * Pure TypeScript: no Svelte, MapLibre or DOM.
 *
 * Checked per feature: a geometry type allowed for the layer; every coordinate a finite
 * [lon, lat] pair inside the region bbox plus a per-layer margin; rings closed and at least four
 * positions long; lines at least two positions long; required properties present with the right
 * types and enum values; ids unique within the layer.
 */
import {
  ACCURACY_CLASSES, CROPS, LAYER_IDS, MINERAL_SITE_KINDS, MINERALS, PLAN_PHASES, POWER_PLANT_KINDS, PROTECTED_AREA_KINDS,
  ROAD_CLASSES, SCHEMA_VERSION, SECTORS, SITE_KINDS, SITE_STATUSES, SUBSTATION_KINDS, VOLTAGES_KV,
  type LayerCollection, type LayerId, type Manifest,
} from './schema.ts';

/** One problem found in a layer. `featureIndex` is -1 for problems with the collection itself. */
export interface ValidationIssue {
  featureIndex: number;
  id?: string;
  /** Where in the feature, e.g. `geometry.coordinates[0][3]` or `properties.sources`. */
  path: string;
  /** Self-contained English message, including the feature index/id and the path. */
  message: string;
}

/** Result of a validation: the typed value, or the list of issues. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** [west, south, east, north] */
export type BBox = [number, number, number, number];

/**
 * How far (degrees) coordinates of each layer may lie outside the region bbox. Neighbouring
 * provinces are whole provinces; lines (110 kV link to Định Hóa, 220 kV to Cao Bằng, rivers)
 * leave the province a little.
 */
export const LAYER_BBOX_MARGIN_DEG: Record<LayerId, number> = {
  region: 0.01,
  neighbours: 2.5,
  districts: 0.01,
  communes: 0.05,
  rivers: 0.1,
  'protected-areas': 0.05,
  'material-zones': 0.05,
  roads: 0.1,
  'power-lines': 0.2,
  'power-substations': 0.2,
  'power-plants': 0.05,
  'mineral-sites': 0.05,
  'industrial-sites': 0.05,
};

/** Geometry types allowed per layer (mirrors `LayerGeometry` in schema.ts). */
export const LAYER_GEOMETRY_TYPES: Record<LayerId, readonly string[]> = {
  region: ['Polygon', 'MultiPolygon'],
  neighbours: ['Polygon', 'MultiPolygon'],
  districts: ['Polygon', 'MultiPolygon'],
  communes: ['Polygon', 'MultiPolygon'],
  rivers: ['LineString', 'MultiLineString'],
  'protected-areas': ['Polygon', 'MultiPolygon'],
  'material-zones': ['Polygon', 'MultiPolygon'],
  roads: ['LineString', 'MultiLineString'],
  'power-lines': ['LineString', 'MultiLineString'],
  'power-substations': ['Point'],
  'power-plants': ['Point'],
  'mineral-sites': ['Point'],
  'industrial-sites': ['Point', 'Polygon', 'MultiPolygon'],
};

type FieldType = 'string' | 'number' | 'boolean' | 'string[]';
interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Allowed values (for strings, or every item of a string[]). */
  values?: readonly (string | number)[];
  min?: number;
  max?: number;
  /** Regular expression a string (or every item of a string[]) must match. */
  pattern?: RegExp;
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An id of a placement polygon: `commune-<census id>` or `district-<code>`. */
export const PLACED_IN_PATTERN = /^(?:commune|district)-\d+$/;
/** Accuracy classes whose features must name their placement polygons in `placed_in`. */
const PLACED_CLASSES: readonly string[] = ['commune', 'district'];
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const AS_OF_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const COMMON: Record<string, FieldSpec> = {
  id: { type: 'string', required: true, pattern: ID_PATTERN },
  name: { type: 'string', required: true },
  name_en: { type: 'string' },
  accuracy: { type: 'string', required: true, values: ACCURACY_CLASSES },
  accuracy_note: { type: 'string' },
  sources: { type: 'string[]', required: true },
  as_of: { type: 'string', pattern: AS_OF_PATTERN },
  district: { type: 'string' },
  commune: { type: 'string' },
  commune_2020: { type: 'string' },
  commune_2025: { type: 'string' },
  placed_in: { type: 'string[]', pattern: PLACED_IN_PATTERN },
  note: { type: 'string' },
};

/** Property specs per layer (mirrors the `*Props` interfaces of schema.ts). */
export const LAYER_PROPERTY_SPECS: Record<LayerId, Record<string, FieldSpec>> = {
  region: {
    name: { type: 'string', required: true },
    name_en: { type: 'string', required: true },
    note: { type: 'string', required: true },
    sources: { type: 'string[]', required: true },
    accuracy: { type: 'string', required: true, values: ACCURACY_CLASSES },
  },
  neighbours: {
    name: { type: 'string', required: true },
    code: { type: 'string', required: true },
    accuracy: { type: 'string', values: ACCURACY_CLASSES },
    sources: { type: 'string[]' },
    note: { type: 'string' },
  },
  districts: {
    id: { type: 'string', required: true, pattern: ID_PATTERN },
    name: { type: 'string', required: true },
    name_full: { type: 'string', required: true },
    code: { type: 'string', required: true },
    accuracy: { type: 'string', required: true, values: ACCURACY_CLASSES },
    sources: { type: 'string[]', required: true },
    note: { type: 'string' },
  },
  communes: {
    id: { type: 'string', required: true, pattern: ID_PATTERN },
    name: { type: 'string', required: true },
    name_full: { type: 'string' },
    district: { type: 'string', required: true },
    population_2009: { type: 'number', required: true, min: 0 },
    area_ha_2009: { type: 'number', required: true, min: 0 },
    commune_2025: { type: 'string' },
    accuracy: { type: 'string', required: true, values: ACCURACY_CLASSES },
    sources: { type: 'string[]', required: true },
  },
  rivers: {
    id: { type: 'string', required: true, pattern: ID_PATTERN },
    name: { type: 'string' },
    accuracy: { type: 'string', required: true, values: ACCURACY_CLASSES },
    sources: { type: 'string[]', required: true },
    note: { type: 'string' },
  },
  'protected-areas': {
    ...COMMON,
    kind: { type: 'string', required: true, values: PROTECTED_AREA_KINDS },
    area_ha_stated: { type: 'number', min: 0 },
    designations: { type: 'string[]' },
  },
  'material-zones': {
    ...COMMON,
    crop: { type: 'string', required: true, values: CROPS },
    area_ha: { type: 'number', min: 0 },
    production: { type: 'string' },
    year: { type: 'number', min: 1900, max: 2100 },
  },
  roads: {
    ...COMMON,
    ref: { type: 'string', required: true },
    road_class: { type: 'string', required: true, values: ROAD_CLASSES },
    status: { type: 'string', required: true },
    length_m_stated: { type: 'number', min: 0 },
  },
  'power-lines': {
    ...COMMON,
    voltage_kv: { type: 'number', required: true, values: VOLTAGES_KV },
    length_m_stated: { type: 'number', min: 0 },
    from: { type: 'string' },
    to: { type: 'string' },
    status: { type: 'string' },
  },
  'power-substations': {
    ...COMMON,
    kind: { type: 'string', required: true, values: SUBSTATION_KINDS },
    voltage_kv: { type: 'number', required: true, values: VOLTAGES_KV },
    code: { type: 'string' },
    capacity_mva: { type: 'number', min: 0 },
    loading_pct: { type: 'number', min: 0, max: 200 },
    transformers: { type: 'number', min: 0 },
    inside_region: { type: 'boolean', required: true },
  },
  'power-plants': {
    ...COMMON,
    kind: { type: 'string', required: true, values: POWER_PLANT_KINDS },
    capacity_mw: { type: 'number', min: 0 },
    status: { type: 'string', required: true },
  },
  'mineral-sites': {
    ...COMMON,
    kind: { type: 'string', required: true, values: MINERAL_SITE_KINDS },
    mineral: { type: 'string', required: true, values: MINERALS },
    status: { type: 'string', required: true },
    reserves: { type: 'string' },
    capacity_t_per_year: { type: 'number', min: 0 },
  },
  'industrial-sites': {
    ...COMMON,
    kind: { type: 'string', required: true, values: SITE_KINDS },
    status: { type: 'string', required: true, values: SITE_STATUSES },
    phase: { type: 'string', required: true, values: PLAN_PHASES },
    area_ha: { type: 'number', min: 0 },
    occupancy_pct: { type: 'number', min: 0, max: 100 },
    investor: { type: 'string' },
    decision: { type: 'string' },
    sectors: { type: 'string[]', values: SECTORS },
    investment_bn_vnd: { type: 'number', min: 0 },
  },
};

/** Options for {@link validateLayer}. */
export interface ValidateOptions {
  /** Region bbox (from the manifest: the region is data, not a constant of the app). */
  bbox: BBox;
  /** Margin in degrees; defaults to {@link LAYER_BBOX_MARGIN_DEG} for the layer. */
  marginDeg?: number;
  /** Stop collecting after this many issues (default 200). */
  maxIssues?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkPosition(
  pos: unknown, path: string, box: BBox, add: (path: string, msg: string) => void,
): void {
  if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3) {
    add(path, 'position must be an array [lon, lat]');
    return;
  }
  const [lon, lat] = pos as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    add(path, `coordinates must be finite numbers, got [${String(lon)}, ${String(lat)}]`);
    return;
  }
  if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) {
    add(path, `position [${lon}, ${lat}] is outside the region bbox [${box.join(', ')}] (margin included)`);
  }
}

function checkLine(coords: unknown, path: string, box: BBox, add: (p: string, m: string) => void): void {
  if (!Array.isArray(coords) || coords.length < 2) {
    add(path, 'a line needs at least 2 positions');
    return;
  }
  coords.forEach((p, i) => checkPosition(p, `${path}[${i}]`, box, add));
}

function checkRing(coords: unknown, path: string, box: BBox, add: (p: string, m: string) => void): void {
  if (!Array.isArray(coords) || coords.length < 4) {
    add(path, 'a ring needs at least 4 positions');
    return;
  }
  coords.forEach((p, i) => checkPosition(p, `${path}[${i}]`, box, add));
  const a = coords[0] as unknown[];
  const b = coords[coords.length - 1] as unknown[];
  if (!Array.isArray(a) || !Array.isArray(b) || a[0] !== b[0] || a[1] !== b[1]) {
    add(path, 'ring is not closed (first and last positions differ)');
  }
}

function checkPolygon(coords: unknown, path: string, box: BBox, add: (p: string, m: string) => void): void {
  if (!Array.isArray(coords) || coords.length < 1) {
    add(path, 'a polygon needs at least one ring');
    return;
  }
  coords.forEach((r, i) => checkRing(r, `${path}[${i}]`, box, add));
}

function checkGeometry(geom: unknown, allowed: readonly string[], box: BBox, add: (p: string, m: string) => void): void {
  if (!isObject(geom)) {
    add('geometry', 'geometry is missing');
    return;
  }
  const type = geom.type;
  if (typeof type !== 'string' || !allowed.includes(type)) {
    add('geometry.type', `geometry type ${JSON.stringify(type)} is not allowed here (allowed: ${allowed.join(', ')})`);
    return;
  }
  const c = geom.coordinates;
  const p = 'geometry.coordinates';
  switch (type) {
    case 'Point':
      checkPosition(c, p, box, add);
      break;
    case 'LineString':
      checkLine(c, p, box, add);
      break;
    case 'MultiLineString':
      if (!Array.isArray(c) || c.length < 1) add(p, 'a MultiLineString needs at least one line');
      else c.forEach((l, i) => checkLine(l, `${p}[${i}]`, box, add));
      break;
    case 'Polygon':
      checkPolygon(c, p, box, add);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(c) || c.length < 1) add(p, 'a MultiPolygon needs at least one polygon');
      else c.forEach((poly, i) => checkPolygon(poly, `${p}[${i}]`, box, add));
      break;
  }
}

function checkProperties(props: unknown, specs: Record<string, FieldSpec>, add: (p: string, m: string) => void): void {
  if (!isObject(props)) {
    add('properties', 'properties must be an object');
    return;
  }
  for (const [key, spec] of Object.entries(specs)) {
    const v = props[key];
    const path = `properties.${key}`;
    if (v === undefined || v === null) {
      if (spec.required) add(path, 'required property is missing');
      continue;
    }
    switch (spec.type) {
      case 'string':
        if (typeof v !== 'string' || v.trim() === '') { add(path, 'must be a non-empty string'); break; }
        if (spec.values && !spec.values.includes(v)) add(path, `"${v}" is not one of ${spec.values.join(', ')}`);
        if (spec.pattern && !spec.pattern.test(v)) add(path, `"${v}" does not match ${String(spec.pattern)}`);
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) { add(path, 'must be a finite number'); break; }
        if (spec.values && !spec.values.includes(v)) add(path, `${v} is not one of ${spec.values.join(', ')}`);
        if (spec.min !== undefined && v < spec.min) add(path, `${v} is below the minimum ${spec.min}`);
        if (spec.max !== undefined && v > spec.max) add(path, `${v} is above the maximum ${spec.max}`);
        break;
      case 'boolean':
        if (typeof v !== 'boolean') add(path, 'must be a boolean');
        break;
      case 'string[]':
        if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s.trim() !== '')) {
          add(path, 'must be a non-empty array of non-empty strings');
          break;
        }
        if (spec.values) {
          for (const s of v as string[]) if (!spec.values.includes(s)) add(path, `"${s}" is not one of ${spec.values.join(', ')}`);
        }
        if (spec.pattern) {
          for (const s of v as string[]) if (!spec.pattern.test(s)) add(path, `"${s}" does not match ${String(spec.pattern)}`);
        }
        break;
    }
  }
  // Only a commune- or district-placed feature names placement polygons, of its own level. (The build
  // requires them on every such feature of the bundled package; here a feature without them is accepted.)
  if ('placed_in' in specs) {
    const placed = typeof props.accuracy === 'string' && PLACED_CLASSES.includes(props.accuracy);
    if (!placed && props.placed_in !== undefined) add('properties.placed_in', `only commune- or district-placed features carry it (accuracy is "${String(props.accuracy)}")`);
    if (placed && Array.isArray(props.placed_in)) {
      const prefix = `${String(props.accuracy)}-`;
      for (const s of props.placed_in) if (typeof s === 'string' && PLACED_IN_PATTERN.test(s) && !s.startsWith(prefix)) add('properties.placed_in', `"${s}" is not a ${String(props.accuracy)} polygon id`);
    }
  }
}

/** True when `id` is one of the package's layer ids. */
export function isLayerId(id: unknown): id is LayerId {
  return typeof id === 'string' && (LAYER_IDS as readonly string[]).includes(id);
}

/**
 * Validates one layer of the data package.
 *
 * @param layerId the layer the data claims to be (decides geometry types and properties).
 * @param data anything (typically parsed JSON).
 * @returns `{ ok: true, value }` with the typed FeatureCollection, or `{ ok: false, issues }`.
 */
export function validateLayer<L extends LayerId>(
  layerId: L, data: unknown, options: ValidateOptions,
): ValidationResult<LayerCollection<L>> {
  const issues: ValidationIssue[] = [];
  const maxIssues = options.maxIssues ?? 200;
  if (!isLayerId(layerId)) {
    return { ok: false, issues: [{ featureIndex: -1, path: '', message: `unknown layer id ${JSON.stringify(layerId)}` }] };
  }
  const base = options.bbox;
  const m = options.marginDeg ?? LAYER_BBOX_MARGIN_DEG[layerId];
  const box: BBox = [base[0] - m, base[1] - m, base[2] + m, base[3] + m];

  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return { ok: false, issues: [{ featureIndex: -1, path: '', message: `${layerId}: not a GeoJSON FeatureCollection` }] };
  }
  const seen = new Map<string, number>();
  const features = data.features as unknown[];
  for (let i = 0; i < features.length && issues.length < maxIssues; i++) {
    const f = features[i];
    const props = isObject(f) && isObject(f.properties) ? f.properties : undefined;
    const id = typeof props?.id === 'string' ? props.id : undefined;
    const add = (path: string, msg: string) => {
      if (issues.length >= maxIssues) return;
      const where = `${layerId} feature ${i}${id ? ` (${id})` : ''}`;
      issues.push({ featureIndex: i, ...(id ? { id } : {}), path, message: `${where} ${path}: ${msg}` });
    };
    if (!isObject(f) || f.type !== 'Feature') {
      add('', 'not a GeoJSON Feature');
      continue;
    }
    checkGeometry(f.geometry, LAYER_GEOMETRY_TYPES[layerId], box, add);
    checkProperties(f.properties, LAYER_PROPERTY_SPECS[layerId], add);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) add('properties.id', `duplicate id "${id}" (first used by feature ${first})`);
      else seen.set(id, i);
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: data as unknown as LayerCollection<L> };
}

/**
 * Checks the manifest's shape: schema version, region, dataAsOf and one entry per known layer.
 * Per-layer files are checked separately with {@link validateLayer}.
 */
export function validateManifest(data: unknown): ValidationResult<Manifest> {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ featureIndex: -1, path, message: `manifest ${path}: ${message}` });
  if (!isObject(data)) return { ok: false, issues: [{ featureIndex: -1, path: '', message: 'manifest: not an object' }] };
  if (data.schemaVersion !== SCHEMA_VERSION) add('schemaVersion', `expected ${SCHEMA_VERSION}, got ${String(data.schemaVersion)}`);
  const region = data.region;
  if (!isObject(region)) add('region', 'missing');
  else {
    const b = region.bbox;
    if (!Array.isArray(b) || b.length !== 4 || !b.every((x) => typeof x === 'number' && Number.isFinite(x)) || b[0] >= b[2] || b[1] >= b[3]) {
      add('region.bbox', 'must be [west, south, east, north] with west < east and south < north');
    }
    for (const k of ['id', 'name', 'name_en', 'note_vi', 'note_en']) {
      if (typeof region[k] !== 'string' || region[k] === '') add(`region.${k}`, 'must be a non-empty string');
    }
  }
  if (typeof data.dataAsOf !== 'string' || !AS_OF_PATTERN.test(data.dataAsOf)) add('dataAsOf', 'must be YYYY, YYYY-MM or YYYY-MM-DD');
  if (!Array.isArray(data.layers)) add('layers', 'must be an array');
  else {
    const ids = new Set<string>();
    data.layers.forEach((l: unknown, i: number) => {
      if (!isObject(l) || !isLayerId(l.id)) { add(`layers[${i}].id`, 'unknown layer id'); return; }
      if (ids.has(l.id)) add(`layers[${i}].id`, `duplicate layer "${l.id}"`);
      ids.add(l.id);
      if (typeof l.file !== 'string' || !l.file.endsWith('.geojson')) add(`layers[${i}].file`, 'must name a .geojson file');
      if (typeof l.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(l.sha256)) add(`layers[${i}].sha256`, 'must be a hex sha256');
      if (typeof l.featureCount !== 'number' || l.featureCount < 0) add(`layers[${i}].featureCount`, 'must be a count');
      if (typeof l.licence !== 'string' || l.licence === '') add(`layers[${i}].licence`, 'must be a non-empty string');
      if (l.attribution !== undefined) {
        const ok = Array.isArray(l.attribution) && l.attribution.every((a: unknown) => isObject(a)
          && ['text_vi', 'text_en', 'license'].every((k) => typeof a[k] === 'string' && a[k] !== '')
          && (a.url === undefined || typeof a.url === 'string'));
        if (!ok) add(`layers[${i}].attribution`, 'must be a list of { text_vi, text_en, license, url? } with non-empty texts');
      }
    });
  }
  if (!isObject(data.inputs)) add('inputs', 'must be an object of sha256 by path');
  return issues.length ? { ok: false, issues } : { ok: true, value: data as unknown as Manifest };
}
