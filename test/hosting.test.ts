import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const headers = readFileSync(new URL('public/_headers', root), 'utf8');
const html = readFileSync(new URL('index.html', root), 'utf8');

/** Directive name → sources of a CSP string. */
const parse = (csp: string) => new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [k, ...v] = d.split(/\s+/); return [k, v.join(' ')]; }));
/** The headers of one path block in _headers. */
function block(path: string): Map<string, string> {
  const lines = headers.split('\n');
  const out = new Map<string, string>();
  let inside = false;
  for (const l of lines) {
    if (!l.startsWith(' ') && !l.startsWith('#') && l.trim()) inside = l.trim() === path;
    else if (inside && l.startsWith('  ')) {
      const i = l.indexOf(':');
      out.set(l.slice(0, i).trim(), l.slice(i + 1).trim());
    }
  }
  return out;
}

describe('public/_headers: what a static host sends', () => {
  const all = block('/*');
  const csp = parse(all.get('Content-Security-Policy') ?? '');
  it('the CSP header forbids framing, plugins, base and form targets', () => {
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(all.get('X-Content-Type-Options')).toBe('nosniff');
  });
  it("the header is index.html's meta policy plus frame-ancestors (one policy, two places)", () => {
    const meta = parse(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]);
    const header = new Map(csp);
    header.delete('frame-ancestors');
    expect(header).toEqual(meta);
  });
  it('hashed assets are immutable; the page, service worker and data revalidate', () => {
    expect(block('/assets/*').get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    for (const p of ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest', '/geodata/*']) expect(block(p).get('Cache-Control'), p).toBe('no-cache');
  });
});
