/**
 * Credits and licences of the data package: the manifest's per-layer `attribution` (built from the
 * one table in scripts/build-geodata.ts) and the release build that leaves out the unlicensed traces.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_IDS, NO_LICENCE, type LayerId, type Manifest } from '../../src/lib/data/schema.ts';
import { validateManifest } from '../../src/lib/data/validate.ts';
import { buildGeodata, type BuildResult } from '../../scripts/build-geodata.ts';

const REPO = join(import.meta.dirname, '..', '..');
const committed: Manifest = JSON.parse(readFileSync(join(REPO, 'public', 'geodata', 'manifest.json'), 'utf8'));
const credits = (m: Manifest, id: LayerId) => m.layers.find((l) => l.id === id)?.attribution ?? [];
const licences = (m: Manifest, id: LayerId) => credits(m, id).map((a) => a.license);

describe('manifest attribution', () => {
  it('credits every layer in both languages, with an SPDX licence or NONE', () => {
    expect(validateManifest(committed).ok).toBe(true);
    for (const id of LAYER_IDS) {
      const list = credits(committed, id);
      expect(list.length, id).toBeGreaterThan(0);
      for (const a of list) {
        expect(a.text_vi, id).not.toBe(a.text_en);
        expect(a.license, id).toMatch(/^(GPL-3\.0|GPL-3\.0-or-later|LGPL-3\.0-or-later|MIT|CC-BY-4\.0|CC-BY-SA-4\.0|NONE)$/);
        if (a.url) expect(a.url, id).toMatch(/^https:\/\//);
      }
    }
  });

  it('names the licence of each third-party source', () => {
    expect(licences(committed, 'districts')).toEqual(['GPL-3.0']);
    expect(licences(committed, 'region')).toEqual(['GPL-3.0']);
    expect(licences(committed, 'communes')).toEqual(['MIT', 'GPL-3.0-or-later']);
    expect(credits(committed, 'communes')[0].text_en).toBe('Communes 2009: censusVN2009 © 2017 Marc Choisy');
    expect(licences(committed, 'rivers')).toEqual(['LGPL-3.0-or-later']);
  });

  it('marks the 110 kV traces as third-party without a licence wherever they are used', () => {
    const traces = credits(committed, 'power-substations').find((a) => a.license === NO_LICENCE);
    expect(traces?.text_en).toBe('110 kV grid: anhcv1987/sodoluoidien, third-party');
    expect(traces?.text_vi).toContain('bên thứ ba');
    expect(licences(committed, 'power-lines')).toContain(NO_LICENCE);
    expect(licences(committed, 'industrial-sites')).not.toContain(NO_LICENCE);
  });

  it('credits the WRI database (CC-BY-4.0) where its hydropower points are used', () => {
    expect(licences(committed, 'power-plants')).toContain('CC-BY-4.0');
    expect(credits(committed, 'power-plants').find((a) => a.license === 'CC-BY-4.0')?.text_en)
      .toBe('Hydropower: WRI Global Power Plant Database; geolocation: Open Development Vietnam');
    expect(licences(committed, 'mineral-sites')).not.toContain('CC-BY-4.0');
  });

  it('rejects a malformed attribution', () => {
    const bad = structuredClone(committed);
    (bad.layers[0] as { attribution: unknown }).attribution = [{ text_vi: '', text_en: 'x', license: 'MIT' }];
    const r = validateManifest(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['layers[0].attribution']);
  });
});

describe('release build (--without-unlicensed)', () => {
  let dir: string;
  let rel: BuildResult;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'geodata-release-'));
    rel = buildGeodata({ rootDir: REPO, outDir: dir, withoutUnlicensed: true });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves out the traces, every feature placed from them, and their input and credit', () => {
    expect(Object.keys(rel.manifest.inputs)).not.toContain('data/sources/power-110kv-traces.geojson');
    for (const [name, text] of Object.entries(rel.files)) {
      if (!name.endsWith('.geojson')) continue;
      expect(text, name).not.toContain('gisLuoi110');
      // Facts only (which feeder a plant is on, its dispatch capacity) may still cite the repository
      // itself; nothing placed from its files remains.
      for (const f of JSON.parse(text).features as { properties: { sources?: string[] } }[]) {
        for (const u of f.properties.sources ?? []) if (u.includes('sodoluoidien')) expect(u, name).toBe('https://github.com/anhcv1987/sodoluoidien');
      }
    }
    for (const id of LAYER_IDS) expect(licences(rel.manifest, id), id).not.toContain(NO_LICENCE);
    expect(rel.manifest.layers.find((l) => l.id === 'power-substations')?.featureCount).toBe(0);
  });

  it('keeps every layer that does not use them byte-identical to the default build', () => {
    for (const l of rel.manifest.layers) {
      const def = committed.layers.find((c) => c.id === l.id)!;
      const usesTraces = def.attribution?.some((a) => a.license === NO_LICENCE);
      if (!usesTraces) expect(l.sha256, l.id).toBe(def.sha256);
      else expect(l.featureCount, l.id).toBeLessThan(def.featureCount);
    }
  });
});
