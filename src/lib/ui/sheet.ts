/**
 * The phone's bottom sheet: three resting states (peek: the grip alone; half; full) and where a
 * drag ends. Pure: heights in CSS pixels, velocity in px/ms (positive = growing).
 */
export type SheetState = 'peek' | 'half' | 'full';
export const SHEET_STATES: readonly SheetState[] = ['peek', 'half', 'full'];

/** The grip's height: the sheet folded to it still offers the menu. */
export const PEEK_PX = 48;

/** The sheet's height in each state, for a container `containerPx` tall. */
export function sheetHeights(containerPx: number): Record<SheetState, number> {
  const full = Math.max(PEEK_PX, containerPx - 8);
  return { peek: PEEK_PX, half: Math.max(PEEK_PX, Math.min(full, Math.round(containerPx * 0.55))), full };
}

/**
 * The state a drag released at `heightPx` settles in: a flick (|velocity| ≥ 0.5 px/ms) goes one
 * state further in its direction from the nearest one behind it; otherwise the nearest state.
 */
export function snapSheet(heightPx: number, velocity: number, heights: Record<SheetState, number>): SheetState {
  const order = SHEET_STATES.map((s) => ({ s, h: heights[s] }));
  if (Math.abs(velocity) >= 0.5) {
    if (velocity > 0) return (order.find((o) => o.h > heightPx + 1) ?? order[order.length - 1]).s;
    return ([...order].reverse().find((o) => o.h < heightPx - 1) ?? order[0]).s;
  }
  let best = order[0];
  for (const o of order) if (Math.abs(o.h - heightPx) < Math.abs(best.h - heightPx)) best = o;
  return best.s;
}

/** A tap (or Enter/Space) on the grip: a folded sheet opens half way; an open one folds. */
export function toggleSheet(s: SheetState): SheetState {
  return s === 'peek' ? 'half' : 'peek';
}

/** Arrow keys on the grip: up grows the sheet by one state, down shrinks it. */
export function stepSheet(s: SheetState, dir: 1 | -1): SheetState {
  const i = SHEET_STATES.indexOf(s) + dir;
  return SHEET_STATES[Math.max(0, Math.min(SHEET_STATES.length - 1, i))];
}
