import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { startHarness, watchPage, waitForMapIdle, type Harness, type MapProbe } from './browser.ts';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const sites = JSON.parse(readFileSync('public/geodata/industrial-sites.geojson', 'utf8'));

describe('planner and investor workflows (production build, Debian Chromium)', () => {
  it('sketches a candidate area that is analysed, and keeps it across a reload', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=planner`);
    await waitForMapIdle(page);
    await page.click('button[data-panel="drafts"]');
    await page.click('button[data-draw="polygon"]');
    const box = (await page.locator('.mapwrap').boundingBox())!;
    const ring = [[280, 250], [360, 250], [360, 320], [280, 320]];
    for (const [x, y] of ring) {
      await page.mouse.click(box.x + x, box.y + y);
      await page.waitForTimeout(120);
    }
    await page.mouse.click(box.x + ring[0][0], box.y + ring[0][1]);
    await expect.poll(() => page.locator('.drafts .count').textContent()).toBe('1 phương án');
    await page.click('button[data-draw="static"]');
    // Undo removes the area, redo brings it back.
    await page.click('button[data-draw-cmd="undo"]');
    await expect.poll(() => page.locator('.drafts .count').textContent()).toBe('0 phương án');
    await page.click('button[data-draw-cmd="redo"]');
    await expect.poll(() => page.locator('.drafts .count').textContent()).toBe('1 phương án');

    await page.click('button[data-panel="sites"]');
    const rows = page.locator('tbody tr[data-row-id]');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(sites.features.length + 1);
    const draftRow = page.locator('tbody tr', { hasText: 'Phương án 1' });
    await expect.poll(() => draftRow.count()).toBe(1);
    const cells = await draftRow.locator('td:not(.pick)').allTextContents();
    // score, MV, substation, road, material, deposit: real numbers with units
    // the point score, then (once the ranges of the whole set are in) its range and rank range
    expect(cells[0]).toMatch(/^\d+( \(\d+–\d+\))?( · hạng \d+(–\d+)?)?$/);
    for (const c of cells.slice(1, 6)) expect(c).toMatch(/^(≈ )?\d[\d.,]*(–[\d.,]+)? (m|km)( · .+)?$/) /* a figure, a range with its reason, or an indicative figure */;

    await page.reload();
    await waitForMapIdle(page);
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('tbody tr', { hasText: 'Phương án 1' }).count(), { timeout: 20_000 }).toBe(1);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('restores a shared URL: view, filters, selection and language', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    const expected = sites.features.filter((f: { properties: { kind: string; phase: string } }) => f.properties.kind === 'cluster' && f.properties.phase === 'existing');
    expect(expected.length).toBeGreaterThan(0);
    // The link's view shows the selected Quảng Chu (21.834 N, 105.783 E) left of the card, so it is kept
    // (a view that would hide the selection under this screen's card is re-framed: share-drafts test).
    await page.goto(`${h.url}#v=105.98,21.85,10.5&lang=en&mode=investor&fk=cluster&fp=existing&s=industrial-sites:ccn-quang-chu&bogus=1`);
    await waitForMapIdle(page);
    const view = await page.evaluate(() => ({ zoom: (window as unknown as { __mapProbe: MapProbe }).__mapProbe.zoom() }));
    expect(view.zoom).toBeCloseTo(10.5, 1);
    expect(await page.getByTestId('feature-card').locator('h2').textContent()).toContain('Quảng Chu');
    expect(await page.locator('h1').textContent()).toBe('Industry and resources map');
    await expect.poll(() => page.locator('.notices').textContent()).toContain('ignored bogus=1');
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('tbody tr[data-row-id]').count(), { timeout: 20_000 }).toBe(expected.length);
    const ids = await page.locator('tbody tr[data-row-id]').evaluateAll((trs) => trs.map((t) => t.getAttribute('data-row-id')).sort());
    expect(ids).toEqual(expected.map((f: { properties: { id: string } }) => f.properties.id).sort());
    // The map shows the same filtered sites.
    expect(await page.evaluate(() => (window as unknown as { __mapProbe: MapProbe }).__mapProbe.renderedCount('industrial-sites'))).toBeGreaterThan(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('compares two sites side by side with the best value marked, and filters by distance to the grid', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = await watchPage(page);
    await page.goto(`${h.url}#mode=investor`);
    await waitForMapIdle(page);
    await page.click('button[data-panel="sites"]');
    await expect.poll(() => page.locator('tbody tr[data-row-id]').count(), { timeout: 20_000 }).toBe(sites.features.length);
    await page.check('input[data-compare="ccn-quang-chu"]');
    await page.check('input[data-compare="ccn-huyen-tung"]');
    const cmp = page.getByTestId('compare');
    await expect.poll(() => cmp.count()).toBe(1);
    expect(await cmp.locator('thead th').allTextContents()).toEqual(expect.arrayContaining(['CCN Quảng Chu', 'CCN Huyền Tụng']));
    const mvRow = cmp.locator('tbody tr', { hasText: 'Lưới trung thế' });
    expect(await mvRow.locator('td.best').count()).toBe(1);
    // A threshold filter drives the table: within 3 km of an MV line.
    const mvById = await page.locator('tbody tr[data-row-id]').count();
    await page.locator('details.filters summary').click();
    await page.fill('input[data-filter="maxMvDistanceM"]', '3');
    await page.locator('input[data-filter="maxMvDistanceM"]').press('Enter');
    await page.locator('input[data-filter="maxMvDistanceM"]').blur();
    await expect.poll(() => page.locator('.analysis tbody tr[data-row-id]').count()).toBeLessThan(mvById);
    const mvCells = await page.locator('.analysis tbody tr[data-row-id]').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td:not(.pick)')[1].textContent!.trim()));
    expect(mvCells.length).toBeGreaterThan(0);
    // the MV feeders are schematic links: every MV figure is indicative ("≈ 1,11 km · tuyến sơ đồ, chỉ tham khảo")
    await expect.poll(() => page.getByTestId('mv-pass').textContent()).toMatch(/^Lưới trung thế ≤ 3 km: 0 chắc chắn, \d+ có thể, \d+ không$/);
    for (const t of mvCells) {
      const m = t.match(/^≈ ([\d.,]+) (m|km) · tuyến sơ đồ, chỉ tham khảo$/)!;
      const metres = Number(m[1].replace(/\./g, '').replace(',', '.')) * (m[2] === 'km' ? 1000 : 1);
      expect(metres).toBeLessThanOrEqual(3000);
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('downloads a site dossier PDF with the Vietnamese name and its distances', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const watch = await watchPage(page);
    await page.goto(`${h.url}#s=industrial-sites:ccn-quang-chu`);
    await waitForMapIdle(page);
    const card = page.getByTestId('feature-card');
    await expect.poll(() => card.getByTestId('site-analysis').count(), { timeout: 20_000 }).toBe(1);
    const mv = (await card.getByTestId('site-analysis').locator('dd').first().textContent())!.split('(')[0].trim();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), card.locator('button[data-action="dossier"]').click()]);
    expect(download.suggestedFilename()).toBe('ho-so-ccn-quang-chu.pdf');
    mkdirSync('test-results', { recursive: true });
    const file = 'test-results/dossier-e2e.pdf';
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('CCN Quảng Chu');
    expect(text).toContain(mv.split(' · ')[0]); // the figure; its reason ("tuyến sơ đồ, chỉ tham khảo") wraps in the PDF's column
    expect(mv).toMatch(/^≈ [\d,]+ km · tuyến sơ đồ, chỉ tham khảo$/);
    expect(text).toContain('74,4 ha');
    expect(text).toMatch(/https?:\/\//);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, 'test-results/dossier-e2e']);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
