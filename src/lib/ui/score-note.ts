/**
 * The line under a suitability breakdown, in the UI language: how many criteria were counted and
 * whether the weights were shared again over fewer criteria. Built from the breakdown itself (the
 * engine's own `note` is an English log line). Pure.
 */
import type { Suitability } from '../analysis/suitability.ts';
import { translateWith, type Lang } from '../i18n/index.ts';

export function scoreNote(lang: Lang, s: Pick<Suitability, 'breakdown'>): string {
  // The protected-area penalty is not one of the weighted criteria.
  const rows = s.breakdown.filter((b) => b.criterion !== 'protected-area');
  const included = rows.filter((b) => !b.excluded && b.weight > 0).length;
  if (included === 0) return translateWith(lang, 'score.none', {});
  const excluded = rows.length - included;
  return excluded > 0
    ? translateWith(lang, 'score.renormalised', { x: excluded, n: included })
    : translateWith(lang, 'score.allData', { n: included });
}
