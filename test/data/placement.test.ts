import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import bbox from '@turf/bbox';
import { placementPolygons, viewBboxOf } from '../../src/lib/data/placement.ts';

const DIR = join(import.meta.dirname, '..', '..', 'public', 'geodata');
const load = (id: string) => JSON.parse(readFileSync(join(DIR, `${id}.geojson`), 'utf8')) as FeatureCollection;
const layers = { communes: load('communes'), districts: load('districts') };
const byId = (fc: FeatureCollection, id: string) => fc.features.find((f) => f.properties?.id === id)!;

describe('placement polygons of the bundled package', () => {
  it('finds the district of a district-placed mine and views the whole district', () => {
    const mine = byId(load('mineral-sites'), 'mine-cho-dien');
    const polys = placementPolygons(mine, layers);
    expect(polys.map((p) => p.properties?.name)).toEqual(['Chợ Đồn']);
    expect(viewBboxOf(mine, layers)).toEqual(bbox(byId(layers.districts, 'district-064')));
  });

  it('finds both 2009 predecessors of a 2020 commune', () => {
    const site = byId(load('industrial-sites'), 'ccn-thanh-thinh');
    expect(placementPolygons(site, layers).map((p) => p.properties?.name).sort()).toEqual(['Nông Thịnh', 'Thanh Bình']);
  });

  it('pads a point without placement polygons, and ignores non-string ids', () => {
    const plant = byId(load('power-plants'), 'hydro-nam-cat');
    expect(placementPolygons(plant, layers)).toEqual([]);
    expect(viewBboxOf(plant, layers)).toEqual([105.7776 - 0.03, 22.20161 - 0.03, 105.7776 + 0.03, 22.20161 + 0.03]);
    const odd = { ...plant, properties: { ...plant.properties, placed_in: [{ id: 'district-064' }, 64] } };
    expect(placementPolygons(odd, layers)).toEqual([]);
  });
});
