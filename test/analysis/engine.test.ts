/** Errors, immutability, engine reuse and real analysis values on the test data package. */
import { describe, it, expect } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { buildTargetIndex, geometryDistance, buildNetwork } from '../../src/lib/geo/index.ts';
import { analyzeSites, createAnalysisEngine, scoreSite, toCsv, TABLE_COLUMNS, type SiteAnalysis } from '../../src/lib/analysis/index.ts';
import { loadPackage, deepFreeze } from '../geo/helpers.ts';

const layers = loadPackage();
const sites = layers['industrial-sites']!;
const snapshot = JSON.stringify(layers);

describe('argument errors (exact messages)', () => {
  it('analyzeSites', () => {
    expect(() => analyzeSites(sites, layers, { radiusKm: -1 })).toThrow('radiusKm must be a positive number, got -1');
    expect(() => analyzeSites(sites, null as never)).toThrow('layers must be an object, got null');
    expect(() => analyzeSites('x' as never, layers)).toThrow('sites must be an array of Features or a FeatureCollection, got "x"');
    expect(() => analyzeSites([{ type: 'Feature', geometry: null as never, properties: { id: 'a' } }], layers)).toThrow('site a has no geometry');
    expect(() => analyzeSites([{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.8, 22.1] }, properties: {} }], layers)).toThrow('site must have properties.id or id');
    expect(() => analyzeSites(sites, layers, { weights: { road: -2 } })).toThrow('weight road must be a non-negative number, got -2');
    expect(() => analyzeSites([{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.8, NaN] }, properties: { id: 'n' } }], layers)).toThrow('site n has a coordinate that is not a finite [lon, lat]');
    expect(() => analyzeSites([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { id: 'e' } }], layers)).toThrow('site e has an empty geometry');
  });
  it('index, geometry, network', () => {
    expect(() => buildTargetIndex(null as never)).toThrow('features must be an array, got null');
    const ix = buildTargetIndex([]);
    expect(() => ix.nearest({ type: 'Point', coordinates: [0, 0] }, { maxDistanceM: -5 })).toThrow('maxDistanceM must be a non-negative number, got -5');
    expect(() => ix.within({ type: 'Point', coordinates: [0, 0] }, -1)).toThrow('radiusM must be a non-negative number, got -1');
    expect(() => geometryDistance(null as never, { type: 'Point', coordinates: [0, 0] })).toThrow('geometry is required');
    expect(() => geometryDistance({ type: 'Circle' } as never, { type: 'Point', coordinates: [0, 0] })).toThrow('unsupported geometry type: Circle');
    expect(() => buildNetwork([], { snapToleranceM: -1 })).toThrow('snapToleranceM must be a non-negative number, got -1');
  });
});

describe('analyzeSites on the test package', () => {
  const rows = analyzeSites(sites, layers, { radiusKm: 10 });
  const byId = Object.fromEntries(rows.map((r) => [r.id, r])) as Record<string, SiteAnalysis>;

  it('never mutates its inputs (deep-frozen) and returns JSON-serialisable rows', () => {
    expect(JSON.stringify(layers)).toBe(snapshot);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    expect(structuredClone(rows)).toEqual(rows);
  });

  it('one row per site, in order', () => {
    expect(rows.map((r) => r.id)).toEqual(['site-in-wood', 'site-in-park', 'site-polygon'].sort((a, b) => sites.features.findIndex((f) => f.properties!.id === a) - sites.features.findIndex((f) => f.properties!.id === b)));
  });

  it('site inside the wood zone: hand-checked nearest values', () => {
    const r = byId['site-in-wood'];
    // 35 kV line at lon 105.87: 0.02° lon at 22.13 N = 2063.36 m (GeographicLib); 22 kV at 22.15: 2214.64 m
    expect(r.nearest.mvLine!.id).toBe('mv35-north-south');
    expect(r.nearest.mvLine!.distanceM).toBeCloseTo(2063.36, 0);
    expect(r.nearest.powerLineByKv['22']!.distanceM).toBeCloseTo(2214.64, 0);
    expect(r.nearest.crops.wood!.distanceM).toBe(0);
    expect(r.nearest.crops.canna).toBeNull();
    expect(r.nearest.road!.distanceM).toBeCloseTo(1107.32, 0); // QL3 along 22.14
    expect(r.nearest.substation.kv110!.id).toBe('tba-e26-1');
    expect(r.nearest.substation.kv220!.id).toBe('tba-e26-5');
    expect(r.constraints.protectedArea!.distanceM).toBeGreaterThan(30_000);
    expect(r.catchment!.cropAreaHa!.wood).toBeCloseTo(400 * 0 + r.catchment!.zones!.find((z) => z.id === 'zone-wood-a')!.areaHa, 6);
    expect(r.catchment!.zones!.find((z) => z.id === 'zone-wood-a')!.shareOfZone).toBeCloseTo(1, 6); // the whole 0.02° square lies within 10 km
    expect(r.catchment!.deposits!.count).toBe(2); // both synthetic deposits within 10 km
    expect(r.suitability.score).toBeGreaterThan(50);
    const crit = r.suitability.breakdown.map((b) => b.criterion);
    expect(crit).toEqual(expect.arrayContaining(['mv-line', 'substation', 'material:wood', 'deposit', 'road', 'labour', 'free-area', 'status', 'protected-area']));
  });

  it('site inside the national park: constraint 0 and full penalty', () => {
    const r = byId['site-in-park'];
    expect(r.constraints.protectedArea!.distanceM).toBe(0);
    const pen = r.suitability.breakdown.find((b) => b.criterion === 'protected-area')!;
    expect(pen.contribution).toBe(-30);
    expect(r.network!.substation!.reachable).toBe(false); // only an isolated track nearby
  });

  it('polygon site: distances from its edge, network from its centroid', () => {
    const r = byId['site-polygon'];
    expect(r.geometryType).toBe('Polygon');
    expect(r.nearest.mvLine!.distanceM).toBeCloseTo(1031.42, 0); // W edge 105.88 to 35 kV at 105.87, 0.01° lon at 22.16–22.17
    expect(r.warnings).toContain('area_ha missing: polygon area used');
    // its centroid is farther than the default 2 km off-road cap from any road: "no road within 2 km"
    expect(r.network!.substation!.reachable).toBe(false);
    expect(r.network!.substation!.noRoadWithinM).toBe(2000);
    const [wide] = analyzeSites([sites.features.find((f) => f.properties!.id === 'site-polygon')!], layers, { radiusKm: 10, maxOffroadKm: 10 });
    expect(wide.network!.substation!.reachable).toBe(true);
    expect(wide.network!.substation!.networkDistanceM!).toBeGreaterThanOrEqual(wide.network!.substation!.straightM);
    expect(wide.network!.substation!.offroadShare!).toBeCloseTo(wide.network!.substation!.accessM / wide.network!.substation!.networkDistanceM!, 12);
  });

  it('CSV has the documented columns', () => {
    const csv = toCsv(rows).trim().split('\n');
    expect(csv[0]).toBe(TABLE_COLUMNS.join(','));
    expect(csv).toHaveLength(rows.length + 1);
  });
});

describe('engine', () => {
  it('reuses indexes for drafts; missing layers degrade to null with warnings', () => {
    const engine = createAnalysisEngine({ 'power-lines': layers['power-lines'] });
    expect(engine.layersPresent).toEqual(['power-lines']);
    const draft: Feature = deepFreeze({ type: 'Feature', id: 'draft-1', geometry: { type: 'Point', coordinates: [105.85, 22.13] }, properties: { sectors: ['food'] } });
    const [r] = engine.analyze([draft]);
    expect(r.id).toBe('draft-1');
    expect(r.nearest.mvLine!.distanceM).toBeCloseTo(2063.36, 0);
    expect(r.nearest.road).toBeNull();
    expect(r.network).toBeNull();
    expect(r.catchment!.population).toBeNull();
    expect(r.warnings).toContain('layer roads missing: related results are null');
    const roadRow = r.suitability.breakdown.find((b) => b.criterion === 'road')!;
    expect(roadRow.excluded).toBe('no data');
    expect(roadRow.weight).toBe(0);
    // weights renormalised over the criteria with data
    const w = r.suitability.breakdown.filter((b) => b.criterion !== 'protected-area').reduce((s, b) => s + b.weight, 0);
    expect(w).toBeCloseTo(1, 9);
  });

  it('nearest(geometry, layer, {category}) on any layer, indexes built lazily', () => {
    const engine = createAnalysisEngine(layers);
    const p = { type: 'Point' as const, coordinates: [105.85, 22.13] };
    expect(engine.nearest(p, 'power-lines', { category: '35' })!.distanceM).toBeCloseTo(2063.36, 0);
    expect(engine.nearest(p, 'material-zones', { category: 'wood' })!.distanceM).toBe(0);
    expect(engine.nearest(p, 'communes')!.distanceM).toBe(0); // inside some 2009 commune
    expect(engine.nearest(p, 'power-plants')).toBeNull(); // layer absent from the test package
    expect(() => engine.nearest(p, 'towns' as never)).toThrow('unknown layer "towns"');
  });

  it('empty layers and an empty site list', () => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const engine = createAnalysisEngine({ 'power-lines': empty, roads: empty, 'material-zones': empty });
    expect(engine.analyze([])).toEqual([]);
    const [r] = engine.analyze([{ type: 'Feature', geometry: { type: 'Point', coordinates: [105.85, 22.13] }, properties: { id: 'x' } }]);
    expect(r.nearest.mvLine).toBeNull();
    expect(r.network).toBeNull();
    expect(r.catchment!.zones).toEqual([]);
  });

  it('suitability: all weights zero → score 0 with a note', () => {
    const s = scoreSite({ sectors: null, mvLineM: 0, substationM: 0, roadM: 0, depositM: null, materialM: null, population: null, radiusKm: 10, areaHa: null, occupancyPct: null, status: null, protectedAreaM: null },
      { 'mv-line': 0, substation: 0, road: 0, materials: 0, deposit: 0, labour: 0, 'free-area': 0, status: 0 });
    expect(s.score).toBe(0);
    expect(s.note).toBe('no criterion with data and weight > 0: score is 0');
  });
});

describe('target index extras', () => {
  const targets: Feature[] = deepFreeze([
    { type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Point', coordinates: [105.85, 22.14] } },
    { type: 'Feature', properties: { id: 'b' }, geometry: { type: 'Point', coordinates: [105.85, 22.16] } },
    { type: 'Feature', properties: { id: 'c' }, geometry: { type: 'MultiLineString', coordinates: [[[105.80, 22.20], [105.90, 22.20]]] } },
    { type: 'Feature', properties: { id: 'nogeom' }, geometry: null as never },
  ]);
  const ix = buildTargetIndex(targets);
  it('within(radius) lists targets sorted by distance; null geometries are skipped', () => {
    expect(ix.size).toBe(3);
    const r = ix.within({ type: 'Point', coordinates: [105.85, 22.13] }, 3500);
    expect(r.map((x) => x.id)).toEqual(['a', 'b']); // 1107 m, 3322 m; the line is 7750 m away
    expect(r[0].distanceM).toBeCloseTo(1107.32, 0);
  });
  it('MultiPoint and GeometryCollection sites', () => {
    const mp = ix.nearest({ type: 'MultiPoint', coordinates: [[105.70, 22.00], [105.85, 22.19]] })!;
    expect(mp.id).toBe('c');
    expect(mp.distanceM).toBeCloseTo(1107.3, 0);
    expect(mp.nearestA).toEqual([105.85, 22.19]);
    const gc = ix.nearest({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [105.85, 22.141] }] })!;
    expect(gc.id).toBe('a');
  });
  it('ties go to the lower input position; ids fall back to feature.id then the position', () => {
    const t = buildTargetIndex([
      // exactly symmetric in binary floating point: a true tie
      { type: 'Feature', id: 7, properties: null, geometry: { type: 'Point', coordinates: [105.75, 22.25] } },
      { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [105.25, 22.25] } },
    ]);
    const r = t.nearest({ type: 'Point', coordinates: [105.5, 22.25] })!;
    expect(r.id).toBe('7');
    expect(t.within({ type: 'Point', coordinates: [105.5, 22.25] }, 30_000).map((x) => x.id)).toEqual(['7', '1']);
  });
});
