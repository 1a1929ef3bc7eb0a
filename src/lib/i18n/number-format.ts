/**
 * Cached `Intl.NumberFormat` instances: building one costs far more than formatting with it,
 * and tables format tens of thousands of cells. One instance per (locale, options); the text is
 * identical to a freshly built formatter's. Pure (no DOM).
 */
const cache = new Map<string, Intl.NumberFormat>();

/** The formatter for `locale` and `options`, built once and reused. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  // Key on the options in a fixed key order so { a, b } and { b, a } share one instance.
  const keys = Object.keys(options).sort() as (keyof Intl.NumberFormatOptions)[];
  const key = `${locale}|${keys.map((k) => `${k}=${String(options[k])}`).join(',')}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** How many formatters are cached (for tests). */
export function numberFormatCacheSize(): number {
  return cache.size;
}
