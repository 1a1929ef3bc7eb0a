/**
 * What the rest of the UI may ask of the map, as a small service instead of callbacks stored in the
 * app state: the shell provides it (Svelte context), MapView attaches its implementation once the
 * map exists, and components such as the dossier button call it.
 */
import { getContext, setContext } from 'svelte';

export interface MapSnapshot { pngDataUrl: string; widthPx: number; heightPx: number; metresPerPixel: number; bearingDeg: number }

export interface MapService {
  /**
   * A PNG snapshot of the map around a place, or framed on `frame` (w, s, e, n) when given; null
   * before the map exists.
   */
  snapshot(around: [number, number], frame?: [number, number, number, number]): Promise<MapSnapshot> | null;
}

/** The service the shell hands out, with the map's implementation attached later. */
export class MapServiceSlot implements MapService {
  private impl: MapService | null = null;

  /** MapView attaches its implementation; returns the function that detaches it. */
  attach(impl: MapService): () => void {
    this.impl = impl;
    return () => { if (this.impl === impl) this.impl = null; };
  }

  snapshot(around: [number, number], frame?: [number, number, number, number]): Promise<MapSnapshot> | null {
    return this.impl?.snapshot(around, frame) ?? null;
  }
}

const KEY = Symbol('map-service');

/** Called by the app shell: the map service for every component below it. */
export function provideMapService(): MapServiceSlot {
  return setContext(KEY, new MapServiceSlot());
}

/** The map service of the app shell (a detached one outside it, e.g. a component in isolation). */
export function useMapService(): MapServiceSlot {
  return getContext<MapServiceSlot | undefined>(KEY) ?? new MapServiceSlot();
}
