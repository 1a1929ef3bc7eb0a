import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortByName, sortByNumber } from '../../src/lib/ui/sort-rows.ts';

interface R { id: number; v: number | null; name: string | null }

/** The comparator sort the table used before, as the reference. */
function reference(rows: R[], asc: boolean): R[] {
  return [...rows].sort((a, b) => {
    const va = a.v, vb = b.v;
    if (va === null && vb === null) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    return (va - vb) * (asc ? 1 : -1);
  });
}

describe('one-pass typed sort of table rows', () => {
  it('orders like the comparator sort, missing values last, stable', () => {
    const row = fc.record({ v: fc.option(fc.integer({ min: -50, max: 50 }).map((x) => x / 4), { nil: null }), name: fc.constant(null) });
    fc.assert(fc.property(fc.array(row, { maxLength: 300 }), fc.boolean(), (raw, asc) => {
      const rows: R[] = raw.map((r, id) => ({ id, ...r }));
      expect(sortByNumber(rows, (r) => r.v, asc).map((r) => r.id)).toEqual(reference(rows, asc).map((r) => r.id));
    }), { numRuns: 300 });
  });

  it('puts missing values last in both directions and keeps equal values in input order', () => {
    const rows: R[] = [{ id: 0, v: 2, name: null }, { id: 1, v: null, name: null }, { id: 2, v: 1, name: null }, { id: 3, v: 2, name: null }];
    expect(sortByNumber(rows, (r) => r.v, true).map((r) => r.id)).toEqual([2, 0, 3, 1]);
    expect(sortByNumber(rows, (r) => r.v, false).map((r) => r.id)).toEqual([0, 3, 2, 1]);
  });

  it('sorts names with the Vietnamese collation', () => {
    const rows: R[] = ['Đồng Tâm', 'Dương Quang', 'Ân Tình', 'An Bình', 'Bằng Lũng'].map((name, id) => ({ id, v: null, name }));
    const asc = sortByName(rows, (r) => r.name, true).map((r) => r.name);
    expect(asc).toEqual([...asc].sort((a, b) => a!.localeCompare(b!, 'vi')));
    expect(asc[0]).toBe('An Bình');
    expect(sortByName(rows, (r) => r.name, false).map((r) => r.name)).toEqual([...asc].reverse());
  });
});
