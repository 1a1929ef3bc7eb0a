import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { importFile } from '../../../src/lib/data/import';
import type { ImportResult } from '../../../src/lib/data/import';
import { fixture } from './helpers';

const FILES = ['communes-wgs84.geojson', 'power-110kv.kml', 'power-110kv.kmz', 'power-110kv.gpx', 'substations-lonlat.csv', 'communes-9213-shp.zip', 'communes-wkt.csv'];
const sources = FILES.map((f) => ({ name: f, bytes: fixture(f) }));

/** The contract: a result, never an exception; failures carry at least one error issue; messages are sentences. */
function checkContract(r: ImportResult) {
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
  for (const i of r.issues) {
    expect(i.message.length).toBeGreaterThan(10);
    expect(i.code).toMatch(/^[a-z0-9-]+$/);
  }
  if (r.ok) {
    for (const f of r.collection.features) {
      expect(f.geometry).not.toBeNull();
      JSON.stringify(f); // serialisable
    }
  }
}

describe('fuzz: damaged real files never make importFile throw', () => {
  it('truncated at any point', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sources.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (k, cut) => {
        const s = sources[k];
        checkContract(await importFile({ name: s.name, bytes: s.bytes.subarray(0, Math.floor(s.bytes.length * cut)) }, { maxUnzippedBytes: 1 << 20 }));
      }),
      { numRuns: 120 },
    );
  });
  it('with random bytes overwritten', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (k, edits) => {
          const s = sources[k];
          const b = s.bytes.slice();
          for (const [pos, v] of edits) b[Math.floor(pos * (b.length - 1))] = v;
          checkContract(await importFile({ name: s.name, bytes: b }, { maxUnzippedBytes: 1 << 20 }));
        },
      ),
      { numRuns: 150 },
    );
  });
  it('arbitrary bytes and text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s))), fc.constantFrom('a.geojson', 'a.kml', 'a.csv', 'a.zip', 'a.gpx', 'a.bin'), async (bytes, name) => {
        checkContract(await importFile({ name, bytes }));
      }),
      { numRuns: 200 },
    );
  });
});
