/** plain(): a JSON copy that structured clone accepts. */
import { describe, expect, it } from 'vitest';
import { plain } from '../src/lib/plain.ts';

describe('plain', () => {
  it('copies deeply with JSON semantics', () => {
    const x = { a: [1, { b: 'c' }], n: NaN, u: undefined, f: () => 1 };
    const y = plain(x);
    expect(y).toEqual({ a: [1, { b: 'c' }], n: null });
    expect(y.a).not.toBe(x.a);
    expect('u' in y).toBe(false);
  });

  it('turns a proxy that structured clone refuses into a clonable object', () => {
    const proxy = new Proxy({ id: 'site-1', radiusKm: 5 }, {});
    expect(() => structuredClone(proxy)).toThrow();
    expect(structuredClone(plain(proxy))).toEqual({ id: 'site-1', radiusKm: 5 });
  });
});
