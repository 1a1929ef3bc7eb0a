/**
 * Drafts live in the browser's IndexedDB, written on every change, so a reload or a crash loses
 * nothing. One key per draft (`draft:<id>`, see item-store.ts): two tabs never overwrite each
 * other's drafts, and the other tabs are told to reload. The single record of earlier versions
 * (`drafts:v1`) is moved to per-draft keys on first load. A corrupt item is reported and set
 * aside, never thrown at the user.
 */
import type { Draft } from '../map/draw-types.ts';
import { ItemStore, type ItemStoreOptions } from './item-store.ts';

const LEGACY_KEY = 'drafts:v1';

export interface DraftRecord { drafts: Draft[]; names: Record<string, string> }

/** What is stored per draft: the draft, its name if given, and its place in the list. */
export interface DraftItem { draft: Draft; name?: string; seq: number }

const isDraft = (d: Draft | undefined): d is Draft =>
  d?.type === 'Feature' && (d.geometry?.type === 'Point' || d.geometry?.type === 'Polygon') && typeof d.properties?.id === 'string';

/** The drafts' store, with its place in the list remembered per id. */
export class DraftsStore {
  readonly items: ItemStore<DraftItem>;
  private seq = new Map<string, number>();

  constructor(options: ItemStoreOptions = { channel: 'backan-drafts' }) {
    this.items = new ItemStore<DraftItem>('draft:', 'drafts', options);
  }

  /** Reads saved drafts; unreadable items are left out with a message. */
  async load(): Promise<{ record: DraftRecord; error?: string }> {
    try {
      const all = await this.items.loadAll({
        key: LEGACY_KEY,
        split: (old) => {
          const rec = old as Partial<DraftRecord> | null;
          if (!rec || !Array.isArray(rec.drafts)) return [];
          return rec.drafts.filter(isDraft).map((d, i) => [d.properties.id, { draft: d, seq: i, ...(rec.names?.[d.properties.id] ? { name: rec.names[d.properties.id] } : {}) }]);
        },
      });
      const good = [...all.values()].filter((it) => isDraft(it?.draft));
      good.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.draft.properties.id.localeCompare(b.draft.properties.id));
      this.seq = new Map(good.map((it) => [it.draft.properties.id, it.seq ?? 0]));
      const names: Record<string, string> = {};
      for (const it of good) if (typeof it.name === 'string') names[it.draft.properties.id] = it.name;
      const bad = all.size - good.length;
      return { record: { drafts: good.map((it) => it.draft), names }, ...(bad ? { error: `${bad} saved draft${bad > 1 ? 's' : ''} could not be read and ${bad > 1 ? 'were' : 'was'} set aside` } : {}) };
    } catch (e) {
      return { record: { drafts: [], names: {} }, error: `saved drafts could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Writes what changed (plain copies); drafts another tab added meanwhile are kept. */
  async save(record: DraftRecord): Promise<void> {
    let next = Math.max(-1, ...this.seq.values()) + 1;
    const items = new Map<string, DraftItem>();
    for (const d of record.drafts) {
      const id = d.properties.id;
      if (!this.seq.has(id)) this.seq.set(id, next++);
      items.set(id, { draft: d, seq: this.seq.get(id)!, ...(record.names[id] ? { name: record.names[id] } : {}) });
    }
    await this.items.save(items);
  }
}

/** The app's drafts store. */
export const draftsStore = new DraftsStore();

/** Reads saved drafts; an unreadable record yields no drafts and a message. */
export function loadDrafts(): Promise<{ record: DraftRecord; error?: string }> {
  return draftsStore.load();
}

/** Writes the drafts that changed. */
export function saveDrafts(record: DraftRecord): Promise<void> {
  return draftsStore.save(record);
}
