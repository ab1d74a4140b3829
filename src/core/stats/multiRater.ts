/**
 * Agreement among any number of raters, with missing ratings: every coefficient here is computed
 * from one units × categories table of counts (how many raters put unit u in category k), so a
 * bootstrap resample is only a list of unit indexes and costs no copying.
 *
 * Formulas: Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., ch. 2–4 (the "raw ratings"
 * forms that allow missing values: pa over units with ≥ 2 ratings, π_k over every rated unit);
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" (coincidence matrix).
 */

/** A units × categories table of rating counts. `counts[u * q + k]` raters put unit u in category k. */
export interface RatingCounts {
  units: number;
  /** The number of categories (the verdicts, or verdict+policy pairs, that occur). */
  q: number;
  counts: Int32Array;
}

/** The agreement coefficients this module computes; each takes the table and the units to use. */
export type CoefficientFn = (table: RatingCounts, units?: ArrayLike<number>) => number;

const allUnits = (table: RatingCounts): Int32Array => {
  const a = new Int32Array(table.units);
  for (let i = 0; i < a.length; i++) a[i] = i;
  return a;
};

/** Percent agreement pa and the category proportions π_k, as Gwet defines them with missing ratings. */
function agreementParts(
  table: RatingCounts,
  units: ArrayLike<number>,
): { pa: number; pi: Float64Array; rated: number } {
  const { q, counts } = table;
  const pi = new Float64Array(q);
  let paSum = 0;
  let pairable = 0;
  let rated = 0;
  for (let j = 0; j < units.length; j++) {
    const base = units[j] * q;
    let r = 0;
    for (let k = 0; k < q; k++) r += counts[base + k];
    if (r === 0) continue;
    rated++;
    for (let k = 0; k < q; k++) pi[k] += counts[base + k] / r;
    if (r < 2) continue;
    pairable++;
    let same = 0;
    for (let k = 0; k < q; k++) same += counts[base + k] * (counts[base + k] - 1);
    paSum += same / (r * (r - 1));
  }
  for (let k = 0; k < q; k++) pi[k] /= rated || 1;
  return { pa: pairable ? paSum / pairable : NaN, pi, rated };
}

/**
 * Fleiss' kappa, generalized to units rated by different numbers of raters as Gwet (2014) does:
 * (pa − pe)/(1 − pe), pe = Σ π_k². With the same number of raters per unit it is Fleiss (1971)'s.
 *
 * @example fleissKappa(countsOf(fleiss1971)) // 0.4302 (Fleiss 1971's 30 patients, 6 psychiatrists)
 * Invalid input: no unit with two ratings gives NaN; all ratings in one category gives NaN.
 */
export function fleissKappaOf(table: RatingCounts, units: ArrayLike<number> = allUnits(table)): number {
  const { pa, pi } = agreementParts(table, units);
  let pe = 0;
  for (const p of pi) pe += p * p;
  return pe === 1 ? NaN : (pa - pe) / (1 - pe);
}

/**
 * Gwet's AC1 for any number of raters: (pa − pe)/(1 − pe), pe = Σ π_k(1 − π_k)/(q − 1).
 *
 * @example gwetAC1Of(countsOf(gwetTable120)) // 0.775 (Gwet 2014, 4 raters × 12 units, p. 120)
 * Invalid input: q < 2 or no pairable unit gives NaN.
 */
export function gwetAC1Of(table: RatingCounts, units: ArrayLike<number> = allUnits(table)): number {
  if (table.q < 2) return NaN;
  const { pa, pi } = agreementParts(table, units);
  let s = 0;
  for (const p of pi) s += p * (1 - p);
  const pe = s / (table.q - 1);
  return (pa - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha, nominal: 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k over pairable units
 * (two ratings or more), with o_ck the coincidences Σ_u n_uc·n_uk/(m_u − 1).
 *
 * @example krippendorffAlphaOf(countsOf(krippendorff2011)) // 0.743 (4 observers, 12 units, missing values)
 * Invalid input: no pairable unit gives NaN; no variation gives 1 when nothing disagrees.
 */
export function krippendorffAlphaOf(table: RatingCounts, units: ArrayLike<number> = allUnits(table)): number {
  const { q, counts } = table;
  const nc = new Float64Array(q);
  let disagree = 0;
  let n = 0;
  for (let j = 0; j < units.length; j++) {
    const base = units[j] * q;
    let m = 0;
    let sq = 0;
    for (let k = 0; k < q; k++) {
      m += counts[base + k];
      sq += counts[base + k] * counts[base + k];
    }
    if (m < 2) continue;
    n += m;
    for (let k = 0; k < q; k++) nc[k] += counts[base + k];
    disagree += (m * m - sq) / (m - 1);
  }
  if (n <= 1) return NaN;
  let ncSq = 0;
  for (const v of nc) ncSq += v * v;
  const expected = n * n - ncSq;
  if (expected === 0) return disagree === 0 ? 1 : NaN;
  return 1 - ((n - 1) * disagree) / expected;
}

/**
 * A deterministic pseudo-random generator (mulberry32) seeded from text: the bootstrap's draws,
 * the same on every platform for the same seed.
 *
 * @example seededRandom('calib-1')() // a number in [0, 1), always the same for 'calib-1'
 */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  seed: string;
  /** Resamples (default 1000). */
  resamples?: number;
  confidence?: number;
}

/**
 * Percentile bootstrap intervals over units: `resamples` times, draw as many units as there are
 * (with replacement, from `seededRandom(seed)`), and compute every statistic on the same draw.
 * Resamples where a statistic is undefined (NaN) are left out of its interval.
 *
 * @example bootstrapIntervals(100, [(u) => mean(u)], { seed: 's' })[0] // [low, high], the same for the same seed
 * Invalid input: no units gives [NaN, NaN] for every statistic.
 */
export function bootstrapIntervals(
  units: number,
  statistics: readonly ((units: Int32Array) => number)[],
  options: BootstrapOptions,
): [number, number][] {
  const b = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (units === 0) return statistics.map(() => [NaN, NaN]);
  const random = seededRandom(options.seed);
  const values = statistics.map(() => [] as number[]);
  const draw = new Int32Array(units);
  for (let r = 0; r < b; r++) {
    for (let i = 0; i < units; i++) draw[i] = Math.floor(random() * units);
    statistics.forEach((stat, s) => {
      const v = stat(draw);
      if (Number.isFinite(v)) values[s].push(v);
    });
  }
  const tail = (1 - confidence) / 2;
  return values.map((v) => {
    if (v.length === 0) return [NaN, NaN];
    v.sort((x, y) => x - y);
    const at = (p: number) => v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))];
    return [at(tail), at(1 - tail)];
  });
}

/**
 * The counts table of ratings given as one row per rater and one column per unit (null, undefined
 * or '' missing), with its categories in first-seen order.
 *
 * @example countsOfRatings([['a', 'b'], ['a', null]]).counts // Int32Array [2, 0, 0, 1]
 * Invalid input: rows of different lengths throw a RangeError.
 */
export function countsOfRatings(
  ratings: readonly (readonly (string | number | null | undefined)[])[],
): RatingCounts & { categories: string[] } {
  const units = ratings[0]?.length ?? 0;
  if (ratings.some((r) => r.length !== units)) throw new RangeError('every rater row must have one entry per unit');
  const index = new Map<string, number>();
  for (const r of ratings)
    for (const v of r)
      if (v !== null && v !== undefined && v !== '' && !index.has(String(v))) index.set(String(v), index.size);
  const q = index.size;
  const counts = new Int32Array(units * q);
  for (const r of ratings)
    r.forEach((v, u) => {
      if (v !== null && v !== undefined && v !== '') counts[u * q + (index.get(String(v)) as number)]++;
    });
  return { units, q, counts, categories: [...index.keys()] };
}
