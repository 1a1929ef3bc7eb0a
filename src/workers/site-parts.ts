/**
 * The sites of a run go to the analysis worker in parts: each `postMessage` structured-clones its
 * part on the page in the task that sends it, so 50 000 sites in one message were one long task
 * (0.55–0.66 s). The client sends a part, waits for the worker to take it (the page runs other
 * tasks meanwhile), and sizes the next part from the time the last one took to send
 * ({@link sendInParts}); the worker puts the parts together in order ({@link SiteParts}) and the
 * run starts once all arrived. Pure.
 */
import type { Feature } from 'geojson';
import { plain } from '../lib/plain.ts';

/** Sites in the first part (points: a few ms to clone; polygons more, the next part adapts). */
export const FIRST_PART = 1000;
/** Fewest and most sites per part. */
export const MIN_PART = 128;
export const MAX_PART = 16_384;
/** Wanted time to send a part on the page, ms (well under a long task's 50 ms). */
const TARGET_MS = 25;

/** How a part is sent: `send(part, index)`; its synchronous part is the clone on the page. */
export type SendPart = (part: Feature[], index: number) => Promise<unknown> | unknown;

export interface PartOptions {
  first?: number;
  min?: number;
  max?: number;
  /** Clock for the part sizes (ms). */
  now?: () => number;
}

/**
 * Sends `sites` in parts, in order, each after the worker took the one before. Returns the number
 * of parts sent, or null when `stale()` turned true between parts (a newer run started: the worker
 * drops the unfinished parts when the next run's first part arrives).
 * A part Svelte's state proxies make uncloneable (a `DataCloneError`) goes again as a plain JSON copy.
 * @throws `sending the sites to the analysis worker failed at part K (sites A–B of N): <reason>`
 */
export async function sendInParts(sites: readonly Feature[], send: SendPart, stale: () => boolean = () => false, opts: PartOptions = {}): Promise<number | null> {
  const { first = FIRST_PART, min = MIN_PART, max = MAX_PART, now = () => performance.now() } = opts;
  let size = Math.max(1, Math.min(first, max));
  let index = 0;
  for (let start = 0; start < sites.length || index === 0; index++) {
    if (stale()) return null;
    const end = Math.min(sites.length, start + size);
    const part = sites.slice(start, end);
    const call = async (p: Feature[]) => send(p, index);
    const t = now();
    try {
      const sent = call(part);
      // the clone happened in the call; the wait for the worker is not the page's work
      const took = now() - t;
      try {
        await sent;
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'DataCloneError')) throw e;
        await call(plain(part));
      }
      size = Math.min(max, Math.max(min, Math.round(size * TARGET_MS / Math.max(took, 1))));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`sending the sites to the analysis worker failed at part ${index + 1} (sites ${start + 1}–${end} of ${sites.length}): ${reason}`, { cause: e });
    }
    start = end;
  }
  return index;
}

/**
 * The worker's side: the parts of the sites of one run, put together in order. A first part starts
 * a new run (an unfinished older one is dropped).
 */
export class SiteParts {
  private run: number | null = null;
  private sites: Feature[] = [];
  private next = 0;

  /**
   * Takes part `index` (0 first) of the sites of run `run`; returns how many sites of the run it
   * holds so far.
   * @throws when a part comes out of order or for a run whose first part never came
   */
  add(run: number, index: number, part: readonly Feature[]): number {
    if (index === 0) { this.run = run; this.sites = []; this.next = 0; }
    else if (run !== this.run) throw new Error(`analysis worker: part ${index + 1} of the sites of run ${run} came without the run's first part`);
    else if (index !== this.next) throw new Error(`analysis worker: part ${index + 1} of the sites of run ${run} came after part ${this.next}`);
    for (let i = 0; i < part.length; i++) this.sites.push(part[i]);
    this.next = index + 1;
    return this.sites.length;
  }

  /** Drops the parts held (a run sent in one message took over). */
  clear(): void {
    this.run = null;
    this.sites = [];
    this.next = 0;
  }

  /**
   * The sites of run `run`, all `total` of them, in order (then forgotten).
   * @throws when they are not all there (a part lost, or another run's parts)
   */
  take(run: number, total: number): Feature[] {
    if (run !== this.run) throw new Error(`analysis worker: no sites were sent for run ${run}`);
    if (this.sites.length !== total) throw new Error(`analysis worker: ${this.sites.length} of the ${total} sites of run ${run} came`);
    const sites = this.sites;
    this.clear();
    return sites;
  }
}
