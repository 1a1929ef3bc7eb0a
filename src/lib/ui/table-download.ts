/**
 * The analysis table's and the distance view's export buttons: the analysis worker writes the file
 * of the shown rows from its full rows (ui/table-export.ts, workers/table-export-jobs.ts) and the
 * page gathers the text a piece at a time, so it never holds a full row.
 */
import type { AppState } from '../state/app-state.svelte.ts';
import type { SiteRow } from '../analysis/site-row.ts';
import { exportCredits } from '../data/export/credits.ts';
import { downloadBlob } from './download.ts';
import { blobOfAsyncChunks, EXPORT_PART_ROWS } from './table-export.ts';
import { fill } from './site-metrics.ts';
import { formatNumber } from '../i18n/index.ts';

/**
 * Writes the CSV or GeoJSON of `rows` (the page's rows, in the order shown) and downloads it: the
 * analysis worker writes the text from its full rows (workers/table-export-jobs.ts); `progress`
 * hears the rows written so far after each piece (the worker may analyse full rows again for it:
 * tens of seconds for 50 000 sites).
 */
export async function downloadTable(app: AppState, rows: readonly SiteRow[], format: 'csv' | 'geojson', progress?: (done: number, total: number) => void): Promise<void> {
  const credits = exportCredits(app.manifest, app.lang);
  const chunks = app.analysisState.exportChunks(rows, format, credits, progress);
  const blob = await blobOfAsyncChunks(chunks, format === 'csv' ? 'text/csv' : 'application/geo+json');
  downloadBlob(format === 'csv' ? 'sites-analysis.csv' : 'sites-analysis.geojson', blob);
}

/**
 * What an export's status line says: "Preparing…" and, beyond one part, the sites written so far
 * of all (`done`: the last progress heard, null before any).
 */
export function exportBusyText(app: AppState, done: { n: number; of: number } | null): string {
  return app.t('export.preparing') + (done && done.of > EXPORT_PART_ROWS
    ? ' ' + fill(app.t('export.progress'), { n: formatNumber(app.lang, done.n, 0), of: formatNumber(app.lang, done.of, 0) })
    : '');
}
