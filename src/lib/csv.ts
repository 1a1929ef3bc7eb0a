/**
 * One CSV cell, safe for spreadsheets: text a spreadsheet would run as a formula (=, +, -, @, tab,
 * CR first) is prefixed with "'" (CSV injection: site names and properties are untrusted), and a
 * cell holding a quote, comma or line break is quoted as RFC 4180 asks. Numbers are written as is.
 */
export function escapeCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A quoted, formula-safe CSV field (see {@link escapeCell}). */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = escapeCell(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
