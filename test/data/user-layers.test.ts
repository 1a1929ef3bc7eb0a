import { describe, expect, it } from 'vitest';
import { isMvLine } from '../../src/lib/analysis/predicates.ts';
import type { FeatureCollection } from 'geojson';
import { effectiveLayers, normaliseUserLayer, parseVoltageKv, voltageClass, type UserLayerSpec } from '../../src/lib/data/user-layers.ts';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') { Object.values(o).forEach(deepFreeze); Object.freeze(o); }
  return o;
};

const lines: FeatureCollection = deepFreeze({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { TEN: 'Lộ 371 E26.1', U: '35kV' }, geometry: { type: 'LineString', coordinates: [[105.8, 22.1], [105.9, 22.2]] } },
    { type: 'Feature', properties: { TEN: 'Lộ 0,4', U: '0.4' }, geometry: { type: 'LineString', coordinates: [[105.8, 22.1], [105.85, 22.1]] } },
    { type: 'Feature', properties: { U: 22 }, geometry: { type: 'Point', coordinates: [105.8, 22.1] } },
  ],
});
const bundled = deepFreeze({
  'power-lines': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'pl-1', voltage_kv: 110 }, geometry: { type: 'LineString', coordinates: [[105.7, 22], [105.8, 22]] } }] },
  'material-zones': {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'z-wood', crop: 'wood' }, geometry: { type: 'Polygon', coordinates: [[[105, 22], [105.1, 22], [105.1, 22.1], [105, 22]]] } },
      { type: 'Feature', properties: { id: 'z-ginger', crop: 'ginger' }, geometry: { type: 'Polygon', coordinates: [[[105, 22], [105.1, 22], [105.1, 22.1], [105, 22]]] } },
    ],
  },
}) as Partial<Record<'power-lines' | 'material-zones', FeatureCollection>>;

describe('user layers', () => {
  it('reads the distribution (6, 10, 15, 22, 35 kV) and transmission (110, 220 kV) voltages only', () => {
    expect([35, '35', '35kV', '35 kV', '110', 220, '22,0', '0.4', 'x', null, '6 kV', 10, '15kV', '0,4 kV', 500].map(parseVoltageKv))
      .toEqual([35, 35, 35, 35, 110, 220, 22, null, null, null, 6, 10, 15, null, null]);
  });

  it('one MV definition: 6, 10, 15, 22 and 35 kV lines are MV, 110 and 220 kV are not', () => {
    const line = (kv: unknown) => ({ type: 'Feature' as const, geometry: null as never, properties: { voltage_kv: kv } });
    expect([6, 10, 15, 22, 35, '35', 110, 220, 0.4, null].map((kv) => isMvLine(line(kv)))).toEqual([true, true, true, true, true, true, false, false, false, false]);
    expect([6, 22, 35, 110, 220, 0.4].map(voltageClass)).toEqual(['mv', 'mv', 'mv', 'hv', 'ehv', null]);
  });

  it('keeps an imported 10 kV line as MV instead of dropping it', () => {
    const spec: UserLayerSpec = { id: 'user-2', name: 'luoi-10kv.geojson', role: 'power-lines', replace: false, voltageProp: 'U', collection: {
      type: 'FeatureCollection', features: [{ type: 'Feature', properties: { U: '10 kV' }, geometry: { type: 'LineString', coordinates: [[105.8, 22.1], [105.9, 22.1]] } }],
    } };
    const { features, skipped } = normaliseUserLayer(spec);
    expect(skipped).toEqual([]);
    expect(features[0].properties!.voltage_kv).toBe(10);
    expect(isMvLine(features[0])).toBe(true);
  });

  it('normalises a power-line layer: ids, names, voltage from a property, skips with reasons', () => {
    const spec: UserLayerSpec = { id: 'user-1', name: 'luoi-35kv.zip', role: 'power-lines', replace: false, voltageProp: 'U', collection: lines };
    const { features, skipped } = normaliseUserLayer(spec);
    expect(features.map((f) => f.properties)).toEqual([
      { TEN: 'Lộ 371 E26.1', U: '35kV', id: 'user-1-1', name: 'Lộ 371 E26.1', accuracy: 'imported', accuracy_note: 'imported from luoi-35kv.zip', sources: ['luoi-35kv.zip'], file_properties: { TEN: 'Lộ 371 E26.1', U: '35kV' }, voltage_kv: 35 },
    ]);
    expect(skipped).toEqual([
      { index: 1, reason: 'voltage "0.4" is not 6, 10, 15, 22, 35, 110, 220 kV' },
      { index: 2, reason: 'Point cannot be used as power-lines' },
    ]);
  });

  it('adds to or replaces the bundled layer of the same role, without mutating inputs', () => {
    const add = effectiveLayers(bundled, [{ id: 'user-1', name: 'f', role: 'power-lines', replace: false, voltageKv: 35, collection: lines }]);
    expect(add['power-lines']!.features.map((f) => f.properties!.id)).toEqual(['pl-1', 'user-1-1', 'user-1-2']);
    const rep = effectiveLayers(bundled, [{ id: 'user-1', name: 'f', role: 'power-lines', replace: true, voltageKv: 35, collection: lines }]);
    expect(rep['power-lines']!.features.map((f) => f.properties!.id)).toEqual(['user-1-1', 'user-1-2']);
    const zone: FeatureCollection = { type: 'FeatureCollection', features: [bundled['material-zones']!.features[0]] };
    const zones = effectiveLayers(bundled, [{ id: 'user-2', name: 'rung.kml', role: 'material-zones', crop: 'wood', replace: true, collection: zone }]);
    expect(zones['material-zones']!.features.map((f) => [f.properties!.id, f.properties!.crop])).toEqual([['z-ginger', 'ginger'], ['user-2-1', 'wood']]);
    expect(bundled['power-lines']!.features).toHaveLength(1);
  });
});
