/**
 * The issue reported when an import is cancelled. Its own module (no proj4, no turf) so the page's
 * importer state can use it without pulling the import checks into the initial bundle.
 */
import type { Issue } from './types.ts';

/** The issue reported when `signal` aborts an import. */
export function abortIssue(): Issue {
  return { severity: 'error', code: 'aborted', message: 'The import was cancelled.' };
}
