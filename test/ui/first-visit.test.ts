import { describe, expect, it } from 'vitest';
import { firstVisitDismissed, rememberFirstVisitDismissed } from '../../src/lib/ui/first-visit.ts';

describe('first-visit line', () => {
  it('is shown until dismissed, then remembered', () => {
    const data = new Map<string, string>();
    const store = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(firstVisitDismissed(store)).toBe(false);
    rememberFirstVisitDismissed(store);
    expect(firstVisitDismissed(store)).toBe(true);
  });
  it('is shown (and dismissal forgotten) when storage is missing or blocked', () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); } };
    expect(firstVisitDismissed(blocked)).toBe(false);
    expect(() => rememberFirstVisitDismissed(blocked)).not.toThrow();
    expect(firstVisitDismissed(undefined)).toBe(false);
  });
});
