/** Translation and number formatting for the two UI languages. Pure. */
import { vi } from './vi.ts';
import { en } from './en.ts';
import { numberFormat } from './number-format.ts';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof vi;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** The message for `key` in `lang`; falls back to the key itself so a missing string is visible. */
export function translate(lang: Lang, key: string): string {
  return (dictionaries[lang] as Record<string, string>)[key] ?? key;
}

/** True when `key` exists in the dictionaries. */
export function hasMessage(key: string): key is MessageKey {
  return key in vi;
}

/** The Intl locale of each UI language. */
export const LOCALES: Readonly<Record<Lang, string>> = { vi: 'vi-VN', en: 'en-GB' };

/** A number in the language's format (vi: 1.234,5; en: 1,234.5), `digits` fraction digits at most. */
export function formatNumber(lang: Lang, value: number, digits = 1): string {
  return numberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);
}

/** A distance in metres as "850 m" or "12,3 km" (vi) / "12.3 km" (en). */
export function formatDistance(lang: Lang, metres: number): string {
  if (metres < 1000) return `${formatNumber(lang, Math.round(metres), 0)} m`;
  return `${formatNumber(lang, metres / 1000, metres < 10_000 ? 2 : 1)} km`;
}

/** The message for `key` with `{name}` placeholders filled from `params`. */
export function translateWith(lang: Lang, key: string, params: Record<string, string | number>): string {
  return translate(lang, key).replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
