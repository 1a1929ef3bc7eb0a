/**
 * The rules that judge the resolution's targets against the figures (see targets.ts for the
 * honesty rules they follow), and the number and percent formats of the targets panel (exactly
 * `decimals` fraction digits, unlike the app's `formatNumber`, which gives at most `digits`).
 * Pure.
 */
import { LOCALES, type Lang } from '../i18n/index.ts';
import { numberFormat } from '../i18n/number-format.ts';
import { CLUSTERS, FIGURES, TARGETS, type ClusterRecord, type ClusterTarget, type Figure, type Measure, type MeasureTarget, type Target, type Text } from './targets.ts';

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


/** A number in the language's format with exactly `decimals` fraction digits (vi 13,38; en 13.38). */
export function formatNumber(lang: Lang, value: number, decimals = 2): string {
  return numberFormat(LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * A source's date as given (ISO prefix: year, year-month or a full date) in the language's format:
 * "2023", "thg 11, 2023" / "Nov 2023", "16 thg 10, 2020" / "16 Oct 2020"; `undated` when absent.
 */
export function formatSourceDate(lang: Lang, d: string | undefined, undated: string): string {
  if (!d) return undated;
  const [y, m, day] = d.split('-').map(Number);
  if (!m) return String(y);
  return new Intl.DateTimeFormat(LOCALES[lang], day ? { day: 'numeric', month: 'short', year: 'numeric' } : { month: 'short', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, day || 1)));
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
export function figuresOf(figures: readonly Figure[], measures: readonly Measure[]): Figure[] {
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
