/**
 * Builds the data package `public/geodata/` from the source geodata in `data/sources/` (each with
 * its origin and licence in `data/sources/README.md`) and the project's curated tables (`data/*.csv`).
 *
 * - Base layers (region, neighbours, districts, communes, rivers) are copied from the source
 *   GeoJSON with rounded coordinates and the properties of `lib/data/schema.ts`.
 * - Curated layers are built row by row from the CSV tables. A row names its place
 *   (commune, district, a trace of the 110 kV GIS extract, a list of waypoints or a published
 *   extent); the geometry is derived here, never typed in: a point at the pole of inaccessibility
 *   of the commune / district polygon, a zone as the union of polygons, a schematic line through
 *   poles of places.
 * - Every feature is validated (`lib/data/validate.ts`); any issue fails the build.
 * - Output is deterministic: sorted keys and features, rounded coordinates, no wall-clock dates.
 *
 * CLI: `npm run data` (= `tsx scripts/build-geodata.ts`). Reads only files inside the repository.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import polylabel from 'polylabel';
import { area } from '@turf/area';
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import geographiclib from 'geographiclib-geodesic';
import type {
  Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position,
} from 'geojson';
import {
  LAYER_IDS, NO_LICENCE, SCHEMA_VERSION, type Accuracy, type Attribution, type LayerId, type Manifest, type ManifestLayer,
} from '../src/lib/data/schema.ts';
import { AS_OF_PATTERN, validateLayer, type BBox } from '../src/lib/data/validate.ts';

/** Options of {@link buildGeodata}. */
export interface BuildOptions {
  /** The directory holding `data/sources/` (the repository root by default). */
  rootDir: string;
  /** Where to write `<layer>.geojson` and `manifest.json`. */
  outDir: string;
  /** The curated tables; defaults to `<repo>/data`. */
  dataDir?: string;
  /**
   * Release build: leave out every source that states no licence (the 110 kV traces) and every
   * feature placed from it. CLI: `RELEASE=1 npm run data` or `npm run data -- --without-unlicensed`.
   */
  withoutUnlicensed?: boolean;
}

/** What {@link buildGeodata} wrote. */
export interface BuildResult {
  manifest: Manifest;
  /** Output file name → its exact text. */
  files: Record<string, string>;
}

type Props = Record<string, unknown>;
type PolyGeom = Polygon | MultiPolygon;
type PolyFeature = Feature<PolyGeom, Props>;

const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WGS84 = geographiclib.Geodesic.WGS84;

// --------------------------------------------------------------------------------------------
// Sources and licences
// --------------------------------------------------------------------------------------------

const SRC = {
  dvhcvn: 'https://github.com/daohoangson/dvhcvn/tree/4b1b6b59c5880c620722663bcb48c5c105364be5/data/gis',
  gisChinhphu: 'http://gis.chinhphu.vn',
  census: 'https://github.com/LucieContamin/censusVN2009/tree/d9a36767d5bdeb53d76d4497805cc07a4dbbe50c',
  gshhg: 'https://www.soest.hawaii.edu/pwessel/gshhg/',
  traces: 'https://github.com/anhcv1987/sodoluoidien/blob/efd748695a8baa9f2d575d43bc5260a8cf6dbbfc/src/data/gisLuoi110.json',
  nq1683: 'https://www.vietnam.vn/en/toan-van-nghi-quyet-so-1683-nq-ubtvqh15-sap-xep-cac-dvhc-cap-xa-cua-tinh-thai-nguyen-nam-2025',
  merger: 'https://news.laodong.vn/thoi-su/bi-thu-bac-kan-viet-tam-thu-truoc-ngay-sap-nhap-voi-thai-nguyen-1527842.ldo',
  twoTier: 'https://vietnamnews.vn/politics-laws/1720781/viet-nam-sets-two-tier-local-government-system.html',
  gppd: 'https://github.com/wri/global-power-plant-database/blob/13b6a3baaca73e84b1a549d14c274981abec775b/raw_source_files/WRI/Vietnam.csv',
};

const LIC = {
  dvhcvn: 'GPL-3.0 (daohoangson/dvhcvn; boundaries from gis.chinhphu.vn)',
  census: 'MIT (censusVN2009, © 2017 Marc Choisy)',
  gshhg: 'LGPL-3.0-or-later (GSHHG 2.3.7, WDBII rivers)',
  placed: 'Facts: cited public sources (see each feature). Geometry derived from censusVN2009 (MIT) and dvhcvn (GPL-3.0) polygons',
  power: 'Traced features: no licence stated (anhcv1987/sodoluoidien, unverified third-party GIS extract). Schematic features: derived by this project from the traced substations and dvhcvn/censusVN2009 polygons',
};

// ---- Attribution: the one table of credits. Every layer's manifest `attribution` (shown on the
// map, in the About panel, on the dossier and in exports) is picked from it, never written elsewhere.
interface Credit extends Attribution {
  /** A curated layer gets this credit when one of its features cites a source starting with this. */
  match?: string;
}
const ATTRIBUTION = {
  dvhcvn: {
    text_vi: 'Ranh giới: gis.chinhphu.vn qua daohoangson/dvhcvn', text_en: 'Boundaries: gis.chinhphu.vn via daohoangson/dvhcvn',
    license: 'GPL-3.0', url: 'https://github.com/daohoangson/dvhcvn',
  },
  census: {
    text_vi: 'Xã 2009: censusVN2009 © 2017 Marc Choisy', text_en: 'Communes 2009: censusVN2009 © 2017 Marc Choisy',
    license: 'MIT', url: 'https://github.com/LucieContamin/censusVN2009',
  },
  gshhg: {
    text_vi: 'Sông: GSHHG/WDBII, P. Wessel & W. H. F. Smith', text_en: 'Rivers: GSHHG/WDBII, P. Wessel & W. H. F. Smith',
    license: 'LGPL-3.0-or-later', url: SRC.gshhg,
  },
  traces: {
    text_vi: 'Lưới 110 kV: anhcv1987/sodoluoidien, bên thứ ba',
    text_en: '110 kV grid: anhcv1987/sodoluoidien, third-party',
    license: NO_LICENCE, url: 'https://github.com/anhcv1987/sodoluoidien', match: 'https://github.com/anhcv1987/sodoluoidien/',
  },
  gppd: {
    text_vi: 'Thủy điện: WRI Global Power Plant Database; định vị: Open Development Vietnam',
    text_en: 'Hydropower: WRI Global Power Plant Database; geolocation: Open Development Vietnam',
    license: 'CC-BY-4.0', url: 'https://github.com/wri/global-power-plant-database', match: 'https://github.com/wri/global-power-plant-database/',
  },
  project: {
    text_vi: 'Dữ liệu chuyên đề: dự án này, theo nguồn dẫn ở từng đối tượng',
    text_en: 'Thematic data: this project, from the sources cited per feature',
    license: 'GPL-3.0-or-later',
  },
} satisfies Record<string, Credit>;
type CreditKey = keyof typeof ATTRIBUTION;

/** Fixed credits of the base layers. */
const BASE_CREDITS: Partial<Record<LayerId, CreditKey[]>> = {
  region: ['dvhcvn'], neighbours: ['dvhcvn'], districts: ['dvhcvn'], communes: ['census', 'project'], rivers: ['gshhg'],
};

/**
 * A layer's credits, in table order: the fixed ones of a base layer; for a curated layer this
 * project, the polygons its geometry was derived from (by accuracy class) and every credit whose
 * `match` prefixes a cited source.
 */
function attributionOf(id: LayerId, features: Feature<Geometry, Props>[]): Attribution[] {
  const keys = new Set<CreditKey>(BASE_CREDITS[id] ?? ['project']);
  if (!BASE_CREDITS[id]) {
    const acc = new Set(features.map((f) => f.properties.accuracy));
    if (acc.has('commune') || acc.has('schematic')) keys.add('census');
    if (acc.has('district') || acc.has('schematic')) keys.add('dvhcvn');
    const cited = features.flatMap((f) => (f.properties.sources as string[] | undefined) ?? []);
    for (const [k, c] of Object.entries(ATTRIBUTION) as [CreditKey, Credit][]) {
      if (c.match && cited.some((u) => u.startsWith(c.match!))) keys.add(k);
    }
  }
  return (Object.keys(ATTRIBUTION) as CreditKey[]).filter((k) => keys.has(k)).map((k) => {
    const { match: _match, ...credit } = ATTRIBUTION[k] as Credit;
    return credit;
  });
}

const TITLES: Record<LayerId, [string, string]> = {
  region: ['Tỉnh Bắc Kạn (cũ)', 'Former Bắc Kạn province'],
  neighbours: ['Tỉnh lân cận (trước 1/7/2025)', 'Neighbouring provinces (before 1 July 2025)'],
  districts: ['Huyện, thành phố (trước 1/7/2025)', 'Districts (before 1 July 2025)'],
  communes: ['Xã, phường, thị trấn (ranh giới 2009)', 'Communes (2009 boundaries)'],
  rivers: ['Sông (GSHHG, tỉ lệ nhỏ)', 'Rivers (GSHHG, coarse)'],
  'protected-areas': ['Vườn quốc gia, khu bảo tồn', 'Protected areas'],
  'material-zones': ['Vùng nguyên liệu', 'Raw-material zones'],
  roads: ['Đường giao thông (sơ đồ)', 'Roads (schematic)'],
  'power-lines': ['Đường dây điện', 'Power lines'],
  'power-substations': ['Trạm biến áp', 'Substations'],
  'power-plants': ['Nhà máy thủy điện', 'Hydropower plants'],
  'mineral-sites': ['Khoáng sản', 'Mineral sites'],
  'industrial-sites': ['Khu, cụm công nghiệp', 'Industrial parks and clusters'],
};

/** Source files read by the build, relative to the repository root. */
const SOURCE_INPUTS = {
  province: 'data/sources/bac-kan-province.geojson',
  districts: 'data/sources/bac-kan-districts.geojson',
  communes: 'data/sources/bac-kan-communes-2009.geojson',
  neighbours: 'data/sources/neighbour-provinces.geojson',
  rivers: 'data/sources/bac-kan-rivers-gshhg-wdbii.geojson',
  traces: 'data/sources/power-110kv-traces.geojson',
  changes: 'data/sources/commune-changes.csv',
  gppd: 'data/sources/wri-gppd-vietnam-hydro-bac-kan.geojson',
} as const;

/** Curated tables in `data/`, one per curated layer. */
export const CURATED_TABLES = {
  'industrial-sites': 'industrial-sites.csv',
  'mineral-sites': 'mineral-sites.csv',
  'material-zones': 'material-zones.csv',
  'power-substations': 'power-substations.csv',
  'power-lines': 'power-lines.csv',
  'power-plants': 'power-plants.csv',
  roads: 'roads.csv',
  'protected-areas': 'protected-areas.csv',
} as const satisfies Partial<Record<LayerId, string>>;
type CuratedLayer = keyof typeof CURATED_TABLES;

/** Typed columns per curated layer (every other column is a plain string). */
const COLUMN_TYPES: Record<CuratedLayer, Record<string, 'number' | 'boolean' | 'list'>> = {
  'industrial-sites': { area_ha: 'number', occupancy_pct: 'number', investment_bn_vnd: 'number', sectors: 'list' },
  'mineral-sites': { capacity_t_per_year: 'number' },
  'material-zones': { area_ha: 'number', year: 'number' },
  'power-substations': { voltage_kv: 'number', capacity_mva: 'number', loading_pct: 'number', transformers: 'number', inside_region: 'boolean' },
  'power-lines': { voltage_kv: 'number', length_m_stated: 'number' },
  'power-plants': { capacity_mw: 'number' },
  roads: { length_m_stated: 'number' },
  'protected-areas': { area_ha_stated: 'number', designations: 'list' },
};

/** Columns that describe placement and provenance; everything else becomes a feature property. */
const PLACEMENT_COLUMNS = new Set(['place_level', 'place', 'accuracy_note', 'sources', 'district', 'commune']);

const PLACE_LEVEL_ACCURACY: Record<string, Accuracy> = {
  commune: 'commune', communes: 'commune', district: 'district', districts: 'district',
  trace: 'traced', points: 'schematic', links: 'schematic', extent: 'extent', published: 'traced',
};

// --------------------------------------------------------------------------------------------
// Small helpers
// --------------------------------------------------------------------------------------------

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const round = (x: number, d: number) => {
  const f = 10 ** d;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Recursively sorts object keys so JSON output does not depend on insertion order. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

const LEVEL_PREFIX = /^(Thành phố|Thị xã|Thị trấn|Huyện|Phường|Xã|TP|TT)\s+/u;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Tone marks as digits in name keys (huyền 2, sắc 1, hỏi 3, ngã 4, nặng 5). */
const TONE_DIGIT: Record<string, string> = { '\u0300': '2', '\u0301': '1', '\u0309': '3', '\u0303': '4', '\u0323': '5' };

/** Strips an administrative level prefix ("Xã ", "Thị trấn ", "Huyện ", "Thị xã " …). */
export function bareName(s: string): string {
  return s.normalize('NFC').trim().replace(LEVEL_PREFIX, '');
}

/**
 * Matching key for Vietnamese place names: bare, lower case, and independent of where the tone
 * mark sits ("Hoà" = "Hòa", "Thuỷ" = "Thủy"): per syllable, the letters without tone marks plus
 * its tone as a digit ("Chợ Mới" → "chơ5 mơi1").
 */
export function nameKey(s: string): string {
  return bareName(s)
    .toLowerCase()
    .split(/\s+/u)
    .map((w) => {
      const d = w.normalize('NFD');
      const tones = (d.match(TONES) ?? []).map((t) => TONE_DIGIT[t]).join('');
      return d.replace(TONES, '').normalize('NFC') + tones;
    })
    .join(' ');
}

function readJson<T>(path: string): { value: T; text: string } {
  const text = readFileSync(path, 'utf8');
  return { value: JSON.parse(text) as T, text };
}

function readCsv(text: string, what: string): Record<string, string>[] {
  const res = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  if (res.errors.length) {
    throw new Error(`${what}: CSV errors: ${res.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  }
  return res.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.trim(), (v ?? '').trim()])));
}

// --------------------------------------------------------------------------------------------
// Geometry helpers
// --------------------------------------------------------------------------------------------

function roundRing(ring: Position[], d: number): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round(p[0], d), round(p[1], d)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

/** Rounds a (Multi)Polygon to `d` decimals, drops repeated vertices and degenerate rings. */
export function roundPolygonal(g: PolyGeom, d: number): PolyGeom {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((poly) => poly.map((r) => roundRing(r, d)))
    // A part whose outer ring collapsed is dropped whole; collapsed holes are dropped.
    .filter((poly) => poly[0].length >= 4)
    .map((poly) => poly.filter((r) => r.length >= 4));
  if (polys.length === 0) throw new Error('polygon vanished when rounded');
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function roundLine(coords: Position[], d: number): Position[] {
  const out: Position[] = [];
  for (const p of coords) {
    const q = [round(p[0], d), round(p[1], d)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/**
 * Holes smaller than this (m²) left by a union are dropped: they are slivers between generalised
 * 2009 commune polygons that do not tile exactly. The smallest 2009 commune (Nguyễn Thị Minh
 * Khai) is 110 ha, so no real enclosed unit is lost.
 */
export const SLIVER_HOLE_M2 = 50 * 10_000;

/** Union of polygon features (the input itself when there is only one), without sliver holes. */
function unionAll(parts: PolyFeature[]): PolyGeom {
  if (parts.length === 1) return parts[0].geometry;
  const u = union({ type: 'FeatureCollection', features: parts });
  if (!u) throw new Error('union of no polygons');
  const keep = (poly: Position[][]) => [poly[0], ...poly.slice(1).filter((h) => area({ type: 'Polygon', coordinates: [h] }) >= SLIVER_HOLE_M2)];
  const g = u.geometry;
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: keep(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(keep) };
}

/**
 * Pole of inaccessibility (polylabel, precision 1e-5°) of the largest part of a (Multi)Polygon,
 * rounded to 6 decimals.
 */
export function poleOf(g: PolyGeom): [number, number] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = parts[0];
  let bestArea = -1;
  for (const p of parts) {
    const a = area({ type: 'Polygon', coordinates: p });
    if (a > bestArea) { bestArea = a; best = p; }
  }
  const [x, y] = polylabel(best as [number, number][][], 1e-5);
  return [round(x, 6), round(y, 6)];
}

const geodesicM = (a: Position, b: Position) => WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 as number;

// --------------------------------------------------------------------------------------------
// Gazetteer: 2009 communes, districts, commune changes
// --------------------------------------------------------------------------------------------

interface CommuneRec { district: string; name: string; nameFull: string; feature: PolyFeature }
interface ChangeRow { change: string; new_name: string; new_level: string; new_parent: string; old_name: string; old_district: string; source_url: string; note: string }

/** A resolved place: the polygons that stand for it and an English description. */
export interface ResolvedPlace {
  /** 2009 commune polygons or district polygons whose union is the place. */
  parts: PolyFeature[];
  district: string;
  /** Name as given (bare). */
  name: string;
  description: string;
  /** Source URLs for a 2020 merger used to resolve the name. */
  extraSources: string[];
}

/** Name lookups over the source geodata; used by the build and by the tests. */
export class Gazetteer {
  readonly communes: CommuneRec[];
  readonly districts: Map<string, PolyFeature> = new Map();
  private readonly communeByKey = new Map<string, CommuneRec>();
  private readonly changes: ChangeRow[];

  constructor(communes: FeatureCollection<PolyGeom, Props>, districts: FeatureCollection<PolyGeom, Props>, changes: ChangeRow[]) {
    for (const f of districts.features) this.districts.set(nameKey(String(f.properties.name)), f);
    this.communes = communes.features.map((f) => ({
      district: bareName(String(f.properties.district)),
      name: bareName(String(f.properties.name)),
      nameFull: String(f.properties.name),
      feature: f,
    }));
    for (const c of this.communes) {
      const k = `${nameKey(c.district)}/${nameKey(c.name)}`;
      if (this.communeByKey.has(k)) throw new Error(`ambiguous 2009 commune name ${c.district}/${c.name}`);
      if (!this.districts.has(nameKey(c.district))) throw new Error(`2009 district "${c.district}" not among the districts`);
      this.communeByKey.set(k, c);
    }
    this.changes = changes;
  }

  /** The official district polygon by bare name ("Chợ Đồn", "Bắc Kạn" = the city). */
  district(name: string): PolyFeature {
    const f = this.districts.get(nameKey(name));
    if (!f) throw new Error(`unknown district "${name}"`);
    return f;
  }

  /** The official district name as spelled in the districts layer. */
  districtName(name: string): string {
    return String(this.district(name).properties.name);
  }

  /** The 2009 commune record, or undefined. */
  commune2009(district: string, name: string): CommuneRec | undefined {
    return this.communeByKey.get(`${nameKey(district)}/${nameKey(name)}`);
  }

  /**
   * Resolves "District/Commune" to polygons: the 2009 commune, or for a unit formed in 2020 the
   * union of its 2009 predecessors (commune-changes.csv).
   */
  resolveCommune(district: string, name: string): ResolvedPlace {
    const dName = this.districtName(district);
    const c = this.commune2009(dName, name);
    if (c) {
      return { parts: [c.feature], district: dName, name: bareName(name), description: `${c.nameFull} (2009 polygon)`, extraSources: [] };
    }
    const rows = this.changes.filter((r) => r.change === '2020' && nameKey(r.new_name) === nameKey(name) && nameKey(r.new_parent) === nameKey(dName));
    if (rows.length === 0) throw new Error(`commune "${dName}/${name}" is neither a 2009 commune nor a 2020 unit in commune-changes.csv`);
    const preds = rows.map((r) => {
      const p = this.commune2009(r.old_district, r.old_name);
      if (!p) throw new Error(`2020 predecessor "${r.old_district}/${r.old_name}" of ${name} has no 2009 polygon`);
      return { rec: p, row: r };
    });
    const notes = preds.filter((p) => p.row.note && !/^receiving unit/.test(p.row.note)).map((p) => `${p.rec.name}: ${p.row.note}`);
    const description = `${name}, a unit formed in 2020 (NQ 855/NQ-UBTVQH14), drawn as the union of its 2009 predecessors ${preds.map((p) => p.rec.nameFull).join(' + ')}`
      + (notes.length ? ` (commune-changes.csv caveat: ${notes.join('; ')})` : '');
    return {
      parts: preds.map((p) => p.rec.feature), district: dName, name: bareName(name), description,
      extraSources: [...new Set(rows.map((r) => r.source_url))],
    };
  }

  /**
   * The 2020 – June 2025 unit for a commune known by its 2009 name or its 2020 name: the unit it
   * was merged into in 2020 (commune-changes.csv), else the name itself when it is a 2009 commune or
   * a 2020 unit. Undefined when neither.
   */
  commune2020(district: string, name: string): string | undefined {
    const dName = this.districtName(district);
    const merged = this.changes.find((r) => r.change === '2020' && nameKey(r.old_district) === nameKey(dName) && nameKey(bareName(r.old_name)) === nameKey(name));
    if (merged) return merged.new_name;
    if (this.commune2009(dName, name)) return bareName(name);
    const formed = this.changes.find((r) => r.change === '2020' && nameKey(r.new_parent) === nameKey(dName) && nameKey(r.new_name) === nameKey(name));
    return formed ? formed.new_name : undefined;
  }

  /**
   * The July 2025 unit(s) for a commune known by its 2009 name or its 2020 name:
   * 2009 commune → (2020 unit, when merged) → 2025 unit. Empty when not traceable.
   */
  commune2025(district: string, name: string): string[] {
    const dName = this.districtName(district);
    const units2020 = this.changes
      .filter((r) => r.change === '2020' && nameKey(r.old_district) === nameKey(dName) && nameKey(r.old_name) === nameKey(name))
      .map((r) => ({ district: r.new_parent, name: r.new_name }));
    const via = units2020.length ? units2020 : [{ district: dName, name }];
    const out = new Set<string>();
    for (const u of via) {
      for (const r of this.changes) {
        if (r.change === '2025' && nameKey(r.old_district) === nameKey(u.district) && nameKey(r.old_name) === nameKey(u.name)) out.add(r.new_name);
      }
    }
    return [...out].sort((a, b) => a.localeCompare(b, 'vi'));
  }
}

// --------------------------------------------------------------------------------------------
// Curated rows → features
// --------------------------------------------------------------------------------------------

interface TraceIndex {
  points: Feature<Point, Props>[];
  lines: Feature<LineString, Props>[];
  /** Release build: the traces (no licence stated) are left out; any use of them drops the row. */
  withheld?: boolean;
}

/** Thrown when a row needs a source left out of a release build; the build drops that row. */
class WithheldSource extends Error {}

function findTracePoint(traces: TraceIndex, token: string): Feature<Point, Props> {
  if (traces.withheld) throw new WithheldSource(`needs the 110 kV traces (no licence stated), left out of this build`);
  const f = traces.points.find((p) => p.properties.code === token || p.properties.name === token);
  if (!f) throw new Error(`no traced point "${token}" in power-110kv-traces.geojson`);
  return f;
}

function parsePairs(place: string): { district: string; commune: string }[] {
  return place.split(';').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [district, commune, extra] = s.split('/').map((x) => x.trim());
    if (!district || !commune || extra !== undefined) throw new Error(`"${s}" is not "District/Commune"`);
    return { district, commune };
  });
}

const DMS = /(\d+)°(\d+)′(\d+(?:\.\d+)?)″/gu;
/** Parses a published extent "105°28′31″E–105°33′20″E, 22°17′12″N–22°19′45″N" into a bbox. */
export function parseExtent(s: string): BBox {
  const v = [...s.matchAll(DMS)].map((m) => Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600);
  if (v.length !== 4) throw new Error(`extent "${s}" needs four D°M′S″ values (lon, lon, lat, lat)`);
  return [Math.min(v[0], v[1]), Math.min(v[2], v[3]), Math.max(v[0], v[1]), Math.max(v[2], v[3])];
}

interface Ctx {
  gaz: Gazetteer;
  traces: TraceIndex;
  neighbours: FeatureCollection<PolyGeom, Props>;
  /** Built substations by trace code, for names of schematic line ends. */
  substationNames: Map<string, string>;
  /** Built point features by id (substations, sites, plants), for `feature:` link ends. */
  pointsById: Map<string, { pos: Position; name: string }>;
  /** Published hydropower points (WRI GPPD), by GPPD id. */
  gppd: Map<string, Feature<Point, Props>>;
}

interface Placed {
  geometry: Geometry;
  district?: string;
  commune?: string;
  commune2025?: string;
  description: string;
  extraSources: string[];
  /** Ids of the placement polygons (`commune-…` / `district-…`) of a commune- or district-placed feature. */
  placedIn?: string[];
  /** The 2020 – June 2025 unit(s), joined like `commune`. */
  commune2020?: string;
}

/** Id of a placement polygon as written in communes.geojson / districts.geojson. */
function placementId(f: PolyFeature): string {
  const p = f.properties;
  if (p.commune_id_census2009 !== undefined) return `commune-${String(p.commune_id_census2009)}`;
  if (p.code !== undefined) return `district-${String(p.code)}`;
  throw new Error('placement polygon has neither a census commune id nor a district code');
}

function joinUnique(xs: string[]): string | undefined {
  const u = [...new Set(xs.filter(Boolean))];
  return u.length ? u.join('; ') : undefined;
}

function placeRow(layer: CuratedLayer, row: Record<string, string>, ctx: Ctx): Placed {
  const { gaz } = ctx;
  const level = row.place_level;
  const wantPoint = ['industrial-sites', 'mineral-sites', 'power-plants', 'power-substations'].includes(layer);
  switch (level) {
    case 'commune':
    case 'communes': {
      const pairs = parsePairs(row.place);
      if (level === 'commune' && pairs.length !== 1) throw new Error('place_level "commune" takes exactly one District/Commune');
      const places = pairs.map((p) => gaz.resolveCommune(p.district, p.commune));
      const g = unionAll(places.flatMap((p) => p.parts));
      const c2025 = places.flatMap((p) => gaz.commune2025(p.district, p.name));
      const what = places.map((p) => p.description).join('; ');
      return {
        geometry: wantPoint ? { type: 'Point', coordinates: poleOf(g) } : roundPolygonal(g, 5),
        district: joinUnique(places.map((p) => p.district)),
        commune: joinUnique(places.map((p) => p.name)),
        commune2025: joinUnique(c2025),
        commune2020: joinUnique(places.map((p) => gaz.commune2020(p.district, p.name) ?? '')),
        placedIn: [...new Set(places.flatMap((p) => p.parts.map(placementId)))],
        description: wantPoint
          ? `Only the commune is known: placed at the pole of inaccessibility of ${places.length > 1 ? 'the union of ' : ''}${what}; the position inside the commune is not sourced.`
          : `Drawn as ${places.length > 1 ? 'the union of ' : ''}${what}; the zone's real extent inside these communes is not sourced.`,
        extraSources: places.flatMap((p) => p.extraSources),
      };
    }
    case 'district':
    case 'districts': {
      // An optional hint after "|" moves the marker, never the placement: "Chợ Đồn | south of Chợ Đồn/Bằng Lũng".
      const [placeText, hint] = row.place.split('|').map((s) => s.trim());
      const names = placeText.split(';').map((s) => s.trim()).filter(Boolean);
      if (level === 'district' && names.length !== 1) throw new Error('place_level "district" takes exactly one district');
      const official = names.map((n) => gaz.districtName(n));
      const parts = official.map((n) => gaz.district(n));
      const g = unionAll(parts);
      const list = official.map((n) => (n === 'Bắc Kạn' ? 'Bắc Kạn city' : n)).join(', ');
      let marker: [number, number] | undefined;
      let markerText = '';
      if (hint !== undefined) {
        const m = /^south of (.+)$/u.exec(hint);
        if (!m || !wantPoint || level !== 'district') throw new Error(`marker hint "${hint}" is not "south of District/Commune" on a district-placed point`);
        const [ref] = parsePairs(m[1]);
        const r = gaz.resolveCommune(ref.district, ref.commune);
        const refLat = poleOf(unionAll(r.parts))[1];
        const [w, , e, n] = turfBbox(g);
        const south = intersect({ type: 'FeatureCollection', features: [
          { type: 'Feature', properties: {}, geometry: g },
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w - 1, refLat - 2], [e + 1, refLat - 2], [e + 1, refLat], [w - 1, refLat], [w - 1, refLat - 2]]] } },
        ] });
        if (!south || n < refLat) throw new Error(`no part of ${list} lies south of ${r.description}`);
        marker = poleOf(south.geometry);
        markerText = ` The source says only that it lies south of ${r.name}, so the marker is at the pole of the part of the district south of the latitude of the pole of ${r.description} (${refLat}° N); the marker is a stand-in and the placement is the whole district.`;
      }
      return {
        geometry: wantPoint ? { type: 'Point', coordinates: marker ?? poleOf(g) } : roundPolygonal(g, 5),
        district: joinUnique(official),
        placedIn: parts.map(placementId),
        description: wantPoint
          ? marker
            ? `Only the district is known: the position is anywhere in the ${list} district polygon (dvhcvn, pre-July-2025 boundary).${markerText}`
            : `Only the district is known: placed at the pole of inaccessibility of the ${list} district polygon (dvhcvn, pre-July-2025 boundary).`
          : `Drawn as ${names.length > 1 ? 'the union of ' : ''}the ${list} district polygon${names.length > 1 ? 's' : ''} (dvhcvn, pre-July-2025 boundaries); the zone's real extent inside ${names.length > 1 ? 'them' : 'it'} is not sourced.`,
        extraSources: [],
      };
    }
    case 'trace': {
      if (wantPoint) {
        const f = findTracePoint(ctx.traces, row.place);
        const pos = f.geometry.coordinates;
        const d = [...gaz.districts.values()].find((df) => booleanPointInPolygon(pos, df));
        return {
          geometry: { type: 'Point', coordinates: [round(pos[0], 6), round(pos[1], 6)] },
          district: d ? String(d.properties.name) : undefined,
          description: 'Position from the 110 kV GIS trace file (anhcv1987/sodoluoidien gisLuoi110.json, stated as an EVNNPC GIS extract of 25 Sep 2026; unverified third-party data, no licence stated).',
          extraSources: [SRC.traces],
        };
      }
      if (ctx.traces.withheld) throw new WithheldSource('needs the 110 kV traces (no licence stated), left out of this build');
      const f = ctx.traces.lines.find((l) => l.properties.name === row.place);
      if (!f) throw new Error(`no traced line "${row.place}" in power-110kv-traces.geojson`);
      return {
        geometry: { type: 'LineString', coordinates: roundLine(f.geometry.coordinates, 5) },
        description: `Line traced in the 110 kV GIS file (anhcv1987/sodoluoidien gisLuoi110.json, stated as an EVNNPC GIS extract of 25 Sep 2026; unverified third-party data, no licence stated); the trace is simplified (geodesic length ${f.properties.length_m_geodesic} m vs ${f.properties.length_m_stated} m stated).`,
        extraSources: [SRC.traces],
      };
    }
    case 'points': {
      const tokens = row.place.split('>').map((s) => s.trim()).filter(Boolean);
      if (tokens.length < 2) throw new Error('place_level "points" needs at least two waypoints separated by ">"');
      const pos: (Position | undefined)[] = tokens.map(() => undefined);
      const labels: string[] = tokens.map(() => '');
      const extra: string[] = [];
      // First pass: everything that does not depend on a neighbour waypoint.
      tokens.forEach((t, i) => {
        const [kind, arg] = [t.slice(0, t.indexOf(':')), t.slice(t.indexOf(':') + 1).trim()];
        if (kind === 'commune') {
          const [p] = parsePairs(arg);
          const r = gaz.resolveCommune(p.district, p.commune);
          pos[i] = poleOf(unionAll(r.parts));
          labels[i] = `pole of ${r.description}`;
          extra.push(...r.extraSources);
        } else if (kind === 'district') {
          const n = gaz.districtName(arg);
          pos[i] = poleOf(gaz.district(n).geometry);
          labels[i] = `pole of the ${n} district polygon`;
        } else if (kind === 'trace') {
          pos[i] = findTracePoint(ctx.traces, arg).geometry.coordinates;
          labels[i] = `${arg} (traced position)`;
          extra.push(SRC.traces);
        } else if (kind !== 'border') {
          throw new Error(`unknown waypoint kind "${kind}" in "${t}"`);
        }
      });
      // Second pass: waypoints defined relative to a neighbour.
      tokens.forEach((t, i) => {
        const kind = t.slice(0, t.indexOf(':'));
        const arg = t.slice(t.indexOf(':') + 1).trim();
        const ref = pos[i - 1] ?? pos[i + 1];
        if (kind === 'border') {
          if (!ref) throw new Error(`"${t}" needs a resolved neighbour waypoint`);
          const nb = ctx.neighbours.features.find((f) => nameKey(String(f.properties.name)) === nameKey(arg));
          if (!nb) throw new Error(`no neighbouring province "${arg}"`);
          const polys = nb.geometry.type === 'Polygon' ? [nb.geometry.coordinates] : nb.geometry.coordinates;
          let best: { p: Position; d: number } | undefined;
          for (const ring of polys.map((p) => p[0])) {
            const np = nearestPointOnLine({ type: 'LineString', coordinates: ring }, ref);
            const d = geodesicM(ref, np.geometry.coordinates);
            if (!best || d < best.d) best = { p: np.geometry.coordinates, d };
          }
          pos[i] = [round(best!.p[0], 6), round(best!.p[1], 6)];
          labels[i] = `the nearest point of the ${arg} province outline`;
        }
      });
      return {
        geometry: { type: 'LineString', coordinates: roundLine(pos as Position[], 5) },
        description: `Schematic: straight segments through ${labels.join(' → ')}; the real route is not surveyed.`,
        extraSources: extra,
      };
    }
    case 'links': {
      // A schematic star: one straight link from the source end to each place it serves.
      const [fromText, toText] = row.place.split('->').map((s) => s.trim());
      const ends = toText ? toText.split(';').map((s) => s.trim()).filter(Boolean) : [];
      if (!fromText || ends.length === 0) throw new Error('place_level "links" is "trace:CODE -> end ; end …"');
      const extra: string[] = [];
      const resolveEnd = (t: string): { pos: Position; label: string } => {
        const kind = t.slice(0, t.indexOf(':'));
        const arg = t.slice(t.indexOf(':') + 1).trim();
        if (kind === 'trace') {
          extra.push(SRC.traces);
          return { pos: findTracePoint(ctx.traces, arg).geometry.coordinates, label: `${arg} (traced position)` };
        }
        if (kind === 'commune') {
          const [p] = parsePairs(arg);
          const r = gaz.resolveCommune(p.district, p.commune);
          extra.push(...r.extraSources);
          return { pos: poleOf(unionAll(r.parts)), label: `the pole of ${r.description}` };
        }
        if (kind === 'feature') {
          const f = ctx.pointsById.get(arg);
          if (!f) throw new Error(`no point feature "${arg}" built before this row`);
          return { pos: f.pos, label: `the map point of ${f.name} (${arg})` };
        }
        throw new Error(`unknown link end "${t}" (trace:, commune: or feature:)`);
      };
      const from = resolveEnd(fromText);
      const to = ends.map(resolveEnd);
      const lines = to.map((t) => roundLine([from.pos, t.pos], 5));
      return {
        geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines },
        description: `Schematic links, not routes: one straight segment from ${from.label} to each place the feeder serves (${to.map((t) => t.label).join('; ')}). The source is a single-line diagram: it names the places, not where the line runs.`,
        extraSources: extra,
      };
    }
    case 'published': {
      const [kind, gid] = row.place.split(':').map((s) => s.trim());
      if (kind !== 'gppd' || !wantPoint) throw new Error(`published place "${row.place}" is not "gppd:<id>" on a point layer`);
      const f = ctx.gppd.get(gid);
      if (!f) throw new Error(`no GPPD row "${gid}" in ${SOURCE_INPUTS.gppd}`);
      const pos = f.geometry.coordinates;
      const d = [...gaz.districts.values()].find((df) => booleanPointInPolygon(pos, df));
      return {
        geometry: { type: 'Point', coordinates: [round(pos[0], 6), round(pos[1], 6)] },
        district: d ? String(d.properties.name) : undefined,
        description: `Position published in the WRI Global Power Plant Database (raw Vietnam input, id ${gid}; geolocation source: Open Development Vietnam), copied unchanged (${String(f.properties.latitude_as_published)} N, ${String(f.properties.longitude_as_published)} E). A published database point, not surveyed for this map; how it was measured is not stated.`,
        extraSources: [SRC.gppd, String(f.properties.upstream_url)],
      };
    }
    case 'extent': {
      const [w, s, e, n] = parseExtent(row.place);
      return {
        geometry: roundPolygonal({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }, 5),
        description: `Drawn as the published coordinate box ${row.place}, not the real outline.`,
        extraSources: [],
      };
    }
    default:
      throw new Error(`unknown place_level "${level}"`);
  }
}

function rowToFeature(layer: CuratedLayer, row: Record<string, string>, ctx: Ctx): Feature<Geometry, Props> {
  const where = `data/${CURATED_TABLES[layer]} row "${row.id}"`;
  try {
    const expected = PLACE_LEVEL_ACCURACY[row.place_level];
    if (!expected) throw new Error(`unknown place_level "${row.place_level}"`);
    if (row.accuracy !== expected) throw new Error(`accuracy "${row.accuracy}" does not match place_level "${row.place_level}" (expected "${expected}")`);
    if (row.as_of && !AS_OF_PATTERN.test(row.as_of)) throw new Error(`as_of "${row.as_of}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    const placed = placeRow(layer, row, ctx);
    const props: Props = {};
    const types = COLUMN_TYPES[layer];
    for (const [k, v] of Object.entries(row)) {
      if (PLACEMENT_COLUMNS.has(k) || v === '') continue;
      const t = types[k];
      if (t === 'number') {
        const n = Number(v);
        if (!Number.isFinite(n)) throw new Error(`column ${k}: "${v}" is not a number`);
        props[k] = n;
      } else if (t === 'boolean') {
        if (v !== 'true' && v !== 'false') throw new Error(`column ${k}: "${v}" is not true/false`);
        props[k] = v === 'true';
      } else if (t === 'list') {
        props[k] = v.split(';').map((s) => s.trim()).filter(Boolean);
      } else {
        props[k] = v;
      }
    }
    // District and commune: given in the row, else derived from the place.
    const district = row.district || placed.district;
    const commune = row.commune || placed.commune;
    if (district) props.district = district;
    if (commune) props.commune = commune;
    let c2025 = placed.commune2025;
    if (!c2025 && row.commune && district && !district.includes(';')) {
      c2025 = joinUnique(row.commune.split(';').flatMap((c) => ctx.gaz.commune2025(district, c.trim())));
    }
    if (c2025) props.commune_2025 = c2025;
    let c2020 = placed.commune2020;
    if (!c2020 && row.commune && district && !district.includes(';')) {
      c2020 = joinUnique(row.commune.split(';').map((c) => ctx.gaz.commune2020(district, c.trim()) ?? ''));
    }
    // The 2020 – June 2025 unit, when the sources' name is not it (an old name or a list with old names).
    if (c2020 && commune && c2020 !== commune) props.commune_2020 = c2020;
    if (placed.placedIn) props.placed_in = placed.placedIn;
    props.accuracy_note = row.accuracy_note ? `${placed.description} ${row.accuracy_note}` : placed.description;
    const sources = row.sources.split(' ; ').map((s) => s.trim()).filter(Boolean);
    if (sources.length === 0) throw new Error('no sources');
    props.sources = [...new Set([...sources, ...placed.extraSources])];
    return { type: 'Feature', geometry: placed.geometry, properties: props };
  } catch (e) {
    if (e instanceof WithheldSource) throw e;
    throw new Error(`${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

// --------------------------------------------------------------------------------------------
// The build
// --------------------------------------------------------------------------------------------

/** Serialises a FeatureCollection deterministically: sorted keys, one feature per line. */
export function serialiseCollection(features: Feature[]): string {
  const lines = features.map((f) => JSON.stringify(sortKeys(f)));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

function sortById(features: Feature<Geometry, Props>[]): Feature<Geometry, Props>[] {
  return [...features].sort((a, b) => String(a.properties.id).localeCompare(String(b.properties.id), 'en'));
}

/** Loads the source inputs and returns the gazetteer (exported for tests). */
export function loadSources(rootDir: string) {
  const texts: Record<string, string> = {};
  const json = <T>(rel: string) => {
    const r = readJson<T>(join(rootDir, rel));
    texts[rel] = r.text;
    return r.value;
  };
  const province = json<FeatureCollection<PolyGeom, Props>>(SOURCE_INPUTS.province);
  const districts = json<FeatureCollection<PolyGeom, Props>>(SOURCE_INPUTS.districts);
  const communes = json<FeatureCollection<PolyGeom, Props>>(SOURCE_INPUTS.communes);
  const neighbours = json<FeatureCollection<PolyGeom, Props>>(SOURCE_INPUTS.neighbours);
  const rivers = json<FeatureCollection<LineString, Props>>(SOURCE_INPUTS.rivers);
  const traces = json<FeatureCollection<Point | LineString, Props>>(SOURCE_INPUTS.traces);
  const gppd = json<FeatureCollection<Point, Props>>(SOURCE_INPUTS.gppd);
  texts[SOURCE_INPUTS.changes] = readFileSync(join(rootDir, SOURCE_INPUTS.changes), 'utf8');
  const changes = readCsv(texts[SOURCE_INPUTS.changes], SOURCE_INPUTS.changes) as unknown as ChangeRow[];
  const gaz = new Gazetteer(communes, districts, changes);
  return { texts, province, districts, communes, neighbours, rivers, traces, gppd, changes, gaz };
}

/**
 * Builds the whole data package and writes it to `outDir`.
 * Throws (writing nothing) when a row cannot be placed or any feature fails validation.
 */
/** The province's own grid: VN-2000 / TM-3 with Bắc Kạn's provincial central meridian 106°30′ (EPSG:9213). */
const REGION_CRS = 9213;

export function buildGeodata(opts: BuildOptions): BuildResult {
  const dataDir = opts.dataDir ?? join(REPO_DIR, 'data');
  const base = loadSources(opts.rootDir);
  const { gaz } = base;
  const inputs: Record<string, string> = {};
  for (const [rel, text] of Object.entries(base.texts)) inputs[rel] = sha256(text);
  if (opts.withoutUnlicensed) delete inputs[SOURCE_INPUTS.traces];

  const layers = {} as Record<LayerId, Feature<Geometry, Props>[]>;

  // ---- region
  const prov = base.province.features[0];
  const provGeom = roundPolygonal(prov.geometry, 5);
  const rb = turfBbox(provGeom);
  const regionBbox: BBox = [round(rb[0], 5), round(rb[1], 5), round(rb[2], 5), round(rb[3], 5)];
  const noteEn = 'Former Bắc Kạn province. Since 1 July 2025 it is part of the new Thái Nguyên province (National Assembly Resolution 202/2025/QH15, 12 June 2025); the district level was abolished on the same day. Boundaries and names shown are those before the merger.';
  const noteVi = 'Tỉnh Bắc Kạn (cũ). Từ ngày 1/7/2025 là một phần của tỉnh Thái Nguyên mới (Nghị quyết 202/2025/QH15 ngày 12/6/2025); cấp huyện bị bãi bỏ cùng ngày. Ranh giới và tên gọi trên bản đồ là trước khi sáp nhập.';
  layers.region = [{
    type: 'Feature', geometry: provGeom,
    properties: { name: 'Bắc Kạn (cũ)', name_en: 'former Bắc Kạn province', note: noteEn, accuracy: 'official', sources: [SRC.dvhcvn, SRC.gisChinhphu, SRC.merger] },
  }];

  // ---- neighbours
  layers.neighbours = [...base.neighbours.features]
    .sort((a, b) => String(a.properties.code).localeCompare(String(b.properties.code)))
    .map((f) => ({
      type: 'Feature', geometry: roundPolygonal(f.geometry, 4),
      properties: {
        name: String(f.properties.name), code: String(f.properties.code), accuracy: 'official', sources: [SRC.dvhcvn, SRC.gisChinhphu],
        note: 'Province as before 1 July 2025 (the 2025 mergers changed most neighbours), for context.',
      },
    }));

  // ---- districts
  layers.districts = [...base.districts.features]
    .sort((a, b) => String(a.properties.code).localeCompare(String(b.properties.code)))
    .map((f) => ({
      type: 'Feature', geometry: roundPolygonal(f.geometry, 5),
      properties: {
        id: `district-${f.properties.code}`, name: String(f.properties.name), name_full: String(f.properties.name_full),
        code: String(f.properties.code), accuracy: 'official', sources: [SRC.dvhcvn, SRC.gisChinhphu],
        note: 'District-level unit before 1 July 2025 (abolished by the two-tier local government reform); used by the 2021–2030 plan.',
      },
    }));

  // ---- communes (2009)
  layers.communes = gaz.communes.map((c) => {
    const p = c.feature.properties;
    const c2025 = gaz.commune2025(c.district, c.name);
    return {
      type: 'Feature' as const, geometry: roundPolygonal(c.feature.geometry, 5),
      properties: {
        id: `commune-${p.commune_id_census2009}`, name: c.name, name_full: c.nameFull, district: gaz.districtName(c.district),
        population_2009: Number(p.population_2009), area_ha_2009: Number(p.area_ha_2009),
        ...(c2025.length ? { commune_2025: c2025.join('; ') } : {}),
        accuracy: 'generalised', sources: [SRC.census, SRC.nq1683],
      },
    };
  });

  // ---- rivers
  layers.rivers = base.rivers.features.map((f, i) => ({
    type: 'Feature', geometry: { type: 'LineString', coordinates: roundLine(f.geometry.coordinates, 5) },
    properties: {
      id: `river-gshhg-${i + 1}`, accuracy: 'generalised', sources: [SRC.gshhg],
      note: `GSHHG/WDBII ${String(f.properties.class)} (level ${String(f.properties.gshhg_wdbii_level)}), 1980s digitisation at about 1:1M–1:3M, for context only. The source carries no river names.`,
    },
  }));

  // ---- curated layers
  const traces: TraceIndex = {
    points: base.traces.features.filter((f): f is Feature<Point, Props> => f.geometry.type === 'Point'),
    lines: base.traces.features.filter((f): f is Feature<LineString, Props> => f.geometry.type === 'LineString'),
    withheld: opts.withoutUnlicensed,
  };
  const ctx: Ctx = {
    gaz, traces, neighbours: base.neighbours, substationNames: new Map(), pointsById: new Map(),
    gppd: new Map(base.gppd.features.map((f) => [String(f.properties.gppd_id), f])),
  };
  const asOfs: string[] = [];
  // Substations and plants first: schematic lines name their end substations and link to plants.
  const order: CuratedLayer[] = ['power-substations', 'industrial-sites', 'mineral-sites', 'material-zones', 'power-plants', 'power-lines', 'roads', 'protected-areas'];
  for (const layer of order) {
    const rel = `data/${CURATED_TABLES[layer]}`;
    const text = readFileSync(join(dataDir, CURATED_TABLES[layer]), 'utf8');
    inputs[rel] = sha256(text);
    const rows = readCsv(text, rel);
    layers[layer] = sortById(rows.flatMap((r) => {
      let f: Feature<Geometry, Props>;
      try {
        f = rowToFeature(layer, r, ctx);
      } catch (e) {
        if (e instanceof WithheldSource) return [];
        throw e;
      }
      if (r.as_of) asOfs.push(r.as_of);
      return [f];
    }));
    if (layer === 'power-substations') {
      for (const f of layers[layer]) if (f.properties.code) ctx.substationNames.set(String(f.properties.code), String(f.properties.name));
    }
    for (const f of layers[layer]) {
      if (f.geometry.type === 'Point') ctx.pointsById.set(String(f.properties.id), { pos: f.geometry.coordinates, name: String(f.properties.name) });
    }
  }

  // ---- validate everything; ids unique across the package
  const problems: string[] = [];
  const allIds = new Map<string, LayerId>();
  for (const id of LAYER_IDS) {
    const res = validateLayer(id, { type: 'FeatureCollection', features: layers[id] }, { bbox: regionBbox });
    if (!res.ok) problems.push(...res.issues.map((i) => i.message));
    for (const f of layers[id]) {
      const fid = f.properties.id;
      if (typeof fid !== 'string') continue;
      const prev = allIds.get(fid);
      if (prev) problems.push(`${id}: id "${fid}" is also used in layer ${prev}`);
      allIds.set(fid, id);
    }
  }
  problems.push(...checkPlacedIn(layers));
  if (problems.length) throw new Error(`data package is invalid (${problems.length} issues):\n- ${problems.join('\n- ')}`);

  // ---- serialise
  const files: Record<string, string> = {};
  const manifestLayers: ManifestLayer[] = [];
  for (const id of LAYER_IDS) {
    const text = serialiseCollection(layers[id]);
    const file = `${id}.geojson`;
    files[file] = text;
    const feats = layers[id];
    const layerSources = [...new Set(feats.flatMap((f) => (f.properties.sources as string[] | undefined) ?? []))].sort();
    manifestLayers.push({
      id, file, title_vi: TITLES[id][0], title_en: TITLES[id][1], featureCount: feats.length,
      geometryTypes: [...new Set(feats.map((f) => f.geometry.type))].sort(),
      accuracy: [...new Set(feats.map((f) => (f.properties.accuracy as Accuracy | undefined) ?? 'official'))].sort() as Accuracy[],
      sources: id === 'neighbours' ? [SRC.dvhcvn, SRC.gisChinhphu] : layerSources,
      licence: licenceOf(id), attribution: attributionOf(id, feats), bytes: Buffer.byteLength(text, 'utf8'), sha256: sha256(text),
    });
  }
  const dataAsOf = asOfs.sort().at(-1);
  if (!dataAsOf) throw new Error('no as_of in any curated row');
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION,
    region: { id: 'bac-kan', name: 'Bắc Kạn (cũ)', name_en: 'former Bắc Kạn province', bbox: regionBbox, crs: REGION_CRS, note_vi: noteVi, note_en: noteEn },
    dataAsOf,
    layers: manifestLayers,
    inputs: Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b))),
  };
  files['manifest.json'] = `${JSON.stringify(sortKeys(manifest), null, 2)}\n`;

  mkdirSync(opts.outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(opts.outDir, name), text);
  return { manifest, files };
}

/**
 * Every commune- or district-placed curated feature names its placement polygons in `placed_in`;
 * each id exists in communes / districts, and a point lies inside their union.
 */
export function checkPlacedIn(layers: Record<LayerId, Feature<Geometry, Props>[]>): string[] {
  const polys = new Map<string, Feature<Geometry, Props>>();
  for (const f of [...layers.communes, ...layers.districts]) polys.set(String(f.properties.id), f);
  const problems: string[] = [];
  for (const layer of Object.keys(CURATED_TABLES) as CuratedLayer[]) {
    for (const f of layers[layer]) {
      const { id, accuracy, placed_in: placedIn } = f.properties;
      const where = `${layer} ${String(id)}`;
      const placed = accuracy === 'commune' || accuracy === 'district';
      if (!placed) {
        if (placedIn !== undefined) problems.push(`${where}: placed_in on a feature whose accuracy is "${String(accuracy)}"`);
        continue;
      }
      if (!Array.isArray(placedIn) || placedIn.length === 0) { problems.push(`${where}: a ${String(accuracy)}-placed feature has no placed_in`); continue; }
      const kind = accuracy === 'commune' ? 'commune-' : 'district-';
      const found = placedIn.map((pid) => polys.get(String(pid)));
      placedIn.forEach((pid, i) => {
        if (!String(pid).startsWith(kind)) problems.push(`${where}: placed_in "${String(pid)}" is not a ${accuracy} polygon`);
        else if (!found[i]) problems.push(`${where}: placed_in "${String(pid)}" does not exist`);
      });
      if (f.geometry.type === 'Point' && found.every(Boolean)) {
        const pos = f.geometry.coordinates;
        if (!found.some((p) => booleanPointInPolygon(pos, p as Feature<PolyGeom>))) problems.push(`${where}: point [${pos.join(', ')}] is not inside placed_in ${placedIn.join(' + ')}`);
      }
    }
  }
  return problems;
}

function licenceOf(id: LayerId): string {
  switch (id) {
    case 'region': case 'neighbours': case 'districts': return LIC.dvhcvn;
    case 'communes': return LIC.census;
    case 'rivers': return LIC.gshhg;
    case 'power-lines': case 'power-substations': return LIC.power;
    case 'power-plants': return `${LIC.placed}; Nặm Cắt and Thượng Ân points: WRI Global Power Plant Database (CC-BY-4.0), geolocation by Open Development Vietnam`;
    case 'protected-areas': return `${LIC.placed}; Nam Xuân Lạc box from NBCA`;
    default: return LIC.placed;
  }
}

// --------------------------------------------------------------------------------------------
// CLI
// --------------------------------------------------------------------------------------------

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const rootDir = REPO_DIR;
  const outDir = join(REPO_DIR, 'public', 'geodata');
  const release = process.argv.includes('--without-unlicensed') || (process.env.RELEASE ?? '') === '1';
  try {
    if (release) console.log('release build: leaving out the 110 kV traces (no licence stated) and every feature placed from them');
    const { manifest, files } = buildGeodata({ rootDir, outDir, withoutUnlicensed: release });
    const total = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
    for (const l of manifest.layers) console.log(`${l.id.padEnd(18)} ${String(l.featureCount).padStart(4)} features ${String(l.bytes).padStart(8)} B`);
    console.log(`wrote ${Object.keys(files).length} files (${total} B) to ${outDir}; dataAsOf ${manifest.dataAsOf}`);
  } catch (e) {
    console.error(`build-geodata failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
