import { wilsonInterval } from './intervals';
import { normalQuantile } from './normalQuantile';

/** One sampled item for the weighted estimate: its weight (1/inclusion probability) and stratum. */
export interface WeightedItem {
  /** true: correct, false: a defect, null: not decided yet (pending; only its weight counts toward N_h). */
  correct: boolean | null;
  weight: number;
  /** The stratum the item was drawn from ('' for an unstratified draw). */
  stratum: string;
}

export interface WeightedAccuracy {
  /** Hájek estimate Σ w·y / Σ w over decided items. */
  estimate: number;
  /** Interval at the given confidence (see weightedAccuracy). */
  interval: [number, number];
  /** Standard error by Taylor linearization. */
  standardError: number;
  /** Kish's effective sample size p(1−p)/V, the n the interval is computed on. */
  effectiveN: number;
  /** Whether the decided items' weights differ (then the estimate, not the plain rate, speaks for the lot). */
  weightsDiffer: boolean;
}

/**
 * Weighted (Hájek) accuracy of a stratified or unequal-probability sample, with an interval.
 *
 * Variance: Taylor linearization of the ratio Σwy/Σw with strata and a finite-population
 * correction, V = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_{i∈h} (z_i − z̄_h)² / (Σw)², z_i = w_i (y_i − p̂),
 * f_h = n_h / N_h with N_h the weight of every sampled item of stratum h (what R's
 * `survey::svymean` computes for a stratified design with fpc). With one weight per stratum this
 * is Cochran's V(p_st) = Σ W_h² (1 − f_h) p_h q_h / (n_h − 1). A stratum with one decided item
 * adds nothing (its variance cannot be estimated).
 * Interval: Wilson's score interval on Kish's effective sample size n* = p̂(1 − p̂)/V, with
 * p̂·n* "successes" (the design-effect-adjusted Wilson interval; Korn & Graubard 1998 discuss
 * it); when p̂ is 0 or 1 the variance is 0 and the plain Wilson interval on the decided count is
 * used.
 *
 * @example weightedAccuracy([{ correct: true, weight: 10, stratum: 'JP' }, …]).estimate // 0.93
 * Invalid input: no decided item gives NaN with [0, 1]; weights ≤ 0 or not finite are ignored.
 */
export function weightedAccuracy(items: readonly WeightedItem[], confidence = 0.95): WeightedAccuracy {
  const strata = new Map<string, { N: number; decided: { w: number; y: number }[] }>();
  for (const it of items) {
    if (!(it.weight > 0) || !Number.isFinite(it.weight)) continue;
    let s = strata.get(it.stratum);
    if (!s) strata.set(it.stratum, (s = { N: 0, decided: [] }));
    s.N += it.weight;
    if (it.correct !== null) s.decided.push({ w: it.weight, y: it.correct ? 1 : 0 });
  }
  const decided = [...strata.values()].flatMap((s) => s.decided);
  const W = decided.reduce((a, d) => a + d.w, 0);
  if (!decided.length || W === 0)
    return { estimate: NaN, interval: [0, 1], standardError: NaN, effectiveN: 0, weightsDiffer: false };
  const p = decided.reduce((a, d) => a + d.w * d.y, 0) / W;
  let v = 0;
  for (const s of strata.values()) {
    const n = s.decided.length;
    if (n < 2) continue;
    const z = s.decided.map((d) => d.w * (d.y - p));
    const mean = z.reduce((a, x) => a + x, 0) / n;
    const f = Math.min(1, n / s.N);
    v += (1 - f) * (n / (n - 1)) * z.reduce((a, x) => a + (x - mean) ** 2, 0);
  }
  v /= W * W;
  const weightsDiffer = decided.some((d) => Math.abs(d.w - decided[0].w) > 1e-9 * decided[0].w);
  if (v <= 0) {
    const correct = decided.filter((d) => d.y === 1).length;
    return {
      estimate: p,
      interval: wilsonInterval(correct, decided.length, confidence),
      standardError: 0,
      effectiveN: decided.length,
      weightsDiffer,
    };
  }
  const nEff = (p * (1 - p)) / v;
  return {
    estimate: p,
    interval: wilsonFractional(p, nEff, confidence),
    standardError: Math.sqrt(v),
    effectiveN: nEff,
    weightsDiffer,
  };
}

/** Wilson's score interval for a proportion p on a (possibly fractional) sample size n. */
function wilsonFractional(p: number, n: number, confidence: number): [number, number] {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
