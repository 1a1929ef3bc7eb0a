import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { boundsInBox } from '../../src/lib/ui/framing.ts';

// A plain projection for the test: 100 px per degree, y down from latitude 23.
const project = ([lon, lat]: [number, number]) => ({ x: (lon - 105) * 100, y: (23 - lat) * 100 });
const point = (lon: number, lat: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } });
const square: Feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[105.5, 22.5], [105.9, 22.5], [105.9, 22.1], [105.5, 22.1], [105.5, 22.5]]] } };

describe('boundsInBox: is the selection in the part of the map the card leaves free?', () => {
  it('a point inside the free box is; one under the card (outside the box) is not', () => {
    // free part of a 360×740 phone map above a card covering its lower 60 %: 28..304 × 28..268
    const box: [number, number, number, number] = [28, 28, 304, 268];
    expect(boundsInBox(point(106, 22), project, box)).toBe(true); // (100, 100)
    expect(boundsInBox(point(106, 20), project, box)).toBe(false); // (100, 300): under the card
    expect(boundsInBox(point(108.5, 22), project, box)).toBe(false); // (350, 100): off the right edge
  });
  it('an area must lie wholly inside', () => {
    expect(boundsInBox(square, project, [0, 0, 100, 100])).toBe(true); // 50..90 × 50..90
    expect(boundsInBox(square, project, [0, 0, 80, 100])).toBe(false);
  });
});
