/**
 * The data package contract: layer ids, feature properties per layer, and the manifest.
 *
 * `public/geodata/<layerId>.geojson` holds one FeatureCollection per layer (WGS84 lon/lat,
 * RFC 7946) and `public/geodata/manifest.json` describes them. The build script
 * (`scripts/build-geodata.ts`) writes both; `lib/data/validate.ts` checks them on load.
 * Pure types and constants: no Svelte, MapLibre or DOM.
 */
import type { Feature, FeatureCollection, Geometry, Point, LineString, MultiLineString, Polygon, MultiPolygon } from 'geojson';

export const SCHEMA_VERSION = 1;

/** Every layer of the data package, in no particular order (draw order lives in lib/map). */
export const LAYER_IDS = [
  'region',
  'neighbours',
  'districts',
  'communes',
  'rivers',
  'protected-areas',
  'material-zones',
  'roads',
  'power-lines',
  'power-substations',
  'power-plants',
  'mineral-sites',
  'industrial-sites',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/**
 * How well a feature's geometry is known, from best to worst.
 * - `official`: an official boundary (gis.chinhphu.vn via dvhcvn).
 * - `generalised`: an official-origin boundary thinned for small scales (2009 communes) or a coarse
 *   digitisation (GSHHG rivers).
 * - `traced`: a position or line published by a third party whose survey method is not stated: the
 *   110 kV traces (a GIS extract of unverified origin) and the hydropower points of the WRI Global
 *   Power Plant Database (geolocated by Open Development Vietnam). Taken as given, not surveyed here.
 * - `extent`: a coordinate bounding box published by the source, not the real outline.
 * - `commune`: only the commune is known; a point is placed at the commune polygon's pole of
 *   inaccessibility, a zone is the whole commune polygon.
 * - `district`: only the district is known; placed the same way inside the district.
 * - `schematic`: a line known only by its end points or the places it passes, or by the places it
 *   serves (medium-voltage feeders: one straight link from the substation to each place); drawn
 *   straight between them. Indicative, never a measured route.
 */
export const ACCURACY_CLASSES = ['official', 'generalised', 'traced', 'extent', 'commune', 'district', 'schematic'] as const;
export type Accuracy = (typeof ACCURACY_CLASSES)[number];

/** Plan phase, used by the phase control and filters. */
export const PLAN_PHASES = ['existing', 'under-construction', 'planned-2025', 'planned-2030', 'vision-2050'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

/** Properties shared by every curated feature (industrial sites, minerals, zones, power, roads, protected areas). */
export interface CommonProps {
  /** Stable id, unique across the whole package, kebab-case (e.g. `ccn-quang-chu`). */
  id: string;
  /** Name in Vietnamese, with diacritics. */
  name: string;
  /** Name in English, when it differs (else absent). */
  name_en?: string;
  accuracy: Accuracy;
  /** Why the accuracy is what it is, in English (e.g. "placed inside xã Thanh Bình (2009 polygon)"). */
  accuracy_note?: string;
  /** Source URLs (at least one). */
  sources: string[];
  /** Date or year the figures refer to, as given by the source (e.g. "2023-11", "2021"). */
  as_of?: string;
  /** Pre-July-2025 district as used in the 2021–2030 plan (e.g. "Chợ Mới"). */
  district?: string;
  /** Commune as named in the sources / the plan (e.g. "Thanh Bình"). */
  commune?: string;
  /**
   * The commune-level unit of 2020 – June 2025 (after the 2020 mergers, NQ 855/NQ-UBTVQH14), present
   * only when `commune` names a unit that no longer existed then (e.g. "Thanh Thịnh" for "Thanh Bình").
   */
  commune_2020?: string;
  /** The commune-level unit of Thái Nguyên it lies in since 1 July 2025 (e.g. "Thanh Thịnh"). */
  commune_2025?: string;
  /**
   * Where a commune- or district-placed feature can truly be: the ids of its placement polygons,
   * `commune-<census id>` in communes.geojson (2009 polygons) or `district-<code>` in districts.geojson.
   * Always an array; the true position lies somewhere in the UNION of the listed polygons. Several ids
   * when the feature is placed by several communes (a `communes` row) or by a 2020 unit drawn as the
   * union of its 2009 predecessors (e.g. Thanh Thịnh = Thanh Bình + Nông Thịnh). Present exactly when
   * `accuracy` is `commune` or `district`; the build checks every id exists and a point lies inside.
   * The map point of such a feature is a stand-in (the polygon's pole), never a position.
   */
  placed_in?: string[];
  /** Free text in English: caveats, conflicts between sources. */
  note?: string;
}

/** Kinds of industrial site. */
export const SITE_KINDS = ['park', 'cluster'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
/** Statuses of an industrial site, from most to least advanced. */
export const SITE_STATUSES = ['operating', 'under-construction', 'established', 'planned'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export interface IndustrialSiteProps extends CommonProps {
  kind: SiteKind;
  status: SiteStatus;
  phase: PlanPhase;
  /** Area in hectares, when sourced. */
  area_ha?: number;
  /** Occupancy in percent (0–100), when sourced. */
  occupancy_pct?: number;
  investor?: string;
  /** Founding / planning decision(s), e.g. "QĐ 1868/QĐ-UBND, 16 Oct 2020". */
  decision?: string;
  /** Target sectors, English keywords from SECTORS. */
  sectors?: Sector[];
  /** Investment in billion VND, when sourced. */
  investment_bn_vnd?: number;
}

/** Sector keywords used to relate sites to materials (suitability). */
export const SECTORS = [
  'wood', 'agro-forestry', 'herbal', 'food', 'minerals', 'metals', 'light-industry', 'footwear',
  'electrical', 'mechanical', 'chemicals', 'paper', 'waste', 'energy', 'fertiliser', 'building-materials', 'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const MINERALS = ['lead-zinc', 'lead', 'gold'] as const;
export type Mineral = (typeof MINERALS)[number];
export const MINERAL_SITE_KINDS = ['ore-field', 'deposit', 'smelter', 'occurrence'] as const;
export type MineralSiteKind = (typeof MINERAL_SITE_KINDS)[number];

export interface MineralSiteProps extends CommonProps {
  kind: MineralSiteKind;
  mineral: Mineral;
  /** Status in English: "mining", "licensed without auction", "operating", "idle", "surveyed", … */
  status: string;
  /** Reserves or capacity as text, with units, as the source gives it. */
  reserves?: string;
  capacity_t_per_year?: number;
}

export const CROPS = ['wood', 'canna', 'ginger', 'turmeric', 'herbs', 'orange', 'persimmon', 'rice-wine'] as const;
export type Crop = (typeof CROPS)[number];

export interface MaterialZoneProps extends CommonProps {
  crop: Crop;
  /** Area under the crop in hectares, when sourced, for this zone. */
  area_ha?: number;
  /** Production as text with units (e.g. "7,117 t (2021)"). */
  production?: string;
  /** Year the area/production refer to. */
  year?: number;
}

/** Voltage classes drawn by the map, kV. */
export const VOLTAGES_KV = [22, 35, 110, 220] as const;
export type VoltageKv = (typeof VOLTAGES_KV)[number];
/**
 * Line voltages the analyses understand, kV: Vietnam's distribution (medium-voltage) levels 6, 10,
 * 15, 22 and 35 kV, and the 110 and 220 kV transmission levels. The bundled package uses
 * {@link VOLTAGES_KV}; imported lines may carry any of these.
 */
export const LINE_VOLTAGES_KV = [6, 10, 15, 22, 35, 110, 220] as const;
export type LineVoltageKv = (typeof LINE_VOLTAGES_KV)[number];
/** Medium voltage (distribution) levels, kV. */
export const MV_VOLTAGES_KV = [6, 10, 15, 22, 35] as const satisfies readonly LineVoltageKv[];

export interface PowerLineProps extends CommonProps {
  voltage_kv: VoltageKv;
  /** Length as stated by the source, metres. */
  length_m_stated?: number;
  from?: string;
  to?: string;
  status?: string;
}

export const SUBSTATION_KINDS = ['substation', 'junction'] as const;
export type SubstationKind = (typeof SUBSTATION_KINDS)[number];
export interface PowerSubstationProps extends CommonProps {
  kind: SubstationKind;
  /** Highest voltage, kV (220 for a 220/110 kV substation). */
  voltage_kv: VoltageKv;
  code?: string;
  capacity_mva?: number;
  /** Loading in percent, when sourced. */
  loading_pct?: number;
  transformers?: number;
  inside_region: boolean;
}

export const POWER_PLANT_KINDS = ['hydropower'] as const;
export interface PowerPlantProps extends CommonProps {
  kind: (typeof POWER_PLANT_KINDS)[number];
  capacity_mw?: number;
  status: string;
}

export const ROAD_CLASSES = ['expressway', 'national', 'provincial', 'other'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];
export interface RoadProps extends CommonProps {
  ref: string;
  road_class: RoadClass;
  status: string;
  /** Length as stated by the source, metres (the drawn schematic line is shorter or longer). */
  length_m_stated?: number;
}

export const PROTECTED_AREA_KINDS = ['national-park', 'nature-reserve', 'species-habitat'] as const;
export type ProtectedAreaKind = (typeof PROTECTED_AREA_KINDS)[number];
export interface ProtectedAreaProps extends CommonProps {
  kind: ProtectedAreaKind;
  /** Area in hectares as the source gives it (core), not the polygon's area. */
  area_ha_stated?: number;
  designations?: string[];
}

export interface RegionProps { name: string; name_en: string; note: string; sources: string[]; accuracy: Accuracy }
export interface NeighbourProps {
  name: string; code: string;
  accuracy?: Accuracy; sources?: string[];
  /** Caveat in English (pre-July-2025 provinces). */
  note?: string;
}
export interface DistrictProps {
  id: string; name: string; name_full: string; code: string; accuracy: Accuracy; sources: string[];
  /** Caveat in English (districts are pre-July-2025 units, abolished on 1 July 2025). */
  note?: string;
}
export interface CommuneProps {
  id: string;
  /** Bare name without the level prefix (e.g. "Thanh Bình"). */
  name: string;
  /** Name with its 2009 level prefix (e.g. "Xã Thanh Bình", "Thị trấn Chợ Mới"). */
  name_full?: string;
  district: string;
  population_2009: number;
  area_ha_2009: number;
  /** The July 2025 unit(s) this 2009 commune belongs to (several when it was split). */
  commune_2025?: string;
  accuracy: Accuracy;
  sources: string[];
}
export interface RiverProps {
  id: string; name?: string; accuracy: Accuracy; sources: string[];
  /** Caveat in English (scale, how the name was assigned). */
  note?: string;
}

/**
 * Values that features the user brings (imported from a file, or drawn on the map) carry outside
 * the package's enums: they never pass the package validator, and the UI and the analysis read
 * them next to the bundled features.
 */
export const USER_ACCURACY = ['imported', 'drawn'] as const;
export type UserAccuracy = (typeof USER_ACCURACY)[number];
/** Properties of a user site: an imported "my sites" feature or a drawn draft. */
export interface UserSiteProps {
  id: string;
  name: string;
  kind: 'candidate';
  status: 'imported' | 'draft';
  accuracy: UserAccuracy;
  accuracy_note?: string;
  sources?: string[];
}

export interface LayerPropsMap {
  region: RegionProps;
  neighbours: NeighbourProps;
  districts: DistrictProps;
  communes: CommuneProps;
  rivers: RiverProps;
  'protected-areas': ProtectedAreaProps;
  'material-zones': MaterialZoneProps;
  roads: RoadProps;
  'power-lines': PowerLineProps;
  'power-substations': PowerSubstationProps;
  'power-plants': PowerPlantProps;
  'mineral-sites': MineralSiteProps;
  'industrial-sites': IndustrialSiteProps;
}

export type LayerGeometry = {
  region: Polygon | MultiPolygon;
  neighbours: Polygon | MultiPolygon;
  districts: Polygon | MultiPolygon;
  communes: Polygon | MultiPolygon;
  rivers: LineString | MultiLineString;
  'protected-areas': Polygon | MultiPolygon;
  'material-zones': Polygon | MultiPolygon;
  roads: LineString | MultiLineString;
  'power-lines': LineString | MultiLineString;
  'power-substations': Point;
  'power-plants': Point;
  'mineral-sites': Point;
  'industrial-sites': Point | Polygon | MultiPolygon;
};

export type LayerFeature<L extends LayerId> = Feature<LayerGeometry[L], LayerPropsMap[L]>;
export type LayerCollection<L extends LayerId> = FeatureCollection<LayerGeometry[L], LayerPropsMap[L]>;
export type AnyFeature = Feature<Geometry, Record<string, unknown>>;

/**
 * One credit of a layer (manifest `attribution`): whom to credit, under which licence, from where.
 * Plain text: shown on the map, in the About panel, on the dossier and in every export, never as HTML.
 */
export interface Attribution {
  /** Short credit, Vietnamese. */
  text_vi: string;
  /** Short credit, English. */
  text_en: string;
  /** SPDX licence id (e.g. "GPL-3.0", "MIT"), or {@link NO_LICENCE} when the source states none. */
  license: string;
  /** Where the data come from (a repository at a commit, or the publisher's page). */
  url?: string;
}

/** `Attribution.license` of a source that states no licence (third-party data nobody has licensed). */
export const NO_LICENCE = 'NONE';

export interface ManifestLayer {
  id: LayerId;
  file: string;
  title_vi: string;
  title_en: string;
  featureCount: number;
  geometryTypes: string[];
  accuracy: Accuracy[];
  /** Source names/URLs for the layer as a whole. */
  sources: string[];
  licence: string;
  /** Credits of the layer's sources, in the build's table order (absent in packages built before it). */
  attribution?: Attribution[];
  bytes: number;
  sha256: string;
}

export interface Manifest {
  schemaVersion: number;
  region: {
    id: string;
    name: string;
    name_en: string;
    /** [west, south, east, north] */
    bbox: [number, number, number, number];
    /** EPSG code of the region's own projected grid (a province's legal VN-2000 TM-3 meridian), the preferred CRS proposal on import. */
    crs?: number;
    note_vi: string;
    note_en: string;
  };
  /** Date of the newest source fact (not the wall clock: the build is deterministic). */
  dataAsOf: string;
  layers: ManifestLayer[];
  /** sha256 of every build input, keyed by path relative to the repository root. */
  inputs: Record<string, string>;
}
