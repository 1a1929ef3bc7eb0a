/**
 * What a CSV export's columns need to know of every feature before its first row is written,
 * gathered where the features are (the page sends a layer to the import worker a slice at a time).
 * No dependency: the page's first bundle loads it.
 */
import type { Feature, Geometry } from 'geojson';

/** What a CSV's columns need to know of every feature before its first row is written. */
export interface CsvPlan {
  /** Property names, in the order first met (after the geometry columns). */
  keys: string[];
  /** Every feature is a Point (x/y columns in "auto" mode). */
  allPoints: boolean;
  /** No feature has an `id` property but some have a feature id: written as the `id` column. */
  useFeatureId: boolean;
}

/** Builds the {@link CsvPlan} of features met a part at a time (in the file's order). */
export class CsvPlanner {
  private readonly keys: string[] = [];
  private readonly seen = new Set<string>();
  private allPoints = true;
  private anyFeatureId = false;

  add(features: readonly Feature<Geometry | null>[]): void {
    for (const f of features) {
      for (const k of Object.keys(f.properties ?? {})) if (!this.seen.has(k)) { this.seen.add(k); this.keys.push(k); }
      if (f.geometry?.type !== 'Point') this.allPoints = false;
      if (f.id !== undefined) this.anyFeatureId = true;
    }
  }

  get plan(): CsvPlan {
    return { keys: [...this.keys], allPoints: this.allPoints, useFeatureId: !this.seen.has('id') && this.anyFeatureId };
  }
}

/** The {@link CsvPlan} of `features`: one pass over their property names and geometry types. */
export function csvPlan(features: readonly Feature<Geometry | null>[]): CsvPlan {
  const p = new CsvPlanner();
  p.add(features);
  return p.plan;
}
