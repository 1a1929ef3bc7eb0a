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
async function mapPixels(page: Page, selector = '.mapwrap'): Promise<{ ramp: number; cand: number; rgb: number[] }> {
  const box = (await page.locator(selector).boundingBox())!;
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
    // two scenarios compared on the phone: the maps stacked, nothing sideways
    await page.locator('[data-testid="scenario-name"]').fill('Base');
    await page.locator('[data-testid="scenario-save"]').tap();
    const f0 = await frames(page);
    await page.locator('input[data-surface-weight="road"]').fill('90');
    await expect.poll(() => frames(page), { timeout: 30_000 }).toBeGreaterThan(f0);
    await page.locator('[data-testid="scenario-name"]').fill('Roads');
    await page.locator('[data-testid="scenario-save"]').tap();
    await page.locator('[data-testid="compare-open"]').tap();
    await expect.poll(() => page.locator('[data-testid="compare-map-b"]').getAttribute('data-drawn'), { timeout: 60_000 }).toBe('1');
    await expect.poll(() => page.locator('[data-testid="rank-changes"] tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    const dlg = (await page.locator('[data-testid="scenario-compare"]').boundingBox())!;
    expect(dlg.x).toBeGreaterThanOrEqual(0);
    expect(dlg.x + dlg.width).toBeLessThanOrEqual(360.5);
    const ma = (await page.locator('[data-testid="compare-map-a"]').boundingBox())!, mb = (await page.locator('[data-testid="compare-map-b"]').boundingBox())!;
    expect(mb.y).toBeGreaterThanOrEqual(ma.y + ma.height);
    expect(ma.x + ma.width).toBeLessThanOrEqual(360.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'test-results/surface-phone-compare.png' });
    await page.locator('[data-testid="rank-changes"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/surface-phone-compare-table.png' });
    await page.locator('[data-testid="compare-close"]').tap();
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

  it('saves scenarios, compares two on synchronised maps with a rank-change table, carries the active one in the link', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=planner&lang=en`);
    await waitForMapIdle(page, 150_000);
    await page.click('button[data-panel="surface"]');
    await expect.poll(() => frames(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="scenarios"]').textContent()).toContain('No saved scenario yet.');
    // scenario A: the grid first
    let f = await frames(page);
    await page.locator('input[data-surface-weight="mv-line"]').fill('80');
    await expect.poll(() => frames(page), { timeout: 30_000 }).toBeGreaterThan(f);
    await page.locator('[data-testid="scenario-name"]').fill('Grid first');
    await page.click('[data-testid="scenario-save"]');
    await expect.poll(() => page.locator('[data-testid="scenario-list"] li').count()).toBe(1);
    // scenario B: roads first, river corridors allowed
    f = await frames(page);
    await page.locator('input[data-surface-weight="mv-line"]').fill('5');
    await page.locator('input[data-surface-weight="road"]').fill('90');
    await page.locator('[data-testid="exclude-river"]').uncheck();
    await expect.poll(() => frames(page), { timeout: 30_000 }).toBeGreaterThan(f);
    await page.locator('[data-testid="scenario-name"]').fill('Roads first');
    await page.click('[data-testid="scenario-save"]');
    await expect.poll(() => page.locator('[data-testid="scenario-list"] li').count()).toBe(2);
    expect(await page.locator('[data-testid="scenario-active"]').textContent()).toBe('Active scenario: Roads first');
    const sc = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('sc'));
    await expect.poll(sc).toBe('Roads first**p*m5s15t20d10r90l10f5u5p30c0v0');
    // a change marks the scenario modified and drops it from the link; applying it again restores both
    await page.locator('input[data-surface-weight="labour"]').fill('40');
    await expect.poll(() => page.locator('[data-testid="scenario-active"]').textContent()).toContain('changed since saved');
    await expect.poll(sc).toBeNull();
    await page.click('button[data-scenario-apply="Roads first"]');
    await expect.poll(sc).toBe('Roads first**p*m5s15t20d10r90l10f5u5p30c0v0');
    expect(await page.locator('input[data-surface-weight="labour"]').inputValue()).toBe('10');
    // rename (the prompt answered)
    page.once('dialog', (d) => void d.accept('Roads only'));
    await page.click('button[data-scenario-rename="Roads first"]');
    await expect.poll(sc).toBe('Roads only**p*m5s15t20d10r90l10f5u5p30c0v0');

    // compare A and B
    expect(await page.locator('[data-testid="compare-a"] option:checked').textContent()).toBe('Grid first');
    expect(await page.locator('[data-testid="compare-b"] option:checked').textContent()).toBe('Roads only');
    await page.click('[data-testid="compare-open"]');
    await expect.poll(() => page.locator('[data-testid="compare-map-a"]').getAttribute('data-drawn'), { timeout: 60_000 }).toBe('1');
    await expect.poll(() => page.locator('[data-testid="compare-map-b"]').getAttribute('data-drawn'), { timeout: 60_000 }).toBe('1');
    const rows = page.locator('[data-testid="rank-changes"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const siteRows = table.filter((r) => r[1] === 'site'), areaRows = table.filter((r) => r[1] === 'area');
    expect(siteRows.length).toBeGreaterThan(5);
    expect(areaRows.length).toBeGreaterThanOrEqual(5);
    for (const r of table) {
      expect(r[2]).toMatch(/^(\d+|—)$/);
      if (r[2] !== '—' && r[3] !== '—') expect(Number(r[4].replace('+', ''))).toBe(Number(r[2]) - Number(r[3]));
    }
    // the ranks under A are 1..n among the sites; the weights moved some of them
    expect(siteRows.map((r) => Number(r[2])).sort((x, y) => x - y)[0]).toBe(1);
    expect(siteRows.some((r) => r[4] !== '0')).toBe(true);
    // sorted by change, descending
    const changes = table.map((r) => r[4]).filter((x) => x !== '—').map((x) => Number(x.replace('+', '')));
    expect(changes).toEqual([...changes].sort((x, y) => y - x));
    await page.click('[data-testid="rank-changes"] button[data-sort="rankA"]');
    const byA = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2].textContent));
    const numsA = byA.filter((x) => x !== '—').map(Number);
    expect(numsA).toEqual([...numsA].sort((x, y) => x - y));
    // both maps draw a surface, and differently; they move together
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/surface-compare.png' });
    const pa = await mapPixels(page, '[data-testid="compare-map-a"]'), pb = await mapPixels(page, '[data-testid="compare-map-b"]');
    expect(pa.ramp).toBeGreaterThan(0.15);
    expect(pb.ramp).toBeGreaterThan(0.15);
    let diff = 0;
    for (let i = 0; i < Math.min(pa.rgb.length, pb.rgb.length); i += 3) if (Math.abs(pa.rgb[i] - pb.rgb[i]) + Math.abs(pa.rgb[i + 1] - pb.rgb[i + 1]) + Math.abs(pa.rgb[i + 2] - pb.rgb[i + 2]) > 30) diff++;
    expect(diff / (pa.rgb.length / 3)).toBeGreaterThan(0.05);
    const mb = (await page.locator('[data-testid="compare-map-a"]').boundingBox())!;
    await page.mouse.move(mb.x + mb.width / 2, mb.y + mb.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(800);
    const pa2 = await mapPixels(page, '[data-testid="compare-map-a"]'), pb2 = await mapPixels(page, '[data-testid="compare-map-b"]');
    let movedA = 0, movedB = 0;
    for (let i = 0; i < pa.rgb.length; i += 3) { if (Math.abs(pa.rgb[i] - pa2.rgb[i]) > 30) movedA++; if (Math.abs(pb.rgb[i] - pb2.rgb[i]) > 30) movedB++; }
    expect(movedA / (pa.rgb.length / 3)).toBeGreaterThan(0.05);
    expect(movedB / (pb.rgb.length / 3)).toBeGreaterThan(0.05);
    await page.screenshot({ path: 'test-results/surface-compare-zoomed.png' });
    await page.click('[data-testid="compare-close"]');
    expect(await page.locator('[data-testid="scenario-compare"]').count()).toBe(0);

    // the link opens the scenario in a fresh browser (no saved scenarios there), and says so
    const link = page.url();
    const c2 = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p2 = await c2.newPage();
    const w2 = await watchPage(p2);
    await p2.goto(link);
    await waitForMapIdle(p2, 150_000);
    const notice = p2.locator('.notices [data-notice="notice.scenarioFromLink"]');
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.textContent()).toContain('Roads only');
    await p2.click('button[data-panel="surface"]');
    await expect.poll(() => p2.locator('[data-testid="scenario-active"]').textContent(), { timeout: 30_000 }).toBe('Active scenario: Roads only');
    expect(await p2.locator('input[data-surface-weight="road"]').inputValue()).toBe('90');
    expect(await p2.locator('[data-testid="exclude-river"]').isChecked()).toBe(false);
    expect(await p2.locator('[data-testid="scenario-list"] li').count()).toBe(0);
    // a link naming a scenario this browser does not have, without its settings
    await p2.goto(`${h.url}#mode=planner&lang=en&sc=Nowhere`);
    await p2.reload();
    const missing = p2.locator('.notices [data-notice="notice.scenarioMissing"]');
    await expect.poll(() => missing.count(), { timeout: 30_000 }).toBe(1);
    expect(await missing.textContent()).toContain('Nowhere');
    expect(watch.errors).toEqual([]);
    expect(w2.errors).toEqual([]);
    await c2.close();
    await context.close();
  }, 1_000_000);
});
