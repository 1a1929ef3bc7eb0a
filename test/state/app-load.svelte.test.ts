import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { FeatureCollection } from 'geojson';
import { AppState } from '../../src/lib/state/app-state.svelte.ts';
import { AnalysisState } from '../../src/lib/state/analysis-state.svelte.ts';
import { UrlSync, type HashTarget } from '../../src/lib/state/url-sync.svelte.ts';
import { noticeText } from '../../src/lib/state/notices.ts';
import type { LoadedPackage } from '../../src/lib/data/load.ts';
import type { Manifest } from '../../src/lib/data/schema.ts';
import type { Draft } from '../../src/lib/map/draw-types.ts';
import type { DraftRecord } from '../../src/lib/state/drafts-store.ts';

const sites: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'ccn-a', name: 'A' }, geometry: { type: 'Point', coordinates: [105.8, 22.1] } }] };
const pkg: LoadedPackage = { manifest: { region: { name: 'R', name_en: 'R' } } as unknown as Manifest, layers: { 'industrial-sites': sites }, issues: [] } as unknown as LoadedPackage;
const draft = (id: string): Draft => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: [105.9, 22.2] } }) as unknown as Draft;
const noStore = { onExternalChange: () => () => {} };
const noClient = () => { throw new Error('no analysis in this test'); };

function app() {
  return new AppState(new AnalysisState(noClient));
}

describe('AppState.load', () => {
  it('loads the package and the saved drafts; a link candidate joins them, the saved version winning', async () => {
    const a = app();
    let read = 0;
    const saved: DraftRecord = { drafts: [draft('d-1')], names: { 'd-1': 'saved name' } };
    await a.load('/geodata/', {
      loadPackage: async (url) => { expect(url).toBe('/geodata/'); return pkg; },
      readDrafts: async () => { read++; return { record: saved }; },
      linkDrafts: [{ draft: draft('d-1'), name: 'link name' }, { draft: draft('d-2'), name: 'from link' }],
      store: noStore,
    });
    expect(read).toBe(1);
    expect(a.manifest).toBe(pkg.manifest);
    expect(a.layers['industrial-sites']).toBe(sites);
    expect(a.drafts.map((d) => d.properties.id)).toEqual(['d-1', 'd-2']);
    expect(a.draftNames).toEqual({ 'd-1': 'saved name', 'd-2': 'from link' });
    expect(a.draftsReady).toBe(true);
    expect(a.fatalError).toBeNull();
    expect(a.notices).toEqual([]);
  });

  it('drops a linked selection that is not in the data, with a notice naming it', async () => {
    const a = app();
    a.selected = { layer: 'industrial-sites', id: 'nowhere' };
    await a.load('/', { loadPackage: async () => pkg, readDrafts: async () => ({ record: { drafts: [], names: {} } }), store: noStore });
    expect(a.selected).toBeNull();
    expect(a.notices).toEqual([{ code: 'missingSelection', detail: 'industrial-sites:nowhere' }]);
    a.lang = 'en';
    expect(noticeText(a.notices[0], a.t)).toBe('The link selects a feature that is not in the data: industrial-sites:nowhere');
    // A draft selection that the link did not carry: its own notice.
    const b = app();
    b.selected = { layer: 'drafts', id: 'd-9' };
    await b.load('/', { loadPackage: async () => pkg, readDrafts: async () => ({ record: { drafts: [], names: {} } }), store: noStore });
    expect(b.notices.map((n) => n.code)).toEqual(['missingDraft']);
    // A selection that is in the data stays.
    const c = app();
    c.selected = { layer: 'industrial-sites', id: 'ccn-a' };
    await c.load('/', { loadPackage: async () => pkg, readDrafts: async () => ({ record: { drafts: [], names: {} } }), store: noStore });
    expect(c.selected).toEqual({ layer: 'industrial-sites', id: 'ccn-a' });
  });

  it('a package that fails is fatal; the drafts still load and storage errors become notices', async () => {
    const a = app();
    a.selected = { layer: 'industrial-sites', id: 'ccn-a' };
    await a.load('/', {
      loadPackage: async () => { throw new Error('manifest.json: HTTP 404'); },
      readDrafts: async () => ({ record: { drafts: [draft('d-1')], names: {} }, error: 'IndexedDB blocked' }),
      store: noStore,
    });
    expect(a.fatalError).toBe('manifest.json: HTTP 404');
    expect(a.drafts).toHaveLength(1);
    // No selection notice on a fatal load: the error says it all.
    expect(a.notices).toEqual([{ code: 'draftsNotRead', detail: 'IndexedDB blocked' }]);
  });

  it('reloads the drafts when another tab changes them', async () => {
    const a = app();
    let changed: (() => void) | null = null;
    let round = 0;
    await a.load('/', {
      loadPackage: async () => pkg,
      readDrafts: async () => ({ record: { drafts: round++ === 0 ? [] : [draft('d-7')], names: {} } }),
      linkDrafts: [{ draft: draft('d-link') }],
      store: { onExternalChange: (fn) => { changed = fn; return () => {}; } },
    });
    expect(a.drafts.map((d) => d.properties.id)).toEqual(['d-link']);
    expect(changed).not.toBeNull();
    changed!();
    await new Promise((r) => setTimeout(r, 0));
    // The link's candidates are added on the first read only.
    expect(a.drafts.map((d) => d.properties.id)).toEqual(['d-7']);
    expect(a.draftsSync).toBe(1);
  });
});

describe('AppState.start saves drafts', () => {
  it('only once the saved drafts were read, then on every change; a failure is a notice', async () => {
    const a = app();
    const saves: string[][] = [];
    let fail = false;
    const stop = a.start(async (r) => { saves.push(r.drafts.map((d) => d.properties.id)); if (fail) throw new Error('quota'); });
    a.drafts = [draft('d-1')];
    flushSync();
    expect(saves).toEqual([]);
    a.draftsReady = true;
    flushSync();
    expect(saves).toEqual([['d-1']]);
    fail = true;
    a.drafts = [draft('d-1'), draft('d-2')];
    flushSync();
    await new Promise((r) => setTimeout(r, 0));
    expect(saves).toEqual([['d-1'], ['d-1', 'd-2']]);
    expect(a.notices).toEqual([{ code: 'draftsNotSaved', detail: 'quota' }]);
    stop();
  });
});

describe('UrlSync', () => {
  function target(hash: string): HashTarget & { hash: string; writes: number } {
    const t = { hash, writes: 0, read: () => t.hash, replace: (h: string) => { t.hash = h; t.writes++; } };
    return t;
  }

  it('reads a link into the state, with typed notices for what it ignored', () => {
    const a = app();
    const url = new UrlSync(a, target('#lang=en&mode=planner&s=industrial-sites:ccn-a&zz=1'));
    url.read();
    expect(a.lang).toBe('en');
    expect(a.mode).toBe('planner');
    expect(a.selected).toEqual({ layer: 'industrial-sites', id: 'ccn-a' });
    expect(a.notices).toEqual([{ code: 'ignored', detail: 'zz=1' }]);
    expect(noticeText(a.notices[0], a.t)).toBe('ignored zz=1');
    a.lang = 'vi';
    expect(noticeText(a.notices[0], a.t)).toBe('đã bỏ qua giá trị không hợp lệ hoặc cũ trong liên kết: zz=1');
  });

  it('writes the state into the hash once ready, and only when it changed', () => {
    const a = app();
    const t = target('');
    const url = new UrlSync(a, t);
    const stop = url.follow();
    a.lang = 'en';
    flushSync();
    expect(t.writes).toBe(0);
    url.ready = true;
    flushSync();
    expect(t.writes).toBe(1);
    expect(t.hash).toContain('lang=en');
    a.mode = 'planner';
    flushSync();
    expect(t.writes).toBe(2);
    expect(t.hash).toContain('mode=planner');
    // Reading the written hash back gives the same state.
    const b = app();
    new UrlSync(b, target(t.hash)).read();
    expect(b.lang).toBe('en');
    expect(b.mode).toBe('planner');
    expect(b.notices).toEqual([]);
    stop();
  });

  it("reads a hashchange's new hash even when the state wrote the address bar back before the event", () => {
    const a = app();
    const t = target('#s=industrial-sites:ccn-a');
    const url = new UrlSync(a, t);
    url.read();
    // The user's link set s=ccn-b; the state (still ccn-a) replaced the address bar before the event.
    t.hash = '#s=industrial-sites:ccn-a';
    url.read('#s=industrial-sites:ccn-b');
    expect(a.selected).toEqual({ layer: 'industrial-sites', id: 'ccn-b' });
  });
});
