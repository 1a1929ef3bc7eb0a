/**
 * A large imported site list: the analysis table keeps only the rows in view in the page, tells
 * assistive technology the full size (aria-rowcount / aria-rowindex), reaches the last row from
 * the keyboard, and exports every row as CSV and GeoJSON (read back with GDAL).
 * The sites are synthetic test input on a grid inside the region polygon, never shown as data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { gridSites, importSites } from './sites.ts';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const bundled = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features.length as number;
const N = 1000;

/**
 * Records each text `selector` shows inside `root` from now on (what a button says while a file is
 * prepared); the returned function reads them.
 */
async function textsOf(page: Page, root: string, selector: string): Promise<() => Promise<string[]>> {
  await page.evaluate(([r, sel]) => {
    const w = window as unknown as { __texts: string[] };
    w.__texts = [];
    new MutationObserver(() => {
      const t = document.querySelector(sel)?.textContent;
      if (t && w.__texts.at(-1) !== t) w.__texts.push(t.replace(/\s+/g, ' ').trim());
    }).observe(document.querySelector(r)!, { childList: true, subtree: true, characterData: true });
  }, [root, selector] as const);
  return () => page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);
}

describe('a large analysis table (production build, Debian Chromium)', () => {
  it('renders the rows in view only, stays navigable by keyboard, and exports every row', async () => {
    const fc = gridSites({ count: N, west: 105.55, south: 21.85, step: 0.004, columns: 200, id: 'grid-', name: 'Ô lưới ' });
    expect(fc.features.length).toBe(N);
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(h.url);
    await waitForMapIdle(page);
    await importSites(page, fc, 'grid-sites.geojson');
    await page.click('button[data-panel="sites"]');

    const table = page.locator('.analysis table');
    const total = N + bundled;
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 400_000 }).toBe(String(total + 1));
    await expect.poll(() => page.locator('.analysis progress').count(), { timeout: 400_000 }).toBe(0);
    const domRows = await page.locator('.analysis tbody tr[data-row-id]').count();
    expect(domRows).toBeGreaterThan(10);
    expect(domRows).toBeLessThan(200);
    expect(await page.locator('.analysis thead tr').getAttribute('aria-rowindex')).toBe('1');
    expect(await page.locator('.analysis tbody tr[data-row-id]').first().getAttribute('aria-rowindex')).toBe('2');

    // Keyboard: End goes to the last row (scrolled into the page), Home back to the first.
    await page.locator('.analysis tbody tr[data-row-id]').first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(total + 1));
    const lastId = await page.evaluate(() => document.activeElement?.getAttribute('data-row-id'));
    await expect.poll(() => page.locator('.analysis tbody tr.selected').getAttribute('data-row-id')).toBe(lastId);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(total));
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('2');
    expect(await page.locator('.analysis tbody tr[data-row-id]').count()).toBeLessThan(200);
    await page.keyboard.press('Escape');

    // Exports: every row, read back as CSV and, with GDAL, as GeoJSON.
    mkdirSync('test-results', { recursive: true });
    const save = async (kind: string, file: string) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`button[data-export="${kind}"]`)]);
      await download.saveAs(file);
      return readFileSync(file, 'utf8');
    };
    // what the button says while the file is prepared: the sites written so far, after each piece
    const busy = await textsOf(page, '.analysis', '[data-testid="export-busy"]');
    const csv = Papa.parse<string[]>(await save('csv', 'test-results/big-table.csv'), { skipEmptyLines: true }).data;
    const busyTexts = await busy();
    expect(busyTexts.some((t) => t === `Đang chuẩn bị tệp… ${total.toLocaleString('de-DE')} / ${total.toLocaleString('de-DE')} địa điểm`), busyTexts.join(' | ')).toBe(true);
    expect(csv.length).toBe(total + 1);
    expect(csv[0].slice(0, 2)).toEqual(['id', 'name']);
    expect(csv[0]).toContain('score');
    expect(new Set(csv.slice(1).map((r) => r[0])).size).toBe(total);
    const geo = JSON.parse(await save('geojson', 'test-results/big-table.geojson')) as FeatureCollection;
    expect(geo.features.length).toBe(total);
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', 'test-results/big-table.geojson'], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Feature Count: ${total}\\b`));
    await page.screenshot({ path: 'test-results/big-table.png' });

    // The data panel's export of the analysis (KML here): written by the worker in parts, with the
    // same progress line; GDAL reads every site.
    await page.click('button[data-panel="data"]');
    await page.selectOption('[data-testid="export-source"]', 'analysis');
    await page.selectOption('[data-testid="data-export-format"]', 'kml');
    const dataBusyTexts = await textsOf(page, '.data-panel', '[data-testid="data-export-busy"]');
    const [kmlDl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="export-go"]')]);
    await kmlDl.saveAs('test-results/big-table-analysis.kml');
    const dataBusy = await dataBusyTexts();
    expect(dataBusy.some((t) => t === `Đang chuẩn bị tệp… ${total.toLocaleString('de-DE')} / ${total.toLocaleString('de-DE')} địa điểm`), dataBusy.join(' | ')).toBe(true);
    expect(execFileSync('ogrinfo', ['-ro', '-so', '-al', 'test-results/big-table-analysis.kml'], { encoding: 'utf8' })).toMatch(new RegExp(`Feature Count: ${total}\\b`));
    await expect.poll(() => page.locator('[data-testid="data-export-busy"]').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 900_000);
});
