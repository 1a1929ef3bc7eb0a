/**
 * The read-only probe MapView installs on `window.__mapProbe` for the browser tests, only in a
 * build made with `VITE_MAP_PROBE` set (`npm run build:e2e`); the shipped build has none.
 */
export interface MapProbe {
  /** Features of `source` drawn on screen. */
  renderedCount(source: string): number;
  /** Features of `source` drawn within 40 px of the canvas centre. */
  renderedAtCentre(source: string): number;
  project(lon: number, lat: number): { x: number; y: number };
  loaded(): boolean;
  /** True once the drawing tool (terra-draw) is on the map: its sources and layers added. */
  drawLoaded(): boolean;
  /** Resolves at the map's next `idle` (after one more frame): nothing loading, moving or fading. */
  idle(): Promise<void>;
  zoom(): number;
  fitRegion(): void;
  center(): [number, number];
  /** Target ends of the connectors drawn, with their distance label. */
  connectorEnds(): { end: [number, number]; label: string }[];
  moving(): boolean;
  /** How many times each source was sent data (an object or a URL), since the map loaded. */
  pushes(): Record<string, number>;
  /** Sources last sent by URL (a Blob of their GeoJSON) rather than as an object. */
  byUrl(): string[];
  /** The big layers' points as tiles: the version shown (0: none) and how many points it holds. */
  bigPoints(): { version: number; points: number };
  /** Ids of the layers drawn at a pixel of the map, topmost first. */
  layersAt(x: number, y: number): string[];
  /** How many features GeoJSON source `source` holds in MapLibre (its worker's copy); null: no such source. */
  sourceFeatures(source: string): Promise<number | null>;
  /** Ids of the layers whose stored map parts the map holds (read on a reload to draw them early). */
  earlyParts(): string[];
  /** Up to `max` point features drawn by layer `layer`: where on the canvas, and their properties. */
  rendered(layer: string, max: number): { x: number; y: number; properties: Record<string, unknown> }[];
}

/** True in a build made for the browser tests. */
export const MAP_PROBE: boolean = !!import.meta.env.VITE_MAP_PROBE;
