/**
 * The bundled data's credits for exports (from the manifest, see `../attribution.ts`), and the
 * same credits added to the CSV/GeoJSON the analysis table and the comparison write themselves.
 * Pure: no DOM.
 */
import Papa from 'papaparse';
import type { FeatureCollection } from 'geojson';
import type { LayerId, Manifest } from '../schema.ts';
import { creditLine, creditsOf, licenceLabel, licencesOf, type CreditLang } from '../attribution.ts';
import { escapeCell } from '../../csv.ts';
import type { ExportCredits } from './index.ts';

/** Credits of `layers` (every bundled layer when omitted) in `lang`; undefined when there are none. */
export function exportCredits(manifest: Manifest | null | undefined, lang: CreditLang, layers?: readonly LayerId[]): ExportCredits | undefined {
  const c = creditsOf(manifest, lang, layers);
  if (!c.length) return undefined;
  return { attribution: creditLine(c, lang), license: licencesOf(c).map((l) => licenceLabel(l, lang)).join('; ') };
}

/** A FeatureCollection with top-level `attribution` and `license` members (RFC 7946 foreign members). */
export function geojsonWithCredits<T extends FeatureCollection>(fc: T, credits: ExportCredits | undefined): T & Partial<ExportCredits> {
  if (!credits) return fc;
  const { type, ...rest } = fc;
  return { type, attribution: credits.attribution, license: credits.license, ...rest } as T & ExportCredits;
}

/** Appends the `data_credit` and `data_licence` columns (same value on every row) to a CSV with a header row. */
export function csvWithCreditColumns(csv: string, credits: ExportCredits | undefined): string {
  if (!credits) return csv;
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  if (!rows.length) return csv;
  const cells = [escapeCell(credits.attribution), escapeCell(credits.license)];
  const out = rows.map((r, i) => [...r, ...(i === 0 ? ['data_credit', 'data_licence'] : cells)]);
  return `${Papa.unparse(out, { newline: '\n' })}\n`;
}

/** Appends two rows `data_credit,,…` and `data_licence,,…` to a CSV whose rows are criteria (the comparison). */
export function csvWithCreditRows(csv: string, credits: ExportCredits | undefined): string {
  if (!credits) return csv;
  const tail = Papa.unparse([['data_credit', '', escapeCell(credits.attribution)], ['data_licence', '', escapeCell(credits.license)]], { newline: '\n' });
  return `${csv.endsWith('\n') ? csv : `${csv}\n`}${tail}\n`;
}
