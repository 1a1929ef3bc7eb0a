import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import { URL_MIN_FEATURES } from '../../src/lib/map/geojson-url.ts';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

/** A synthetic point layer on a grid over the region (test data only). */
function grid(n: number): string {
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { id: `g${i}`, name: `Điểm ${i}` },
    geometry: { type: 'Point', coordinates: [105.6 + (i % 400) * 0.0015, 21.9 + Math.floor(i / 400) * 0.0015] },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Drops a file made of `text` on the map. */
async function dropText(page: Page, text: string, name: string) {
  const dt = await page.evaluateHandle(([data, n]) => {
    const d = new DataTransfer();
    d.items.add(new File([data], n, { type: 'application/geo+json' }));
    return d;
  }, [text, name]);
  await page.dispatchEvent('.mapwrap', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.mapwrap', 'drop', { dataTransfer: dt });
}

const probe = <T>(page: Page, fn: string): Promise<T> => page.evaluate((f) => (window as unknown as { __mapProbe: Record<string, () => unknown> }).__mapProbe[f]() as T, fn);

describe('a big imported layer (production build, Debian Chromium)', () => {
  it('goes to the map by URL, draws, and leaves the bundled sources alone', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(h.url);
    await waitForMapIdle(page);
    const n = URL_MIN_FEATURES + 10_000;
    await dropText(page, grid(n), 'grid.geojson');
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1);
    expect(await result.textContent()).toMatch(/đối tượng · geojson/);
    await page.selectOption('[data-testid="import-role"]', 'reference');
    const before = await probe<Record<string, number>>(page, 'pushes');
    // Long main-thread tasks from "Add" on (reported, not asserted: speed belongs in benchmarks).
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(e.duration); }).observe({ type: 'longtask' });
    });
    await page.click('[data-testid="import-accept"]');
    await expect.poll(() => probe<string[]>(page, 'byUrl'), { timeout: 60_000 }).toContain('user-data');
    await probe(page, 'fitRegion');
    const drawn = () => page.evaluate(() => (window as unknown as { __mapProbe: { renderedCount(s: string): number } }).__mapProbe.renderedCount('user-data'));
    await expect.poll(drawn, { timeout: 60_000 }).toBeGreaterThan(1000);
    const after = await probe<Record<string, number>>(page, 'pushes');
    // The bundled layers were not sent again; the imported features were, once.
    const bundled = LAYER_IDS.filter((id) => before[id]);
    expect(bundled.length).toBeGreaterThan(5);
    for (const id of bundled) expect(after[id], id).toBe(before[id]);
    expect(after['user-data']).toBe((before['user-data'] ?? 0) + 1);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`big layer: ${n} points; long tasks after Add (ms): ${longTasks.map((x) => Math.round(x)).join(', ') || 'none'}`);
    await page.screenshot({ path: 'test-results/big-layer.png' });
    // A later visit: the stored layer is drawn again by URL (its part written by the import worker).
    await page.waitForTimeout(2000); // the worker's write of the record
    await page.reload();
    await waitForMapIdle(page, 120_000);
    await expect.poll(() => probe<string[]>(page, 'byUrl'), { timeout: 60_000 }).toContain('user-data');
    await probe(page, 'fitRegion');
    await expect.poll(drawn, { timeout: 60_000 }).toBeGreaterThan(1000);
    await page.screenshot({ path: 'test-results/big-layer-reload.png' });
    // Its features are still the app's own: a click on one shows its card with the file's name.
    await page.evaluate(() => (window as unknown as { __mapProbe: { fitRegion(): void } }).__mapProbe.fitRegion());
    const at = 401; // a point of the grid's second row
    const pt = await page.evaluate(([x, y]) => (window as unknown as { __mapProbe: { project(a: number, b: number): { x: number; y: number } } }).__mapProbe.project(x, y), [105.6 + (at % 400) * 0.0015, 21.9 + Math.floor(at / 400) * 0.0015]);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    const box = (await page.locator('.mapwrap canvas').boundingBox())!;
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    const props = page.getByTestId('file-properties');
    await expect.poll(() => props.count(), { timeout: 10_000 }).toBe(1);
    await props.locator('summary').click();
    expect(await props.textContent()).toMatch(/Điểm \d+/);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 300_000); // two loads of a big layer on a shared 2-core machine
});
