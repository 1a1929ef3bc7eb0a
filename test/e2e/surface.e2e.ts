/** Where to build: the suitability surface in the planner (production build, Debian Chromium). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';
import { rampTable } from '../../src/lib/analysis/surface/render.ts';
import { suitabilityRamp, candidateArea } from '../../src/lib/map/palette.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); mkdirSync('test-results', { recursive: true }); });
afterAll(async () => { await h?.close(); });

const RAMP = Array.from(rampTable(suitabilityRamp));
const CAND = [parseInt(candidateArea.slice(1, 3), 16), parseInt(candidateArea.slice(3, 5), 16), parseInt(candidateArea.slice(5, 7), 16)];

/** Pixels of the map area (decoded in the page from a PNG screenshot): share on the ramp, share of the candidate colour, and the raw RGB. */
async function mapPixels(page: Page): Promise<{ ramp: number; cand: number; rgb: number[] }> {
  const box = (await page.locator('.mapwrap').boundingBox())!;
  const png = (await page.screenshot({ clip: box })).toString('base64');
  return page.evaluate(async ({ png, ramp, cand }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let onRamp = 0, onCand = 0;
    const rgb: number[] = [];
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i], g = d[i + 1], b = d[i + 2];
      rgb.push(r, g, b);
      if (Math.abs(r - cand[0]) + Math.abs(g - cand[1]) + Math.abs(b - cand[2]) < 20) onCand++;
      for (let k = 0; k < ramp.length; k += 3) if (Math.abs(r - ramp[k]) + Math.abs(g - ramp[k + 1]) + Math.abs(b - ramp[k + 2]) <= 9) { onRamp++; break; }
    }
    const n = d.length / 4;
    return { ramp: onRamp / n, cand: onCand / n, rgb };
  }, { png, ramp: RAMP, cand: CAND });
}

const frames = (page: Page) => page.locator('[data-testid="surface-status"]').getAttribute('data-frames').then(Number);

describe('suitability surface (planner)', () => {
  it('draws the surface, re-weights it, finds areas that become analysed sketches', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=planner`);
    await waitForMapIdle(page, 150_000);
    const before = await mapPixels(page);
    expect(before.ramp).toBeLessThan(0.1);

    await page.click('button[data-panel="surface"]');
    await expect.poll(() => frames(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="surface-status"]').textContent()).toContain('EPSG:9213');
    await page.locator('[data-testid="surface-opacity"]').fill('1');
    await page.waitForTimeout(400);
    const shown = await mapPixels(page);
    await page.screenshot({ path: 'test-results/surface-desktop.png' });
    // the region (about a third of the map here) is now drawn in the ramp's colours, at full opacity
    expect(shown.ramp).toBeGreaterThan(0.15);
    expect(shown.ramp).toBeGreaterThan(before.ramp * 3);

    // value under the pointer
    const box = (await page.locator('.mapwrap').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('[data-testid="surface-readout"] strong').textContent()).toMatch(/^(\d+(,\d)?|loại trừ: .+)$/);

    // re-weighting redraws (no new distance fields: the status never goes back to "computing")
    const f1 = await frames(page);
    await page.locator('input[data-surface-weight="road"]').fill('100');
    await expect.poll(() => frames(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(f1 + 1);
    await page.waitForTimeout(400);
    const reweighted = await mapPixels(page);
    let changed = 0;
    for (let i = 0; i < shown.rgb.length; i += 3) if (Math.abs(shown.rgb[i] - reweighted.rgb[i]) + Math.abs(shown.rgb[i + 1] - reweighted.rgb[i + 1]) + Math.abs(shown.rgb[i + 2] - reweighted.rgb[i + 2]) > 30) changed++;
    expect(changed / (shown.rgb.length / 3)).toBeGreaterThan(0.05);
    expect(reweighted.ramp).toBeGreaterThan(0.15);

    // AHP: an inconsistent set of judgements is flagged
    await page.locator('summary', { hasText: 'AHP' }).click();
    await page.locator('select[data-ahp-pair="0"]').selectOption('9');
    await page.locator('select[data-ahp-pair="5"]').selectOption('9');
    await page.locator('select[data-ahp-pair="1"]').selectOption(String(1 / 9));
    await expect.poll(() => page.locator('[data-testid="ahp-warning"]').count()).toBe(1);
    expect(await page.locator('[data-testid="ahp-cr"] strong').textContent()).toMatch(/^\d+,\d+$/);

    // find areas → polygons on the map → a sketch → a row of the analysis table
    await page.locator('[data-testid="areas-minha"]').fill('100');
    await page.click('[data-testid="find-areas"]');
    const items = page.locator('[data-testid="areas-list"] li');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await items.first().textContent()).toMatch(/Vùng 1 · điểm trung bình \d+,?\d* · [\d.]+ ha/);
    await page.waitForTimeout(500);
    const withAreas = await mapPixels(page);
    expect(withAreas.cand).toBeGreaterThan(0.001);
    await page.click('button[data-sketch-area="1"]');
    await expect.poll(() => page.locator('button[data-sketch-area="1"]').isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/surface-areas.png' });
    // rank stability of the analysed sites, the new sketch among them
    await page.locator('summary', { hasText: 'Độ ổn định thứ hạng' }).click();
    const stabRows = page.locator('[data-testid="site-stability"] tbody tr');
    await expect.poll(() => stabRows.count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[data-testid="site-stability"] tbody tr', { hasText: 'Vùng 1' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await stabRows.first().locator('td').nth(2).textContent()).toMatch(/^\d+–\d+$/);
    await page.click('button[data-panel="sites"]');
    const row = page.locator('tbody tr', { hasText: 'Vùng 1' });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    const cells = await row.locator('td:not(.pick)').allTextContents();
    expect(Number(cells[0].split(' ')[0].replace(',', '.'))).toBeGreaterThanOrEqual(0); // the point score, before its range and rank range
    for (const c of cells.slice(1, 4)) expect(c).toMatch(/^(≈ )?\d[\d.,]*(–[\d.,]+)? (m|km)( · .+)?$/) /* a figure, a range with its reason, or an indicative figure */;
    await page.screenshot({ path: 'test-results/surface-analysis.png' });
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await context.close();
  }, 1_000_000);

  it('fits a phone: the panel in the bottom sheet, no sideways scroll, the surface drawn', async () => {
    const context = await h.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=planner&lang=en`);
    await waitForMapIdle(page, 150_000);
    await page.locator('.side .grip').tap();
    await page.locator('button[data-panel="surface"]').tap();
    await expect.poll(() => frames(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="surface-panel"] h2').textContent()).toBe('Where to build: suitability surface');
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, panel: document.querySelector('#side-panel')!.scrollWidth, panelClient: document.querySelector('#side-panel')!.clientWidth }));
    expect(widths.doc).toBeLessThanOrEqual(360);
    expect(widths.panel).toBeLessThanOrEqual(widths.panelClient);
    // every tab inside the screen and at least 40 px high
    for (const b of await page.locator('.tabs button').all()) {
      const bb = (await b.boundingBox())!;
      expect(bb.height).toBeGreaterThanOrEqual(40);
      expect(bb.x).toBeGreaterThanOrEqual(0);
      expect(bb.x + bb.width).toBeLessThanOrEqual(360.5);
    }
    await page.locator('[data-testid="surface-opacity"]').fill('1');
    await page.screenshot({ path: 'test-results/surface-phone.png' });
    await page.locator('.side .grip').tap();
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'test-results/surface-phone-map.png' });
    const px = await mapPixels(page);
    expect(px.ramp).toBeGreaterThan(0.1);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 1_000_000);
});
