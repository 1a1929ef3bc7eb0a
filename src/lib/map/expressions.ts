/**
 * Tiny typed helpers for MapLibre expressions (after openinframap's `stylehelpers.ts`), so layer
 * modules read as intent rather than nested arrays.
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

type Value = number | string | boolean | ExpressionSpecification;

/** Linear interpolation by zoom: `byZoom([[6, 2], [12, 8]])`. */
export function byZoom(stops: [number, Value][]): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as unknown as ExpressionSpecification;
}

/** `match` on a property with a record of values and a fallback. */
export function matchProp(prop: string, values: Record<string | number, Value>, fallback: Value): ExpressionSpecification {
  const pairs: Value[] = [];
  for (const [k, v] of Object.entries(values)) {
    const key = /^\d+$/.test(k) ? Number(k) : k;
    pairs.push(key as Value, v);
  }
  return ['match', ['get', prop], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** True when the feature's `accuracy` is one of the given classes. */
export function accuracyIn(...classes: string[]): ExpressionSpecification {
  return ['in', ['get', 'accuracy'], ['literal', classes]] as ExpressionSpecification;
}

/**
 * Filter for the placement outline of the selected feature: the communes / districts whose `id` is
 * in its `placed_in` (none when it has no placement polygons). Feature properties are untrusted:
 * only string ids go into the literal, and the result can only ever compare `id` values.
 */
export function placementFilter(props: Record<string, unknown> | null | undefined): ExpressionSpecification {
  const ids = Array.isArray(props?.placed_in) ? props.placed_in.filter((x): x is string => typeof x === 'string') : [];
  return ['in', ['get', 'id'], ['literal', ids]] as ExpressionSpecification;
}

/** True when the feature is hovered (feature-state `hover`). */
export const isHovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** Radius from an area in hectares, square-root scaled so area reads as area: r = a + b·√ha, zoom-scaled. */
export function radiusFromArea(min: number, perSqrtHa: number, extraPx = 0): ExpressionSpecification {
  const byArea: ExpressionSpecification = ['+', min, ['*', perSqrtHa, ['sqrt', ['coalesce', ['get', 'area_ha'], 0]]]];
  return byZoom([
    [6, ['+', extraPx, ['*', 0.7, byArea]] as ExpressionSpecification],
    [10, ['+', extraPx, byArea] as ExpressionSpecification],
    [14, ['+', extraPx, ['*', 1.6, byArea]] as ExpressionSpecification],
  ]);
}
