/**
 * The row of a site as the page holds it: only what the table, the distance view, the filters,
 * the colours, the comparison, the connectors and the score ranges read. The full
 * {@link SiteAnalysis} (catchment detail, every voltage and mineral, the score breakdown, the
 * network answers, the target names) stays in the analysis worker; the card, the dossier and the
 * exports fetch it from there (workers/analysis-client.ts `fullRow` / `fullRows`).
 *
 * A slim row has the same paths as a full row for every field it keeps, so the metric getters of
 * `metrics.ts` read both alike (a full row IS a {@link SiteRow}). Pure.
 */
import type { Crop } from '../data/schema.ts';
import type { LonLat } from '../geo/ruler.ts';
import type { Near, SiteAnalysis } from './analyze.ts';
import type { DistanceInterval } from './intervals.ts';
import type { ScoreRange } from './score-range.ts';
import type { ItemStability, ItemTerm } from './surface/stability.ts';
import { siteTerms } from './surface/rank-items.ts';

/**
 * A nearest answer as the page reads it: the target's id, the point estimate and its interval;
 * the connector's two ends only for the targets drawn as connectors (grid, substation, road,
 * deposit, crops); the target's name only in a full row.
 */
export interface NearView {
  id: string;
  distanceM: number;
  interval: DistanceInterval | null;
  name?: string | null;
  nearestSite?: LonLat;
  nearestTarget?: LonLat;
}

/** A near answer drawn as a connector (its ends are kept). */
export type ConnectorNear = NearView & Pick<Near, 'nearestSite' | 'nearestTarget'>;

/** The rank terms of a site (its suitability breakdown as `scoreSite` weighs it; see surface/rank-items.ts). */
export interface RankTerms { terms: ItemTerm[]; penalty: number }

/** A site's row on the page (a full {@link SiteAnalysis} is one too). */
export interface SiteRow {
  id: string;
  name: string | null;
  /** The catchment's centre (the selected site's ring). */
  centre: LonLat;
  nearest: {
    mvLine: ConnectorNear | null;
    substation: { any: ConnectorNear | null; kv110: NearView | null; kv220: NearView | null };
    crops: Record<Crop, ConnectorNear | null>;
    minerals: { deposit: ConnectorNear | null };
    road: ConnectorNear | null;
  };
  catchment: { population: { value: number } | null } | null;
  constraints: { protectedArea: NearView | null };
  suitability: { score: number };
  uncertainty: ScoreRange | null;
  stability?: ItemStability & { topK: number; method: string };
  /** Rank terms for the weight draws of the page (slim rows only; a full row has its breakdown). */
  rankTerms?: RankTerms;
}

/** A slim row with its rank terms. */
export type SlimRow = SiteRow & { rankTerms: RankTerms };

const view = (n: Near | null): NearView | null => (n ? { id: n.id, distanceM: n.distanceM, interval: n.interval } : null);
const ends = (n: Near | null): ConnectorNear | null =>
  (n ? { id: n.id, distanceM: n.distanceM, interval: n.interval, nearestSite: n.nearestSite, nearestTarget: n.nearestTarget } : null);

/** The slim row of a full row (the analysis worker sends these to the page). */
export function slimRow(a: SiteAnalysis): SlimRow {
  const crops = {} as Record<Crop, ConnectorNear | null>;
  for (const c of Object.keys(a.nearest.crops) as Crop[]) crops[c] = ends(a.nearest.crops[c]);
  const pop = a.catchment?.population;
  return {
    id: a.id,
    name: a.name,
    centre: a.centre,
    nearest: {
      mvLine: ends(a.nearest.mvLine),
      substation: { any: ends(a.nearest.substation.any), kv110: view(a.nearest.substation.kv110), kv220: view(a.nearest.substation.kv220) },
      crops,
      minerals: { deposit: ends(a.nearest.minerals.deposit) },
      road: ends(a.nearest.road),
    },
    catchment: a.catchment ? { population: pop ? { value: pop.value } : null } : null,
    constraints: { protectedArea: view(a.constraints.protectedArea) },
    suitability: { score: a.suitability.score },
    uncertainty: a.uncertainty,
    ...(a.stability ? { stability: a.stability } : {}),
    rankTerms: siteTerms(a.suitability.breakdown),
  };
}

/** Rank items of the page's rows for `rankStability` (the same items as `siteRankItems` of their full rows). */
export function rowRankItems(rows: readonly SlimRow[]): { id: string; terms: ItemTerm[]; penalty: number }[] {
  return rows.map((r) => ({ id: r.id, ...r.rankTerms }));
}
