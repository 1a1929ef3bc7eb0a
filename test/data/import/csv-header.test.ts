import { describe, expect, it } from 'vitest';
import { exportCollection } from '../../../src/lib/data/export';
import { importFile } from '../../../src/lib/data/import';
import { ok } from './helpers';

describe('CSV export: header cells built from property names are formula-safe', () => {
  const fc = {
    type: 'FeatureCollection' as const,
    features: [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [105.8, 22.1] }, properties: { '=HYPERLINK("http://x.example","click")': 'a', '+1': 2, '@sum': 'b', '-note': 'c', name: '=1+1' } }],
  };
  it('every header cell that a spreadsheet would run is prefixed with an apostrophe', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exportCollection(fc, { format: 'csv' }).bytes);
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(`lon,lat,"'=HYPERLINK(""http://x.example"",""click"")",'+1,'@sum,'-note,name`);
    expect(row).toBe("105.8,22.1,a,2,b,c,'=1+1");
  });
  it('re-importing the export gives the original property names back', async () => {
    const bytes = exportCollection(fc, { format: 'csv' }).bytes;
    const r = ok(await importFile({ name: 'x.csv', bytes }));
    expect(Object.keys(r.collection.features[0].properties).sort()).toEqual(['+1', '-note', '=HYPERLINK("http://x.example","click")', '@sum', 'name'].sort());
    expect(r.collection.features[0].properties.name).toBe('=1+1');
  });
});
