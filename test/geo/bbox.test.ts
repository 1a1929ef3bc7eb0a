/** Bounding boxes: the one helper against @turf/bbox on every layer of the bundled package. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import bbox from '@turf/bbox';
import { bboxOf, bboxOfFeatures, bboxOfPositions } from '../../src/lib/geo/index.ts';

const DIR = join(import.meta.dirname, '..', '..', 'public', 'geodata');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { layers: { id: string; file: string }[] };
const layers = manifest.layers.map((l) => ({ id: l.id, fc: JSON.parse(readFileSync(join(DIR, l.file), 'utf8')) as FeatureCollection }));

describe('bboxOfPositions', () => {
  it('boxes positions and grows a given box', () => {
    expect(bboxOfPositions([[105.8, 22.1], [105.6, 22.4], [105.9, 22.2]])).toEqual([105.6, 22.1, 105.9, 22.4]);
    const b = bboxOfPositions([[1, 2]]);
    expect(bboxOfPositions([[-3, 5], [0, 1]], b)).toBe(b);
    expect(b).toEqual([-3, 1, 1, 5]);
  });

  it('is the empty box for no position', () => {
    expect(bboxOfPositions([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
    expect(bboxOfFeatures([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
    expect(bboxOf({ type: 'MultiPoint', coordinates: [] })).toBeNull();
  });
});

describe('bboxOfFeatures and bboxOf equal @turf/bbox on the package', () => {
  it('has layers to compare', () => {
    expect(layers.length).toBeGreaterThanOrEqual(10);
  });

  it('per feature and per layer', () => {
    let n = 0;
    for (const { id, fc } of layers) {
      expect(fc.features.length, id).toBeGreaterThan(0);
      for (const f of fc.features) {
        expect(bboxOfFeatures([f]), `${id} ${f.properties?.id}`).toEqual(bbox(f));
        expect(bboxOf(f.geometry), `${id} ${f.properties?.id}`).toEqual(bbox(f));
        n++;
      }
      expect(bboxOfFeatures(fc.features), id).toEqual(bbox(fc));
    }
    expect(n).toBeGreaterThan(100);
  });

  it('passes over features without a geometry, like @turf/bbox', () => {
    const f = layers[0].fc.features[0];
    const none: Feature = { type: 'Feature', geometry: null as never, properties: {} };
    expect(bboxOfFeatures([none, f])).toEqual(bbox({ type: 'FeatureCollection', features: [none, f] }));
  });
});
