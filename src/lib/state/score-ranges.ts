/**
 * The score and rank ranges of the whole set of sites (computed by the analysis worker after the
 * batches, see workers/analysis-session.ts `ranges`) joined to the page's rows. Pure.
 */
import type { SiteRow } from '../analysis/site-row.ts';
import type { SiteAnalysis } from '../analysis/analyze.ts';
import type { ScoreRange } from '../analysis/score-range.ts';
import type { SetRanges } from '../../workers/analysis-session.ts';

/** Where the ranges of the shown set are: being computed, or not computed because the set is too large. */
export type RangeStatus = { state: 'computing' } | { state: 'tooMany'; n: number; limit: number } | null;

/**
 * The rows with their ranges (`uncertainty`), by id; rows the answer does not cover keep theirs.
 * A too-large set leaves the rows as they are and says so in the status.
 */
export function withRanges<R extends Pick<SiteRow, 'id' | 'uncertainty'>>(rows: readonly R[], out: SetRanges): { rows: R[]; status: RangeStatus } {
  if ('tooMany' in out) return { rows: [...rows], status: { state: 'tooMany', n: out.tooMany, limit: out.limit } };
  const byId = new Map(out.ids.map((id, i) => [id, out.ranges[i]]));
  return { rows: rows.map((r) => (byId.has(r.id) ? { ...r, uncertainty: byId.get(r.id)! } : r)), status: null };
}

/**
 * A full row from the worker with the score range the page's row carries (the worker's rows have
 * none): the same key order as {@link withRanges}, and the row itself when they already agree.
 */
export function withRowRange(full: SiteAnalysis, range: ScoreRange | null): SiteAnalysis {
  return full.uncertainty === range ? full : { ...full, uncertainty: range };
}
