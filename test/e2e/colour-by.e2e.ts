/**
 * "Colour by" a distance: the site symbols take the colour of their distance class (read from the
 * rendered map's pixels), the legend names the classes, "none" brings back the kind colours, a
 * sketched draft is coloured too, and the every-site connectors draw with the colouring on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { pixel, startHarness, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';
import { classOf, colourClasses } from '../../src/lib/map/colour-by.ts';
import { distanceRamp } from '../../src/lib/map/palette.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); mkdirSync('test-results', { recursive: true }); });
afterAll(async () => { await h?.close(); });

const VANG_MUOI = { id: 'ccn-vang-muoi', lonlat: [106.095278, 22.118545] };
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const near = (a: number[], b: number[], tol = 12) => a.every((x, i) => Math.abs(x - b[i]) <= tol);

/** The screen point of a lon/lat on the map, once the map has settled. */
async function screenOf(page: Page, lonlat: number[]) {
  await page.waitForFunction(() => { const p = (window as unknown as { __mapProbe: MapProbe }).__mapProbe; return p.loaded() && !p.moving(); }, undefined, { polling: 100 });
  const pt = await page.evaluate(([x, y]) => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.project(x, y), lonlat);
  const box = (await page.locator('.mapwrap').boundingBox())!;
  return { x: box.x + pt.x, y: box.y + pt.y, box };
}

/** A 1280×800 page in planner mode, map idle, collecting page errors. */
async function plannerPage() {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.url}#mode=planner`);
  await waitForMapIdle(page);
  return { context, page, errors };
}

/** Every analysed site's MV distance (point estimate, m, or null), read from the distance view (left open). */
async function mvDistances(page: Page): Promise<{ id: string; draft: boolean; v: number | null }[]> {
  await page.click('button[data-panel="sites"]');
  await page.click('button[data-action="distances"]');
  await expect.poll(() => page.locator('tr[data-dist-row]').count(), { timeout: 30_000 }).toBe(14);
  const rows = await page.locator('tr[data-dist-row]').evaluateAll((trs) => trs.map((r) => ({
    id: r.getAttribute('data-dist-row')!, draft: !!r.querySelector('.draft'),
    v: r.querySelector('td[data-key="mv"]')?.getAttribute('data-v') ?? null,
  })));
  return rows.map((r) => ({ ...r, v: r.v === null || r.v === '' ? null : Number(r.v) }));
}

describe('site symbols coloured by a distance', () => {
  it('desktop 1280×800: the class colour of the MV-grid distance, a draft too, the legend, none, all connectors', async () => {
    const { context, page, errors } = await plannerPage();

    // A sketched point (a draft site).
    await page.click('button[data-panel="drafts"]');
    const box0 = (await page.locator('.mapwrap').boundingBox())!;
    const draftAt = { x: box0.x + 330, y: box0.y + 300 };
    await page.click('button[data-draw="point"]');
    await page.mouse.click(draftAt.x, draftAt.y);
    await page.click('button[data-draw="static"]');
    await expect.poll(() => page.locator('.drafts .count').textContent()).toBe('1 phương án');
    // The new draft's card opened and framed it: close it, the view returns to where it was drawn.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('feature-card').count()).toBe(0);
    await page.waitForTimeout(700);

    // Every analysed site's MV distance (point estimate), from the distance view.
    const mv = await mvDistances(page);
    const values = mv.map((r) => r.v);
    const classes = colourClasses(values);
    expect(classes.length).toBeGreaterThanOrEqual(3);
    const expected = (id: string) => classOf(classes, values[mv.findIndex((r) => r.id === id)])!.color;
    const draftId = mv.find((r) => r.draft)!.id;
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('distance-view').count()).toBe(0);

    const site = await screenOf(page, VANG_MUOI.lonlat);
    const before = await pixel(page, site.x, site.y);
    expect(near(before, rgb(expected(VANG_MUOI.id)), 40)).toBe(false);

    await page.click('button[data-panel="layers"]');
    await page.selectOption('select[data-control="colour-by"]', 'mv');
    await expect.poll(() => pixel(page, site.x, site.y), { timeout: 15_000 }).toSatisfy((p: number[]) => near(p, rgb(expected(VANG_MUOI.id))));
    // The draft point: a ring of its class colour around terra-draw's dot.
    await expect.poll(() => pixel(page, draftAt.x + 11, draftAt.y), { timeout: 15_000 }).toSatisfy((p: number[]) => near(p, rgb(expected(draftId))));
    const legend = page.getByTestId('colour-by-legend');
    expect(await legend.locator('h3').textContent()).toContain('Lưới trung thế');
    expect(await legend.locator('li').count()).toBe(classes.length + 1);
    expect(await legend.textContent()).toContain('giá trị ước tính');
    await page.screenshot({ path: 'test-results/colour-by-desktop.png' });

    // Every site's connectors drawn with the colouring on; the symbol keeps its class colour.
    await page.click('button[data-panel="sites"]');
    await page.click('button[data-action="distances"]');
    await page.check('input[data-toggle="connectors"]');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.renderedCount('analysis-connectors')), { timeout: 15_000 }).toBeGreaterThan(13);
    await expect.poll(() => pixel(page, site.x, site.y), { timeout: 15_000 }).toSatisfy((p: number[]) => near(p, rgb(expected(VANG_MUOI.id))));
    await page.screenshot({ path: 'test-results/colour-by-connectors.png' });

    // None: the kind colour again.
    await page.click('button[data-panel="layers"]');
    await page.selectOption('select[data-control="colour-by"]', '');
    await expect.poll(() => legend.count()).toBe(0);
    await expect.poll(() => pixel(page, site.x, site.y), { timeout: 15_000 }).toSatisfy((p: number[]) => near(p, before, 6));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an imported site is coloured too, above its own symbol', async () => {
    const { context, page, errors } = await plannerPage();
    const at = [105.95, 22.35];
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Imported site' }, geometry: { type: 'Point', coordinates: at } }] });
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'my-site.geojson', { type: 'application/geo+json' }));
      return d;
    }, text);
    await page.dispatchEvent('.mapwrap', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('.mapwrap', 'drop', { dataTransfer: dt });
    await expect.poll(() => page.getByTestId('import-result').count(), { timeout: 30_000 }).toBe(1);
    await page.selectOption('[data-testid="import-role"]', 'sites');
    await page.click('[data-testid="import-accept"]');

    const mv = await mvDistances(page);
    const values = mv.map((r) => r.v);
    const mine = mv.findIndex((r) => r.id.startsWith('user-'));
    expect(mine).toBeGreaterThanOrEqual(0);
    const colour = classOf(colourClasses(values), values[mine])!.color;
    await page.keyboard.press('Escape');

    const site = await screenOf(page, at);
    const before = await pixel(page, site.x, site.y);
    expect(near(before, rgb(colour), 40)).toBe(false);
    await page.click('button[data-panel="layers"]');
    await page.selectOption('select[data-control="colour-by"]', 'mv');
    await expect.poll(() => pixel(page, site.x, site.y), { timeout: 15_000 }).toSatisfy((p: number[]) => near(p, rgb(colour)));
    await page.screenshot({ path: 'test-results/colour-by-imported.png' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('phone 360×740: chosen in the sheet, the symbol takes a ramp colour and the legend stays clear of the controls', async () => {
    const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${h.url}#lang=en`);
    await waitForMapIdle(page);
    const site = await screenOf(page, VANG_MUOI.lonlat);
    const before = await pixel(page, site.x, site.y);
    await page.locator('[data-sheet-grip]').tap();
    await page.selectOption('select[data-control="colour-by"]', 'road');
    await page.locator('[data-sheet-grip]').tap();
    await expect.poll(() => page.locator('nav.side').getAttribute('data-sheet')).toBe('peek');
    await expect.poll(() => pixel(page, site.x, site.y), { timeout: 15_000 }).toSatisfy((p: number[]) => !near(p, before, 20) && distanceRamp.some((c) => near(p, rgb(c))));
    const legend = page.getByTestId('colour-by-legend');
    expect(await legend.locator('h3').textContent()).toContain('Road');
    const lb = (await legend.boundingBox())!;
    const zoom = (await page.locator('.maplibregl-ctrl-zoom-in').boundingBox())!;
    expect(lb.x + lb.width).toBeLessThan(zoom.x);
    await page.screenshot({ path: 'test-results/colour-by-phone.png' });
    await context.close();
  });
});
