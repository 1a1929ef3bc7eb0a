/**
 * The site dossier as a user downloads it: one A4 page for a typical site, each source printed
 * once, the protected-area penalty in points, the map framed on the site and its targets.
 * Desktop 1280×800 and phone 360×740; pages are rendered with pdftoppm to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));
const sourcesOf = (id: string): string[] => sites.features.find((f: { properties: { id: string } }) => f.properties.id === id).properties.sources;

describe('the site dossier', () => {
  // A typical site (two sources, a few material zones nearby: Quảng Chu) fits one page, credits and
  // intervals included; a site with eight zones within reach or four sources takes two, numbered "1/2", "2/2".
  for (const [w, hgt, id, lang, pages] of [[1280, 800, 'ccn-quang-chu', 'vi', 1], [360, 740, 'ccn-quang-chu', 'vi', 1], [1280, 800, 'ccn-huyen-tung', 'en', 2], [360, 740, 'kcn-thanh-binh-1', 'vi', 2]] as const) {
    it(`${id} (${lang}) at ${w}×${hgt}: ${pages} page(s), each source once, penalty in points`, async () => {
      const phone = w < 700;
      const context = await h.browser.newContext({ viewport: { width: w, height: hgt }, acceptDownloads: true, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
      const page = await context.newPage();
      const watch = await watchPage(page);
      await page.goto(`${h.url}#lang=${lang}&s=industrial-sites:${id}`);
      await waitForMapIdle(page);
      const card = page.getByTestId('feature-card');
      await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 30_000 }).toBe(1);
      // the score and rank ranges of the whole set arrive after the batches; the dossier prints them
      await expect.poll(() => card.getByTestId('score-range').count(), { timeout: 60_000 }).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), card.locator('button[data-action="dossier"]').click()]);
      mkdirSync('test-results', { recursive: true });
      const file = `test-results/dossier-glance-${id}-${w}.pdf`;
      await download.saveAs(file);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBe(pages);
      // -raw: no joining of a URL hyphenated at a line end.
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      const squeezed = text.replace(/\s+/g, '');
      const srcs = sourcesOf(id);
      expect(srcs.length).toBeGreaterThan(0);
      for (const s of srcs) expect.soft(squeezed.split(s.replace(/\s+/g, '')).length - 1, s).toBe(1);
      if (id === 'ccn-quang-chu') {
        // the same range as `npm run analyze` (1 000 draws, seed 1), compact, with its basis
        expect(await card.getByTestId('score-range').textContent()).toBe('Khoảng điểm qua 1.000 lần rút vị trí thực trong các đa giác định vị: 14,5–29,9; thứ hạng 10–13');
        expect(text).toContain('14,5–29,9 · hạng 10–13');
        expect(text.replace(/\s+/g, ' ')).toContain('khoảng điểm qua 1.000 lần rút vị trí thực trong các đa giác định vị');
        // compact interval notation, explained once in the distance note
        expect(text).toMatch(/\d–[\d,]+ km \(theo xã\)/);
        expect(text).not.toContain('· vị trí theo xã');
      }
      // The penalty row prints its points, never "3,000%" / "3.000 %".
      expect(text).not.toMatch(/3[.,]000\s?%/);
      expect(text).toMatch(/−30\b/);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, `test-results/dossier-glance-${id}-${w}`]);
      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }
});
