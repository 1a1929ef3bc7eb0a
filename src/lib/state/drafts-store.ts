/**
 * Drafts live in the browser's IndexedDB, written on every change, so a reload or a crash loses
 * nothing. Versioned key; a corrupt record is reported and set aside, never thrown at the user.
 */
import { get, set } from 'idb-keyval';
import type { Draft } from '../map/draw-types.ts';

const KEY = 'drafts:v1';

export interface DraftRecord { drafts: Draft[]; names: Record<string, string> }

/** Reads saved drafts; an unreadable record yields no drafts and a message. */
export async function loadDrafts(): Promise<{ record: DraftRecord; error?: string }> {
  try {
    const raw = (await get(KEY)) as DraftRecord | undefined;
    if (!raw) return { record: { drafts: [], names: {} } };
    if (!Array.isArray(raw.drafts)) throw new Error('drafts record has no drafts array');
    const drafts = raw.drafts.filter((d) => d?.type === 'Feature' && (d.geometry?.type === 'Point' || d.geometry?.type === 'Polygon') && typeof d.properties?.id === 'string');
    return { record: { drafts, names: raw.names ?? {} } };
  } catch (e) {
    return { record: { drafts: [], names: {} }, error: `saved drafts could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Writes the drafts (plain copies). */
export async function saveDrafts(record: DraftRecord): Promise<void> {
  await set(KEY, JSON.parse(JSON.stringify(record)));
}
