/** Text helpers shared by the readers. Pure. */
import { ImportError } from './types.ts';

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

/**
 * Deepest nesting of a JSON text's arrays and objects, stopping at the first place deeper than
 * `limit`: returns that offset, or -1 when the text never nests deeper. Linear, no recursion
 * (JSON.parse and the geometry walkers would overflow the stack on hostile nesting).
 */
export function jsonTooDeep(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/**
 * Offset of the first element of an XML text nested deeper than `limit` elements, or -1. A
 * linear scan of the tags (comments, CDATA and processing instructions skipped), before the parser.
 */
export function xmlTooDeep(text: string, limit: number): number {
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)[^\s/>]+(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let depth = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[0][1] === '!' || m[0][1] === '?') continue;
    if (m[1]) depth--;
    else if (!m[2] && ++depth > limit) return m.index;
  }
  return -1;
}

/** The line and offset of a document type declaration (`<!DOCTYPE`, `<!ENTITY`) in an XML text, or null. */
export function findDoctype(text: string): { offset: number; line: number } | null {
  const m = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  return m ? { offset: m.index, line: lineOf(text, m.index) } : null;
}
