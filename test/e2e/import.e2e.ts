import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startHarness, watchPage, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';

let h: Harness;
const bundledSites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features.length;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

/** Drops a file on the map as a user would drag it from the desktop. */
async function dropFile(page: Page, path: string, name: string, type: string) {
  const b64 = readFileSync(path).toString('base64');
  const dt = await page.evaluateHandle(([data, n, t]) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const d = new DataTransfer();
    d.items.add(new File([bytes], n, { type: t }));
    return d;
  }, [b64, name, type]);
  await page.dispatchEvent('.mapwrap', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.mapwrap', 'drop', { dataTransfer: dt });
}

describe('bring your own data (production build, Debian Chromium)', () => {
  it('imports a VN-2000 Shapefile by drag and drop and analyses it as my sites', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(h.url);
    await waitForMapIdle(page);

    await dropFile(page, 'test/fixtures/import/communes-9213-shp.zip', 'communes-9213-shp.zip', 'application/zip');
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
    const text = (await result.textContent())!;
    expect(text).toContain('EPSG:9213');
    expect(text).toMatch(/\d+ đối tượng · shapefile/);
    // The drop switched to Planner mode, but the drawing tool loads only to sketch (its sources
    // added to the map cost frames while the file is read).
    const drawLoaded = () => page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.drawLoaded());
    expect(await drawLoaded()).toBe(false);
    await page.selectOption('[data-testid="import-role"]', 'sites');
    await page.click('[data-testid="import-accept"]');

    await page.click('button[data-panel="sites"]');
    const rows = page.locator('tbody tr[data-row-id^="user-"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const cells = await rows.first().locator('td:not(.pick)').allTextContents();
    expect(cells[1]).toMatch(/^(≈ )?\d[\d.,]*(–[\d.,]+)? (m|km)( · .+)?$/) /* a figure, a range with its reason, or an indicative figure */;
    // Nothing already loaded was lost: every bundled site is still analysed beside the imported ones.
    expect(await page.locator('tbody tr[data-row-id]:not([data-row-id^="user-"])').count()).toBe(bundledSites);
    expect(await page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.renderedCount('user-data'))).toBeGreaterThan(0);
    // Opening the Drafts tab loads it; its buttons wait for it.
    expect(await drawLoaded()).toBe(false);
    await page.click('button[data-panel="drafts"]');
    await expect.poll(drawLoaded, { timeout: 30_000 }).toBe(true);
    expect(await page.locator('button[data-draw="point"]').isEnabled()).toBe(true);
    expect(await page.locator('[data-draw-loading]').count()).toBe(0);

    // A bad file gets a specific error and changes nothing.
    await page.click('button[data-panel="data"]');
    await dropFile(page, 'test/fixtures/import/bad/truncated.geojson', 'truncated.geojson', 'application/geo+json');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain('truncated.geojson');
    expect(await result.textContent()).toMatch(/✖/);
    // A tab opened before renders at once when opened again: its loading line never shows.
    await page.evaluate(() => {
      const w = window as unknown as { __lazySeen: number };
      w.__lazySeen = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.matches('.lazy')) w.__lazySeen++;
      }).observe(document.getElementById('side-panel')!, { childList: true, subtree: true });
    });
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __lazySeen: number }).__lazySeen)).toBe(0);
    expect(await page.locator('tbody tr[data-row-id]:not([data-row-id^="user-"])').count()).toBe(bundledSites);
    // Imported power lines in the role of 35 kV feeders: every analysis updates at once.
    const mvOf = async (id: string) => {
      const t = await page.locator(`tbody tr[data-row-id="${id}"] td:not(.pick)`).nth(1).textContent();
      // "9,2 km", "≈ 9,2 km · …" (schematic) or "1,1–6,0 km · …" (interval): the first figure, in its unit.
      const m = t!.trim().match(/([\d.,]+)\s*(?:–\s*[\d.,]+\s*)?(m|km)\b/)!;
      return Number(m[1].replace(/\./g, '').replace(',', '.')) * (m[2] === 'km' ? 1000 : 1);
    };
    // KCN Thanh Bình I: the nearest bundled 35 kV link is ~9 km away; the imported Thái Nguyên link crosses its commune.
    const before = await mvOf('kcn-thanh-binh-1');
    await page.click('button[data-panel="data"]');
    await dropFile(page, 'test/fixtures/import/power-110kv.kml', 'power-110kv.kml', 'application/vnd.google-earth.kml+xml');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 }).toContain('power-110kv.kml');
    await page.selectOption('[data-testid="import-role"]', 'power-lines');
    await page.click('[data-testid="import-accept"]');
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => mvOf('kcn-thanh-binh-1'), { timeout: 30_000 }).toBeLessThan(before);
    await page.screenshot({ path: 'test-results/import.png' });
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
