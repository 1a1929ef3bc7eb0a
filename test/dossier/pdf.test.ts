import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildDossierPdf, DOSSIER_FONT_BOLD_PATH, DOSSIER_FONT_REGULAR_PATH, type DossierFontBytes, type DossierInput } from '../../src/lib/dossier/index.ts';
import { quangChuEn, quangChuVi } from '../fixtures/dossier/quang-chu.ts';

const require = createRequire(import.meta.url);
const fontBytes: DossierFontBytes = {
  regular: new Uint8Array(readFileSync(require.resolve(DOSSIER_FONT_REGULAR_PATH))),
  bold: new Uint8Array(readFileSync(require.resolve(DOSSIER_FONT_BOLD_PATH))),
};
const OUT = join(process.cwd(), 'test-results');

function write(name: string, bytes: Uint8Array): string {
  mkdirSync(OUT, { recursive: true });
  const p = join(OUT, name);
  writeFileSync(p, bytes);
  return p;
}
const text = (p: string, ...args: string[]) => execFileSync('pdftotext', [...args, p, '-'], { encoding: 'utf8' });
const info = (p: string) => execFileSync('pdfinfo', [p], { encoding: 'utf8' });
/** pdftotext output with runs of whitespace collapsed (tables split label and value into columns). */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('buildDossierPdf (vi)', () => {
  let pdf: string;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await buildDossierPdf(quangChuVi, { fontBytes });
    pdf = write('dossier-vi.pdf', bytes);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, 'dossier-vi')]);
  });

  it('is a PDF of one A4 portrait page', () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const i = info(pdf);
    expect(i).toMatch(/Pages:\s+1\n/);
    expect(i).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
  });

  it('renders the Vietnamese name, facts and distances with diacritics', () => {
    const t = flat(text(pdf));
    expect(t).toContain('Cụm công nghiệp Quảng Chu');
    expect(t).toContain('HỒ SƠ ĐỊA ĐIỂM');
    expect(t).toContain('74,4 ha');
    expect(t).toContain('Đường dây 35 kV gần nhất');
    expect(t).toContain('2,3 km');
    expect(t).toContain('Trạm biến áp 110 kV Chợ Mới');
    expect(t).toContain('Xã Chợ Mới, tỉnh Thái Nguyên');
    // Method note, printed once as a footnote.
    expect(t).toContain('đường chim bay, trắc địa trên ellipsoid WGS84');
    expect(t.split('đường chim bay, trắc địa').length - 1).toBe(1);
  });

  it('renders the Vietnamese headings, score, sources and footer', () => {
    const t = flat(text(pdf));
    for (const h of ['Thông tin chung', 'Khoảng cách', 'Vùng phục vụ', 'Điểm phù hợp', 'Nguồn dữ liệu', 'Chú giải', 'Tỷ lệ', 'Ngày lập: 27/11/2026', 'Dữ liệu cập nhật đến: 01/7/2025'])
      expect(t).toContain(h);
    expect(t).toContain('Khoảng cách tới lưới điện');
    expect(t).toMatch(/\b68\b/);
    expect(t).toContain('https://backan.gov.vn/quy-hoach/ccn-quang-chu');
    expect(t).toContain('Độ chính xác: ± 50 m');
    expect(t).toContain(quangChuVi.shareUrl);
    expect(t).not.toMatch(/Trang \d\/\d/);
  });

  it('embeds only the subsetted Be Vietnam Pro font', () => {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/BeVietnamPro/);
    expect(fonts).not.toMatch(/Helvetica/);
    // Subsetting keeps the file small despite two ~132 KB TTFs.
    expect(bytes.length).toBeLessThan(160_000);
  });

  it('has clickable links to the sources and the share URL', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/URI (https://backan.gov.vn/quy-hoach/ccn-quang-chu)');
    expect(raw).toContain(`/URI (${quangChuVi.shareUrl})`);
  });

  // zbarimg comes from Debian's zbar-tools, installed by scripts/ensure-tools.mjs.
  it('draws a QR code that decodes to the share URL', () => {
    execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', pdf, join(OUT, 'dossier-vi-qr')]);
    const out = execFileSync('zbarimg', ['-q', '--raw', join(OUT, 'dossier-vi-qr-1.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(out.trim()).toBe(quangChuVi.shareUrl);
  }, 30_000);

  it('is deterministic for the same input', async () => {
    const again = await buildDossierPdf(quangChuVi, { fontBytes });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(info(pdf)).toMatch(/CreationDate:.*2026/);
  });
});

describe('buildDossierPdf (en)', () => {
  let pdf: string;
  beforeAll(async () => {
    pdf = write('dossier-en.pdf', await buildDossierPdf(quangChuEn, { fontBytes }));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, 'dossier-en')]);
  });

  it('uses the English labels and keeps the Vietnamese site name', () => {
    const t = flat(text(pdf));
    for (const h of ['SITE DOSSIER', 'Key facts', 'Distances', 'Catchment', 'Suitability score', 'Sources', 'Legend', 'Scale', 'Generated: 2026-11-27', 'Data as of', 'View on the map'])
      expect(t).toContain(h);
    expect(t).toContain('Cụm công nghiệp Quảng Chu');
    expect(t).toContain('Nearest 35 kV line');
    expect(t).toContain('straight line, ellipsoidal WGS84');
    expect(t).not.toContain('Thông tin chung');
    expect(info(pdf)).toMatch(/Pages:\s+1\n/);
  });
});

describe('buildDossierPdf (overflow and edge cases)', () => {
  it('spills onto a second page with page numbers and a running header', async () => {
    const many: DossierInput = {
      ...quangChuVi,
      facts: [...quangChuVi.facts, ...quangChuVi.facts, ...quangChuVi.facts],
      sources: Array.from({ length: 40 }, (_, i) => ({ text: `Nguồn số ${i + 1}: Sở Công Thương tỉnh Bắc Kạn, báo cáo hiện trạng`, url: `https://example.org/nguon/${i + 1}`, accuracy: 'cấp huyện' })),
    };
    const pdf = write('dossier-vi-long.pdf', await buildDossierPdf(many, { fontBytes }));
    expect(info(pdf)).toMatch(/Pages:\s+2\n/);
    const p1 = flat(text(pdf, '-f', '1', '-l', '1'));
    const p2 = flat(text(pdf, '-f', '2', '-l', '2'));
    expect(p1).toContain('Trang 1/2');
    expect(p2).toContain('Trang 2/2');
    expect(p2).toContain('Cụm công nghiệp Quảng Chu');
    expect(p2).toContain('Nguồn số 40');
    expect(p2).toContain(many.shareUrl);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, 'dossier-vi-long')]);
  });

  it('handles a rotated, portrait map snapshot and a long title', async () => {
    const odd: DossierInput = {
      ...quangChuEn,
      title: 'Cụm công nghiệp Quảng Chu mở rộng giai đoạn 2 – phân khu chế biến nông lâm sản và vật liệu xây dựng',
      legend: undefined,
      mapImage: { ...quangChuEn.mapImage!, widthPx: 430, heightPx: 800, bearingDeg: 45, legend: quangChuEn.legend },
    };
    const pdf = write('dossier-en-odd.pdf', await buildDossierPdf(odd, { fontBytes }));
    const t = flat(text(pdf));
    expect(t).toContain('phân khu chế biến nông lâm sản');
    expect(t).toContain('Scale');
    // Legend given inside mapImage.
    expect(t).toContain('Rivers, streams');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, 'dossier-en-odd')]);
  });

  it('works without map, score and catchment', async () => {
    const bare: DossierInput = { ...quangChuEn, mapImage: undefined, legend: undefined, score: undefined, catchment: undefined, sources: [] };
    const pdf = write('dossier-en-bare.pdf', await buildDossierPdf(bare, { fontBytes }));
    const t = flat(text(pdf));
    expect(t).toContain('Key facts');
    expect(t).not.toContain('Suitability score');
    expect(t).not.toContain('Legend');
  });
});
