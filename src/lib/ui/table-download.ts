/**
 * The analysis table's and the distance view's export buttons: the full rows of the shown rows are
 * streamed from the analysis worker a part at a time into the file (ui/table-export.ts), so the
 * page never holds them all.
 */
import type { AppState } from '../state/app-state.svelte.ts';
import type { SiteRow } from '../analysis/site-row.ts';
import { exportCredits } from '../data/export/credits.ts';
import { downloadBlob } from './download.ts';
import { streamedCsvBlob, streamedGeoJsonBlob } from './table-export.ts';

/**
 * Writes the CSV or GeoJSON of `rows` (the page's rows, in the order shown) and downloads it;
 * `progress` hears the rows written so far after each part (the worker may analyse full rows
 * again for it: tens of seconds for 50 000 sites).
 */
export async function downloadTable(app: AppState, rows: readonly SiteRow[], format: 'csv' | 'geojson', progress?: (done: number, total: number) => void): Promise<void> {
  let done = 0;
  const full = async (part: readonly SiteRow[]) => {
    const got = await app.analysisState.fullRows(part);
    done += part.length;
    progress?.(done, rows.length);
    return got;
  };
  const credits = exportCredits(app.manifest, app.lang);
  const blob = format === 'csv'
    ? await streamedCsvBlob(rows, full, app.allSites, credits)
    : await streamedGeoJsonBlob(rows, full, app.allSites, credits);
  downloadBlob(format === 'csv' ? 'sites-analysis.csv' : 'sites-analysis.geojson', blob);
}
