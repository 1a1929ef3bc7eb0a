/**
 * Vietnamese legacy 8-bit encodings found in old DBF/CSV files, and a detector.
 *
 * - TCVN3 (ABC, TCVN 5712:1993): one byte per letter. Decoded with the TCVN 5712:1993 table for
 *   0x80–0xFF (generated from glibc iconv `TCVN5712-1`; VN3/ABC is its subset: the ABC fonts keep
 *   lower-case letters at 0xA1–0xFF and use the same bytes in a separate capital font). Bytes
 *   0xB0–0xB4 are combining tone marks; the result is NFC-normalised.
 * - VNI (VNI-Windows): a base letter followed by a diacritic byte. Detected (so the user is told),
 *   not converted: its table is font-specific and we have no authoritative one to test against.
 */

/** Unicode for TCVN 5712:1993 bytes 0x80..0xFF (index = byte - 0x80). */
export const TCVN3_HIGH: string = "\u00c0\u1ea2\u00c3\u00c1\u1ea0\u1eb6\u1eac\u00c8\u1eba\u1ebc\u00c9\u1eb8\u1ec6\u00cc\u1ec8\u0128\u00cd\u1eca\u00d2\u1ece\u00d5\u00d3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\u00d9\u1ee6\u0168\u00a0\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0";

/** Decode TCVN3 (ABC) bytes to Unicode (NFC). */
export function decodeTcvn3(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : TCVN3_HIGH[b - 0x80];
  return s.normalize('NFC');
}

/** Encode Unicode text to TCVN3 (ABC) bytes; characters without a TCVN3 byte become '?'. For tests and fixtures. */
export function encodeTcvn3(text: string): Uint8Array {
  const rev = new Map<string, number>();
  for (let i = 0; i < 128; i++) if (!rev.has(TCVN3_HIGH[i])) rev.set(TCVN3_HIGH[i], 0x80 + i);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    out.push(c < 0x80 ? c : (rev.get(ch) ?? 0x3f));
  }
  return Uint8Array.from(out);
}

/** Diacritic bytes of VNI-Windows that follow a base vowel (both cases). */
const VNI_MARKS = new Set([
  0xf9, 0xf8, 0xfb, 0xf5, 0xef, 0xe2, 0xea, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb,
  0xd9, 0xd8, 0xdb, 0xd5, 0xcf, 0xc2, 0xca, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4, 0xc9, 0xc8, 0xda, 0xdc, 0xcb,
]);
/** VNI bytes that are vowels on their own (ơ Ơ ư Ư), after which a tone byte may follow. */
const VNI_VOWEL_BYTES = new Set([0xf4, 0xd4, 0xf6, 0xd6]);
const VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)));

/** The encoding a byte string most likely uses. */
export type DetectedEncoding = 'ascii' | 'utf-8' | 'tcvn3' | 'vni' | 'unknown-8bit';

/**
 * Guess the encoding of text bytes (e.g. all character fields of a DBF):
 * pure ASCII; valid UTF-8 with non-ASCII; VNI when most high bytes are diacritic bytes right after
 * a vowel (VNI writes "á" as "a" + 0xF9); otherwise TCVN3 when most high bytes are TCVN3 letters
 * next to ASCII letters; else unknown.
 */
export function detectVietnameseEncoding(bytes: Uint8Array): DetectedEncoding {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  if (high === 0) return 'ascii';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    /* not UTF-8 */
  }
  let vniMark = 0;
  let tcvnLetterInWord = 0;
  const isAsciiLetter = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const prev = bytes[i - 1];
    if (VOWELS.has(prev) || VNI_VOWEL_BYTES.has(prev)) {
      if (VNI_MARKS.has(b)) vniMark++;
    } else if ((b === 0xd1 || b === 0xf1) && (prev === undefined || prev === 0x20) && isAsciiLetter(bytes[i + 1])) vniMark++; // đ/Đ starting a word

    if (b >= 0xa1 && (isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1]))) tcvnLetterInWord++;
  }
  if (vniMark / high > 0.6) return 'vni';
  if (tcvnLetterInWord / high > 0.6) return 'tcvn3';
  return 'unknown-8bit';
}
