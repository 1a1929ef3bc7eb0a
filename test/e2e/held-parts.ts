/**
 * The app's IndexedDB as the browser tests of big imported layers read it, and the hold they put
 * on a reload's reads of a stored layer's parts (to check what is drawn before the record is read).
 */
import type { Page } from 'playwright-core';
import type { MapProbe } from '../../src/lib/map/probe.ts';

/** Every key of the app's IndexedDB store. */
export const storedKeys = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve, reject) => {
  const open = indexedDB.open('keyval-store');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const r = open.result.transaction('keyval').objectStore('keyval').getAllKeys();
    r.onsuccess = () => { resolve((r.result as string[]).map(String)); open.result.close(); };
    r.onerror = () => reject(r.error);
  };
}));

/** What the page showed when the held parts were let through (see {@link holdPartsOnReload}). */
export interface AtRelease { points: number; drawn: boolean; cards: number; loading: number; ms: number; heldMs: number }

/**
 * From the next load of `page` on, the page's reads of stored parts (`parts:` keys) are held back
 * (the import worker's are not) until the big layers' points are shown — and, with `drawn`, some
 * of them drawn around the canvas centre (`user-points`) — or `maxMs` after the first was asked
 * for (the store gives up on a read 8 s after it started). Read the result with {@link released}.
 */
export async function holdPartsOnReload(page: Page, opts: { drawn: boolean; maxMs: number }): Promise<void> {
  await page.addInitScript(({ drawn: wantDrawn, maxMs }) => {
    const w = window as unknown as { __partsHeld: number; __atRelease: AtRelease | null; __mapProbe?: MapProbe };
    w.__partsHeld = 0;
    w.__atRelease = null;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const started = Date.now();
    let firstHeld = 0;
    const watch = setInterval(() => {
      const points = w.__mapProbe?.bigPoints().points ?? 0;
      const drawn = points > 0 && w.__mapProbe!.renderedAtCentre('user-points') > 0;
      const shown = wantDrawn ? drawn : points > 0;
      if (!w.__partsHeld || (!shown && Date.now() - firstHeld < maxMs)) return;
      clearInterval(watch);
      w.__atRelease = { points, drawn, cards: document.querySelectorAll('[data-testid="file-properties"]').length, loading: document.querySelectorAll('[data-testid="card-layer-loading"]').length, ms: Date.now() - started, heldMs: Date.now() - firstHeld };
      release();
    }, 50);
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      const req = get.call(this, key);
      if (typeof key !== 'string' || !key.startsWith('parts:')) return req;
      if (!w.__partsHeld++) firstHeld = Date.now();
      // The caller's handler runs once released (the result stays readable on the request).
      let handler: ((this: IDBRequest, ev: Event) => unknown) | null = null;
      Object.defineProperty(req, 'onsuccess', { configurable: true, get: () => handler, set: (h) => void (handler = h) });
      req.addEventListener('success', (ev) => void held.then(() => handler?.call(req, ev)));
      return req;
    };
  }, opts);
}

/** How many part reads were held, and what was shown when they were let through (null: not yet). */
export const released = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { __partsHeld: number; __atRelease: AtRelease | null };
  return w.__atRelease ? { held: w.__partsHeld, ...w.__atRelease } : null;
});
