/**
 * A large imported site list in the distance view: only the rows in view are in the page, the
 * table tells assistive technology the full size (aria-rowcount / aria-rowindex), scrolling to the
 * end shows the last site, sorting still orders the whole list, and the keyboard reaches the last row.
 * The sites are synthetic test input on a grid inside the region polygon, never shown as data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { gridSites, importSites } from './sites.ts';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const bundledSites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features as Feature[];
const N = 1000;

describe('a large distance view (production build, Debian Chromium)', () => {
  it('renders the rows in view only, scrolls to the last site, sorts the whole list and reaches the end by keyboard', async () => {
    const fc = gridSites({ count: N, west: 105.55, south: 21.85, step: 0.004, columns: 200, id: 'grid-', name: 'Ô lưới ' });
    expect(fc.features.length).toBe(N);
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=investor`);
    await waitForMapIdle(page);
    await importSites(page, fc, 'grid-sites.geojson');
    await page.click('button[data-panel="sites"]');
    const total = N + bundledSites.length;
    await expect.poll(() => page.locator('.analysis table').getAttribute('aria-rowcount'), { timeout: 400_000 }).toBe(String(total + 1));
    await expect.poll(() => page.locator('.analysis progress').count(), { timeout: 400_000 }).toBe(0);

    await page.click('button[data-action="distances"]');
    const view = page.getByTestId('distance-view');
    const table = view.locator('table');
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe(String(total + 1));
    const rows = view.locator('tbody tr[data-dist-row]');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(10);
    expect(await rows.count(), 'far fewer rows in the page than sites').toBeLessThan(100);
    expect(await view.locator('thead tr').getAttribute('aria-rowindex')).toBe('1');
    expect(await rows.first().getAttribute('aria-rowindex')).toBe('2');
    // still 19 columns and no horizontal scrolling at 1280 px
    expect(await view.locator('thead th abbr').count()).toBe(19);
    const scroll = view.locator('.scroll');
    const { sw, cw } = await scroll.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
    expect(sw, 'no horizontal scrolling').toBeLessThanOrEqual(cw);

    // Sorted by name, A first: the first bundled site in Vietnamese order; the other way: the grid's "Ô lưới 999".
    const byName = [...bundledSites.map((f) => ({ id: String(f.properties!.id), name: String(f.properties!.name) })), ...fc.features.map((f) => ({ id: String(f.properties!.id), name: String(f.properties!.name) }))]
      .sort((a, b) => new Intl.Collator('vi').compare(a.name, b.name));
    expect(byName.at(-1)!.name).toBe('Ô lưới 999');
    // (an imported site gets an id of its own: the grid's rows are found by name)
    const nameOf = async (row: ReturnType<typeof rows.first>) => (await row.locator('th').textContent())?.trim();
    await view.locator('thead th.name button').click();
    await expect.poll(() => rows.first().getAttribute('data-dist-row')).toBe(byName[0].id);
    // Scrolled to the end: the last site's row, at the last row index, with the page still holding few rows.
    await scroll.evaluate((e) => { e.scrollTop = e.scrollHeight; });
    await expect.poll(() => nameOf(view.locator(`tbody tr[aria-rowindex="${total + 1}"]`))).toBe('Ô lưới 999');
    expect(await rows.count()).toBeLessThan(100);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/big-distances-end-1280.png' });
    await view.locator('thead th.name button').click();
    await scroll.evaluate((e) => { e.scrollTop = 0; });
    await expect.poll(() => nameOf(rows.first())).toBe('Ô lưới 999');
    expect(await rows.first().getAttribute('aria-rowindex')).toBe('2');

    // Keyboard: Tab reaches one row, End goes to the last (brought into the page), Enter opens its site.
    await rows.first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(total + 1));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-dist-row'))).toBe(byName[0].id);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(total));
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('th')?.textContent?.trim())).toBe('Ô lưới 999');
    await page.screenshot({ path: 'test-results/big-distances-1280.png' });
    await page.keyboard.press('Enter');
    await expect.poll(() => view.count()).toBe(0);
    await expect.poll(() => page.getByTestId('feature-card').locator('#card-title').textContent()).toContain('Ô lưới 999');
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 900_000);

  it('keeps one card per site on a 360 px phone, only the cards in view in the page', async () => {
    const fc = gridSites({ count: N, west: 105.55, south: 21.85, step: 0.004, columns: 200, id: 'grid-', name: 'Ô lưới ' });
    const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=investor`);
    await waitForMapIdle(page);
    await importSites(page, fc, 'grid-sites.geojson');
    const total = N + bundledSites.length;
    // the sheet may be open already after the import
    if (!(await page.locator('button[data-panel="sites"]').isVisible())) await page.locator('.side .grip').click();
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('.analysis progress').count(), { timeout: 400_000 }).toBe(0);
    await page.click('button[data-action="distances"]');
    const view = page.getByTestId('distance-view');
    await expect.poll(() => view.locator('h2 .n').textContent(), { timeout: 20_000 }).toBe(`(${total})`);
    const cards = view.locator('li[data-dist-card]');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    expect(await cards.count(), 'far fewer cards in the page than sites').toBeLessThan(40);
    expect(await view.locator('.scroll').isVisible()).toBe(false);
    expect(await cards.first().locator('dt').count()).toBe(19);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // scrolled to the end: the last card (the measured heights settle as the cards come in)
    const box = view.locator('.cards');
    await box.evaluate((e) => { e.scrollTop = e.scrollHeight; });
    await expect.poll(async () => { await box.evaluate((e) => { e.scrollTop = e.scrollHeight; }); return cards.last().getAttribute('data-index'); }).toBe(String(total - 1));
    expect(await cards.count()).toBeLessThan(40);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/big-distances-360-end.png' });
    // the last card's name opens its site
    const last = cards.last();
    const name = (await last.locator('button.title').textContent())!.trim();
    await last.locator('button.title').click();
    await expect.poll(() => view.count()).toBe(0);
    await expect.poll(() => page.getByTestId('feature-card').locator('#card-title').textContent()).toContain(name);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 900_000);
});
