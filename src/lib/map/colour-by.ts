/**
 * Site symbols coloured by one distance (the "Colour by" control): distance classes with "nice"
 * breaks, a MapLibre step expression over them, and a source + layers of their own drawn over the
 * industrial-site and draft symbols (the status ring stays visible around them). The colour is the
 * point estimate's (the legend says so); a site without a value is grey. Pure except `syncColourBy`.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification, Map as MlMap, GeoJSONSource } from 'maplibre-gl';
import { distanceNoValue, distanceRamp } from './palette.ts';
import { radiusFromArea } from './expressions.ts';
import type { SiteRow } from '../analysis/site-row.ts';
import type { SiteMetric } from '../analysis/metrics.ts';

/** One class of the legend: values in (min, max] metres (open ends null). */
export interface ColourClass { min: number | null; max: number | null; color: string }

/** Break candidates (metres): 1–2–5 steps from 500 m to 100 km. */
const NICE_M = [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

/**
 * Up to `ramp.length` classes for `values`: breaks at the nice value nearest (in log scale) to
 * each quantile, inside the values' range; colours spread over the whole ramp. No finite value →
 * no class.
 */
export function colourClasses(values: readonly (number | null)[], ramp: readonly string[] = distanceRamp): ColourClass[] {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return [];
  const lo = v[0], hi = v[v.length - 1];
  const breaks = new Set<number>();
  for (let k = 1; k < ramp.length; k++) {
    const q = v[Math.min(v.length - 1, Math.floor((k * v.length) / ramp.length))];
    let best = NICE_M[0];
    for (const n of NICE_M) if (Math.abs(Math.log(n / Math.max(q, 1))) < Math.abs(Math.log(best / Math.max(q, 1)))) best = n;
    if (best > lo && best < hi) breaks.add(best);
  }
  const b = [...breaks].sort((x, y) => x - y);
  const n = b.length + 1;
  return Array.from({ length: n }, (_, i) => ({
    min: i === 0 ? null : b[i - 1],
    max: i === n - 1 ? null : b[i],
    color: ramp[n === 1 ? 0 : Math.round((i * (ramp.length - 1)) / (n - 1))],
  }));
}

/** The class a value falls in (upper bounds inclusive), or null. */
export function classOf(classes: readonly ColourClass[], v: number | null): ColourClass | null {
  if (v === null || !Number.isFinite(v) || !classes.length) return null;
  return classes.find((c) => c.max === null || v <= c.max) ?? null;
}

/** MapLibre colour of a feature's `v` (metres): a step over the classes, grey without a number. */
export function colourExpression(classes: readonly ColourClass[]): ExpressionSpecification {
  if (!classes.length) return ['literal', distanceNoValue] as unknown as ExpressionSpecification;
  // `step` puts a value equal to a stop in the upper class; the legend's upper bounds are inclusive,
  // so the stops sit just above each bound.
  const step: unknown[] = ['step', ['to-number', ['get', 'v']], classes[0].color];
  for (const c of classes.slice(1)) step.push((c.min as number) + 1e-6, c.color);
  return ['case', ['==', ['typeof', ['get', 'v']], 'number'], step, distanceNoValue] as unknown as ExpressionSpecification;
}

/**
 * The symbols to colour: every site in `sites` with an analysis row and `show(id)` true, as its
 * own geometry with only `id`, `v` (metres or null), `area_ha` (symbol size), `draft` and `user`
 * (an imported site: coloured above the imported layer's own symbols).
 */
export function colourByData(metric: SiteMetric, sites: readonly Feature[], rows: ReadonlyMap<string, SiteRow>, show: (id: string, f: Feature) => boolean, draftIds: ReadonlySet<string>, userIds: ReadonlySet<string> = new Set()): { fc: FeatureCollection; classes: ColourClass[] } {
  const features: Feature[] = [];
  for (const f of sites) {
    const id = f.properties?.id;
    if (id == null || !f.geometry) continue;
    const a = rows.get(String(id));
    if (!a || !show(String(id), f)) continue;
    const v = metric.get(a);
    const area = Number(f.properties?.area_ha);
    features.push({ type: 'Feature', geometry: f.geometry, properties: { id: String(id), v: v !== null && Number.isFinite(v) ? v : null, area_ha: Number.isFinite(area) ? area : 0, draft: draftIds.has(String(id)), user: userIds.has(String(id)) } });
  }
  return { fc: { type: 'FeatureCollection', features }, classes: colourClasses(features.map((f) => f.properties!.v as number | null)) };
}

export const COLOUR_BY_SOURCE = 'colour-by';
const CIRCLE = 'colour-by-circle', FILL = 'colour-by-fill';
const CIRCLE_USER = 'colour-by-user-circle', FILL_USER = 'colour-by-user-fill';
const LAYERS = [CIRCLE, FILL, CIRCLE_USER, FILL_USER];
/** Bundled sites and drafts: drawn under the selection ring and the labels. */
const BEFORE = 'industrial-sites-selected';
/** Imported sites: over the imported layer's own symbols, under the draft selection and connector labels. */
const BEFORE_USER = 'drafts-selected-line';
const isUser: ExpressionSpecification = ['boolean', ['get', 'user'], false];
const polygons: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const points: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];

/**
 * The site symbol's radius by zoom and area (`radiusFromArea`, as the site layer), 13 px for a draft
 * point (a ring around terra-draw's dot, which is drawn over it). A zoom curve must be the outermost
 * expression, so the draft case goes inside each of its stops.
 */
export function symbolRadius(): ExpressionSpecification {
  const [op, kind, input, ...stops] = radiusFromArea(5, 0.45) as unknown[];
  const out: unknown[] = [op, kind, input];
  for (let i = 0; i < stops.length; i += 2) out.push(stops[i], ['case', ['boolean', ['get', 'draft'], false], 13, stops[i + 1]]);
  return out as ExpressionSpecification;
}

/** The keys of the symbols' properties the layers read (all `colourByData` writes). */
export const COLOUR_BY_KEYS: ReadonlySet<string> = new Set(['id', 'v', 'area_ha', 'draft', 'user']);

/** How a collection reaches the source (the map view sends big ones by URL, in slices). */
export type SendData = (src: GeoJSONSource, fc: FeatureCollection) => void;

/**
 * Shows `data` coloured by its classes (adding the source and layers once), or hides them (`null`).
 * The symbols go through `send`: tens of thousands of imported sites must not be cloned to
 * MapLibre's worker in one task.
 */
export function syncColourBy(map: MlMap, data: { fc: FeatureCollection; classes: ColourClass[] } | null, send: SendData = (src, fc) => src.setData(fc)): void {
  const src = map.getSource(COLOUR_BY_SOURCE) as GeoJSONSource | undefined;
  if (!data) {
    for (const id of LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'none');
    return;
  }
  const color = colourExpression(data.classes);
  if (!src) {
    map.addSource(COLOUR_BY_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
    for (const user of [false, true]) {
      const beforeId = user ? BEFORE_USER : BEFORE;
      const before = map.getLayer(beforeId) ? beforeId : undefined;
      const which: ExpressionSpecification = user ? isUser : ['!', isUser];
      map.addLayer({ id: user ? FILL_USER : FILL, type: 'fill', source: COLOUR_BY_SOURCE, filter: ['all', polygons, which], paint: { 'fill-color': color, 'fill-opacity': 0.6 } }, before);
      map.addLayer({
        id: user ? CIRCLE_USER : CIRCLE, type: 'circle', source: COLOUR_BY_SOURCE, filter: ['all', points, which],
        // Same size as the site symbol (its status ring shows around it); a draft point larger than terra-draw's dot.
        paint: { 'circle-color': color, 'circle-radius': symbolRadius(), 'circle-opacity': 1 },
      }, before);
    }
  } else {
    for (const id of [FILL, FILL_USER]) map.setPaintProperty(id, 'fill-color', color);
    for (const id of [CIRCLE, CIRCLE_USER]) map.setPaintProperty(id, 'circle-color', color);
  }
  send(map.getSource(COLOUR_BY_SOURCE) as GeoJSONSource, data.fc);
  for (const id of LAYERS) map.setLayoutProperty(id, 'visibility', 'visible');
}
