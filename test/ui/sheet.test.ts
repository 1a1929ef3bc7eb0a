import { describe, expect, it } from 'vitest';
import { PEEK_PX, sheetHeights, snapSheet, stepSheet, toggleSheet } from '../../src/lib/ui/sheet.ts';

describe('phone bottom sheet', () => {
  const h = sheetHeights(600); // peek 48, half 330, full 592
  it('has three heights inside the container', () => {
    expect(h).toEqual({ peek: PEEK_PX, half: 330, full: 592 });
  });
  it('settles a slow drag in the nearest state', () => {
    expect(snapSheet(60, 0, h)).toBe('peek');
    expect(snapSheet(180, 0, h)).toBe('peek');
    expect(snapSheet(200, 0, h)).toBe('half');
    expect(snapSheet(450, 0.1, h)).toBe('half');
    expect(snapSheet(470, -0.1, h)).toBe('full');
    expect(snapSheet(900, 0, h)).toBe('full');
  });
  it('carries a flick one state further in its direction', () => {
    expect(snapSheet(100, 1, h)).toBe('half');
    expect(snapSheet(340, 1, h)).toBe('full');
    expect(snapSheet(560, -1, h)).toBe('half');
    expect(snapSheet(300, -1, h)).toBe('peek');
    expect(snapSheet(592, 1, h)).toBe('full');
    expect(snapSheet(48, -1, h)).toBe('peek');
  });
  it('toggles and steps', () => {
    expect(toggleSheet('peek')).toBe('half');
    expect(toggleSheet('half')).toBe('peek');
    expect(toggleSheet('full')).toBe('peek');
    expect(stepSheet('peek', 1)).toBe('half');
    expect(stepSheet('half', 1)).toBe('full');
    expect(stepSheet('full', 1)).toBe('full');
    expect(stepSheet('half', -1)).toBe('peek');
    expect(stepSheet('peek', -1)).toBe('peek');
  });
});
