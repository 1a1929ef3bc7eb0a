/**
 * The targets panel opens with one line per target (its status) and keeps each target's reasons
 * and evidence behind a disclosure, so the answer is on the first screen. 1280×800 and 360×740.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startHarness, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('the targets panel at a glance', () => {
  for (const [w, hgt] of [[1280, 800], [360, 740]] as const) {
    it(`shows a one-line summary per target first at ${w}×${hgt}`, async () => {
      const phone = w < 700;
      const context = await h.browser.newContext({ viewport: { width: w, height: hgt }, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
      const page = await context.newPage();
      await page.goto(h.url);
      await waitForMapIdle(page);
      if (phone) await page.locator('.side .grip').click();
      await page.click('button[data-panel="targets"]');
      const summary = page.getByTestId('targets-summary');
      await summary.waitFor({ timeout: 20_000 });
      const lines = summary.locator('li');
      const n = await page.locator('article.tgt').count();
      expect(n).toBeGreaterThanOrEqual(5);
      expect(await lines.count()).toBe(n);
      for (const t of await lines.allTextContents()) expect(t).toMatch(/Đạt|Đúng hướng|Không đạt|Chưa rõ/);
      // The whole summary is inside the panel's first screen on a desktop; on a phone's sheet it
      // comes before every target's details.
      const panel = (await page.locator('#side-panel').boundingBox())!;
      const last = (await lines.last().boundingBox())!;
      const first = (await page.locator('article.tgt').first().boundingBox())!;
      if (!phone) expect(last.y + last.height).toBeLessThanOrEqual(panel.y + panel.height);
      expect(last.y).toBeLessThan(first.y);
      // Evidence is folded: nothing of it shows until opened.
      const box = page.locator('details[data-evidence]').first();
      expect(await box.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await box.locator('ul.reasons').isVisible()).toBe(false);
      await box.locator('summary').click();
      expect(await box.locator('ul.reasons').isVisible()).toBe(true);
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/targets-glance-${w}.png` });
      await context.close();
    });
  }
});
