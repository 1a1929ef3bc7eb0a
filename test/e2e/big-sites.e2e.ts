/**
 * A big imported site list (≥ `BIG_SITES_FEATURES`): its points are drawn as the big reference
 * layers' are (vector tiles cut in our worker, grouped where they crowd), not as GeoJSON given to
 * MapLibre; a drawn site opens its card, the table's selected row is drawn selected on the map
 * with its connectors, and a reload draws the sites again from the stored map part; removing the
 * layer lets its stored part go. The sites are synthetic test input inside the region polygon,
 * never shown as data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import type { MapProbe } from '../../src/lib/map/probe.ts';
import { BIG_SITES_FEATURES } from '../../src/lib/data/user-layers.ts';
import { importSites } from './sites.ts';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';
import { holdPartsOnReload, released, storedKeys } from './held-parts.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const N = BIG_SITES_FEATURES;

/** `n` seeded synthetic sites inside the region polygon, named `Khu ${i}` (test data only). */
function sitesInRegion(n: number): FeatureCollection<Point> {
  const region = (JSON.parse(readFileSync('public/geodata/region.geojson', 'utf8')) as FeatureCollection<Polygon>).features[0];
  const [w, s, e, nn] = bbox(region);
  let a = 4242;
  const r = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const features: Feature<Point>[] = [];
  while (features.length < n) {
    const p = [+(w + r() * (e - w)).toFixed(6), +(s + r() * (nn - s)).toFixed(6)];
    if (booleanPointInPolygon(p, region)) features.push({ type: 'Feature', properties: { name: `Khu ${features.length}` }, geometry: { type: 'Point', coordinates: p } });
  }
  return { type: 'FeatureCollection', features };
}

const probe = <K extends keyof MapProbe>(page: Page, fn: K, ...args: Parameters<MapProbe[K]>): Promise<Awaited<ReturnType<MapProbe[K]>>> =>
  page.evaluate(([f, a]) => (window as unknown as { __mapProbe: Record<string, (...x: unknown[]) => unknown> }).__mapProbe[f as string](...(a as unknown[])), [fn, args] as const) as Promise<Awaited<ReturnType<MapProbe[K]>>>;
const settled = (page: Page) => expect.poll(async () => !(await probe(page, 'moving')) && (await probe(page, 'loaded')), { timeout: 60_000 }).toBe(true);

/** Sites drawn: held in groups (by their counts) and drawn alone (each once). */
async function drawn(page: Page) {
  const groups = await probe(page, 'rendered', 'user-points-cluster', 10_000);
  const single = await probe(page, 'rendered', 'user-points-circle', 10_000);
  const byGroup = new Map(groups.map((g) => [g.properties.cluster_id, Number(g.properties.point_count)]));
  return { held: [...byGroup.values()].reduce((s, c) => s + c, 0), single: new Set(single.map((p) => p.properties.id)).size };
}

describe('a big imported site list (production build, Debian Chromium)', () => {
  it('is drawn as tiles, not as GeoJSON; a drawn site opens its card; the selected row is drawn selected; a reload draws it again', async () => {
    const fc = sitesInRegion(N);
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(h.url);
    await waitForMapIdle(page);
    await importSites(page, fc, 'sites-big.geojson');

    // Every site goes to the tile worker; the imported features' GeoJSON source holds none of them.
    await expect.poll(async () => (await probe(page, 'bigPoints')).points, { timeout: 60_000 }).toBe(N);
    expect(await probe(page, 'sourceFeatures', 'user-data')).toBe(0);
    expect(await probe(page, 'byUrl')).not.toContain('user-data');
    await probe(page, 'fitRegion');
    await settled(page);
    await expect.poll(async () => { const d = await drawn(page); return d.held + d.single; }, { timeout: 60_000 }).toBeGreaterThanOrEqual(N * 0.98);
    await page.screenshot({ path: 'test-results/big-sites.png' });

    // Clicking groups zooms in until sites stand alone; a click on one opens its card, named.
    const box = (await page.locator('.mapwrap canvas').boundingBox())!;
    const free = (p: { x: number; y: number }) => p.x > 60 && p.x < 760 && p.y > 60 && p.y < 740;
    let site: { x: number; y: number; properties: Record<string, unknown> } | undefined;
    for (let i = 0; i < 10 && !site; i++) {
      for (const s of (await probe(page, 'rendered', 'user-points-circle', 200)).filter(free)) {
        if ((await probe(page, 'layersAt', s.x, s.y))[0] === 'user-points-circle') { site = s; break; }
      }
      if (site) break;
      const c = (await probe(page, 'rendered', 'user-points-cluster', 200)).filter(free)[0];
      expect(c, 'a group or a site in view').toBeDefined();
      const z = await probe(page, 'zoom');
      await page.mouse.click(box.x + c.x, box.y + c.y);
      await expect.poll(() => probe(page, 'zoom'), { timeout: 10_000 }).toBeGreaterThan(z + 0.9);
      await settled(page);
    }
    expect(site).toBeDefined();
    await page.mouse.click(box.x + site!.x, box.y + site!.y);
    const title = page.locator('[data-testid="feature-card"] #card-title');
    const n = Number(String(site!.properties.id).split('-').pop());
    await expect.poll(() => title.textContent(), { timeout: 10_000 }).toBe(`Khu ${n - 1}`);
    await page.click('[data-testid="feature-card"] button.close');

    // The table: a row of an imported site, selected, is drawn selected where the site is, with its connectors.
    await page.click('button[data-panel="sites"]');
    const table = page.locator('.analysis table');
    const bundled = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features.length as number;
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 400_000 }).toBe(String(N + bundled + 1));
    await expect.poll(() => page.locator('.analysis progress').count(), { timeout: 400_000 }).toBe(0);
    const row = page.locator('.analysis tbody tr[data-row-id^="user-"]').first();
    const rowId = (await row.getAttribute('data-row-id'))!;
    await row.click();
    const k = Number(rowId.split('-').pop()) - 1;
    await settled(page);
    await expect.poll(async () => (await probe(page, 'rendered', 'user-points-selected', 10)).map((p) => p.properties.id), { timeout: 10_000 }).toEqual([rowId]);
    const [sel] = await probe(page, 'rendered', 'user-points-selected', 1);
    const at = await probe(page, 'project', ...(fc.features[k].geometry.coordinates as [number, number]));
    expect(Math.hypot(sel.x - at.x, sel.y - at.y)).toBeLessThan(1);
    expect((await probe(page, 'layersAt', sel.x, sel.y))[0]).toBe('user-points-selected');
    await expect.poll(async () => (await probe(page, 'connectorEnds')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/big-sites-selected.png' });
    await page.screenshot({ path: 'test-results/big-sites-selected-close.png', clip: { x: box.x + sel.x - 100, y: box.y + sel.y - 75, width: 200, height: 150 } });
    // Another row: only that one is drawn selected.
    const other = page.locator(`.analysis tbody tr[data-row-id^="user-"]:not([data-row-id="${rowId}"])`).first();
    const otherId = (await other.getAttribute('data-row-id'))!;
    await other.click();
    await expect.poll(async () => (await probe(page, 'rendered', 'user-points-selected', 10)).map((p) => p.properties.id), { timeout: 10_000 }).toEqual([otherId]);

    // Colour by a distance: the imported sites' symbols go to the map by URL (written in slices,
    // not cloned in one task) and are drawn, each with its distance.
    await page.click('button[data-panel="layers"]');
    await page.selectOption('select[data-control="colour-by"]', 'mv');
    await expect.poll(() => probe(page, 'byUrl'), { timeout: 30_000 }).toContain('colour-by');
    await settled(page);
    const coloured = await probe(page, 'rendered', 'colour-by-user-circle', 10_000);
    expect(coloured.length).toBeGreaterThan(100);
    expect(coloured.every((p) => String(p.properties.id).startsWith('user-') && typeof p.properties.v === 'number')).toBe(true);
    await page.selectOption('select[data-control="colour-by"]', '');
    await page.click('button[data-panel="sites"]');

    // A reload draws the sites again from the layer's stored map part, before the record is read:
    // the page's reads of the record's parts are held back (at most 7 s) until the points are shown.
    await expect.poll(async () => (await storedKeys(page)).filter((k) => k.startsWith('map-part:')).length, { timeout: 30_000 }).toBe(1);
    await holdPartsOnReload(page, { drawn: false, maxMs: 7000 });
    await page.reload();
    await expect.poll(async () => (await released(page))?.points, { timeout: 60_000 }).toBe(N);
    // (drawn from the stored map part: held by the map while the layer is drawn)
    expect(await probe(page, 'earlyParts')).toEqual([rowId.slice(0, rowId.lastIndexOf('-'))]);
    await waitForMapIdle(page);
    await expect.poll(async () => (await probe(page, 'bigPoints')).points, { timeout: 60_000 }).toBe(N);
    expect(await probe(page, 'sourceFeatures', 'user-data')).toBe(0);
    expect(await probe(page, 'earlyParts')).toEqual([rowId.slice(0, rowId.lastIndexOf('-'))]);
    // Removing the layer removes its points, and the map lets its stored part go.
    await page.click('button[data-panel="data"]');
    await page.click('button[aria-label="Xóa sites-big.geojson"]');
    await expect.poll(async () => (await probe(page, 'bigPoints')).points, { timeout: 30_000 }).toBe(0);
    expect(await probe(page, 'earlyParts')).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('the tile worker cannot be loaded: a notice in vi and en names the layer whose points are not drawn; the rest works', async () => {
    const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.route('**/assets/big-points.worker-*.js', (r) => r.fulfill({ status: 404, body: 'gone' }));
    await page.goto(h.url);
    await waitForMapIdle(page);
    await importSites(page, sitesInRegion(N), 'sites-nodraw.geojson');
    const notice = page.locator('[data-notice="notice.pointsNotDrawn"]');
    await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(1);
    expect(await notice.textContent()).toBe('Không vẽ được các điểm của một lớp lớn đã nhập lên bản đồ (luồng xử lý vẽ chúng bị lỗi); bảng, thẻ của lớp và các lớp khác vẫn dùng được, tải lại trang có thể vẽ lại được. Chi tiết: "sites-nodraw.geojson": the tile worker could not be started or stopped working');
    expect(await probe(page, 'bigPoints')).toEqual({ version: 0, points: 0 });
    // The layer is there; the bundled layers are still drawn.
    await page.click('button[data-panel="data"]');
    await expect.poll(() => page.locator('button[aria-label="Xóa sites-nodraw.geojson"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await probe(page, 'renderedCount', 'industrial-sites')).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(async () => (await notice.textContent()) ?? '').toBe('The points of a big imported layer cannot be drawn on the map (the worker that draws them failed); its table, its cards and the other layers still work, and reloading the page may draw them. Details: "sites-nodraw.geojson": the tile worker could not be started or stopped working');
    await page.screenshot({ path: 'test-results/big-sites-no-worker.png' });
    await ctx.close();
  }, 120_000);
});
