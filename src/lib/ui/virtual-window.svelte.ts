/**
 * The virtual window shared by the analysis table and the distance view: one scroll box whose rows
 * (or, on a phone, cards) are the only ones in the page. Call these during a component's
 * initialisation (they set up effects).
 */
import { untrack } from 'svelte';
import { get } from 'svelte/store';
import { createVirtualizer } from '@tanstack/svelte-virtual';

/** Whether the screen is a phone's (≤ 700 px wide), kept up to date. */
export function phoneScreen(): { readonly phone: boolean } {
  const query = typeof matchMedia === 'function' ? matchMedia('(max-width: 700px)') : null;
  let phone = $state(query?.matches ?? false);
  $effect(() => {
    if (!query) return;
    const on = () => (phone = query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  });
  return { get phone() { return phone; } };
}

export interface WindowOptions<S extends Element> {
  overscan: number;
  initialRect: { width: number; height: number };
  /** The list (a plain array: the virtualizer reads every row's key on each pass of its measurements). */
  rows: () => readonly { id: string }[];
  scrollEl: () => S | undefined;
  /** Estimated height of a row (px) and the gap between rows. */
  size: () => number;
  gap?: () => number;
  /** The rendered rows: read so that they are measured again after each render. */
  rendered: () => unknown;
}

/**
 * A virtualizer over `rows` in `scrollEl`, keyed by row id; the rows in the page (`[data-index]`)
 * are measured together after each render — one pass of the virtualizer's measurements per render,
 * not one per row.
 */
export function virtualWindow<S extends Element>(o: WindowOptions<S>) {
  const virtualizer = createVirtualizer<S, HTMLElement>({
    count: 0,
    getScrollElement: () => o.scrollEl() ?? null,
    estimateSize: o.size,
    overscan: o.overscan,
    initialRect: o.initialRect,
    getItemKey: (i) => i,
  });
  $effect(() => {
    const list = o.rows();
    const el = o.scrollEl();
    const size = o.size();
    const gap = o.gap?.() ?? 0;
    // setOptions updates the store: done untracked, or this effect would re-run itself.
    untrack(() => { if (el) get(virtualizer).setOptions({ count: list.length, getScrollElement: () => el, getItemKey: (i) => list[i]?.id ?? i, estimateSize: () => size, gap }); });
  });
  $effect(() => {
    o.rendered();
    const el = o.scrollEl();
    if (!el) return;
    untrack(() => { const v = get(virtualizer); for (const node of el.querySelectorAll<HTMLElement>('[data-index]')) v.measureElement(node); });
  });
  return virtualizer;
}
