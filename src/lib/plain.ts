/**
 * A plain JSON copy of a value, for what must be structured-cloned (postMessage to a worker,
 * IndexedDB) when it may hold Svelte state proxies, which cannot be cloned. JSON semantics:
 * `undefined` members and functions are dropped, NaN and ±Infinity become null. Pure.
 */
export function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
