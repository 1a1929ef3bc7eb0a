/**
 * The source resolution's targets (Bắc Kạn Party resolution on industrial development 2021–2025,
 * orientation to 2030, section I.2) set against the figures reported since, with a status per
 * target computed from those figures by pure functions.
 *
 * Pure data + logic: no Svelte, MapLibre or DOM. Every string is bilingual ({ vi, en }).
 * Figures come from `shared/data/facts.md` §5 and §1b; each carries its source URL(s) and year.
 *
 * Honesty rules the functions follow (and the tests pin):
 * - a target is only judged on its own measure (industrial value added / GRDP share of industry
 *   alone); other measures (gross output, production index, industry + construction) are shown
 *   as context and can never make a target "met";
 * - estimates (basis 'estimate') never decide a status;
 * - the industry + construction share is an upper bound on the industry-alone share, so it can
 *   prove a share target missed (if below the target) but never met.
 */

import { numberFormat } from '../i18n/number-format.ts';

export type Lang = 'vi' | 'en';
/** A string in both UI languages. */
export interface Text { vi: string; en: string }

/** A public web page a figure comes from. `date` is the page's date as far as known (ISO prefix). */
export interface Source { url: string; publisher: string; date?: string }

/**
 * What a figure measures. All growth figures are year-on-year %, at constant 2010 prices where
 * the source says so; shares are % of GRDP.
 * - `industry-va-growth`: industrial value added (giá trị tăng thêm), i.e. industry's part of
 *   GRDP — the measure the growth target is set in.
 * - `industry-output-growth`: industrial gross output (giá trị sản xuất) — not GRDP.
 * - `industry-iip-growth`: index of industrial production (chỉ số sản xuất công nghiệp, IIP).
 * - `ic-va-growth`: value added of industry AND construction combined.
 * - `industry-share`: industry alone, % of GRDP — the measure of the share targets.
 * - `ic-share`: industry AND construction combined, % of GRDP.
 * - `industry-revenue-growth`: state budget revenue from industry, growth %.
 */
export type Measure =
  | 'industry-va-growth'
  | 'industry-output-growth'
  | 'industry-iip-growth'
  | 'ic-va-growth'
  | 'industry-share'
  | 'ic-share'
  | 'industry-revenue-growth';

/** 'reported' = published by a source; 'estimate' = derived by us from published numbers. */
export type Basis = 'reported' | 'estimate';

/** One sourced number, in percent. */
export interface Figure {
  id: string;
  measure: Measure;
  basis: Basis;
  /** Calendar year the figure is about (for part-years, the year the part belongs to). */
  year: number;
  /** The period in words: "2024", "10 months of 2022", "Q1 2025", "2016–2020 average". */
  period: Text;
  /** True when the period is a whole calendar year (part-year growth is not annual growth). */
  fullYear: boolean;
  /** Value in percent (13.38 means 13.38 %). */
  value: number;
  /** Fraction digits as published (17.70 → 2), so formatting keeps the source's precision. */
  decimals: number;
  note?: Text;
  sources: Source[];
}

// ---------------------------------------------------------------------------------------------
// Sources

const SRC = {
  resolution: {
    url: 'https://sokhdt.backan.gov.vn/Pages/tin-tuc-hoat-dong-213/tin-tuc-hoat-dong-cua-so-225/nghi-quyet-phat-trien-cong-nghiep-tinh-27b6cddfedc9d592.aspx',
    publisher: 'Sở Kế hoạch và Đầu tư Bắc Kạn',
    date: '2021-09-27',
  },
  industry10m2022: {
    url: 'https://baobackan.com.vn/linh-vuc-cong-nghiep-phat-trien-kha-post1524.html',
    publisher: 'Báo Bắc Kạn',
    date: '2022',
  },
  industry2024: {
    url: 'https://baobackan.vn/cong-nghiep-bac-kan-but-pha-post68856.html',
    publisher: 'Báo Bắc Kạn',
    date: '2025-01',
  },
  q1of2025: {
    url: 'https://backan.gov.vn/pages/bac-kan-dat-toc-do-tang-truong-kinh-te-an-tuong-tr-5bfa.aspx',
    publisher: 'Cổng TTĐT tỉnh Bắc Kạn',
    date: '2025',
  },
  twoDigits2025: {
    url: 'https://baobackan.vn/bac-kan-phan-dau-tang-truong-cong-nghiep-dat-hai-con-so-post70526.html',
    publisher: 'Báo Bắc Kạn',
    date: '2025',
  },
  grdpSeries: {
    url: 'https://backan.gov.vn:443/pages/grdp-tang-truong-lien-tuc-va-kha-on-dinh-9585.aspx',
    publisher: 'Cổng TTĐT tỉnh Bắc Kạn',
  },
  economy2023: {
    url: 'https://baobackan.com.vn/nhieu-no-luc-trong-phat-trien-kinh-te-xa-hoi-post59427.html',
    publisher: 'Báo Bắc Kạn',
    date: '2023',
  },
  grdp2021early: {
    url: 'https://baobackan.vn/tang-truong-kinh-te-grdp-nam-2021-cua-tinh-uoc-dat-373-post2305.html',
    publisher: 'Báo Bắc Kạn',
  },
  clusterPlan: {
    url: 'https://backan.gov.vn/Pages/dau-tu-phat-trien-cum-cong-nghiep-b5f3.aspx',
    publisher: 'Cổng TTĐT tỉnh Bắc Kạn',
    date: '2022-06',
  },
  industryNov2023: {
    url: 'https://baobackan.com.vn/bac-kan-thu-hut-nguon-luc-phat-trien-cong-nghiep-tieu-thu-cong-nghiep-post58153.html',
    publisher: 'Báo Bắc Kạn',
    date: '2023-11',
  },
  quangChu2025: {
    url: 'https://vtcnews.vn/khoi-cong-nha-may-giay-hoa-an-phuoc-tai-thai-nguyen-ar971131.html',
    publisher: 'VTC News',
    date: '2025-10-14',
  },
  camGiang: {
    url: 'https://backan.gov.vn/pages/thanh-lap-thanh-lap-cum-cong-nghiep-cam-giang-huye-cff6.aspx',
    publisher: 'Cổng TTĐT tỉnh Bắc Kạn',
    date: '2020',
  },
  thanhThinh: {
    url: 'https://backan.gov.vn/Pages/thanh-lap-cum-cong-nghiep-thanh-thinh-huyen-cho-mo-ce42.aspx',
    publisher: 'Cổng TTĐT tỉnh Bắc Kạn',
    date: '2022',
  },
  vangMuoi: {
    url: 'https://backan.gov.vn/Pages/tinh-bac-kan-thanh-lap-cum-cong-nghiep-vang-muoi-bba5.aspx',
    publisher: 'Cổng TTĐT tỉnh Bắc Kạn',
    date: '2021',
  },
  newClusters2021: {
    url: 'https://backan.gov.vn/Pages/bac-kan-thanh-lap-moi-cac-cum-cong-nghiep-fd7c.aspx',
    publisher: 'Cổng TTĐT tỉnh Bắc Kạn',
    date: '2021-10-13',
  },
  thanhBinhPark: {
    url: 'https://baomoi.net.vn/bac-kan-vuc-day-khu-cong-nghiep-thanh-binh-c42173993.epi',
    publisher: 'Báo Mới',
  },
} satisfies Record<string, Source>;

/** The resolution itself (the target statements), as published online. */
export const RESOLUTION_SOURCE: Source = SRC.resolution;

// ---------------------------------------------------------------------------------------------
// Figures

const yr = (y: number): Text => ({ vi: String(y), en: String(y) });

/**
 * Inputs of the industry-alone share estimate (2024): industrial value added 642 bn VND (2010
 * prices) over GRDP 2024 ≈ GRDP 2023 (8,840 bn VND, 2010 prices) × (1 + 6.35 %).
 */
export interface ShareEstimateInputs { industryVaBnVnd2024: number; grdpBnVnd2023: number; grdpGrowthPct2024: number }
export const SHARE_ESTIMATE_INPUTS: Readonly<ShareEstimateInputs> = Object.freeze({
  industryVaBnVnd2024: 642,
  grdpBnVnd2023: 8840,
  grdpGrowthPct2024: 6.35,
});

/**
 * Industry's share of GRDP in 2024, in %, estimated from the inputs above. A rough figure:
 * both numbers are at constant 2010 prices, whereas official structure shares are normally at
 * current prices; and GRDP 2024 is itself extrapolated. ≈ 6.83.
 */
export function estimateIndustryShare2024(inputs: Readonly<ShareEstimateInputs> = SHARE_ESTIMATE_INPUTS): number {
  const grdp2024 = inputs.grdpBnVnd2023 * (1 + inputs.grdpGrowthPct2024 / 100);
  return (inputs.industryVaBnVnd2024 / grdp2024) * 100;
}

/** Every figure the panel shows, reported or estimated. Frozen. */
export const FIGURES: readonly Figure[] = deepFreeze([
  // Industry growth -------------------------------------------------------------------------
  {
    id: 'output-growth-2016-2020', measure: 'industry-output-growth', basis: 'reported', year: 2020,
    period: { vi: 'bình quân 2016–2020', en: '2016–2020 average' }, fullYear: true, value: 11.93, decimals: 2,
    note: {
      vi: 'Mức nền nêu trong chính Nghị quyết, ghi là “tốc độ tăng trưởng công nghiệp” mà không nói là theo giá trị sản xuất; chỉ để tham khảo.',
      en: 'The baseline stated in the resolution itself, as “industrial growth rate” without saying it is gross output; context only.',
    },
    sources: [SRC.resolution],
  },
  {
    id: 'output-growth-2022-10m', measure: 'industry-output-growth', basis: 'reported', year: 2022,
    period: { vi: '10 tháng năm 2022', en: '10 months of 2022' }, fullYear: false, value: 8.2, decimals: 1,
    note: { vi: 'So với cùng kỳ 2021; chỉ 10 tháng.', en: 'Against the same months of 2021; 10 months only.' },
    sources: [SRC.industry10m2022],
  },
  {
    id: 'output-growth-2024', measure: 'industry-output-growth', basis: 'reported', year: 2024,
    period: yr(2024), fullYear: true, value: 13.38, decimals: 2,
    note: {
      vi: 'Giá trị sản xuất 2.023,72 tỷ đồng (giá so sánh 2010), vượt 6,51 % kế hoạch năm.',
      en: 'Gross output 2,023.72 bn VND (2010 prices), 6.51% above the year’s plan.',
    },
    sources: [SRC.industry2024],
  },
  {
    id: 'output-growth-2024-alt', measure: 'industry-output-growth', basis: 'reported', year: 2024,
    period: yr(2024), fullYear: true, value: 8, decimals: 0,
    note: {
      vi: 'Một bài khác của cùng báo (2025) viết giá trị sản xuất 2024 “khoảng 4.800 tỷ đồng, tăng khoảng 8 %”, không nêu loại giá — mâu thuẫn với con số 13,38 %.',
      en: 'Another article in the same paper (2025) gives 2024 gross output as “about 4,800 bn VND, up about 8%”, price basis not stated — at odds with the 13.38% figure.',
    },
    sources: [SRC.twoDigits2025],
  },
  {
    id: 'output-growth-2025-q1', measure: 'industry-output-growth', basis: 'reported', year: 2025,
    period: { vi: 'quý I/2025', en: 'Q1 2025' }, fullYear: false, value: 28.12, decimals: 2,
    note: { vi: 'So với cùng kỳ; chỉ một quý.', en: 'Against Q1 2024; one quarter only.' },
    sources: [SRC.q1of2025],
  },
  {
    id: 'iip-growth-2024', measure: 'industry-iip-growth', basis: 'reported', year: 2024,
    period: yr(2024), fullYear: true, value: 11.73, decimals: 2,
    sources: [SRC.industry2024],
  },
  {
    id: 'iip-growth-2025-q1', measure: 'industry-iip-growth', basis: 'reported', year: 2025,
    period: { vi: 'quý I/2025', en: 'Q1 2025' }, fullYear: false, value: 22.2, decimals: 1,
    note: { vi: 'Khai khoáng +17,8 %, chế biến chế tạo +31,83 %.', en: 'Mining +17.8%, manufacturing +31.83%.' },
    sources: [SRC.q1of2025, SRC.twoDigits2025],
  },
  {
    id: 'industry-va-growth-2024', measure: 'industry-va-growth', basis: 'reported', year: 2024,
    period: yr(2024), fullYear: true, value: 11.03, decimals: 2,
    note: { vi: 'Giá trị tăng thêm ngành công nghiệp ước 642 tỷ đồng (giá so sánh 2010).', en: 'Industrial value added about 642 bn VND (2010 prices).' },
    sources: [SRC.industry2024],
  },
  ...([[2021, 7.32], [2022, 6.61], [2023, 9.16], [2024, 9.6]] as const).map(([year, value]): Figure => ({
    id: `ic-va-growth-${year}`, measure: 'ic-va-growth', basis: 'reported', year,
    period: yr(year), fullYear: true, value, decimals: 2,
    note: year === 2021
      ? { vi: 'Ước tính sớm (đầu 2022) là +5,26 %.', en: 'An early estimate (early 2022) said +5.26%.' }
      : year === 2023
        ? { vi: 'Ước tính cuối 2023 là +9,9 %.', en: 'A late-2023 estimate said +9.9%.' }
        : undefined,
    sources: year === 2021 ? [SRC.grdpSeries, SRC.grdp2021early] : year === 2023 ? [SRC.grdpSeries, SRC.economy2023] : [SRC.grdpSeries],
  })),
  // Shares ----------------------------------------------------------------------------------
  ...([[2021, 15.71], [2022, 16.04], [2023, 16.37], [2024, 17.7]] as const).map(([year, value]): Figure => ({
    id: `ic-share-${year}`, measure: 'ic-share', basis: 'reported', year,
    period: yr(year), fullYear: true, value, decimals: 2,
    sources: [SRC.grdpSeries],
  })),
  {
    id: 'industry-share-2024-estimate', measure: 'industry-share', basis: 'estimate', year: 2024,
    period: yr(2024), fullYear: true, value: estimateIndustryShare2024(), decimals: 1,
    note: {
      vi: 'Ước tính của nhóm dự án, không phải số liệu chính thức: 642 tỷ đồng giá trị tăng thêm công nghiệp ÷ GRDP ≈ 9.400 tỷ đồng (8.840 tỷ năm 2023 × 1,0635), đều theo giá so sánh 2010; cơ cấu chính thức thường tính theo giá hiện hành.',
      en: 'Our estimate, not an official figure: 642 bn VND industrial value added ÷ GRDP ≈ 9,400 bn VND (8,840 bn for 2023 × 1.0635), both at 2010 prices; official structure shares are normally at current prices.',
    },
    sources: [SRC.industry2024, SRC.economy2023, SRC.grdpSeries],
  },
] satisfies Figure[]);

// ---------------------------------------------------------------------------------------------
// Targets

export type TargetId = 'industry-growth-2025' | 'industry-share-2025' | 'industry-revenue-2025' | 'clusters-2025' | 'industry-share-2030';

interface TargetBase {
  id: TargetId;
  /** Clause of the resolution: "I.2.1" (to 2025) or "I.2.2" (orientation to 2030). */
  clause: 'I.2.1' | 'I.2.2';
  title: Text;
  /** The target as the resolution states it (paraphrased). */
  statement: Text;
  /** Last calendar year of the target period. */
  endYear: number;
}
/** A target on one measure: value > min (or within [min, max]) each year / on average / in endYear. */
export interface MeasureTarget extends TargetBase {
  kind: 'average-growth' | 'share';
  measure: Measure;
  startYear: number;
  /** Lower bound, %. Exclusive when `exclusive` (the "> 13 %" of the text). */
  min: number;
  exclusive: boolean;
  /** Upper end of a band ("8–10 %"); exceeding it is more than planned, not a miss. */
  max?: number;
  /** Related measures shown as context; they never decide the status. */
  context: Measure[];
}
export interface ClusterTarget extends TargetBase {
  kind: 'clusters';
  /** Minimum number of clusters with finished technical infrastructure. */
  minClusters: number;
  /** Occupancy each must exceed, %. */
  minOccupancyPct: number;
}
export type Target = MeasureTarget | ClusterTarget;

export const TARGETS: readonly Target[] = deepFreeze([
  {
    id: 'industry-growth-2025', clause: 'I.2.1', kind: 'average-growth', measure: 'industry-va-growth',
    startYear: 2021, endYear: 2025, min: 13, exclusive: true,
    context: ['industry-output-growth', 'industry-iip-growth', 'ic-va-growth'],
    title: { vi: 'Tăng trưởng GRDP công nghiệp', en: 'Industrial GRDP growth' },
    statement: {
      vi: 'GRDP khu vực công nghiệp tăng bình quân trên 13 %/năm giai đoạn 2021–2025.',
      en: 'Industrial GRDP to grow by more than 13% a year on average over 2021–2025.',
    },
  },
  {
    id: 'industry-share-2025', clause: 'I.2.1', kind: 'share', measure: 'industry-share',
    startYear: 2025, endYear: 2025, min: 8, max: 10, exclusive: false, context: ['ic-share'],
    title: { vi: 'Tỷ trọng công nghiệp năm 2025', en: 'Industry’s share of the economy, 2025' },
    statement: {
      vi: 'Khu vực công nghiệp chiếm 8–10 % cơ cấu kinh tế của tỉnh vào năm 2025.',
      en: 'Industry to make up 8–10% of the province’s economy by 2025.',
    },
  },
  {
    id: 'industry-revenue-2025', clause: 'I.2.1', kind: 'average-growth', measure: 'industry-revenue-growth',
    startYear: 2021, endYear: 2025, min: 10, exclusive: false, context: [],
    title: { vi: 'Thu ngân sách từ công nghiệp', en: 'Budget revenue from industry' },
    statement: {
      vi: 'Thu ngân sách từ khu vực công nghiệp tăng bình quân 10 %/năm giai đoạn 2021–2025.',
      en: 'State budget revenue from industry to grow by 10% a year on average over 2021–2025.',
    },
  },
  {
    id: 'clusters-2025', clause: 'I.2.1', kind: 'clusters', endYear: 2025, minClusters: 4, minOccupancyPct: 60,
    title: { vi: 'Hạ tầng và lấp đầy cụm công nghiệp', en: 'Industrial clusters built and filled' },
    statement: {
      vi: 'Hoàn thiện hạ tầng kỹ thuật tối thiểu 4 cụm công nghiệp (vốn ngân sách và xã hội hóa), các cụm đã đầu tư hạ tầng đạt tỷ lệ lấp đầy trên 60 %.',
      en: 'Finish the technical infrastructure of at least 4 industrial clusters (state and private capital), each with more than 60% occupancy.',
    },
  },
  {
    id: 'industry-share-2030', clause: 'I.2.2', kind: 'share', measure: 'industry-share',
    startYear: 2030, endYear: 2030, min: 15, exclusive: true, context: ['ic-share'],
    title: { vi: 'Tỷ trọng công nghiệp năm 2030', en: 'Industry’s share of GRDP, 2030' },
    statement: {
      vi: 'Phấn đấu đến năm 2030 tỷ trọng công nghiệp trong GRDP của tỉnh đạt trên 15 %.',
      en: 'Industry to exceed 15% of the province’s GRDP by 2030.',
    },
  },
] satisfies Target[]);

// ---------------------------------------------------------------------------------------------
// Clusters

export type Infrastructure = 'complete' | 'in-progress' | 'unknown';

/** A site's standing against the cluster target, as of its latest report. */
export interface ClusterRecord {
  /** Name as the sources and the map use it (Vietnamese); passed to `onSelectSite`. */
  name: string;
  kind: 'cluster' | 'park';
  infrastructure: Infrastructure;
  /** Occupancy (tỷ lệ lấp đầy), %; null when no figure was reported. */
  occupancyPct: number | null;
  /** Date of the latest report used, ISO prefix. */
  asOf: string;
  evidence: Text;
  sources: Source[];
}

export const CLUSTERS: readonly ClusterRecord[] = deepFreeze([
  {
    name: 'CCN Huyền Tụng', kind: 'cluster', infrastructure: 'complete', occupancyPct: 100, asOf: '2025-01',
    evidence: {
      vi: 'Hạ tầng vốn ngân sách, cơ bản hoàn thành năm 2023; lấp đầy 100 % bởi một nhà máy giày, dép, đế giày xuất khẩu (xây dựng trên 90 % vào quý I/2025).',
      en: 'State-funded infrastructure, basically finished in 2023; 100% filled by one export shoe, sandal and sole factory (over 90% built by Q1 2025).',
    },
    sources: [SRC.industry2024, SRC.q1of2025, SRC.clusterPlan],
  },
  {
    name: 'CCN Quảng Chu', kind: 'cluster', infrastructure: 'complete', occupancyPct: null, asOf: '2025-10',
    evidence: {
      vi: '74,4 ha. Tháng 10/2025 hạ tầng được mô tả là đã hoàn thiện; nhà đầu tư thứ phát (nhà máy giấy Hòa An Phước) khởi công 11/10/2025. Chưa có số liệu tỷ lệ lấp đầy.',
      en: '74.4 ha. In Oct 2025 its infrastructure is described as finished; the first tenant (Hòa An Phước paper mill) broke ground on 11 Oct 2025. No occupancy figure reported.',
    },
    sources: [SRC.quangChu2025, SRC.industryNov2023],
  },
  {
    name: 'CCN Cẩm Giàng', kind: 'cluster', infrastructure: 'in-progress', occupancyPct: null, asOf: '2023-11',
    evidence: {
      vi: 'Thành lập 10/2020 (40 ha). Tháng 11/2023 đang giải phóng mặt bằng hoặc chuẩn bị xây dựng; không thấy báo cáo nào sau đó về hoàn thành hay nhà đầu tư thứ phát.',
      en: 'Established Oct 2020 (40 ha). In Nov 2023 in land clearance or preparing construction; no later report of completion or tenants found.',
    },
    sources: [SRC.camGiang, SRC.industryNov2023],
  },
  {
    name: 'CCN Thanh Thịnh', kind: 'cluster', infrastructure: 'in-progress', occupancyPct: null, asOf: '2023-11',
    evidence: {
      vi: 'Thành lập 11/2022 (50 ha), dự kiến xây dựng quý I/2023 – quý I/2024. Tháng 11/2023 chưa hoàn thành; không thấy báo cáo hoàn thành hay nhà đầu tư thứ phát.',
      en: 'Established Nov 2022 (50 ha), construction planned Q1 2023 – Q1 2024. Not finished in Nov 2023; no report of completion or tenants found.',
    },
    sources: [SRC.thanhThinh, SRC.industryNov2023],
  },
  {
    name: 'CCN Vằng Mười', kind: 'cluster', infrastructure: 'in-progress', occupancyPct: null, asOf: '2023-11',
    evidence: {
      vi: 'Thành lập 9/2021 (15 ha), xây dựng 2022–2025 bằng vốn ngân sách; không thấy báo cáo nhà đầu tư thứ phát đến tháng 1/2025.',
      en: 'Established Sep 2021 (15 ha), state-funded construction 2022–2025; no tenants reported up to Jan 2025.',
    },
    sources: [SRC.vangMuoi, SRC.industryNov2023, SRC.industry2024],
  },
  {
    name: 'CCN Nam Bằng Lũng', kind: 'cluster', infrastructure: 'in-progress', occupancyPct: null, asOf: '2023-11',
    evidence: {
      vi: 'Thành lập 10/2021 (20 ha), hạ tầng vốn ngân sách đang đầu tư; không thấy báo cáo nhà đầu tư thứ phát đến tháng 1/2025.',
      en: 'Established Oct 2021 (20 ha), state-funded infrastructure under way; no tenants reported up to Jan 2025.',
    },
    sources: [SRC.newClusters2021, SRC.industryNov2023, SRC.industry2024],
  },
  {
    name: 'CCN Chu Hương', kind: 'cluster', infrastructure: 'unknown', occupancyPct: null, asOf: '2021-10',
    evidence: {
      vi: 'Thành lập 10/2021; không có trong danh sách 6 cụm đã thành lập (11/2023) — chưa rõ. Không tìm thấy báo cáo về hạ tầng hay lấp đầy.',
      en: 'Established Oct 2021; missing from the Nov 2023 list of 6 established clusters (unresolved). No report of infrastructure or occupancy found.',
    },
    sources: [SRC.newClusters2021],
  },
  {
    name: 'KCN Thanh Bình (giai đoạn I)', kind: 'park', infrastructure: 'in-progress', occupancyPct: 97, asOf: '2015',
    evidence: {
      vi: 'Khu công nghiệp (KCN), không phải cụm công nghiệp (CCN): không tính vào mục tiêu này. Giai đoạn I lấp đầy 97 % (2015); khoảng 58 tỷ đồng được bố trí giai đoạn 2021–2023 để hoàn thiện phần còn lại của giai đoạn I, dự kiến xong năm 2024 — không thấy báo cáo đã hoàn thành.',
      en: 'An industrial park (KCN), not a cluster (CCN): it does not count toward this target. Phase I 97% occupied (2015); about 58 bn VND was allocated in 2021–2023 to finish the rest of phase I, completion targeted for 2024 — no report of completion found.',
    },
    sources: [SRC.thanhBinhPark, SRC.industryNov2023],
  },
] satisfies ClusterRecord[]);

/** How one site stands against the cluster target: counts, cannot count (as of its report), or unclear. */
export type ClusterStanding = 'counts' | 'does-not-count' | 'unclear';

/**
 * Classify a site: `counts` when it is a cluster with finished infrastructure and occupancy above
 * `minOccupancyPct`; `unclear` when it is a cluster whose infrastructure is unknown, or finished
 * with no occupancy figure; otherwise `does-not-count` (a park, infrastructure still in progress
 * at the latest report, or occupancy reported at or below the threshold).
 */
export function classifyCluster(c: ClusterRecord, minOccupancyPct = 60): ClusterStanding {
  if (c.kind !== 'cluster') return 'does-not-count';
  if (c.infrastructure === 'unknown') return 'unclear';
  if (c.infrastructure === 'in-progress') return 'does-not-count';
  if (c.occupancyPct === null) return 'unclear';
  return c.occupancyPct > minOccupancyPct ? 'counts' : 'does-not-count';
}

// ---------------------------------------------------------------------------------------------
// Assessment

export type Status = 'met' | 'on-track' | 'not-met' | 'unknown';
/**
 * The year the assessment is made in (the figures were compiled in Nov 2026): the 2021–2025 period
 * is over, so nothing in it can be "on track" any more.
 */
export const DATA_YEAR = 2026;
export const STATUSES: readonly Status[] = ['met', 'on-track', 'not-met', 'unknown'];

export interface Assessment {
  target: Target;
  status: Status;
  /** True when the status is our inference from scattered reports, not an official evaluation. */
  inferred: boolean;
  /** Why, one sentence each, in both languages. */
  reasons: Text[];
  /** The figures the reasons rest on (direct measure first, then context). */
  figures: Figure[];
}

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A number in the language's format with exactly `decimals` fraction digits (vi 13,38; en 13.38). */
export function formatNumber(lang: Lang, value: number, decimals = 2): string {
  return numberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A percentage: "13,38 %" (vi, no-break space) or "13.38%" (en). `value` is in percent. */
export function formatPercent(lang: Lang, value: number, decimals = 2): string {
  const n = formatNumber(lang, value, decimals);
  return lang === 'vi' ? `${n}\u00a0%` : `${n}%`;
}

/** Formats `value` % in both languages. */
function pct2(value: number, decimals: number): Text {
  return { vi: formatPercent('vi', value, decimals), en: formatPercent('en', value, decimals) };
}
const pf = (f: Figure): Text => pct2(f.value, f.decimals);

function passes(t: MeasureTarget, v: number): boolean {
  return t.exclusive ? v > t.min : v >= t.min;
}

/**
 * The average annual growth rate other years must reach for a `years`-year compound average
 * above `targetPct`, given the known annual rates (all in %). Returns null when all years are known.
 */
export function requiredAverageForRest(targetPct: number, years: number, knownPct: readonly number[]): number | null {
  const rest = years - knownPct.length;
  if (rest <= 0) return null;
  const need = Math.pow(1 + targetPct / 100, years) / knownPct.reduce((p, g) => p * (1 + g / 100), 1);
  return (Math.pow(need, 1 / rest) - 1) * 100;
}

function measureName(m: Measure): Text {
  return MEASURE_NAMES[m];
}
const lcFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Short measure names for inline lists and chart labels. */
export const MEASURE_SHORT: Record<Measure, Text> = {
  'industry-va-growth': { vi: 'GRDP công nghiệp', en: 'industrial GRDP' },
  'industry-output-growth': { vi: 'giá trị sản xuất', en: 'gross output' },
  'industry-iip-growth': { vi: 'IIP', en: 'IIP' },
  'ic-va-growth': { vi: 'CN + XD (gộp)', en: 'industry + construction' },
  'industry-share': { vi: 'riêng công nghiệp', en: 'industry alone' },
  'ic-share': { vi: 'CN + XD (gộp)', en: 'industry + construction' },
  'industry-revenue-growth': { vi: 'thu ngân sách', en: 'budget revenue' },
};

/** Human names of the measures. */
export const MEASURE_NAMES: Record<Measure, Text> = {
  'industry-va-growth': { vi: 'Tăng trưởng giá trị tăng thêm công nghiệp (GRDP công nghiệp)', en: 'Industrial value added growth (industrial GRDP)' },
  'industry-output-growth': { vi: 'Tăng trưởng giá trị sản xuất công nghiệp (không phải GRDP)', en: 'Industrial gross output growth (not GRDP)' },
  'industry-iip-growth': { vi: 'Chỉ số sản xuất công nghiệp (IIP)', en: 'Index of industrial production (IIP)' },
  'ic-va-growth': { vi: 'Tăng trưởng công nghiệp + xây dựng (gộp)', en: 'Industry + construction growth (combined)' },
  'industry-share': { vi: 'Tỷ trọng riêng công nghiệp trong GRDP', en: 'Industry alone, share of GRDP' },
  'ic-share': { vi: 'Tỷ trọng công nghiệp + xây dựng (gộp) trong GRDP', en: 'Industry + construction (combined), share of GRDP' },
  'industry-revenue-growth': { vi: 'Tăng thu ngân sách từ công nghiệp', en: 'Growth of budget revenue from industry' },
};

/** The figures of the given measures, grouped in the order of `measures`, each group by year. */
function figuresOf(figures: readonly Figure[], measures: readonly Measure[]): Figure[] {
  return figures
    .filter((f) => measures.includes(f.measure))
    .sort((a, b) => measures.indexOf(a.measure) - measures.indexOf(b.measure) || a.year - b.year);
}

function assessAverageGrowth(t: MeasureTarget, figures: readonly Figure[], currentYear: number): Assessment {
  const direct = figuresOf(figures, [t.measure]).filter((f) => f.fullYear && f.year >= t.startYear && f.year <= t.endYear);
  const context = figuresOf(figures, t.context).filter((f) => f.year >= t.startYear && f.year <= t.endYear);
  const reported = direct.filter((f) => f.basis === 'reported');
  const years = t.endYear - t.startYear + 1;
  const reasons: Text[] = [];
  const threshold = pct2(t.min, 0);
  let status: Status = 'unknown';

  if (reported.length === 0) {
    reasons.push({
      vi: `Không tìm thấy số liệu về ${lcFirst(measureName(t.measure).vi)} cho giai đoạn ${t.startYear}–${t.endYear}.`,
      en: `No figure found for ${lcFirst(measureName(t.measure).en)} over ${t.startYear}–${t.endYear}.`,
    });
  } else {
    const byYear = new Map(reported.map((f) => [f.year, f]));
    const known = [...byYear.values()];
    if (known.length === years) {
      const avg = (Math.pow(known.reduce((p, f) => p * (1 + f.value / 100), 1), 1 / years) - 1) * 100;
      status = passes(t, avg) ? 'met' : 'not-met';
      reasons.push({
        vi: `Bình quân ${t.startYear}–${t.endYear}: ${formatPercent('vi', avg)}/năm so với mục tiêu trên ${threshold.vi}.`,
        en: `Average ${t.startYear}–${t.endYear}: ${formatPercent('en', avg)} a year against a target of over ${threshold.en}.`,
      });
    } else {
      const list = { vi: known.map((f) => `${f.period.vi}: ${pf(f).vi}`).join('; '), en: known.map((f) => `${f.period.en}: ${pf(f).en}`).join('; ') };
      reasons.push({
        vi: `Chỉ có số liệu đúng thước đo cho ${known.length}/${years} năm (${list.vi}); không có số bình quân cả giai đoạn.`,
        en: `The right measure is published for only ${known.length} of ${years} years (${list.en}); no period average is published.`,
      });
      const below = known.filter((f) => !passes(t, f.value));
      if (below.length > 0) {
        const need = requiredAverageForRest(t.min, years, known.map((f) => f.value));
        reasons.push({
          vi: `${below.map((f) => f.period.vi).join(', ')} dưới mức ${threshold.vi}; để bình quân vượt ${threshold.vi}, các năm còn lại phải tăng bình quân khoảng ${formatPercent('vi', need ?? 0, 1)}/năm.`,
          en: `${below.map((f) => f.period.en).join(', ')} is below ${threshold.en}; for the average to exceed ${threshold.en} the other years would need about ${formatPercent('en', need ?? 0, 1)} a year.`,
        });
      }
      if (currentYear <= t.endYear && below.length === 0) status = 'on-track';
    }
  }
  const baseline = figuresOf(figures, t.context).filter((f) => f.year < t.startYear);
  for (const f of baseline) {
    reasons.push({
      vi: `Để so sánh: ${lcFirst(measureName(f.measure).vi)}, ${f.period.vi}, là ${pf(f).vi}/năm.`,
      en: `For comparison: ${lcFirst(measureName(f.measure).en)}, ${f.period.en}, was ${pf(f).en} a year.`,
    });
  }
  // Context measures: say what they show and why they do not decide.
  const output = context.filter((f) => f.measure === 'industry-output-growth' && f.fullYear && passes(t, f.value));
  for (const f of output) {
    reasons.push({
      vi: `Giá trị sản xuất công nghiệp ${f.period.vi} tăng ${pf(f).vi}, vượt ${threshold.vi} — nhưng đó là giá trị sản xuất, không phải GRDP (giá trị tăng thêm), nên không dùng để đánh giá mục tiêu.`,
      en: `Industrial gross output rose ${pf(f).en} in ${f.period.en}, above ${threshold.en} — but that is gross output, not GRDP (value added), so it does not decide the target.`,
    });
  }
  const conflicting = context.filter((f) => f.measure === 'industry-output-growth' && f.fullYear && !passes(t, f.value) && output.some((o) => o.year === f.year));
  for (const f of conflicting) {
    reasons.push({
      vi: `Một nguồn khác cho năm ${f.year} chỉ ghi khoảng ${pf(f).vi}: các số liệu chưa thống nhất.`,
      en: `Another source puts ${f.year} at only about ${pf(f).en}: the reports disagree.`,
    });
  }
  const partial = context.filter((f) => !f.fullYear && f.year >= t.startYear);
  if (partial.length > 0) {
    reasons.push({
      vi: `Số liệu một phần năm (${partial.map((f) => `${MEASURE_SHORT[f.measure].vi} ${f.period.vi}: ${pf(f).vi}`).join('; ')}) không phải tăng trưởng cả năm.`,
      en: `Part-year figures (${partial.map((f) => `${MEASURE_SHORT[f.measure].en}, ${f.period.en}: ${pf(f).en}`).join('; ')}) are not annual growth.`,
    });
  }
  const ic = context.filter((f) => f.measure === 'ic-va-growth');
  if (ic.length > 0) {
    const max = Math.max(...ic.map((f) => f.value));
    const span = `${ic[0].year}–${ic[ic.length - 1].year}`;
    const allBelow = !passes(t, max);
    reasons.push({
      vi: `Công nghiệp + xây dựng (gộp) tăng ${ic.map((f) => pf(f).vi).join(', ')} (${span}), năm cao nhất ${formatPercent('vi', max)} — ${allBelow ? `đều dưới ${threshold.vi}` : `có năm vượt ${threshold.vi}`}, nhưng đó là thước đo gộp, không dùng để đánh giá.`,
      en: `Industry + construction (combined) grew ${ic.map((f) => pf(f).en).join(', ')} (${span}), at most ${formatPercent('en', max)} — ${allBelow ? `all below ${threshold.en}` : `above ${threshold.en} in some years`}, but that is the combined measure, so it does not decide the target.`,
    });
  }
  return { target: t, status, inferred: false, reasons, figures: [...direct, ...baseline, ...context] };
}

function assessShare(t: MeasureTarget, figures: readonly Figure[], currentYear: number): Assessment {
  const direct = figuresOf(figures, [t.measure]);
  const context = figuresOf(figures, t.context);
  const reported = direct.filter((f) => f.basis === 'reported');
  const estimates = direct.filter((f) => f.basis === 'estimate');
  const band = t.max === undefined ? { vi: `trên ${formatPercent('vi', t.min, 0)}`, en: `over ${formatPercent('en', t.min, 0)}` }
    : { vi: `${formatNumber('vi', t.min, 0)}–${formatPercent('vi', t.max, 0)}`, en: `${formatNumber('en', t.min, 0)}–${formatPercent('en', t.max, 0)}` };
  const reasons: Text[] = [];
  let status: Status = 'unknown';
  let inferred = false;

  const atEnd = reported.find((f) => f.year === t.endYear);
  const latest = reported[reported.length - 1];
  if (atEnd) {
    status = passes(t, atEnd.value) ? 'met' : 'not-met';
    reasons.push({ vi: `Năm ${t.endYear}: ${pf(atEnd).vi} so với mục tiêu ${band.vi}.`, en: `${t.endYear}: ${pf(atEnd).en} against a target of ${band.en}.` });
  } else if (latest && currentYear <= t.endYear) {
    status = passes(t, latest.value) ? 'on-track' : 'unknown';
    reasons.push({ vi: `Gần nhất (${latest.year}): ${pf(latest).vi}.`, en: `Latest (${latest.year}): ${pf(latest).en}.` });
  } else {
    reasons.push({
      vi: 'Không tìm thấy tỷ trọng chính thức của riêng ngành công nghiệp trong GRDP: các nguồn chỉ công bố tỷ trọng công nghiệp + xây dựng gộp.',
      en: 'No official share of industry alone in GRDP was found: the sources publish only industry and construction combined.',
    });
  }
  // The combined share bounds industry alone from above: below the target it proves a miss.
  const icAtEnd = context.find((f) => f.measure === 'ic-share' && f.year === t.endYear && f.basis === 'reported');
  if (status === 'unknown' && icAtEnd && !passes(t, icAtEnd.value)) {
    status = 'not-met';
    inferred = true;
    reasons.push({
      vi: `Tỷ trọng công nghiệp + xây dựng năm ${t.endYear} chỉ ${pf(icAtEnd).vi}, nên riêng công nghiệp còn thấp hơn.`,
      en: `Industry + construction was only ${pf(icAtEnd).en} in ${t.endYear}, so industry alone was lower still.`,
    });
  }
  const icLatest = context.filter((f) => f.measure === 'ic-share').at(-1);
  if (icLatest && passes(t, icLatest.value)) {
    reasons.push({
      vi: `Công nghiệp + xây dựng (gộp) đạt ${pf(icLatest).vi} năm ${icLatest.year} — cao hơn mục tiêu, nhưng con số này gồm cả xây dựng nên không cho thấy mục tiêu của riêng công nghiệp đã đạt.`,
      en: `Industry + construction (combined) was ${pf(icLatest).en} in ${icLatest.year} — above the target, but it includes construction, so it does not show that industry alone met it.`,
    });
  }
  for (const e of estimates) {
    const rel = passes(t, e.value) ? { vi: 'đạt', en: 'meets' } : { vi: 'thấp hơn', en: 'is below' };
    reasons.push({
      vi: `Ước tính thô của chúng tôi cho riêng công nghiệp năm ${e.year}: khoảng ${pf(e).vi} — ${rel.vi} mục tiêu (${band.vi}). Là ước tính nên không dùng để kết luận.`,
      en: `Our rough estimate for industry alone in ${e.year}: about ${pf(e).en}, which ${rel.en} the target (${band.en}). It is an estimate, so it does not decide the status.`,
    });
  }
  if (t.endYear > 2025) {
    reasons.push({
      vi: 'Từ 1/7/2025 tỉnh Bắc Kạn đã hợp nhất vào tỉnh Thái Nguyên; số liệu riêng cho địa bàn Bắc Kạn cũ đến 2030 có thể sẽ không được công bố.',
      en: 'Since 1 July 2025 Bắc Kạn has been part of Thái Nguyên province; figures for the former Bắc Kạn area up to 2030 may never be published.',
    });
  }
  return { target: t, status, inferred, reasons, figures: [...direct, ...context] };
}

function assessClusters(t: ClusterTarget, clusters: readonly ClusterRecord[], currentYear: number): Assessment {
  const by = (s: ClusterStanding) => clusters.filter((c) => classifyCluster(c, t.minOccupancyPct) === s);
  const counts = by('counts');
  const unclear = by('unclear');
  const names = (cs: ClusterRecord[]) => cs.map((c) => c.name).join(', ');
  const reasons: Text[] = [{
    vi: `${counts.length} cụm được báo cáo đã hoàn thiện hạ tầng và lấp đầy trên ${t.minOccupancyPct} %${counts.length ? ` (${names(counts)})` : ''}; mục tiêu là tối thiểu ${t.minClusters}.`,
    en: `${counts.length} cluster${counts.length === 1 ? ' is' : 's are'} reported with finished infrastructure and over ${t.minOccupancyPct}% occupancy${counts.length ? ` (${names(counts)})` : ''}; the target is at least ${t.minClusters}.`,
  }];
  let status: Status;
  let inferred = false;
  if (counts.length >= t.minClusters) status = 'met';
  else if (counts.length + unclear.length < t.minClusters && currentYear > t.endYear) {
    status = 'not-met';
    inferred = true;
    reasons.push({
      vi: `Kể cả ${unclear.length} cụm chưa rõ (${names(unclear)}) cũng chỉ được ${counts.length + unclear.length}; các cụm khác còn đang đầu tư ở báo cáo gần nhất.`,
      en: `Even counting the ${unclear.length} unclear cluster${unclear.length === 1 ? '' : 's'} (${names(unclear)}) gives only ${counts.length + unclear.length}; the others were still being built at their latest report.`,
    });
    reasons.push({
      vi: 'Đây là suy luận từ các báo cáo gần nhất (11/2023 – 10/2025) và việc không có báo cáo mới hơn, không phải đánh giá chính thức (chưa tìm thấy).',
      en: 'This is inferred from the latest reports (Nov 2023 – Oct 2025) and the absence of later ones, not from an official evaluation (none found).',
    });
  } else {
    status = 'unknown';
    reasons.push({
      vi: `Chưa đủ thông tin: ${unclear.length} cụm chưa rõ tình trạng.`,
      en: `Not enough information: ${unclear.length} clusters have an unclear status.`,
    });
  }
  return { target: t, status, inferred, reasons, figures: [] };
}

/**
 * The status of one target, computed from the figures and cluster records.
 * `currentYear` is the year of the assessment (a period still running can be "on track").
 */
export function assessTarget(
  t: Target,
  figures: readonly Figure[] = FIGURES,
  clusters: readonly ClusterRecord[] = CLUSTERS,
  currentYear = DATA_YEAR,
): Assessment {
  if (t.kind === 'clusters') return assessClusters(t, clusters, currentYear);
  if (t.kind === 'share') return assessShare(t, figures, currentYear);
  return assessAverageGrowth(t, figures, currentYear);
}


/** All targets, assessed. */
export function assessAll(
  figures: readonly Figure[] = FIGURES,
  clusters: readonly ClusterRecord[] = CLUSTERS,
  currentYear = DATA_YEAR,
): Assessment[] {
  return TARGETS.map((t) => assessTarget(t, figures, clusters, currentYear));
}

// ---------------------------------------------------------------------------------------------
// Chart models (pure geometry for the panel's inline SVGs)

export interface Bar { figure: Figure; x: number; y: number; width: number; height: number }

/**
 * Vertical bars of the industry + construction share by year, plus the industry-alone estimate,
 * on a 0–`maxPct` scale, in a `width` × `height` plot area (origin top-left, y down).
 */
export function shareChartModel(figures: readonly Figure[] = FIGURES, width = 300, height = 160, maxPct = 20) {
  const series = figuresOf(figures, ['ic-share']).filter((f) => f.year >= 2021);
  const estimate = figuresOf(figures, ['industry-share']);
  const bars = [...series, ...estimate];
  const slot = width / bars.length;
  const y = (v: number) => height - (Math.min(v, maxPct) / maxPct) * height;
  return {
    bars: bars.map((f, i): Bar => ({ figure: f, x: i * slot + slot * 0.2, y: y(f.value), width: slot * 0.6, height: height - y(f.value) })),
    y,
    ticks: [0, 5, 10, 15, 20].filter((v) => v <= maxPct),
  };
}

/**
 * Horizontal bars of every growth figure 2021–2025 (the right measure and the context ones),
 * on a 0–`maxPct` scale over `width`, one row of `rowHeight` each.
 */
export function growthChartModel(figures: readonly Figure[] = FIGURES, width = 220, rowHeight = 22, maxPct = 30) {
  const order: Measure[] = ['industry-va-growth', 'industry-output-growth', 'industry-iip-growth', 'ic-va-growth'];
  const rows = order.flatMap((m) => figuresOf(figures, [m]).filter((f) => f.year >= 2021));
  const x = (v: number) => (Math.min(v, maxPct) / maxPct) * width;
  return {
    bars: rows.map((f, i): Bar => ({ figure: f, x: 0, y: i * rowHeight + 4, width: x(f.value), height: rowHeight - 8 })),
    x,
    height: rows.length * rowHeight,
    ticks: [0, 10, 20, 30].filter((v) => v <= maxPct),
  };
}

// ---------------------------------------------------------------------------------------------
// UI strings

const vi = {
  heading: 'Mục tiêu của Nghị quyết phát triển công nghiệp',
  intro: 'Các mục tiêu đến 2025 và định hướng 2030 của Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh Bắc Kạn (khóa XII) về phát triển công nghiệp giai đoạn 2021–2025, so với số liệu đã công bố. Tỉnh Bắc Kạn đã hợp nhất vào tỉnh Thái Nguyên từ 1/7/2025.',
  resolutionSource: 'Văn bản Nghị quyết',
  clause: 'Mục',
  target: 'Mục tiêu',
  status: 'Đánh giá',
  'status.met': 'Đạt',
  'status.on-track': 'Đúng hướng',
  'status.not-met': 'Không đạt',
  'status.unknown': 'Chưa rõ',
  inferred: 'suy luận, không phải đánh giá chính thức',
  why: 'Vì sao',
  figures: 'Số liệu',
  measure: 'Thước đo',
  period: 'Kỳ',
  value: 'Giá trị',
  basis: 'Loại',
  'basis.reported': 'Công bố',
  'basis.estimate': 'Ước tính (không chính thức)',
  sources: 'Nguồn',
  undated: 'không rõ ngày',
  combinedWarning: 'Chuỗi số này là công nghiệp + xây dựng gộp, không phải riêng công nghiệp.',
  shareChartTitle: 'Tỷ trọng công nghiệp + xây dựng (gộp) trong GRDP, 2021–2024, và ước tính riêng công nghiệp 2024',
  growthChartTitle: 'Các chỉ số tăng trưởng công nghiệp, 2021–2025, so với mục tiêu trên 13 %/năm',
  targetBand2025: 'mục tiêu 2025: 8–10 % (riêng công nghiệp)',
  targetLine2030: 'mục tiêu 2030: trên 15 % (riêng công nghiệp)',
  targetLine13: 'mục tiêu: trên 13 %/năm (GRDP công nghiệp)',
  estimateLabel: 'ước tính',
  target2025Short: 'Mục tiêu 2025: 8–10 %',
  target2030Short: 'Mục tiêu 2030: trên 15 %',
  industryAloneParen: '(riêng công nghiệp)',
  chartTable: 'Bảng số liệu của biểu đồ',
  clustersHeading: 'Cụm công nghiệp và mục tiêu',
  clusterHint: 'Chọn tên để xem vị trí trên bản đồ.',
  'standing.counts': 'Được tính',
  'standing.does-not-count': 'Không được tính',
  'standing.unclear': 'Chưa rõ',
  occupancy: 'Lấp đầy',
  asOf: 'theo báo cáo',
  infra: 'Hạ tầng',
  'infra.complete': 'hoàn thiện',
  'infra.in-progress': 'đang đầu tư',
  'infra.unknown': 'chưa rõ',
  showOnMap: 'Xem trên bản đồ',
  notReported: 'chưa có số liệu',
};

const en: Record<keyof typeof vi, string> = {
  heading: 'Targets of the industrial development resolution',
  intro: 'The 2025 targets and 2030 orientation of the resolution of the 4th conference of the Bắc Kạn provincial Party Committee (term XII) on industrial development 2021–2025, against the figures published since. Bắc Kạn was merged into Thái Nguyên province on 1 July 2025.',
  resolutionSource: 'The resolution',
  clause: 'Clause',
  target: 'Target',
  status: 'Assessment',
  'status.met': 'Met',
  'status.on-track': 'On track',
  'status.not-met': 'Not met',
  'status.unknown': 'Unknown',
  inferred: 'inferred, not an official evaluation',
  why: 'Why',
  figures: 'Figures',
  measure: 'Measure',
  period: 'Period',
  value: 'Value',
  basis: 'Basis',
  'basis.reported': 'Reported',
  'basis.estimate': 'Estimate (not official)',
  sources: 'Sources',
  undated: 'undated',
  combinedWarning: 'This series is industry and construction combined, not industry alone.',
  shareChartTitle: 'Industry + construction (combined) share of GRDP, 2021–2024, and an estimate for industry alone in 2024',
  growthChartTitle: 'Industrial growth measures, 2021–2025, against the target of over 13% a year',
  targetBand2025: '2025 target: 8–10% (industry alone)',
  targetLine2030: '2030 target: over 15% (industry alone)',
  targetLine13: 'target: over 13% a year (industrial GRDP)',
  estimateLabel: 'estimate',
  target2025Short: '2025 target: 8–10%',
  target2030Short: '2030 target: over 15%',
  industryAloneParen: '(industry alone)',
  chartTable: 'Chart data as a table',
  clustersHeading: 'Clusters and the target',
  clusterHint: 'Select a name to see it on the map.',
  'standing.counts': 'Counts',
  'standing.does-not-count': 'Does not count',
  'standing.unclear': 'Unclear',
  occupancy: 'Occupancy',
  asOf: 'as of',
  infra: 'Infrastructure',
  'infra.complete': 'finished',
  'infra.in-progress': 'being built',
  'infra.unknown': 'unknown',
  showOnMap: 'Show on the map',
  notReported: 'not reported',
};

export type TargetsKey = keyof typeof vi;
/** The panel's own dictionary, Vietnamese and English. */
export const TARGETS_STRINGS: Record<Lang, Record<TargetsKey, string>> = { vi, en };

/** The panel string for `key` in `lang`. */
export function tt(lang: Lang, key: TargetsKey): string {
  return TARGETS_STRINGS[lang][key];
}

// ---------------------------------------------------------------------------------------------

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
