// Small pure helpers for a virtualised list (only the rows in view are in the page).

/** Where a key moves the focus in a list of `count` rows from row `i`: ArrowDown/ArrowUp one row,
 *  Home the first, End the last; null for any other key or a move past either end. */
export function nextRowIndex(key: string, i: number, count: number): number | null {
  const last = count - 1;
  const next = key === 'ArrowDown' ? i + 1 : key === 'ArrowUp' ? i - 1 : key === 'Home' ? 0 : key === 'End' ? last : -1;
  return next >= 0 && next <= last && next !== i ? next : null;
}

/** The space above and below the rendered window that keeps the full scroll height:
 *  `items` are the rendered rows (in order, with their start and end offsets), `total` the list's height. */
export function windowPads(items: readonly { start: number; end: number }[], total: number): { top: number; bottom: number } {
  if (!items.length) return { top: 0, bottom: 0 };
  return { top: items[0].start, bottom: Math.max(0, total - items[items.length - 1].end) };
}
