import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { CRS_DEFS, SUPPORTED_EPSG, transformer, crsFromWkt, parseCrsCode, proposeCrs } from '../../../src/lib/data/crs';
import { REGION } from './helpers';

const ref = JSON.parse(readFileSync(new URL('../../fixtures/import/crs-reference.json', import.meta.url), 'utf8'));
const R = 6378137;
/** Distance in metres between two lon/lat positions (equirectangular, fine for sub-metre checks). */
const metres = (a: number[], b: number[]) => {
  const dx = ((a[0] - b[0]) * Math.PI) / 180 * R * Math.cos((a[1] * Math.PI) / 180);
  const dy = ((a[1] - b[1]) * Math.PI) / 180 * R;
  return Math.hypot(dx, dy);
};

describe('CRS definitions against PROJ reference values', () => {
  it('covers every supported EPSG code', () => {
    expect(Object.keys(ref.crs).map(Number).sort()).toEqual([...SUPPORTED_EPSG].sort());
  });
  for (const code of Object.keys(ref.crs)) {
    const r = ref.crs[code];
    const def = CRS_DEFS[Number(code)];
    it(`EPSG:${code} forward (WGS 84 → ${r.name}) within 0.5 m`, () => {
      const t = transformer(4326, Number(code));
      r.wgs84.forEach((p: number[], i: number) => {
        const got = t(p);
        const d = def.projected ? Math.hypot(got[0] - r.projected[i][0], got[1] - r.projected[i][1]) : metres(got, r.projected[i]);
        expect(d).toBeLessThan(0.5);
      });
    });
    it(`EPSG:${code} inverse (${r.name} → WGS 84) within 0.5 m`, () => {
      const t = transformer(Number(code), 4326);
      r.inverse_src.forEach((p: number[], i: number) => expect(metres(t(p), r.inverse_wgs84[i])).toBeLessThan(0.5));
    });
    if (def.centralMeridian !== undefined && Number(code) >= 9205) {
      it(`EPSG:${code} central meridian matches PROJ`, () => {
        expect(r.proj4).toContain(`+lon_0=${def.centralMeridian}`);
        expect(r.proj4).toContain('+k=0.9999');
      });
    }
  }
  it('the coordinate-frame signs pasted into +towgs84 would be ~0.75 m off (guards the sign flip)', () => {
    const r = ref.crs['9213'];
    const got = transformer(9213, 4326)(r.inverse_src[0]);
    expect(metres(got, r.inverse_wgs84[0])).toBeLessThan(0.05);
  });
});

describe('crsFromWkt', () => {
  it('reads an ESRI VN-2000 TM-3 .prj by name', () => {
    const wkt = 'PROJCS["VN_2000_TM_3_106_30",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",106.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromWkt(wkt).code).toBe(9213);
  });
  it('reads a custom-named VN-2000 transverse Mercator by its parameters', () => {
    const wkt = 'PROJCS["BacKan_VN2000",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",106.25],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]';
    expect(crsFromWkt(wkt).code).toBe(9212);
  });
  it('reads UTM 48N and geographic systems', () => {
    expect(crsFromWkt('PROJCS["VN-2000 / UTM zone 48N",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000]]').code).toBe(3405);
    expect(crsFromWkt('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]').code).toBe(4326);
    expect(crsFromWkt('GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]]]').code).toBe(4756);
  });
  it('explains an unsupported zone', () => {
    const r = crsFromWkt('PROJCS["x",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",109],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000]]');
    expect(r.code).toBeNull();
    expect(r.why).toMatch(/central meridian 109/);
  });
});

describe('parseCrsCode / proposeCrs', () => {
  it('parses codes and URNs', () => {
    expect(parseCrsCode('EPSG:9213')).toBe(9213);
    expect(parseCrsCode('urn:ogc:def:crs:EPSG::3405')).toBe(3405);
    expect(parseCrsCode('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe(4326);
    expect(parseCrsCode('EPSG:2000')).toBeNull();
  });
  it('proposes TM-3 106°30′ for Bắc Kạn coordinates in that zone', () => {
    const pts = [[ref.crs['9213'].projected[0][0], ref.crs['9213'].projected[0][1]], [ref.crs['9213'].projected[1][0], ref.crs['9213'].projected[1][1]]];
    expect(proposeCrs(pts, REGION.regionBbox, 0.5, REGION.preferredCrs)[0].code).toBe(9213);
  });
  it('proposes UTM 48N when only that lands in the region', () => {
    const pts = [ref.crs['3405'].projected[0], ref.crs['3405'].projected[1]];
    expect(proposeCrs(pts, REGION.regionBbox, 0.5, REGION.preferredCrs)[0].code).toBe(3405);
  });
});

describe('proposeCrs separates neighbouring TM-3 zones by the region hint', () => {
  // Bắc Kạn town and Chợ Đồn in WGS 84, written in each zone by the reference transform (forward)
  for (const code of ['9211', '9212', '9213', '3405']) {
    it(`Bắc Kạn positions in EPSG:${code} are proposed as EPSG:${code}`, () => {
      const r = ref.crs[code];
      const t = transformer(4326, Number(code));
      const pts = [[105.83, 22.147], [105.62, 21.95], [106.02, 22.43], [105.55, 22.6], [106.2, 22.0], [105.45, 22.2]].map(t);
      expect(proposeCrs(pts, REGION.regionBbox, 0.5, REGION.preferredCrs)[0].code).toBe(Number(code));
      expect(r).toBeDefined();
    });
  }
});
