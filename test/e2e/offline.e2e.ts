import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { startHarness, waitForMapIdle, type Harness } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));

describe('offline and installable (service worker, production build)', () => {
  it('serves the manifest and a service worker that precaches the app shell and the data package', async () => {
    const manifest = await (await fetch(new URL('manifest.webmanifest', h.url))).json();
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.theme_color).toBe('#263238');
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const sw = await (await fetch(new URL('sw.js', h.url))).text();
    expect(sw).toContain('geodata/manifest.json');
    expect(sw).toContain('geodata/industrial-sites.geojson');
    expect(sw).not.toMatch(/jspdf[^"]*\.js/);
    // Every chunk of the app is precached (tabs, table, drawing tool and workers work offline after
    // one visit, even if never opened online); only the PDF dossier's "dossier-…" chunks are not.
    const assets = readdirSync('dist/assets').filter((f) => /\.(js|mjs|css|woff2)$/.test(f));
    const dossier = assets.filter((f) => f.startsWith('dossier-'));
    expect(dossier.some((f) => /jspdf/.test(f))).toBe(true);
    expect(assets.filter((f) => !f.startsWith('dossier-') && !sw.includes(`assets/${f}`))).toEqual([]);
    expect(dossier.filter((f) => sw.includes(`assets/${f}`))).toEqual([]);
  });

  it('reloads with the network off: map, sites and the analysis table from the cache', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(h.url);
    await waitForMapIdle(page);
    // The first visit installs the worker and precaches; a reload puts the page under its control.
    const precached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      let bytes = 0, entries = 0;
      for (const n of names.filter((x) => x.includes('precache'))) {
        const c = await caches.open(n);
        for (const req of await c.keys()) { entries++; bytes += (await (await c.match(req))!.arrayBuffer()).byteLength; }
      }
      return { names, entries, bytes };
    });
    console.log(`[e2e] precache: ${precached.entries} entries, ${(precached.bytes / 1024).toFixed(0)} KiB (${precached.names.join(', ')})`);
    expect(precached.entries).toBeGreaterThan(20);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
    await waitForMapIdle(page);

    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('/geodata/manifest.json?bypass-sw-test', { cache: 'no-store' }).then(() => 'online', () => 'offline'))).toBe('offline');
    const t0 = Date.now();
    await page.reload();
    await waitForMapIdle(page);
    console.log(`[e2e] offline reload to map idle: ${Date.now() - t0} ms`);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await page.click('button[data-panel="sites"]');
    const rows = page.locator('tbody tr[data-row-id]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(sites.features.length);
    // Distances are computed (in the worker, itself served from the cache): km or m in the cells.
    await expect.poll(() => rows.first().locator('td').allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/\d+(,\d+)? (km|m)( ·|$)/)]));
    // "Data as of" is visible without opening anything.
    expect(await page.locator('[data-testid="data-as-of"]').first().textContent()).toMatch(/\d{4}/);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('caches the dossier code and fonts on first use, so the PDF also works offline', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = `${h.url}#s=industrial-sites:ccn-quang-chu`;
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
    await waitForMapIdle(page);
    const makePdf = async () => {
      const card = page.getByTestId('feature-card');
      await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 30_000 }).toBe(1);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), card.locator('button[data-action="dossier"]').click()]);
      return download.suggestedFilename();
    };
    expect(await makePdf()).toMatch(/\.pdf$/);
    const lazy = await page.evaluate(async () => (await (await caches.open('lazy-assets')).keys()).map((r) => new URL(r.url).pathname));
    console.log(`[e2e] cached on first use: ${lazy.join(', ')}`);
    expect(lazy.some((p) => /jspdf/.test(p))).toBe(true);
    expect(lazy.some((p) => /\.ttf$/.test(p))).toBe(true);

    await context.setOffline(true);
    await page.goto(url);
    await page.reload();
    await waitForMapIdle(page);
    expect(await makePdf()).toMatch(/\.pdf$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
