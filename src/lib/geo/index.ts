/**
 * Spatial analysis engine (pure TypeScript; no Svelte, MapLibre or DOM): distances between any
 * geometries, nearest-target indexes, catchments, road-network distance, suitability scores and
 * the site analysis table. All distances are ellipsoidal WGS84 (cheap-ruler factors), metres.
 */
export * from './ruler.ts';
export * from './geometry.ts';
export * from './target-index.ts';
export * from './catchment.ts';
export * from './network.ts';
export * from './suitability.ts';
export * from './analyze.ts';
export * from './table.ts';
