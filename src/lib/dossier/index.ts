/**
 * Site dossier generator: one site → one A4 PDF page (more if it spills), in Vietnamese or English.
 *
 * Pure data in, bytes out; no Svelte or MapLibre imports. jsPDF, the QR encoder and the font are
 * loaded lazily inside {@link buildDossierPdf}, so importing this module costs next to nothing.
 *
 * @example
 * const bytes = await buildDossierPdf(input); // browser: font fetched via loadDossierFont()
 * const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
 * Object.assign(document.createElement('a'), { href: url, download: dossierFileName(input.title, input.lang) }).click();
 */
export { buildDossierPdf, PAGE } from './pdf.ts';
export { loadDossierFont, DOSSIER_FONT_REGULAR_PATH, DOSSIER_FONT_BOLD_PATH, type DossierFetch } from './font.ts';
export { dossierFileName, asciiSlug, niceScaleLength, formatLength } from './format.ts';
export { dossierLabels, methodNote, LABELS, METHOD_NOTES, type DossierLabels } from './i18n.ts';
export type * from './types.ts';
