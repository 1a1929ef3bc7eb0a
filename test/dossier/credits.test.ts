/** The dossier prints the credits and licences of the bundled data (from the manifest). */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildDossierPdf, DOSSIER_FONT_BOLD_PATH, DOSSIER_FONT_REGULAR_PATH, type DossierFontBytes } from '../../src/lib/dossier/index.ts';
import { creditText, creditsOf } from '../../src/lib/data/attribution.ts';
import type { Manifest } from '../../src/lib/data/schema.ts';
import { quangChuEn, quangChuVi } from '../fixtures/dossier/quang-chu.ts';

const require = createRequire(import.meta.url);
const fontBytes: DossierFontBytes = {
  regular: new Uint8Array(readFileSync(require.resolve(DOSSIER_FONT_REGULAR_PATH))),
  bold: new Uint8Array(readFileSync(require.resolve(DOSSIER_FONT_BOLD_PATH))),
};
const manifest: Manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'geodata', 'manifest.json'), 'utf8'));
const OUT = join(process.cwd(), 'test-results');
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function render(name: string, input: typeof quangChuVi) {
  mkdirSync(OUT, { recursive: true });
  const p = join(OUT, name);
  writeFileSync(p, await buildDossierPdf(input, { fontBytes }));
  return { p, text: flat(execFileSync('pdftotext', [p, '-'], { encoding: 'utf8' })), info: execFileSync('pdfinfo', [p], { encoding: 'utf8' }) };
}

describe('dossier credits', () => {
  it('prints every bundled source with its licence, in Vietnamese, on the one page', async () => {
    const credits = creditsOf(manifest, 'vi').map((c) => creditText(c, 'vi'));
    const { p, text, info } = await render('dossier-credits-vi.pdf', { ...quangChuVi, credits });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(text).toContain('Ghi công và giấy phép dữ liệu');
    expect(text).toContain('Ranh giới: gis.chinhphu.vn qua daohoangson/dvhcvn (GPL-3.0)');
    expect(text).toContain('Xã 2009: censusVN2009 © 2017 Marc Choisy (MIT)');
    expect(text).toContain('(LGPL-3.0-or-later)');
    expect(text).toContain('bên thứ ba (không ghi giấy phép)');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', p, join(OUT, 'dossier-credits-vi')]);
  }, 30_000);

  it('prints them in English, and not at all when there are none', async () => {
    const credits = creditsOf(manifest, 'en').map((c) => creditText(c, 'en'));
    const en = await render('dossier-credits-en.pdf', { ...quangChuEn, credits });
    expect(en.text).toContain('Data credits and licences');
    expect(en.text).toContain('Rivers: GSHHG/WDBII, P. Wessel & W. H. F. Smith (LGPL-3.0-or-later)');
    const none = await render('dossier-no-credits.pdf', quangChuEn);
    expect(none.text).not.toContain('Data credits');
  }, 30_000);
});
