/**
 * Page side of the big points' tiles: the `bigpoints://<version>/{z}/{x}/{y}` scheme (`bigPointsTiles`) MapLibre reads
 * the `user-points` vector source from (`addProtocol`: MapLibre's workers hand such a request to
 * the page, which relays it to our tile worker, `workers/big-points.worker.ts`; a tile is a few kB),
 * and what the map tells that worker: each big layer's points once (transferred), which layers are
 * shown (a new version of the tiles each time), a group's expansion zoom. The worker starts with
 * the first big layer; version 0 is the empty source and needs none.
 */
import { addProtocol } from 'maplibre-gl';
import { transfer, wrap, type Remote } from 'comlink';
import type { BigPointsApi } from '../../workers/big-points.worker.ts';
import type { PointsPart } from './display-part.ts';
import { BIG_POINTS_PROTOCOL } from './big-points.ts';

/** z, x, y and version of a tile URL of {@link bigPointsTiles}; null for another URL. */
export function parseTileUrl(url: string): { version: number; z: number; x: number; y: number } | null {
  const m = /^bigpoints:\/\/(\d+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  return m ? { version: Number(m[1]), z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) } : null;
}

/** The detail of the notice that the points of the layers named `names` are not drawn, for `cause`. */
export function pointsFailedDetail(names: readonly string[], cause: string): string {
  return `${names.map((n) => `"${n}"`).join(', ') || '—'}: ${cause}`;
}

/** The cause of a worker's failure event, in English (a chunk that cannot be loaded has no message). */
function causeOf(e: Event | unknown): string {
  if (e instanceof Error) return e.message;
  const m = (e as { message?: unknown } | null)?.message;
  return typeof m === 'string' && m ? m : 'the tile worker could not be started or stopped working';
}

export class BigPointsClient {
  private api: Remote<BigPointsApi> | null = null;
  private worker: Worker | null = null;
  /** The version of the points shown (0: none), and how many there are. */
  version = 0;
  count = 0;
  private last = 0;
  /** The ids of the layers last asked to be shown. */
  private showing: readonly string[] = [];
  /** Set once the worker failed: nothing is shown from then on (its points were handed to it). */
  broken = false;
  /**
   * Told once when the worker fails (cannot be loaded, crashed, or threw), with the ids of the
   * layers it was asked to show and the cause in English.
   */
  onFail: ((ids: readonly string[], cause: string) => void) | null = null;

  constructor(private readonly makeWorker: () => Worker = () => new Worker(new URL('../../workers/big-points.worker.ts', import.meta.url), { type: 'module' })) {}

  /** Resolves when the worker fails (its chunk cannot be loaded, it crashed): no call waits for ever. */
  private failed: Promise<null> = new Promise(() => undefined);

  private start(): Remote<BigPointsApi> {
    if (!this.api) {
      const worker = this.makeWorker();
      this.worker = worker;
      this.api = wrap<BigPointsApi>(worker);
      this.failed = new Promise<null>((resolve) => {
        const fail = (e: Event) => {
          e.preventDefault?.();
          this.fail(e);
          resolve(null);
        };
        worker.addEventListener('error', fail);
        worker.addEventListener('messageerror', fail);
      });
    }
    return this.api;
  }

  /** The worker failed (or threw): stopped for good, nothing shown, `onFail` told once. */
  private fail(e: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.stop();
    this.count = 0;
    this.version = 0;
    this.onFail?.(this.showing, causeOf(e));
  }

  /** `p`, or null once the worker failed. */
  private guard<T>(p: Promise<T>): Promise<T | null> {
    return Promise.race([p, this.failed]);
  }

  /** Registers the scheme with MapLibre (once per page; a later client replaces the handler). */
  register(): void {
    addProtocol(BIG_POINTS_PROTOCOL, async (params, abort) => {
      const t = parseTileUrl(params.url);
      if (!t || t.version === 0 || !this.api) return { data: new ArrayBuffer(0) };
      let bytes: Uint8Array;
      try {
        bytes = (await this.guard(this.api.tile(t.z, t.x, t.y))) ?? new Uint8Array(0);
      } catch (e) {
        this.fail(e);
        bytes = new Uint8Array(0);
      }
      if (abort.signal.aborted) throw new DOMException('aborted', 'AbortError');
      // The exact bytes (a view may sit in a larger buffer).
      const data = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer as ArrayBuffer : bytes.slice().buffer;
      return { data };
    });
  }

  /**
   * Shows the points of `layers` (in this order), sending each layer's points to the worker the
   * first time only (transferred: `points` is emptied here). `points` may be null for a layer
   * already sent (or with no points). Resolves to the new version (0 once the worker failed).
   */
  async show(layers: readonly { id: string; points: PointsPart | null }[]): Promise<number> {
    this.showing = layers.map((l) => l.id);
    if (this.broken || (!layers.length && !this.api)) {
      this.count = 0;
      this.version = 0;
      return 0;
    }
    try {
      const api = this.start();
      for (const { id, points } of layers) {
        if (!points || !points.n.length || (await this.guard(api.has(id))) !== false) continue;
        await this.guard(api.put(id, transfer(points, [points.coords.buffer, points.n.buffer])));
      }
      const count = (await this.guard(api.show(layers.map((l) => l.id)))) ?? 0;
      if (this.broken) return 0;
      this.count = count;
    } catch (e) {
      this.fail(e);
      return 0;
    }
    this.version = this.count ? ++this.last : 0;
    return this.version;
  }

  /** The zoom at which group `clusterId` splits (null: none such, or no worker). */
  async expansionZoom(clusterId: number): Promise<number | null> {
    return this.api ? this.guard(this.api.expansionZoom(clusterId)).catch(() => null) : null;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
