/**
 * A later visit reuses the saved analysis: 300 imported sites are analysed once, the table says
 * when the browser's store holds their rows (data-saved), and after a reload every row is back
 * with no site analysed again (data-analysed = 0). Then one option changes and every site is
 * analysed again (the saved rows are for the other radius). The table's CSV is the same before and
 * after the reload, though the worker then holds no full row (it analyses each again for the file).
 * The sites are synthetic test input on a grid inside the region polygon, never shown as data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gridSites, importSites } from './sites.ts';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const bundled = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features.length as number;
const N = 300;

describe('the saved analysis on a later visit (production build, Debian Chromium)', () => {
  it('is written, said to be, and reused after a reload: no site analysed again', async () => {
    const fc = gridSites({ count: N, west: 105.6, south: 21.9, step: 0.01, columns: 60, id: 'saved-', name: 'Ô ' });
    expect(fc.features.length).toBe(N);
    const total = N + bundled;
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(h.url);
    await waitForMapIdle(page);
    await importSites(page, fc, 'saved-sites.geojson');
    await page.click('button[data-panel="sites"]');

    const analysis = page.locator('.analysis');
    const table = page.locator('.analysis table');
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 400_000 }).toBe(String(total + 1));
    await expect.poll(() => page.locator('.analysis progress').count(), { timeout: 400_000 }).toBe(0);
    // the imported sites were new: the engine analysed them (the bundled ones were saved before)
    expect(Number(await analysis.getAttribute('data-analysed'))).toBeGreaterThanOrEqual(N);
    await expect.poll(() => analysis.getAttribute('data-saved'), { timeout: 120_000 }).toBe(String(total));
    const before = await page.locator('.analysis tbody tr[data-row-id]').first().innerText();
    const csv = async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('.analysis button[data-export="csv"]')]);
      return readFileSync((await download.path())!, 'utf8');
    };
    // the score ranges are in (they are in the file too)
    await expect.poll(() => page.getByTestId('range-status').textContent(), { timeout: 120_000 }).toMatch(/1[.,]000/);
    const csvBefore = await csv();
    expect(csvBefore.split('\n').filter((l) => /^"?user-/.test(l)).length).toBe(N);

    // a later visit: the saved sites and the saved analysis come back, nothing is analysed
    await page.reload();
    await waitForMapIdle(page);
    if (!(await page.$('.analysis table'))) await page.click('button[data-panel="sites"]');
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 400_000 }).toBe(String(total + 1));
    await expect.poll(() => page.locator('.analysis progress').count(), { timeout: 400_000 }).toBe(0);
    await expect.poll(() => analysis.getAttribute('data-analysed'), { timeout: 60_000 }).toBe('0');
    expect(await page.locator('.analysis tbody tr[data-row-id]').first().innerText()).toBe(before);
    await expect.poll(() => analysis.getAttribute('data-saved'), { timeout: 60_000 }).toBe(String(total));
    await page.screenshot({ path: 'test-results/saved-analysis.png' });
    // every full row analysed again for the file: the same file
    await expect.poll(() => page.getByTestId('range-status').textContent(), { timeout: 120_000 }).toMatch(/1[.,]000/);
    expect(await csv()).toBe(csvBefore);

    // another radius: the saved rows do not apply, every site is analysed again
    await page.selectOption('.analysis .opts label:nth-child(2) select', '5');
    await expect.poll(() => analysis.getAttribute('data-analysed'), { timeout: 400_000 }).toBe(String(total));
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 900_000);
});
