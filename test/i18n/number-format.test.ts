import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberFormat, numberFormatCacheSize } from '../../src/lib/i18n/number-format.ts';
import { formatNumber, formatDistance } from '../../src/lib/i18n/index.ts';
import { formatNumber as formatTargetNumber } from '../../src/lib/targets/assess.ts';
import { formatNumber as formatDossierNumber } from '../../src/lib/dossier/format.ts';

const LOCALES = { vi: 'vi-VN', en: 'en-GB' } as const;

describe('cached number formatters', () => {
  it('return the same instance for the same locale and options, whatever the key order', () => {
    const a = numberFormat('vi-VN', { maximumFractionDigits: 2, minimumFractionDigits: 1 });
    const b = numberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    expect(b).toBe(a);
    expect(numberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 1 })).not.toBe(a);
    expect(numberFormat('vi-VN', { maximumFractionDigits: 3, minimumFractionDigits: 1 })).not.toBe(a);
  });

  it('formatting many values does not grow the cache', () => {
    formatNumber('vi', 1.5, 1);
    formatNumber('en', 1.5, 1);
    const n = numberFormatCacheSize();
    for (let i = 0; i < 5000; i++) {
      formatNumber('vi', i * 1.37, 1);
      formatNumber('en', -i * 0.91, 1);
    }
    expect(numberFormatCacheSize()).toBe(n);
  });

  it('give text identical to a freshly built Intl.NumberFormat on many values', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
      fc.integer({ min: -1e7, max: 1e7 }),
      fc.constantFrom(0, -0, 0.05, 0.005, 999.95, 1000, 9999.5, 123456.789, Infinity, -Infinity, NaN),
    );
    fc.assert(
      fc.property(value, fc.constantFrom('vi', 'en' as const), fc.integer({ min: 0, max: 4 }), (v, lang, digits) => {
        const loc = LOCALES[lang];
        expect(formatNumber(lang, v, digits)).toBe(new Intl.NumberFormat(loc, { maximumFractionDigits: digits }).format(v));
        expect(formatTargetNumber(lang, v, digits)).toBe(
          new Intl.NumberFormat(loc, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
        );
        const fresh = new Intl.NumberFormat(loc, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(Math.abs(v));
        expect(formatDossierNumber(v, lang, digits)).toBe((v < 0 && fresh !== '0' ? '\u2212' : '') + fresh);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('keep the language separators', () => {
    expect(formatNumber('vi', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatDistance('vi', 12_345)).toBe('12,3 km');
    expect(formatDistance('en', 850.4)).toBe('850 m');
  });
});
