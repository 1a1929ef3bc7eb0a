/**
 * The link a dossier's QR code carries. A share URL with many filters and weights can be longer
 * than a QR code printed 21 mm wide can hold legibly (or at all: version 40 holds 2,331 bytes at
 * level M); then the code carries a short view-only link instead — the selected site, the view and
 * the language — and the full link stays printed and clickable beside it. Pure.
 */

/** Longest text put in the QR code (bytes, ≈ version 20 at level M: still scannable at 21 mm). */
export const QR_MAX_LENGTH = 600;

/** `url` when short enough, else the same page with only `s`, `v` and `lang` kept in the hash, else with only `s` and `lang`, else the bare page. */
export function qrUrl(url: string, max = QR_MAX_LENGTH): string {
  if (url.length <= max) return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.slice(0, max);
  }
  const params = new URLSearchParams(u.hash.replace(/^#/, ''));
  const base = `${u.origin}${u.pathname}`;
  for (const keep of [['s', 'v', 'lang'], ['s', 'lang']]) {
    const p = new URLSearchParams();
    for (const k of keep) {
      const v = params.get(k);
      if (v !== null) p.set(k, v);
    }
    const short = p.size ? `${base}#${p.toString()}` : base;
    if (short.length <= max) return short;
  }
  return base.length <= max ? base : u.origin;
}
