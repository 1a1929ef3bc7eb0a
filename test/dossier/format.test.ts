import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asciiSlug, coverText, dossierFileName, fileIdOf, formatDate, formatLength, formatNumber, hexToRgb, niceScaleLength, pdfDate } from '../../src/lib/dossier/format.ts';
import { LABELS, METHOD_NOTES, methodNote } from '../../src/lib/dossier/i18n.ts';
import { quangChuVi } from '../fixtures/dossier/quang-chu.ts';

describe('dossierFileName', () => {
  it('slugs Vietnamese names to ASCII with the ccn/kcn abbreviations', () => {
    expect(dossierFileName('Cụm công nghiệp Quảng Chu', 'vi')).toBe('ho-so-ccn-quang-chu.pdf');
    expect(dossierFileName('Cụm công nghiệp Quảng Chu', 'en')).toBe('dossier-ccn-quang-chu.pdf');
    expect(dossierFileName('Khu công nghiệp Thanh Bình', 'vi')).toBe('ho-so-kcn-thanh-binh.pdf');
    expect(dossierFileName('Mỏ chì kẽm Nà Tùm (Đồng Lạc)', 'en')).toBe('dossier-mo-chi-kem-na-tum-dong-lac.pdf');
    expect(dossierFileName('  ', 'vi')).toBe('ho-so.pdf');
    expect(dossierFileName('Đ'.repeat(200), 'vi').length).toBeLessThanOrEqual(80);
    expect(dossierFileName('Đ'.repeat(200), 'vi')).toMatch(/^ho-so-d+\.pdf$/);
  });
  it('asciiSlug drops every diacritic, including decomposed input', () => {
    expect(asciiSlug('Ấp Ưng Ợ ỹ')).toBe('ap-ung-o-y');
    expect(asciiSlug('Quảng Chu'.normalize('NFD'))).toBe('quang-chu');
  });
});

describe('scale bar helpers', () => {
  it('niceScaleLength picks the largest 1/2/5 × 10^n not above the maximum', () => {
    expect(niceScaleLength(896)).toBe(500);
    expect(niceScaleLength(1000)).toBe(1000);
    expect(niceScaleLength(1999)).toBe(1000);
    expect(niceScaleLength(2000)).toBe(2000);
    expect(niceScaleLength(4999.9)).toBe(2000);
    expect(niceScaleLength(7300)).toBe(5000);
    expect(niceScaleLength(0.3)).toBeCloseTo(0.2);
    expect(niceScaleLength(12)).toBe(10);
  });
  it('niceScaleLength is always round and within (max/2.5, max]', () => {
    for (let m = 1.3; m < 1e6; m *= 1.37) {
      const n = niceScaleLength(m);
      expect(n).toBeLessThanOrEqual(m);
      expect(n).toBeGreaterThan(m / 2.5);
      const lead = n / 10 ** Math.floor(Math.log10(n) + 1e-9);
      expect([1, 2, 5].some((d) => Math.abs(lead - d) < 1e-9)).toBe(true);
    }
  });
  it('formatLength switches to km and uses the language decimal separator', () => {
    expect(formatLength(500, 'vi')).toBe('500 m');
    expect(formatLength(2000, 'en')).toBe('2 km');
    expect(formatLength(500, 'en')).toBe('500 m');
    expect(formatNumber(2.5, 'vi')).toBe('2,5');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
    expect(formatNumber(-3.25, 'vi', 1)).toBe('\u22123,3');
    expect(formatNumber(38200, 'vi', 0)).toBe('38.200');
  });
});

describe('dates, ids, colours', () => {
  it('formats dates per language and builds a UTC PDF date', () => {
    expect(formatDate('2026-11-27T04:00:00Z', 'vi')).toBe('27/11/2026');
    expect(formatDate('2026-11-27', 'en')).toBe('2026-11-27');
    expect(formatDate('tháng 7/2025', 'vi')).toBe('tháng 7/2025');
    expect(pdfDate('2026-11-27T04:05:06Z')).toBe("D:20261127040506+00'00'");
    expect(pdfDate('nonsense')).toBe("D:19700101000000+00'00'");
  });
  it('file id is 32 hex digits, stable, and changes with the input', () => {
    const a = fileIdOf(quangChuVi);
    expect(a).toMatch(/^[0-9A-F]{32}$/);
    expect(fileIdOf({ ...quangChuVi })).toBe(a);
    expect(fileIdOf({ ...quangChuVi, title: 'CCN Thanh Bình' })).not.toBe(a);
  });
  it('parses hex colours', () => {
    expect(hexToRgb('#d81b60')).toEqual([216, 27, 96]);
    expect(hexToRgb('#abc')).toEqual([170, 187, 204]);
    expect(hexToRgb('rgb(1,2,3)')).toEqual([128, 128, 128]);
  });
});

describe('coverText', () => {
  const latinOnly = (c: number) => c < 0x250 || (c >= 0x1ea0 && c <= 0x1ef9);
  it('keeps covered text, NFC-normalises, and never drops characters silently', () => {
    expect(coverText('Quảng Chu'.normalize('NFD'), latinOnly)).toBe('Quảng Chu');
    expect(coverText('100 × Σ w', latinOnly)).toBe('100 × ? w');
    expect(coverText('a → b', latinOnly)).toBe('a -> b');
    expect(coverText('1\u202f000', latinOnly)).toBe('1 000');
    expect(coverText('ǹ', (c) => c < 0x80)).toBe('n');
  });
});

describe('labels', () => {
  it('has every label and method note in both languages', () => {
    expect(Object.keys(LABELS.vi).sort()).toEqual(Object.keys(LABELS.en).sort());
    for (const k of Object.keys(LABELS.vi) as (keyof typeof LABELS.vi)[]) {
      expect(LABELS.vi[k].length).toBeGreaterThan(0);
      expect(LABELS.en[k].length).toBeGreaterThan(0);
    }
    for (const n of Object.values(METHOD_NOTES)) expect(n.vi && n.en).toBeTruthy();
    expect(methodNote('straight-line', 'en')).toContain('lower bound of the road distance');
    expect(methodNote('đo trên bản đồ giấy', 'en')).toBe('đo trên bản đồ giấy');
  });
});

describe('lazy loading', () => {
  it('imports jspdf, qrcode and the font asset only dynamically', () => {
    const dir = join(process.cwd(), 'src/lib/dossier');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      const statics = [...src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
      for (const s of statics) expect(s, `${f} imports ${s} statically`).toMatch(/^\.\.?\//);
    }
  });
});
