/**
 * Shared browser-test harness: serves the production build (`dist/`) with Vite's preview server
 * and drives Debian's Chromium through playwright-core.
 */
import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { MapProbe } from '../../src/lib/map/probe.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export interface Harness { browser: Browser; server: PreviewServer; url: string; close(): Promise<void> }

export async function startHarness(): Promise<Harness> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build:e2e` first (npm test does)');
  if (!readdirSync('dist/assets').some((f) => f.endsWith('.js') && readFileSync(`dist/assets/${f}`, 'utf8').includes('__mapProbe'))) {
    throw new Error('dist/ was built without the map probe: run `npm run build:e2e` (npm run build ships without it)');
  }
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no local URL');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    browser, server, url,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** Collects console errors and page errors; requests leaving localhost are aborted and recorded. */
export async function watchPage(page: Page) {
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (m: ConsoleMessage) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route((u) => !['127.0.0.1', 'localhost'].includes(u.hostname), (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  return { errors, external };
}

/** Waits until the map reports idle after data are drawn (features of `source` in view). */
export async function waitForMapIdle(page: Page, timeout = 60_000, source = 'industrial-sites') {
  await page.waitForFunction((src) => {
    const probe = (window as unknown as { __mapProbe?: MapProbe }).__mapProbe;
    return !!probe && probe.loaded() && probe.renderedCount(src) > 0;
  }, source, { timeout, polling: 100 });
}

/**
 * The colour of the page's pixel at (x, y) as rendered (a screenshot decoded in the page). `whole`
 * takes it from a whole-viewport shot, which shows what a clip of a few pixels can hide (a map left
 * unpainted under an overlay).
 */
export async function pixel(page: Page, x: number, y: number, opts: { whole?: boolean } = {}): Promise<number[]> {
  const px = Math.round(x), py = Math.round(y);
  const buf = await page.screenshot(opts.whole ? {} : { clip: { x: px - 1, y: py - 1, width: 3, height: 3 } });
  return page.evaluate(async ([b64, at]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const scale = img.width / innerWidth;
    const [cx, cy] = at ? [Math.floor(at[0] * scale), Math.floor(at[1] * scale)] : [Math.floor(img.width / 2), Math.floor(img.height / 2)];
    const d = ctx.getImageData(cx, cy, 1, 1).data;
    return [d[0], d[1], d[2]];
  }, [buf.toString('base64'), opts.whole ? [px, py] : null] as const);
}

/** The read-only probe MapView exposes on `window.__mapProbe` in the browser tests' build. */
export type { MapProbe };
