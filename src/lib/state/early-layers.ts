/**
 * Big reference layers drawn on a reload before their record is read: the heads of the layers
 * stored in parts (see `record-parts.ts`) are read first, and a big reference layer's stored map
 * part (`display-part.ts`) already holds its points' positions and feature numbers, so the map
 * draws them while the page still reads the features (for the card, the layer list, exports and
 * analyses). Pure.
 */
import { BIG_REFERENCE_FEATURES, type UserLayerSpec } from '../data/user-layers.ts';
import { partsNote, PARTS_FIELD } from './record-parts.ts';

/** A big layer whose record is being read: the layer without its features. */
export type EarlyLayer = Omit<UserLayerSpec, 'collection'>;

/**
 * The big reference layers among stored heads `[id, value]` (layers stored in parts with at least
 * {@link BIG_REFERENCE_FEATURES} features), in the order the layers are listed (added first first),
 * each without its collection or its note of parts.
 */
export function earlyBigLayers(heads: readonly (readonly [string, unknown])[]): EarlyLayer[] {
  const out: EarlyLayer[] = [];
  for (const [id, v] of heads) {
    const note = partsNote(v);
    const head = v as Partial<UserLayerSpec> | null;
    if (!note || note.features < BIG_REFERENCE_FEATURES || head?.role !== 'reference' || head.id !== id) continue;
    const { collection, [PARTS_FIELD]: n, ...meta } = head as UserLayerSpec & { [PARTS_FIELD]?: unknown };
    void collection;
    void n;
    out.push(meta);
  }
  return out.sort((a, b) => (a.addedAt ?? 0) - (b.addedAt ?? 0) || a.id.localeCompare(b.id));
}

/**
 * The layers whose points the map shows: the big layers read (`bigs`), then the early ones not
 * among them (a layer is never shown twice).
 */
export function pointLayers<A extends { id: string }, B extends { id: string }>(bigs: readonly A[], early: readonly B[]): (A | B)[] {
  const ids = new Set(bigs.map((b) => b.id));
  return [...bigs, ...early.filter((e) => !ids.has(e.id))];
}
