/**
 * Sorting of the analysis table in one pass over typed keys: each row's value is read once into a
 * Float64Array (NaN for "no value"), then an index array is sorted on it, so a sort of 50 000
 * rows costs one value read per row instead of two per comparison. Names sort with one cached
 * Vietnamese collator. Missing values always sort last. Stable. Pure.
 */
const collator = new Intl.Collator('vi');

/** `rows` sorted by `value` (numbers; null = missing, last), ascending or descending. */
export function sortByNumber<T>(rows: readonly T[], value: (r: T) => number | null, ascending: boolean): T[] {
  const n = rows.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = value(rows[i]);
    keys[i] = v === null || !Number.isFinite(v) ? NaN : v;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const dir = ascending ? 1 : -1;
  // Uint32Array#sort with a comparator is stable (ES2019) like Array#sort.
  order.sort((a, b) => {
    const x = keys[a], y = keys[b];
    if (x !== x) return y !== y ? 0 : 1;
    if (y !== y) return -1;
    return x === y ? 0 : (x < y ? -dir : dir);
  });
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = rows[order[i]];
  return out;
}

/** `rows` sorted by `name` with the Vietnamese collation (null names as empty text). */
export function sortByName<T>(rows: readonly T[], name: (r: T) => string | null, ascending: boolean): T[] {
  const n = rows.length;
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) keys[i] = String(name(rows[i]) ?? '');
  const order = Array.from({ length: n }, (_, i) => i);
  const dir = ascending ? 1 : -1;
  order.sort((a, b) => collator.compare(keys[a], keys[b]) * dir);
  return order.map((i) => rows[i]);
}
