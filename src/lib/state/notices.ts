/**
 * Short messages for the user, typed: a code the dictionaries are keyed by (`notice.<code>`), and a
 * detail shown as given (data or an English cause), so the UI translates by code, never by parsing
 * a message.
 */
import type { MessageKey } from '../i18n/index.ts';

export const NOTICE_CODES = [
  /** A value of a shared link that was dropped; detail `key=value`. */
  'ignored',
  /** The link selects a feature that is not in the data; detail `layer:id`. */
  'missingSelection',
  /** The link selects a draft that is neither in the link nor in this browser; detail `drafts:id`. */
  'missingDraft',
  'drawUnavailable',
  /** Candidates could not be handed to the drawing tool. */
  'draftsNotAdded',
  'draftsNotRead',
  'draftsNotSaved',
  'layersNotRead',
  /** An imported layer stored in parts could not be read whole (a part missing); detail names the layer and the part. */
  'layerNotRead',
  'layersNotSaved',
  /** The big layers' tile worker failed: their points are not drawn; detail names the layers and the cause. */
  'pointsNotDrawn',
  /** The link names a surface scenario this browser does not have and carries no settings; detail its name. */
  'scenarioMissing',
  /** The link's scenario was opened from the link's settings (not saved here); detail its name. */
  'scenarioFromLink',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface Notice { code: NoticeCode; detail?: string }

/** The dictionary key of a notice code (a compile error if a code has no message). */
export function noticeKey(code: NoticeCode): MessageKey {
  return `notice.${code}`;
}

/** A notice from a caught value: its message as the detail. */
export function noticeOf(code: NoticeCode, e: unknown): Notice {
  return { code, detail: e instanceof Error ? e.message : String(e) };
}

/** The text of a notice: the translated message, then the detail. */
export function noticeText(n: Notice, t: (key: string) => string): string {
  return `${t(noticeKey(n.code))}${n.detail ? ` ${n.detail}` : ''}`;
}
