/** The dossier's own labels, in Vietnamese and English (data values come localised in the input). */
import type { DossierLang } from './types.ts';

/** Keys of the dossier's own labels. */
export interface DossierLabels {
  /** Small caps kicker above the title. */
  kicker: string;
  facts: string;
  distances: string;
  catchment: string;
  score: string;
  scoreTotal: string;
  criterion: string;
  value: string;
  scoreCol: string;
  weight: string;
  points: string;
  sources: string;
  /** Heading of the credits of the bundled data. */
  credits: string;
  accuracy: string;
  map: string;
  scale: string;
  north: string;
  /** Abbreviation of North on the arrow. */
  northLetter: string;
  legend: string;
  generated: string;
  dataAsOf: string;
  link: string;
  page: string;
  scanQr: string;
  methods: string;
  disclaimer: string;
}

/** Label dictionary. */
export const LABELS: Record<DossierLang, DossierLabels> = {
  vi: {
    kicker: 'HỒ SƠ ĐỊA ĐIỂM',
    facts: 'Thông tin chung',
    distances: 'Khoảng cách',
    catchment: 'Vùng phục vụ',
    score: 'Điểm phù hợp',
    scoreTotal: 'Tổng điểm',
    criterion: 'Tiêu chí',
    value: 'Giá trị',
    scoreCol: 'Điểm 0–1',
    weight: 'Trọng số',
    points: 'Điểm',
    sources: 'Nguồn dữ liệu',
    credits: 'Ghi công và giấy phép dữ liệu',
    accuracy: 'Độ chính xác',
    map: 'Bản đồ',
    scale: 'Tỷ lệ',
    north: 'Hướng Bắc',
    northLetter: 'B',
    legend: 'Chú giải',
    generated: 'Ngày lập',
    dataAsOf: 'Dữ liệu cập nhật đến',
    link: 'Xem trên bản đồ',
    page: 'Trang',
    scanQr: 'Quét để mở',
    methods: 'Phương pháp đo',
    disclaimer: 'Tài liệu tham khảo, không thay thế hồ sơ quy hoạch chính thức.',
  },
  en: {
    kicker: 'SITE DOSSIER',
    facts: 'Key facts',
    distances: 'Distances',
    catchment: 'Catchment',
    score: 'Suitability score',
    scoreTotal: 'Total',
    criterion: 'Criterion',
    value: 'Value',
    scoreCol: 'Score 0–1',
    weight: 'Weight',
    points: 'Points',
    sources: 'Sources',
    credits: 'Data credits and licences',
    accuracy: 'Accuracy',
    map: 'Map',
    scale: 'Scale',
    north: 'North',
    northLetter: 'N',
    legend: 'Legend',
    generated: 'Generated',
    dataAsOf: 'Data as of',
    link: 'View on the map',
    page: 'Page',
    scanQr: 'Scan to open',
    methods: 'Measurement methods',
    disclaimer: 'For reference only; does not replace official planning documents.',
  },
};

/**
 * Method notes known to the dossier, by key; a distance's `method` that is one of these keys is
 * printed in the dossier's language, any other text as given.
 */
export const METHOD_NOTES: Record<string, Record<DossierLang, string>> = {
  'straight-line': {
    vi: 'đường chim bay, trắc địa trên ellipsoid WGS84; là cận dưới của khoảng cách đường bộ',
    en: 'straight line, ellipsoidal WGS84; a lower bound of the road distance',
  },
  'straight-line-edge': {
    vi: 'đường chim bay từ ranh giới địa điểm tới điểm gần nhất của đối tượng, WGS84; cận dưới của khoảng cách đường bộ. Khoảng “a–b km (theo xã/huyện)”: trên mọi vị trí thực có thể của địa điểm hoặc đối tượng định vị theo xã/huyện; “sơ đồ”: tuyến sơ đồ, chỉ tham khảo',
    en: 'straight line from the site boundary to the nearest point of the feature, WGS84; a lower bound of the road distance. A range “a–b km (by commune/district)” spans every possible true position of a site or feature placed by commune/district; “schematic”: a schematic line, indicative',
  },
  'road-network': {
    vi: 'theo mạng lưới đường bộ (đường ngắn nhất trên đồ thị đường)',
    en: 'along the road network (shortest path on the road graph)',
  },
  'inside': {
    vi: 'địa điểm nằm trong hoặc giao với đối tượng',
    en: 'the site lies inside or intersects the feature',
  },
};

/**
 * Label set for a language.
 * @param lang `'vi'` or `'en'`.
 */
export function dossierLabels(lang: DossierLang): DossierLabels {
  return LABELS[lang];
}

/**
 * Text of a method note: the translation of a known key, or the text itself.
 * @param method a key of {@link METHOD_NOTES} or free text.
 * @param lang language of the dossier.
 */
export function methodNote(method: string, lang: DossierLang): string {
  return METHOD_NOTES[method]?.[lang] ?? method;
}
