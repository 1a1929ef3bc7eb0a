import { describe, expect, it } from 'vitest';
import { ImportClient } from '../../src/workers/import-client';

/** A worker that never answers; the test fires its events. */
class DeadWorker extends EventTarget {
  terminated = false;
  postMessage(): void {}
  terminate(): void { this.terminated = true; }
}
const input = { name: 'a.geojson', bytes: new Uint8Array([123, 125]) };

describe('ImportClient: a dead worker ends the import with a reason, never a stuck 0 %', () => {
  it('error (e.g. its chunk 404s offline): terminated, worker-failed', async () => {
    const w = new DeadWorker();
    const client = new ImportClient(() => w as unknown as Worker, 60_000);
    const run = client.importFile(input, {}, () => {});
    const e = new Event('error') as Event & { message?: string };
    e.message = 'Failed to fetch dynamically imported module';
    w.dispatchEvent(e);
    const r = await run;
    expect(r).toEqual({ ok: false, issues: [{ severity: 'error', code: 'worker-failed', message: 'The file reader (a background worker) stopped: Failed to fetch dynamically imported module. Reload the page when online and try again.' }] });
    expect(w.terminated).toBe(true);
  });
  it('messageerror: terminated, worker-failed', async () => {
    const w = new DeadWorker();
    const client = new ImportClient(() => w as unknown as Worker, 60_000);
    const run = client.importFile(input, {}, () => {});
    w.dispatchEvent(new Event('messageerror'));
    expect((await run)?.issues[0].code).toBe('worker-failed');
    expect(w.terminated).toBe(true);
  });
  it('no answer within the timeout: terminated, worker-timeout; the next import starts a fresh worker', async () => {
    const workers: DeadWorker[] = [];
    const client = new ImportClient(() => { const w = new DeadWorker(); workers.push(w); return w as unknown as Worker; }, 50);
    const r = await client.importFile(input, {}, () => {});
    expect(r).toEqual({ ok: false, issues: [{ severity: 'error', code: 'worker-timeout', message: 'Reading "a.geojson" took more than 50 ms and was stopped.' }] });
    expect(workers[0].terminated).toBe(true);
    const again = client.importFile(input, {}, () => {});
    expect(workers).toHaveLength(2);
    client.cancel();
    expect(await again).toBeNull();
    expect(workers[1].terminated).toBe(true);
  });
});
