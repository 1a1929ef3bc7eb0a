/**
 * The investor path: filter by distance to a chosen raw material (over the interval: surely /
 * possibly / not) and by sector, in the URL; free area, occupancy, status, sectors and developer in
 * the comparison and the table; the score with its range and rank range over the draws. At
 * 1280×800 and 360×740.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));
const n = sites.features.length;
const rowIds = (page: Page) => page.locator('tbody tr[data-row-id]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-row-id')).sort());
const scoreCell = (page: Page, id: string) => page.locator(`tbody tr[data-row-id="${id}"] td`).nth(1);
// On a phone the analysis is one card per site (the same columns).
const cardIds = (page: Page) => page.locator('.analysis [data-row-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row-id')).sort());
const cardScore = (page: Page, id: string) => page.locator(`.analysis [data-row-id="${id}"] .card-score`);

describe('investor path', () => {
  it('filters by distance to planted forest and by sector, compares site attributes, shows score ranges (1280×800, vi)', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=investor`);
    await waitForMapIdle(page);
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('tbody tr[data-row-id]').count(), { timeout: 30_000 }).toBe(n);
    // the score range and rank range of the whole set arrive after the batches (same as `npm run analyze`)
    await expect.poll(() => scoreCell(page, 'ccn-nam-bang-lung').textContent(), { timeout: 60_000 }).toBe('56 (1–83) · hạng 1–13');
    expect(await scoreCell(page, 'ccn-huyen-tung').textContent()).toBe('94 (79–99) · hạng 1–2');
    expect(await page.getByTestId('range-status').textContent()).toContain('1.000 lần rút vị trí thực trong các đa giác định vị');

    // distance to planted forest ≤ 10 km: no site surely, 6 possibly (kept), 7 not
    const filters = page.locator('details.filters');
    if ((await filters.getAttribute('open')) === null) await filters.locator('summary').click();
    await page.selectOption('select[data-filter="nearTarget"]', 'crop:wood');
    await page.fill('input[data-filter="nearKm"]', '10');
    await page.press('input[data-filter="nearKm"]', 'Enter');
    await page.locator('input[data-filter="nearKm"]').blur();
    await expect.poll(() => page.getByTestId('near-pass').textContent()).toBe('Rừng trồng, gỗ ≤ 10 km: 0 chắc chắn, 6 có thể (vẫn hiện), 7 không');
    await expect.poll(() => rowIds(page)).toEqual(['ccn-nam-bang-lung', 'ccn-thanh-thinh', 'kcn-bach-thong', 'kcn-cho-moi-3', 'kcn-cho-moi-4', 'kcn-cho-moi-5']);
    expect(await filters.locator('summary').textContent()).toContain('(6/13)');
    mkdirSync('test-results', { recursive: true });
    await page.locator('fieldset.near').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/investor-near-1280.png' });
    // and the paper sector
    await page.check('input[data-filter-sector="paper"]');
    await expect.poll(() => rowIds(page)).toEqual(['ccn-nam-bang-lung']);
    expect(await filters.locator('summary').textContent()).toContain('(1/13)');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/fsec=paper.*fn=crop%3Awood%2C10000|fn=crop%3Awood%2C10000.*fsec=paper/);
    // sector alone
    await page.selectOption('select[data-filter="nearTarget"]', '');
    await expect.poll(() => rowIds(page)).toEqual(['ccn-nam-bang-lung', 'ccn-quang-chu']);
    await page.click('details.filters > button');
    await expect.poll(() => page.locator('tbody tr[data-row-id]').count()).toBe(n);

    // the table: attribute columns, sortable (free area, largest first)
    await page.click('button[data-sort="attr:freeHa"]');
    const firstFree = await page.locator('tbody tr[data-row-id]').first().getAttribute('data-row-id');
    expect(firstFree).toBe('kcn-cho-moi-5');
    expect(await page.locator('tbody tr[data-row-id="kcn-thanh-binh-1"] td[data-attr="attr:occupancy"]').textContent()).toBe('97 %');

    // compare three sites: free ha, occupancy, status, sectors, developer
    for (const id of ['kcn-thanh-binh-1', 'kcn-bach-thong', 'ccn-quang-chu']) await page.check(`input[data-compare="${id}"]`);
    const cmp = page.getByTestId('compare');
    const cells = (key: string) => cmp.locator(`tr[data-row="${key}"] td`).evaluateAll((tds) => tds.map((t) => t.textContent!.replace(/\s*\(.*\)\s*★$/, '').replace(/ ★$/, '')));
    expect(await cells('freeHa')).toEqual(['2,2 ha', '400 ha', '—']);
    expect(await cells('occupancy')).toEqual(['97 %', '—', '—']);
    expect(await cells('status')).toEqual(['Đang hoạt động', 'Quy hoạch', 'Đã thành lập']);
    expect((await cells('sectors'))[2]).toBe('giấy');
    expect(await cells('developer')).toEqual(['—', '—', 'Công ty CP Onsen Fuji Bắc Kạn']);
    expect((await cells('score'))[2]).toMatch(/^19 \(14,5–29,9\) · hạng 10–13$|^19,1 \(14,5–29,9\) · hạng 10–13$/);
    await cmp.locator('tr[data-row="freeHa"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/investor-compare-1280.png' });
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('a shared link with the investor filters opens filtered on a 360×740 phone (en)', async () => {
    const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#lang=en&mode=investor&fn=crop:wood,20000&fsec=agro-forestry,wood`);
    await waitForMapIdle(page);
    await page.locator('.side .grip').click();
    await page.click('button[data-panel="sites"]');
    // planted forest ≤ 20 km possibly: 10 sites; of those listing agro-forestry or wood: Nam Bằng Lũng, Thạnh Thịnh, Thanh Bình 1
    await expect.poll(() => cardIds(page), { timeout: 30_000 }).toEqual(['ccn-nam-bang-lung', 'ccn-thanh-thinh', 'kcn-thanh-binh-1']);
    const filters = page.locator('details.filters');
    expect(await filters.getAttribute('open')).not.toBeNull();
    await expect.poll(() => page.getByTestId('near-pass').textContent()).toBe('Planted forest, wood ≤ 20 km: 0 surely, 10 possibly (shown), 3 not');
    await expect.poll(() => cardScore(page, 'ccn-thanh-thinh').textContent(), { timeout: 60_000 }).toMatch(/45 \(37–58\) · rank \d+–\d+$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    mkdirSync('test-results', { recursive: true });
    await page.locator('fieldset.near').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/investor-filters-360.png' });
    // compare two of them on the phone
    for (const id of ['ccn-thanh-thinh', 'kcn-thanh-binh-1']) await page.locator(`input[data-compare="${id}"]`).check();
    const cmp = page.getByTestId('compare');
    await cmp.locator('tr[data-row="freeHa"]').scrollIntoViewIfNeeded();
    expect(await cmp.locator('tr[data-row="developer"] td').first().textContent()).toBe('Công ty CP Khoáng sản Bắc Kạn');
    expect(await cmp.locator('tr[data-row="status"] th').textContent()).toBe('Status');
    await page.screenshot({ path: 'test-results/investor-compare-360.png' });
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
