/**
 * Site dossier as an A4 portrait PDF (jsPDF, lazily imported): header, map snapshot with scale
 * bar, north arrow and legend, facts/distances/catchment tables, score breakdown with a bar per
 * criterion, sources with accuracy, and a footer with link, QR code, "data as of" and page numbers.
 *
 * Content flows from page to page; the two-column part keeps one cursor per column, so a long
 * column spills onto the next page on its own.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import type { DossierFontBytes, DossierInput, DossierPdfOptions, DossierRow, DossierLang } from './types.ts';
import { dossierLabels, methodNote, type DossierLabels } from './i18n.ts';
import { bytesToBase64, coverText, fileIdOf, formatDate, formatLength, formatNumber, hexToRgb, niceScaleLength, pdfDate } from './format.ts';
import { loadDossierFont } from './font.ts';
import { qrUrl } from './qr-url.ts';

/** A4 portrait, millimetres. */
export const PAGE = { width: 210, height: 297 } as const;
const MARGIN_X = 14;
const MARGIN_TOP = 12;
const CONTENT_W = PAGE.width - 2 * MARGIN_X;
/** Footer band: QR code and link text, above the bottom margin. */
const FOOTER_H = 22;
const MARGIN_BOTTOM = 9;
const CONTENT_BOTTOM = PAGE.height - MARGIN_BOTTOM - FOOTER_H - 3;
const COL_GAP = 6;
const COL_W = (CONTENT_W - COL_GAP) / 2;
const MAP_MAX_H = 35;
const LEGEND_W = 44;

/** Millimetres per typographic point. */
const PT = 25.4 / 72;
const FONT = 'BeVietnamPro';

type Rgb = [number, number, number];
const C = {
  ink: [33, 37, 41] as Rgb,
  muted: [98, 106, 114] as Rgb,
  faint: [150, 156, 162] as Rgb,
  rule: [206, 212, 218] as Rgb,
  zebra: [244, 246, 248] as Rgb,
  accent: [15, 76, 92] as Rgb,
  accentLight: [214, 232, 236] as Rgb,
  link: [21, 94, 168] as Rgb,
  good: [46, 125, 50] as Rgb,
  mid: [200, 140, 0] as Rgb,
  poor: [198, 40, 40] as Rgb,
  white: [255, 255, 255] as Rgb,
};

/** Footnote markers of the method notes (not superscript digits: "km²" would read as an area). */
const MARKERS = ['*', '†', '‡', '§', '¶'];

/** Line height (mm) of text at `size` pt. */
const lh = (size: number) => size * PT * 1.28;
/** Distance (mm) from the top of a line box to its baseline at `size` pt. */
const ascent = (size: number) => size * PT * 0.98;

/** Where the next thing goes: a page number and a y coordinate (mm). */
class Cursor {
  constructor(
    private readonly doc: JsPdf,
    public page: number,
    public y: number,
  ) {}

  /** Make `h` mm of room below the cursor, moving to (and creating) the next page if needed. */
  ensure(h: number): void {
    if (this.y + h > CONTENT_BOTTOM && this.y > topOf(this.page) + 0.01) {
      this.page += 1;
      if (this.doc.getNumberOfPages() < this.page) {
        this.doc.addPage('a4', 'portrait');
      }
      this.y = topOf(this.page);
    }
    this.doc.setPage(this.page);
  }

  /** The later of two cursors. */
  static max(a: Cursor, b: Cursor): Cursor {
    return a.page > b.page || (a.page === b.page && a.y >= b.y) ? a : b;
  }
}

/** Content top of a page: page 1 starts below nothing (header is drawn as content), others below a running header. */
function topOf(page: number): number {
  return page === 1 ? MARGIN_TOP : MARGIN_TOP + 9;
}

/**
 * Build the dossier PDF.
 * @param input pure data of the site (already localised values; labels come from the module's dictionary).
 * @param options `fontBytes` to pass the TTF directly (Node, tests); otherwise {@link loadDossierFont} is used.
 * @returns the PDF file bytes.
 */
export async function buildDossierPdf(input: DossierInput, options: DossierPdfOptions = {}): Promise<Uint8Array> {
  const [{ jsPDF }, qrModule, font] = await Promise.all([
    import('jspdf'),
    import('qrcode'),
    options.fontBytes ? Promise.resolve(options.fontBytes) : loadDossierFont(),
  ]);
  const qr = ((qrModule as unknown as { default?: typeof qrModule }).default ?? qrModule) as typeof qrModule;

  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  doc.setCreationDate(pdfDate(input.generatedAt));
  doc.setFileId(fileIdOf(input));
  const L = dossierLabels(input.lang);
  doc.setDocumentProperties({
    title: nfc(input.title),
    subject: `${L.kicker.charAt(0)}${L.kicker.slice(1).toLowerCase()} · ${nfc(input.subtitle)}`,
    creator: 'Industry and resources map',
    keywords: input.shareUrl,
  });
  try {
    doc.setLanguage(input.lang === 'vi' ? 'vi' : 'en-GB');
  } catch {
    /* not critical */
  }
  registerFont(doc, font);
  const raw = input;
  input = coverInput(raw, fontHas(doc));

  const ctx: Ctx = { doc, L, lang: input.lang, raw };
  let cur = new Cursor(doc, 1, MARGIN_TOP);
  drawHeader(ctx, cur, input);
  if (input.mapImage) drawMap(ctx, cur, input);

  // Two columns: facts (+ catchment) on the left, distances on the right.
  cur.y += 2;
  const left = new Cursor(doc, cur.page, cur.y);
  const right = new Cursor(doc, cur.page, cur.y);
  kvSection(ctx, left, MARGIN_X, COL_W, L.facts, input.facts);
  if (input.catchment?.length) {
    left.y += 3;
    kvSection(ctx, left, MARGIN_X, COL_W, L.catchment, input.catchment);
  }
  distanceSection(ctx, right, MARGIN_X + COL_W + COL_GAP, COL_W, input);
  // The sources go under the shorter column when they fit there (one page for a typical site).
  let sourcesDone = false;
  if (input.sources.length) {
    const shorter = left.page === right.page ? (left.y <= right.y ? left : right) : left.page < right.page ? left : right;
    const longer = shorter === left ? right : left;
    const sx = shorter === left ? MARGIN_X : MARGIN_X + COL_W + COL_GAP;
    const need = sourcesHeight(ctx, input, COL_W) + 3;
    // Under the shorter column when that ends higher than a full-width block under both would.
    if (shorter.page === longer.page && shorter.y + need < longer.y + sourcesHeight(ctx, input, CONTENT_W) + 3 && shorter.y + need <= CONTENT_BOTTOM) {
      shorter.y += 3;
      sourcesSection(ctx, shorter, input, sx, COL_W);
      sourcesDone = true;
    }
  }
  cur = Cursor.max(left, right);

  if (input.score) {
    cur.y += 3;
    scoreSection(ctx, cur, input);
  }
  if (input.sources.length && !sourcesDone) {
    cur.y += 3;
    sourcesSection(ctx, cur, input);
  }
  if (input.credits?.length && !ctx.creditsShown) {
    cur.y += 1.5;
    creditsSection(ctx, cur, input.credits);
  }

  const pages = doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    if (p > 1) drawRunningHeader(ctx, input);
    drawFooter(ctx, input, qr, p, pages);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

interface Ctx {
  doc: JsPdf;
  L: DossierLabels;
  lang: DossierLang;
  /** The input as given (link targets and QR code use its URLs). */
  raw: DossierInput;
  /** Set when the data credits were printed beside the map. */
  creditsShown?: boolean;
}

/** Glyph lookup of the current (custom) font; everything is drawable if it cannot be read. */
function fontHas(doc: JsPdf): (code: number) => boolean {
  const meta = (doc.getFont() as unknown as { metadata?: { cmap?: { unicode?: { codeMap?: Record<number, number> } } } }).metadata;
  const map = meta?.cmap?.unicode?.codeMap;
  return map ? (c) => !!map[c] : () => true;
}

/** Copy of the input with every displayed string made drawable by the font ({@link coverText}). */
function coverInput(input: DossierInput, has: (code: number) => boolean): DossierInput {
  const skip = new Set(['pngDataUrl', 'color', 'lang', 'generatedAt']);
  const walk = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') return skip.has(key) ? v : coverText(v, has);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(input) as DossierInput;
}

/** A URL safe to write into a PDF link annotation (host punycoded, path percent-encoded). */
function linkTarget(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

function nfc(s: string): string {
  return (s ?? '').normalize('NFC');
}

/** Base64 of font files, kept per byte array so repeated dossiers skip the encoding. */
const base64Cache = new WeakMap<Uint8Array, string>();
function fontBase64(bytes: Uint8Array): string {
  let b = base64Cache.get(bytes);
  if (b === undefined) {
    b = bytesToBase64(bytes);
    base64Cache.set(bytes, b);
  }
  return b;
}

function registerFont(doc: JsPdf, font: DossierFontBytes): void {
  doc.addFileToVFS(`${FONT}-Regular.ttf`, fontBase64(font.regular));
  doc.addFont(`${FONT}-Regular.ttf`, FONT, 'normal');
  doc.addFileToVFS(`${FONT}-Bold.ttf`, fontBase64(font.bold ?? font.regular));
  doc.addFont(`${FONT}-Bold.ttf`, FONT, 'bold');
  doc.setFont(FONT, 'normal');
}

function style(doc: JsPdf, size: number, bold = false, color: Rgb = C.ink): void {
  doc.setFont(FONT, bold ? 'bold' : 'normal');
  doc.setFontSize(size);
  doc.setTextColor(color[0], color[1], color[2]);
}

function wrap(doc: JsPdf, text: string, width: number): string[] {
  const lines = doc.splitTextToSize(nfc(text), width) as string[];
  return lines.length ? lines : [''];
}

/** Draw lines of text with their first line box starting at `top`; returns the height used. */
function lines(doc: JsPdf, ls: string[], x: number, top: number, size: number, align: 'left' | 'right' | 'center' = 'left'): number {
  ls.forEach((l, i) => doc.text(l, x, top + ascent(size) + i * lh(size), { align }));
  return ls.length * lh(size);
}

function fill(doc: JsPdf, c: Rgb): void {
  doc.setFillColor(c[0], c[1], c[2]);
}
function stroke(doc: JsPdf, c: Rgb, w = 0.2): void {
  doc.setDrawColor(c[0], c[1], c[2]);
  doc.setLineWidth(w);
}

// ─── header ────────────────────────────────────────────────────────────────────────────────────

function drawHeader(ctx: Ctx, cur: Cursor, input: DossierInput): void {
  const { doc, L } = ctx;
  fill(doc, C.accent);
  doc.rect(MARGIN_X, cur.y, 1.6, 6.2, 'F');
  style(doc, 8, true, C.accent);
  doc.text(L.kicker, MARGIN_X + 3.5, cur.y + ascent(8) + 0.4, { charSpace: 0.6 });
  style(doc, 7.5, false, C.muted);
  doc.text(`${L.generated}: ${formatDate(input.generatedAt, ctx.lang)}`, PAGE.width - MARGIN_X, cur.y + ascent(7.5) + 0.6, { align: 'right' });
  cur.y += 7.5;

  style(doc, 18, true);
  cur.y += lines(doc, wrap(doc, input.title, CONTENT_W), MARGIN_X, cur.y, 18);
  if (input.subtitle) {
    style(doc, 10, false, C.muted);
    cur.y += 0.5 + lines(doc, wrap(doc, input.subtitle, CONTENT_W), MARGIN_X, cur.y + 0.5, 10);
  }
  cur.y += 2.5;
  stroke(doc, C.accent, 0.5);
  doc.line(MARGIN_X, cur.y, PAGE.width - MARGIN_X, cur.y);
  cur.y += 4;
}

function drawRunningHeader(ctx: Ctx, input: DossierInput): void {
  const { doc, L } = ctx;
  style(doc, 8, true, C.accent);
  const t = wrap(doc, input.title, CONTENT_W - 50)[0];
  doc.text(t, MARGIN_X, MARGIN_TOP + ascent(8));
  style(doc, 7.5, false, C.muted);
  doc.text(L.kicker, PAGE.width - MARGIN_X, MARGIN_TOP + ascent(7.5), { align: 'right', charSpace: 0.4 });
  stroke(doc, C.rule, 0.3);
  doc.line(MARGIN_X, MARGIN_TOP + 5, PAGE.width - MARGIN_X, MARGIN_TOP + 5);
}

// ─── map ───────────────────────────────────────────────────────────────────────────────────────

function drawMap(ctx: Ctx, cur: Cursor, input: DossierInput): void {
  const { doc, L } = ctx;
  const img = input.mapImage!;
  const legend = input.legend ?? img.legend ?? [];
  const boxW = legend.length ? CONTENT_W - LEGEND_W - 4 : CONTENT_W;
  const aspect = img.heightPx > 0 && img.widthPx > 0 ? img.heightPx / img.widthPx : 0.6;
  let w = boxW;
  let h = w * aspect;
  if (h > MAP_MAX_H) {
    h = MAP_MAX_H;
    w = h / aspect;
  }
  cur.ensure(h + 2);
  const x = MARGIN_X;
  const y = cur.y;
  const format = /^data:image\/jpe?g/i.test(img.pngDataUrl) ? 'JPEG' : 'PNG';
  doc.addImage(img.pngDataUrl, format, x, y, w, h, 'dossier-map', 'FAST');
  stroke(doc, C.muted, 0.25);
  doc.rect(x, y, w, h, 'S');

  drawScaleBar(ctx, x, y, w, h, img.widthPx, img.metresPerPixel);
  drawNorthArrow(ctx, x + w - 8, y + 9, img.bearingDeg ?? 0);

  if (legend.length) {
    const lx = x + w + 4;
    const lw = CONTENT_W - w - 4;
    let ly = y;
    style(doc, 8.5, true, C.accent);
    ly += lines(doc, [L.legend], lx, ly, 8.5) + 0.8;
    for (const item of legend) {
      style(doc, 7.5, false, C.ink);
      const ls = wrap(doc, item.label, lw - 6);
      const [r, g, b] = hexToRgb(item.color);
      doc.setFillColor(r, g, b);
      stroke(doc, C.muted, 0.15);
      doc.rect(lx, ly + 0.6, 3.6, 2.6, 'FD');
      ly += lines(doc, ls, lx + 5.4, ly, 7.5) + 0.9;
    }
    // The data credits go under the legend, beside the map, when they fit there.
    if (input.credits?.length) {
      const size = 6;
      style(doc, size, false, C.muted);
      const items = input.credits.map((c) => wrap(doc, c, lw));
      const need = lh(size) + 0.6 + items.reduce((n, ls) => n + ls.length * lh(size) + 0.5, 0);
      if (ly + 2 + need <= y + h) {
        ly += 2;
        style(doc, size, true, C.muted);
        ly += lines(doc, [nfc(L.credits)], lx, ly, size) + 0.6;
        style(doc, size, false, C.muted);
        for (const ls of items) ly += lines(doc, ls, lx, ly, size) + 0.5;
        ctx.creditsShown = true;
      }
    }
  }
  cur.y = y + h + 3;
}

/** Scale bar at the bottom left of the map frame (x, y, w, h in mm). */
function drawScaleBar(ctx: Ctx, x: number, y: number, w: number, _h: number, widthPx: number, metresPerPixel: number): void {
  const { doc, L, lang } = ctx;
  if (!(metresPerPixel > 0 && widthPx > 0)) return;
  const metresPerMm = (metresPerPixel * widthPx) / w;
  // About a quarter of the map width; on narrow maps up to 60 % of it (at most 20 mm) so the bar stays legible.
  const maxBarMm = Math.max(w * 0.28, Math.min(w * 0.6, 20));
  const length = niceScaleLength(metresPerMm * maxBarMm);
  const barMm = length / metresPerMm;
  const label = formatLength(length, lang);
  const ratio = roundRatio(metresPerMm * 1000);
  const caption = `${L.scale} ≈ 1:${formatNumber(ratio, lang, 0)}`;
  style(doc, 6.5, false, C.ink);
  const capW = doc.getTextWidth(caption);
  const boxW = Math.max(barMm + 4 + doc.getTextWidth(label) / 2 + 2, capW + 4);
  const boxH = 9;
  const bx = x + 2;
  const by = y + _h - boxH - 2;
  fill(doc, C.white);
  stroke(doc, C.rule, 0.15);
  doc.rect(bx, by, boxW, boxH, 'FD');
  doc.text(caption, bx + 2, by + 1 + ascent(6.5));
  // Bar of 4 alternating segments.
  const sy = by + 5.2;
  const segs = 4;
  stroke(doc, C.ink, 0.2);
  for (let i = 0; i < segs; i++) {
    fill(doc, i % 2 ? C.white : C.ink);
    doc.rect(bx + 2 + (i * barMm) / segs, sy, barMm / segs, 1.3, 'FD');
  }
  style(doc, 6, false, C.ink);
  doc.text('0', bx + 2, sy + 1.3 + ascent(6) + 0.2, { align: 'center' });
  doc.text(label, bx + 2 + barMm, sy + 1.3 + ascent(6) + 0.2, { align: 'center' });
}

function roundRatio(r: number): number {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(r)) - 1);
  return Math.round(r / p) * p;
}

/** North arrow centred at (cx, cy), rotated by −bearing. */
function drawNorthArrow(ctx: Ctx, cx: number, cy: number, bearingDeg: number): void {
  const { doc, L } = ctx;
  const a = (-bearingDeg * Math.PI) / 180;
  const rot = (px: number, py: number): [number, number] => [cx + px * Math.cos(a) - py * Math.sin(a), cy + px * Math.sin(a) + py * Math.cos(a)];
  fill(doc, C.white);
  stroke(doc, C.rule, 0.15);
  doc.circle(cx, cy, 6, 'FD');
  const tip = rot(0, -4.6);
  const l = rot(-2, 3);
  const m = rot(0, 1.6);
  const r = rot(2, 3);
  stroke(doc, C.ink, 0.2);
  fill(doc, C.ink);
  doc.triangle(tip[0], tip[1], l[0], l[1], m[0], m[1], 'FD');
  fill(doc, C.white);
  doc.triangle(tip[0], tip[1], r[0], r[1], m[0], m[1], 'FD');
  style(doc, 6, true, C.ink);
  const lp = rot(0, 5.3);
  doc.text(L.northLetter, lp[0], lp[1] - 0.2 + ascent(6) / 2, { align: 'center' });
}

// ─── tables ────────────────────────────────────────────────────────────────────────────────────

function heading(ctx: Ctx, cur: Cursor, x: number, w: number, text: string, firstRowH: number): void {
  const { doc } = ctx;
  cur.ensure(lh(10) + 2 + firstRowH);
  style(doc, 10, true, C.accent);
  cur.y += lines(doc, [nfc(text)], x, cur.y, 10);
  stroke(doc, C.accent, 0.3);
  doc.line(x, cur.y + 0.4, x + w, cur.y + 0.4);
  cur.y += 1.4;
}

interface KvRow extends DossierRow {
  mark?: string;
}

const ROW_SIZE = 6.6;
const ROW_PAD = 0.5;
const CELL_PAD = 1;

/** Width of the label column: values get what their longest one needs, within 32–64 % of the table (fewer wrapped values: one page). */
function labelWidth(doc: JsPdf, rows: KvRow[], w: number): number {
  style(doc, ROW_SIZE, true);
  const need = Math.max(...rows.map((r) => doc.getTextWidth(nfc(r.value)) + (r.mark ? doc.getTextWidth(` ${r.mark}`) : 0))) + 2 * CELL_PAD + 0.5;
  return w - Math.min(w * 0.64, Math.max(w * 0.32, need));
}

function measureKv(doc: JsPdf, row: KvRow, w: number, lw: number): { label: string[]; value: string[]; h: number } {
  style(doc, ROW_SIZE);
  const label = wrap(doc, row.label, lw - 2 * CELL_PAD);
  style(doc, ROW_SIZE, true);
  const markW = row.mark ? doc.getTextWidth(` ${row.mark}`) : 0;
  const value = wrap(doc, row.value, w - lw - 2 * CELL_PAD - markW);
  return { label, value, h: Math.max(label.length, value.length) * lh(ROW_SIZE) + 2 * ROW_PAD };
}

function kvSection(ctx: Ctx, cur: Cursor, x: number, w: number, title: string, rows: KvRow[]): void {
  const { doc } = ctx;
  if (!rows.length) return;
  const lw = labelWidth(doc, rows, w);
  heading(ctx, cur, x, w, title, measureKv(doc, rows[0], w, lw).h);
  rows.forEach((row, i) => {
    const m = measureKv(doc, row, w, lw);
    cur.ensure(m.h);
    if (i % 2 === 0) {
      fill(doc, C.zebra);
      doc.rect(x, cur.y, w, m.h, 'F');
    }
    style(doc, ROW_SIZE, false, C.muted);
    lines(doc, m.label, x + CELL_PAD, cur.y + ROW_PAD, ROW_SIZE);
    style(doc, ROW_SIZE, true, C.ink);
    lines(doc, m.value, x + lw + CELL_PAD, cur.y + ROW_PAD, ROW_SIZE);
    if (row.mark) {
      const last = m.value[m.value.length - 1];
      const mx = x + lw + CELL_PAD + doc.getTextWidth(`${last} `);
      style(doc, ROW_SIZE, false, C.faint);
      doc.text(row.mark, mx, cur.y + ROW_PAD + (m.value.length - 1) * lh(ROW_SIZE) + ascent(ROW_SIZE));
    }
    cur.y += m.h;
  });
}

function distanceSection(ctx: Ctx, cur: Cursor, x: number, w: number, input: DossierInput): void {
  const { doc, L, lang } = ctx;
  const notes: string[] = [];
  const rows: KvRow[] = input.distances.map((d) => {
    if (!d.method) return { label: d.label, value: d.value };
    const note = methodNote(d.method, lang);
    let i = notes.indexOf(note);
    if (i < 0) i = notes.push(note) - 1;
    return { label: d.label, value: d.value, mark: marker(i) };
  });
  kvSection(ctx, cur, x, w, L.distances, rows);
  if (!notes.length) return;
  cur.y += 1.2;
  notes.forEach((note, i) => {
    style(doc, 7, false, C.muted);
    const ls = wrap(doc, note, w - 4);
    const h = ls.length * lh(7) + 0.4;
    cur.ensure(h);
    doc.text(marker(i), x + 0.5, cur.y + ascent(7));
    lines(doc, ls, x + 3.5, cur.y, 7);
    cur.y += h;
  });
}

function marker(i: number): string {
  return i < MARKERS.length ? MARKERS[i] : `(${i + 1})`;
}

// ─── score ─────────────────────────────────────────────────────────────────────────────────────

function scoreColor(s: number): Rgb {
  return s >= 0.67 ? C.good : s >= 0.34 ? C.mid : C.poor;
}

function scoreSection(ctx: Ctx, cur: Cursor, input: DossierInput): void {
  const { doc, L, lang } = ctx;
  const score = input.score!;
  const blockW = 30;
  const x = MARGIN_X + blockW + 3;
  const w = CONTENT_W - blockW - 3;
  // Columns: criterion | value | bar + score | weight | points.
  const cw = [52, 27, 38, 16, 16];
  const cx = cw.reduce<number[]>((acc, _c, i) => [...acc, i === 0 ? x : acc[i - 1] + cw[i - 1]], []);
  const rowH = (r: (typeof score.breakdown)[number]) => {
    style(doc, ROW_SIZE);
    const a = wrap(doc, r.criterion, cw[0] - 2 * CELL_PAD).length;
    const b = wrap(doc, r.value, cw[1] - 2 * CELL_PAD).length;
    return Math.max(a, b) * lh(ROW_SIZE) + 2 * ROW_PAD;
  };
  const headH = lh(7) + 1.2;
  heading(ctx, cur, MARGIN_X, CONTENT_W, L.score, Math.max(20, headH + (score.breakdown[0] ? rowH(score.breakdown[0]) : 0)));

  // Total: big number, "/100", a 0–100 bar and its label, left of the breakdown.
  const total = Math.max(0, Math.min(100, score.total));
  const ty = cur.y + 0.5;
  style(doc, 22, true, C.accent);
  const totalText = formatNumber(total, lang, 0);
  doc.text(totalText, MARGIN_X, ty + ascent(22));
  const tw = doc.getTextWidth(totalText);
  style(doc, 9, false, C.muted);
  doc.text('/100', MARGIN_X + tw + 1, ty + ascent(22));
  const by = ty + lh(22) + 0.3;
  fill(doc, C.accentLight);
  doc.rect(MARGIN_X, by, blockW, 2.4, 'F');
  fill(doc, scoreColor(total / 100));
  doc.rect(MARGIN_X, by, (blockW * total) / 100, 2.4, 'F');
  style(doc, 7.5, true, C.muted);
  let bb = by + 3.2 + lines(doc, wrap(doc, L.scoreTotal, blockW), MARGIN_X, by + 3.2, 7.5);
  if (score.range) {
    // the range and rank range under the total, compact, with their basis in small type
    style(doc, 7, true, C.ink);
    bb += 0.8 + lines(doc, wrap(doc, score.range.text, blockW), MARGIN_X, bb + 0.8, 7);
    style(doc, 5.6, false, C.muted);
    bb += 0.3 + lines(doc, wrap(doc, score.range.basis, blockW), MARGIN_X, bb + 0.3, 5.6);
  }
  const blockBottom = { page: cur.page, y: bb };

  const drawHead = () => {
    style(doc, 7, true, C.muted);
    const hs = [L.criterion, L.value, L.scoreCol, L.weight, L.points];
    hs.forEach((t, i) => doc.text(t, i >= 2 ? cx[i] + cw[i] - CELL_PAD : cx[i] + CELL_PAD, cur.y + ascent(7), { align: i >= 2 ? 'right' : 'left' }));
    cur.y += headH;
    stroke(doc, C.rule, 0.25);
    doc.line(x, cur.y - 0.5, x + w, cur.y - 0.5);
  };
  drawHead();
  score.breakdown.forEach((r, i) => {
    const h = rowH(r);
    const before = cur.page;
    cur.ensure(h);
    if (cur.page !== before) drawHead();
    if (i % 2 === 0) {
      fill(doc, C.zebra);
      doc.rect(x, cur.y, w, h, 'F');
    }
    const base = cur.y + ROW_PAD + ascent(ROW_SIZE);
    style(doc, ROW_SIZE, false, C.ink);
    lines(doc, wrap(doc, r.criterion, cw[0] - 2 * CELL_PAD), cx[0] + CELL_PAD, cur.y + ROW_PAD, ROW_SIZE);
    style(doc, ROW_SIZE, false, C.muted);
    lines(doc, wrap(doc, r.value, cw[1] - 2 * CELL_PAD), cx[1] + CELL_PAD, cur.y + ROW_PAD, ROW_SIZE);
    // Bar, then the 0–1 score right-aligned.
    const barW = cw[2] - 11;
    const barY = cur.y + ROW_PAD + 0.5;
    fill(doc, C.accentLight);
    doc.rect(cx[2] + CELL_PAD, barY, barW, 2.5, 'F');
    const s = r.score0to1;
    const has = s != null && Number.isFinite(s);
    if (has) {
      const sc = Math.max(0, Math.min(1, s));
      fill(doc, scoreColor(sc));
      doc.rect(cx[2] + CELL_PAD, barY, barW * sc, 2.5, 'F');
    }
    style(doc, ROW_SIZE, false, C.ink);
    doc.text(has ? formatNumber(s, lang, 2) : '—', cx[2] + cw[2] - CELL_PAD, base, { align: 'right' });
    doc.text(r.weightText ?? `${formatNumber(r.weight * 100, lang, 0)}${lang === 'vi' ? ' %' : '%'}`, cx[3] + cw[3] - CELL_PAD, base, { align: 'right' });
    style(doc, ROW_SIZE, true, C.ink);
    doc.text(formatNumber(r.contribution, lang, 1), cx[4] + cw[4] - CELL_PAD, base, { align: 'right' });
    cur.y += h;
  });
  if (score.note) {
    const ns = 6.4;
    style(doc, ns, false, C.muted);
    const ls = wrap(doc, score.note, w);
    cur.ensure(ls.length * lh(ns) + 1);
    cur.y += 0.8 + lines(doc, ls, x, cur.y + 0.8, ns);
  }
  if (blockBottom.page === cur.page) cur.y = Math.max(cur.y, blockBottom.y);
}

// ─── sources ───────────────────────────────────────────────────────────────────────────────────

/** Height of the sources section at width `w`, heading included. */
function sourcesHeight(ctx: Ctx, input: DossierInput, w: number): number {
  const size = SOURCE_SIZE;
  const body = input.sources.reduce((h, s, i) => h + sourceLines(ctx, s, i, w - SOURCE_INDENT).length * lh(size) + 0.8, 0);
  return lh(10) + 2 + body;
}

const SOURCE_SIZE = 7.6;
const SOURCE_INDENT = 5;

function sourceLines(ctx: Ctx, s: DossierInput['sources'][number], i: number, width: number): Piece[][] {
  const { doc, L } = ctx;
  const size = SOURCE_SIZE;
  // A source that is its own URL is printed once, as the link.
  const bare = !!s.url && s.text.trim() === s.url.trim();
  const runs: Run[] = bare ? [] : [{ text: s.text, size, color: C.ink }];
  if (s.accuracy) runs.push({ text: `${bare ? '' : '· '}${L.accuracy}: ${s.accuracy}`, size, color: C.muted });
  const target = ctx.raw.sources[i]?.url;
  if (s.url) runs.push({ text: s.url, size, color: C.link, url: target ? linkTarget(target) : undefined, nowrapSpaces: true });
  return layoutRuns(doc, runs, width);
}

function sourcesSection(ctx: Ctx, cur: Cursor, input: DossierInput, x = MARGIN_X, w = CONTENT_W): void {
  const { doc, L } = ctx;
  const indent = SOURCE_INDENT;
  const size = SOURCE_SIZE;
  const layout = (s: (typeof input.sources)[number], i: number) => sourceLines(ctx, s, i, w - indent);
  const first = layout(input.sources[0], 0);
  heading(ctx, cur, x, w, L.sources, first.length * lh(size) + 0.8);
  input.sources.forEach((s, i) => {
    const ls = i === 0 ? first : layout(s, i);
    cur.ensure(ls.length * lh(size) + 0.8);
    style(doc, size, true, C.muted);
    doc.text(`${i + 1}.`, x + indent - 1.2, cur.y + ascent(size), { align: 'right' });
    cur.y += drawRuns(doc, ls, x + indent, cur.y) + 0.8;
  });
}

/**
 * Credits and licences of the bundled data when they did not fit beside the map: a compact paragraph after the sources (a bold label,
 * then the credits separated by " · "), small enough to keep a full dossier on one page.
 */
function creditsSection(ctx: Ctx, cur: Cursor, credits: string[]): void {
  const size = 5.6;
  const ls = layoutRuns(ctx.doc, [
    { text: `${ctx.L.credits}:`, size, color: C.muted, bold: true },
    { text: credits.join('  ·  '), size, color: C.muted },
  ], CONTENT_W);
  cur.ensure(ls.length * lh(size));
  cur.y += drawRuns(ctx.doc, ls, MARGIN_X, cur.y);
}

/** A styled run of inline text; `url` makes it a link. */
interface Run {
  text: string;
  size: number;
  color: Rgb;
  bold?: boolean;
  url?: string;
  /** Treat the whole run as one word (URLs), broken by characters only if wider than a line. */
  nowrapSpaces?: boolean;
}
interface Piece {
  text: string;
  x: number;
  run: Run;
}

/** Greedy line breaking of mixed-style runs into lines of positioned pieces (x relative to the left edge). */
function layoutRuns(doc: JsPdf, runs: Run[], width: number): Piece[][] {
  const out: Piece[][] = [[]];
  let x = 0;
  let space = 0;
  const push = (text: string, run: Run, tw: number) => {
    const line = out[out.length - 1];
    const lead = line.length ? space : 0;
    const prev = line[line.length - 1];
    if (prev && prev.run === run) prev.text += (lead ? ' ' : '') + text;
    else line.push({ text, x: x + lead, run });
    x += lead + tw;
    space = 0;
  };
  const newline = () => {
    out.push([]);
    x = 0;
    space = 0;
  };
  for (const run of runs) {
    style(doc, run.size, run.bold);
    const spaceW = doc.getTextWidth(' ');
    if (x > 0) space = spaceW;
    const tokens = run.nowrapSpaces ? [nfc(run.text)] : nfc(run.text).split(/\s+/).filter(Boolean);
    for (let tok of tokens) {
      let tw = doc.getTextWidth(tok);
      if (x > 0 && x + space + tw > width) newline();
      while (tw > width) {
        let n = tok.length - 1;
        while (n > 1 && doc.getTextWidth(tok.slice(0, n)) > width) n--;
        push(tok.slice(0, n), run, doc.getTextWidth(tok.slice(0, n)));
        newline();
        tok = tok.slice(n);
        tw = doc.getTextWidth(tok);
      }
      push(tok, run, tw);
      space = spaceW;
    }
  }
  return out.filter((l, i) => l.length || i === 0);
}

/** Draw laid-out runs with the first line box at `top`; returns the height used. */
function drawRuns(doc: JsPdf, ls: Piece[][], x: number, top: number): number {
  let y = top;
  for (const line of ls) {
    const size = Math.max(...line.map((p) => p.run.size), 1);
    for (const p of line) {
      style(doc, p.run.size, p.run.bold, p.run.color);
      doc.text(p.text, x + p.x, y + ascent(size));
      if (p.run.url) doc.link(x + p.x, y, doc.getTextWidth(p.text), lh(size), { url: p.run.url });
    }
    y += lh(size);
  }
  return y - top;
}

// ─── footer ────────────────────────────────────────────────────────────────────────────────────

type QrModule = typeof import('qrcode');

function drawFooter(ctx: Ctx, input: DossierInput, qr: QrModule, page: number, pages: number): void {
  const { doc, L, lang } = ctx;
  const top = PAGE.height - MARGIN_BOTTOM - FOOTER_H;
  stroke(doc, C.rule, 0.3);
  doc.line(MARGIN_X, top, PAGE.width - MARGIN_X, top);
  const qrSize = 21;
  const qx = PAGE.width - MARGIN_X - qrSize;
  const qy = top + 2.5;
  drawQr(doc, qr, qrUrl(linkTarget(ctx.raw.shareUrl)), qx, qy, qrSize);
  style(doc, 6, false, C.muted);
  doc.text(L.scanQr, qx + qrSize / 2, qy + qrSize + ascent(6) - 0.6, { align: 'center' });

  const tw = CONTENT_W - qrSize - 6;
  let y = top + 2.5;
  style(doc, 8, true, C.ink);
  y += lines(doc, [L.link], MARGIN_X, y, 8);
  style(doc, 7.5, false, C.link);
  const urlLines = doc.splitTextToSize(input.shareUrl, tw) as string[];
  urlLines.slice(0, 2).forEach((u) => {
    doc.text(u, MARGIN_X, y + ascent(7.5));
    doc.link(MARGIN_X, y, doc.getTextWidth(u), lh(7.5), { url: linkTarget(ctx.raw.shareUrl) });
    y += lh(7.5);
  });
  y += 0.8;
  style(doc, 7.5, false, C.ink);
  y += lines(doc, wrap(doc, `${L.dataAsOf}: ${input.dataAsOf}   ·   ${L.generated}: ${formatDate(input.generatedAt, lang)}`, tw), MARGIN_X, y, 7.5);
  style(doc, 6.5, false, C.faint);
  lines(doc, wrap(doc, L.disclaimer, tw), MARGIN_X, y + 0.4, 6.5);
  if (pages > 1) {
    style(doc, 7.5, true, C.muted);
    doc.text(`${L.page} ${page}/${pages}`, qx - 4, PAGE.height - MARGIN_BOTTOM + 0.2, { align: 'right' });
  }
}

/** QR code of `text` as vector squares (runs of dark modules merged per row), with a quiet zone. */
function drawQr(doc: JsPdf, qr: QrModule, text: string, x: number, y: number, size: number): void {
  const code = qr.create(text || ' ', { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const data = code.modules.data;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  fill(doc, C.white);
  doc.rect(x, y, size, size, 'F');
  fill(doc, [0, 0, 0]);
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!data[r * n + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && data[r * n + c]) c++;
      // Slight overlap avoids hairline gaps between adjacent squares in some viewers.
      doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell + 0.01, cell + 0.01, 'F');
    }
  }
}
