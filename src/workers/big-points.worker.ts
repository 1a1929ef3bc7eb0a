/**
 * The big points' tile worker (see `lib/map/big-points-tiles.ts`): holds the big layers' points
 * and their cluster index (`PointsTiles`), answers tile requests with MVT bytes (transferred) and
 * groups' expansion zooms.
 */
import { expose, transfer } from 'comlink';
import { PointsTiles } from '../lib/map/points-tiles.ts';
import type { PointsPart } from '../lib/map/display-part.ts';

const tiles = new PointsTiles();

export const bigPointsApi = {
  put: (id: string, points: PointsPart) => tiles.put(id, points),
  has: (id: string) => tiles.has(id),
  show: (ids: string[]) => tiles.show(ids),
  tile(z: number, x: number, y: number): Uint8Array {
    const bytes = tiles.tile(z, x, y);
    return transfer(bytes, [bytes.buffer]);
  },
  expansionZoom: (clusterId: number) => tiles.expansionZoom(clusterId),
};

export type BigPointsApi = typeof bigPointsApi;

expose(bigPointsApi);
