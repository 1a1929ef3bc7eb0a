import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { bbox as turfBbox } from '@turf/bbox';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_IDS, type LayerId, type Manifest } from '../../src/lib/data/schema.ts';
import { validateLayer, validateManifest } from '../../src/lib/data/validate.ts';
import {
  CURATED_TABLES, buildGeodata, checkPlacedIn, loadSources, nameKey, parseExtent, poleOf, type BuildResult,
} from '../../scripts/build-geodata.ts';

const REPO = join(import.meta.dirname, '..', '..');
const COMMITTED = join(REPO, 'public', 'geodata');

type Props = Record<string, unknown>;
type Coll = FeatureCollection<Geometry, Props>;

let dirA: string;
let dirB: string;
let a: BuildResult;
let b: BuildResult;
const layer = (id: LayerId): Coll => JSON.parse(a.files[`${id}.geojson`]) as Coll;
const byId = (id: LayerId, fid: string) => {
  const f = layer(id).features.find((x) => x.properties.id === fid);
  if (!f) throw new Error(`no ${fid} in ${id}`);
  return f;
};
const pointOf = (f: Feature<Geometry, Props>) => (f.geometry as Point).coordinates;
const base = loadSources(REPO);
const commune2009 = (district: string, name: string) => {
  const c = base.gaz.commune2009(district, name);
  if (!c) throw new Error(`no 2009 commune ${district}/${name}`);
  return c.feature;
};
const readTable = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(REPO, 'data', file), 'utf8'), { header: true, skipEmptyLines: 'greedy' }).data;

beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'geodata-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'geodata-b-'));
  a = buildGeodata({ rootDir: REPO, outDir: dirA });
  b = buildGeodata({ rootDir: REPO, outDir: dirB });
}, 60_000);
afterAll(() => {
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
});

describe('determinism', () => {
  it('two builds write byte-identical files', () => {
    const names = readdirSync(dirA).sort();
    expect(names).toEqual(readdirSync(dirB).sort());
    expect(names).toHaveLength(14);
    for (const n of names) expect(readFileSync(join(dirA, n)).equals(readFileSync(join(dirB, n))), n).toBe(true);
    expect(Object.keys(a.files).sort()).toEqual(names);
    for (const n of names) expect(a.files[n] === b.files[n], n).toBe(true);
  });

  it('the committed package equals a fresh build (run `npm run data` and commit)', () => {
    for (const [name, text] of Object.entries(a.files)) {
      expect(readFileSync(join(COMMITTED, name), 'utf8') === text, `${name} differs from a fresh build`).toBe(true);
    }
  });

  it('rounds coordinates: 6 decimals for points, 5 for lines and polygons, 4 for neighbours', () => {
    const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;
    const maxDecimals = (c: unknown): number => (Array.isArray(c) ? Math.max(0, ...c.map(maxDecimals)) : decimals(c as number));
    for (const id of LAYER_IDS) {
      for (const f of layer(id).features) {
        const limit = f.geometry.type === 'Point' ? 6 : id === 'neighbours' ? 4 : 5;
        expect(maxDecimals((f.geometry as Polygon).coordinates), `${id} ${String(f.properties.id)}`).toBeLessThanOrEqual(limit);
      }
    }
  });
});

describe('the package', () => {
  it('validates every layer with the app validator and the manifest', () => {
    for (const id of LAYER_IDS) {
      const r = validateLayer(id, layer(id), { bbox: a.manifest.region.bbox });
      expect(r.ok ? [] : r.issues.map((i) => i.message), id).toEqual([]);
    }
    expect(validateManifest(JSON.parse(a.files['manifest.json'])).ok).toBe(true);
  });

  it('has the expected feature counts', () => {
    const counts = Object.fromEntries(a.manifest.layers.map((l) => [l.id, l.featureCount]));
    expect(counts).toEqual({
      region: 1, neighbours: 5, districts: 8, communes: 122, rivers: 3,
      'protected-areas': 3, 'material-zones': 16, roads: 5, 'power-lines': 18,
      'power-substations': 6, 'power-plants': 5, 'mineral-sites': 9, 'industrial-sites': 13,
    });
    for (const id of LAYER_IDS) expect(layer(id).features).toHaveLength(counts[id]);
  });

  it('has a manifest with 13 layers, hashes and sizes of every output and input', () => {
    const m: Manifest = JSON.parse(a.files['manifest.json']);
    expect(m.layers).toHaveLength(13);
    expect(m.layers.map((l) => l.id)).toEqual([...LAYER_IDS]);
    for (const l of m.layers) {
      const text = a.files[l.file];
      expect(l.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(l.bytes).toBe(Buffer.byteLength(text));
      expect(l.licence.length).toBeGreaterThan(5);
      expect(l.sources.length, l.id).toBeGreaterThan(0);
    }
    const lic = Object.fromEntries(m.layers.map((l) => [l.id, l.licence]));
    expect(lic.districts).toMatch(/^GPL-3\.0/);
    expect(lic.communes).toMatch(/^MIT/);
    expect(lic.rivers).toMatch(/^LGPL-3\.0-or-later/);
    expect(lic['power-lines']).toContain('no licence stated');
    expect(Object.keys(m.inputs)).toEqual([
      ...Object.values(CURATED_TABLES).map((f) => `data/${f}`).sort(),
      'data/sources/bac-kan-communes-2009.geojson',
      'data/sources/bac-kan-districts.geojson',
      'data/sources/bac-kan-province.geojson',
      'data/sources/bac-kan-rivers-gshhg-wdbii.geojson',
      'data/sources/commune-changes.csv',
      'data/sources/neighbour-provinces.geojson',
      'data/sources/power-110kv-traces.geojson',
      'data/sources/wri-gppd-vietnam-hydro-bac-kan.geojson',
    ]);
    const csv = readFileSync(join(REPO, 'data', 'roads.csv'));
    expect(m.inputs['data/roads.csv']).toBe(createHash('sha256').update(csv).digest('hex'));
  });

  it('describes the region: bbox from the province outline, note on the 2025 merger', () => {
    const { region } = a.manifest;
    expect(region).toMatchObject({ id: 'bac-kan', name: 'Bắc Kạn (cũ)', name_en: 'former Bắc Kạn province' });
    expect(region.bbox).toEqual([105.43153, 21.80442, 106.24693, 22.74089]);
    expect(region.note_en).toContain('Since 1 July 2025 it is part of the new Thái Nguyên province');
    expect(region.note_vi).toContain('Thái Nguyên');
  });

  it('dates the package by the newest as_of of the curated rows, not the clock', () => {
    const asOfs = Object.values(CURATED_TABLES).flatMap((f) => readTable(f).map((r) => r.as_of)).filter(Boolean).sort();
    expect(a.manifest.dataAsOf).toBe(asOfs.at(-1));
    // The 110 kV GIS extract is dated 25 Sep 2026; its lines and GIS-only substations carry that date.
    expect(a.manifest.dataAsOf).toBe('2026-09-25');
  });

  it('gives every curated and base feature non-empty sources and an accuracy', () => {
    for (const id of LAYER_IDS) {
      for (const f of layer(id).features) {
        const s = f.properties.sources as string[];
        expect(s.length, `${id} ${String(f.properties.id)}`).toBeGreaterThan(0);
        for (const url of s) expect(url).toMatch(/^https?:\/\//);
        expect(f.properties.accuracy).toBeTruthy();
      }
    }
  });

  it('keeps all layers small (< 500 KB gzip together)', () => {
    const gz = Object.values(a.files).reduce((n, t) => n + gzipSync(t, { level: 9 }).length, 0);
    expect(gz).toBeLessThan(500 * 1024);
  });
});

describe('base layers', () => {
  it('districts carry the dvhcvn codes and a pre-2025 note', () => {
    const d = layer('districts').features.map((f) => [f.properties.id, f.properties.name]);
    expect(d).toEqual([
      ['district-058', 'Bắc Kạn'], ['district-060', 'Pác Nặm'], ['district-061', 'Ba Bể'], ['district-062', 'Ngân Sơn'],
      ['district-063', 'Bạch Thông'], ['district-064', 'Chợ Đồn'], ['district-065', 'Chợ Mới'], ['district-066', 'Na Rì'],
    ]);
    expect(layer('districts').features.every((f) => String(f.properties.note).includes('before 1 July 2025'))).toBe(true);
  });

  it('neighbours keep name and code', () => {
    expect(layer('neighbours').features.map((f) => [f.properties.name, f.properties.code])).toEqual([
      ['Hà Giang', '02'], ['Cao Bằng', '04'], ['Tuyên Quang', '08'], ['Thái Nguyên', '19'], ['Lạng Sơn', '20'],
    ]);
    // Each carries its source and accuracy, and says it is the pre-July-2025 province.
    for (const f of layer('neighbours').features) {
      expect(f.properties).toMatchObject({ accuracy: 'official' });
      expect((f.properties.sources as string[])[0]).toMatch(/^https:\/\/github\.com\/daohoangson\/dvhcvn\//);
      expect(String(f.properties.note)).toContain('before 1 July 2025');
    }
    expect(a.manifest.layers.find((l) => l.id === 'neighbours')!.title_en).toBe('Neighbouring provinces (before 1 July 2025)');
  });

  it('communes carry 2009 population and area and the July 2025 unit', () => {
    const cs = layer('communes').features;
    const find = (d: string, n: string) => cs.find((f) => f.properties.district === d && f.properties.name === n)!.properties;
    expect(find('Bắc Kạn', 'Đức Xuân')).toMatchObject({ name_full: 'Phường Đức Xuân', population_2009: 5121, area_ha_2009: 557, commune_2025: 'Đức Xuân' });
    expect(find('Bắc Kạn', 'Huyền Tụng').commune_2025).toBe('Đức Xuân');
    expect(find('Bắc Kạn', 'Xuất Hoá').commune_2025).toBe('Bắc Kạn'); // 2025 row spells it "Xuất Hóa"
    expect(find('Chợ Mới', 'Thanh Bình').commune_2025).toBe('Thanh Thịnh'); // via 2020 Thanh Thịnh
    expect(find('Chợ Mới', 'Chợ Mới').commune_2025).toBe('Chợ Mới'); // via 2020 TT Đồng Tâm
    expect(find('Ngân Sơn', 'Vân Tùng').commune_2025).toBe('Ngân Sơn'); // TT since 2023
    expect(find('Na Rì', 'Lương Hạ').commune_2025).toBe('Cường Lợi; Na Rì'); // split in 2020
    // Phong Huân is the one 2009 commune the 2020 sources do not place.
    expect(cs.filter((f) => !f.properties.commune_2025).map((f) => f.properties.name)).toEqual(['Phong Huân']);
    const units = new Set(cs.flatMap((f) => String(f.properties.commune_2025 ?? '').split('; ').filter(Boolean)));
    expect(units.size).toBe(37);
  });

  it('matches names whatever the tone-mark placement', () => {
    expect(nameKey('Xã Xuất Hoá')).toBe(nameKey('Phường Xuất Hóa'));
    expect(nameKey('Xã Liêm Thuỷ')).toBe(nameKey('Liêm Thủy'));
    expect(nameKey('Thị trấn Chợ Mới')).toBe('chơ5 mơi1');
    expect(nameKey('Thanh Bình')).not.toBe(nameKey('Thanh Bính'));
  });
});

describe('placement of curated features', () => {
  const pointLayers = ['industrial-sites', 'mineral-sites', 'power-plants'] as const;

  it('puts every commune-placed point inside its commune polygon(s) and every district-placed point inside its district', () => {
    let checked = 0;
    for (const id of pointLayers) {
      for (const row of readTable(CURATED_TABLES[id])) {
        const f = byId(id, row.id);
        const p = pointOf(f);
        if (row.place_level === 'commune' || row.place_level === 'communes') {
          const parts = row.place.split(';').map((s) => s.trim()).flatMap((pair) => {
            const [d, c] = pair.split('/');
            return base.gaz.resolveCommune(d, c).parts;
          });
          expect(parts.some((poly) => booleanPointInPolygon(p, poly)), row.id).toBe(true);
          expect(f.properties.accuracy).toBe('commune');
          expect(f.properties.commune_2025, row.id).toBeTruthy();
        } else if (row.place_level === 'published') {
          continue; // published points: see the hydropower test
        } else {
          expect(row.place_level).toBe('district');
          const district = row.place.split('|')[0].trim();
          expect(booleanPointInPolygon(p, base.gaz.district(district)), row.id).toBe(true);
          expect(f.properties.accuracy).toBe('district');
          expect(f.properties.commune_2025).toBeUndefined();
          expect(f.properties.district).toBe(district);
        }
        checked++;
      }
    }
    expect(checked).toBe(25);
  });

  it('places KCN Thanh Bình in the 2009 xã Thanh Bình and maps it to Thanh Thịnh', () => {
    for (const id of ['kcn-thanh-binh-1', 'kcn-thanh-binh-2']) {
      const f = byId('industrial-sites', id);
      expect(booleanPointInPolygon(pointOf(f), commune2009('Chợ Mới', 'Thanh Bình'))).toBe(true);
      expect(f.properties).toMatchObject({ district: 'Chợ Mới', commune: 'Thanh Bình', commune_2025: 'Thanh Thịnh' });
    }
    expect(byId('industrial-sites', 'kcn-thanh-binh-1').properties).toMatchObject({ area_ha: 73, occupancy_pct: 97, status: 'operating', phase: 'existing' });
    expect(byId('industrial-sites', 'kcn-thanh-binh-2').properties).toMatchObject({ area_ha: 80.3, status: 'planned' });
  });

  it('places CCN Thanh Thịnh inside the union of the 2009 Thanh Bình and Nông Thịnh polygons', () => {
    const f = byId('industrial-sites', 'ccn-thanh-thinh');
    const src = JSON.parse(readFileSync(join(REPO, 'data/sources/bac-kan-communes-2009.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Props>;
    const polys = src.features.filter((c) => c.properties.district === 'Huyện Chợ Mới' && ['Xã Thanh Bình', 'Xã Nông Thịnh'].includes(String(c.properties.name)));
    expect(polys).toHaveLength(2);
    expect(polys.some((poly) => booleanPointInPolygon(pointOf(f), poly))).toBe(true);
    expect(f.properties).toMatchObject({ commune: 'Thanh Thịnh', commune_2025: 'Thanh Thịnh', area_ha: 50, investment_bn_vnd: 541.75 });
    expect(String(f.properties.accuracy_note)).toContain('Xã Thanh Bình + Xã Nông Thịnh');
  });

  it('places CCN Vằng Mười in Trần Phú = Hảo Nghĩa + Hữu Thác', () => {
    const f = byId('industrial-sites', 'ccn-vang-muoi');
    const inside = ['Hảo Nghĩa', 'Hữu Thác'].some((n) => booleanPointInPolygon(pointOf(f), commune2009('Na Rì', n)));
    expect(inside).toBe(true);
    expect(f.properties).toMatchObject({ commune: 'Trần Phú', commune_2025: 'Trần Phú', area_ha: 15 });
  });

  it('spot-checks attributes of clusters', () => {
    expect(byId('industrial-sites', 'ccn-quang-chu').properties).toMatchObject({
      commune: 'Quảng Chu', commune_2025: 'Chợ Mới', area_ha: 74.4, investor: 'Công ty CP Onsen Fuji Bắc Kạn', phase: 'existing',
    });
    expect(byId('industrial-sites', 'ccn-huyen-tung').properties).toMatchObject({ commune_2025: 'Đức Xuân', occupancy_pct: 100, status: 'operating', sectors: ['footwear'] });
    expect(byId('industrial-sites', 'ccn-huyen-tung').properties.area_ha).toBeUndefined();
    expect(byId('industrial-sites', 'ccn-cam-giang').properties).toMatchObject({ area_ha: 40, decision: 'QĐ 1868/QĐ-UBND, 16 Oct 2020' });
    expect(byId('industrial-sites', 'ccn-nam-bang-lung').properties).toMatchObject({ accuracy: 'district', district: 'Chợ Đồn', area_ha: 20 });
    expect(byId('industrial-sites', 'ccn-chu-huong').properties).toMatchObject({ commune_2025: 'Thượng Minh' });
    const planned = ['kcn-cho-moi-3', 'kcn-cho-moi-4', 'kcn-cho-moi-5', 'kcn-bach-thong'].map((id) => byId('industrial-sites', id).properties);
    expect(planned.map((p) => p.area_ha)).toEqual([300, 496, 498, 400]);
    expect(planned.every((p) => p.phase === 'planned-2030' && p.status === 'planned' && String(p.decision).includes('QĐ 1004/QĐ-UBND'))).toBe(true);
  });

  it('lets features known only by district share the district point, placed in the whole district', () => {
    const ids = ['mine-cho-dien', 'mine-na-tum', 'smelter-hoang-nam'].map((id) => byId('mineral-sites', id));
    expect(new Set(ids.map((f) => pointOf(f).join(','))).size).toBe(1);
    for (const f of ids) expect(f.properties).toMatchObject({ accuracy: 'district', placed_in: ['district-064'] });
  });

  it('puts the CCN Nam Bằng Lũng marker south of TT Bằng Lũng, placed in the whole Chợ Đồn district', () => {
    const f = byId('industrial-sites', 'ccn-nam-bang-lung');
    const townSouth = turfBbox(commune2009('Chợ Đồn', 'Bằng Lũng'))[1];
    expect(pointOf(f)[1]).toBeLessThan(townSouth); // south of the whole town polygon
    expect(pointOf(f)).not.toEqual(pointOf(byId('mineral-sites', 'mine-cho-dien'))); // not the district pole, 5.6 km NNW of the town
    expect(booleanPointInPolygon(pointOf(f), base.gaz.district('Chợ Đồn'))).toBe(true);
    expect(f.properties).toMatchObject({ accuracy: 'district', placed_in: ['district-064'], district: 'Chợ Đồn' });
    expect(String(f.properties.accuracy_note)).toContain('south of Bằng Lũng');
  });

  it('places minerals and smelters as sourced', () => {
    expect(byId('mineral-sites', 'smelter-hoang-nam').properties).toMatchObject({ capacity_t_per_year: 5000, status: 'operating', accuracy: 'district' });
    const hamico = byId('mineral-sites', 'smelter-na-ri-hamico');
    expect(booleanPointInPolygon(pointOf(hamico), commune2009('Ngân Sơn', 'Thượng Quan'))).toBe(true);
    const gold = byId('mineral-sites', 'gold-thuan-mang-kim-hy');
    expect(['Thượng Quan', 'Đức Vân'].some((n) => booleanPointInPolygon(pointOf(gold), commune2009('Ngân Sơn', n)))).toBe(true);
    expect(gold.properties.commune_2025).toBe('Thượng Quan; Ngân Sơn');
    expect(booleanPointInPolygon(pointOf(byId('mineral-sites', 'mine-keo-nang')), commune2009('Chợ Đồn', 'Bản Thi'))).toBe(true);
  });

  it('keeps conflicting hydropower capacity out and sourced capacity in', () => {
    expect(byId('power-plants', 'hydro-thac-gieng').properties.capacity_mw).toBeUndefined();
    expect(byId('power-plants', 'hydro-nam-cat').properties).toMatchObject({ capacity_mw: 3.2, commune_2025: 'Phong Quang' });
    expect(byId('power-plants', 'hydro-pac-cap').properties).toMatchObject({ capacity_mw: 6, commune_2025: 'Na Rì; Trần Phú', commune_2020: 'Sơn Thành; Văn Minh' });
    expect(byId('power-plants', 'hydro-thuong-an').properties).toMatchObject({ capacity_mw: 2.4, commune: 'Thượng Ân', district: 'Ngân Sơn', commune_2025: 'Bằng Vân' });
    // Tà Làng: 4.5 MW (2009 report) vs 2 × 2.5 MW (dispatch): left out, both in the note.
    const taLang = byId('power-plants', 'hydro-ta-lang');
    expect(taLang.properties).toMatchObject({ accuracy: 'commune', commune: 'Đồng Phúc', district: 'Ba Bể' });
    expect(taLang.properties.capacity_mw).toBeUndefined();
    expect(String(taLang.properties.note)).toContain('4.5 MW');
    expect(String(taLang.properties.note)).toContain('2 × 2.5 MW');
    expect(booleanPointInPolygon(pointOf(taLang), commune2009('Ba Bể', 'Đồng Phúc'))).toBe(true);
  });

  it('puts Nặm Cắt and Thượng Ân at the published WRI GPPD coordinates, unchanged', () => {
    const gppd = JSON.parse(readFileSync(join(REPO, 'data/sources/wri-gppd-vietnam-hydro-bac-kan.geojson'), 'utf8')) as Coll;
    const published = (gid: string) => {
      const g = gppd.features.find((f) => f.properties.gppd_id === gid)!;
      return [Number(g.properties.longitude_as_published), Number(g.properties.latitude_as_published)];
    };
    expect(published('1030915')).toEqual([105.7776, 22.20161]);
    expect(published('1030929')).toEqual([105.9936, 22.50411]);
    for (const [id, gid] of [['hydro-nam-cat', '1030915'], ['hydro-thuong-an', '1030929']]) {
      const f = byId('power-plants', id);
      expect(pointOf(f), id).toEqual(published(gid));
      expect(f.properties.accuracy).toBe('traced');
      expect(f.properties.placed_in).toBeUndefined();
      expect(f.properties.sources as string[]).toContain('https://github.com/wri/global-power-plant-database/blob/13b6a3baaca73e84b1a549d14c274981abec775b/raw_source_files/WRI/Vietnam.csv');
      expect(String(f.properties.accuracy_note)).toContain('not surveyed');
    }
    // The published Nặm Cắt point lies in the commune the provincial portal names for the dam.
    expect(booleanPointInPolygon(pointOf(byId('power-plants', 'hydro-nam-cat')), commune2009('Bạch Thông', 'Đôn Phong'))).toBe(true);
    expect(a.manifest.layers.find((l) => l.id === 'power-plants')!.licence).toContain('CC-BY-4.0');
  });
});

describe('zones and protected areas', () => {
  it('draws district zones as the union of district polygons and keeps the city canna area out', () => {
    const canna = layer('material-zones').features.filter((f) => f.properties.crop === 'canna');
    expect(canna).toHaveLength(8);
    const area = Object.fromEntries(canna.map((f) => [f.properties.district, f.properties.area_ha]));
    expect(area).toEqual({
      'Na Rì': 1133.3, 'Ba Bể': 770.06, 'Bạch Thông': 260, 'Chợ Đồn': 256.9, 'Pác Nặm': 219.5, 'Ngân Sơn': 95, 'Chợ Mới': 76.9, 'Bắc Kạn': undefined,
    });
    const ginger = byId('material-zones', 'zone-ginger');
    expect(ginger.geometry.type).toBe('MultiPolygon'); // Pác Nặm is apart from Chợ Mới and Na Rì
    expect(ginger.properties.area_ha).toBeUndefined();
    expect(byId('material-zones', 'zone-orange').properties).toMatchObject({ area_ha: 1072, year: 2021 });
    // The orange zone surrounds Bắc Kạn city: its polygon keeps the city as a hole.
    expect((byId('material-zones', 'zone-orange').geometry as Polygon).coordinates).toHaveLength(2);
  });

  it('draws commune zones over the named communes', () => {
    const wood = byId('material-zones', 'zone-wood-cho-don-south');
    for (const n of ['Bình Trung', 'Nghĩa Tá', 'Lương Bằng', 'Yên Nhuận', 'Yên Mỹ']) {
      const lp = commune2009('Chợ Đồn', n).properties.label_point as Position;
      expect(booleanPointInPolygon(lp, wood as Feature<Polygon>), n).toBe(true);
    }
    expect(String(wood.properties.accuracy_note)).toContain('Yên Nhuận');
    expect(byId('material-zones', 'zone-turmeric-don-phong').properties).toMatchObject({ area_ha: 18, commune_2025: 'Phong Quang' });
  });

  it('draws Ba Bể NP over its 5 core communes with the stated area and designations', () => {
    const np = byId('protected-areas', 'pa-ba-be-national-park');
    expect(np.properties).toMatchObject({ kind: 'national-park', area_ha_stated: 10048, accuracy: 'commune' });
    expect((np.properties.designations as string[]).map((d) => d.split(' (')[0])).toEqual(['national park', 'Ramsar site no. 1938', 'ASEAN Heritage Park']);
    for (const n of ['Nam Mẫu', 'Khang Ninh', 'Cao Thượng', 'Quảng Khê', 'Cao Trĩ']) {
      const lp = commune2009('Ba Bể', n).properties.label_point as Position;
      expect(booleanPointInPolygon(lp, np as Feature<Polygon>), n).toBe(true);
    }
    expect(String(np.properties.accuracy_note)).toContain('22,772 ha');
  });

  it('draws Nam Xuân Lạc as the published NBCA box', () => {
    const nxl = byId('protected-areas', 'pa-nam-xuan-lac');
    expect(nxl.properties).toMatchObject({ accuracy: 'extent', area_ha_stated: 4155.67, district: 'Chợ Đồn', commune_2025: 'Nam Cường; Yên Thịnh' });
    const [w, s, e, n] = parseExtent('105°28′31″E–105°33′20″E, 22°17′12″N–22°19′45″N');
    expect([w, s, e, n].map((x) => Math.round(x * 1e5) / 1e5)).toEqual([105.47528, 22.28667, 105.55556, 22.32917]);
    expect((nxl.geometry as Polygon).coordinates[0]).toEqual([[105.47528, 22.28667], [105.55556, 22.28667], [105.55556, 22.32917], [105.47528, 22.32917], [105.47528, 22.28667]]);
  });
});

describe('power and roads', () => {
  it('takes substations from the traces with sourced capacity and loading', () => {
    const subs = Object.fromEntries(layer('power-substations').features.map((f) => [f.properties.id, f.properties]));
    expect(subs['sub-e26-1-bac-kan']).toMatchObject({ code: 'E26.1', capacity_mva: 50, loading_pct: 97, accuracy: 'traced', commune_2025: 'Đức Xuân' });
    expect(subs['sub-e26-2-cho-don']).toMatchObject({ code: 'E26.2', capacity_mva: 25, loading_pct: 31 });
    expect(subs['sub-e26-5-bac-kan-220']).toMatchObject({ voltage_kv: 220, commune: 'Hà Vị', commune_2025: 'Cẩm Giàng' });
    expect(String(subs['sub-e26-5-bac-kan-220'].accuracy_note)).toContain('estimated');
    expect(subs['sub-e6-22-dinh-hoa']).toMatchObject({ inside_region: false });
    expect(subs['sub-n1-junction']).toMatchObject({ kind: 'junction' });
  });

  it('keeps the six 110 kV traces with their stated lengths', () => {
    const traced = layer('power-lines').features.filter((f) => f.properties.accuracy === 'traced');
    expect(traced.map((f) => f.properties.length_m_stated).sort()).toEqual([28460, 34942, 4218, 42352, 5473, 69839]);
    expect(traced.every((f) => f.properties.voltage_kv === 110)).toBe(true);
  });

  it('draws the 220 kV line E26.5 → Ngân Sơn → Cao Bằng border', () => {
    const l = byId('power-lines', 'line-220-bac-kan-cao-bang');
    const c = (l.geometry as { coordinates: Position[] }).coordinates;
    expect(c).toHaveLength(3);
    expect(c[0]).toEqual(pointOf(byId('power-substations', 'sub-e26-5-bac-kan-220')));
    expect(booleanPointInPolygon(c[1], base.gaz.district('Ngân Sơn'))).toBe(true);
    const caoBang = base.neighbours.features.find((f) => f.properties.name === 'Cao Bằng')!;
    expect(booleanPointInPolygon(c[2], caoBang, { ignoreBoundary: false })).toBe(true);
    expect(l.properties).toMatchObject({ voltage_kv: 220, length_m_stated: 70100, accuracy: 'schematic' });
  });

  it('has no invented feeders: only the feeders of the dispatch drawings, as schematic links', () => {
    const lines = layer('power-lines').features;
    expect(lines.filter((f) => String(f.properties.id).startsWith('mv-35-'))).toEqual([]);
    const mv = lines.filter((f) => f.properties.voltage_kv === 35 || f.properties.voltage_kv === 22);
    expect(mv.map((f) => f.properties.id)).toEqual([
      'mv-371-e26-1', 'mv-371-e26-2', 'mv-371-e26-3', 'mv-372-e26-1', 'mv-373-e26-1', 'mv-373-e26-2',
      'mv-373-e26-3', 'mv-374-e26-1', 'mv-375-e26-3', 'mv-376-e26-1', 'mv-378-e26-1',
    ]);
    for (const f of mv) {
      const id = String(f.properties.id);
      expect(f.properties.accuracy, id).toBe('schematic');
      expect(f.properties.voltage_kv, id).toBe(35);
      // Every feeder cites its own drawing at the transcribed commit.
      const m = /^mv-(\d{3})-e26-(\d)$/.exec(id)!;
      expect(f.properties.name, id).toBe(`Lộ ${m[1]} E26.${m[2]} – 35 kV (sơ đồ liên kết)`);
      expect((f.properties.sources as string[]).some((u) => /^https:\/\/github\.com\/anhcv1987\/sodoluoidien\/blob\/16803e0aba4f2b736f7024afd227f4f32b33f5c8\/tools\/luoi-trung-ap\/pdf\/bk\d\d\.json$/.test(u)), id).toBe(true);
      expect(String(f.properties.accuracy_note), id).toContain('Schematic links, not routes');
      // Every segment starts at the feeder's own substation (its number says which).
      const sub = byId('power-substations', { 1: 'sub-e26-1-bac-kan', 2: 'sub-e26-2-cho-don', 3: 'sub-e26-3-na-phac' }[m[2]]!);
      expect(f.properties.from, id).toBe(sub.properties.name);
      const segs = f.geometry.type === 'LineString' ? [(f.geometry as { coordinates: Position[] }).coordinates] : (f.geometry as { coordinates: Position[][] }).coordinates;
      for (const seg of segs) {
        expect(seg, id).toHaveLength(2);
        expect(seg[0], id).toEqual(pointOf(sub).map((x) => Math.round(x * 1e5) / 1e5));
      }
    }
  });

  it('links each feeder to the communes named on its drawing and the plants on it', () => {
    const ends = (id: string) => {
      const f = byId('power-lines', id);
      const segs = f.geometry.type === 'LineString' ? [(f.geometry as { coordinates: Position[] }).coordinates] : (f.geometry as { coordinates: Position[][] }).coordinates;
      return segs.map((s) => s[1]);
    };
    const inCommune = (p: Position, d: string, c: string) => booleanPointInPolygon(p, commune2009(d, c));
    const r5 = (p: Position) => p.map((x) => Math.round(x * 1e5) / 1e5);
    const e371 = ends('mv-371-e26-1');
    expect(e371).toHaveLength(3);
    expect([inCommune(e371[0], 'Bạch Thông', 'Hà Vị'), inCommune(e371[1], 'Bạch Thông', 'Sĩ Bình'), inCommune(e371[2], 'Bạch Thông', 'Vũ Muộn')]).toEqual([true, true, true]);
    expect(ends('mv-372-e26-1')).toEqual([r5(pointOf(byId('power-plants', 'hydro-nam-cat')))]);
    expect(ends('mv-373-e26-3')).toEqual([expect.anything(), r5(pointOf(byId('power-plants', 'hydro-thuong-an'))), r5(pointOf(byId('power-plants', 'hydro-pac-cap')))]);
    expect(inCommune(ends('mv-373-e26-3')[0], 'Ngân Sơn', 'Thượng Quan')).toBe(true);
    expect(ends('mv-378-e26-1')).toEqual([r5(pointOf(byId('power-substations', 'sub-e26-5-bac-kan-220')))]);
    const e375 = ends('mv-375-e26-3');
    expect([inCommune(e375[0], 'Ba Bể', 'Quảng Khê'), inCommune(e375[1], 'Ba Bể', 'Đồng Phúc'), inCommune(e375[2], 'Chợ Đồn', 'Bằng Phúc')]).toEqual([true, true, true]);
    expect(ends('mv-373-e26-1')).toHaveLength(7);
    expect(inCommune(ends('mv-371-e26-2')[0], 'Chợ Đồn', 'Yên Mỹ')).toBe(true);
    expect(inCommune(ends('mv-371-e26-2')[0], 'Chợ Đồn', 'Phương Viên')).toBe(false); // only on a normally-open switch
  });

  it('draws schematic roads through the poles of the sourced places', () => {
    const ql3 = (byId('roads', 'road-ql3').geometry as { coordinates: Position[] }).coordinates;
    expect(ql3).toHaveLength(3);
    expect(booleanPointInPolygon(ql3[0], commune2009('Chợ Mới', 'Chợ Mới'))).toBe(true);
    expect(booleanPointInPolygon(ql3[1], commune2009('Bắc Kạn', 'Đức Xuân'))).toBe(true);
    expect(booleanPointInPolygon(ql3[2], commune2009('Bạch Thông', 'Phủ Thông'))).toBe(true);
    const ql3b = (byId('roads', 'road-ql3b').geometry as { coordinates: Position[] }).coordinates;
    expect(booleanPointInPolygon(ql3b[1], commune2009('Na Rì', 'Kim Lư'))).toBe(true);
    expect(byId('roads', 'road-expressway-cho-moi-bac-kan').properties).toMatchObject({ road_class: 'expressway', length_m_stated: 28800 });
    for (const f of layer('roads').features) expect(f.properties.accuracy).toBe('schematic');
  });
});

describe('placement polygons (placed_in)', () => {
  const curated = Object.keys(CURATED_TABLES) as (keyof typeof CURATED_TABLES)[];

  it('is present, valid and bounding for every commune- or district-placed feature, and only for them', () => {
    const polys = new Map([...layer('communes').features, ...layer('districts').features].map((f) => [String(f.properties.id), f]));
    let placed = 0;
    for (const id of curated) {
      for (const f of layer(id).features) {
        const acc = String(f.properties.accuracy);
        const ids = f.properties.placed_in as string[] | undefined;
        if (acc !== 'commune' && acc !== 'district') { expect(ids, String(f.properties.id)).toBeUndefined(); continue; }
        placed++;
        expect(ids!.length, String(f.properties.id)).toBeGreaterThan(0);
        for (const pid of ids!) {
          expect(pid.startsWith(`${acc}-`), `${String(f.properties.id)} ${pid}`).toBe(true);
          expect(polys.has(pid), `${String(f.properties.id)} ${pid}`).toBe(true);
        }
        if (f.geometry.type === 'Point') {
          expect(ids!.some((pid) => booleanPointInPolygon(pointOf(f), polys.get(pid) as Feature<Polygon>)), String(f.properties.id)).toBe(true);
        } else {
          // A zone is the union of its placement polygons: each polygon's label point lies in the zone.
          for (const pid of ids!) {
            const inner = pid.startsWith('commune-')
              ? base.communes.features.find((c) => `commune-${String(c.properties.commune_id_census2009)}` === pid)!.properties.label_point as Position
              : poleOf(polys.get(pid)!.geometry as Polygon);
            expect(booleanPointInPolygon(inner, f as Feature<Polygon>), `${String(f.properties.id)} ${pid}`).toBe(true);
          }
        }
      }
    }
    expect(placed).toBe(43); // 13 sites, 9 mineral sites, 3 plants, 16 zones, 2 protected areas
  });

  it('lists every 2009 predecessor of a 2020 unit, and every commune of a multi-commune row', () => {
    const idOf = (d: string, c: string) => `commune-${String(commune2009(d, c).properties.commune_id_census2009)}`;
    expect(byId('industrial-sites', 'ccn-thanh-thinh').properties.placed_in).toEqual([idOf('Chợ Mới', 'Thanh Bình'), idOf('Chợ Mới', 'Nông Thịnh')]);
    expect(byId('industrial-sites', 'kcn-thanh-binh-1').properties.placed_in).toEqual([idOf('Chợ Mới', 'Thanh Bình')]);
    const vm = byId('industrial-sites', 'ccn-vang-muoi').properties.placed_in as string[];
    expect([...vm].sort()).toEqual([idOf('Na Rì', 'Hảo Nghĩa'), idOf('Na Rì', 'Hữu Thác')].sort());
    expect(byId('power-plants', 'hydro-pac-cap').properties.placed_in).toEqual([idOf('Na Rì', 'Lương Thành'), idOf('Na Rì', 'Văn Minh')]);
    expect(byId('industrial-sites', 'kcn-cho-moi-3').properties.placed_in).toEqual(['district-065']);
    expect(byId('material-zones', 'zone-ginger').properties.placed_in).toEqual(['district-065', 'district-060', 'district-066']);
  });

  it('fails the build on a placed_in that does not exist, is of the wrong level or does not contain the point', () => {
    const clone = () => JSON.parse(JSON.stringify(Object.fromEntries(LAYER_IDS.map((id) => [id, layer(id).features])))) as Record<LayerId, Feature<Geometry, Props>[]>;
    expect(checkPlacedIn(clone())).toEqual([]);
    const l1 = clone();
    l1['industrial-sites'].find((f) => f.properties.id === 'ccn-quang-chu')!.properties.placed_in = ['commune-9999999'];
    expect(checkPlacedIn(l1)).toEqual(['industrial-sites ccn-quang-chu: placed_in "commune-9999999" does not exist']);
    const l2 = clone();
    l2['industrial-sites'].find((f) => f.properties.id === 'ccn-quang-chu')!.properties.placed_in = [`commune-${String(commune2009('Chợ Mới', 'Thanh Bình').properties.commune_id_census2009)}`];
    expect(checkPlacedIn(l2)).toHaveLength(1);
    expect(checkPlacedIn(l2)[0]).toMatch(/^industrial-sites ccn-quang-chu: point \[105\.\d+, 21\.\d+\] is not inside placed_in commune-\d+$/);
    const l3 = clone();
    l3['mineral-sites'].find((f) => f.properties.id === 'mine-na-tum')!.properties.placed_in = ['commune-2070717'];
    expect(checkPlacedIn(l3)[0]).toBe('mineral-sites mine-na-tum: placed_in "commune-2070717" is not a district polygon');
    const l4 = clone();
    delete l4['power-plants'].find((f) => f.properties.id === 'hydro-ta-lang')!.properties.placed_in;
    expect(checkPlacedIn(l4)).toEqual(['power-plants hydro-ta-lang: a commune-placed feature has no placed_in']);
  });
});

describe('corrections', () => {
  it('gives the 2020–2025 unit of every commune name that no longer existed then', () => {
    expect(byId('industrial-sites', 'kcn-thanh-binh-1').properties).toMatchObject({ commune: 'Thanh Bình', commune_2020: 'Thanh Thịnh' });
    expect(byId('industrial-sites', 'kcn-thanh-binh-2').properties).toMatchObject({ commune: 'Thanh Bình', commune_2020: 'Thanh Thịnh' });
    expect(byId('power-substations', 'sub-e26-5-bac-kan-220').properties).toMatchObject({ commune: 'Hà Vị', commune_2020: 'Quân Hà' });
    expect(byId('protected-areas', 'pa-ba-be-national-park').properties.commune_2020).toBe('Nam Mẫu; Khang Ninh; Cao Thượng; Quảng Khê; Thượng Giáo');
    expect(byId('protected-areas', 'pa-kim-hy').properties.commune_2020).toBe('Kim Hỷ; Lương Thượng; Văn Lang; Côn Minh; Cao Sơn; Vũ Muộn');
    // Names that existed in 2020–2025 get no extra property.
    expect(byId('industrial-sites', 'ccn-quang-chu').properties.commune_2020).toBeUndefined();
    expect(byId('industrial-sites', 'ccn-thanh-thinh').properties.commune_2020).toBeUndefined();
  });

  it('gives phases their sources support', () => {
    const phase = (id: string) => byId('industrial-sites', id).properties.phase;
    expect(phase('ccn-thanh-thinh')).toBe('planned-2025'); // construction planned 2023–2024, never reported
    expect(phase('ccn-cam-giang')).toBe('planned-2025'); // land clearance in Nov 2023
    expect(phase('ccn-chu-huong')).toBe('planned-2030'); // established 2021, no build period found
    expect(phase('ccn-vang-muoi')).toBe('under-construction');
  });

  it('cites no page unrelated to its feature', () => {
    for (const id of Object.keys(CURATED_TABLES) as (keyof typeof CURATED_TABLES)[]) {
      for (const f of layer(id).features) {
        const s = f.properties.sources as string[];
        expect(s.some((u) => u.includes('hoc-vien-bi-chui-la-con-lon')), String(f.properties.id)).toBe(false);
        // The 35 kV magazine page and the 2021 110 kV page were cited for the invented feeders only.
        if (f.properties.voltage_kv === 35) expect(s.some((u) => u.includes('tapchicongthuong.vn')), String(f.properties.id)).toBe(false);
      }
    }
    expect(String(byId('industrial-sites', 'kcn-thanh-binh-2').properties.note)).not.toContain('sidebar');
  });

  it('dates what it can: the GIS extract, the Đôn Phong turmeric group', () => {
    const traced = layer('power-lines').features.filter((f) => f.properties.accuracy === 'traced');
    expect(traced.map((f) => f.properties.as_of)).toEqual(Array(6).fill('2026-09-25'));
    expect(byId('power-substations', 'sub-n1-junction').properties.as_of).toBe('2026-09-25');
    expect(byId('material-zones', 'zone-turmeric-don-phong').properties.as_of).toBe('2020');
  });

  it('keeps the area and the decision of the protected areas apart', () => {
    const d = (id: string) => (byId('protected-areas', id).properties.designations as string[]).join(' | ');
    expect(d('pa-ba-be-national-park')).toContain('which set 7,610 ha');
    expect(d('pa-nam-xuan-lac')).toContain('QĐ 109/QĐ-UBND, 14 Jan 2014, which gives the 4,155.67 ha');
  });
});

describe('build errors', () => {
  it('fails with a message naming the table, the row and the problem', () => {
    const tmpData = mkdtempSync(join(tmpdir(), 'geodata-data-'));
    const tmpOut = mkdtempSync(join(tmpdir(), 'geodata-out-'));
    try {
      cpSync(join(REPO, 'data'), tmpData, { recursive: true });
      const file = join(tmpData, 'industrial-sites.csv');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('commune,Chợ Mới/Quảng Chu,', 'commune,Chợ Mới/Atlantis,'));
      expect(() => buildGeodata({ rootDir: REPO, outDir: tmpOut, dataDir: tmpData }))
        .toThrow('data/industrial-sites.csv row "ccn-quang-chu": commune "Chợ Mới/Atlantis" is neither a 2009 commune nor a 2020 unit');
      writeFileSync(file, text.replace(',commune,Chợ Mới/Quảng Chu,,,commune,', ',commune,Chợ Mới/Quảng Chu,,,district,'));
      expect(() => buildGeodata({ rootDir: REPO, outDir: tmpOut, dataDir: tmpData }))
        .toThrow('accuracy "district" does not match place_level "commune"');
      writeFileSync(file, text.replace('cluster,established,existing,74.4', 'cluster,closed,existing,74.4'));
      expect(() => buildGeodata({ rootDir: REPO, outDir: tmpOut, dataDir: tmpData }))
        .toThrow(/data package is invalid \(1 issues\):\n- industrial-sites feature \d+ \(ccn-quang-chu\) properties\.status: "closed" is not one of/);
      expect(readdirSync(tmpOut)).toEqual([]); // nothing written on failure
    } finally {
      rmSync(tmpData, { recursive: true, force: true });
      rmSync(tmpOut, { recursive: true, force: true });
    }
  }, 60_000); // three full builds on a shared machine
});
