/**
 * The features an import read go from the import worker to the page in parts (see `parts.ts`):
 * one message of 50 000 features was deserialised on the page in one task (0.06–0.26 s; 200 000
 * points more). Each import gets its own `MessageChannel`: the worker sends part after part on it
 * ({@link sendResult}), the page reads each part in its own task, times its deserialisation and
 * answers with that time, which sizes the next part ({@link FeatureReceiver}); the result itself
 * (format, CRS, issues) comes last, without its features, through the worker's API. A newer import
 * stops an older one's remaining parts: the page closes the older's port, the worker stops sending
 * once the newer import reaches it. A part out of order or missing fails that import with a
 * `result-part-lost` issue naming the part and the file; nothing already loaded is touched.
 */
import type { Feature } from 'geojson';
import type { ImportFailure, ImportResult } from '../lib/data/import/types.ts';
import { FIRST_PART, Parts, PartsError, sendInParts, type PartOptions } from './parts.ts';

/** Results of at most this many features go to the page in one message. */
export const ONE_MESSAGE = FIRST_PART;
/**
 * Most features in a part. Deserialising allocates every feature on the page, and a young-generation
 * collection that falls inside a part copies them all: a part of 16 000 points took 108 ms once at
 * load 6 (8 000 took 8 ms just before), so parts stay smaller than the sites sent the other way.
 */
export const MAX_IMPORT_PART = 8192;

/** A result whose features were sent in parts: its collection holds none; how many were sent. */
export type SentResult = ImportResult & { sentInParts?: { parts: number; features: number } };

/** Worker → page: part `index` of the `features` features of the import. */
export interface PartMessage { index: number; part: Feature[]; features: number }
/** Page → worker: part `index` taken (its deserialisation took `took` ms), or refused. */
export type PartAnswer = { index: number; took: number } | { index: number; error: string };

/** What `sendResult` needs of a port (a `MessagePort`, or a stand-in in tests). */
export interface Port {
  postMessage(m: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
}

/**
 * The worker's side: sends the features of a successful result of more than {@link ONE_MESSAGE}
 * (`opts.oneMessage`) features on `port` in parts, each once the page answered the one before, then resolves to the
 * result without its features and with how many were sent; smaller results and failures as they
 * are. Null when `stale()` turned true between parts (a newer import started; `onWait` is given a
 * function that ends the wait for the page's answer, for the newer import to call).
 * @throws `sending the features of "<file>" to the page failed at part K (features A–B of N): <why>`
 */
export async function sendResult(r: ImportResult, file: string, port: Port, stale: () => boolean, onWait: (stop: () => void) => void = () => {}, opts: PartOptions & { oneMessage?: number } = {}): Promise<SentResult | null> {
  const { oneMessage = ONE_MESSAGE, ...partOptions } = opts;
  if (!r.ok || r.collection.features.length <= oneMessage) return r;
  const features = r.collection.features;
  let answered: ((a: PartAnswer | null) => void) | null = null;
  port.onmessage = (e) => answered?.(e.data as PartAnswer);
  onWait(() => answered?.(null));
  const parts = await sendInParts(features, (part, index) => new Promise<PartAnswer | null>((resolve, reject) => {
    answered = (a) => {
      answered = null;
      if (a === null) resolve(null);
      else if ('error' in a) reject(new Error(a.error));
      else if (a.index !== index) reject(new Error(`the page answered part ${a.index + 1} instead`));
      else resolve(a);
    };
    const m: PartMessage = { index, part, features: features.length };
    port.postMessage(m);
  }), stale, {
    max: MAX_IMPORT_PART,
    ...partOptions,
    tookOf: (a) => (a as { took?: number } | null)?.took,
    label: { what: `the features of "${file}" to the page`, items: 'features' },
  });
  port.onmessage = null;
  if (parts === null || stale()) return null;
  return { ...r, collection: { ...r.collection, features: [] }, sentInParts: { parts, features: features.length } };
}

/** The failure of an import whose features did not all reach the page (`e` a {@link PartsError} or the sender's error). */
export function partsFailure(e: unknown, file: string): ImportFailure {
  const part = e instanceof PartsError ? e.part : undefined;
  const why = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    issues: [{
      severity: 'error', code: 'result-part-lost',
      message: `The features read from "${file}" did not all reach the page (${why}); the import was stopped and nothing was added.`,
      ...(part !== undefined ? { part } : {}),
    }],
  };
}

/**
 * The page's side for one import: reads the parts from `port`, each in its own task (the message's
 * deserialisation, timed here, is that task's work), puts them together in order, tells
 * `onProgress` the fraction received, and answers each part with its time. A part out of order
 * resolves {@link failed}; {@link result} joins the features to the result once it came.
 */
export class FeatureReceiver {
  private parts: Parts<Feature>;
  /** Resolves when a part came out of order (the import failed; the worker was told). */
  readonly failed: Promise<ImportFailure>;
  private fail!: (f: ImportFailure) => void;

  constructor(private readonly port: Port & { close?(): void }, private readonly file: string, onProgress: (fraction: number) => void = () => {}, now: () => number = () => performance.now()) {
    this.parts = new Parts<Feature>({ who: 'page', items: 'features', of: () => `"${file}"` });
    this.failed = new Promise((resolve) => (this.fail = resolve));
    port.onmessage = (e) => {
      const t = now();
      // MessageEvent.data is deserialised when first read: here, in this message's own task
      const m = e.data as PartMessage;
      const took = now() - t;
      try {
        const got = this.parts.add(0, m.index, m.part);
        port.postMessage({ index: m.index, took } satisfies PartAnswer);
        onProgress(m.features > 0 ? got / m.features : 1);
      } catch (err) {
        port.postMessage({ index: m.index, error: err instanceof Error ? err.message : String(err) } satisfies PartAnswer);
        this.close();
        this.fail(partsFailure(err, file));
      }
    };
  }

  /** The whole result of `r`: its features put together from the parts when they were sent so. */
  result(r: SentResult | null): ImportResult | null {
    const sent = r?.sentInParts;
    if (!r || !sent) return r;
    const { sentInParts, ...head } = r as SentResult & { ok: true };
    void sentInParts;
    try {
      const features = this.parts.take(0, sent.features, sent.parts);
      return { ...head, collection: { ...head.collection, features } } as ImportResult;
    } catch (e) {
      return partsFailure(e, this.file);
    }
  }

  /** Stops reading parts (a newer import, or this one ended). */
  close(): void {
    this.port.onmessage = null;
    this.port.close?.();
    this.parts.clear();
  }
}
