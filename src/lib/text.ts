/**
 * Vietnamese text folded to plain ASCII words: diacritics stripped (NFD + combining marks),
 * đ → d, lower case, every run of other characters one space. "Chợ Đồn — Bắc Kạn" → "cho don bac kan".
 * Used by search (diacritic-insensitive matching) and file names (slugs). Pure.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
