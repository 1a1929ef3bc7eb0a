import { describe, expect, it } from 'vitest';
import { nextRowIndex, windowPads } from '../../src/lib/ui/virtual-rows.ts';

describe('nextRowIndex', () => {
  it('moves one row with the arrows and to either end with Home and End', () => {
    expect(nextRowIndex('ArrowDown', 3, 10)).toBe(4);
    expect(nextRowIndex('ArrowUp', 3, 10)).toBe(2);
    expect(nextRowIndex('Home', 3, 10)).toBe(0);
    expect(nextRowIndex('End', 3, 10)).toBe(9);
    expect(nextRowIndex('End', 0, 1000)).toBe(999);
  });
  it('does not move past either end, nor for other keys, nor onto the same row', () => {
    expect(nextRowIndex('ArrowDown', 9, 10)).toBeNull();
    expect(nextRowIndex('ArrowUp', 0, 10)).toBeNull();
    expect(nextRowIndex('Home', 0, 10)).toBeNull();
    expect(nextRowIndex('End', 9, 10)).toBeNull();
    expect(nextRowIndex('Enter', 3, 10)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('windowPads', () => {
  it('keeps the height above the first rendered row and below the last', () => {
    expect(windowPads([{ start: 280, end: 308 }, { start: 308, end: 336 }], 28_000)).toEqual({ top: 280, bottom: 28_000 - 336 });
  });
  it('is zero with nothing rendered, and never negative', () => {
    expect(windowPads([], 500)).toEqual({ top: 0, bottom: 0 });
    expect(windowPads([{ start: 0, end: 40 }], 30)).toEqual({ top: 0, bottom: 0 });
  });
});
