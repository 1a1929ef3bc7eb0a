import { describe, expect, it } from 'vitest';
import { snapshotMetresPerPixel } from '../../src/lib/map/scale.ts';

describe('map scale', () => {
  it('snapshotMetresPerPixel follows Web Mercator ground resolution', () => {
    expect(snapshotMetresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    // Bắc Kạn (22.15° N), zoom 13, retina canvas.
    expect(snapshotMetresPerPixel(22.15, 13)).toBeCloseTo(8.849, 2);
    expect(snapshotMetresPerPixel(22.15, 13, 2)).toBeCloseTo(8.849 / 2, 2);
  });
});
