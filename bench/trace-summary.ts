/**
 * Summarises a Chrome trace written by `bench/browser.ts` (BENCH_TRACE): each main-thread task of
 * the page longer than a threshold, with the trace events that took its time (self time by name,
 * plus the function names of V8 calls and the busy time of the GPU process's main thread over the
 * same stretch). Usage: `npx tsx bench/trace-summary.ts <file.trace.json> [min ms = 200] [top = 8]`.
 */
import { readFileSync } from 'node:fs';

interface Ev { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { functionName?: string; url?: string } } }

const [file, minArg, topArg] = process.argv.slice(2);
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Ev[] } | Ev[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const minMs = Number(minArg ?? 200);
const top = Number(topArg ?? 8);

const threadName = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
const byThread = new Map<string, Ev[]>();
for (const e of complete) {
  const k = `${e.pid}:${e.tid}`;
  (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e);
}

/** The renderer main thread with the most busy time (the page's), and the GPU process main thread. */
const busiest = (name: string) => [...byThread.entries()].filter(([k]) => threadName.get(k) === name)
  .map(([k, evs]) => [k, evs.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').reduce((s, e) => s + e.dur!, 0)] as const)
  .sort((a, b) => b[1] - a[1])[0]?.[0];
const main = busiest('CrRendererMain');
const gpu = busiest('CrGpuMain') ?? busiest('VizCompositorThread');
if (!main) throw new Error('no CrRendererMain thread in the trace');
const mainEvents = byThread.get(main)!.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

const label = (e: Ev) => {
  const d = e.args?.data;
  if (d?.functionName || d?.url) return `${e.name} ${d.functionName || '(anonymous)'} ${(d.url ?? '').split('/').pop()}`;
  return e.name;
};

/** Self time by label of the events nested in [t0, t1] on `evs` (sorted by start). */
function selfTimes(evs: Ev[], t0: number, t1: number): Map<string, number> {
  const inside = evs.filter((e) => e.ts >= t0 && e.ts + e.dur! <= t1);
  const self = new Map<string, number>();
  const stack: { e: Ev; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= upTo) {
      const { e, child } = stack.pop()!;
      const l = label(e);
      self.set(l, (self.get(l) ?? 0) + Math.max(0, e.dur! - child));
      if (stack.length) stack[stack.length - 1].child += e.dur!;
    }
  };
  for (const e of inside) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  return self;
}

const busyIn = (k: string | undefined, t0: number, t1: number) => {
  if (!k) return 0;
  let end = -Infinity;
  let sum = 0;
  for (const e of (byThread.get(k) ?? []).filter((x) => (x.name === 'ThreadControllerImpl::RunTask' || x.name === 'RunTask') && x.ts < t1 && x.ts + x.dur! > t0).sort((a, b) => a.ts - b.ts)) {
    const a = Math.max(t0, e.ts, end), b = Math.min(t1, e.ts + e.dur!);
    if (b > a) sum += b - a;
    end = Math.max(end, b);
  }
  return sum;
};

const isTask = (e: Ev) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
/** Outermost tasks only (a RunTask inside another is the same task). */
const outer: Ev[] = [];
for (const e of mainEvents) {
  if (!isTask(e)) continue;
  const last = outer[outer.length - 1];
  if (last && e.ts < last.ts + last.dur!) continue;
  outer.push(e);
}
const tasks = outer.filter((e) => e.dur! >= minMs * 1000);
const t00 = mainEvents[0]?.ts ?? 0;
const busy = outer.reduce((s, e) => s + e.dur!, 0);
console.log(`${file}: main thread busy ${(busy / 1e6).toFixed(1)} s in tasks; ${tasks.length} task(s) ≥ ${minMs} ms`);
for (const t of tasks) {
  const self = selfTimes(mainEvents, t.ts, t.ts + t.dur!);
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`\n+${((t.ts - t00) / 1e6).toFixed(1)} s: task ${(t.dur! / 1000).toFixed(0)} ms (GPU main thread busy ${(busyIn(gpu, t.ts, t.ts + t.dur!) / 1000).toFixed(0)} ms meanwhile)`);
  for (const [l, us] of rows) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${l}`);
}
