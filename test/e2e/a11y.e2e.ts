import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { startHarness, waitForMapIdle, type Harness } from './browser.ts';

// axe-core injected from node_modules (@axe-core/playwright wants Node ≥ 22).
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

async function audit(page: Page, view: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run({ exclude: [['.maplibregl-canvas']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`[a11y] ${view}: ${violations.length} violations (${serious.length} serious/critical)` +
    violations.map((v) => `\n  ${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`).join(''));
  return serious;
}

async function openPanel(page: Page, panel: string) {
  await page.click(`button[data-panel="${panel}"]`);
  await expect.poll(() => page.locator(`button[data-panel="${panel}"]`).getAttribute('aria-selected')).toBe('true');
}

describe('accessibility (axe-core, production build, Debian Chromium)', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`has no serious or critical violations on the main views (${lang})`, async () => {
      const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${h.url}#lang=${lang}`);
      await waitForMapIdle(page);
      const found: Record<string, Violation[]> = {};
      found.layers = await audit(page, `${lang} map + layers`);

      await openPanel(page, 'sites');
      await expect.poll(() => page.locator('tbody tr[data-row-id]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      found.sites = await audit(page, `${lang} sites table`);

      await openPanel(page, 'targets');
      found.targets = await audit(page, `${lang} targets`);

      await openPanel(page, 'about');
      found.about = await audit(page, `${lang} about`);

      await page.goto(`${h.url}#lang=${lang}&s=industrial-sites:ccn-quang-chu`);
      await page.reload();
      await waitForMapIdle(page);
      await expect.poll(() => page.getByTestId('site-analysis').count(), { timeout: 30_000 }).toBe(1);
      found.card = await audit(page, `${lang} site card`);

      // Planner mode adds the sketching and import panels.
      await page.goto(`${h.url}#lang=${lang}&mode=planner`);
      await page.reload();
      await waitForMapIdle(page);
      for (const panel of ['drafts', 'data']) {
        await openPanel(page, panel);
        found[panel] = await audit(page, `${lang} planner ${panel}`);
      }

      for (const [view, v] of Object.entries(found)) {
        expect(v.map((x) => `${x.impact} ${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `${lang} ${view}`).toEqual([]);
      }
      await context.close();
    });
  }

  it('walks the top bar, the tabs and the panel with Tab, each control visibly focused', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForMapIdle(page);
    const steps: { tag: string; name: string; region: string; outline: string }[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      steps.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        return {
          tag: el.tagName.toLowerCase() + (el.getAttribute('type') ? `[${el.getAttribute('type')}]` : '') + (el.dataset.panel ? `[${el.dataset.panel}]` : ''),
          name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30),
          region: el.closest('header.top') ? 'top' : el.closest('.notices') ? 'notices' : el.closest('[data-testid="first-visit"]') ? 'intro' : el.closest('[role="tablist"]') ? 'tabs' : el.closest('.panel') ? 'panel' : el.closest('.mapwrap') ? 'map' : 'other',
          outline: cs.outlineStyle === 'none' || cs.outlineWidth === '0px' ? (cs.boxShadow !== 'none' ? 'shadow' : 'none') : `${cs.outlineWidth} ${cs.outlineStyle}`,
        };
      }));
    }
    console.log('[a11y] tab walk:\n' + steps.map((s) => `  ${s.region.padEnd(5)} ${s.tag.padEnd(22)} ${s.outline.padEnd(12)} ${s.name}`).join('\n'));
    const regions = steps.map((s) => s.region);
    // Top bar first (search, mode, languages), then any notice and the first-visit line's button, then
    // the tabs, then into the panel — in that order.
    expect(steps[0].tag).toBe('input[search]');
    const firstTab = regions.indexOf('tabs'), firstPanel = regions.indexOf('panel');
    const order = ['top', 'notices', 'intro'];
    const before = regions.slice(0, firstTab);
    expect(before.every((r, i) => order.includes(r) && (i === 0 || order.indexOf(r) >= order.indexOf(before[i - 1]))), before.join(' ')).toBe(true);
    expect(before).toContain('intro');
    expect(firstTab).toBeGreaterThan(2);
    expect(firstPanel).toBeGreaterThan(firstTab);
    expect(steps.filter((s) => s.region === 'tabs').map((s) => s.tag)).toEqual(
      ['button[layers]', 'button[sites]', 'button[targets]', 'button[about]']);
    // The tab panel itself (it scrolls), then its first control ("Colour by"), then the layers' checkboxes.
    expect(steps[firstPanel].tag).toBe('div');
    expect(steps[firstPanel + 1].tag).toBe('select');
    expect(steps[firstPanel + 2].tag).toBe('input[checkbox]');
    for (const s of steps) expect(s.outline, `${s.tag} ${s.name} shows focus`).not.toBe('none');
    await context.close();
  });
});
