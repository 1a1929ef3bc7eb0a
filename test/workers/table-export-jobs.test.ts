/**
 * The table's files written in the analysis worker (workers/table-export-jobs.ts): pulled a piece at
 * a time, the same text whatever the pieces, forgotten once ended, failed or stopped; a set of sites
 * changed under a job fails it with the reason. Real bundled data and a real analysis session.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import type { Layers } from '../../src/lib/analysis/analyze.ts';
import { AnalysisSession } from '../../src/workers/analysis-session.ts';
import { ExportJobs, type ExportRequest } from '../../src/workers/table-export-jobs.ts';
import { tableCsvBlob } from '../../src/lib/ui/table-export.ts';
import { toGeoJson } from '../../src/lib/analysis/table.ts';
import { exportCollection, type ExportOptions } from '../../src/lib/data/export/index.ts';

const layers: Layers = Object.fromEntries(LAYER_IDS.map((id) => [id, JSON.parse(readFileSync(`public/geodata/${id}.geojson`, 'utf8')) as FeatureCollection]));
const sites = layers['industrial-sites']!.features;
const credits = { attribution: 'Data: test credit', license: 'ODbL-1.0' };

function setUp() {
  const session = new AnalysisSession();
  session.init(layers);
  session.setSites(sites, { radiusKm: 10 });
  const full = session.batch(0, sites.length).rows;
  const req: ExportRequest = { format: 'csv', indices: full.map((_, i) => i), ids: full.map((r) => r.id), uncertainty: full.map(() => null), credits };
  return { session, full, req, jobs: new ExportJobs(session, 2) };
}

describe('files written in the analysis worker', () => {
  it('come in pieces of about the size asked, the same text as the rows written whole', async () => {
    const { full, req, jobs } = setUp();
    const want = await tableCsvBlob(full, sites, credits).text();
    const job = jobs.start(req);
    const pieces = [];
    for (;;) {
      const p = await jobs.next(job, 3000);
      pieces.push(p);
      if (p.end) break;
    }
    expect(pieces.map((p) => p.text).join('')).toBe(want);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.slice(0, -1).every((p) => p.text.length >= 3000 && !p.end)).toBe(true);
    // the rows written so far grow to all of them
    const rows = pieces.map((p) => p.rows);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(pieces.at(-1)).toMatchObject({ rows: sites.length, total: sites.length, end: true });
    // ended: forgotten
    expect(jobs.open).toBe(0);
    await expect(jobs.next(job)).rejects.toThrow(`no export ${job}`);
  }, 120_000);

  it('a job stopped by the page is forgotten; a job whose sites changed fails with the reason', async () => {
    const { session, req, jobs } = setUp();
    const a = jobs.start(req);
    await jobs.next(a, 100);
    jobs.end(a);
    expect(jobs.open).toBe(0);
    await expect(jobs.next(a)).rejects.toThrow(`no export ${a}`);

    const b = jobs.start(req);
    await jobs.next(b, 100);
    session.setSites(sites.slice(1), { radiusKm: 10 });
    await expect(jobs.next(b)).rejects.toThrow(/the sites changed|no site/);
    expect(jobs.open).toBe(0);
    expect(() => jobs.start({ ...req, ids: [] })).toThrow(`export: ${sites.length} positions, 0 ids, ${sites.length} ranges`);
  }, 120_000);

  it("the Data panel's file of the analysis: the flat rows in any format and CRS, the same text as written whole", async () => {
    const { full, req, jobs } = setUp();
    // what the Data panel wrote on the page before: the sites with their flat rows, no nested analysis
    const fc = toGeoJson(sites, full);
    const flat = { ...fc, features: fc.features.map((f) => ({ ...f, properties: Object.fromEntries(Object.entries(f.properties!).filter(([k]) => k !== 'analysis')) })) };
    const options: ExportOptions[] = [
      { format: 'csv', crs: 9209, name: 'analysis', credits },
      { format: 'geojson', crs: 3405, name: 'analysis', credits },
      { format: 'kml', name: 'analysis' },
    ];
    for (const o of options) {
      const want = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exportCollection(flat, o).bytes);
      const job = jobs.start({ ...req, format: 'collection', collection: o });
      let text = '';
      let pieces = 0;
      for (;;) {
        const p = await jobs.next(job, 5000);
        text += p.text;
        pieces++;
        if (p.end) break;
      }
      expect(text).toBe(want);
      expect(pieces).toBeGreaterThan(1);
    }
    // a CSV has the table's columns after x/y in VN-2000 metres, one line per site
    const csv = exportCollection(flat, options[0]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes).replace(/^\uFEFF/u, '').trimEnd().split('\r\n');
    expect(lines[0].startsWith('x,y,id,')).toBe(true);
    expect(lines.length).toBe(sites.length + 1);
    // impossible options fail at the start, before any row is analysed; an unknown site too
    expect(() => jobs.start({ ...req, format: 'collection', collection: { format: 'kml', crs: 3405 } })).toThrow(/KML is always WGS 84/);
    expect(() => jobs.start({ ...req, format: 'collection', collection: { format: 'csv' }, ids: ['nowhere', ...req.ids.slice(1)] })).toThrow('export: site "nowhere" is not among the sites analysed');
    expect(jobs.open).toBe(0);
  }, 120_000);
});
