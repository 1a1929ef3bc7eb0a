/**
 * Big layers (reference or sites, see `isBigLayer`) drawn on a reload before their record is read:
 * the heads of the layers stored in parts (see `record-parts.ts`) are read first, and a big layer's
 * stored map part (`display-part.ts`) already holds its points' positions and feature numbers, so
 * the map draws them while the page still reads the features (for the card, the layer list,
 * exports and analyses). Pure.
 */
import { bigLayerMin, type UserLayerSpec } from '../data/user-layers.ts';
import { partsNote, PARTS_FIELD } from './record-parts.ts';

/** A big layer whose record is being read: the layer without its features. */
export type EarlyLayer = Omit<UserLayerSpec, 'collection'>;

/**
 * The big layers among stored heads `[id, value]` (reference or site layers stored in parts with at
 * least `bigLayerMin(role)` features), in the order the layers are listed (added first first),
 * each without its collection or its note of parts.
 */
export function earlyBigLayers(heads: readonly (readonly [string, unknown])[]): EarlyLayer[] {
  const out: EarlyLayer[] = [];
  for (const [id, v] of heads) {
    const note = partsNote(v);
    const head = v as Partial<UserLayerSpec> | null;
    const min = typeof head?.role === 'string' ? bigLayerMin(head.role) : null;
    if (!note || min === null || note.features < min || head!.id !== id) continue;
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

/**
 * The stored map parts of the layers drawn early, by layer id, each read once (`load`) and reused
 * once the layer's record is read (a layer's features never change under its id). `keep` forgets
 * the parts of layers no longer drawn (removed, replaced), so none stays held for the page's life.
 */
export class EarlyParts<T> {
  private parts = new Map<string, Promise<T>>();

  /** Layer `id`'s parts: read with `load` the first time. */
  get(id: string, load: () => Promise<T>): Promise<T> {
    let p = this.parts.get(id);
    if (!p) {
      p = load();
      this.parts.set(id, p);
    }
    return p;
  }

  /** Layer `id`'s parts if they were asked for. */
  peek(id: string): Promise<T> | undefined {
    return this.parts.get(id);
  }

  /** Forgets the parts of every layer not in `ids`. */
  keep(ids: Iterable<string>): void {
    const wanted = new Set(ids);
    for (const id of [...this.parts.keys()]) if (!wanted.has(id)) this.parts.delete(id);
  }

  /** The ids of the layers whose parts are held. */
  ids(): string[] {
    return [...this.parts.keys()];
  }
}
