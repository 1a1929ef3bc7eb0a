/**
 * Fault injection against the production build in Debian Chromium: a missing import-worker or
 * drawing chunk, an IndexedDB that never opens, a data file that never answers, a missing
 * manifest, two tabs saving at once, a file whose property names are `constructor`, `__proto__`,
 * `$name`, `$type`, and a KMZ inflating to 199 MB (made here, not committed). Service worker
 * blocked unless a test says otherwise (then it runs with it, after one visit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, watchPage, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';
import { inflatingKmz } from '../data/import/inflating-kmz.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => { await h?.close(); });

const probe = (page: Page, source: string) => page.evaluate((s) => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.renderedCount(s), source);

/** Drops a file (bytes) on the map as a user would drag it from the desktop. */
async function dropBytes(page: Page, bytes: Uint8Array, name: string, type: string) {
  const dt = await page.evaluateHandle(([data, n, t]) => {
    const b = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const d = new DataTransfer();
    d.items.add(new File([b], n, { type: t }));
    return d;
  }, [Buffer.from(bytes).toString('base64'), name, type] as const);
  await page.dispatchEvent('.mapwrap', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.mapwrap', 'drop', { dataTransfer: dt });
}

/** Imports `bytes` in the given role and accepts it. */
async function importAs(page: Page, bytes: Uint8Array, name: string, role: string) {
  await dropBytes(page, bytes, name, 'application/geo+json');
  const result = page.getByTestId('import-result');
  await expect.poll(async () => (await result.count()) && ((await result.textContent()) ?? ''), { timeout: 30_000 }).toContain(name);
  await page.selectOption('[data-testid="import-role"]', role);
  await page.click('[data-testid="import-accept"]');
}

// Geometries of the bundled data (never invented): the first sites and material zones.
const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8')).features as { geometry: unknown; properties: { id: string } }[];
const zones = JSON.parse(readFileSync('public/geodata/material-zones.geojson', 'utf8')).features as { geometry: unknown }[];
/** Property names a library could read as code: as a user's file would carry them. */
const HOSTILE = '{"constructor":"c","__proto__":{"polluted":true},"$name":"Map","$type":"Feature","toString":"x","name":"Điểm thử"}';
const hostileFile = (geoms: unknown[]) => new TextEncoder().encode(
  `{"type":"FeatureCollection","features":[${geoms.map((g) => `{"type":"Feature","properties":${HOSTILE},"geometry":${JSON.stringify(g)}}`).join(',')}]}`,
);

async function newContext(sw: 'allow' | 'block', width = 1280, height = 800): Promise<BrowserContext> {
  const ctx = await h.browser.newContext({ viewport: { width, height }, serviceWorkers: sw });
  // Generous: these tests wait for real timeouts (8 s storage, 30 s data) on a shared machine.
  ctx.setDefaultTimeout(90_000);
  ctx.setDefaultNavigationTimeout(90_000);
  return ctx;
}

describe('fault injection (service worker blocked)', { timeout: 240_000 }, () => {
  it('the import worker chunk 404s: the import ends with a reason in Vietnamese, not a stuck 0 %', async () => {
    const ctx = await newContext('block');
    const page = await ctx.newPage();
    await page.route('**/assets/import.worker-*.js', (r) => r.fulfill({ status: 404, body: 'gone' }));
    await page.goto(h.url);
    await waitForMapIdle(page, 120_000);
    await dropBytes(page, hostileFile([sites[0].geometry]), 'a.geojson', 'application/geo+json');
    const result = page.getByTestId('import-result');
    await expect.poll(async () => (await result.count()) && ((await result.textContent()) ?? ''), { timeout: 30_000 }).toContain('Trình đọc tệp đã dừng');
    expect(await page.locator('progress').count()).toBe(0);
    await page.screenshot({ path: 'test-results/faults-worker-404.png' });
    await ctx.close();
  });

  it('the drawing chunk 404s: the planner is told it needs the network once', async () => {
    const ctx = await newContext('block');
    const page = await ctx.newPage();
    await page.route('**/assets/draw-*.js', (r) => r.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${h.url}#mode=planner`);
    await waitForMapIdle(page, 120_000);
    // the tool loads when the planner opens the Drafts tab
    await page.click('button[data-panel="drafts"]');
    const notice = page.locator('[data-notice="notice.drawUnavailable"]');
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);
    expect(await notice.textContent()).toContain('cần mạng một lần');
    // no endless loading line; the buttons stay off
    expect(await page.locator('[data-draw-loading]').count()).toBe(0);
    expect(await page.locator('button[data-draw="point"]').isDisabled()).toBe(true);
    await ctx.close();
  });

  it('the dossier chunk cannot load (offline before first use): the button says it needs the network once', async () => {
    const ctx = await newContext('block');
    const page = await ctx.newPage();
    await page.route('**/assets/dossier-*.js', (r) => r.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${h.url}#s=industrial-sites:${sites[0].properties.id}`);
    await waitForMapIdle(page, 120_000);
    const card = page.getByTestId('feature-card');
    await card.locator('button[data-action="dossier"]').click();
    const alert = card.locator('p.error[role="alert"]');
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
    expect(await alert.textContent()).toContain('cần mạng một lần');
    await ctx.close();
  });

  it('IndexedDB never opens: the map and its data still show, then a notice says the saved drafts could not be read', async () => {
    const ctx = await newContext('block');
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      // A request that never succeeds, fails or blocks: IndexedDB.open hanging forever.
      IDBFactory.prototype.open = function () { return {} as IDBOpenDBRequest; };
    });
    await page.goto(h.url);
    await waitForMapIdle(page, 90_000);
    expect(await probe(page, 'industrial-sites')).toBeGreaterThan(0);
    const notice = page.locator('[data-notice="notice.draftsNotRead"]');
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.textContent()).toContain('did not answer within 8 s');
    await ctx.close();
  });

  it('one data file never answers: the others draw, and the map says which one failed (1280 and 360 px)', async () => {
    for (const [w, hh] of [[1280, 800], [360, 740]]) {
      const ctx = await newContext('block', w, hh);
      const page = await ctx.newPage();
      await page.route('**/geodata/power-lines.geojson', () => { /* never answers */ });
      await page.goto(h.url);
      await waitForMapIdle(page, 120_000);
      const issues = page.getByTestId('load-issues');
      await expect.poll(() => issues.count(), { timeout: 45_000 }).toBe(1);
      expect(await issues.textContent()).toContain('power-lines.geojson: no answer within 30 s');
      expect(await issues.isVisible()).toBe(true);
      await page.screenshot({ path: `test-results/faults-data-timeout-${w}.png` });
      await ctx.close();
    }
  }, 300_000);

  it('the manifest is missing: the error shows over the map, also on a 360 px phone with the sheet folded', async () => {
    for (const [w, hh] of [[1280, 800], [360, 740]]) {
      const ctx = await newContext('block', w, hh);
      const page = await ctx.newPage();
      await page.route('**/geodata/manifest.json', (r) => r.fulfill({ status: 404, body: 'gone' }));
      await page.goto(h.url);
      const fatal = page.getByTestId('fatal-error');
      await expect.poll(() => fatal.count(), { timeout: 30_000 }).toBe(1);
      expect(await fatal.isVisible()).toBe(true);
      // It covers the whole map area (the map is the whole width on a phone).
      const box = (await fatal.boundingBox())!;
      const area = (await page.locator('.mapwrap').boundingBox())!;
      expect([box.x, box.y, box.width, box.height]).toEqual([area.x, area.y, area.width, area.height]);
      if (w < 700) expect(box.width).toBe(w);
      expect(await fatal.textContent()).toContain('Không tải được dữ liệu của bản đồ');
      expect(await fatal.textContent()).toContain('manifest.json: HTTP 404');
      await page.screenshot({ path: `test-results/faults-fatal-${w}.png` });
      await ctx.close();
    }
  });

  it('a KMZ whose KML inflates to 199 MB is refused at once with its reason; the app keeps working', async () => {
    const ctx = await newContext('block');
    const page = await ctx.newPage();
    const watch = await watchPage(page);
    await page.goto(h.url);
    await waitForMapIdle(page, 120_000);
    await dropBytes(page, inflatingKmz(), 'bomb.kmz', 'application/vnd.google-earth.kmz');
    const result = page.getByTestId('import-result');
    await expect.poll(async () => (await result.count()) && ((await result.textContent()) ?? ''), { timeout: 30_000 }).toContain('Tệp nén giải nén vượt giới hạn');
    expect(await result.textContent()).toContain('would expand to 199,000,000 bytes, over the limit of 52,428,800 bytes');
    expect(await probe(page, 'industrial-sites')).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/faults-kmz-bomb.png' });
    expect(watch.errors).toEqual([]);
    await ctx.close();
  });

  it('property names constructor, __proto__, $name, $type: imported sites and zones draw, also after a reload; the card shows the originals', async () => {
    const ctx = await newContext('block');
    const page = await ctx.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#l=industrial-sites,material-zones`);
    await waitForMapIdle(page, 120_000);
    const zonesBefore = await probe(page, 'material-zones');
    expect(zonesBefore).toBeGreaterThan(0);
    await importAs(page, hostileFile(sites.slice(0, 3).map((s) => s.geometry)), 'hostile-sites.geojson', 'sites');
    await importAs(page, hostileFile(zones.slice(0, 2).map((z) => z.geometry)), 'hostile-zones.geojson', 'material-zones');
    await expect.poll(() => probe(page, 'user-data'), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.reload();
    await waitForMapIdle(page, 120_000);
    await expect.poll(() => probe(page, 'user-data'), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await probe(page, 'material-zones')).toBeGreaterThanOrEqual(zonesBefore);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    // Click the first imported site: the card lists the file's own property names and values.
    const [lon, lat] = (sites[0].geometry as { coordinates: [number, number] }).coordinates;
    await page.evaluate(([x, y]) => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.project(x, y), [lon, lat]);
    const pt = await page.evaluate(([x, y]) => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.project(x, y), [lon, lat]);
    const map = (await page.locator('.mapwrap canvas').boundingBox())!;
    await page.mouse.click(map.x + pt.x, map.y + pt.y);
    const props = page.getByTestId('file-properties');
    await expect.poll(() => props.count(), { timeout: 10_000 }).toBe(1);
    await props.locator('summary').click();
    const text = (await props.textContent())!;
    for (const k of ['constructor', '__proto__', '$name', '$type']) expect(text).toContain(k);
    expect(text).toContain('{"polluted":true}');
    await page.screenshot({ path: 'test-results/faults-hostile-keys.png' });
    expect(watch.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await ctx.close();
  });

  it('two tabs: each saves its own imported layer; neither deletes the other, and the first tab sees the second’s at once', async () => {
    const ctx = await newContext('block');
    const a = await ctx.newPage();
    const b = await ctx.newPage();
    await a.goto(h.url);
    await b.goto(h.url);
    await waitForMapIdle(a, 120_000);
    await waitForMapIdle(b, 120_000);
    await importAs(a, hostileFile([sites[0].geometry]), 'tab-a.geojson', 'reference');
    await importAs(b, hostileFile([sites[1].geometry]), 'tab-b.geojson', 'reference');
    // Tab A hears of B's layer through the BroadcastChannel, without a reload.
    const layersIn = (p: Page) => p.locator('.layers li').allTextContents();
    await a.click('button[data-panel="data"]');
    await expect.poll(async () => (await layersIn(a)).join(' '), { timeout: 15_000 }).toContain('tab-b.geojson');
    expect((await layersIn(a)).join(' ')).toContain('tab-a.geojson');
    // And both survive a reload of either tab.
    await b.reload();
    await waitForMapIdle(b, 120_000);
    await b.click('button[data-panel="data"]');
    await expect.poll(async () => (await layersIn(b)).join(' '), { timeout: 15_000 }).toMatch(/tab-a\.geojson[\s\S]*tab-b\.geojson/);
    await ctx.close();
  });
});

describe('fault injection (service worker on, after one visit)', { timeout: 240_000 }, () => {
  it('offline after one visit: importing and the drawing tool still work (their chunks are precached)', async () => {
    const ctx = await newContext('allow');
    const page = await ctx.newPage();
    await page.goto(h.url);
    await waitForMapIdle(page, 120_000);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 }).toBe(true);
    await waitForMapIdle(page, 120_000);
    await ctx.setOffline(true);
    await page.goto(`${h.url}#mode=planner`);
    await page.reload();
    await waitForMapIdle(page, 120_000);
    // Never used online, yet available offline.
    await dropBytes(page, hostileFile([sites[0].geometry]), 'offline.geojson', 'application/geo+json');
    const result = page.getByTestId('import-result');
    await expect.poll(async () => (await result.count()) && ((await result.textContent()) ?? ''), { timeout: 30_000 }).toMatch(/1 đối tượng · geojson/);
    await page.click('button[data-panel="drafts"]');
    await page.click('[data-draw="point"]');
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-notice="notice.drawUnavailable"]').count()).toBe(0);
    await ctx.close();
  });

  it('the worker chunk 404s for a page under the service worker’s control too: a reason, not a stuck 0 %', async () => {
    const ctx = await newContext('allow');
    await ctx.route('**/assets/import.worker-*.js', (r) => r.fulfill({ status: 404, body: 'gone' }));
    const page = await ctx.newPage();
    await page.goto(h.url);
    await waitForMapIdle(page, 120_000);
    await dropBytes(page, hostileFile([sites[0].geometry]), 'a.geojson', 'application/geo+json');
    const result = page.getByTestId('import-result');
    await expect.poll(async () => (await result.count()) && ((await result.textContent()) ?? ''), { timeout: 30_000 }).toContain('Trình đọc tệp đã dừng');
    await ctx.close();
  });
});
