import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { startHarness, watchPage, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));

describe('the map on its embedded data (production build, Debian Chromium)', () => {
  it('loads offline, draws every layer, and opens a cluster card with its source', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    const t0 = Date.now();
    await page.goto(h.url);
    await waitForMapIdle(page);
    const idleMs = Date.now() - t0;
    console.log(`[e2e] time to map idle: ${idleMs} ms`);

    // Material zones are off on first visit: turn them on so every layer can be checked.
    await page.check('input[data-layer="material-zones"]');
    await page.waitForFunction(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.loaded());
    const counts = await page.evaluate((ids) => {
      const probe = (window as unknown as { __mapProbe: MapProbe }).__mapProbe;
      return Object.fromEntries(ids.map((id) => [id, probe.renderedCount(id)]));
    }, [...LAYER_IDS]);
    console.log('[e2e] rendered features per layer:', JSON.stringify(counts));
    // Communes are drawn from zoom 9: search a commune (without diacritics) and fly there.
    expect(counts.communes).toBe(0);
    await page.fill('input[type="search"]', 'thanh binh');
    await expect.poll(() => page.locator('#search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const p = (window as unknown as { __mapProbe: MapProbe }).__mapProbe;
      return p.zoom() > 9.5 && p.loaded();
    }, undefined, { timeout: 30_000, polling: 100 });
    counts.communes = await page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.renderedCount('communes'));
    for (const id of LAYER_IDS) expect(counts[id], `layer ${id} has rendered features`).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.fitRegion());
    await page.waitForFunction(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.loaded(), undefined, { polling: 100 });

    // Click a cluster on the map: its card shows name, accuracy and a source link.
    const quangChu = sites.features.find((f: { properties: { name: string } }) => f.properties.name.includes('Quảng Chu'));
    expect(quangChu).toBeTruthy();
    const [lon, lat] = quangChu.geometry.coordinates;
    const pt = await page.evaluate(([x, y]) => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.project(x, y), [lon, lat]);
    const box = (await page.locator('.mapwrap').boundingBox())!;
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    const card = page.getByTestId('feature-card');
    await expect.poll(() => card.locator('h2').textContent()).toContain('Quảng Chu');
    const text = await card.textContent();
    expect(text).toContain('74,4 ha');
    expect(text).toContain('Đơn vị cấp xã từ 1/7/2025');
    const hrefs = await card.locator('.sources a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const u of hrefs) expect(u).toMatch(/^https?:\/\//);

    // The selected cluster's analysis: distances, catchment and score in the card.
    await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 20_000 }).toBe(1);
    const analysisText = await card.getByTestId('site-analysis').textContent();
    expect(analysisText).toMatch(/Lưới trung thế[^]*\d+(,\d+)? (km|m)/);
    const score = Number((await card.getByTestId('score').textContent())!.replace(',', '.'));
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(100);

    // Keyboard: Escape closes the card; the analysis table selects with Enter and moves with arrows.
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await page.click('button[data-panel="sites"]');
    const rows = page.locator('tbody tr[data-row-id]');
    await expect.poll(() => rows.count()).toBe(sites.features.length);
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count()).toBe(1);
    const firstId = await rows.first().getAttribute('data-row-id');
    await page.keyboard.press('ArrowDown');
    const secondId = await rows.nth(1).getAttribute('data-row-id');
    await expect.poll(() => page.locator('tbody tr.selected').getAttribute('data-row-id')).toBe(secondId);
    expect(secondId).not.toBe(firstId);
    await page.keyboard.press('Escape');

    // English switch.
    await page.click('button[lang="en"]');
    expect(await page.locator('h1').textContent()).toBe('Industry and resources map');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.click('button[lang="vi"]');
    await page.click('button[data-panel="layers"]');

    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    await expect.poll(() => card.count()).toBe(1);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/map.png' });

    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await page.close();
  });
});
