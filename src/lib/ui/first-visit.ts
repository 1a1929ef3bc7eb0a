/** Remembers that the first-visit line was dismissed (localStorage; a browser without it shows it each visit). */
const KEY = 'backan-map:first-visit-dismissed';

export function firstVisitDismissed(store: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return store?.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked (private mode, a sandboxed frame)
  }
}

export function rememberFirstVisitDismissed(store: Pick<Storage, 'setItem'> | undefined): void {
  try {
    store?.setItem(KEY, '1');
  } catch {
    // storage blocked: dismissed for this visit only
  }
}
