import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';
import { metricLabel, tableMetrics } from '../../src/lib/ui/site-metrics.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); mkdirSync('test-results', { recursive: true }); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));
const probe = (page: Page) => page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.center());

async function phone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** A real touch drag (Chromium touch events, which also fire pointer events) from y0 to y1 at x, pausing before lifting. */
async function touchDrag(page: Page, x: number, y0: number, y1: number) {
  const cdp = await page.context().newCDPSession(page);
  const steps = 16;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / steps }] });
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200); // a pause, not a flick
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('phone bottom sheet, map controls and first-visit line (360×740, touch)', () => {
  it('drags the sheet to each state, toggles it by tap and keys, and returns the view after a card', async () => {
    const { context, page, errors } = await phone();
    await page.goto(h.url);
    await waitForMapIdle(page);
    const nav = page.locator('nav.side');
    const grip = page.locator('[data-sheet-grip]');
    const mapBox = (await page.locator('.mapwrap').boundingBox())!;
    const sheetH = async () => (await nav.boundingBox())!.height;
    expect(await nav.getAttribute('data-sheet')).toBe('peek');
    expect(await grip.getAttribute('aria-expanded')).toBe('false');
    expect(await sheetH()).toBeLessThan(60);

    // Drag the grip up to about half the map: it settles at half.
    let g = (await grip.boundingBox())!;
    await touchDrag(page, g.x + g.width / 2, g.y + 20, mapBox.y + mapBox.height * 0.5);
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('half');
    expect(await grip.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(sheetH).toBeCloseTo(Math.round(mapBox.height * 0.55), -1);
    await page.screenshot({ path: 'test-results/sheet-half.png' });

    // Further up, near the top: full.
    g = (await grip.boundingBox())!;
    await touchDrag(page, g.x + g.width / 2, g.y + 20, mapBox.y + 30);
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('full');
    await expect.poll(sheetH).toBeGreaterThan(mapBox.height - 20);
    expect(await page.locator('.tabs button[data-panel]').first().isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/sheet-full.png' });

    // Down to the bottom: folded to the grip.
    g = (await grip.boundingBox())!;
    await touchDrag(page, g.x + g.width / 2, g.y + 20, mapBox.y + mapBox.height - 10);
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('peek');
    expect(await grip.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(sheetH).toBeLessThan(60);

    // A tap toggles; keys step and toggle.
    await grip.tap();
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('half');
    await grip.tap();
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('peek');
    await grip.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('half');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('full');
    await page.keyboard.press('Enter');
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('peek');
    expect(await grip.getAttribute('aria-expanded')).toBe('false');
    // A tab opened by the app (the sheet's own tabs) unfolds it half way.
    await page.keyboard.press('Space');
    await expect.poll(() => grip.getAttribute('aria-expanded')).toBe('true');
    await page.locator('button[data-panel="layers"]').tap();
    await grip.tap();
    await expect.poll(() => nav.getAttribute('data-sheet')).toBe('peek');

    // A card opens over the map and the view moves to frame the site; closing it brings the view back.
    await page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.fitRegion());
    await page.waitForFunction(() => { const p = (window as unknown as { __mapProbe: MapProbe }).__mapProbe; return p.loaded() && !p.moving(); }, undefined, { polling: 100 });
    const before = await probe(page);
    const quangChu = sites.features.find((f: { properties: { name: string } }) => f.properties.name.includes('Quảng Chu'));
    const pt = await page.evaluate(([x, y]) => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.project(x, y), quangChu.geometry.coordinates);
    await page.touchscreen.tap(mapBox.x + pt.x, mapBox.y + pt.y);
    const card = page.getByTestId('feature-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 10_000 }).toContain('Quảng Chu');
    await expect.poll(async () => { const c = await probe(page); return Math.hypot(c[0] - before[0], c[1] - before[1]); }, { timeout: 15_000 }).toBeGreaterThan(0.01);
    await card.locator('button.close').tap();
    await expect.poll(async () => { const c = await probe(page); return Math.hypot(c[0] - before[0], c[1] - before[1]); }, { timeout: 15_000 }).toBeLessThan(1e-4);
    await expect.poll(() => nav.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives map controls ≥ 40 px, and shows the first-visit line above the map until dismissed', async () => {
    const { context, page, errors } = await phone();
    await page.goto(h.url);
    await waitForMapIdle(page);
    const buttons = await page.locator('.maplibregl-ctrl-group button, .maplibregl-ctrl-attrib-button').evaluateAll((els) => els
      .filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).display !== 'none')
      .map((e) => { const r = e.getBoundingClientRect(); return { what: e.className, w: r.width, h: r.height }; }));
    expect(buttons.map((b) => b.what).join(' ')).toMatch(/zoom-in[\s\S]*zoom-out[\s\S]*attrib-button|attrib-button[\s\S]*zoom-in/);
    for (const b of buttons) {
      expect.soft(b.w, `${b.what} width`).toBeGreaterThanOrEqual(40);
      expect.soft(b.h, `${b.what} height`).toBeGreaterThanOrEqual(40);
    }

    const line = page.getByTestId('first-visit');
    expect(await line.isVisible()).toBe(true);
    expect(await line.locator('p').textContent()).toContain('chấm hồng là cụm công nghiệp');
    const lb = (await line.boundingBox())!;
    const mb = (await page.locator('.mapwrap').boundingBox())!;
    expect(lb.y + lb.height).toBeLessThanOrEqual(mb.y + 0.5); // above the map, never over it
    expect(lb.height).toBeLessThanOrEqual(110);
    expect(mb.height).toBeGreaterThan(500);
    await page.screenshot({ path: 'test-results/first-visit-phone.png' });
    await page.locator('[data-action="first-visit-dismiss"]').tap();
    await expect.poll(() => line.count()).toBe(0);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.getByTestId('first-visit').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('analysis as stacked cards', () => {
  it('shows one card per site on a phone (name, score, every other column with its interval) and the table on a desktop', async () => {
    const { context, page, errors } = await phone();
    await page.goto(`${h.url}#mode=investor`);
    await waitForMapIdle(page);
    await page.locator('[data-sheet-grip]').tap();
    await page.locator('[data-sheet-grip]').press('ArrowUp');
    await expect.poll(() => page.locator('nav.side').getAttribute('data-sheet')).toBe('full');
    await page.locator('button[data-panel="sites"]').tap();
    const cards = page.locator('.analysis li[data-row-id]');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(sites.features.length);
    expect(await page.locator('.analysis table').count()).toBe(0);
    const first = cards.first();
    expect((await first.locator('.card-name').textContent())!.trim().length).toBeGreaterThan(3);
    expect(await first.locator('.card-score').textContent()).toMatch(/^\D*\d/);
    // The other columns of the table (the site-metrics list): MV grid, substation, road, material, deposit, population, protected area.
    const labels = await first.locator('dt').allTextContents();
    expect(labels).toEqual(tableMetrics('wood').filter((m) => m.key !== 'score').map((m) => metricLabel('vi', m.key)));
    expect(labels.slice(0, 2)).toEqual(['Lưới trung thế', 'Trạm biến áp']);
    const all = (await cards.locator('dd').allTextContents()).join(' | ');
    expect(all).toMatch(/\d+,\d–\d+,\d km · /); // an interval and why
    // Every card and every value inside the visible width of the list (no sideways scrolling).
    const boxes = await cards.evaluateAll((els) => els.map((e) => {
      const list = e.closest('.scroll')!.getBoundingClientRect();
      const right = Math.max(...[...e.querySelectorAll('dd, .card-name, .card-score')].map((x) => x.getBoundingClientRect().right));
      return { card: e.getBoundingClientRect().right, right, list: list.right, sw: e.closest('.scroll')!.scrollWidth, cw: e.closest('.scroll')!.clientWidth };
    }));
    for (const b of boxes) {
      expect(b.card).toBeLessThanOrEqual(b.list + 0.5);
      expect(b.right).toBeLessThanOrEqual(b.card + 0.5);
      expect(b.sw).toBeLessThanOrEqual(b.cw);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The compare box and the name work by touch.
    await first.locator('input[data-compare]').tap();
    await expect.poll(() => first.locator('input[data-compare]').isChecked()).toBe(true);
    await page.screenshot({ path: 'test-results/cards-phone.png' });
    const name = (await cards.nth(1).locator('.card-name').textContent())!.trim();
    await cards.nth(1).locator('.card-name').tap();
    await expect.poll(() => page.getByTestId('feature-card').locator('h2').textContent(), { timeout: 10_000 }).toBe(name);
    expect(errors).toEqual([]);
    await context.close();

    const desk = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const dp = await desk.newPage();
    await dp.goto(h.url);
    await waitForMapIdle(dp);
    await dp.click('button[data-panel="sites"]');
    await expect.poll(() => dp.locator('.analysis tbody tr[data-row-id]').count(), { timeout: 30_000 }).toBe(sites.features.length);
    expect(await dp.locator('.analysis li[data-row-id]').count()).toBe(0);
    await desk.close();
  });
});

describe('desktop (1280×800)', () => {
  it('keeps the side panel as a column, hides the grip, and shows the first-visit line in English until dismissed', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${h.url}#lang=en`);
    await waitForMapIdle(page);
    expect(await page.locator('[data-sheet-grip]').isVisible()).toBe(false);
    const side = (await page.locator('nav.side').boundingBox())!;
    expect(side.width).toBeGreaterThan(300);
    expect(side.height).toBeGreaterThan(600);
    const line = page.getByTestId('first-visit');
    expect(await line.locator('p').textContent()).toContain('a pink dot an industrial cluster');
    const lb = (await line.boundingBox())!;
    const mb = (await page.locator('.mapwrap').boundingBox())!;
    expect(lb.y + lb.height).toBeLessThanOrEqual(mb.y + 0.5);
    expect(lb.height).toBeLessThanOrEqual(60);
    await page.screenshot({ path: 'test-results/first-visit-desktop.png' });
    await line.getByRole('button').click();
    await expect.poll(() => line.count()).toBe(0);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.getByTestId('first-visit').count()).toBe(0);
    await context.close();
  });
});
