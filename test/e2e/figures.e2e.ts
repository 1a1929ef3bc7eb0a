/**
 * Figures that must not mislead: a candidate outside the province is flagged in its card and in
 * the table; a site of unknown occupancy does not pass a minimum free-area filter. 1280×800 and 360×740.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));
const [qlon, qlat] = sites.features.find((f: { properties: { id: string } }) => f.properties.id === 'ccn-quang-chu').geometry.coordinates;
const outsideId = '11111111-2222-4333-8444-555555555555';
const insideId = '66666666-7777-4888-9999-000000000000';
// South of the former province (Thái Nguyên), and next to CCN Quảng Chu (inside).
const drafts = `d=${encodeURIComponent(`${outsideId}|Ngoai tinh|105.75,21.6`)}&d=${encodeURIComponent(`${insideId}|Trong tinh|${qlon + 0.01},${qlat}`)}`;

describe('figures that must not mislead', () => {
  for (const [w, hgt] of [[1280, 800], [360, 740]] as const) {
    it(`flags a candidate outside the province in its card and the table at ${w}×${hgt}`, async () => {
      const phone = w < 700;
      const context = await h.browser.newContext({ viewport: { width: w, height: hgt }, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
      const page = await context.newPage();
      const watch = await watchPage(page);
      await page.goto(`${h.url}#mode=planner&s=drafts:${outsideId}&${drafts}`);
      // The map is framed on the candidate, south of the province: no site needs to be on screen.
      const card = page.getByTestId('feature-card');
      await expect.poll(() => card.locator('h2').textContent(), { timeout: 60_000 }).toBe('Ngoai tinh');
      await expect.poll(() => card.getByTestId('coverage-warning').textContent()).toContain('Nằm ngoài tỉnh Bắc Kạn (cũ)');
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/figures-outside-${w}.png` });
      await page.evaluate((id) => { location.hash = `mode=planner&s=drafts:${id}`; }, insideId);
      await expect.poll(() => card.locator('h2').textContent()).toBe('Trong tinh');
      expect(await card.getByTestId('coverage-warning').count()).toBe(0);
      await page.keyboard.press('Escape');
      if (phone) await page.locator('.side .grip').click();
      await page.click('button[data-panel="sites"]');
      await expect.poll(() => page.locator(`.analysis [data-row-id="${outsideId}"]`).count(), { timeout: 30_000 }).toBe(1);
      expect(await page.locator(`[data-outside="${outsideId}"]`).count()).toBe(1);
      expect(await page.locator(`[data-outside="${insideId}"]`).count()).toBe(0);
      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }

  it('does not let a site of unknown occupancy pass a minimum free area', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${h.url}#mode=investor&minFreeAreaHa=5`);
    await waitForMapIdle(page);
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('tbody tr[data-row-id]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const ids = await page.locator('tbody tr[data-row-id]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-row-id')));
    // CCN Cẩm Giàng: 40 ha, occupancy unknown, not planned.
    expect(ids).not.toContain('ccn-cam-giang');
    // Planned parks (nothing built yet) keep their whole area.
    expect(ids).toContain('kcn-cho-moi-3');
    await page.close();
  });
});
