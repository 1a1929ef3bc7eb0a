/**
 * Walks the Vietnamese UI (every mode, tab, panel, card, disclosure and notice) and looks for
 * English: an untranslated message key, or an English sentence outside elements marked lang="en"
 * (the data's own English free text). Desktop 1280×800 and phone 360×740.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';
import { vi } from '../../src/lib/i18n/vi.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

/** Prefixes of the dictionary's dotted keys ("layer", "kind", …): a visible "layer.drafts" is a missing key. */
const PREFIXES = [...new Set(Object.keys(vi).filter((k) => k.includes('.')).map((k) => k.split('.')[0]))];
const KEY_RE = new RegExp(`(?<![\\w./-])(?:${PREFIXES.join('|')})\\.[a-z][\\w-]*(?![\\w/])`);
/** English words that are not Vietnamese syllables; two of them in one text mean an English phrase. */
const ENGLISH = new Set(['the', 'and', 'of', 'with', 'is', 'are', 'not', 'only', 'from', 'excluded', 'criteria', 'weights',
  'ignored', 'zoom', 'known', 'placed', 'this', 'that', 'which', 'by', 'for', 'or', 'has', 'have', 'data', 'in', 'out',
  'added', 'plan', 'city', 'centre', 'toggle', 'attribution', 'reset', 'bearing', 'map', 'site', 'sites', 'draft', 'score']);

/** Visible text and accessible labels outside lang="en" elements, one entry per text node or attribute. */
async function texts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const english = (el: Element | null) => !!el?.closest('[lang="en"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || english(el) || el.closest('script,style')) continue;
      const t = (n.textContent ?? '').trim();
      if (t && (el as HTMLElement).offsetParent !== null) out.push(t);
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      if (english(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

function findEnglish(list: string[]): string[] {
  const bad: string[] = [];
  for (const t of list) {
    if (KEY_RE.test(t)) { bad.push(`key: ${t}`); continue; }
    const words = t.toLowerCase().match(/[a-z]+/g) ?? [];
    if (words.filter((w) => ENGLISH.has(w)).length >= 2) bad.push(`english: ${t}`);
  }
  return bad;
}

async function openAllDetails(page: Page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
}

async function walk(page: Page, where: string, found: Map<string, string>, keysOnly = false) {
  await openAllDetails(page);
  await page.waitForTimeout(150);
  for (const b of findEnglish(await texts(page))) if (!found.has(b) && !(keysOnly && b.startsWith('english:'))) found.set(b, where);
}

describe('the Vietnamese interface has no English outside data marked lang="en"', () => {
  for (const [w, hgt] of [[1280, 800], [360, 740]] as const) {
    it(`walks every mode, tab, card and notice at ${w}×${hgt}`, async () => {
      const phone = w < 700;
      const context = await h.browser.newContext({ viewport: { width: w, height: hgt }, ...(phone ? { isMobile: true, hasTouch: true } : {}) });
      const page = await context.newPage();
      const watch = await watchPage(page);
      const found = new Map<string, string>();
      // A link naming a candidate that does not exist: the notice must be Vietnamese too.
      await page.goto(`${h.url}#mode=planner&s=drafts:0000-missing&bogus=1`);
      await waitForMapIdle(page);
      await expect.poll(() => page.locator('.notices [data-notice="notice.missingDraft"]').count(), { timeout: 20_000 }).toBe(1);
      await walk(page, 'landing + notices', found);
      const openSheet = async () => {
        if (phone && (await page.locator('.side .grip').getAttribute('aria-expanded')) !== 'true') await page.locator('.side .grip').click();
      };
      // Sketch a point so that a candidate card exists.
      await openSheet();
      await page.click('button[data-panel="drafts"]');
      await page.click('button[data-draw="point"]');
      const box = (await page.locator('.mapwrap').boundingBox())!;
      if (phone) await page.locator('.side .grip').click();
      await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.3);
      await openSheet();
      await page.click('button[data-draw="static"]');
      await expect.poll(() => page.locator('.drafts .count').textContent()).toBe('1 phương án');
      for (const mode of ['public', 'investor', 'planner']) {
        await page.selectOption('header.top select', mode);
        await openSheet();
        for (const p of await page.locator('.tabs button[data-panel]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-panel')!))) {
          await page.click(`button[data-panel="${p}"]`);
          if (p === 'sites') await expect.poll(() => page.locator('.analysis [data-row-id]').count(), { timeout: 30_000 }).toBeGreaterThan(1);
          if (p === 'targets') await page.locator('.targets, [data-testid="targets"]').first().waitFor({ timeout: 20_000 }).catch(() => {});
          // The About panel's per-layer credits and licences come from the data package's manifest:
          // checked for message keys only.
          await walk(page, `${mode}/${p}`, found, p === 'about');
        }
      }
      // Compare two sites (investor path).
      await page.click('button[data-panel="sites"]');
      await page.check('input[data-compare="ccn-quang-chu"]');
      await page.check('input[data-compare="ccn-huyen-tung"]');
      await walk(page, 'compare', found);
      // A site's card and the candidate's card.
      for (const sel of ['industrial-sites:ccn-huyen-tung', 'industrial-sites:kcn-thanh-binh-1', 'power-lines:', 'material-zones:', 'mineral-sites:']) {
        let s = sel;
        if (sel.endsWith(':')) {
          const layer = sel.slice(0, -1);
          const id = await page.evaluate(async (l) => (await (await fetch(`geodata/${l}.geojson`)).json()).features[0].properties.id, layer);
          s = `${layer}:${id}`;
        }
        await page.evaluate((x) => { location.hash = `mode=planner&s=${x}`; }, s);
        const card = page.getByTestId('feature-card');
        await card.waitFor({ timeout: 20_000 });
        if (s.startsWith('industrial-sites')) await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 30_000 }).toBe(1);
        await walk(page, `card ${s}`, found);
      }
      await page.keyboard.press('Escape');
      await openSheet();
      await page.click('button[data-panel="drafts"]');
      await page.locator('button[data-open-draft]').first().click();
      const card = page.getByTestId('feature-card');
      await expect.poll(() => card.locator('.layer').textContent()).toBe(vi['layer.drafts']);
      await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 30_000 }).toBe(1);
      await walk(page, 'candidate card', found);
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/i18n-walk-${w}.png` });
      expect([...found].map(([b, where]) => `${where} → ${b}`)).toEqual([]);
      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }
});
