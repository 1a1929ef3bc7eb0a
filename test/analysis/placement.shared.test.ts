/**
 * Shared placements (placement.ts `shared`, used by the interval index): the same region, class,
 * kind and source as the feature's own placement, one object per polygon and class for features
 * placed by `placed_in` in one polygon, and the index's `placements` equal to the resolver's.
 */
import { describe, it, expect } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { createPlacementResolver, type Placement } from '../../src/lib/analysis/placement.ts';
import { createIntervalIndex } from '../../src/lib/analysis/intervals.ts';
import { bboxOfParts, pointInParts, toParts } from '../../src/lib/geo/geometry.ts';
import { loadPackage } from '../geo/helpers.ts';

const layers = loadPackage(new URL('../../public/geodata', import.meta.url).pathname);
const communes = layers.communes!.features;
const districts = layers.districts!.features;
const cid = (k: number) => String(communes[k].properties!.id);
const did = (k: number) => String(districts[k].properties!.id);
const firstVertex = (g: Geometry): number[] => (g.type === 'Polygon' ? g.coordinates[0][0] : (g as { coordinates: number[][][][] }).coordinates[0][0][0]);
const at = (f: Feature): Geometry => ({ type: 'Point', coordinates: firstVertex(f.geometry) });
/** A point inside a polygon feature: the first of a 20 × 20 grid over its box that lies inside. */
const inside = (f: Feature): Geometry => {
  const P = toParts(f.geometry);
  const [w, s, e, n] = bboxOfParts(P);
  for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
    const x = w + ((e - w) * i) / 20, y = s + ((n - s) * j) / 20;
    if (pointInParts(x, y, P)) return { type: 'Point', coordinates: [x, y] };
  }
  throw new Error('no inside point');
};
const feat = (id: string, props: Record<string, unknown>, g: Geometry): Feature => ({ type: 'Feature', properties: { id, ...props }, geometry: g });

// every way a feature is resolved: placed_in (one id, several, padded, empty, unknown), names, known, schematic
const features: Feature[] = [
  feat('a', { accuracy: 'commune', placed_in: [cid(0)] }, at(communes[0])),
  feat('b', { accuracy: 'commune', placed_in: [cid(0)] }, at(communes[0])),
  feat('c', { accuracy: 'district', placed_in: [cid(0)] }, at(communes[0])),
  feat('d', { accuracy: 'commune', placed_in: [cid(1), cid(2)] }, at(communes[1])),
  feat('e', { accuracy: 'commune', placed_in: ` ${cid(3)} ` }, at(communes[3])),
  feat('f', { accuracy: 'commune', placed_in: [` ${cid(3)}`] }, at(communes[3])),
  feat('g', { accuracy: 'commune', placed_in: [''], commune: communes[4].properties!.name, district: communes[4].properties!.district }, inside(communes[4])),
  feat('h', { accuracy: 'district', placed_in: ['no-such-polygon'], district: districts[0].properties!.name }, inside(districts[0])),
  feat('h2', { accuracy: 'commune', commune: 'no such commune', district: districts[0].properties!.name }, inside(districts[0])),
  feat('i', { accuracy: 'extent', placed_in: [did(1)] }, at(districts[1])),
  feat('j', { accuracy: 'official' }, at(communes[5])),
  feat('k', { accuracy: 'schematic' }, { type: 'LineString', coordinates: [firstVertex(communes[5].geometry), firstVertex(communes[6].geometry)] }),
  feat('l', {}, at(communes[7])),
  feat('m', { accuracy: 'commune', placed_in: [cid(8)] }, communes[8].geometry),
];
const pick = (p: Omit<Placement, 'drawn'>) => ({ kind: p.kind, accuracy: p.accuracy, source: p.source, placedIn: p.placedIn, geometry: p.geometry, parts: p.parts, hull: p.hull, region: p.region });

describe('shared placements', () => {
  it('have the region, class, kind and source of the feature’s own placement', () => {
    const resolve = createPlacementResolver(communes, districts);
    const other = createPlacementResolver(communes, districts);
    for (const f of features) {
      const own = resolve(f);
      const shared = other.shared!(f);
      expect(pick(shared), String(f.properties!.id)).toEqual(pick(own));
    }
    // the cases above reach every source
    expect(features.map((f) => resolve(f).source)).toEqual(['placed_in', 'placed_in', 'placed_in', 'placed_in', 'placed_in', 'placed_in', 'names', 'names', 'district-fallback', 'placed_in', 'geometry', 'geometry', 'geometry', 'placed_in']);
    expect(features.map((f) => resolve(f).kind)).toEqual(['placed', 'placed', 'placed', 'placed', 'placed', 'placed', 'placed', 'placed', 'placed', 'placed', 'known', 'schematic', 'known', 'placed']);
  });

  it('are one object per polygon and class (the same region object as the resolver’s)', () => {
    const resolve = createPlacementResolver(communes, districts);
    const [a, b, c] = features.map((f) => resolve.shared!(f));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(c.parts).toBe(a.parts);
    expect(a.region).toBeTypeOf('number');
    expect(resolve(features[0]).parts).toBe(a.parts);
    expect(resolve(features[0]).region).toBe(a.region);
    // a known feature's is its own placement (built from its geometry on each call: equal, not kept)
    expect(resolve.shared!(features[10])).toStrictEqual(resolve(features[10]));
    expect(resolve.shared!(features[10])).not.toBe(resolve(features[10]));
    // a placed feature's is resolved once
    expect(resolve(features[6])).toBe(resolve(features[6]));
    expect(resolve(features[10]).kind).toBe('known');
  });

  it('leave the interval index’s placements equal to the resolver’s', () => {
    const resolve = createPlacementResolver(communes, districts);
    const iv = createIntervalIndex(features, resolve);
    expect(iv.placements.length).toBe(features.length);
    iv.placements.forEach((p, i) => {
      if (p!.kind === 'placed') expect(p).toBe(resolve(features[i]));
      else expect(p).toStrictEqual(resolve(features[i]));
    });
  });
});
