/**
 * The site analysis of the data package (pure TypeScript; no Svelte, MapLibre or DOM): nearest
 * infrastructure and materials, catchments, suitability scores and the analysis table, built on
 * the package-agnostic geometry of `lib/geo`.
 */
export * from './predicates.ts';
export * from './catchment.ts';
export * from './suitability.ts';
export * from './analyze.ts';
export * from './table.ts';
export * from './metrics.ts';
