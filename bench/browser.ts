/**
 * Browser benchmark (`npm run bench:browser [-- 1000 10000 50000 points]`): the production build
 * (`dist/`, served by Vite's preview server) in Debian's Chromium, driven as a user would.
 *
 * For each size it generates seeded synthetic sites inside the region polygon (`region.geojson`),
 * drops the GeoJSON file on a map done opening (`idle`), gives it the role "my sites" once the
 * preview shows, presses Add and waits for the table to hold every row. It prints drop → rows (with
 * no pause of its own between the preview and Add, unless tracing or profiling: then 1 s), the CLI's time for the same file in the same run
 * (`scripts/analyze.ts --draws 0`, same engine and work, including its start-up), their ratio, the longest main-thread
 * task (PerformanceObserver 'longtask') with the longest frame, script run and frame rendering of
 * the same stretch (Long Animation Frames: a task of the page's event loop, its JavaScript with the
 * garbage collection it causes, blocks a frame at least as long; a long task no frame shows is the
 * browser's own, e.g. a compositor commit waiting on the software GPU), the JS heap after a GC (CDP)
 * of the page and of each worker (the analysis worker holds the full rows), DOM nodes, and the time to
 * sort a column and select a row (click → next frame), and reload → rows (a later visit: saved
 * sites and, when nothing changed, the saved analysis).
 * `points` drops a 200 000-point layer as a reference layer, then reloads the page and times the redraw;
 * `points=50000` another count; `polygons=20000` that many small squares instead. Each of these
 * first measures the bundled map alone (no import: opened, then reloaded) in the same run, the
 * floor of this machine's software GL, printed next to the layer's figures. With BENCH_PROFILE=<dir> a CPU profile of the main thread after Add
 * and of the reload is written there (`add.cpuprofile`, `reload.cpuprofile`; open in Chrome's
 * DevTools, or summarise with `npx tsx bench/profile-summary.ts <file>`).
 * For sites, BENCH_PROFILE writes `sites-<n>-{drop,sort,select,reload}.cpuprofile`, the long tasks
 * over 200 ms of each phase are printed, the reload waits for the table's `data-saved` (the worker
 * wrote the saved analysis) and prints its `data-analysed`; BENCH_CLI=0 skips the CLI, BENCH_SHOT=<dir>
 * writes a screenshot of the sorted table, BENCH_TRACE=<dir> Chrome traces of drop → preview (+ 1 s, counted in drop → rows), of the first seconds after Add
 * and after the reload (`sites-<n>-{drop,add,reload}.trace.json`, see `sitesTrace`; `points`: `{drop,add,reload}.trace.json`).
 * Both print the tasks over 50 ms from the drop to 1 s after the preview, and in the 3 s after Add.
 * Chromium runs with the browser tests' flags (`--disable-gpu`: software compositing, so every frame
 * the map draws is read back from SwiftShader on the page's main thread, ≈ 50 ms for an empty
 * 1280×800 map and ≈ 130 ms for the bundled one here: the long tasks of map frames); BENCH_GPU=1
 * drops that flag, so the compositor takes the map as a GPU texture as in a browser with a GPU
 * (SwiftShader still draws it, in the GPU process).
 * The synthetic features are benchmark input only (never shown as data). Printed, never asserted.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { preview } from 'vite';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/browser.ts';

/** mulberry32 seeded RNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const region = (JSON.parse(readFileSync('public/geodata/region.geojson', 'utf8')) as FeatureCollection<Polygon>).features[0];
const [w, s, e, n] = bbox(region);

/** `count` points inside the region polygon (rejection sampling), seeded. */
function pointsInRegion(count: number, seed: number, props: (i: number) => Record<string, unknown>): FeatureCollection {
  const r = rng(seed);
  const features: Feature[] = [];
  while (features.length < count) {
    const p = [+(w + r() * (e - w)).toFixed(6), +(s + r() * (n - s)).toFixed(6)];
    if (!booleanPointInPolygon(p, region)) continue;
    features.push({ type: 'Feature', properties: props(features.length), geometry: { type: 'Point', coordinates: p } });
  }
  return { type: 'FeatureCollection', features };
}

const ms = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const mb = (b: number | null) => (b === null ? '—' : `${Math.round(b / 1048576)} MB`);

interface Probe { renderedCount(source: string): number; renderedAtCentre?(source: string): number; loaded(): boolean; idle?(): Promise<void>; byUrl?(): string[]; pushes?(): Record<string, number> }

async function openApp(ctx: BrowserContext, url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await ctx.newPage();
  page.setDefaultTimeout(30 * 60_000);
  const cdp = await ctx.newCDPSession(page);
  await page.goto(url);
  await page.waitForFunction(() => {
    const p = (window as unknown as { __mapProbe?: Probe }).__mapProbe;
    return !!p && p.loaded() && p.renderedCount('industrial-sites') > 0;
  }, undefined, { timeout: 120_000, polling: 100 });
  return { page, cdp };
}

/**
 * Records long tasks from page start; `resetLongTasks` clears the record. Beside the longest task,
 * from the Long Animation Frames API: the longest frame (a task of the page's event loop and the
 * rendering after it), the longest script run (attributed callbacks, with the garbage collection
 * they cause) and the longest rendering part of a frame. A task of the page's own JavaScript blocks
 * a frame at least as long (checked: a 250 ms timer callback shows as a 250 ms frame and script);
 * a long task no frame shows is the browser's own work on the main thread, such as a compositor
 * commit waiting on the software GPU.
 */
const LONGTASK_INIT = () => {
  const w = window as unknown as { __longest: number; __script: { d: number; what: string }; __render: number; __frame: number };
  w.__longest = 0;
  w.__script = { d: 0, what: '' };
  w.__render = 0;
  w.__frame = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration); })
    .observe({ type: 'longtask', buffered: true });
  interface Script { duration: number; invoker: string; sourceFunctionName: string; sourceURL: string }
  interface Frame extends PerformanceEntry { renderStart: number; scripts: Script[] }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Frame[]) {
        w.__frame = Math.max(w.__frame, e.duration);
        if (e.renderStart > 0) w.__render = Math.max(w.__render, e.startTime + e.duration - e.renderStart);
        for (const sc of e.scripts ?? []) {
          if (sc.duration > w.__script.d) w.__script = { d: sc.duration, what: `${sc.invoker} ${sc.sourceFunctionName || ''} ${String(sc.sourceURL).split('/').pop()}`.replace(/\s+/g, ' ').trim() };
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* no Long Animation Frames API: the script column prints — */ }
};
const resetLongTasks = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { __longest: number; __script: { d: number; what: string }; __render: number; __frame: number };
  w.__longest = 0;
  w.__script = { d: 0, what: '' };
  w.__render = 0;
  w.__frame = 0;
});
const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);
/** The longest script run (and what ran) and the longest rendering part of a frame since the last reset. */
const longestScript = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { __script: { d: number; what: string }; __render: number; __frame: number };
  return { script: w.__script.d, what: w.__script.what, render: w.__render, frame: w.__frame };
});
type Scripts = Awaited<ReturnType<typeof longestScript>>;
const scriptText = (x: Scripts) => `longest script ${ms(x.script)}${x.what ? ` (${x.what})` : ''}, longest frame ${ms(x.frame)} (rendering ${ms(x.render)})`;

async function heap(cdp: CDPSession): Promise<number | null> {
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const u = await cdp.send('Runtime.getHeapUsage');
    return u.usedSize;
  } catch { return null; }
}
/**
 * The JS heap of each dedicated worker of the browser (the analysis worker holds the full rows,
 * MapLibre's and the tile worker their data) after a GC, through the browser's CDP session:
 * `Target.attachToTarget` without flattening and messages sent to the worker's own session. The
 * service worker is left out. Null when the browser refuses.
 */
async function workerHeaps(browser: Browser): Promise<{ name: string; used: number }[] | null> {
  const bc = await browser.newBrowserCDPSession();
  try {
    let id = 0;
    const pending = new Map<number, (v: unknown) => void>();
    bc.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      const r = m.id === undefined ? undefined : pending.get(m.id);
      if (r) { pending.delete(m.id!); r(m.result ?? m.error); }
    });
    const call = (sessionId: string, method: string) => new Promise<unknown>((r) => {
      const i = ++id;
      pending.set(i, r);
      void bc.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params: {} }) });
    });
    const out: { name: string; used: number }[] = [];
    for (const t of (await bc.send('Target.getTargets')).targetInfos.filter((x) => x.type === 'worker')) {
      const { sessionId } = await bc.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      await call(sessionId, 'HeapProfiler.collectGarbage');
      const u = await call(sessionId, 'Runtime.getHeapUsage') as { usedSize?: number };
      await bc.send('Target.detachFromTarget', { sessionId });
      out.push({ name: t.url.split('/').pop()!.replace(/-[\w-]{8}\.m?js$/, ''), used: u.usedSize ?? NaN });
    }
    return out;
  } catch {
    return null;
  } finally {
    await bc.detach();
  }
}
const workersText = (w: { name: string; used: number }[] | null) => (w === null ? '—' : `${mb(w.reduce((a, x) => a + x.used, 0))} (${w.map((x) => `${x.name} ${mb(x.used)}`).join(', ')})`);

const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

/** Drops the file served at `/__bench/<name>` on the map, as a user dragging it from the desktop. */
async function dropFile(page: Page, name: string) {
  await page.evaluate(async (n) => {
    const blob = await (await fetch(`/__bench/${n}`)).blob();
    const dt = new DataTransfer();
    dt.items.add(new File([blob], n, { type: 'application/geo+json' }));
    const target = document.querySelector('.mapwrap')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    (window as unknown as { __dropAt: number }).__dropAt = performance.now();
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, name);
}

/** Rows the table holds: its aria-rowcount (header row excluded) when virtualised, else its rows. */
const tableRows = (page: Page) => page.evaluate(() => {
  const t = document.querySelector('.analysis table');
  if (!t) return 0;
  const rc = t.getAttribute('aria-rowcount');
  return rc ? Number(rc) - 1 : t.querySelectorAll('tbody tr[data-row-id]').length;
});

/** Click → the next frame, timed in the page. */
async function clickToFrame(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el) return NaN;
    const t0 = performance.now();
    el.click();
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, selector);
}

/**
 * The CLI's time for the file, with the same work as the table's rows: `--draws 0` (the page's
 * analysis runs without score draws; the CLI's default 1 000 draws cost far more than the rows).
 */
function cliTime(file: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', file, '--draws', '0'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`analyze CLI failed: ${r.stderr.toString()}`);
  return performance.now() - t;
}

/** True when the analysis table holds `want` rows and no analysis is running (in the page). */
const waitRows = (want: number) => {
  const t = document.querySelector('.analysis table');
  if (!t || document.querySelector('.analysis progress')) return false;
  const rc = t.getAttribute('aria-rowcount');
  return (rc ? Number(rc) - 1 : t.querySelectorAll('tbody tr[data-row-id]').length) >= want;
};

/** Every long task from page start (start, duration; ms), for the sites part: which phase had them. */
const SITES_TASKS_INIT = () => {
  const w = window as unknown as { __tasks: [number, number][] };
  w.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
};
/** Long tasks over `min` ms that started at or after `from` (page time), as "duration@offset" text. */
const tasksSince = (page: Page, from: number, min = 200) => page.evaluate(([f, m]) =>
  (window as unknown as { __tasks: [number, number][] }).__tasks.filter(([s, d]) => s >= f && d > m).map(([s, d]) => `${Math.round(d)}@${((s - f) / 1000).toFixed(1)}s`), [from, min] as const);

/** With BENCH_PROFILE=<dir>, CPU profiles of the main thread per phase of the sites run. */
function profiler(cdp: CDPSession) {
  const dir = process.env.BENCH_PROFILE;
  return {
    async start() { if (dir) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 1000 }); await cdp.send('Profiler.start'); } },
    async stop(file: string) {
      if (!dir) return;
      const { profile: p } = await cdp.send('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, file), JSON.stringify(p));
    },
  };
}

/**
 * With BENCH_TRACE=<dir>, a Chrome trace of the first BENCH_TRACE_MS (default 15 000) ms after Add
 * and after the reload of the sites run, of selecting a row and of the CSV after the reload (the whole run would be hundreds of MB): the sites sent to
 * the worker, the map's updates, the saved layers read back. `npx tsx bench/trace-summary.ts <file>`.
 */
function sitesTrace(browser: Browser, page: Page) {
  const dir = process.env.BENCH_TRACE;
  const ms = Number(process.env.BENCH_TRACE_MS ?? 15_000);
  let stopping: Promise<void> = Promise.resolve();
  return {
    /** Starts a trace; stopped after BENCH_TRACE_MS, or by `stop` when `manual`. */
    async start(file: string, manual = false) {
      if (!dir) return;
      mkdirSync(dir, { recursive: true });
      await browser.startTracing(page, { path: join(dir, file), categories: TRACE_CATEGORIES });
      stopping = manual ? Promise.resolve() : new Promise((r) => setTimeout(r, ms)).then(async () => { await browser.stopTracing(); });
    },
    async stop() { if (dir) await browser.stopTracing(); },
    /** Resolves once the trace is written (after its time, whatever the page does meanwhile). */
    done: () => stopping,
  };
}

interface SiteRow { n: number; parse: number; addToRows: number; dropToRows: number; cli: number; longTask: number; scripts: Scripts; reloadScripts: Scripts; heap: number | null; workers: { name: string; used: number }[] | null; dom: number; sort: number; select: number; reloadToRows: number; exportCsv: number }

async function benchSites(browser: Browser, url: string, dir: string, count: number): Promise<SiteRow> {
  const name = `bench-sites-${count}.geojson`;
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(pointsInRegion(count, 1000 + count, (i) => ({ id: `bench-${i}`, name: `Site ${i}` }))));
  // BENCH_CLI=0 skips the CLI (profiling runs; the ratio then prints as —)
  const cli = process.env.BENCH_CLI === '0' ? NaN : cliTime(file);
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(LONGTASK_INIT);
  await ctx.addInitScript(SITES_TASKS_INIT);
  await ctx.route('**/__bench/*', (route) => route.fulfill({ path: join(dir, route.request().url().split('/').pop()!), contentType: 'application/geo+json' }));
  try {
    const { page, cdp } = await openApp(ctx, url);
    const prof = profiler(cdp);
    const base = await (async () => { await page.click('button[data-panel="sites"]'); await page.waitForFunction(() => document.querySelector('.analysis table') !== null); return tableRows(page); })();
    // the file is dropped on a map done opening (its tiles, labels and fades), as a user would
    await page.evaluate(() => (window as unknown as { __mapProbe: Probe }).__mapProbe.idle?.()); // (a build before it had none)
    await resetLongTasks(page);
    await prof.start();
    const dropPage = await page.evaluate(() => performance.now());
    const traced = sitesTrace(browser, page);
    await traced.start(`sites-${count}-drop.trace.json`, true);
    await dropFile(page, name);
    await page.getByTestId('import-result').waitFor({ timeout: 30 * 60_000 });
    const parse = await page.evaluate(() => performance.now() - (window as unknown as { __dropAt: number }).__dropAt);
    await page.selectOption('[data-testid="import-role"]', 'sites');
    // traced or profiled: 1 s more after the preview, in the trace (drop → rows then counts it)
    if (process.env.BENCH_TRACE || process.env.BENCH_PROFILE) await page.waitForTimeout(1000);
    await traced.stop();
    console.log(`  drop → preview (parse ${ms(parse)})${process.env.BENCH_TRACE || process.env.BENCH_PROFILE ? ' + 1 s' : ''} and its role chosen: tasks > 50 ms ${(await tasksSince(page, dropPage, 50)).join(' ') || 'none'}`);
    await traced.start(`sites-${count}-add.trace.json`);
    const addAt = await page.evaluate(() => performance.now());
    await page.click('[data-testid="import-accept"]');
    await page.click('button[data-panel="sites"]');
    await page.waitForFunction(waitRows, base + count, { timeout: 30 * 60_000, polling: 200 });
    await traced.done();
    const done = await page.evaluate(() => performance.now());
    const dropAt = await page.evaluate(() => (window as unknown as { __dropAt: number }).__dropAt);
    const longTask = await longest(page);
    const scripts = await longestScript(page);
    await prof.stop(`sites-${count}-drop.cpuprofile`);
    console.log(`  Add → +3 s: tasks > 50 ms ${(await tasksSince(page, addAt, 50)).filter((t) => Number(t.split('@')[1].slice(0, -1)) <= 3).join(' ') || 'none'}`);
    console.log(`  drop → rows: tasks > 200 ms ${(await tasksSince(page, dropPage)).join(' ') || 'none'}; ${scriptText(scripts)}`);
    const h = await heap(cdp);
    const workers = await workerHeaps(browser);
    const dom = await domNodes(page);
    // Sort by a distance column twice (both directions), select a row near the top.
    await prof.start();
    const sortPage = await page.evaluate(() => performance.now());
    const sort1 = await clickToFrame(page, '.analysis thead button[data-sort]:not([data-sort="score"])');
    const sort2 = await clickToFrame(page, '.analysis thead button[data-sort]:not([data-sort="score"])');
    await prof.stop(`sites-${count}-sort.cpuprofile`);
    await prof.start();
    await traced.start(`sites-${count}-select.trace.json`, true);
    const selectPage = await page.evaluate(() => performance.now());
    const select = await clickToFrame(page, '.analysis tbody tr[data-row-id]:nth-child(3)');
    await page.waitForTimeout(500);
    await traced.stop();
    await prof.stop(`sites-${count}-select.cpuprofile`);
    console.log(`  sort: tasks > 200 ms ${(await tasksSince(page, sortPage)).filter((x) => x).join(' ') || 'none'} (select from ${((selectPage - sortPage) / 1000).toFixed(1)} s)`);
    if (process.env.BENCH_SHOT) await page.screenshot({ path: join(process.env.BENCH_SHOT, `sites-${count}-sorted.png`) });
    // A later visit: the saved sites come back and, when nothing changed, the saved analysis. The
    // worker writes it after the run; the table says when it is written (data-saved: the sites
    // saved, or why none: too many, failed).
    const saveStart = performance.now();
    const saved = await (await page.waitForFunction((want) => {
      const v = document.querySelector('.analysis')?.getAttribute('data-saved');
      return v && (Number.isNaN(Number(v)) || Number(v) >= want) ? v : null;
    }, base + count, { timeout: 30 * 60_000, polling: 200 })).jsonValue();
    console.log(`  saved analysis: ${saved} (waited ${ms(performance.now() - saveStart)} after sort and select)`);
    await prof.start();
    await traced.start(`sites-${count}-reload.trace.json`);
    const t = performance.now();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('button[data-panel="sites"]') !== null, undefined, { timeout: 120_000 });
    if (!(await page.$('.analysis table'))) await page.click('button[data-panel="sites"]');
    await page.waitForFunction(waitRows, base + count, { timeout: 30 * 60_000, polling: 200 });
    const reloadToRows = performance.now() - t;
    await traced.done();
    await prof.stop(`sites-${count}-reload.cpuprofile`);
    console.log(`  reload: sites analysed again ${await page.getAttribute('.analysis', 'data-analysed')}`);
    const reloadScripts = await longestScript(page);
    console.log(`  reload → rows: tasks > 200 ms ${(await tasksSince(page, 0)).join(' ') || 'none'}; ${scriptText(reloadScripts)}`);
    // The table's CSV after the reload: every full row streamed from the worker, which keeps none
    // of a restored analysis (each is analysed again on demand).
    await page.waitForTimeout(500);
    await resetLongTasks(page);
    await traced.start(`sites-${count}-export.trace.json`, true);
    const exportPage = await page.evaluate(() => performance.now());
    const exportAt = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30 * 60_000 }), page.click('.analysis [data-export="csv"]')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const exportCsv = performance.now() - exportAt;
    await traced.stop();
    console.log(`  export CSV after reload: ${ms(exportCsv)}, ${(csv.length / 2 ** 20).toFixed(1)} MB, ${csv.split('\n').filter((l) => /^"?user-/.test(l)).length} imported sites' lines; tasks > 200 ms ${(await tasksSince(page, exportPage)).join(' ') || 'none'}; ${scriptText(await longestScript(page))}`);
    await page.waitForTimeout(500);
    // Colour the sites by their MV-grid distance: choice → the next frame, and the long tasks after it.
    await page.click('button[data-panel="layers"]');
    await page.waitForSelector('select[data-control="colour-by"]');
    await resetLongTasks(page);
    const colourPage = await page.evaluate(() => performance.now());
    const colourBy = await page.evaluate(() => new Promise<number>((resolve) => {
      const sel = document.querySelector<HTMLSelectElement>('select[data-control="colour-by"]')!;
      const t = performance.now();
      sel.value = 'mv';
      sel.dispatchEvent(new Event('change', { bubbles: true }));
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
    }));
    // … and → the coloured symbols handed to the map and drawn (the map's next idle after that)
    await page.waitForFunction(() => ((window as unknown as { __mapProbe: Probe }).__mapProbe.pushes?.()['colour-by'] ?? 1) > 0, undefined, { polling: 20 });
    await page.evaluate(() => (window as unknown as { __mapProbe: Probe }).__mapProbe.idle?.());
    const coloured = (await page.evaluate(() => performance.now())) - colourPage;
    await page.waitForTimeout(1000);
    if (process.env.BENCH_SHOT) await page.screenshot({ path: join(process.env.BENCH_SHOT, `sites-${count}-colour-by.png`) });
    console.log(`  colour by MV distance: choice → frame ${ms(colourBy)}, → drawn ${ms(coloured)}; tasks > 50 ms ${(await tasksSince(page, colourPage, 50)).join(' ') || 'none'}; ${scriptText(await longestScript(page))}`);
    // The Data panel's export of the analysis, as CSV in VN-2000 / UTM 48N (written by the worker)
    const dataCsv = await dataPanelExport(page, 'analysis', 'csv', 3405);
    console.log(`  Data panel: analysis as CSV (EPSG:3405) ${ms(dataCsv.ms)}, ${dataCsv.mb.toFixed(1)} MB; tasks > 200 ms ${dataCsv.tasks.join(' ') || 'none'}; page heap after ${mb(await heap(cdp))}`);
    return { n: count, parse, addToRows: done - addAt, dropToRows: done - dropAt, cli, longTask, scripts, reloadScripts, heap: h, workers, dom, sort: Math.max(sort1, sort2), select, reloadToRows, exportCsv };
  } finally {
    await ctx.close();
  }
}

/** What each long main-thread task is: tasks, V8, paint/compositing and GPU (SwiftShader) work. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'v8.execute', 'v8', 'gpu', 'blink', 'cc', 'viz', 'disabled-by-default-gpu.service'];

interface PointsRow { n: number; parse: number; addToDrawn: number; longTaskAfterAdd: number; scriptsAfterAdd: Scripts; heap: number | null; workers: { name: string; used: number }[] | null; reloadToDrawn: number; longTaskReload: number; scriptsReload: Scripts }

/**
 * The Data panel's export of `source` (`analysis` or `user:<id>`; the first user layer when
 * `user:`) in `format` (and `crs`): click → the download's file read, with its size and the long
 * tasks meanwhile.
 */
async function dataPanelExport(page: Page, source: string, format: 'geojson' | 'csv' | 'kml', crs?: number): Promise<{ ms: number; mb: number; tasks: string[] }> {
  await page.click('button[data-panel="data"]');
  const value = source === 'user:'
    ? await page.$eval('[data-testid="export-source"]', (el) => [...(el as HTMLSelectElement).options].map((o) => o.value).find((v) => v.startsWith('user:'))!)
    : source;
  await page.selectOption('[data-testid="export-source"]', value);
  await page.selectOption('[data-testid="data-export-format"]', format);
  if (crs) await page.selectOption('[data-testid="data-export-crs"]', String(crs));
  await page.waitForTimeout(300);
  await resetLongTasks(page);
  const from = await page.evaluate(() => performance.now());
  const t = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30 * 60_000 }), page.click('[data-testid="export-go"]')]);
  const size = statSync((await download.path())!).size;
  return { ms: performance.now() - t, mb: size / 2 ** 20, tasks: await tasksSince(page, from) };
}

/** The bundled map alone (nothing imported): what this machine's software GL costs with no big layer. */
interface BaselineRow { openToDrawn: number; longTaskOpen: number; scriptsOpen: Scripts; reloadToDrawn: number; longTaskReload: number; scriptsReload: Scripts }

/**
 * The baseline of the `points` part, in the same run: the app opened with nothing imported, its
 * longest main-thread task until 3 s after the bundled sites are drawn, then a reload → the
 * bundled sites drawn and the map loaded (every tile in), and its longest task until 2 s after.
 */
async function benchBaseline(browser: Browser, url: string): Promise<BaselineRow> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(LONGTASK_INIT);
  try {
    const t0 = performance.now();
    const { page } = await openApp(ctx, url);
    const openToDrawn = performance.now() - t0;
    await page.waitForTimeout(3000);
    const longTaskOpen = await longest(page);
    const scriptsOpen = await longestScript(page);
    const t = performance.now();
    await page.reload();
    await page.waitForFunction(() => {
      const p = (window as unknown as { __mapProbe?: Probe }).__mapProbe;
      return !!p && p.loaded() && p.renderedCount('industrial-sites') > 0;
    }, undefined, { timeout: 30 * 60_000, polling: 100 });
    const reloadToDrawn = performance.now() - t;
    await page.waitForTimeout(2000);
    const longTaskReload = await longest(page);
    const scriptsReload = await longestScript(page);
    return { openToDrawn, longTaskOpen, scriptsOpen, reloadToDrawn, longTaskReload, scriptsReload };
  } finally {
    await ctx.close();
  }
}

/** Squares of about 100 m around `count` points inside the region (a polygon reference layer). */
function squaresInRegion(count: number): FeatureCollection {
  const d = 0.0005;
  const pts = pointsInRegion(count, 11, (i) => ({ id: `q-${i}`, name: `Polygon ${i}`, value: i % 97 }));
  return { type: 'FeatureCollection', features: pts.features.map((f) => {
    const [x, y] = (f.geometry as { coordinates: number[] }).coordinates;
    return { ...f, geometry: { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]].map(([a, b]) => [+a.toFixed(6), +b.toFixed(6)])] } };
  }) };
}

async function benchPoints(browser: Browser, url: string, dir: string, count: number, polygons = false): Promise<PointsRow> {
  const name = `bench-${polygons ? 'polygons' : 'points'}-${count}.geojson`;
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(polygons ? squaresInRegion(count) : pointsInRegion(count, 7, (i) => ({ id: `p-${i}`, name: `Point ${i}`, value: i % 97 }))));
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(LONGTASK_INIT);
  await ctx.addInitScript(SITES_TASKS_INIT);
  await ctx.route('**/__bench/*', (route) => route.fulfill({ path: join(dir, route.request().url().split('/').pop()!), contentType: 'application/geo+json' }));
  // Polled near the centre only: counting every rendered point of a big layer ten times a second
  // is itself main-thread work (seconds over a run at 200 000 points) that the app never does.
  // The points are in the clustered `user-points` source where the build has one (given by URL or
  // as tiles), else in `user-data`: either counts.
  const drawn = (page: Page) => page.waitForFunction(() => {
    const p = (window as unknown as { __mapProbe?: Probe }).__mapProbe;
    // (no named function in here: tsx would wrap it in a helper the page does not have)
    return !!p && p.loaded() && ['user-points', 'user-data'].some((source) => (p.renderedAtCentre ? p.renderedAtCentre(source) : p.renderedCount(source)) > 0);
  }, undefined, { timeout: 30 * 60_000, polling: 100 });
  try {
    const { page, cdp } = await openApp(ctx, url);
    const trace = process.env.BENCH_TRACE;
    const startTrace = async (file: string) => {
      if (!trace) return;
      mkdirSync(trace, { recursive: true });
      await browser.startTracing(page, { path: join(trace, file), categories: TRACE_CATEGORIES });
    };
    const stopTrace = async () => { if (trace) await browser.stopTracing(); };
    await page.evaluate(() => (window as unknown as { __mapProbe: Probe }).__mapProbe.idle?.()); // (a build before it had none)
    // BENCH_TRACE: `drop.trace.json`, drop → the preview shown and its role chosen, + 1 s
    await startTrace('drop.trace.json');
    const dropPage = await page.evaluate(() => performance.now());
    await dropFile(page, name);
    await page.getByTestId('import-result').waitFor({ timeout: 30 * 60_000 });
    const parse = await page.evaluate(() => performance.now() - (window as unknown as { __dropAt: number }).__dropAt);
    // as a reference layer: drawn as it is in the map's `user-data` source (a layer in a data role
    // is merged into that role's bundled layer and source, which already has features on screen)
    await page.selectOption('[data-testid="import-role"]', 'reference');
    await page.waitForTimeout(1000);
    await stopTrace();
    console.log(`  drop → preview (parse ${ms(parse)}) + 1 s: tasks > 50 ms ${(await tasksSince(page, dropPage, 50)).join(' ') || 'none'}`);
    await resetLongTasks(page);
    const profile = process.env.BENCH_PROFILE;
    const startProfile = async () => { if (profile) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 1000 }); await cdp.send('Profiler.start'); } };
    const stopProfile = async (file: string) => {
      if (!profile) return;
      const { profile: p } = await cdp.send('Profiler.stop');
      mkdirSync(profile, { recursive: true });
      writeFileSync(join(profile, file), JSON.stringify(p));
    };
    // BENCH_TRACE=<dir>: a Chrome trace (main thread, GPU, V8) of Add → drawn and of reload → drawn
    // (`add.trace.json`, `reload.trace.json`; summarise with `npx tsx bench/trace-summary.ts <file>`).
    await startProfile();
    await startTrace('add.trace.json');
    const addAt = await page.evaluate(() => performance.now());
    await page.click('[data-testid="import-accept"]');
    await drawn(page);
    const addToDrawn = (await page.evaluate(() => performance.now())) - addAt;
    // Let the save and the re-analysis finish before reading the longest task.
    await page.waitForTimeout(3000);
    const longTaskAfterAdd = await longest(page);
    const scriptsAfterAdd = await longestScript(page);
    console.log(`  Add → +3 s: tasks > 50 ms ${(await tasksSince(page, addAt, 50)).filter((t) => Number(t.split('@')[1].slice(0, -1)) <= 3).join(' ') || 'none'}`);
    await stopTrace();
    await stopProfile('add.cpuprofile');
    const h = await heap(cdp);
    const workers = await workerHeaps(browser);
    await startProfile();
    await startTrace('reload.trace.json');
    const t = performance.now();
    await page.reload();
    await drawn(page);
    const reloadToDrawn = performance.now() - t;
    await page.waitForTimeout(2000);
    const longTaskReload = await longest(page);
    const scriptsReload = await longestScript(page);
    await stopTrace();
    await stopProfile('reload.cpuprofile');
    // The layer exported from the Data panel (GeoJSON)
    const exported = await dataPanelExport(page, 'user:', 'geojson');
    console.log(`  Data panel: the layer as GeoJSON ${ms(exported.ms)}, ${exported.mb.toFixed(1)} MB; tasks > 200 ms ${exported.tasks.join(' ') || 'none'}`);
    return { n: count, parse, addToDrawn, longTaskAfterAdd, scriptsAfterAdd, heap: h, workers, reloadToDrawn, longTaskReload, scriptsReload };
  } finally {
    await ctx.close();
  }
}

async function main() {
  // BENCH_DIST serves another build (e.g. a copy of an earlier one, for a before/after table).
  const outDir = process.env.BENCH_DIST || 'dist';
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`${outDir}/ is missing: run \`npx vite build\` first`);
  const args = process.argv.slice(2);
  const sizes = (args.length ? args : ['1000', '10000', '50000', 'points']);
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls!.local[0];
  // BENCH_GPU=1: GPU compositing (see the head of this file)
  const launchArgs = process.env.BENCH_GPU === '1' ? CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu') : CHROMIUM_ARGS;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...launchArgs, '--enable-precise-memory-info'], headless: true });
  const dir = mkdtempSync(join(tmpdir(), 'bench-browser-'));
  console.log(`browser bench: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, Chromium ${browser.version()}, ${process.env.BENCH_GPU === '1' ? 'GPU compositing (BENCH_GPU=1)' : 'software compositing (--disable-gpu)'}`);
  try {
    const siteRows: SiteRow[] = [];
    for (const a of sizes) {
      if (a === 'points' || a.startsWith('points=') || a.startsWith('polygons=')) {
        const polygons = a.startsWith('polygons=');
        const b = await benchBaseline(browser, url);
        console.log(`\nbaseline, the bundled map alone (load ${loadavg().map((x) => x.toFixed(1)).join(' ')}): open → drawn ${ms(b.openToDrawn)}, longest task ${ms(b.longTaskOpen)} (${scriptText(b.scriptsOpen)}), reload → drawn ${ms(b.reloadToDrawn)} (longest task ${ms(b.longTaskReload)}; ${scriptText(b.scriptsReload)})`);
        const p = await benchPoints(browser, url, dir, a === 'points' ? 200_000 : Number(a.slice(a.indexOf('=') + 1)), polygons);
        console.log(`${p.n} ${polygons ? 'polygons' : 'points'} as a reference layer (load ${loadavg().map((x) => x.toFixed(1)).join(' ')}): parse ${ms(p.parse)}, Add → drawn ${ms(p.addToDrawn)}, longest task after Add ${ms(p.longTaskAfterAdd)} (${scriptText(p.scriptsAfterAdd)}), heap ${mb(p.heap)} (workers ${workersText(p.workers)}), reload → drawn ${ms(p.reloadToDrawn)} (longest task ${ms(p.longTaskReload)}; ${scriptText(p.scriptsReload)})`);
        console.log('\n| | longest task (open / after Add) | longest frame / script | reload → drawn | longest task on reload | longest frame / script on reload |');
        console.log('|---|---:|---:|---:|---:|---:|');
        console.log(`| bundled map alone | ${ms(b.longTaskOpen)} | ${ms(b.scriptsOpen.frame)} / ${ms(b.scriptsOpen.script)} | ${ms(b.reloadToDrawn)} | ${ms(b.longTaskReload)} | ${ms(b.scriptsReload.frame)} / ${ms(b.scriptsReload.script)} |`);
        console.log(`| ${p.n} ${polygons ? 'polygons' : 'points'} | ${ms(p.longTaskAfterAdd)} | ${ms(p.scriptsAfterAdd.frame)} / ${ms(p.scriptsAfterAdd.script)} | ${ms(p.reloadToDrawn)} | ${ms(p.longTaskReload)} | ${ms(p.scriptsReload.frame)} / ${ms(p.scriptsReload.script)} |`);
        continue;
      }
      const r = await benchSites(browser, url, dir, Number(a));
      siteRows.push(r);
      console.log(`${r.n} sites: drop → rows ${ms(r.dropToRows)} (parse ${ms(r.parse)}, Add → rows ${ms(r.addToRows)}), CLI ${ms(r.cli)}, ratio ${(r.dropToRows / r.cli).toFixed(2)}×, longest task ${ms(r.longTask)} (${scriptText(r.scripts)}), heap ${mb(r.heap)} (workers ${workersText(r.workers)}), DOM ${r.dom}, sort ${ms(r.sort)}, select ${ms(r.select)}, reload → rows ${ms(r.reloadToRows)}`);
    }
    if (siteRows.length) {
      console.log('\n| sites | drop → rows | CLI | ratio | longest task | longest frame / script | heap (page / workers) | DOM nodes | sort | select | reload → rows | longest frame / script on reload | CSV after reload |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const r of siteRows) console.log(`| ${r.n} | ${ms(r.dropToRows)} | ${ms(r.cli)} | ${(r.dropToRows / r.cli).toFixed(2)}× | ${ms(r.longTask)} | ${ms(r.scripts.frame)} / ${ms(r.scripts.script)} | ${mb(r.heap)} / ${r.workers ? mb(r.workers.reduce((a, x) => a + x.used, 0)) : '—'} | ${r.dom} | ${ms(r.sort)} | ${ms(r.select)} | ${ms(r.reloadToRows)} | ${ms(r.reloadScripts.frame)} / ${ms(r.reloadScripts.script)} | ${ms(r.exportCsv)} |`);
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
