/**
 * Input of the site dossier generator: pure, already-localised data (the caller formats numbers and
 * translates data values; the dossier translates only its own labels, see `i18n.ts`).
 */

/** Language of the dossier's own labels. */
export type DossierLang = 'vi' | 'en';

/** One label/value row of a table (facts, catchment). */
export interface DossierRow {
  /** Row label, e.g. "Diện tích". */
  label: string;
  /** Formatted value, e.g. "74,4 ha". */
  value: string;
}

/** One distance row, optionally with a method note printed once as a numbered footnote. */
export interface DossierDistance extends DossierRow {
  /**
   * How the distance was measured. A key of {@link METHOD_NOTES} (e.g. `'straight-line'`) is
   * translated by the dossier; any other text is printed as given.
   */
  method?: string;
}

/** One criterion of the suitability score breakdown. */
export interface DossierScoreCriterion {
  /** Criterion name, e.g. "Khoảng cách tới lưới điện". */
  criterion: string;
  /** Measured value, formatted, e.g. "2,3 km". */
  value: string;
  /** Normalised score 0..1 (null: no data, drawn as "—"). */
  score0to1: number | null;
  /** Effective weight, 0..1 (printed as a percentage). */
  weight: number;
  /** Printed instead of the percentage when the weight is not a share (e.g. a penalty in points). */
  weightText?: string;
  /** Points this criterion adds to (negative: subtracts from) the 0–100 total. */
  contribution: number;
}

/** Suitability score of the site. */
export interface DossierScore {
  /** Total score, 0–100. */
  total: number;
  /** One row per criterion, in display order. */
  breakdown: DossierScoreCriterion[];
  /** Optional note printed under the breakdown (e.g. about renormalised weights). */
  note?: string;
  /** The score's range and rank range over draws of true positions, printed under the total: `text` ("14,5–29,9 · hạng 10–13") and its `basis`. */
  range?: { text: string; basis: string };
}

/** One data source. */
export interface DossierSource {
  /** Citation text, e.g. "Quyết định 1234/QĐ-UBND, UBND tỉnh Bắc Kạn, 2021". */
  text: string;
  /** Link to the source (printed and made clickable). */
  url?: string;
  /** Positional/thematic accuracy, e.g. "± 50 m (số hoá từ bản đồ quy hoạch 1:25 000)". */
  accuracy?: string;
}

/** One legend entry of the map snapshot. */
export interface DossierLegendItem {
  /** CSS hex colour, `#rgb` or `#rrggbb`. */
  color: string;
  /** Legend label. */
  label: string;
}

/** A map snapshot (e.g. from `map.getCanvas().toDataURL('image/png')`). */
export interface DossierMapImage {
  /** `data:image/png;base64,…` */
  pngDataUrl: string;
  /** Width of the image in pixels. */
  widthPx: number;
  /** Height of the image in pixels. */
  heightPx: number;
  /** Ground metres per image pixel at the centre of the snapshot (for the scale bar). */
  metresPerPixel: number;
  /**
   * Clockwise map rotation in degrees (MapLibre `getBearing()`); the north arrow is rotated by
   * its negative. Default 0 (north up).
   */
  bearingDeg?: number;
  /** Legend of the snapshot; `DossierInput.legend` takes precedence when both are given. */
  legend?: DossierLegendItem[];
}

/** Everything the dossier shows. Pure data: no DOM, no map objects. */
export interface DossierInput {
  /** Language of the dossier's labels. */
  lang: DossierLang;
  /** Site name, with Vietnamese diacritics, e.g. "Cụm công nghiệp Quảng Chu". */
  title: string;
  /** e.g. "Cụm công nghiệp · Đang hoạt động · Chợ Mới". */
  subtitle: string;
  /** Site facts (area, status, occupancy, decision, sectors, commune…). */
  facts: DossierRow[];
  /** Distances to infrastructure, materials, deposits, roads. */
  distances: DossierDistance[];
  /** Catchment figures (population, labour within R…). */
  catchment?: DossierRow[];
  /** Suitability score and its breakdown. */
  score?: DossierScore;
  /** Data sources, with accuracy. */
  sources: DossierSource[];
  /**
   * Credits and licences of the bundled data the dossier draws on, one per source, e.g.
   * "Ranh giới: gis.chinhphu.vn qua daohoangson/dvhcvn (GPL-3.0)"; printed after the sources.
   */
  credits?: string[];
  /** Map snapshot with scale bar, north arrow and legend. */
  mapImage?: DossierMapImage;
  /** Compact legend of the map snapshot. */
  legend?: DossierLegendItem[];
  /** Link back to the site in the app; printed and drawn as a QR code. */
  shareUrl: string;
  /** ISO date or date-time of generation (passed in so that output is deterministic). */
  generatedAt: string;
  /** "Data as of" text, e.g. "2025-07-01". */
  dataAsOf: string;
}

/** TTF bytes of the dossier font. */
export interface DossierFontBytes {
  /** Regular weight TTF (must cover Vietnamese). */
  regular: Uint8Array;
  /** Bold/semibold TTF for headings; the regular font is used if absent. */
  bold?: Uint8Array;
}

/** Options of `buildDossierPdf`. */
export interface DossierPdfOptions {
  /** Font bytes; when absent, `loadDossierFont()` fetches the bundled font (browser path). */
  fontBytes?: DossierFontBytes;
}
