/**
 * The Data panel's export of a layer through the import worker: the page sends the features a slice
 * at a time (never the whole collection in one message) and gets the file back as a Blob, the same
 * text as the collection written whole; impossible options fail before any slice is sent. The real
 * client and worker API, joined by a MessageChannel.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

// The worker module exposes its API on load; here it is exposed on one end of a channel instead.
vi.mock('comlink', async (importOriginal) => ({ ...(await importOriginal<typeof import('comlink')>()), expose: () => undefined }));
const comlink = await vi.importActual<typeof import('comlink')>('comlink');
const { importApi } = await import('../../src/workers/import.worker');
const { ImportClient } = await import('../../src/workers/import-client');
const { exportCollection } = await import('../../src/lib/data/export/index.ts');

/** A client whose worker is the real API at the other end of a channel; counts the parts sent. */
function connected() {
  const { port1, port2 } = new MessageChannel();
  const sent: number[] = [];
  const part = importApi.exportPart;
  comlink.expose({ ...importApi, exportPart: (job: number, f: Feature<Geometry | null>[]) => { sent.push(f.length); return part(job, f); } }, port2 as never);
  const worker = Object.assign(port1, { terminate: () => port1.close() });
  return { client: new ImportClient(() => worker as unknown as Worker), sent, close: () => { port1.close(); port2.close(); } };
}

const fc: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: Array.from({ length: 1234 }, (_, i) => ({
    type: 'Feature', properties: i === 1000 ? { name: `P${i}`, late: 'x' } : { name: `P${i}`, value: i },
    geometry: { type: 'Point', coordinates: [105.8 + i * 1e-4, 22.1] },
  })),
};
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

describe('a layer exported through the import worker', () => {
  it('goes a slice at a time and comes back as the same file as written whole, in each format', async () => {
    const { client, sent, close } = connected();
    for (const options of [{ format: 'csv' as const, crs: 9209 }, { format: 'geojson' as const, crs: 3405, name: 'pts' }, { format: 'kml' as const }]) {
      sent.length = 0;
      const out = await client.exportCollection(fc, options, 500);
      const whole = exportCollection(fc, options);
      expect(out.filename).toBe(whole.filename);
      expect(out.blob.type).toBe(whole.mime);
      expect(dec.decode(new Uint8Array(await out.blob.arrayBuffer()))).toBe(dec.decode(whole.bytes));
      expect(sent).toEqual([500, 500, 234]);
    }
    // the CSV's columns include a property met only in the last slice
    const csv = dec.decode(new Uint8Array(await (await client.exportCollection(fc, { format: 'csv' }, 500)).blob.arrayBuffer()));
    expect(csv.split('\r\n')[0]).toBe('\uFEFFlon,lat,name,value,late');
    close();
  });

  it('impossible options fail before any slice is sent, with the reason', async () => {
    const { client, sent, close } = connected();
    await expect(client.exportCollection(fc, { format: 'kml', crs: 3405 })).rejects.toThrow('KML is always WGS 84 (EPSG:4326); cannot export KML in EPSG:3405.');
    expect(sent).toEqual([]);
    close();
  });
});
