import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildDossierPdf, DOSSIER_FONT_BOLD_PATH, DOSSIER_FONT_REGULAR_PATH, type DossierFontBytes } from '../../src/lib/dossier/index.ts';
import { qrUrl, QR_MAX_LENGTH } from '../../src/lib/dossier/qr-url.ts';
import { quangChuVi } from '../fixtures/dossier/quang-chu.ts';

const require = createRequire(import.meta.url);
const fontBytes: DossierFontBytes = {
  regular: new Uint8Array(readFileSync(require.resolve(DOSSIER_FONT_REGULAR_PATH))),
  bold: new Uint8Array(readFileSync(require.resolve(DOSSIER_FONT_BOLD_PATH))),
};
const OUT = join(process.cwd(), 'test-results');

const BASE = 'https://example.org/map/';
const longUrl = `${BASE}#v=105.83,22.14,11.5&lang=vi&mode=planner&l=industrial-sites,power-lines&s=industrial-sites:ccn-quang-chu&fd=${'Huyện Chợ Mới|'.repeat(300)}&w=${'a:1,'.repeat(400)}`;

describe('the dossier QR code falls back to a short view-only URL', { timeout: 60_000 }, () => {
  it('keeps a short URL as it is', () => {
    expect(qrUrl(quangChuVi.shareUrl)).toBe(quangChuVi.shareUrl);
  });
  it('keeps only the selection, the view and the language of a long one', () => {
    expect(longUrl.length).toBeGreaterThan(5000);
    expect(qrUrl(longUrl)).toBe(`${BASE}#s=industrial-sites%3Accn-quang-chu&v=105.83%2C22.14%2C11.5&lang=vi`);
  });
  it('drops the view, then everything, when even that is too long', () => {
    const u = `${BASE}#s=industrial-sites:${'x'.repeat(700)}&v=1,2,3`;
    expect(qrUrl(u)).toBe(BASE);
    expect(qrUrl(`${BASE}#s=a:b&v=${'1'.repeat(QR_MAX_LENGTH)}`)).toBe(`${BASE}#s=a%3Ab`);
  });
  it('a dossier with a 5,000-character share URL is built, its QR code decodes to the short link, the full link stays printed', async () => {
    const bytes = await buildDossierPdf({ ...quangChuVi, shareUrl: longUrl }, { fontBytes });
    mkdirSync(OUT, { recursive: true });
    const pdf = join(OUT, 'dossier-long-url.pdf');
    writeFileSync(pdf, bytes);
    execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', pdf, join(OUT, 'dossier-long-url')]);
    const out = execFileSync('zbarimg', ['-q', '--raw', join(OUT, 'dossier-long-url-1.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(out.trim()).toBe(qrUrl(longUrl));
    expect(Buffer.from(bytes).toString('latin1')).toContain('/URI (https://example.org/map/#v=105.83,22.14,11.5&lang=vi');
  });
});
