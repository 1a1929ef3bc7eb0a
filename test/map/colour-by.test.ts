import { describe, expect, it } from 'vitest';
import { expression as styleExpression } from '@maplibre/maplibre-gl-style-spec';
import { classOf, colourByData, colourClasses, colourExpression, COLOUR_BY_KEYS, COLOUR_BY_SOURCE, symbolRadius, syncColourBy } from '../../src/lib/map/colour-by.ts';
import { distanceNoValue, distanceRamp } from '../../src/lib/map/palette.ts';
import { siteMetric } from '../../src/lib/analysis/metrics.ts';
import type { SiteAnalysis } from '../../src/lib/analysis/analyze.ts';
import type { Feature } from 'geojson';

/** Evaluates a data expression for one feature's properties, as MapLibre does. */
function evaluate(expr: unknown, properties: Record<string, unknown>, zoom = 8): unknown {
  const compiled = styleExpression.createExpression(expr, { type: 'color', 'property-type': 'data-driven', expression: { interpolated: true, parameters: ['zoom', 'feature'] } } as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  const c = compiled.value.evaluate({ zoom }, { type: 'Point', properties } as never) as { r: number; g: number; b: number } | string;
  if (typeof c === 'string') return c;
  const hex = (x: number) => Math.round(x * 255).toString(16).padStart(2, '0');
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

describe('colour by a distance', () => {
  const values = [300, 800, 1500, 2500, 4000, 7000, 12_000, 18_000, 30_000, null];
  const classes = colourClasses(values);

  it('makes up to five classes with nice breaks inside the range, spread over the ramp', () => {
    // quantiles 800, 2500, 7000, 18 000 m → nearest 1–2–5 breaks (log scale)
    expect(classes.map((c) => [c.min, c.max])).toEqual([[null, 1000], [1000, 2000], [2000, 5000], [5000, 20_000], [20_000, null]]);
    expect(classes.map((c) => c.color)).toEqual(distanceRamp);
    // Few distinct values: fewer classes, the ramp's ends kept.
    const three = colourClasses([900, 950, 6000]);
    expect(three.map((c) => [c.min, c.max])).toEqual([[null, 1000], [1000, 5000], [5000, null]]);
    expect(three.map((c) => c.color)).toEqual([distanceRamp[0], distanceRamp[2], distanceRamp[4]]);
    expect(colourClasses([null, null])).toEqual([]);
    expect(colourClasses([4200]).length).toBe(1);
  });

  it('puts a value in its class, upper bounds inclusive', () => {
    expect(classOf(classes, 1000)?.color).toBe(distanceRamp[0]);
    expect(classOf(classes, 1000.5)?.color).toBe(distanceRamp[1]);
    expect(classOf(classes, 99_999)?.color).toBe(distanceRamp[4]);
    expect(classOf(classes, null)).toBeNull();
  });

  it('builds a MapLibre expression that agrees with the classes; no value is grey', () => {
    const expr = colourExpression(classes);
    for (const v of [10, 1000, 1001, 2000, 4999, 5000, 5001, 12_000, 25_000]) expect(evaluate(expr, { v }), `v=${v}`).toBe(classOf(classes, v)!.color);
    expect(evaluate(expr, { v: null })).toBe(distanceNoValue);
    expect(evaluate(expr, {})).toBe(distanceNoValue);
    expect(evaluate(colourExpression([]), { v: 5 })).toBe(distanceNoValue);
  });

  it('keeps the zoom curve outermost in the symbol radius', () => {
    const r = symbolRadius() as unknown[];
    expect(r[0]).toBe('interpolate');
    expect(r[2]).toEqual(['zoom']);
    const compiled = styleExpression.createExpression(r, { type: 'number', 'property-type': 'data-driven', expression: { interpolated: true, parameters: ['zoom', 'feature'] } } as never);
    expect(compiled.result).toBe('success');
    const at = (props: Record<string, unknown>) => (compiled.value as { evaluate: (g: unknown, f: unknown) => number }).evaluate({ zoom: 10 }, { type: 'Point', properties: props });
    expect(at({ draft: true })).toBe(13);
    expect(at({ draft: false, area_ha: 100 })).toBeCloseTo(5 + 0.45 * 10);
  });

  it('takes the shown sites with their point estimate, and only the properties it needs', () => {
    const mv = siteMetric('mv');
    const row = (id: string, d: number | null) => ({ id, nearest: { mvLine: d === null ? null : { distanceM: d } } }) as unknown as SiteAnalysis;
    const rows = new Map([['a', row('a', 1200)], ['b', row('b', null)], ['c', row('c', 400)]]);
    const site = (id: string, extra: Record<string, unknown> = {}): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [105.8, 22.1] }, properties: { id, name: 'x', area_ha: 49, ...extra } });
    const { fc, classes: cl } = colourByData(mv, [site('a', { constructor: 'bad' }), site('b'), site('c'), site('hidden')], rows, (id) => id !== 'c', new Set(['b']), new Set(['a']));
    expect(fc.features.map((f) => f.properties)).toEqual([
      { id: 'a', v: 1200, area_ha: 49, draft: false, user: true },
      { id: 'b', v: null, area_ha: 49, draft: true, user: false },
    ]);
    expect(cl.length).toBe(1);
  });

  it('hands the symbols to the sender it is given (the map view sends big ones by URL), never to addSource', () => {
    const sources = new Map<string, { data: unknown; setData: (d: unknown) => void }>();
    const layers = new Map<string, Record<string, unknown>>();
    const map = {
      getSource: (id: string) => sources.get(id),
      addSource: (id: string, spec: { data: unknown }) => { const s = { data: spec.data, setData: (d: unknown) => (s.data = d) }; sources.set(id, s); },
      getLayer: (id: string) => layers.get(id),
      addLayer: (l: { id: string }) => layers.set(l.id, { visibility: 'visible' }),
      setLayoutProperty: (id: string, _k: string, v: unknown) => (layers.get(id)!.visibility = v),
      setPaintProperty: () => undefined,
    };
    const fc = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [105.8, 22.1] }, properties: { id: 'a', v: 1200, area_ha: 0, draft: false, user: true } }] };
    const sent: unknown[] = [];
    const send = (src: unknown, data: unknown) => { expect(src).toBe(sources.get(COLOUR_BY_SOURCE)); sent.push(data); };
    syncColourBy(map as never, { fc, classes: colourClasses([1200]) }, send);
    // created empty: the symbols reach it only through the sender
    expect((sources.get(COLOUR_BY_SOURCE)!.data as { features: unknown[] }).features).toEqual([]);
    expect(sent).toEqual([fc]);
    expect([...layers.values()].every((l) => l.visibility === 'visible')).toBe(true);
    const again = { ...fc, features: [...fc.features] };
    syncColourBy(map as never, { fc: again, classes: colourClasses([1200]) }, send);
    expect(sent).toEqual([fc, again]);
    syncColourBy(map as never, null, send);
    expect(sent.length).toBe(2);
    expect([...layers.values()].every((l) => l.visibility === 'none')).toBe(true);
    // every property the symbols carry is one the sender keeps
    expect(Object.keys(fc.features[0].properties).every((k) => COLOUR_BY_KEYS.has(k))).toBe(true);
  });
});
