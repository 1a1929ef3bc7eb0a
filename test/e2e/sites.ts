/**
 * Synthetic site lists for the browser tests (test input on a grid inside the region polygon,
 * never shown as data) and the user's way of adding one: drop the file on the map, choose "sites",
 * accept.
 */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Page } from 'playwright-core';

const region = (JSON.parse(readFileSync('public/geodata/region.geojson', 'utf8')) as FeatureCollection<Polygon>).features[0];

export interface Grid { count: number; west: number; south: number; step: number; columns: number; id: string; name: string }

/** The first `count` points of a west-to-east, south-to-north grid that lie in the region: ids `${id}${i}`, names `${name}${i}`. */
export function gridSites(g: Grid): FeatureCollection {
  const features: Feature[] = [];
  for (let k = 0; features.length < g.count && k < 200_000; k++) {
    const p = [g.west + (k % g.columns) * g.step, g.south + Math.floor(k / g.columns) * g.step];
    if (booleanPointInPolygon(p, region)) features.push({ type: 'Feature', properties: { id: `${g.id}${features.length}`, name: `${g.name}${features.length}` }, geometry: { type: 'Point', coordinates: p } });
  }
  return { type: 'FeatureCollection', features };
}

/** Drops `fc` on the map as the file `fileName` and accepts it as sites. */
export async function importSites(page: Page, fc: FeatureCollection, fileName: string): Promise<void> {
  const dt = await page.evaluateHandle(([text, name]) => {
    const d = new DataTransfer();
    d.items.add(new File([text], name, { type: 'application/geo+json' }));
    return d;
  }, [JSON.stringify(fc), fileName] as const);
  await page.dispatchEvent('.mapwrap', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.mapwrap', 'drop', { dataTransfer: dt });
  await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
  await page.selectOption('[data-testid="import-role"]', 'sites');
  await page.click('[data-testid="import-accept"]');
}
