/**
 * The answer at a glance: the selected site and the targets it is measured to stay in the part of
 * the map the card leaves free, on a desktop (card at the right) and a phone (card at the bottom),
 * from a click on the map or from search; closing the card brings the previous view back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pixel, startHarness, watchPage, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';
import { base } from '../../src/lib/map/palette.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));
const coordsOf = (id: string): [number, number] => sites.features.find((f: { properties: { id: string } }) => f.properties.id === id).geometry.coordinates;

async function settled(page: Page) {
  await page.waitForFunction(() => {
    const p = (window as unknown as { __mapProbe: MapProbe }).__mapProbe;
    return !p.moving() && p.loaded();
  }, undefined, { polling: 100, timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.waitForFunction(() => !(window as unknown as { __mapProbe: MapProbe }).__mapProbe.moving(), undefined, { polling: 100, timeout: 20_000 });
}

/** Screen points (page coordinates) of lon/lat pairs. */
async function toScreen(page: Page, pts: [number, number][]) {
  const box = (await page.locator('.mapwrap').boundingBox())!;
  const xy = await page.evaluate((list) => list.map(([x, y]) => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.project(x, y)), pts);
  return { box, xy: xy.map((p) => ({ x: box.x + p.x, y: box.y + p.y })) };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[], tol: number) => a.every((x, i) => Math.abs(x - b[i]) <= tol);

const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

describe('the selected site beside its card', () => {
  for (const [w, hgt] of [[1280, 800], [360, 740]] as const) {
    for (const id of ['ccn-huyen-tung', 'ccn-quang-chu', 'kcn-cho-moi-3']) {
      it(`${id} at ${w}×${hgt}: site and measured targets outside the card; the view returns on close`, async () => {
        const phone = w < 700;
        const context = await h.browser.newContext({ viewport: { width: w, height: hgt }, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}) });
        const page = await context.newPage();
        const watch = await watchPage(page);
        await page.goto(h.url);
        await waitForMapIdle(page);
        await settled(page);
        const before = await page.evaluate(() => { const p = (window as unknown as { __mapProbe: MapProbe }).__mapProbe; return { zoom: p.zoom(), center: p.center() }; });
        await page.evaluate((x) => { location.hash = `s=industrial-sites:${x}`; }, id);
        const card = page.getByTestId('feature-card');
        await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 30_000 }).toBe(1);
        await expect.poll(() => page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.connectorEnds().length), { timeout: 20_000 }).toBeGreaterThan(0);
        await settled(page);
        const cb = (await card.boundingBox())!;
        const ends = await page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.connectorEnds());
        // Targets within 15 km are framed; farther ones are left to their connector's direction.
        const close = ends.filter((e) => /\bm$/.test(e.label) || Number(e.label.replace(',', '.').replace(/\s*km$/, '')) <= 15);
        const { box, xy } = await toScreen(page, [coordsOf(id), ...close.map((e) => e.end)]);
        mkdirSync('test-results', { recursive: true });
        await page.screenshot({ path: `test-results/glance-${id}-${w}.png` });
        expect(inside(xy[0], box), 'site on the map').toBe(true);
        expect(inside(xy[0], cb), `site pixel ${JSON.stringify(xy[0])} under the card ${JSON.stringify(cb)}`).toBe(false);
        // On a phone the framed points keep a clear strip above the card's top edge.
        if (phone) expect(cb.y - Math.max(...xy.filter((p) => inside(p, box) && !inside(p, cb)).map((p) => p.y)), 'gap above the card').toBeGreaterThanOrEqual(24);
        for (const [i, p] of xy.slice(1).entries()) {
          expect.soft(inside(p, box) && !inside(p, cb), `target ${close[i].label} at ${JSON.stringify(p)}`).toBe(true);
        }
        // The site is drawn where it is, not left as a blank map (white or the plain region fill) by the card.
        const shown = await pixel(page, xy[0].x, xy[0].y, { whole: true });
        expect(near(shown, [255, 255, 255], 12), `site pixel ${JSON.stringify(shown)} is white`).toBe(false);
        expect(near(shown, rgb(base.regionFill), 6), `site pixel ${JSON.stringify(shown)} is the plain region fill`).toBe(false);
        // Closing the card brings the view back.
        await page.keyboard.press('Escape');
        await expect.poll(() => card.count()).toBe(0);
        await settled(page);
        const after = await page.evaluate(() => { const p = (window as unknown as { __mapProbe: MapProbe }).__mapProbe; return { zoom: p.zoom(), center: p.center() }; });
        expect(after.zoom).toBeCloseTo(before.zoom, 2);
        expect(after.center[0]).toBeCloseTo(before.center[0], 3);
        expect(after.center[1]).toBeCloseTo(before.center[1], 3);
        expect(watch.errors).toEqual([]);
        await context.close();
      });
    }
  }

  it('a site chosen in search at 1280×800 sits beside the card, not under it', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(h.url);
    await waitForMapIdle(page);
    await page.fill('input[type="search"]', 'huyen tung');
    await expect.poll(() => page.locator('#search-results [role="option"]').count()).toBeGreaterThan(0);
    await page.locator('#search-results [role="option"]', { hasText: 'CCN Huyền Tụng' }).first().click();
    const card = page.getByTestId('feature-card');
    await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 30_000 }).toBe(1);
    await settled(page);
    const cb = (await card.boundingBox())!;
    const { box, xy } = await toScreen(page, [coordsOf('ccn-huyen-tung')]);
    await page.screenshot({ path: 'test-results/glance-search-1280.png' });
    expect(inside(xy[0], box)).toBe(true);
    expect(inside(xy[0], cb)).toBe(false);
    await page.close();
  });
});
