/**
 * Sketched candidate sites in the shared URL, so that a link or the dossier's QR code shows them in
 * any browser. One `d` parameter per draft: `<id>|<name>|<lon>,<lat>;<lon>,<lat>;…` with coordinates
 * rounded to 5 decimals (about 1 m), a polygon's ring without its closing vertex, and the name
 * percent-encoded (empty when the draft has its default name). Pure.
 */
import type { Draft } from '../map/draw-types.ts';

/** At most this many drafts, each at most this many vertices, and this many characters in all. */
export const URL_DRAFTS_MAX = 20;
export const URL_DRAFT_MAX_VERTICES = 300;
export const URL_DRAFTS_MAX_CHARS = 6000;

export interface UrlDraft { draft: Draft; name?: string }

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const r5 = (x: number) => String(Number(x.toFixed(5)));

/** One draft as a `d` parameter value. */
export function encodeDraft(d: Draft, name?: string): string {
  const g = d.geometry;
  const ring = g.type === 'Point' ? [g.coordinates] : g.coordinates[0].slice(0, -1);
  return `${d.properties.id}|${name ? encodeURIComponent(name) : ''}|${ring.map(([x, y]) => `${r5(x)},${r5(y)}`).join(';')}`;
}

/**
 * The `d` values of the drafts, bounded: when all of them would pass the limits, only `keep` (the
 * selected draft) travels. Returns the values and how many drafts were left out.
 */
export function encodeDrafts(drafts: Draft[], names: Record<string, string>, keep?: string): { values: string[]; omitted: number } {
  const fits = (list: Draft[]) => list.length <= URL_DRAFTS_MAX && list.every((d) => d.geometry.type === 'Point' || d.geometry.coordinates[0].length <= URL_DRAFT_MAX_VERTICES + 1);
  const enc = (list: Draft[]) => list.map((d) => encodeDraft(d, names[d.properties.id]));
  let values = fits(drafts) ? enc(drafts) : [];
  if (!values.length || values.join('').length > URL_DRAFTS_MAX_CHARS) {
    const one = drafts.filter((d) => d.properties.id === keep);
    values = fits(one) ? enc(one) : [];
  }
  return { values, omitted: drafts.length - values.length };
}

/** Parses one `d` value; throws a short English reason (the caller reports it with the value). */
export function decodeDraft(s: string): UrlDraft {
  const parts = s.split('|');
  if (parts.length !== 3) throw new Error('expected id|name|coordinates');
  const [id, rawName, coords] = parts;
  if (!ID_RE.test(id)) throw new Error('bad id');
  let name: string | undefined;
  try {
    name = rawName ? decodeURIComponent(rawName).slice(0, 80) : undefined;
  } catch {
    throw new Error('bad name');
  }
  const pts = coords.split(';').map((p) => p.split(',').map(Number));
  if (!pts.length || pts.length > URL_DRAFT_MAX_VERTICES) throw new Error('bad vertex count');
  for (const p of pts) {
    if (p.length !== 2 || !p.every(Number.isFinite) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) throw new Error('bad coordinate');
  }
  if (pts.length === 1) return { draft: { type: 'Feature', geometry: { type: 'Point', coordinates: pts[0] }, properties: { id, mode: 'point' } }, name };
  if (pts.length < 3) throw new Error('a polygon needs 3 vertices');
  return { draft: { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]]] }, properties: { id, mode: 'polygon' } }, name };
}
