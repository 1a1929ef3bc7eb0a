/**
 * Summarises a CPU profile written by `bench/browser.ts` (BENCH_PROFILE): the functions with the
 * most self time, and the longest runs of consecutive busy samples (main-thread tasks, roughly).
 * Usage: `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, topArg] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topArg ?? 30);
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
const idle = new Set(['(idle)', '(program)', '(garbage collector)']);

const self = new Map<string, number>();
const total = new Map<string, number>();
let busy = 0;
prof.samples.forEach((id, i) => {
  const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
  const n = byId.get(id)!;
  const l = label(n);
  self.set(l, (self.get(l) ?? 0) + dt);
  if (n.callFrame.functionName !== '(idle)') busy += dt;
  const seen = new Set<string>();
  for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) {
    const cl = label(byId.get(c)!);
    if (seen.has(cl)) continue;
    seen.add(cl);
    total.set(cl, (total.get(cl) ?? 0) + dt);
  }
});
const wall = (prof.endTime - prof.startTime) / 1000;
console.log(`${file}: ${wall.toFixed(0)} ms profiled, ${busy.toFixed(0)} ms not idle`);
console.log('\nself time:');
for (const [l, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${t.toFixed(0).padStart(8)} ms  ${l}`);
console.log('\ntotal time (inclusive):');
for (const [l, t] of [...total].filter(([l]) => !idle.has(l.split(' ')[0]) && !l.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${t.toFixed(0).padStart(8)} ms  ${l}`);

// Busy stretches: consecutive non-idle samples.
const runs: { start: number; ms: number }[] = [];
let t = 0; let cur: { start: number; ms: number } | null = null;
prof.samples.forEach((id, i) => {
  const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
  const isIdle = byId.get(id)!.callFrame.functionName === '(idle)';
  if (!isIdle) { if (!cur) { cur = { start: t, ms: 0 }; runs.push(cur); } cur.ms += dt; } else cur = null;
  t += dt;
});
console.log('\nlongest busy stretches (ms at offset):');
for (const r of runs.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`${r.ms.toFixed(0).padStart(8)} ms at ${r.start.toFixed(0)} ms`);
