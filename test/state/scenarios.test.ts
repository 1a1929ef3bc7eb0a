import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStore } from 'idb-keyval';
import { asScenario, cleanName, decodeScenario, encodeScenario, sameSettings, type ScenarioSettings } from '../../src/lib/state/scenarios.ts';
import { decodeUrlState, encodeUrlState } from '../../src/lib/state/url-state.ts';
import { DEFAULT_SURFACE_WEIGHTS } from '../../src/lib/analysis/surface/criteria.ts';
import { ScenarioStore } from '../../src/lib/state/scenarios-store.svelte.ts';

const grid: ScenarioSettings = {
  weights: { ...DEFAULT_SURFACE_WEIGHTS, 'mv-line': 40, road: 7.5, river: 12, 'protected-area': 0 },
  sector: 'wood', exclude: { protected: true, river: false },
};

describe('scenario link form', () => {
  it('encodes compactly and round-trips name, sector, exclusions and every weight', () => {
    const v = encodeScenario('Gần lưới điện', grid);
    expect(v).toBe('Gần lưới điện*wood*p*m40s15t20d10r7.5l10f5u5p0c0v12');
    expect(decodeScenario(v)).toEqual({ name: 'Gần lưới điện', settings: grid });
    // through the whole URL hash, with the other parts
    const hash = encodeUrlState({ lang: 'vi', weights: { 'mv-line': 40 }, scenario: v });
    const { state, notices } = decodeUrlState(hash);
    expect(notices).toEqual([]);
    expect(state.scenario).toEqual({ name: 'Gần lưới điện', settings: grid });
    expect(state.weights).toEqual({ 'mv-line': 40 });
  });

  it('a bare name names a saved scenario; links without `sc` decode as before', () => {
    expect(decodeUrlState('#sc=Plan%20B').state.scenario).toEqual({ name: 'Plan B', settings: null });
    expect(decodeUrlState('#lang=en&w=mv-line:3').state).toEqual({ lang: 'en', weights: { 'mv-line': 3 } });
  });

  it('rejects bad values with a notice, keeping the rest of the link', () => {
    for (const bad of ['x*castle*p*m1', 'x*wood*q*m1', 'x*wood*p*m101', 'x*wood*p*z5', 'x*wood*p*m5junk', '*wood*p*m1', 'a*b*c']) {
      const { state, notices } = decodeUrlState(`#lang=en&sc=${encodeURIComponent(bad)}`);
      expect(state, bad).toEqual({ lang: 'en' });
      expect(notices, bad).toEqual([{ code: 'ignored', detail: `sc=${bad}` }]);
    }
  });

  it('names are cleaned; settings compare to 0.1; stored records are checked', () => {
    expect(cleanName('  a*b\u0007c  ')).toBe('abc');
    expect(cleanName('x'.repeat(80))).toHaveLength(60);
    expect(sameSettings(grid, { ...grid, weights: { ...grid.weights, road: 7.54 } })).toBe(true);
    expect(sameSettings(grid, { ...grid, weights: { ...grid.weights, road: 8 } })).toBe(false);
    expect(sameSettings(grid, { ...grid, exclude: { protected: true, river: true } })).toBe(false);
    expect(asScenario({ id: 'i', name: 'n', saved: 3, ...grid })).toEqual({ id: 'i', name: 'n', saved: 3, ...grid });
    expect(asScenario({ id: 'i', name: 'n', ...grid, weights: { road: 'x' } })).toBeNull();
    expect(asScenario({ name: 'n' })).toBeNull();
  });
});

describe('scenario store (IndexedDB)', () => {
  it('saves, lists, renames, replaces by name and deletes; a second store reads the same', async () => {
    const db = createStore('scen-test', 'keyval');
    const s = new ScenarioStore({ store: db });
    await s.load();
    expect(s.list).toEqual([]);
    const a = await s.save('  Gỗ ', grid);
    expect(a?.replaced).toBe(false);
    await s.save('Đường', { ...grid, sector: '' });
    expect(s.list.map((x) => x.name)).toEqual(['Gỗ', 'Đường']);
    expect(s.activeId).toBe(s.list[1].id);
    expect(await s.save('  ', grid)).toBeNull();
    const again = await s.save('Gỗ', { ...grid, sector: 'food' });
    expect(again?.replaced).toBe(true);
    expect(s.list).toHaveLength(2);
    expect(await s.rename(s.list[1].id, 'Gỗ')).toBe(false);
    expect(await s.rename(s.list[1].id, 'Đường bộ')).toBe(true);
    const other = new ScenarioStore({ store: db });
    await other.load();
    expect(other.list.map((x) => [x.name, x.sector])).toEqual([['Gỗ', 'food'], ['Đường bộ', '']]);
    await s.remove(s.list[0].id);
    await other.load();
    expect(other.list.map((x) => x.name)).toEqual(['Đường bộ']);
    // deleting the active scenario leaves none active; the link form of the active scenario only while the settings are still its own
    expect(s.activeId).toBeNull();
    expect(s.linkValue(grid)).toBeUndefined();
    s.activeId = s.list[0].id;
    expect(s.linkValue({ ...grid, sector: '' })).toBe(encodeScenario('Đường bộ', { ...grid, sector: '' }));
    expect(s.linkValue(grid)).toBeUndefined();
  });
});
