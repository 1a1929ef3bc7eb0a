import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { LAYER_IDS } from '../../src/lib/data/schema.ts';
import type { Layers, SiteAnalysis } from '../../src/lib/analysis/analyze.ts';
import { AnalysisSession } from '../../src/workers/analysis-session.ts';
import { siteMetric } from '../../src/lib/analysis/metrics.ts';
import { DISTANCE_METRICS } from '../../src/lib/ui/site-metrics.ts';
import { sortByName, sortByNumber } from '../../src/lib/ui/sort-rows.ts';

const layers: Layers = {};
for (const id of LAYER_IDS) {
  const p = `public/geodata/${id}.geojson`;
  if (existsSync(p)) layers[id] = JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
}
const region = (layers.region as FeatureCollection<Polygon>).features[0];

/** The comparator sort the distance view used before (missing values last, stable). */
function comparator(rows: SiteAnalysis[], get: (r: SiteAnalysis) => number | null, asc: boolean): SiteAnalysis[] {
  return [...rows].sort((a, b) => {
    const va = get(a), vb = get(b);
    if (va === null && vb === null) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    return (va - vb) * (asc ? 1 : -1);
  });
}

describe('one-pass sort on real analysis rows', () => {
  it('orders every column of the distance view like the comparator, ties and missing values included', () => {
    // the province's sites and a coarse grid of candidates, analysed by the engine
    const sites: Feature[] = [...(layers['industrial-sites']?.features ?? [])];
    for (let k = 0; sites.length < 120 && k < 10_000; k++) {
      const p = [105.6 + (k % 20) * 0.04, 21.85 + Math.floor(k / 20) * 0.04];
      if (booleanPointInPolygon(p, region)) sites.push({ type: 'Feature', properties: { id: `g${k}`, name: k % 3 ? `Điểm ${k % 17}` : `Ấp ${k % 5}` }, geometry: { type: 'Point', coordinates: p } });
    }
    const session = new AnalysisSession();
    session.init(layers);
    session.setSites(sites, { radiusKm: 10 });
    const real = session.batch(0, sites.length).rows;
    // a few rows without a grid line or a road (as a site outside the data would be)
    const rows = [...real, ...real.slice(0, 3).map((r, i) => ({ ...r, id: `none-${i}`, nearest: { ...r.nearest, mvLine: null, road: null } }))];
    const cols = [siteMetric('score'), ...DISTANCE_METRICS];
    let ties = 0, missing = 0;
    for (const c of cols) {
      const values = rows.map((r) => c.get(r));
      ties += values.length - new Set(values).size;
      missing += values.filter((v) => v === null).length;
      for (const asc of [true, false]) {
        expect(sortByNumber(rows, c.get, asc).map((r) => r.id), `${c.key} ${asc}`).toEqual(comparator(rows, c.get, asc).map((r) => r.id));
      }
    }
    expect(ties).toBeGreaterThan(50);
    expect(missing).toBeGreaterThan(0);
    for (const asc of [true, false]) {
      const old = [...rows].sort((a, b) => String(a.name).localeCompare(String(b.name), 'vi') * (asc ? 1 : -1));
      expect(sortByName(rows, (r) => String(r.name), asc).map((r) => r.id)).toEqual(old.map((r) => r.id));
    }
  }, 120_000);
});
