/**
 * A small dBase III/IV (.dbf) reader with explicit text-encoding handling: the .cpg code page,
 * UTF-8, and Vietnamese legacy TCVN3 (converted) / VNI (detected, warned).
 */
import type { Issue } from './types.ts';
import { ImportError } from './types.ts';
import { decodeTcvn3, detectVietnameseEncoding } from './vn-encodings.ts';

/** A decoded DBF table. */
export interface DbfTable {
  fields: { name: string; type: string; length: number; decimals: number }[];
  /** One object per record (deleted records included as `null` to keep indices aligned with the .shp). */
  records: (Record<string, unknown> | null)[];
  /** Encoding used for text fields: a TextDecoder label, or `tcvn3`. */
  encoding: string;
}

/** Map a .cpg content ("UTF-8", "1258", "ANSI 1252", "CP1258", "65001", "TCVN") to a decoder label. */
export function cpgToLabel(cpg: string): string | null {
  const t = cpg.trim().toLowerCase().replace(/^ansi\s*/, '').replace(/^(cp|windows-?)/, '');
  if (!t) return null;
  if (/^(utf-?8|65001)$/.test(t)) return 'utf-8';
  if (/^tcvn|^vn3$|^abc$/.test(t)) return 'tcvn3';
  if (/^vni/.test(t)) return 'vni';
  if (/^12(5\d)$/.test(t)) return `windows-${t}`;
  const oem: Record<string, string> = { '866': 'ibm866', '874': 'windows-874', '932': 'shift_jis', '936': 'gbk', '949': 'euc-kr', '950': 'big5' };
  if (oem[t]) return oem[t];
  if (/^8859[-_]?(\d+)$/.test(t) || /^iso[-_ ]?8859[-_](\d+)$/.test(t)) return `iso-8859-${/(\d+)$/.exec(t)![1]}`;
  try {
    new TextDecoder(t);
    return t;
  } catch {
    return null;
  }
}

/**
 * Read a DBF. `cpg` is the content of the .cpg file, if any.
 * Issues explain the encoding choice when it is not UTF-8/ASCII or not what the .cpg says.
 */
export function readDbf(bytes: Uint8Array, cpg: string | undefined, issues: Issue[]): DbfTable {
  if (bytes.length < 33) throw new ImportError('invalid-dbf', `The .dbf file is too short (${bytes.length} bytes) to be a dBase table.`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recLen = dv.getUint16(10, true);
  const fields: DbfTable['fields'] = [];
  for (let off = 32; off + 32 <= headerLen && bytes[off] !== 0x0d; off += 32) {
    let end = off;
    while (end < off + 11 && bytes[end] !== 0) end++;
    fields.push({
      name: new TextDecoder('latin1').decode(bytes.subarray(off, end)).trim(),
      type: String.fromCharCode(bytes[off + 11]),
      length: bytes[off + 16],
      decimals: bytes[off + 17],
    });
  }
  if (!fields.length || recLen < 1) throw new ImportError('invalid-dbf', 'The .dbf file has no field descriptors.');
  const available = Math.floor((bytes.length - headerLen) / recLen);
  if (available < count) {
    issues.push({ severity: 'warning', code: 'dbf-truncated', message: `The .dbf header declares ${count} records but the file holds only ${available}; the rest have no attributes.` });
  }
  const n = Math.min(count, Math.max(0, available));

  // Collect the raw bytes of every text field to choose the encoding once for the whole table.
  const textChunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let o = 1;
  for (const f of fields) {
    offsets.push(o);
    o += f.length;
  }
  for (let r = 0; r < n; r++) {
    const base = headerLen + r * recLen;
    fields.forEach((f, j) => {
      if (f.type === 'C') textChunks.push(bytes.subarray(base + offsets[j], base + offsets[j] + f.length), Uint8Array.of(0x20));
    });
  }
  const sample = concat(textChunks);
  const detected = detectVietnameseEncoding(sample);
  let label = cpg !== undefined ? cpgToLabel(cpg) : null;
  if (cpg !== undefined && label === null) {
    issues.push({ severity: 'warning', code: 'cpg-unknown', message: `The .cpg names code page "${cpg.trim()}", which is not known; the encoding was guessed from the text instead.` });
  }
  if (label === 'utf-8' && (detected === 'tcvn3' || detected === 'vni' || detected === 'unknown-8bit')) {
    issues.push({ severity: 'warning', code: 'cpg-mismatch', message: `The .cpg says UTF-8 but the text fields are not valid UTF-8; they look like ${detected === 'tcvn3' ? 'TCVN3 (ABC)' : detected === 'vni' ? 'VNI' : 'a legacy 8-bit encoding'}.` });
    label = null;
  }
  if (label === null) {
    if (detected === 'ascii' || detected === 'utf-8') label = 'utf-8';
    else if (detected === 'tcvn3') {
      label = 'tcvn3';
      issues.push({ severity: 'warning', code: 'encoding-tcvn3', message: 'The text fields use the legacy Vietnamese TCVN3 (ABC) encoding (no .cpg); they were converted to Unicode. Check a few names with diacritics.' });
    } else if (detected === 'vni') {
      label = 'windows-1252';
      issues.push({ severity: 'warning', code: 'encoding-vni', message: 'The text fields look like the legacy Vietnamese VNI encoding, which is not converted: names with diacritics will read wrongly (e.g. "Baéc Kaïn" for "Bắc Kạn"). Convert the table to Unicode (UTF-8) in your GIS and import it again.' });
    } else {
      label = 'windows-1258';
      issues.push({ severity: 'warning', code: 'encoding-unknown', message: 'The text fields are not UTF-8 and there is no .cpg; they were read as Windows-1258 (Vietnamese). Add a .cpg naming the code page if names look wrong.' });
    }
  } else if (label === 'vni') {
    issues.push({ severity: 'warning', code: 'encoding-vni', message: 'The .cpg names the legacy VNI encoding, which is not converted: names with diacritics will read wrongly. Convert the table to Unicode (UTF-8) in your GIS and import it again.' });
    label = 'windows-1252';
  }
  let decode: (b: Uint8Array) => string;
  if (label === 'tcvn3') decode = decodeTcvn3;
  else {
    let td: TextDecoder;
    try {
      td = new TextDecoder(label);
    } catch {
      issues.push({ severity: 'warning', code: 'encoding-unsupported', message: `This runtime cannot decode code page "${label}"; text fields were read as UTF-8.` });
      td = new TextDecoder('utf-8');
    }
    decode = (b) => td.decode(b);
  }

  const records: DbfTable['records'] = [];
  for (let r = 0; r < n; r++) {
    const base = headerLen + r * recLen;
    if (bytes[base] === 0x2a) {
      records.push(null);
      continue;
    }
    const rec: Record<string, unknown> = {};
    fields.forEach((f, j) => {
      const raw = bytes.subarray(base + offsets[j], base + offsets[j] + f.length);
      rec[f.name] = fieldValue(f.type, raw, decode);
    });
    records.push(rec);
  }
  return { fields, records, encoding: label };
}

function fieldValue(type: string, raw: Uint8Array, decode: (b: Uint8Array) => string): unknown {
  const ascii = () => new TextDecoder('latin1').decode(raw).trim();
  switch (type) {
    case 'N':
    case 'F': {
      const t = ascii();
      if (!t || /^\*+$/.test(t)) return null;
      const v = Number(t);
      return Number.isFinite(v) ? v : null;
    }
    case 'L': {
      const t = ascii().toUpperCase();
      return t === 'T' || t === 'Y' ? true : t === 'F' || t === 'N' ? false : null;
    }
    case 'D': {
      const t = ascii();
      return /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : t || null;
    }
    case 'C': {
      let end = raw.length;
      while (end > 0 && (raw[end - 1] === 0x20 || raw[end - 1] === 0)) end--;
      return decode(raw.subarray(0, end)).trim();
    }
    default:
      return ascii() || null;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
