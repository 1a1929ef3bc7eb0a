#!/usr/bin/env node
// Size report of the production build: initial JS, CSS, fonts, other JS (lazy chunks, workers)
// and the data package, raw and gzip (zlib level 9), with the budget verdict.
// It reports; it is not a test: the exit code is always 0.
//
//   npm run build && npm run size            (reads ./dist)
//   node scripts/size.mjs path/to/dist
//
// Initial JS = the entry chunk plus everything it imports statically, found from
// dist/.vite/manifest.json when the build writes one, otherwise from dist/index.html (the module
// script and its modulepreload links) followed through each chunk's static `import … from "./x.js"`.
// Dynamic `import()` chunks and workers are not initial; they are listed under "other JS".
// 1 kB = 1000 bytes.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = { initialJsGz: 400_000, dataGz: 500_000 };
const FONT_EXT = new Set(['.woff2', '.woff', '.ttf', '.otf']);
const JS_EXT = new Set(['.js', '.mjs']);

const root = resolve(process.argv[2] ?? 'dist');
const projectRoot = resolve(root, '..');

const sizes = new Map();
/** Raw and gzip-9 size of a file (memoised). */
function sizeOf(file) {
  if (!sizes.has(file)) {
    const buf = readFileSync(file);
    sizes.set(file, { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length });
  }
  return sizes.get(file);
}
const sum = (files) => files.reduce((a, f) => { const s = sizeOf(f); return { raw: a.raw + s.raw, gz: a.gz + s.gz }; }, { raw: 0, gz: 0 });
const kB = (n) => `${(n / 1000).toFixed(1).padStart(8)} kB`;
const rel = (f) => relative(root, f).split(sep).join('/');

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** A URL from index.html (absolute path under any base, or relative) → a file in dist, or null. */
function resolveUrl(url) {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//') || url.startsWith('data:')) return null;
  const clean = url.split(/[?#]/)[0];
  const parts = clean.replace(/^\.?\//, '').split('/').filter(Boolean);
  // Strip a base path (e.g. /app/assets/x.js with BASE_PATH=/app/) by trying shorter suffixes.
  for (let i = 0; i < parts.length; i++) {
    const candidate = join(root, ...parts.slice(i));
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Static imports of a JS chunk (not dynamic import()), as files. */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const out = [];
  const re = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;
  for (const m of code.matchAll(re)) {
    const spec = m[1];
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    const target = spec.startsWith('/') ? resolveUrl(spec) : resolve(dirname(file), spec);
    if (target && existsSync(target)) out.push(target);
  }
  return out;
}

function closure(entries, next) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...next(f));
  }
  return [...seen];
}

/** Initial JS and CSS from the Vite manifest, or null when the build wrote none. */
function fromManifest() {
  const path = join(root, '.vite', 'manifest.json');
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const keys = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  const chunkKeys = closure(keys, (k) => manifest[k]?.imports ?? []);
  const js = chunkKeys.map((k) => join(root, manifest[k].file)).filter((f) => JS_EXT.has(extname(f)));
  const css = [...new Set(chunkKeys.flatMap((k) => manifest[k].css ?? []))].map((f) => join(root, f));
  return { how: 'dist/.vite/manifest.json (entry + static imports)', js, css };
}

/** Initial JS and CSS from index.html: module scripts, modulepreload links, stylesheets. */
function fromIndexHtml() {
  const path = join(root, 'index.html');
  if (!existsSync(path)) return null;
  const html = readFileSync(path, 'utf8');
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i'))?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])
    .filter((t) => /type\s*=\s*["']module["']/i.test(t)).map((t) => attr(t, 'src')).filter(Boolean);
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
  const preloads = links.filter((t) => /rel\s*=\s*["']modulepreload["']/i.test(t)).map((t) => attr(t, 'href')).filter(Boolean);
  const styles = links.filter((t) => /rel\s*=\s*["']stylesheet["']/i.test(t)).map((t) => attr(t, 'href')).filter(Boolean);
  const entries = [...scripts, ...preloads].map(resolveUrl).filter(Boolean);
  const js = closure(entries, staticImports);
  const css = styles.map(resolveUrl).filter(Boolean);
  return { how: 'dist/index.html (module script + modulepreload links + static imports)', js, css };
}

function row(label, s, extra = '') {
  console.log(`  ${label.padEnd(64)} ${kB(s.raw)} raw ${kB(s.gz)} gz${extra}`);
}
function list(files, limit = 12) {
  const sorted = [...files].sort((a, b) => sizeOf(b).gz - sizeOf(a).gz);
  for (const f of sorted.slice(0, limit)) row(`  ${rel(f)}`, sizeOf(f));
  if (sorted.length > limit) console.log(`    … and ${sorted.length - limit} more`);
}
const verdict = (gz, budget) => (gz <= budget ? `OK (≤ ${budget / 1000} kB gz)` : `OVER BUDGET by ${kB(gz - budget).trim()} (budget ${budget / 1000} kB gz)`);

function main() {
  if (!existsSync(root)) {
    console.log(`No build found at ${root}. Run "npm run build" first.`);
    return;
  }
  const initial = fromManifest() ?? fromIndexHtml();
  if (!initial) {
    console.log(`Neither ${rel(join(root, '.vite/manifest.json'))} nor index.html found in ${root}.`);
    return;
  }
  const all = walk(root);
  const dataDir = existsSync(join(root, 'geodata')) ? join(root, 'geodata') : join(projectRoot, 'public', 'geodata');
  const inData = (f) => f.startsWith(dataDir + sep);
  const initialSet = new Set(initial.js);
  const otherJs = all.filter((f) => JS_EXT.has(extname(f)) && !initialSet.has(f) && !inData(f));
  const allCss = all.filter((f) => extname(f) === '.css');
  const lazyCss = allCss.filter((f) => !initial.css.includes(f));
  const fonts = all.filter((f) => FONT_EXT.has(extname(f).toLowerCase()));
  const data = walk(dataDir);

  const js = sum(initial.js);
  const dataSum = sum(data);
  console.log(`Build size report for ${root}`);
  console.log(`Initial JS from ${initial.how}; gzip = node:zlib level 9; 1 kB = 1000 bytes.\n`);
  row('Initial JS', js, `   (${initial.js.length} file${initial.js.length === 1 ? '' : 's'})`);
  list(initial.js);
  row('Initial CSS', sum(initial.css));
  list(initial.css);
  if (lazyCss.length) { row('Other CSS (lazy)', sum(lazyCss)); list(lazyCss); }
  row('Fonts', sum(fonts), `   (${fonts.length}; fetched on demand)`);
  list(fonts);
  row('Other JS (dynamic chunks, workers)', sum(otherJs), `   (${otherJs.length})`);
  list(otherJs);
  row(`Data package (${relative(projectRoot, dataDir).split(sep).join('/')})`, dataSum, `   (${data.length} files)`);
  list(data, 20);

  console.log('\nBudget');
  console.log(`  Initial JS   ${kB(js.gz)} gz  ${verdict(js.gz, BUDGET.initialJsGz)}`);
  console.log(`  Data package ${kB(dataSum.gz)} gz  ${verdict(dataSum.gz, BUDGET.dataGz)}${data.length ? '' : '  (no data files found)'}`);
}

try {
  main();
} catch (err) {
  console.log(`size report failed: ${err instanceof Error ? err.message : String(err)}`);
}
process.exit(0);
