import { describe, it, expect } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { readDbf, cpgToLabel } from '../../../src/lib/data/import/dbf';
import { decodeTcvn3, encodeTcvn3, detectVietnameseEncoding } from '../../../src/lib/data/import';
import type { Issue } from '../../../src/lib/data/import';
import { fixture, fixtureJson, importFile2 } from './enc-helpers';

const ref = fixtureJson<FeatureCollection<Geometry, Record<string, unknown>>>('communes-wgs84.geojson');
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

/** A minimal dBase III file with one character field NAME. */
function makeDbf(values: Uint8Array[], width = 40): Uint8Array {
  const headerLen = 32 + 32 + 1;
  const recLen = 1 + width;
  const out = new Uint8Array(headerLen + values.length * recLen + 1);
  const dv = new DataView(out.buffer);
  out[0] = 3;
  dv.setUint32(4, values.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  out.set(latin1('NAME'), 32);
  out[32 + 11] = 'C'.charCodeAt(0);
  out[32 + 16] = width;
  out[64] = 0x0d;
  values.forEach((v, i) => {
    const off = headerLen + i * recLen;
    out.fill(0x20, off, off + recLen);
    out.set(v.subarray(0, width), off + 1);
  });
  out[out.length - 1] = 0x1a;
  return out;
}

describe('TCVN3 (ABC) and other DBF encodings', () => {
  it('the committed TCVN3 .dbf (made by GDAL/iconv) decodes to the Unicode names, with a warning', () => {
    const issues: Issue[] = [];
    const t = readDbf(fixture('communes-tcvn3.dbf'), undefined, issues);
    expect(t.encoding).toBe('tcvn3');
    expect(t.records.map((r) => r!.name)).toEqual(ref.features.map((f) => f.properties.name));
    expect(issues.map((i) => i.code)).toEqual(['encoding-tcvn3']);
  });
  it('TCVN3 table round-trips every Vietnamese letter', () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
    expect(decodeTcvn3(encodeTcvn3(letters))).toBe(letters);
    expect(decodeTcvn3(encodeTcvn3('Bắc Kạn, Chợ Đồn, Ngân Sơn'))).toBe('Bắc Kạn, Chợ Đồn, Ngân Sơn');
  });
  it('a .cpg that says UTF-8 over TCVN3 bytes is caught', () => {
    const issues: Issue[] = [];
    const t = readDbf(makeDbf([encodeTcvn3('Thị xã Bắc Kạn'), encodeTcvn3('Huyện Chợ Đồn')]), 'UTF-8', issues);
    expect(t.records.map((r) => r!.NAME)).toEqual(['Thị xã Bắc Kạn', 'Huyện Chợ Đồn']);
    expect(issues.map((i) => i.code)).toEqual(['cpg-mismatch', 'encoding-tcvn3']);
    expect(issues[0].message).toBe('The .cpg says UTF-8 but the text fields are not valid UTF-8; they look like TCVN3 (ABC).');
  });
  it('UTF-8 without .cpg is read as UTF-8 silently', () => {
    const issues: Issue[] = [];
    const t = readDbf(makeDbf([new TextEncoder().encode('Bắc Kạn')]), undefined, issues);
    expect(t.records[0]!.NAME).toBe('Bắc Kạn');
    expect(issues).toEqual([]);
  });
  it('a .cpg code page is honoured (1252)', () => {
    const issues: Issue[] = [];
    expect(readDbf(makeDbf([latin1('Caf\xe9')]), '1252', issues).records[0]!.NAME).toBe('Café');
    expect(issues).toEqual([]);
  });
  it('VNI is detected and warned about (not converted)', () => {
    const issues: Issue[] = [];
    // "Bắc Kạn", "Chợ Đồn" in VNI-Windows: base letter + diacritic byte
    readDbf(makeDbf([latin1('Baéc Kaïn'), latin1('Chôï Ñoàn')]), undefined, issues);
    expect(issues.map((i) => i.code)).toEqual(['encoding-vni']);
    expect(issues[0].message).toMatch(/legacy Vietnamese VNI encoding, which is not converted/);
  });
  it('detector basics', () => {
    expect(detectVietnameseEncoding(latin1('abc'))).toBe('ascii');
    expect(detectVietnameseEncoding(new TextEncoder().encode('Bắc Kạn'))).toBe('utf-8');
    expect(detectVietnameseEncoding(encodeTcvn3('Thị xã Bắc Kạn tỉnh miền núi'))).toBe('tcvn3');
    expect(detectVietnameseEncoding(latin1('Baéc Kaïn'))).toBe('vni');
  });
  it('cpg labels', () => {
    expect(cpgToLabel('UTF-8')).toBe('utf-8');
    expect(cpgToLabel('65001')).toBe('utf-8');
    expect(cpgToLabel('ANSI 1258')).toBe('windows-1258');
    expect(cpgToLabel('CP1252')).toBe('windows-1252');
    expect(cpgToLabel('TCVN')).toBe('tcvn3');
    expect(cpgToLabel('8859_1')).toBe('iso-8859-1');
    expect(cpgToLabel('nonsense')).toBeNull();
  });
  it('a TCVN3 CSV is converted', async () => {
    const bytes = encodeTcvn3('ten,kinh_do,vi_do\nChợ Đồn,105.58,22.18\n');
    const r = await importFile2('t.csv', bytes);
    expect(r.ok && r.collection.features[0].properties.ten).toBe('Chợ Đồn');
    expect(r.issues.map((i) => i.code)).toEqual(['encoding-tcvn3']);
  });
});

describe('Unicode normalisation', () => {
  it('decomposed (NFD) Vietnamese text is normalised to NFC with a warning', async () => {
    const nfd = 'Bắc Kạn'.normalize('NFD');
    const r = await importFile2('n.geojson', new TextEncoder().encode(JSON.stringify({ type: 'Feature', properties: { name: nfd }, geometry: { type: 'Point', coordinates: [105.83, 22.15] } })));
    expect(r.ok && r.collection.features[0].properties.name).toBe('Bắc Kạn'.normalize('NFC'));
    expect(r.issues.map((i) => i.code)).toEqual(['unicode-normalised']);
  });
});

describe('XML encodings', () => {
  it('a KML declared windows-1252 is decoded as such', async () => {
    const head = '<?xml version="1.0" encoding="windows-1252"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Caf';
    const tail = '</name><Point><coordinates>105.8,22.1</coordinates></Point></Placemark></kml>';
    const bytes = Uint8Array.from([...latin1(head), 0xe9, ...latin1(tail)]);
    const r = await importFile2('c.kml', bytes);
    expect(r.ok && r.collection.features[0].properties.name).toBe('Café');
  });
});
