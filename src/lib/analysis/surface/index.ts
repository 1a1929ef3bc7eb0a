/** The suitability surface: fields, scoring, AHP, candidate areas, rank stability, GeoTIFF. Pure. */
export * from './edt.ts';
export * from './grid.ts';
export * from './criteria.ts';
export * from './ahp.ts';
export * from './surface.ts';
export * from './candidates.ts';
export * from './stability.ts';
export * from './rank-items.ts';
export * from './config.ts';
export * from './geotiff.ts';
export * from './render.ts';
export * from './rank-changes.ts';
