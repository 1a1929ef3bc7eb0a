/**
 * Bounded ZIP reading (KMZ, zipped Shapefile) with fflate. The declared (central directory) sizes
 * are summed *before* anything is inflated, and fflate inflates each entry into a buffer of exactly
 * its declared size, so a lying header cannot make it allocate more.
 */
import { unzipSync } from 'fflate';
import { ImportError } from './types';

/** One entry of a ZIP archive as declared by its directory. */
export interface ZipEntryInfo {
  name: string;
  /** Compressed size, bytes. */
  size: number;
  /** Declared uncompressed size, bytes. */
  originalSize: number;
}

/** True when the bytes start like a ZIP archive (local file header or empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** List the entries of an archive without inflating anything. Throws ImportError `invalid-zip`. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new ImportError('invalid-zip', `The ZIP archive is damaged or truncated (${(e as Error).message}).`);
  }
  return entries;
}

/**
 * Inflate the entries accepted by `want`, refusing when their declared total exceeds `maxBytes`.
 * @returns entry name → bytes.
 */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean, maxBytes: number): Record<string, Uint8Array> {
  const entries = listZip(bytes).filter((e) => want(e.name));
  const total = entries.reduce((s, e) => s + e.originalSize, 0);
  if (total > maxBytes) {
    throw new ImportError(
      'zip-too-large',
      `The archive would expand to ${total.toLocaleString('en')} bytes, over the limit of ${maxBytes.toLocaleString('en')} bytes; nothing was extracted.`,
    );
  }
  const names = new Set(entries.map((e) => e.name));
  try {
    return unzipSync(bytes, { filter: (f) => names.has(f.name) });
  } catch (e) {
    throw new ImportError('invalid-zip', `The ZIP archive is damaged or truncated (${(e as Error).message}).`);
  }
}

/** Lower-case extension of a path, without the dot ("" when none). */
export function extOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const i = base.lastIndexOf('.');
  return i > 0 ? base.slice(i + 1).toLowerCase() : '';
}
