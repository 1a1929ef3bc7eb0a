/** Text helpers shared by the readers. Pure. */
import { ImportError } from './types';

/** Decode UTF-8 (dropping a BOM). Throws ImportError `invalid-utf8` when `fatal` and bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, fatal = false, what = 'file'): string {
  try {
    return new TextDecoder('utf-8', { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError('invalid-utf8', `The ${what} is not valid UTF-8 text.`);
  }
}

/** 1-based line number of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const HTML_RE = /<\s*\/?\s*[a-z!][^>]*>|javascript:|\bon[a-z]+\s*=|&lt;\s*script/i;

/** True when a string looks like it carries HTML markup or script. */
export function looksLikeHtml(s: string): boolean {
  return HTML_RE.test(s);
}

/** A short, printable excerpt of a value for messages. */
export function excerpt(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Decode XML bytes honouring the encoding named by its declaration (`<?xml … encoding="…"?>`),
 * UTF-8 otherwise (BOM dropped). Unknown labels fall back to UTF-8.
 */
export function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label = /^\s*(?:\uFEFF|ï»¿)?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      /* unknown label: fall through to UTF-8 */
    }
  }
  return decodeUtf8(bytes);
}
