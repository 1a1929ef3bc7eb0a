/**
 * The map's attribution strings (MapLibre `customAttribution`) from the data package's credits.
 * MapLibre parses attribution as HTML, so every text from the manifest is escaped here: a credit
 * is shown as text, with a link only to an http(s) URL.
 */
import { creditText, type Credit, type CreditLang } from '../data/attribution.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => ESC[c]);
}

/** One attribution string per credit: "text (licence)", linked to its source when it has a URL. */
export function attributionStrings(credits: readonly Credit[], lang: CreditLang): string[] {
  return credits.map((c) => {
    const text = escapeHtml(creditText(c, lang));
    return c.url ? `<a href="${escapeHtml(c.url)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text;
  });
}
