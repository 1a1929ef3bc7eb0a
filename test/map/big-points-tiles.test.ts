import { describe, expect, it, vi } from 'vitest';
import { expose, transfer } from 'comlink';
import { PointsTiles } from '../../src/lib/map/points-tiles';
import { bigPointsTiles } from '../../src/lib/map/big-points';

// The scheme's handler, as MapLibre would be given it.
type Handler = (params: { url: string }, abort: AbortController) => Promise<{ data: ArrayBuffer }>;
const handlers = new Map<string, Handler>();
vi.mock('maplibre-gl', () => ({ addProtocol: (name: string, fn: Handler) => handlers.set(name, fn) }));
const { BigPointsClient, parseTileUrl, pointsFailedDetail } = await import('../../src/lib/map/big-points-tiles');

/**
 * A Worker whose other end is `port1` of a MessageChannel. The client's error listeners are left
 * out (a browser worker fires them only when it fails).
 */
function portWorker(port1: MessagePort, port2: MessagePort): Worker {
  return {
    postMessage: port2.postMessage.bind(port2),
    addEventListener: (type: string, fn: EventListener) => { if (type === 'message') port2.addEventListener(type, fn); },
    removeEventListener: (type: string, fn: EventListener) => { if (type === 'message') port2.removeEventListener(type, fn); },
    start: () => port2.start(),
    terminate: () => { port1.close(); port2.close(); },
  } as unknown as Worker;
}

/** The tile worker's API on one end of a channel (as `workers/big-points.worker.ts` exposes it). */
function channelWorker(): { worker: Worker; tiles: PointsTiles } {
  const tiles = new PointsTiles();
  const { port1, port2 } = new MessageChannel();
  expose({
    put: (id: string, p: { coords: Float64Array; n: Uint32Array }) => tiles.put(id, p),
    has: (id: string) => tiles.has(id),
    show: (ids: string[]) => tiles.show(ids),
    tile: (z: number, x: number, y: number) => { const b = tiles.tile(z, x, y); return transfer(b, [b.buffer]); },
    expansionZoom: (id: number) => tiles.expansionZoom(id),
  }, port1);
  const worker = portWorker(port1, port2);
  return { worker, tiles };
}

class DeadWorker extends EventTarget {
  terminated = false;
  postMessage(): void {}
  terminate(): void { this.terminated = true; }
}

describe('BigPointsClient: the points\' tiles through addProtocol and our worker', () => {
  it('reads its own tile URLs only', () => {
    expect(bigPointsTiles(7)).toEqual(['bigpoints://7/{z}/{x}/{y}']);
    expect(parseTileUrl('bigpoints://7/12/3250/1790')).toEqual({ version: 7, z: 12, x: 3250, y: 1790 });
    expect(parseTileUrl('bigpoints://7/12/3250')).toBeNull();
    expect(parseTileUrl('https://x/7/12/3250/1790')).toBeNull();
  });

  it('sends each layer\'s points once (transferred), versions what is shown, and relays tiles', async () => {
    const { worker, tiles } = channelWorker();
    const client = new BigPointsClient(() => worker);
    client.register();
    const handler = handlers.get('bigpoints')!;
    // Before any big layer: empty tiles, no worker.
    expect((await handler({ url: 'bigpoints://0/0/0/0' }, new AbortController())).data.byteLength).toBe(0);
    const points = { coords: new Float64Array([105.8, 22.1, 105.8001, 22.1, 105.9, 22.2]), n: new Uint32Array([1, 2, 5]) };
    const v1 = await client.show([{ id: 'user-a', points }]);
    expect(v1).toBe(1);
    expect(client.count).toBe(3);
    expect(points.n.length).toBe(0); // transferred to the worker, not copied
    expect(tiles.has('user-a')).toBe(true);
    const bytes = (await handler({ url: `bigpoints://${v1}/0/0/0` }, new AbortController())).data;
    expect(new Uint8Array(bytes)).toEqual(tiles.tile(0, 0, 0));
    expect(bytes.byteLength).toBeGreaterThan(0);
    // The same layer again (its arrays already sent) and a new one: a new version, both shown.
    const v2 = await client.show([{ id: 'user-a', points: null }, { id: 'user-b', points: { coords: new Float64Array([106, 22]), n: new Uint32Array([3]) } }]);
    expect(v2).toBe(2);
    expect(client.count).toBe(4);
    // None: version 0, the worker forgets the points.
    expect(await client.show([])).toBe(0);
    expect(tiles.has('user-a')).toBe(false);
    client.stop();
  });

  it('a worker that fails (its chunk 404s): nothing shown, never a wait for ever', async () => {
    const w = new DeadWorker();
    const client = new BigPointsClient(() => w as unknown as Worker);
    const shown = client.show([{ id: 'user-a', points: { coords: new Float64Array([105.8, 22.1]), n: new Uint32Array([1]) } }]);
    w.dispatchEvent(new Event('error'));
    expect(await shown).toBe(0);
    expect(w.terminated).toBe(true);
    expect(await client.expansionZoom(3)).toBeNull();
  });

  it('a worker that fails tells onFail once, with the layers it was asked to show and the cause; nothing is shown from then on', async () => {
    const w = new DeadWorker();
    const client = new BigPointsClient(() => w as unknown as Worker);
    const told: [readonly string[], string][] = [];
    client.onFail = (ids, cause) => told.push([ids, cause]);
    const shown = client.show([{ id: 'user-a', points: { coords: new Float64Array([105.8, 22.1]), n: new Uint32Array([1]) } }, { id: 'user-b', points: null }]);
    w.dispatchEvent(new Event('error')); // a chunk that cannot be loaded: no message
    w.dispatchEvent(new Event('error'));
    expect(await shown).toBe(0);
    expect(told).toEqual([[['user-a', 'user-b'], 'the tile worker could not be started or stopped working']]);
    expect(client.broken).toBe(true);
    // A later layer is not handed to a new worker (the points already sent are gone with it).
    let made = 0;
    const again = new BigPointsClient(() => { made++; return w as unknown as Worker; });
    again.onFail = () => undefined;
    const p = again.show([{ id: 'user-c', points: null }]);
    w.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' })); // a worker that threw on start
    expect(await p).toBe(0);
    expect(await again.show([{ id: 'user-c', points: { coords: new Float64Array([105.8, 22.1]), n: new Uint32Array([1]) } }])).toBe(0);
    expect(made).toBe(1);
    expect(again.version).toBe(0);
  });

  it('a worker that throws while indexing tells onFail with its message, and the call ends with nothing shown', async () => {
    const { port1, port2 } = new MessageChannel();
    expose({ has: () => false, put: () => undefined, show: () => { throw new Error('index failed'); } }, port1);
    const worker = portWorker(port1, port2);
    const client = new BigPointsClient(() => worker);
    const told: [readonly string[], string][] = [];
    client.onFail = (ids, cause) => told.push([ids, cause]);
    expect(await client.show([{ id: 'user-s', points: { coords: new Float64Array([105.8, 22.1]), n: new Uint32Array([1]) } }])).toBe(0);
    expect(told).toEqual([[['user-s'], 'index failed']]);
    expect(client.count).toBe(0);
  });

  it('the notice\'s detail names the layers, then the cause', () => {
    expect(pointsFailedDetail(['sites-50k.geojson', 'roads.gpkg'], 'boom')).toBe('"sites-50k.geojson", "roads.gpkg": boom');
    expect(pointsFailedDetail([], 'boom')).toBe('—: boom');
  });
});
