import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { AppState } from '../../src/lib/state/app-state.svelte.ts';
import { AnalysisState } from '../../src/lib/state/analysis-state.svelte.ts';
import { BIG_REFERENCE_FEATURES, BIG_SITES_FEATURES, type UserLayerSpec } from '../../src/lib/data/user-layers.ts';

const noClient = () => { throw new Error('no analysis in this test'); };
const layer = (id: string, role: UserLayerSpec['role'], n: number): UserLayerSpec => ({
  id, name: `${id}.geojson`, role, replace: false, addedAt: 1,
  collection: { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i): Feature => ({ type: 'Feature', properties: { name: `${id} ${i}` }, geometry: { type: 'Point', coordinates: [105.5 + (i % 500) * 1e-3, 22 + Math.floor(i / 500) * 1e-3] } })) },
});
const ids = (fs: readonly Feature[]) => fs.map((f) => String(f.properties?.id));

describe('big imported site lists in the app state', () => {
  it('are analysed and selectable like any sites, but not drawn from the imported features\' GeoJSON', () => {
    const a = new AppState(new AnalysisState(noClient));
    const big = layer('user-big', 'sites', BIG_SITES_FEATURES);
    const small = layer('user-small', 'sites', 3);
    const ref = layer('user-ref', 'reference', 2);
    const bigRef = layer('user-bigref', 'reference', BIG_REFERENCE_FEATURES);
    a.userLayers = [big, small, ref, bigRef];
    expect(a.bigLayers.map((l) => l.id)).toEqual(['user-big', 'user-bigref']);
    expect(a.bigReferenceLayers.map((l) => l.id)).toEqual(['user-bigref']);
    // Every site is analysed (the big list's too) …
    expect(a.userSites).toHaveLength(BIG_SITES_FEATURES + 3);
    // … but the GeoJSON drawn holds only the small layers' features.
    expect(ids(a.userDisplay.features)).toEqual(['user-small-1', 'user-small-2', 'user-small-3', 'user-ref-1', 'user-ref-2']);
    // A row of the big list selects an imported feature, found with its name (the card, the framing).
    expect(a.userIds.has(`user-big-${BIG_SITES_FEATURES}`)).toBe(true);
    expect(a.userIds.has('user-small-2')).toBe(true);
    a.selectSite('user-big-7'); // a row of the table
    expect(a.selected).toEqual({ layer: 'user', id: 'user-big-7' });
    expect(a.selectedFeature?.properties?.name).toBe('user-big 6');
    expect((a.selectedFeature?.geometry as { coordinates: number[] }).coordinates).toEqual([105.506, 22]);
    a.select('user', 'user-small-2');
    expect(a.selectedFeature?.properties?.name).toBe('user-small 1');
    // One feature fewer: no longer big, drawn as GeoJSON again.
    a.userLayers = [{ ...big, collection: { ...big.collection, features: big.collection.features.slice(1) } }];
    expect(a.bigLayers).toEqual([]);
    expect(a.userDisplay.features).toHaveLength(BIG_SITES_FEATURES - 1);
  });
});
