/**
 * Credits of the bundled data, from the manifest's per-layer `attribution`: one list for the map's
 * attribution control, the About panel, the site dossier and every export. Pure (no DOM): the
 * texts come from the data package and are plain text; callers render them as text.
 */
import { NO_LICENCE, type Attribution, type LayerId, type Manifest } from './schema.ts';

export type CreditLang = 'vi' | 'en';

/** One credit in one language. */
export interface Credit {
  text: string;
  /** SPDX id, or {@link NO_LICENCE}. */
  license: string;
  url?: string;
}

/** A licence id for people: "no licence stated" for {@link NO_LICENCE}, else the SPDX id itself. */
export function licenceLabel(license: string, lang: CreditLang): string {
  if (license === NO_LICENCE) return lang === 'vi' ? 'không ghi giấy phép' : 'no licence stated';
  return license;
}

/** Only http(s) links are kept (a data package is input, not code). */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/u.test(url) ? url : undefined;
}

/**
 * The credits of `layers` (all manifest layers when omitted), de-duplicated by text and licence, in
 * manifest layer order. A layer from a package without `attribution` is credited by its title and
 * its `licence` text.
 */
export function creditsOf(manifest: Manifest | null | undefined, lang: CreditLang, layers?: readonly LayerId[]): Credit[] {
  if (!manifest) return [];
  const want = layers ? new Set<string>(layers) : null;
  const out: Credit[] = [];
  const seen = new Set<string>();
  for (const l of manifest.layers) {
    if (want && !want.has(l.id)) continue;
    const list: Attribution[] = l.attribution?.length
      ? l.attribution
      : [{ text_vi: l.title_vi, text_en: l.title_en, license: l.licence }];
    for (const a of list) {
      const text = lang === 'vi' ? a.text_vi : a.text_en;
      const key = `${text}\u0000${a.license}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const url = safeUrl(a.url);
      out.push(url ? { text, license: a.license, url } : { text, license: a.license });
    }
  }
  return out;
}

/** "text (licence)" for one credit. */
export function creditText(c: Credit, lang: CreditLang): string {
  return `${c.text} (${licenceLabel(c.license, lang)})`;
}

/** All credits on one line: "text (licence); text (licence)". */
export function creditLine(credits: readonly Credit[], lang: CreditLang): string {
  return credits.map((c) => creditText(c, lang)).join('; ');
}

/** Distinct licence ids of the credits, in order. */
export function licencesOf(credits: readonly Credit[]): string[] {
  return [...new Set(credits.map((c) => c.license))];
}

/**
 * The credits of `layer` that apply to one feature: those whose source URL starts one of the
 * feature's cited sources (e.g. the 110 kV traces for a traced substation).
 */
export function featureCredits(manifest: Manifest | null | undefined, lang: CreditLang, layer: LayerId, sources: readonly string[]): Credit[] {
  return creditsOf(manifest, lang, [layer]).filter((c) => c.url && sources.some((s) => s === c.url || s.startsWith(`${c.url}/`)));
}
