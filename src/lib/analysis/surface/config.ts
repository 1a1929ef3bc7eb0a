/**
 * A surface configuration as a plain JSON object (the CLI's `--weights` file; the same shape can
 * be saved from the app): direct weights, or AHP judgements over some criteria, plus sectors,
 * shapes and thresholds. Every error names the bad field.
 *
 * ```json
 * { "weights": { "road": 30, "labour": 5 }, "sectors": ["wood"],
 *   "shapes": { "river": { "kind": "ideal", "loM": 2000, "hiM": 5000, "falloffM": 5000 } },
 *   "thresholds": { "river": { "excludeWithinM": 100 } } }
 * { "ahp": { "criteria": ["mv-line", "road", "labour"], "matrix": [[1, 3, 5], ["1/3", 1, 3], ["1/5", "1/3", 1]] } }
 * ```
 * With `ahp`, the listed criteria get the AHP weights (scaled to sum 100) and every other share
 * criterion 0; the protected-area penalty stays as given in `weights` or its default.
 */
import { SECTORS } from '../../data/schema.ts';
import { ahpWeights, type AhpResult } from './ahp.ts';
import { shapeError, SURFACE_CRITERIA, SURFACE_WEIGHT_KEYS, type Shape, type SurfaceCriterion, type SurfaceWeights, type Threshold } from './criteria.ts';

/** A parsed configuration. */
export interface SurfaceConfig {
  weights: Partial<SurfaceWeights>;
  sectors: string[];
  shapes: Partial<Record<SurfaceCriterion, Shape>>;
  thresholds: Partial<Record<SurfaceCriterion, Threshold>>;
  /** The AHP result when the weights came from judgements. */
  ahp: (AhpResult & { criteria: string[] }) | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A judgement: a positive number or a fraction string "a/b". */
function judgement(v: unknown, where: string): number {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(v);
    if (m) { const x = Number(m[1]) / (m[2] ? Number(m[2]) : 1); if (Number.isFinite(x) && x > 0) return x; }
  }
  throw new Error(`${where} must be a positive number or a fraction like "1/3", got ${JSON.stringify(v)}`);
}

/**
 * Parse and check a configuration.
 * @throws e.g. `weights.road must be a non-negative number, got "x"`, `unknown weight "roads" (known: …)`
 */
export function parseSurfaceConfig(json: unknown): SurfaceConfig {
  if (!isObj(json)) throw new Error('the configuration must be a JSON object');
  for (const k of Object.keys(json)) if (!['weights', 'ahp', 'sectors', 'shapes', 'thresholds'].includes(k)) throw new Error(`unknown key "${k}" (known: weights, ahp, sectors, shapes, thresholds)`);
  const weights: Partial<SurfaceWeights> = {};
  if (json.weights !== undefined) {
    if (!isObj(json.weights)) throw new Error('weights must be an object of criterion → number');
    for (const [k, v] of Object.entries(json.weights)) {
      if (!(SURFACE_WEIGHT_KEYS as readonly string[]).includes(k)) throw new Error(`unknown weight "${k}" (known: ${SURFACE_WEIGHT_KEYS.join(', ')})`);
      if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) throw new Error(`weights.${k} must be a non-negative number, got ${JSON.stringify(v)}`);
      (weights as Record<string, number>)[k] = v;
    }
  }
  let ahp: SurfaceConfig['ahp'] = null;
  if (json.ahp !== undefined) {
    const a = json.ahp;
    if (!isObj(a) || !Array.isArray(a.criteria) || !Array.isArray(a.matrix)) throw new Error('ahp must be { "criteria": [...], "matrix": [[...], ...] }');
    const shareKeys = SURFACE_WEIGHT_KEYS.filter((k) => k !== 'protected-area') as string[];
    const crit = a.criteria.map((c, i) => {
      if (typeof c !== 'string' || !shareKeys.includes(c)) throw new Error(`ahp.criteria[${i}] must be one of ${shareKeys.join(', ')}, got ${JSON.stringify(c)}`);
      return c;
    });
    if (new Set(crit).size !== crit.length) throw new Error('ahp.criteria has a criterion twice');
    if (a.matrix.length !== crit.length) throw new Error(`ahp.matrix must have ${crit.length} rows (one per criterion), got ${a.matrix.length}`);
    const m = a.matrix.map((row, i) => {
      if (!Array.isArray(row)) throw new Error(`ahp.matrix row ${i + 1} must be an array`);
      return row.map((v, j) => judgement(v, `ahp.matrix[${i + 1}][${j + 1}]`));
    });
    const r = ahpWeights(m);
    ahp = { ...r, criteria: crit };
    for (const k of shareKeys) (weights as Record<string, number>)[k] = 0;
    crit.forEach((c, i) => { (weights as Record<string, number>)[c] = r.weights[i] * 100; });
  }
  let sectors: string[] = [];
  if (json.sectors !== undefined) {
    if (!Array.isArray(json.sectors)) throw new Error('sectors must be an array of sector keywords');
    sectors = json.sectors.map((s, i) => {
      if (typeof s !== 'string' || !(SECTORS as readonly string[]).includes(s)) throw new Error(`sectors[${i}] must be one of ${SECTORS.join(', ')}, got ${JSON.stringify(s)}`);
      return s;
    });
  }
  const perCriterion = <T>(key: 'shapes' | 'thresholds', check: (k: string, v: unknown) => T): Partial<Record<SurfaceCriterion, T>> => {
    const o = json[key];
    if (o === undefined) return {};
    if (!isObj(o)) throw new Error(`${key} must be an object of criterion → ${key === 'shapes' ? 'shape' : 'threshold'}`);
    const out: Partial<Record<SurfaceCriterion, T>> = {};
    for (const [k, v] of Object.entries(o)) {
      if (!(SURFACE_CRITERIA as readonly string[]).includes(k)) throw new Error(`${key}: unknown criterion "${k}" (known: ${SURFACE_CRITERIA.join(', ')})`);
      out[k as SurfaceCriterion] = check(k, v);
    }
    return out;
  };
  const shapes = perCriterion('shapes', (k, v) => { const e = shapeError(k, v); if (e) throw new Error(e); return v as Shape; });
  const thresholds = perCriterion('thresholds', (k, v) => {
    if (!isObj(v)) throw new Error(`thresholds.${k} must be an object`);
    for (const [tk, tv] of Object.entries(v)) {
      if (tk !== 'excludeWithinM' && tk !== 'excludeBeyondM') throw new Error(`thresholds.${k}: unknown key "${tk}" (known: excludeWithinM, excludeBeyondM)`);
      if (!(typeof tv === 'number' && Number.isFinite(tv) && tv >= 0)) throw new Error(`thresholds.${k}.${tk} must be a non-negative number of metres, got ${JSON.stringify(tv)}`);
    }
    return v as Threshold;
  });
  return { weights, sectors, shapes, thresholds, ahp };
}
