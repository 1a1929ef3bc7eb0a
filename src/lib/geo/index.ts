/**
 * Package-agnostic geometry (pure TypeScript; no Svelte, MapLibre or DOM): the ellipsoidal metric,
 * distances between any geometries, nearest-target indexes, exact disc measures and road-network
 * distance. All distances are ellipsoidal WGS84 (cheap-ruler factors), metres. The Bắc Kạn
 * analysis built on it lives in `lib/analysis`.
 */
export * from './ruler.ts';
export * from './geometry.ts';
export * from './target-index.ts';
export * from './disc.ts';
export * from './network.ts';
