/**
 * The distance view: every site × grid, substations, road, deposit and each raw material, full
 * width without horizontal scrolling at 1280 px, sortable, filter-aware, exportable, with every
 * site's connectors on the map; one card per site on a 360 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { startHarness, watchPage, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));
const n = sites.features.length;

describe('the distance view', () => {
  it('shows every site × every distance without horizontal scrolling at 1280×800', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=investor`);
    await waitForMapIdle(page);
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('tbody tr[data-row-id]').count(), { timeout: 30_000 }).toBe(n);
    await page.click('button[data-action="distances"]');
    const view = page.getByTestId('distance-view');
    await expect.poll(() => view.locator('tr[data-dist-row]').count(), { timeout: 20_000 }).toBe(n);
    // Name, score, MV, 110 kV, 220 kV, road, deposit and the eight raw materials.
    const heads = await view.locator('thead th abbr').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(heads).toEqual(expect.arrayContaining(['Lưới trung thế', 'Trạm 110 kV', 'Trạm 220 kV', 'Đường', 'Mỏ khoáng sản', 'Rừng trồng, gỗ', 'Dong riềng', 'Gừng', 'Nghệ', 'Dược liệu', 'Cam', 'Hồng không hạt', 'Rượu men lá']));
    // then the sites' own attributes: free area, occupancy, status, sectors, developer
    expect(heads.slice(-5)).toEqual(['Diện tích còn trống', 'Tỷ lệ lấp đầy', 'Tình trạng', 'Ngành nghề', 'Chủ đầu tư hạ tầng']);
    expect(heads.length).toBe(19);
    // Thanh Bình 1: 73 ha at 97 % → 2,2 ha free, operating, wood; Nam Bằng Lũng's six sectors as the first and "+5", all in the tooltip
    const tb1 = view.locator('tr[data-dist-row="kcn-thanh-binh-1"]');
    expect(await tb1.locator('td[data-attr="freeHa"]').textContent()).toBe('2,2 ha');
    expect(await tb1.locator('td[data-attr="occupancy"]').textContent()).toBe('97 %');
    expect(await tb1.locator('td[data-attr="status"]').textContent()).toBe('Đang hoạt động');
    const nbl = view.locator('tr[data-dist-row="ccn-nam-bang-lung"] td[data-attr="sectors"]');
    expect(await nbl.textContent()).toBe('kim loại +5');
    expect(await nbl.getAttribute('title')).toBe('kim loại, điện, điện tử, hóa chất, gỗ, giấy, xử lý chất thải');
    expect(await view.locator('tr[data-dist-row="ccn-quang-chu"] td[data-attr="developer"]').getAttribute('title')).toBe('Công ty CP Onsen Fuji Bắc Kạn');
    const scroll = view.locator('.scroll');
    const { sw, cw } = await scroll.evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth }));
    expect(sw, 'no horizontal scrolling').toBeLessThanOrEqual(cw);
    const vb = (await view.boundingBox())!;
    expect(vb.width).toBeGreaterThan(1200);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/distances-1280.png' });
    // Sorted by distance to the MV grid, nearest first.
    await view.locator('button[data-sort="mv"]').click();
    const d = (await view.locator('tr[data-dist-row] td[data-key="mv"]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-v') ?? ''))).filter((x) => x !== '').map(Number);
    expect(d.length).toBeGreaterThan(1);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    // Export: the rows on screen.
    const [download] = await Promise.all([page.waitForEvent('download'), view.locator('button[data-export="distances-csv"]').click()]);
    const csv = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(csv.length).toBe(n);
    // with the sites' attributes, as the table's export
    expect(csv.find((r) => r.id === 'kcn-thanh-binh-1')).toMatchObject({ free_ha: '2.19', occupancy_pct: '97', status: 'operating', sectors: 'wood' });
    // Every site's connectors on the map.
    await view.locator('input[data-toggle="connectors"]').check();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.connectorEnds().length)).toBeGreaterThan(n);
    await page.keyboard.press('Escape');
    await expect.poll(() => view.count()).toBe(0);
    await page.screenshot({ path: 'test-results/distances-connectors-1280.png' });
    // A row opens the site's card, which shows its free area (73 ha at 97 % → 2,2 ha) after the occupancy
    await page.click('button[data-action="distances"]');
    await view.locator('tr[data-dist-row="kcn-thanh-binh-1"] th').click();
    const card = page.getByTestId('feature-card');
    await expect.poll(() => card.locator('#card-title').textContent()).toContain('Thanh Bình');
    const terms = await card.locator('[data-testid="card-scroll"] > dl > dt').allTextContents();
    const values = await card.locator('[data-testid="card-scroll"] > dl > dd').allTextContents();
    const i = terms.indexOf('Diện tích còn trống');
    expect(values[i]).toBe('2,2 ha');
    expect(terms[i - 1]).toBe('Tỷ lệ lấp đầy');
    await page.screenshot({ path: 'test-results/distances-card-free-1280.png' });
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('follows the filters and shows one card per site at 360×740', async () => {
    const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${h.url}#mode=investor&fk=cluster`);
    await waitForMapIdle(page);
    const clusters = sites.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'cluster').length;
    await page.locator('.side .grip').click();
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('.analysis [data-row-id]').count(), { timeout: 30_000 }).toBe(clusters);
    await page.click('button[data-action="distances"]');
    const view = page.getByTestId('distance-view');
    await expect.poll(() => view.locator('li[data-dist-card]').count(), { timeout: 20_000 }).toBe(clusters);
    expect(await view.locator('.scroll').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await view.locator('li[data-dist-card]').first().locator('dt').count()).toBe(19);
    // the cluster Quảng Chu's card: status, sectors and developer in full
    const qc = view.locator('li[data-dist-card="ccn-quang-chu"]');
    expect(await qc.locator('dd[data-attr="status"]').textContent()).toBe('Đã thành lập');
    expect(await qc.locator('dd[data-attr="sectors"]').textContent()).toBe('giấy');
    expect(await qc.locator('dd[data-attr="developer"]').textContent()).toBe('Công ty CP Onsen Fuji Bắc Kạn');
    await qc.locator('dd[data-attr="developer"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/distances-360-card.png' });
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/distances-360.png' });
    await context.close();
  });
});
