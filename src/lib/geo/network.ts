/**
 * Network (road) distance: a graph from any line layer, sites/targets snapped onto it, Dijkstra.
 *
 * Graph: a node at every vertex (identical coordinates share a node); an edge per segment with its
 * ellipsoidal length. Line *ends* are joined to the nearest vertex of another line within
 * `snapToleranceM` (or, failing that, to the nearest point of another line's segment, which is
 * split there: T-junctions). Lines that merely cross without a shared vertex are NOT connected
 * (bridges/overpasses): the data must carry junction vertices.
 *
 * Straight-line distance is a lower bound of network distance: networkDistanceM ≥ straight
 * distance between the two points (the engine does not enforce it: every edge is as long as its
 * straight segment, so a shorter answer means a wrong graph — see `lowerBoundHolds`).
 *
 * Off-road legs: the straight legs from the site to its snapped road point and from the road to
 * the target are capped (`maxAccessM`, default 2 km): beyond it the answer is "no road within X":
 * `reachable: false` with `noRoadWithinM` set. The share of the figure that is off-road is reported.
 */
import Flatbush from 'flatbush';
import type { Feature } from 'geojson';
import { distanceLL, kxAt, kyAt, pointSegment, type LonLat } from './ruler.ts';
import { toParts } from './geometry.ts';
import { describe } from './target-index.ts';

/** Options of {@link buildNetwork}. */
export interface NetworkOptions {
  /** Join line ends to other lines within this distance (m, ≥ 0). Default 30. */
  snapToleranceM?: number;
  /**
   * Length of an edge between two vertices, metres. Default: the ellipsoidal distance. Only tests
   * change it (a deliberately wrong graph, to show that the lower-bound check can fail).
   */
  edgeLengthM?: (a: LonLat, b: LonLat) => number;
}

/** A point snapped onto the network. */
export interface Snap {
  edge: number;
  /** Position along the edge, 0 at `from`, 1 at `to`. */
  t: number;
  /** Snapped point [lon, lat]. */
  point: LonLat;
  /** Straight access leg from the original point to the snapped point, metres. */
  accessM: number;
}

/** Result of a network distance query. Plain JSON. */
export interface NetworkDistance {
  /** Access legs + distance along the network, metres; null when unreachable or beyond the off-road cap. */
  networkDistanceM: number | null;
  /** Off-road share of the figure: accessM / networkDistanceM (0..1), null when no figure. */
  offroadShare: number | null;
  /** Set when the site's own off-road leg exceeds the cap: "no road within X m" (X = the cap). */
  noRoadWithinM: number | null;
  /** Sum of both straight access legs (site → network, network → target), metres. */
  accessM: number;
  /** False when no path joins the two snapped points (or the network is empty). */
  reachable: boolean;
  /** Straight-line (ellipsoidal) distance between the two points: a lower bound. */
  straightM: number;
  /** Network distance / straight distance (≥ 1), null if unreachable or straight = 0. */
  detourFactor: number | null;
}

/** Off-road cap of a network query. */
export interface AccessOptions {
  /** Longest straight leg between a point and the road, metres (> 0). Default {@link DEFAULT_MAX_ACCESS_M}. */
  maxAccessM?: number;
}

/** Default off-road cap: 2 km. */
export const DEFAULT_MAX_ACCESS_M = 2000;

/**
 * The lower-bound check of a network answer: a reachable network distance is never shorter than
 * the straight line (relative float tolerance 1e-9). False means the graph is wrong.
 */
export function lowerBoundHolds(r: NetworkDistance): boolean {
  return !r.reachable || r.networkDistanceM === null || r.networkDistanceM >= r.straightM * (1 - 1e-9);
}

/** A built road graph; see {@link buildNetwork}. */
export interface RoadNetwork {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Number of connected components. */
  readonly components: number;
  /** Snap a point to the nearest point of the network; null if the network is empty. */
  snap(p: LonLat): Snap | null;
  /** Network distance between two points (each snapped, access legs added, each leg ≤ `maxAccessM`). */
  distance(a: LonLat, b: LonLat, q?: AccessOptions): NetworkDistance;
  /**
   * From one point to the nearest (by network) of several targets; one Dijkstra run. Targets whose
   * own off-road leg exceeds the cap are left out. Returns the best target's index and its
   * distance, or reachable:false with index -1.
   */
  nearestOf(a: LonLat, targets: readonly LonLat[], q?: AccessOptions): NetworkDistance & { targetIndex: number };
}

/**
 * Build a road graph from line features (LineString / MultiLineString; other types ignored).
 * Input is not mutated.
 * @throws `snapToleranceM must be a non-negative number, got X`
 */
export function buildNetwork(lines: readonly Feature[], opts: NetworkOptions = {}): RoadNetwork {
  const tol = opts.snapToleranceM ?? 30;
  if (!(typeof tol === 'number' && Number.isFinite(tol) && tol >= 0)) throw new Error(`snapToleranceM must be a non-negative number, got ${describe(tol)}`);
  const nodeX: number[] = [], nodeY: number[] = [];
  const key = new Map<string, number>();
  const nodeOf = (x: number, y: number): number => {
    const k = x + ',' + y;
    let n = key.get(k);
    if (n === undefined) { n = nodeX.length; nodeX.push(x); nodeY.push(y); key.set(k, n); }
    return n;
  };
  // raw segments per path
  const segA: number[] = [], segB: number[] = [], segPath: number[] = [];
  const ends: { node: number; path: number }[] = [];
  let pathNo = 0;
  for (const f of lines) {
    if (!f?.geometry || (f.geometry.type !== 'LineString' && f.geometry.type !== 'MultiLineString')) continue;
    for (const l of toParts(f.geometry).paths) {
      let prev = nodeOf(l[0][0], l[0][1]);
      ends.push({ node: prev, path: pathNo });
      for (let i = 1; i < l.length; i++) {
        const n = nodeOf(l[i][0], l[i][1]);
        if (n !== prev) { segA.push(prev); segB.push(n); segPath.push(pathNo); }
        prev = n;
      }
      ends.push({ node: prev, path: pathNo });
      pathNo++;
    }
  }
  const lat0 = nodeY.length ? nodeY.reduce((s, y) => s + y, 0) / nodeY.length : 0;
  const KX0 = kxAt(lat0), KY0 = kyAt(lat0);
  const extraA: number[] = [], extraB: number[] = [];
  const splits = new Map<number, { t: number; node: number }[]>();
  if (tol > 0 && segA.length > 0) {
    const nodePath = new Map<number, Set<number>>();
    for (let s = 0; s < segA.length; s++) for (const n of [segA[s], segB[s]]) {
      let set = nodePath.get(n); if (!set) nodePath.set(n, (set = new Set())); set.add(segPath[s]);
    }
    const nfb = new Flatbush(nodeX.length);
    for (let n = 0; n < nodeX.length; n++) nfb.add(nodeX[n] * KX0, nodeY[n] * KY0);
    nfb.finish();
    const sfb = new Flatbush(segA.length);
    for (let s = 0; s < segA.length; s++) {
      const a = segA[s], b = segB[s];
      sfb.add(Math.min(nodeX[a], nodeX[b]) * KX0, Math.min(nodeY[a], nodeY[b]) * KY0, Math.max(nodeX[a], nodeX[b]) * KX0, Math.max(nodeY[a], nodeY[b]) * KY0);
    }
    sfb.finish();
    const r = tol * 1.01;
    for (const e of ends) {
      const ex = nodeX[e.node], ey = nodeY[e.node];
      const foreign = (n: number) => !(nodePath.get(n)?.has(e.path)) || false;
      // already joined to another path at this exact node?
      if ((nodePath.get(e.node)?.size ?? 0) > 1) continue;
      const near = nfb.neighbors(ex * KX0, ey * KY0, 1, r, (n: number) => n !== e.node && foreign(n));
      if (near.length && distanceLL(ex, ey, nodeX[near[0]], nodeY[near[0]]) <= tol) {
        extraA.push(e.node); extraB.push(near[0]);
        continue;
      }
      let best = Infinity, bs = -1, bt = 0;
      for (const s of sfb.search(ex * KX0 - r, ey * KY0 - r, ex * KX0 + r, ey * KY0 + r)) {
        if (segPath[s] === e.path) continue;
        const ps = pointSegment(ex, ey, nodeX[segA[s]], nodeY[segA[s]], nodeX[segB[s]], nodeY[segB[s]]);
        if (ps.distanceM <= tol && ps.distanceM < best) { best = ps.distanceM; bs = s; bt = ps.t; }
      }
      if (bs >= 0) {
        const px = nodeX[segA[bs]] + (nodeX[segB[bs]] - nodeX[segA[bs]]) * bt;
        const py = nodeY[segA[bs]] + (nodeY[segB[bs]] - nodeY[segA[bs]]) * bt;
        const n = nodeOf(px, py);
        let l = splits.get(bs); if (!l) splits.set(bs, (l = [])); l.push({ t: bt, node: n });
        if (n !== e.node) { extraA.push(e.node); extraB.push(n); }
      }
    }
  }
  // final edges
  const eFrom: number[] = [], eTo: number[] = [];
  for (let s = 0; s < segA.length; s++) {
    const sp = splits.get(s);
    if (!sp) { eFrom.push(segA[s]); eTo.push(segB[s]); continue; }
    sp.sort((p, q) => p.t - q.t);
    let prev = segA[s];
    for (const p of sp) { if (p.node !== prev) { eFrom.push(prev); eTo.push(p.node); prev = p.node; } }
    if (prev !== segB[s]) { eFrom.push(prev); eTo.push(segB[s]); }
  }
  for (let i = 0; i < extraA.length; i++) { eFrom.push(extraA[i]); eTo.push(extraB[i]); }
  const E = eFrom.length, N = nodeX.length;
  const eLen = new Float64Array(E);
  const lenOf = opts.edgeLengthM;
  for (let e = 0; e < E; e++) {
    eLen[e] = lenOf
      ? lenOf([nodeX[eFrom[e]], nodeY[eFrom[e]]], [nodeX[eTo[e]], nodeY[eTo[e]]])
      : distanceLL(nodeX[eFrom[e]], nodeY[eFrom[e]], nodeX[eTo[e]], nodeY[eTo[e]]);
  }
  // CSR adjacency
  const deg = new Int32Array(N + 1);
  for (let e = 0; e < E; e++) { deg[eFrom[e] + 1]++; deg[eTo[e] + 1]++; }
  for (let n = 0; n < N; n++) deg[n + 1] += deg[n];
  const adjNode = new Int32Array(2 * E), adjLen = new Float64Array(2 * E);
  const fill = deg.slice(0, N);
  for (let e = 0; e < E; e++) {
    const a = eFrom[e], b = eTo[e];
    adjNode[fill[a]] = b; adjLen[fill[a]++] = eLen[e];
    adjNode[fill[b]] = a; adjLen[fill[b]++] = eLen[e];
  }
  // components (union-find)
  const parent = Int32Array.from({ length: N }, (_, i) => i);
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
  for (let e = 0; e < E; e++) { const a = find(eFrom[e]), b = find(eTo[e]); if (a !== b) parent[a] = b; }
  let components = 0;
  for (let n = 0; n < N; n++) if (find(n) === n && deg[n + 1] > deg[n]) components++;
  // edge index for snapping
  let efb: Flatbush | null = null;
  if (E > 0) {
    efb = new Flatbush(E);
    for (let e = 0; e < E; e++) {
      const a = eFrom[e], b = eTo[e];
      efb.add(Math.min(nodeX[a], nodeX[b]) * KX0, Math.min(nodeY[a], nodeY[b]) * KY0, Math.max(nodeX[a], nodeX[b]) * KX0, Math.max(nodeY[a], nodeY[b]) * KY0);
    }
    efb.finish();
  }

  // memo of snaps (targets such as substations and district centres are snapped once)
  const snapMemo = new Map<string, Snap | null>();
  const snap = (p: LonLat): Snap | null => {
    const key = p[0] + ',' + p[1];
    const hit = snapMemo.get(key);
    if (hit !== undefined) return hit && { ...hit, point: [hit.point[0], hit.point[1]] };
    const r = snapRaw(p);
    if (snapMemo.size < 10_000) snapMemo.set(key, r);
    return r && { ...r, point: [r.point[0], r.point[1]] };
  };
  const snapRaw = (p: LonLat): Snap | null => {
    if (!efb) return null;
    const [px, py] = p;
    const first = efb.neighbors(px * KX0, py * KY0, 1)[0];
    const d1 = pointSegment(px, py, nodeX[eFrom[first]], nodeY[eFrom[first]], nodeX[eTo[first]], nodeY[eTo[first]]).distanceM;
    const rx = d1 / kxAt(Math.min(89, Math.abs(py) + d1 / 1.1e5 + 0.01)) * 1.001 + 1e-9, ry = d1 / kyAt(0) * 1.001 + 1e-9;
    let best: Snap | null = null;
    for (const e of efb.search((px - rx) * KX0, (py - ry) * KY0, (px + rx) * KX0, (py + ry) * KY0)) {
      const r = pointSegment(px, py, nodeX[eFrom[e]], nodeY[eFrom[e]], nodeX[eTo[e]], nodeY[eTo[e]]);
      if (!best || r.distanceM < best.accessM || (r.distanceM === best.accessM && e < best.edge)) best = { edge: e, t: r.t, point: [r.lon, r.lat], accessM: r.distanceM };
    }
    return best;
  };

  const dijkstra = (s: Snap, stopAt: Set<number> | null): Float64Array => {
    const dist = new Float64Array(N).fill(Infinity);
    const heap = new MinHeap();
    const a = eFrom[s.edge], b = eTo[s.edge];
    dist[a] = s.t * eLen[s.edge]; heap.push(a, dist[a]);
    const db = (1 - s.t) * eLen[s.edge];
    if (db < dist[b]) { dist[b] = db; heap.push(b, db); }
    let remaining = stopAt ? stopAt.size : -1;
    const done = new Uint8Array(N);
    while (heap.size) {
      const [u, du] = heap.pop();
      if (done[u] || du > dist[u]) continue;
      done[u] = 1;
      if (stopAt && stopAt.has(u) && --remaining === 0) break;
      for (let k = deg[u]; k < deg[u + 1]; k++) {
        const v = adjNode[k], nd = du + adjLen[k];
        if (nd < dist[v]) { dist[v] = nd; heap.push(v, nd); }
      }
    }
    return dist;
  };

  const costTo = (s: Snap, t: Snap, dist: Float64Array): number => {
    const e = t.edge;
    let c = Math.min(dist[eFrom[e]] + t.t * eLen[e], dist[eTo[e]] + (1 - t.t) * eLen[e]);
    if (e === s.edge) c = Math.min(c, Math.abs(s.t - t.t) * eLen[e]);
    return c;
  };

  const nearestOf = (a: LonLat, targets: readonly LonLat[], q: AccessOptions = {}): NetworkDistance & { targetIndex: number } => {
    const cap = q.maxAccessM ?? DEFAULT_MAX_ACCESS_M;
    if (!(typeof cap === 'number' && cap > 0)) throw new Error(`maxAccessM must be a positive number, got ${describe(cap)}`);
    const sa = snap(a);
    const none = (straightM: number, noRoad: boolean) => ({ networkDistanceM: null, accessM: 0, reachable: false, straightM, detourFactor: null, offroadShare: null, noRoadWithinM: noRoad ? cap : null, targetIndex: -1 });
    const straight0 = targets.length ? distanceLL(a[0], a[1], targets[0][0], targets[0][1]) : 0;
    if (!sa || targets.length === 0) return none(straight0, !!targets.length);
    if (sa.accessM > cap) return none(straight0, true);
    const snaps = targets.map((t) => snap(t)!);
    const stop = new Set<number>();
    snaps.forEach((t) => { if (t.accessM <= cap) { stop.add(eFrom[t.edge]); stop.add(eTo[t.edge]); } });
    if (stop.size === 0) return none(straight0, false);
    const dist = dijkstra(sa, stop);
    let best = Infinity, bi = -1;
    snaps.forEach((t, i) => {
      if (t.accessM > cap) return;
      const c = costTo(sa, t, dist) + sa.accessM + t.accessM;
      if (c < best) { best = c; bi = i; }
    });
    if (bi < 0 || !Number.isFinite(best)) return none(straight0, false);
    const straightM = distanceLL(a[0], a[1], targets[bi][0], targets[bi][1]);
    // no clamp to the straight line: a shorter answer would be a wrong graph (lowerBoundHolds)
    const networkDistanceM = best;
    const accessM = sa.accessM + snaps[bi].accessM;
    return {
      networkDistanceM, accessM, reachable: true, straightM,
      detourFactor: straightM > 0 ? networkDistanceM / straightM : null,
      offroadShare: networkDistanceM > 0 ? accessM / networkDistanceM : 0, noRoadWithinM: null, targetIndex: bi,
    };
  };

  return {
    nodeCount: N, edgeCount: E, components,
    snap,
    distance: (a, b, q) => { const { targetIndex: _ti, ...r } = nearestOf(a, [b], q); void _ti; if (!r.reachable) r.straightM = distanceLL(a[0], a[1], b[0], b[1]); return r; },
    nearestOf,
  };
}

/** Binary min-heap of (node, priority). */
class MinHeap {
  private ids: number[] = [];
  private pr: number[] = [];
  get size(): number { return this.ids.length; }
  push(id: number, p: number): void {
    const ids = this.ids, pr = this.pr;
    let i = ids.length;
    ids.push(id); pr.push(p);
    while (i > 0) {
      const par = (i - 1) >> 1;
      if (pr[par] <= p) break;
      ids[i] = ids[par]; pr[i] = pr[par]; i = par;
    }
    ids[i] = id; pr[i] = p;
  }
  pop(): [number, number] {
    const ids = this.ids, pr = this.pr;
    const top: [number, number] = [ids[0], pr[0]];
    const lastId = ids.pop()!, lastP = pr.pop()!;
    const n = ids.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && pr[c + 1] < pr[c]) c++;
        if (pr[c] >= lastP) break;
        ids[i] = ids[c]; pr[i] = pr[c]; i = c;
      }
      ids[i] = lastId; pr[i] = lastP;
    }
    return top;
  }
}
