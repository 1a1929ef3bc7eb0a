/**
 * The big layers' single points (reference or site layers, see `isBigLayer`) as clustered vector tiles (what the tile worker of
 * `big-points-tiles.ts` runs): one cluster index (MapLibre's own supercluster, from
 * `@maplibre/geojson-vt`, with the options MapLibre gives a clustered GeoJSON source) over the
 * points of every big layer shown, holding positions and a number per point only; a tile is its
 * groups and points encoded as MVT (`@maplibre/vt-pbf`), a point carrying its feature's `id`
 * (`<layer id>-<n>`), a group MapLibre's cluster properties. So MapLibre never holds the layers'
 * collections (nor sends them back to the page). Pure.
 */
import { Supercluster } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';
import type { PointsPart } from './display-part.ts';
import { BIG_POINTS_LAYER, CLUSTER_MAX_ZOOM, CLUSTER_RADIUS } from './big-points.ts';

/** Tile extent (MapLibre's), and the tile size in pixels its radius in pixels refers to. */
export const TILE_EXTENT = 8192;
const TILE_SIZE = 512;

export class PointsTiles {
  /** Each big layer's points, by layer id, as received (kept while the layer is shown). */
  private layers = new Map<string, PointsPart>();
  private index: Supercluster | null = null;
  /** Of the point numbered `i` in the index: which of `shown` it is in, and its feature number. */
  private layerOf = new Uint16Array(0);
  private numberOf = new Uint32Array(0);
  private shown: string[] = [];

  /** Keeps layer `id`'s points (a layer's features never change: the same id is the same points). */
  put(id: string, points: PointsPart): void {
    this.layers.set(id, points);
  }

  /** Whether layer `id`'s points are here. */
  has(id: string): boolean {
    return this.layers.has(id);
  }

  /**
   * Indexes the points of the layers `ids` (those it holds; the others' points are dropped) and
   * returns how many points the index holds.
   */
  show(ids: readonly string[]): number {
    for (const id of [...this.layers.keys()]) if (!ids.includes(id)) this.layers.delete(id);
    this.shown = ids.filter((id) => this.layers.has(id));
    const total = this.shown.reduce((s, id) => s + this.layers.get(id)!.n.length, 0);
    this.layerOf = new Uint16Array(total);
    this.numberOf = new Uint32Array(total);
    if (!total) {
      this.index = null;
      return 0;
    }
    const features: Feature<Point>[] = new Array(total);
    let k = 0;
    this.shown.forEach((id, li) => {
      const { coords, n } = this.layers.get(id)!;
      for (let i = 0; i < n.length; i++, k++) {
        this.layerOf[k] = li;
        this.numberOf[k] = n[i];
        features[k] = { type: 'Feature', id: k, properties: null, geometry: { type: 'Point', coordinates: [coords[i * 2], coords[i * 2 + 1]] } };
      }
    });
    // As MapLibre clusters a GeoJSON source with `clusterRadius` and `clusterMaxZoom` (its radius
    // is in tile units of its extent).
    const index = new Supercluster({ radius: CLUSTER_RADIUS * (TILE_EXTENT / TILE_SIZE), extent: TILE_EXTENT, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 });
    index.load(features);
    this.index = index;
    return total;
  }

  /** Tile z/x/y as MVT bytes: groups with their cluster properties, points with their `id` (empty without points). */
  tile(z: number, x: number, y: number): Uint8Array {
    const t = this.index?.getTile(z, x, y);
    if (!t || !t.features.length) return new Uint8Array(0);
    for (const f of t.features) {
      if (f.tags?.cluster) continue;
      const k = Number(f.id);
      f.tags = { id: `${this.shown[this.layerOf[k]]}-${this.numberOf[k]}` };
    }
    return fromGeojsonVt({ [BIG_POINTS_LAYER]: t }, { version: 2, extent: TILE_EXTENT });
  }

  /** The zoom at which group `clusterId` splits; null when there is no such group. */
  expansionZoom(clusterId: number): number | null {
    if (!this.index) return null;
    try {
      return this.index.getClusterExpansionZoom(clusterId);
    } catch {
      return null;
    }
  }
}
