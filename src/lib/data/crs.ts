/**
 * Coordinate reference systems used by Vietnamese planners, and transforms between them (proj4).
 *
 * Pure code (no DOM, no Svelte, no MapLibre): safe in Node, the browser and a worker.
 *
 * VN-2000 datum shift: the 7-parameter Helmert "VN-2000 to WGS 84 (2)" (EPSG:6960 area, the
 * parameters PROJ picks by default). EPSG publishes it in the *coordinate frame* convention
 * (rx=-0.00928836, ry=0.01975479, rz=-0.00427372); proj4's `+towgs84` uses the *position vector*
 * convention, so the rotation signs are flipped here. With the coordinate-frame signs pasted as-is
 * positions would be off by ~0.75 m; the committed PROJ reference fixture tests this.
 */
import proj4 from 'proj4';

/** proj4 `+towgs84` for VN-2000 (position-vector convention; see the module comment). */
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/** One supported CRS. */
export interface CrsDef {
  /** EPSG code, e.g. 9213. */
  epsg: number;
  /** Name as in the EPSG registry. */
  name: string;
  /** proj4 definition string. */
  proj4: string;
  /** True for projected (metric) systems, false for geographic (degrees). */
  projected: boolean;
  /** Central meridian in degrees for transverse Mercator systems. */
  centralMeridian?: number;
}

const VN = `+ellps=WGS84 +towgs84=${VN2000_TOWGS84}`;
const tm3 = (epsg: number, lon0: number): CrsDef => {
  const d = Math.floor(lon0);
  const m = Math.round((lon0 - d) * 60);
  return {
    epsg,
    name: `VN-2000 / TM-3 ${d}-${String(m).padStart(2, '0')}`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=500000 +y_0=0 ${VN} +units=m +no_defs`,
    projected: true,
    centralMeridian: lon0,
  };
};

/**
 * Every supported CRS keyed by EPSG code. Central meridians of EPSG:9205–9218 checked against
 * pyproj (PROJ 9) `CRS.from_epsg(n).to_proj4()`.
 */
export const CRS_DEFS: Readonly<Record<number, CrsDef>> = Object.freeze({
  4326: { epsg: 4326, name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs', projected: false },
  4756: { epsg: 4756, name: 'VN-2000', proj4: `+proj=longlat ${VN} +no_defs`, projected: false },
  3857: {
    epsg: 3857,
    name: 'WGS 84 / Pseudo-Mercator',
    proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    projected: true,
  },
  3405: { epsg: 3405, name: 'VN-2000 / UTM zone 48N', proj4: `+proj=utm +zone=48 ${VN} +units=m +no_defs`, projected: true, centralMeridian: 105 },
  3406: { epsg: 3406, name: 'VN-2000 / UTM zone 49N', proj4: `+proj=utm +zone=49 ${VN} +units=m +no_defs`, projected: true, centralMeridian: 111 },
  9205: tm3(9205, 103),
  9206: tm3(9206, 104),
  9207: tm3(9207, 104.5),
  9208: tm3(9208, 104.75),
  9209: tm3(9209, 105.5),
  9210: tm3(9210, 105.75),
  9211: tm3(9211, 106),
  9212: tm3(9212, 106.25),
  9213: tm3(9213, 106.5),
  9214: tm3(9214, 107),
  9215: tm3(9215, 107.25),
  9216: tm3(9216, 107.5),
  9217: tm3(9217, 108.25),
  9218: tm3(9218, 108.5),
});

/** All supported EPSG codes. */
export const SUPPORTED_EPSG: readonly number[] = Object.keys(CRS_DEFS).map(Number);

/**
 * Area of use of VN-2000 (EPSG:4756: Vietnam, onshore and offshore) [west, south, east, north]: the
 * fallback region hint when the caller gives none. The app and the CLI pass the data package's
 * region bbox instead, which separates neighbouring TM-3 zones far better.
 */
export const VN2000_EXTENT: [number, number, number, number] = [102.14, 8.33, 109.53, 23.4];

for (const def of Object.values(CRS_DEFS)) proj4.defs(`EPSG:${def.epsg}`, def.proj4);

/**
 * Parse "EPSG:9213", "epsg 9213", "9213" or a URN (`urn:ogc:def:crs:EPSG::9213`, `…:OGC:1.3:CRS84`).
 * @returns the EPSG code when supported, else null.
 */
export function parseCrsCode(text: string | number): number | null {
  if (typeof text === 'number') return CRS_DEFS[text] ? text : null;
  const t = text.trim();
  if (/CRS:?84$/i.test(t)) return 4326;
  const m = /(?:EPSG)?\D*?(\d{4,5})\s*$/i.exec(t);
  if (!m) return null;
  const code = Number(m[1]);
  return CRS_DEFS[code] ? code : null;
}

/** Return a converter from one supported CRS to another (positions as [x, y] / [lon, lat]). */
export function transformer(from: number, to: number): (p: number[]) => number[] {
  if (!CRS_DEFS[from]) throw new Error(`Unsupported CRS EPSG:${from}`);
  if (!CRS_DEFS[to]) throw new Error(`Unsupported CRS EPSG:${to}`);
  if (from === to) return (p) => p.slice();
  const conv = proj4(`EPSG:${from}`, `EPSG:${to}`);
  return (p) => {
    const [x, y] = conv.forward([p[0], p[1]]);
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
  };
}

/** Transform one position between supported CRSs. */
export function transformPosition(p: number[], from: number, to: number): number[] {
  return transformer(from, to)(p);
}

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

/**
 * Identify a supported CRS from an ESRI/OGC WKT string (a Shapefile .prj): by an EPSG
 * AUTHORITY/ID, by name (`VN_2000_TM_3_106_30`, `VN-2000 / UTM zone 48N`), or by its parameters
 * (datum VN-2000 + Transverse Mercator + central meridian, scale factor, false easting).
 * @returns the EPSG code, or null with the reason in `why`.
 */
export function crsFromWkt(wkt: string): { code: number | null; why: string } {
  const text = wkt.replace(/\s+/g, ' ').trim();
  if (!text) return { code: null, why: 'the .prj file is empty' };
  const rootAuth = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(text) ?? /ID\["EPSG",\s*(\d+)\]\s*\]\s*$/i.exec(text);
  if (rootAuth && CRS_DEFS[Number(rootAuth[1])]) return { code: Number(rootAuth[1]), why: 'EPSG authority code' };
  const isProj = /^(PROJCS|PROJCRS|PROJECTEDCRS)\[/i.test(text);
  const isVn = /VN[-_ ]?2000|Vietnam[_ ]2000/i.test(text);
  const isWgs = /WGS[_ ]?(19)?84/i.test(text) && !isVn;
  if (!isProj) {
    if (/^(GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\[/i.test(text)) {
      if (isVn) return { code: 4756, why: 'geographic CRS on datum VN-2000' };
      if (isWgs) return { code: 4326, why: 'geographic CRS on datum WGS 84' };
      return { code: null, why: 'geographic CRS on a datum other than WGS 84 or VN-2000' };
    }
    return { code: null, why: 'not a WKT coordinate system definition' };
  }
  const name = /^\w+\["([^"]*)"/.exec(text)?.[1] ?? '';
  if (/Pseudo[-_ ]Mercator|Web[_ ]Mercator|Popular Visualisation/i.test(text) && !isVn) return { code: 3857, why: 'Web Mercator' };
  const param = (re: string) => num(new RegExp(`PARAMETER\\["(?:${re})",\\s*(-?[\\d.eE+-]+)`, 'i').exec(text)?.[1]);
  const lon0 = param('central_meridian|Longitude of natural origin|longitude_of_center');
  const k = param('scale_factor|Scale factor at natural origin') ?? 1;
  const x0 = param('false_easting|False easting') ?? 0;
  const tmerc = /Transverse_Mercator|Transverse Mercator|UTM/i.test(text);
  if (isVn && tmerc) {
    const utm = /UTM[_ ]zone[_ ](\d+)N/i.exec(name);
    if (utm && (utm[1] === '48' || utm[1] === '49')) return { code: utm[1] === '48' ? 3405 : 3406, why: `name "${name}"` };
    const tmName = /TM[-_ ]?3[_ ](\d{3})[-_ ](\d{2})/i.exec(name);
    const cm = tmName ? Number(tmName[1]) + Number(tmName[2]) / 60 : lon0;
    if (cm === undefined) return { code: null, why: 'VN-2000 transverse Mercator without a central meridian' };
    for (const def of Object.values(CRS_DEFS)) {
      if (!def.projected || def.centralMeridian === undefined || Math.abs(def.centralMeridian - cm) > 1e-6) continue;
      const defK = def.epsg >= 9205 ? 0.9999 : 0.9996;
      if (Math.abs(defK - k) < 1e-7 && Math.abs(x0 - 500000) < 1e-3) return { code: def.epsg, why: `VN-2000 transverse Mercator, central meridian ${cm}°, k=${k}` };
    }
    return { code: null, why: `VN-2000 transverse Mercator with central meridian ${cm}° and scale factor ${k} is not a supported zone` };
  }
  if (isWgs && tmerc) return { code: null, why: `"${name}" is a WGS 84 projected system that is not supported` };
  return { code: null, why: `projected CRS "${name}" is not supported` };
}

/** True when every position looks like lon/lat degrees. */
export function looksGeographic(ps: number[][]): boolean {
  return ps.every((p) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90);
}

/** A CRS proposal for coordinates that came without one. */
export interface CrsProposal {
  code: number;
  /** Fraction (0–1) of sample positions that land inside the region bbox itself. */
  inside: number;
  /** Fraction (0–1) of sample positions that land inside the region bbox grown by the margin. */
  near: number;
  /** Plain-English reason. */
  why: string;
}

/** Preference order among equally good proposals: Bắc Kạn's own zone first, then its neighbours'. */
const PROPOSAL_ORDER = [3405, 3406, 9205, 9206, 9207, 9208, 9209, 9210, 9211, 9212, 9213, 9214, 9215, 9216, 9217, 9218, 3857];

/**
 * Propose a projected CRS for positions given without one: reads them in every supported projected
 * CRS and keeps those that put most positions near the region hint (bbox grown by `marginDeg`),
 * best first by the share inside the bbox itself, then near it, then the region's own grid
 * (`preferredCrs`, from the data package manifest: a province's legal TM-3 meridian), then UTM
 * before TM-3. Neighbouring TM-3 zones differ by 0.25–0.5°, so a region-sized hint separates
 * them; alternatives should still be shown to the user.
 * @returns proposals sorted best-first (empty when nothing lands near the region).
 */
export function proposeCrs(
  positions: number[][],
  regionBbox: [number, number, number, number] = VN2000_EXTENT,
  marginDeg = 0.5,
  preferredCrs?: number,
): CrsProposal[] {
  const step = Math.max(1, Math.ceil(positions.length / 500));
  const sample = positions.filter((_, i) => i % step === 0);
  if (!sample.length) return [];
  const [w, s, e, n] = regionBbox;
  const out: CrsProposal[] = [];
  for (const code of PROPOSAL_ORDER) {
    const t = transformer(code, 4326);
    let inside = 0;
    let near = 0;
    for (const p of sample) {
      const [lon, lat] = t(p);
      if (lon >= w && lon <= e && lat >= s && lat <= n) inside++;
      if (lon >= w - marginDeg && lon <= e + marginDeg && lat >= s - marginDeg && lat <= n + marginDeg) near++;
    }
    const frac = inside / sample.length;
    const nearFrac = near / sample.length;
    if (nearFrac > 0.5) out.push({ code, inside: frac, near: nearFrac, why: `${Math.round(frac * 100)}% of positions read as ${CRS_DEFS[code].name} fall inside the region` });
  }
  const rank = (c: number) => (c === preferredCrs ? -1 : PROPOSAL_ORDER.indexOf(c));
  return out.sort((a, b) => b.inside - a.inside || b.near - a.near || rank(a.code) - rank(b.code));
}
