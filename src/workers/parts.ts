/**
 * Many items sent between the page and a worker in parts, so that no task of the page handles
 * them all: a `postMessage` structured-clones its message in the task that sends it, and the
 * receiving side deserialises it in the task that reads it, so 50 000 sites or features in one
 * message were one long task on the page (0.2–0.6 s). The sender sends a part, waits for the
 * receiver to take it (the page runs other tasks meanwhile), and sizes the next part from the
 * time the last one took ({@link sendInParts}); the receiver puts the parts together in order
 * ({@link Parts}). Two uses, one protocol:
 * - the page sends the sites of a run to the analysis worker (`analysis-client.ts`): the page's
 *   cost is the clone in its own `postMessage`, timed by the sender;
 * - the import worker sends the features it read to the page (`import-client.ts`): the page's cost
 *   is deserialising each part, which the page times itself and reports in its answer
 *   (`PartOptions.tookOf`).
 * Pure.
 */
import type { Feature } from 'geojson';
import { plain } from '../lib/plain.ts';

/** Items in the first part (points: a few ms to clone; polygons more, the next part adapts). */
export const FIRST_PART = 1000;
/** Fewest and most items per part. */
export const MIN_PART = 128;
export const MAX_PART = 16_384;
/** Wanted time for a part on the page, ms (well under a long task's 50 ms). */
export const TARGET_MS = 25;
/**
 * Most a part may grow over the last one: a small part's time is too short to measure well (1 000
 * points deserialise in under a millisecond), and a jump straight to {@link MAX_PART} cost 60 ms.
 */
export const MAX_GROWTH = 2;

/** How a part is sent: `send(part, index)`; its synchronous part is the sender's clone. */
export type SendPart<T> = (part: T[], index: number) => Promise<unknown> | unknown;

/** What a sender's messages name: `sending <what> failed at part K (<items> A–B of N)`. */
export interface SendLabel { what: string; items: string }

const SITES_SENT: SendLabel = { what: 'the sites to the analysis worker', items: 'sites' };

export interface PartOptions {
  first?: number;
  min?: number;
  max?: number;
  /** Clock for the part sizes (ms). */
  now?: () => number;
  /** The receiver's own time for a part, from its answer (ms), when it reports one. */
  tookOf?: (answer: unknown) => number | undefined;
  label?: SendLabel;
}

/**
 * Sends `items` in parts, in order, each after the receiver took the one before. Each next part
 * is sized for {@link TARGET_MS} from the time the last one took (at most {@link MAX_GROWTH} times
 * the last): the sender's synchronous part of `send` (its clone), or the receiver's time when
 * `tookOf` reads a longer one from its answer.
 * Returns the number of parts sent, or null when `stale()` turned true between parts (a newer run
 * started: the receiver drops the unfinished parts).
 * A part Svelte's state proxies make uncloneable (a `DataCloneError`) goes again as a plain JSON copy.
 * @throws `sending <what> failed at part K (<items> A–B of N): <reason>` (see {@link SendLabel})
 */
export async function sendInParts<T>(items: readonly T[], send: SendPart<T>, stale: () => boolean = () => false, opts: PartOptions = {}): Promise<number | null> {
  const { first = FIRST_PART, min = MIN_PART, max = MAX_PART, now = () => performance.now(), tookOf, label = SITES_SENT } = opts;
  let size = Math.max(1, Math.min(first, max));
  let index = 0;
  for (let start = 0; start < items.length || index === 0; index++) {
    if (stale()) return null;
    const end = Math.min(items.length, start + size);
    const part = items.slice(start, end);
    const call = async (p: T[]) => send(p, index);
    const t = now();
    try {
      const sent = call(part);
      // the clone happened in the call; the wait for the receiver is not the sender's work
      let took = now() - t;
      let answer: unknown;
      try {
        answer = await sent;
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'DataCloneError')) throw e;
        answer = await call(plain(part));
      }
      took = Math.max(took, tookOf?.(answer) ?? 0);
      size = Math.min(max, Math.max(min, Math.round(size * Math.min(MAX_GROWTH, TARGET_MS / Math.max(took, 1)))));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`sending ${label.what} failed at part ${index + 1} (${label.items} ${start + 1}–${end} of ${items.length}): ${reason}`, { cause: e });
    }
    start = end;
  }
  return index;
}

/** What a receiver's messages name: `<who>: part K of the <items> of <of(run)> came after part J`. */
export interface PartsLabel {
  who: string;
  items: string;
  of: (run: number) => string;
}

/**
 * A part that came out of order, for a run whose first part never came, or missing at the end.
 * `part` is the 1-based number of the part out of order or missing; `parts` how many were sent,
 * when known.
 */
export class PartsError extends Error {
  constructor(message: string, readonly kind: 'order' | 'no-first' | 'missing' | 'none', readonly part: number, readonly parts?: number) {
    super(message);
    this.name = 'PartsError';
  }
}

/**
 * The receiver's side: the parts of the items of one run, put together in order. A first part
 * starts a new run (an unfinished older one is dropped).
 */
export class Parts<T> {
  private run: number | null = null;
  private items: T[] = [];
  private next = 0;

  constructor(private readonly label: PartsLabel) {}

  /**
   * Takes part `index` (0 first) of the items of run `run`; returns how many items of the run it
   * holds so far.
   * @throws a {@link PartsError} when a part comes out of order or for a run whose first part never came
   */
  add(run: number, index: number, part: readonly T[]): number {
    const { who, items, of } = this.label;
    if (index === 0) { this.run = run; this.items = []; this.next = 0; }
    else if (run !== this.run) throw new PartsError(`${who}: part ${index + 1} of the ${items} of ${of(run)} came without the run's first part`, 'no-first', index + 1);
    else if (index !== this.next) throw new PartsError(`${who}: part ${index + 1} of the ${items} of ${of(run)} came after part ${this.next}`, 'order', index + 1);
    for (let i = 0; i < part.length; i++) this.items.push(part[i]);
    this.next = index + 1;
    return this.items.length;
  }

  /** Drops the parts held (a run sent in one message took over). */
  clear(): void {
    this.run = null;
    this.items = [];
    this.next = 0;
  }

  /**
   * The items of run `run`, all `total` of them, in order (then forgotten); `parts`, when given,
   * is how many parts the sender sent (named in the error when the last ones never came).
   * @throws a {@link PartsError} when they are not all there (a part lost, or another run's parts)
   */
  take(run: number, total: number, parts?: number): T[] {
    const { who, items, of } = this.label;
    if (run !== this.run) throw new PartsError(`${who}: no ${items} were sent for ${of(run)}`, 'none', 1, parts);
    if (this.items.length !== total || (parts !== undefined && this.next !== parts)) {
      const lost = parts !== undefined && this.next < parts ? ` (part ${this.next + 1} of ${parts} never came)` : '';
      throw new PartsError(`${who}: ${this.items.length} of the ${total} ${items} of ${of(run)} came${lost}`, 'missing', this.next + 1, parts);
    }
    const out = this.items;
    this.clear();
    return out;
  }
}

/** The analysis worker's side of the sites of a run (see `analysis.worker.ts`). */
export class SiteParts extends Parts<Feature> {
  constructor() {
    super({ who: 'analysis worker', items: 'sites', of: (run) => `run ${run}` });
  }
}
