/**
 * Bounded ZIP reading (KMZ, zipped Shapefile) with fflate. The declared (central directory) sizes
 * are summed *before* anything is inflated; then each wanted entry is inflated as a stream with a
 * running count, stopped at its declared size and at the limit, so neither a lying header nor a
 * highly compressible entry can make it allocate more than the limit.
 */
import { unzipSync, Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { ImportError } from './types.ts';

/** Bytes of compressed data pushed to the inflater at a time. */
const ZIP_CHUNK = 4096;

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
 * Inflate the entries accepted by `want`, refusing when their declared total exceeds `maxBytes`
 * and stopping as soon as the running count of inflated bytes does (`what` names the content in
 * the message, e.g. "the KML document").
 * @returns entry name → bytes.
 */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean, maxBytes: number, what = 'the archive'): Record<string, Uint8Array> {
  const entries = listZip(bytes).filter((e) => want(e.name));
  const total = entries.reduce((s, e) => s + e.originalSize, 0);
  const tooLarge = (n: string) => new ImportError(
    'zip-too-large',
    `${what[0].toUpperCase()}${what.slice(1)} would expand to ${n} bytes, over the limit of ${maxBytes.toLocaleString('en')} bytes; nothing was extracted.`,
  );
  if (total > maxBytes) throw tooLarge(total.toLocaleString('en'));
  const declared = new Map(entries.map((e) => [e.name, e.originalSize]));
  const out: Record<string, Uint8Array> = {};
  let inflated = 0;
  let failure: ImportError | null = null;
  const unzip = new Unzip((file) => {
    const size = declared.get(file.name);
    if (size === undefined || file.name in out || failure) return;
    const chunks: Uint8Array[] = [];
    let got = 0;
    let done = false;
    file.ondata = (err, chunk, final) => {
      if (done || failure) return;
      if (err) {
        failure = new ImportError('invalid-zip', `The ZIP archive is damaged or truncated (${err.message}).`);
        return;
      }
      // Never more than the entry declares (a lying header), never more than the limit in all.
      const take = chunk.subarray(0, Math.max(0, size - got));
      got += take.length;
      inflated += take.length;
      if (inflated > maxBytes) {
        failure = tooLarge(`more than ${maxBytes.toLocaleString('en')}`);
        done = true;
        file.terminate();
        return;
      }
      if (take.length) chunks.push(take);
      if (final || got >= size) {
        done = true;
        const all = new Uint8Array(got);
        let o = 0;
        for (const c of chunks) { all.set(c, o); o += c.length; }
        out[file.name] = all;
        if (!final) file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // Small compressed chunks: one chunk of deflate inflates to at most ~1032 times its size, so
    // the running count is checked every few MB at most and inflating stops right after the limit.
    for (let i = 0; i < bytes.length && !failure && Object.keys(out).length < declared.size; i += ZIP_CHUNK) {
      unzip.push(bytes.subarray(i, i + ZIP_CHUNK), i + ZIP_CHUNK >= bytes.length);
    }
  } catch (e) {
    if (!failure) failure = new ImportError('invalid-zip', `The ZIP archive is damaged or truncated (${(e as Error).message}).`);
  }
  if (failure) throw failure;
  for (const name of declared.keys()) {
    if (!(name in out)) {
      if (declared.get(name) === 0) out[name] = new Uint8Array(0);
      else throw new ImportError('invalid-zip', `The ZIP archive is damaged or truncated ("${name}" could not be extracted).`);
    }
  }
  return out;
}

/** Lower-case extension of a path, without the dot ("" when none). */
export function extOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const i = base.lastIndexOf('.');
  return i > 0 ? base.slice(i + 1).toLowerCase() : '';
}
