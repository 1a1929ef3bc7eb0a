import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { importFile } from '../../src/lib/data/import/index';
import type { ImportFailure, ImportSuccess } from '../../src/lib/data/import/types';
import { FeatureReceiver, sendResult, type PartMessage, type Port } from '../../src/workers/import-parts';
import { issueText } from '../../src/lib/i18n/issues';

// The worker module exposes its API on load (on no endpoint here); the tests expose it on a port.
vi.mock('comlink', async (original) => {
  const actual = await original<typeof import('comlink')>();
  return { ...actual, expose: (obj: unknown, ep?: unknown) => (ep ? actual.expose(obj, ep as never) : undefined) };
});
const { expose } = await import('comlink');
const { importApi } = await import('../../src/workers/import.worker');
const { ImportClient, READ_SHARE } = await import('../../src/workers/import-client');

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`test/fixtures/import/${name}`)) });
const names = (fs: readonly Feature[]) => fs.map((f) => String(f.properties?.name));

/** `count` points in the region (test data only), as a GeoJSON file. */
function pointsFile(name: string, count: number) {
  const features = Array.from({ length: count }, (_, i) => ({ type: 'Feature', properties: { name: `P${i}` }, geometry: { type: 'Point', coordinates: [105.8 + (i % 1000) * 1e-4, 22.1 + Math.floor(i / 1000) * 1e-4] } }));
  return { name, bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features })) };
}

/** The import worker's API on one end of a channel, the client on the other (one thread, real messages). */
function inProcessClient() {
  const { port1, port2 } = new MessageChannel();
  expose(importApi, port2);
  const worker = Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
  return new ImportClient(() => worker, 60_000);
}

describe('the features of an import reach the page in parts', () => {
  it('a real file (KML of lines and points): the same features, in order, as in one message; progress rises to the end', async () => {
    const input = fixture('power-110kv.kml');
    const whole = (await importFile(input)) as ImportSuccess;
    expect(whole.ok).toBe(true);
    expect(whole.collection.features.length).toBe(12);
    const { port1, port2 } = new MessageChannel();
    const progress: number[] = [];
    const sizes: number[] = [];
    port1.addEventListener('message', (e) => sizes.push((e.data as PartMessage).part.length));
    const receiver = new FeatureReceiver(port1, input.name, (f) => progress.push(f));
    const head = await sendResult(whole, input.name, port2, () => false, undefined, { oneMessage: 2, first: 2, min: 1, max: 3 });
    expect(head!.sentInParts).toEqual({ parts: sizes.length, features: 12 });
    expect(head!.ok && head!.collection.features).toEqual([]);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    const got = receiver.result(head) as ImportSuccess;
    expect(got.collection.features).toEqual(whole.collection.features);
    expect(names(got.collection.features)[0]).toBe('TBA 110kV E26.1');
    expect({ ...got, collection: null }).toEqual({ ...whole, collection: null });
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    receiver.close();
    port2.close();
  });

  it('a small result goes in one message, as it is', async () => {
    const whole = await importFile(fixture('substations-lonlat.csv'));
    const port = { postMessage: vi.fn(), onmessage: null } satisfies Port;
    expect(await sendResult(whole, 'substations-lonlat.csv', port, () => false)).toBe(whole);
    expect(port.postMessage).not.toHaveBeenCalled();
  });

  it('parts of at most 8 192 features, however fast the page reads them (a part\'s young-generation collection grows with it)', async () => {
    const features = Array.from({ length: 40_000 }, (_, i) => ({ type: 'Feature' as const, properties: { name: `P${i}` }, geometry: { type: 'Point' as const, coordinates: [105.8, 22.1] } }));
    const r: ImportSuccess = { ok: true, collection: { type: 'FeatureCollection', features }, format: 'geojson', crs: { code: 4326, source: 'assumed' }, issues: [], rejected: [] };
    const sizes: number[] = [];
    const port: Port = {
      onmessage: null,
      postMessage: (m) => {
        const { index, part } = m as PartMessage;
        sizes.push(part.length);
        queueMicrotask(() => port.onmessage?.({ data: { index, took: 0 } } as MessageEvent));
      },
    };
    const head = await sendResult(r, 'big.geojson', port, () => false, undefined, { now: () => 0 });
    expect(head!.sentInParts).toEqual({ parts: sizes.length, features: 40_000 });
    expect(sizes.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 8192, 8192]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(40_000);
  });

  it('through the worker\'s API and the client: 3 000 points come in parts, in order, with the result', async () => {
    const client = inProcessClient();
    const progress: number[] = [];
    const r = (await client.importFile(pointsFile('many.geojson', 3000), {}, (f) => progress.push(f))) as ImportSuccess;
    expect(r.ok).toBe(true);
    expect(r.format).toBe('geojson');
    expect(names(r.collection.features)).toEqual(Array.from({ length: 3000 }, (_, i) => `P${i}`));
    // reading, then parts (at least two: the first is 1 000 features)
    expect(progress.filter((f) => f > READ_SHARE).length).toBeGreaterThanOrEqual(2);
    expect(progress[progress.length - 1]).toBe(1);
    // the worker still holds the features for "Add"
    expect(await importApi.storeLayer('k', {}, { name: 'import-parts-1', store: 'keyval' }, 'fp')).toBe(true);
  });

  it('a newer import cancels an older one\'s remaining parts: the older resolves to null, the newer is whole', async () => {
    const client = inProcessClient();
    const started: { newer?: Promise<unknown> } = {};
    let olderParts = 0;
    const older = client.importFile(pointsFile('old.geojson', 20_000), {}, (f) => {
      if (f <= READ_SHARE) return;
      olderParts++;
      // the older's first part came: a newer import starts
      started.newer ??= client.importFile(pointsFile('new.geojson', 2500), {}, () => {});
    });
    expect(await older).toBeNull();
    expect(olderParts).toBe(1);
    const r = (await started.newer) as ImportSuccess;
    expect(r.ok).toBe(true);
    expect(names(r.collection.features)).toEqual(Array.from({ length: 2500 }, (_, i) => `P${i}`));
  });
});

describe('in the worker, a newer import stops an older one still sending its features', () => {
  it('the older, waiting for the page\'s answer to its first part, resolves to null; the newer sends all of its own', async () => {
    const older = new MessageChannel();
    const olderParts: number[] = [];
    // the page no longer reads the older's parts (it closed its end): no answer ever comes
    older.port1.onmessage = (e) => olderParts.push((e.data as PartMessage).index);
    const first = importApi.importFile(pointsFile('old.geojson', 5000), {}, undefined, older.port2);
    await vi.waitFor(() => expect(olderParts).toEqual([0]));
    const newer = new MessageChannel();
    const receiver = new FeatureReceiver(newer.port1, 'new.geojson');
    const second = importApi.importFile(pointsFile('new.geojson', 1500), {}, undefined, newer.port2);
    expect(await first).toBeNull();
    const r = receiver.result(await second) as ImportSuccess;
    expect(names(r.collection.features)).toEqual(Array.from({ length: 1500 }, (_, i) => `P${i}`));
    expect(olderParts).toEqual([0]);
    receiver.close();
    older.port1.close();
  });
});

describe('a part missing or out of order fails that import, naming the part and the file (vi and en)', () => {
  /** A receiver fed by hand, as a worker that skipped or lost a part would feed it. */
  function fed(file: string) {
    const answers: unknown[] = [];
    const port: Port & { close(): void } = { postMessage: (m) => answers.push(m), onmessage: null, close: () => {} };
    const receiver = new FeatureReceiver(port, file);
    const send = (index: number, part: Feature[]) => port.onmessage?.({ data: { index, part, features: 9 } satisfies PartMessage } as MessageEvent);
    return { receiver, send, answers, port };
  }
  const feature = (i: number): Feature => ({ type: 'Feature', properties: { name: `F${i}` }, geometry: { type: 'Point', coordinates: [105.8, 22.1] } });

  it('part 3 after part 1', async () => {
    const { receiver, send, answers, port } = fed('sites <b>.geojson');
    send(0, [feature(0), feature(1), feature(2)]);
    send(2, [feature(6), feature(7), feature(8)]);
    const f = await receiver.failed;
    expect(f).toEqual({ ok: false, issues: [{ severity: 'error', code: 'result-part-lost', part: 3, message: 'The features read from "sites <b>.geojson" did not all reach the page (page: part 3 of the features of "sites <b>.geojson" came after part 1); the import was stopped and nothing was added.' }] });
    // the worker is told, and no later part is read
    expect(answers[1]).toEqual({ index: 2, error: 'page: part 3 of the features of "sites <b>.geojson" came after part 1' });
    expect(port.onmessage).toBeNull();
    const issue = (f as ImportFailure).issues[0];
    expect(issueText('vi', issue.code, { part: issue.part, file: 'sites <b>.geojson' })!.headline).toBe('Phần 3 của các đối tượng đọc từ "sites <b>.geojson" bị thiếu hoặc đến sai thứ tự');
    expect(issueText('en', issue.code, { part: issue.part, file: 'sites <b>.geojson' })!.headline).toBe('Part 3 of the features read from "sites <b>.geojson" was missing or out of order');
    expect(issueText('en', issue.code, { part: issue.part, file: 'x' })!.reason).toBe('The features read from the file go to the page in parts; one did not come in its turn, so the import was stopped and nothing was added. What was already loaded is unchanged; import the file again.');
  });

  it('the last part never came', () => {
    const { receiver, send } = fed('a.kml');
    send(0, [feature(0), feature(1), feature(2)]);
    send(1, [feature(3), feature(4), feature(5)]);
    const head = { ok: true as const, collection: { type: 'FeatureCollection' as const, features: [] }, format: 'kml' as const, crs: { code: 4326, source: 'kml' as const }, issues: [], rejected: [], sentInParts: { parts: 3, features: 9 } };
    const f = receiver.result(head) as ImportFailure;
    expect(f.issues[0]).toMatchObject({ code: 'result-part-lost', part: 3, message: 'The features read from "a.kml" did not all reach the page (page: 6 of the 9 features of "a.kml" came (part 3 of 3 never came)); the import was stopped and nothing was added.' });
    expect(issueText('vi', 'result-part-lost', { part: 3, file: 'a.kml' })!.headline).toBe('Phần 3 của các đối tượng đọc từ "a.kml" bị thiếu hoặc đến sai thứ tự');
  });
});
