import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/data/schema.ts';
import { creditLine, creditsOf, licenceLabel, licencesOf } from '../../src/lib/data/attribution.ts';
import { attributionStrings, escapeHtml } from '../../src/lib/map/attribution.ts';

const manifest: Manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'geodata', 'manifest.json'), 'utf8'));

describe('credits from the manifest', () => {
  it('lists each source once, in manifest order, in the chosen language', () => {
    const en = creditsOf(manifest, 'en', ['region', 'districts', 'communes']);
    expect(en.map((c) => c.text)).toEqual([
      'Boundaries: gis.chinhphu.vn via daohoangson/dvhcvn',
      'Communes 2009: censusVN2009 © 2017 Marc Choisy',
      'Thematic data: this project, from the sources cited per feature',
    ]);
    expect(licencesOf(en)).toEqual(['GPL-3.0', 'MIT', 'GPL-3.0-or-later']);
    const vi = creditsOf(manifest, 'vi', ['rivers']);
    expect(creditLine(vi, 'vi')).toBe('Sông: GSHHG/WDBII, P. Wessel & W. H. F. Smith (LGPL-3.0-or-later)');
  });

  it('says when a source states no licence', () => {
    const line = creditLine(creditsOf(manifest, 'en', ['power-substations']), 'en');
    expect(line).toContain('110 kV grid: anhcv1987/sodoluoidien, third-party (no licence stated)');
    expect(licenceLabel('NONE', 'vi')).toBe('không ghi giấy phép');
  });

  it('credits only the layers asked for, and nothing without a manifest', () => {
    expect(creditsOf(manifest, 'en', ['rivers'])).toHaveLength(1);
    expect(creditsOf(null, 'en')).toEqual([]);
  });

  it('falls back to title and licence text for a package without attribution', () => {
    const old = structuredClone(manifest);
    for (const l of old.layers) delete l.attribution;
    expect(creditsOf(old, 'en', ['rivers'])).toEqual([{ text: 'Rivers (GSHHG, coarse)', license: 'LGPL-3.0-or-later (GSHHG 2.3.7, WDBII rivers)' }]);
  });
});

describe('map attribution strings', () => {
  it('escapes credit text and drops non-http links', () => {
    const evil = structuredClone(manifest);
    evil.layers[0].attribution = [{ text_vi: 'x', text_en: '<img src=x onerror=alert(1)>"&', license: 'MIT', url: 'javascript:alert(1)' }];
    const [s] = attributionStrings(creditsOf(evil, 'en', ['region']), 'en');
    expect(s).toBe('&lt;img src=x onerror=alert(1)&gt;&quot;&amp; (MIT)');
    expect(escapeHtml(`a'b`)).toBe('a&#39;b');
  });

  it('links a credit to its source URL', () => {
    const [s] = attributionStrings(creditsOf(manifest, 'en', ['districts']), 'en');
    expect(s).toBe('<a href="https://github.com/daohoangson/dvhcvn" target="_blank" rel="noopener noreferrer">Boundaries: gis.chinhphu.vn via daohoangson/dvhcvn (GPL-3.0)</a>');
  });
});
