import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle, allLayers } from '../../src/lib/map/style.ts';
import { LAYER_ORDER } from '../../src/lib/map/ids.ts';
import { placementFilter } from '../../src/lib/map/expressions.ts';
import * as palette from '../../src/lib/map/palette.ts';
import { CROPS, LAYER_IDS, MINERALS, SITE_KINDS, SITE_STATUSES, VOLTAGES_KV } from '../../src/lib/data/schema.ts';
import { dossierLegend, layerLegend } from '../../src/lib/map/legend.ts';

const style = buildStyle({ latin: '/fonts/latin.woff2', vietnamese: '/fonts/vi.woff2' });

describe('generated style', () => {
  it('passes validateStyleMin with no errors', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('has every layer id in LAYER_ORDER and every LAYER_ORDER id as a layer', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...LAYER_ORDER].sort());
    expect(ids).toEqual(LAYER_ORDER.filter((id) => ids.includes(id)));
  });

  it('references only sources that exist', () => {
    for (const layer of style.layers) {
      if ('source' in layer && layer.source) expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('uses lower-case #rrggbb palette colours and covers every crop and voltage class', () => {
    const colours: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') colours.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(palette);
    expect(colours.length).toBeGreaterThan(40);
    for (const c of colours) if (c !== palette.base.transparent) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(Object.keys(palette.crop).sort()).toEqual([...CROPS].sort());
    expect(Object.keys(palette.voltage).map(Number).sort()).toEqual([...VOLTAGES_KV].sort());
  });

  it('draws an uncertainty halo under every point layer that has commune- or district-placed features', () => {
    const halos = style.layers.filter((l) => l.id.endsWith('-halo')).map((l) => [l.id, 'source' in l ? l.source : '']);
    expect(halos).toEqual([['power-plants-halo', 'power-plants'], ['mineral-sites-halo', 'mineral-sites'], ['industrial-sites-halo', 'industrial-sites']]);
    const radius = JSON.stringify(style.layers.find((l) => l.id === 'power-plants-halo')!.paint);
    expect(radius).toContain('"district",14,"commune",8');
  });

  it('outlines the placement polygons of the selected feature, and nothing until one is selected', () => {
    const pl = style.layers.filter((l) => l.id.startsWith('placement-')).map((l) => [l.id, 'source' in l ? l.source : '', 'filter' in l ? l.filter : null]);
    expect(pl).toEqual([
      ['placement-districts-line', 'districts', ['in', ['get', 'id'], ['literal', []]]],
      ['placement-communes-line', 'communes', ['in', ['get', 'id'], ['literal', []]]],
    ]);
    expect(placementFilter({ placed_in: ['district-064'] })).toEqual(['in', ['get', 'id'], ['literal', ['district-064']]]);
    expect(placementFilter({ placed_in: ['commune-2071223', 'commune-2071217'] })).toEqual(['in', ['get', 'id'], ['literal', ['commune-2071223', 'commune-2071217']]]);
    // Untrusted properties: only string ids reach the literal; anything else selects nothing.
    expect(placementFilter({ placed_in: [['get', 'name'], 7, 'commune-1'] })).toEqual(['in', ['get', 'id'], ['literal', ['commune-1']]]);
    expect(placementFilter({ placed_in: 'district-064' })).toEqual(['in', ['get', 'id'], ['literal', []]]);
    expect(placementFilter(undefined)).toEqual(['in', ['get', 'id'], ['literal', []]]);
  });

  it('takes every colour of every layer from the palette', () => {
    const values = new Set<string>();
    const walkPalette = (v: unknown) => {
      if (typeof v === 'string') values.add(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walkPalette);
    };
    walkPalette(palette);
    const used: { layer: string; colour: string }[] = [];
    const walk = (layer: string, v: unknown) => {
      if (typeof v === 'string' && /^(#|rgba?\(|hsla?\()/i.test(v)) used.push({ layer, colour: v });
      else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(layer, x));
    };
    for (const l of allLayers()) { walk(l.id, 'paint' in l ? l.paint : undefined); walk(l.id, 'layout' in l ? l.layout : undefined); }
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((u) => !values.has(u.colour))).toEqual([]);
  });

  it('derives the legend from the palette: every kind, status, mineral, crop and voltage class', () => {
    const t = (k: string) => `<${k}>`;
    const sites = layerLegend('industrial-sites', t);
    expect(sites.map((s) => s.label)).toEqual([...SITE_KINDS.map((k) => `<kind.${k}>`), ...SITE_STATUSES.map((s) => `<status.${s}>`), '<legend.halo>']);
    expect(sites.find((s) => s.label === '<status.planned>')?.color).toBe(palette.siteStatus.planned);
    expect(layerLegend('mineral-sites', t).map((s) => s.color)).toEqual(MINERALS.map((m) => palette.mineral[m]));
    expect(layerLegend('material-zones', t).map((s) => s.color)).toEqual(CROPS.map((c) => palette.crop[c]));
    expect(layerLegend('power-lines', t).map((s) => s.label)).toEqual(['220 kV', '110 kV', '35 kV', '22 kV', '<legend.schematic>']);
    expect(layerLegend('communes', t)).toEqual([]);
    const colours = new Set(Object.values(palette).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))));
    for (const id of LAYER_IDS) for (const s of layerLegend(id, t)) expect(colours.has(s.color), `${id} ${s.label}`).toBe(true);
    for (const s of dossierLegend(t)) expect(colours.has(s.color), s.label).toBe(true);
  });

  it('keeps the default view offline: online basemaps hidden', () => {
    const raster = allLayers().filter((l) => l.type === 'raster');
    expect(raster.map((l) => l.id)).toEqual(['basemap-osm', 'basemap-satellite']);
    for (const l of raster) expect(l.layout?.visibility).toBe('none');
  });

  it('labels with the bundled font, both subsets', () => {
    expect(Object.keys(style['font-faces'] ?? {})).toEqual(['Be Vietnam Pro']);
    const symbols = style.layers.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(5);
    for (const l of symbols) expect(l.layout?.['text-font']).toEqual(['Be Vietnam Pro']);
  });
});
