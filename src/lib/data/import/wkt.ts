/** Minimal WKT reader/writer for the 2D simple feature types (and Z/M, dropped to 2D on read). Pure. */
import type { Geometry, Position } from 'geojson';

/**
 * Parse WKT (POINT, LINESTRING, POLYGON, MULTI*, GEOMETRYCOLLECTION; optional Z/M/ZM; optional
 * `SRID=n;` prefix, which is ignored). Returns the geometry, or an English error string.
 */
export function parseWkt(input: string): Geometry | string {
  const text = input.trim().replace(/^SRID=\d+;/i, '');
  if (!text) return 'empty';
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const word = () => {
    ws();
    const m = /^[A-Za-z]+/.exec(text.slice(i));
    if (!m) return '';
    i += m[0].length;
    return m[0].toUpperCase();
  };
  const expect = (c: string) => {
    ws();
    if (text[i] !== c) throw new Error(`expected "${c}" at character ${i + 1}`);
    i++;
  };
  const peek = () => {
    ws();
    return text[i];
  };
  const position = (): Position => {
    ws();
    const m = /^[-+]?[\d.]+(?:[eE][-+]?\d+)?(?:\s+[-+]?[\d.]+(?:[eE][-+]?\d+)?){1,3}/.exec(text.slice(i));
    if (!m) throw new Error(`expected a coordinate at character ${i + 1}`);
    i += m[0].length;
    const nums = m[0].trim().split(/\s+/).map(Number);
    if (nums.some((n) => !Number.isFinite(n))) throw new Error(`bad number at character ${i + 1}`);
    return [nums[0], nums[1]];
  };
  const list = <T>(item: () => T): T[] => {
    expect('(');
    const out = [item()];
    while (peek() === ',') {
      i++;
      out.push(item());
    }
    expect(')');
    return out;
  };
  const pointInMulti = (): Position => {
    if (peek() === '(') {
      i++;
      const p = position();
      expect(')');
      return p;
    }
    return position();
  };
  const geometry = (): Geometry => {
    const type = word();
    const dim = word();
    if (dim && !/^(Z|M|ZM|EMPTY)$/.test(dim)) throw new Error(`unexpected "${dim}"`);
    if (dim === 'EMPTY' || word() === 'EMPTY') throw new Error(`${type} EMPTY has no coordinates`);
    switch (type) {
      case 'POINT': {
        expect('(');
        const p = position();
        expect(')');
        return { type: 'Point', coordinates: p };
      }
      case 'LINESTRING':
        return { type: 'LineString', coordinates: list(position) };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: list(() => list(position)) };
      case 'MULTIPOINT':
        return { type: 'MultiPoint', coordinates: list(pointInMulti) };
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: list(() => list(position)) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: list(() => list(() => list(position))) };
      case 'GEOMETRYCOLLECTION':
        return { type: 'GeometryCollection', geometries: list(geometry) };
      default:
        throw new Error(type ? `unknown geometry type "${type}"` : 'no geometry type');
    }
  };
  try {
    const g = geometry();
    ws();
    if (i < text.length) return `unexpected text after the geometry at character ${i + 1}`;
    return g;
  } catch (e) {
    return (e as Error).message;
  }
}

const pos = (p: Position) => `${p[0]} ${p[1]}`;
const line = (ps: Position[]) => `(${ps.map(pos).join(', ')})`;
const poly = (rs: Position[][]) => `(${rs.map(line).join(', ')})`;

/** Write a geometry as WKT (2D). */
export function toWkt(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `POINT (${pos(g.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT (${g.coordinates.map((p) => `(${pos(p)})`).join(', ')})`;
    case 'LineString':
      return `LINESTRING ${line(g.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING (${g.coordinates.map(line).join(', ')})`;
    case 'Polygon':
      return `POLYGON ${poly(g.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${g.coordinates.map(poly).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${g.geometries.map(toWkt).join(', ')})`;
  }
}
