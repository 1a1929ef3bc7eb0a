/** Chart models of the targets panel: pure geometry for its inline SVGs. */
import { FIGURES, type Figure, type Measure } from './targets.ts';
import { figuresOf } from './assess.ts';

export interface Bar { figure: Figure; x: number; y: number; width: number; height: number }

/**
 * Vertical bars of the industry + construction share by year, plus the industry-alone estimate,
 * on a 0–`maxPct` scale, in a `width` × `height` plot area (origin top-left, y down).
 */
export function shareChartModel(figures: readonly Figure[] = FIGURES, width = 300, height = 160, maxPct = 20) {
  const series = figuresOf(figures, ['ic-share']).filter((f) => f.year >= 2021);
  const estimate = figuresOf(figures, ['industry-share']);
  const bars = [...series, ...estimate];
  const slot = width / bars.length;
  const y = (v: number) => height - (Math.min(v, maxPct) / maxPct) * height;
  return {
    bars: bars.map((f, i): Bar => ({ figure: f, x: i * slot + slot * 0.2, y: y(f.value), width: slot * 0.6, height: height - y(f.value) })),
    y,
    ticks: [0, 5, 10, 15, 20].filter((v) => v <= maxPct),
  };
}

/**
 * Horizontal bars of every growth figure 2021–2025 (the right measure and the context ones),
 * on a 0–`maxPct` scale over `width`, one row of `rowHeight` each.
 */
export function growthChartModel(figures: readonly Figure[] = FIGURES, width = 220, rowHeight = 22, maxPct = 30) {
  const order: Measure[] = ['industry-va-growth', 'industry-output-growth', 'industry-iip-growth', 'ic-va-growth'];
  const rows = order.flatMap((m) => figuresOf(figures, [m]).filter((f) => f.year >= 2021));
  const x = (v: number) => (Math.min(v, maxPct) / maxPct) * width;
  return {
    bars: rows.map((f, i): Bar => ({ figure: f, x: 0, y: i * rowHeight + 4, width: x(f.value), height: rowHeight - 8 })),
    x,
    height: rows.length * rowHeight,
    ticks: [0, 10, 20, 30].filter((v) => v <= maxPct),
  };
}
