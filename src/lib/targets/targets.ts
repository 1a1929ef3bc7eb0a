/**
 * The source resolution's targets (Bắc Kạn Party resolution on industrial development 2021–2025,
 * orientation to 2030, section I.2) set against the figures reported since, with a status per
 * target computed from those figures by pure functions.
 *
 * This module holds the figures, the targets and the cluster records (data); the rules are in
 * `assess.ts`, the chart models in `charts.ts` and the panel's dictionary in `strings.ts`
 * (`index.ts` exports all of them).
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

export type { Lang } from '../i18n/index.ts';
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

// ---------------------------------------------------------------------------------------------

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
