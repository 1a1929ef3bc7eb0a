/**
 * What the first view (map, layers panel, card) loads: the static import graph from src/main.ts,
 * read from the sources. The libraries and modules below belong to tabs or tools that are loaded
 * when first used (dynamic import()); a static import reaching one of them puts it back in the
 * initial bundle and over the size budget (scripts/size.mjs), e.g. proj4 (~40 kB gz) once came in
 * through importer.svelte.ts → import/checks.ts → crs.ts for one small function.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const ROOT = process.cwd();

/** Static (value) imports and re-exports of a .ts or .svelte source: their specifiers. */
function staticImports(file: string): string[] {
  let src = readFileSync(file, 'utf8');
  if (file.endsWith('.svelte')) src = [...src.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const from = [...src.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;'"]*?\bfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  const bare = [...src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return [...from, ...bare];
}

/** Local files and packages reached from an entry through static imports only. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [resolve(ROOT, entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of staticImports(file)) {
      const path = spec.split('?')[0];
      if (!path.startsWith('.')) {
        packages.add(path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);
        continue;
      }
      const target = resolve(dirname(file), path);
      if (/\.(ts|svelte)$/.test(target) && existsSync(target)) stack.push(target);
    }
  }
  return { files: new Set([...files].map((f) => relative(ROOT, f).split('\\').join('/'))), packages };
}

describe('initial bundle: the static import graph from src/main.ts', () => {
  const { files, packages } = reach('src/main.ts');

  it('walks the real graph (the map, its panel and the card are reached)', () => {
    expect(packages).toContain('maplibre-gl');
    expect(packages).toContain('svelte');
    for (const f of ['src/App.svelte', 'src/components/MapView.svelte', 'src/components/LayerPanel.svelte', 'src/components/FeatureCard.svelte', 'src/lib/state/importer.svelte.ts']) {
      expect(files).toContain(f);
    }
  });

  it('reaches none of the libraries of the lazily loaded tabs and tools', () => {
    const lazyOnly = ['proj4', '@turf/kinks', '@turf/rewind', 'papaparse', '@tanstack/svelte-virtual', '@placemarkio/tokml', 'jspdf', 'qrcode', 'terra-draw', 'shpjs', 'geotiff', '@xmldom/xmldom', '@tmcw/togeojson'];
    expect([...packages].filter((p) => lazyOnly.includes(p))).toEqual([]);
  });

  it('reaches none of the modules of the Sites tab, the import checks or the coordinate systems', () => {
    const lazyOnly = ['src/components/AnalysisTable.svelte', 'src/components/ComparePanel.svelte', 'src/components/FilterPanel.svelte', 'src/components/WeightsPanel.svelte', 'src/lib/data/import/checks.ts', 'src/lib/data/crs.ts', 'src/lib/analysis/table.ts'];
    expect([...files].filter((f) => lazyOnly.includes(f))).toEqual([]);
  });
});
