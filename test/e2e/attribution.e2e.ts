/**
 * The map's attribution control credits the bundled sources from the manifest, in both languages,
 * follows the visible layers, and stays on screen on a phone (compact, with its button).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { startHarness, watchPage, waitForMapIdle, type Harness } from './browser.ts';
import type { Manifest } from '../../src/lib/data/schema.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const manifest: Manifest = JSON.parse(readFileSync('public/geodata/manifest.json', 'utf8'));
const credit = (id: string, lang: 'vi' | 'en', i = 0) => {
  const a = manifest.layers.find((l) => l.id === id)!.attribution![i];
  return lang === 'vi' ? a.text_vi : a.text_en;
};

describe('attribution control', () => {
  it('credits every visible bundled source in Vietnamese and English', async () => {
    mkdirSync('test-results', { recursive: true });
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(h.url);
    await waitForMapIdle(page);
    const attrib = page.locator('.maplibregl-ctrl-attrib-inner');
    await expect.poll(() => attrib.textContent()).toContain(credit('districts', 'vi'));
    const vi = (await attrib.textContent())!;
    expect(vi).toContain('Ranh giới: gis.chinhphu.vn qua daohoangson/dvhcvn (GPL-3.0)');
    expect(vi).toContain('Xã 2009: censusVN2009 © 2017 Marc Choisy (MIT)');
    expect(vi).toContain('Sông: GSHHG/WDBII, P. Wessel & W. H. F. Smith (LGPL-3.0-or-later)');
    expect(vi).toContain(`${credit('power-substations', 'vi')} (không ghi giấy phép)`);
    expect(vi).not.toContain('Boundaries');
    // Wide map: expanded, not compact.
    expect(await page.locator('.maplibregl-ctrl-attrib').getAttribute('class')).not.toContain('maplibregl-compact');
    const links = await attrib.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain('https://github.com/daohoangson/dvhcvn');
    await page.screenshot({ path: 'test-results/attribution-vi.png', clip: { x: 280, y: 700, width: 1000, height: 100 } });

    await page.click('button[lang="en"]');
    await expect.poll(() => attrib.textContent()).toContain('Boundaries: gis.chinhphu.vn via daohoangson/dvhcvn (GPL-3.0)');
    const en = (await attrib.textContent())!;
    expect(en).toContain('Communes 2009: censusVN2009 © 2017 Marc Choisy (MIT)');
    expect(en).toContain('110 kV grid: anhcv1987/sodoluoidien, third-party (no licence stated)');
    expect(en).not.toContain('Ranh giới');
    await page.screenshot({ path: 'test-results/attribution-en.png', clip: { x: 280, y: 700, width: 1000, height: 100 } });

    // Switching the power layers off removes the traces' credit; switching them on brings it back.
    for (const id of ['power-lines', 'power-substations']) await page.uncheck(`input[data-layer="${id}"]`);
    await expect.poll(() => attrib.textContent()).not.toContain('110 kV grid');
    for (const id of ['power-lines', 'power-substations']) await page.check(`input[data-layer="${id}"]`);
    await expect.poll(() => attrib.textContent()).toContain('110 kV grid');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('stays on a phone screen: compact, with a button that shows the credits', async () => {
    const page = await h.browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(h.url);
    await waitForMapIdle(page);
    const ctrl = page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => ctrl.getAttribute('class')).toContain('maplibregl-compact');
    const button = page.locator('.maplibregl-ctrl-attrib-button');
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-label')).toBe('Hiện/ẩn ghi công');
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    // Folded at first (the credits do not cover the map); the button unfolds them.
    const inner = page.locator('.maplibregl-ctrl-attrib-inner');
    expect(await inner.isVisible()).toBe(false);
    await page.screenshot({ path: 'test-results/attribution-phone.png' });
    await button.click();
    await expect.poll(() => inner.isVisible()).toBe(true);
    expect(await inner.textContent()).toContain(credit('districts', 'vi'));
    await page.screenshot({ path: 'test-results/attribution-phone-open.png' });
    await page.close();
  });

  it('marks the 110 kV traces as third-party without a licence in their card and in the About panel', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = await watchPage(page);
    await page.goto(`${h.url}#s=power-substations:sub-e26-2-cho-don`);
    // The map frames the selected substation's placement, where no industrial site may be in view.
    await waitForMapIdle(page, 60_000, 'power-substations');
    const card = page.getByTestId('card-credits');
    await expect.poll(() => card.textContent()).toContain('Lưới 110 kV: anhcv1987/sodoluoidien, bên thứ ba (không ghi giấy phép)');
    expect(await card.textContent()).toContain('chưa ai cho phép phân phối lại');
    await page.getByTestId('feature-card').screenshot({ path: 'test-results/attribution-card.png' });
    await page.click('button[lang="en"]');
    await expect.poll(() => card.textContent()).toContain('110 kV grid: anhcv1987/sodoluoidien, third-party (no licence stated)');

    await page.click('button[data-panel="about"]');
    const about = (l: string) => page.locator(`li[data-layer-about="${l}"]`);
    await expect.poll(() => about('power-substations').textContent()).toContain('Third-party data, no licence stated');
    expect(await about('districts').textContent()).toContain('Boundaries: gis.chinhphu.vn via daohoangson/dvhcvn (GPL-3.0)');
    expect(await about('districts').getByTestId('about-unlicensed').count()).toBe(0);
    expect(await about('power-plants').textContent()).toContain('(CC-BY-4.0)');
    const text = (await page.locator('.about').textContent())!;
    expect(text).toContain('GPL-3.0 or later');
    // Plain language for the public: no commands, no paths of the repository.
    expect(text).not.toMatch(/npm |\.\.\/shared|data\/\*?[a-z-]*\.csv/);
    await page.click('button[lang="vi"]');
    await expect.poll(() => about('power-substations').textContent()).toContain('không ghi giấy phép');
    expect((await page.locator('.about').textContent())!).not.toMatch(/npm |\.\.\/shared|data\/\*?[a-z-]*\.csv/);
    await page.locator('li[data-layer-about="power-substations"]').screenshot({ path: 'test-results/attribution-about.png' });
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('exports a layer from the app with its credits; GDAL opens the file', async () => {
    mkdirSync('test-results', { recursive: true });
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(`${h.url}#mode=planner&lang=en`);
    await waitForMapIdle(page);
    await page.click('button[data-panel="data"]');
    await page.selectOption('[data-testid="export-source"]', 'layer:districts');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid="export-go"]')]);
    const file = 'test-results/export-districts.geojson';
    await download.saveAs(file);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.attribution).toBe('Boundaries: gis.chinhphu.vn via daohoangson/dvhcvn (GPL-3.0)');
    expect(json.license).toBe('GPL-3.0');
    expect(json.features).toHaveLength(8);
    expect(execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' })).toContain('Feature Count: 8');
    await page.close();
  });
});
