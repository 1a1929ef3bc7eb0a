/** Small pure helpers of the dossier: file name, scale bar length, number/date formatting, colours. */
import type { DossierInput, DossierLang } from './types.ts';
import { foldVietnamese } from '../text.ts';
import { numberFormat } from '../i18n/number-format.ts';

const PREFIXES: [RegExp, string][] = [
  [/^cum cong nghiep\b/, 'ccn'],
  [/^khu cong nghiep\b/, 'kcn'],
  [/^khu kinh te\b/, 'kkt'],
];

/**
 * ASCII slug of a (Vietnamese) text: diacritics removed, đ→d, lower case, words joined by "-".
 * @param text any text.
 * @returns e.g. `"cum-cong-nghiep-quang-chu"` for "Cụm công nghiệp Quảng Chu".
 */
export function asciiSlug(text: string): string {
  return foldVietnamese(text).replace(/ /g, '-');
}

/**
 * File name of a dossier PDF: an ASCII slug of the site name, "Cụm công nghiệp"/"Khu công nghiệp"
 * shortened to "ccn"/"kcn", prefixed by "ho-so-" (vi) or "dossier-" (en), at most 80 characters.
 * @param title site name, e.g. "Cụm công nghiệp Quảng Chu".
 * @param lang dossier language.
 * @returns e.g. `"ho-so-ccn-quang-chu.pdf"` (vi) or `"dossier-ccn-quang-chu.pdf"` (en).
 */
export function dossierFileName(title: string, lang: DossierLang): string {
  let words = asciiSlug(title).replace(/-/g, ' ');
  for (const [re, abbr] of PREFIXES) words = words.replace(re, abbr);
  const prefix = lang === 'vi' ? 'ho-so' : 'dossier';
  const slug = words.trim().replace(/ +/g, '-').slice(0, 80 - prefix.length - 5).replace(/-+$/, '');
  return slug ? `${prefix}-${slug}.pdf` : `${prefix}.pdf`;
}

/**
 * Largest "round" length (1, 2 or 5 × 10ⁿ metres) not longer than `maxMetres`.
 * @param maxMetres longest acceptable scale bar, in ground metres (> 0).
 * @returns the round length in metres; `maxMetres` itself when it is not a positive finite number.
 */
export function niceScaleLength(maxMetres: number): number {
  if (!(Number.isFinite(maxMetres) && maxMetres > 0)) return maxMetres;
  const p = 10 ** Math.floor(Math.log10(maxMetres));
  // Guard floating point: 0.3 → p = 0.1, 3 * 0.1 > 0.3 - eps.
  for (const m of [5, 2, 1]) if (m * p <= maxMetres * (1 + 1e-9)) return m * p;
  return p;
}

/**
 * Format a number with the language's decimal separator (vi: "2,5", en: "2.5").
 * @param n number.
 * @param lang language.
 * @param maxFractionDigits maximum fraction digits (default 1).
 */
export function formatNumber(n: number, lang: DossierLang, maxFractionDigits = 1): string {
  const s = numberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: maxFractionDigits,
    minimumFractionDigits: 0,
  }).format(Math.abs(n));
  // A real minus sign, and thin no-break spaces for grouping would not matter at these sizes.
  return (n < 0 && s !== '0' ? '\u2212' : '') + s;
}

/**
 * Format a ground length for the scale bar: metres below 1 km, else kilometres.
 * @param metres length in metres.
 * @param lang language (decimal separator).
 */
export function formatLength(metres: number, lang: DossierLang): string {
  return metres >= 1000 ? `${formatNumber(metres / 1000, lang, 2)} km` : `${formatNumber(metres, lang, 2)} m`;
}

/**
 * Date of an ISO date(-time) string for display: "27/11/2026" (vi) or "2026-11-27" (en).
 * Text that does not start with an ISO date is returned unchanged.
 * @param iso e.g. "2026-11-27T04:00:00Z".
 * @param lang language.
 */
export function formatDate(iso: string, lang: DossierLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * PDF date string (UTC) of an ISO date(-time), e.g. "D:20261127040000+00'00'"; the Unix epoch
 * when the string cannot be parsed, so output stays deterministic.
 * @param iso ISO 8601 date or date-time.
 */
export function pdfDate(iso: string): string {
  let t = Date.parse(iso);
  if (!Number.isFinite(t)) t = 0;
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

/**
 * A deterministic 32-hex-digit PDF file identifier derived from the input (4 × 32-bit FNV-1a).
 * @param input the dossier input.
 */
export function fileIdOf(input: DossierInput): string {
  const s = JSON.stringify(input);
  let out = '';
  for (let seed = 0; seed < 4; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

/**
 * RGB components of a CSS hex colour (`#rgb` or `#rrggbb`); mid grey for anything else.
 * @param color CSS hex colour.
 */
export function hexToRgb(color: string): [number, number, number] {
  let h = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(h)) return [128, 128, 128];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/**
 * Base64 of bytes (browser and Node; chunked so large fonts do not overflow the call stack).
 * @param bytes raw bytes.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

const FALLBACKS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '≃': '≈',
  '∼': '~',
  '′': "'",
  '″': '"',
  '−': '-',
  '‑': '-',
  '‐': '-',
  '⁄': '/',
  '∕': '/',
};

/**
 * Make text drawable with a font of limited coverage: NFC-normalise, map space separators to a
 * plain space, then replace each character the font lacks by its base letter (diacritics
 * dropped), a close ASCII look-alike, or "?" — so nothing silently disappears from the PDF.
 * @param text any text.
 * @param has whether the font has a glyph for a UTF-16 code unit.
 */
export function coverText(text: string, has: (code: number) => boolean): string {
  let out = '';
  for (const ch of (text ?? '').normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && has(code)) out += ch;
    else if (/^[\p{Zs}\t]$/u.test(ch)) out += ' ';
    else if (/^[\n\r]$/.test(ch)) out += ch;
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const fb = FALLBACKS[ch];
      if (base && base !== ch && [...base].every((c) => c.length === 1 && has(c.charCodeAt(0)))) out += base;
      else if (fb && [...fb].every((c) => has(c.charCodeAt(0)))) out += fb;
      else out += '?';
    }
  }
  return out;
}
