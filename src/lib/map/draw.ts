/**
 * Sketching candidate sites with terra-draw on the MapLibre map: points and polygons, vertex
 * editing, moving, deleting, undo/redo. MapView owns the map and calls this; the rest of the app
 * sees only plain GeoJSON drafts.
 */
import type { Map as MlMap } from 'maplibre-gl';
import {
  TerraDraw, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode, TerraDrawRenderMode,
  TerraDrawSessionUndoRedo, ValidateNotSelfIntersecting, type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

import type { Draft, DraftGeometry, DrawMode } from './draw-types.ts';
import { draft as CYAN } from './palette.ts';

export interface DrawController {
  setMode(mode: DrawMode): void;
  undo(): void;
  redo(): void;
  deleteSelected(): void;
  /** Add drafts made elsewhere (e.g. candidate areas); ids must be UUIDs. */
  addDrafts(drafts: Draft[]): void;
  /** Draft ids at a map position (for selecting a draft in static mode). */
  draftsAt(lng: number, lat: number): string[];
  /** Shows `drafts` instead of the current ones (drafts changed in another tab), without emitting a change. */
  replace(drafts: Draft[]): void;
  stop(): void;
}

/** Plain drafts from terra-draw's store (ids as strings, only finished points and polygons). */
export function draftsFromSnapshot(snapshot: GeoJSONStoreFeatures[]): Draft[] {
  return snapshot
    .filter((f) => (f.geometry.type === 'Point' || f.geometry.type === 'Polygon') && !f.properties.currentlyDrawing
      && (f.properties.mode === 'point' || f.properties.mode === 'polygon'))
    .map((f) => ({
      type: 'Feature',
      geometry: structuredClone(f.geometry) as DraftGeometry,
      properties: { id: String(f.id), mode: f.properties.mode as 'point' | 'polygon' },
    }));
}

/**
 * Starts terra-draw on `map` with the saved `drafts`; `onChange` receives every draft after each
 * finished edit (not on every mouse move while drawing).
 */
export function startDraw(map: MlMap, drafts: Draft[], onChange: (drafts: Draft[]) => void, onSelect: (id: string | null) => void): DrawController {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawRenderMode({ modeName: 'static', styles: { pointColor: CYAN, polygonFillColor: CYAN, polygonOutlineColor: CYAN, polygonFillOpacity: 0.25, pointWidth: 7 } }),
      new TerraDrawPointMode({ styles: { pointColor: CYAN, pointWidth: 7 } }),
      new TerraDrawPolygonMode({
        styles: { fillColor: CYAN, outlineColor: CYAN, fillOpacity: 0.25 },
        validation: (feature, { updateType }) => (updateType === 'finish' || updateType === 'commit' ? ValidateNotSelfIntersecting(feature) : { valid: true }),
      }),
      new TerraDrawSelectMode({
        flags: {
          point: { feature: { draggable: true } },
          polygon: { feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true } } },
        },
      }),
    ],
    undoRedo: { sessionLevel: new TerraDrawSessionUndoRedo() },
  });
  draw.start();
  draw.setMode('static');
  const add = (list: Draft[]) => {
    if (list.length) draw.addFeatures(list.map((d) => ({ id: d.properties.id, type: 'Feature', geometry: d.geometry, properties: { mode: d.properties.mode } })) as GeoJSONStoreFeatures[]);
  };
  add(drafts);
  const emit = () => onChange(draftsFromSnapshot(draw.getSnapshot()));
  draw.on('finish', emit);
  draw.on('change', (_ids, type) => {
    // 'delete' and programmatic changes (undo/redo) do not fire 'finish'.
    if (type === 'delete' || type === 'create' || type === 'update') queueMicrotask(emitIfIdle);
  });
  let lastJson = JSON.stringify(drafts);
  function emitIfIdle() {
    const now = draftsFromSnapshot(draw.getSnapshot());
    const json = JSON.stringify(now);
    if (json !== lastJson) {
      lastJson = json;
      onChange(now);
    }
  }
  draw.on('select', (id) => onSelect(String(id)));
  draw.on('deselect', () => onSelect(null));
  return {
    setMode: (mode) => draw.setMode(mode),
    undo: () => { draw.undo(); emitIfIdle(); },
    redo: () => { draw.redo(); emitIfIdle(); },
    deleteSelected: () => {
      const ids = draw.getSnapshot().filter((f) => f.properties.selected).map((f) => f.id!);
      if (ids.length) draw.removeFeatures(ids);
      emitIfIdle();
    },
    addDrafts: (list) => {
      const res = draw.addFeatures(list.map((d) => ({ id: d.properties.id, type: 'Feature', geometry: d.geometry, properties: { mode: d.properties.mode } })) as GeoJSONStoreFeatures[]);
      const bad = res.filter((r) => !r.valid);
      emitIfIdle();
      if (bad.length) throw new Error(`${bad.length} draft(s) not added: ${bad.map((r) => r.reason ?? 'invalid').join('; ')}`);
    },
    draftsAt: (lng, lat) => draw.getFeaturesAtLngLat({ lng, lat }, { ignoreSelectFeatures: true, ignoreCoordinatePoints: true }).map((f) => String(f.id)),
    replace: (next) => {
      lastJson = JSON.stringify(next);
      const mode = draw.getMode();
      draw.setMode('static');
      draw.clear();
      add(next);
      lastJson = JSON.stringify(draftsFromSnapshot(draw.getSnapshot()));
      draw.setMode(mode);
    },
    stop: () => draw.stop(),
  };
}
