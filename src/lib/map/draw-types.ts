/** Drawing-tool types and modes, apart from terra-draw itself so importing them costs nothing. */
import type { Feature, Point, Polygon } from 'geojson';

export const DRAW_MODES = ['static', 'point', 'polygon', 'select'] as const;
export type DrawMode = (typeof DRAW_MODES)[number];

export type DraftGeometry = Point | Polygon;
/** A user's candidate site, as terra-draw stores it (id and drawing mode only). */
export type Draft = Feature<DraftGeometry, { id: string; mode: 'point' | 'polygon' }>;
