/** Minimal types for the parts of shpjs used here (the package ships none). */
declare module 'shpjs' {
  /** Parse .shp bytes into GeoJSON geometries (null for null shapes); reprojects when `prj` is given. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): unknown[];
  /** Parse .dbf bytes into records. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
