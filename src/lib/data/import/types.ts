/**
 * Types of the import library. Pure: no DOM, Svelte or MapLibre; every value is structured-clone
 * friendly so results can cross a worker boundary (postMessage / comlink) unchanged — except the
 * `onProgress` callback and `signal` of the options, which stay on the worker side.
 */
import type { FeatureCollection, Feature, Geometry } from 'geojson';

/** A file format the importer understands. */
export type ImportFormat = 'geojson' | 'kml' | 'kmz' | 'gpx' | 'csv' | 'shapefile';

/**
 * Where the source CRS came from: `prj` a Shapefile .prj; `kml` / `gpx` fixed by the format (KML,
 * KMZ and GPX are always WGS 84); `geojson` a GeoJSON `crs` member; `user` options.fromCrs; `assumed` WGS 84
 * because nothing was declared and the coordinates look like degrees; `proposed` guessed from
 * projected coordinates and the region hint (warned; let the user confirm).
 */
export type CrsSource = 'prj' | 'kml' | 'gpx' | 'geojson' | 'user' | 'assumed' | 'proposed';

/**
 * Every issue code the importer reports: a public, stable contract. The UI dictionaries are keyed
 * by it (`Record<IssueCode, …>`), so a new code without a Vietnamese and English headline and
 * reason does not type-check.
 */
export const ISSUE_CODES = [
  // The file as a whole
  'aborted', 'empty-file', 'file-too-large', 'format-mismatch', 'unsupported-format', 'internal-error',
  'text-too-large', 'too-many-features', 'too-many-vertices', 'deeply-nested', 'worker-failed', 'worker-timeout', 'result-part-lost',
  // Text and encodings
  'invalid-utf8', 'encoding-tcvn3', 'encoding-vni', 'encoding-unknown', 'encoding-unsupported', 'cpg-mismatch', 'cpg-unknown',
  // GeoJSON
  'invalid-json', 'truncated-json', 'not-geojson',
  // KML, KMZ, GPX
  'invalid-xml', 'truncated-xml', 'xml-doctype', 'not-kml', 'not-gpx', 'kmz-no-kml', 'kmz-multiple-kml',
  // ZIP and Shapefile
  'invalid-zip', 'zip-too-large', 'zip-no-shapefile', 'shapefile-not-zipped', 'shapefile-multiple-layers', 'shapefile-missing-dbf',
  'shapefile-missing-prj', 'invalid-shp', 'invalid-dbf', 'dbf-truncated', 'dbf-count-mismatch',
  // CSV
  'csv-one-column', 'csv-column-missing', 'csv-needs-mapping', 'csv-bad-coordinate', 'csv-bad-wkt', 'csv-xy-northing-easting',
  // Coordinate systems
  'unsupported-crs', 'crs-overridden', 'crs-assumed', 'crs-proposed', 'crs-mismatch', 'projected-without-crs', 'swapped-lat-lon',
  // Features
  'empty-layer', 'null-geometry', 'invalid-geometry', 'line-one-point', 'out-of-range', 'projected-in-degrees', 'ring-closed',
  'self-intersection', 'outside-region', 'duplicate-id', 'html-in-property', 'unicode-normalised', 'mixed-geometry', 'no-valid-features',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem found in the input. Messages are English, specific: what, which feature/line, why. */
export interface Issue {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. `invalid-json`, `ring-closed`, `crs-proposed` (see ISSUE_CODES). */
  code: IssueCode;
  message: string;
  /** 0-based index of the feature in the source file (CSV: data row). */
  featureIndex?: number;
  /** 1-based line in the source text, when known (CSV, JSON, XML). */
  line?: number;
  /** `result-part-lost`: 1-based number of the part of the features, sent from the import worker to the page, that was missing or out of order. */
  part?: number;
}

/** A source feature left out of the result. */
export interface Rejected {
  /** 0-based index of the feature in the source file (CSV: data row). */
  index: number;
  reason: string;
}

/** The file to import: its name (used for the extension check and messages) and its bytes. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

/** How to read coordinates from a table (CSV): two columns, or one WKT column. */
export type ColumnMapping = { x: string; y: string } | { wkt: string };

/** Options of `importFile`; all optional. */
export interface ImportOptions {
  /** Source CRS (EPSG code or "EPSG:n"); overrides whatever the file says. */
  fromCrs?: number | string;
  /** Region of interest [west, south, east, north] in WGS 84 (pass the manifest's `region.bbox`), for CRS proposals and swapped lat/lon. Default: VN-2000's area of use (Vietnam). */
  regionBbox?: [number, number, number, number];
  /** The region's own projected grid (the manifest's `region.crs`), preferred among equally good proposals. */
  preferredCrs?: number;
  /** Reject files bigger than this many bytes, before parsing. Default 50 MiB. */
  maxBytes?: number;
  /** Reject archives whose (binary) entries would inflate to more than this many bytes in total. Default 100 MiB. */
  maxUnzippedBytes?: number;
  /** Reject text (a GeoJSON, CSV, KML or GPX file, or the KML inflated from a KMZ) longer than this many bytes. Default 50 MiB. */
  maxTextBytes?: number;
  /** Reject layers with more features than this. Default 250,000. */
  maxFeatures?: number;
  /** Reject layers with more positions (vertices) than this in all. Default 5,000,000. */
  maxVertices?: number;
  /** Reject JSON or XML nested deeper than this many levels. Default 64. */
  maxDepth?: number;
  /** CSV coordinate columns, overriding header detection. */
  columns?: ColumnMapping;
  /** Swap lon/lat when the swapped positions fall in the region (with a warning). Default true. */
  autoSwap?: boolean;
  /** Keep self-intersecting polygons (as a warning) instead of rejecting them. Default false. */
  keepInvalid?: boolean;
  /** Called with a fraction 0–1 as work proceeds. */
  onProgress?: (fraction: number) => void;
  /** Abort the import; the result is then `{ ok: false }` with an `aborted` issue. */
  signal?: AbortSignal;
}

/** The CRS the source coordinates were read in. */
export interface CrsInfo {
  /** EPSG code. */
  code: number;
  source: CrsSource;
}

/** A successful import: features in WGS 84 lon/lat (RFC 7946 winding). */
export interface ImportSuccess {
  ok: true;
  collection: FeatureCollection<Geometry, Record<string, unknown>>;
  format: ImportFormat;
  crs: CrsInfo;
  issues: Issue[];
  rejected: Rejected[];
}

/** Columns a table could take its coordinates from, when the header does not say clearly. */
export interface ColumnMappingRequest {
  /** Every column of the header, in order. */
  columns: string[];
  /** Columns that could hold x / longitude / easting. */
  x: string[];
  /** Columns that could hold y / latitude / northing. */
  y: string[];
  /** Columns that could hold WKT geometry. */
  wkt: string[];
}

/** A failed import: nothing usable. When `needsMapping` is set, ask the user and retry with `options.columns`. */
export interface ImportFailure {
  ok: false;
  issues: Issue[];
  format?: ImportFormat;
  needsMapping?: ColumnMappingRequest;
}

/** Result of `importFile`. */
export type ImportResult = ImportSuccess | ImportFailure;

/** Output of a format reader, before CRS handling and geometry checks. */
export interface ParsedLayer {
  format: ImportFormat;
  /** Features as read; geometry may be null or malformed (checked later). */
  features: Feature<Geometry | null, Record<string, unknown> | null>[];
  /** CRS declared by the file, if any. */
  crs?: CrsInfo;
  /** The file declares a CRS that is not supported (message). */
  crsError?: string;
  /** 0-based source index per feature, when it differs from the array index (CSV rows skipped). */
  indices?: number[];
  /** 1-based source line per feature, when known. */
  lines?: (number | undefined)[];
  /** Source features already rejected by the reader (e.g. CSV rows without coordinates). */
  rejected: Rejected[];
  issues: Issue[];
  /** A table whose coordinate columns need choosing. */
  needsMapping?: ColumnMappingRequest;
}

/** Thrown inside readers for a fatal, explained problem; turned into an `error` issue. */
export class ImportError extends Error {
  constructor(
    public code: IssueCode,
    message: string,
    public line?: number,
  ) {
    super(message);
  }
}
