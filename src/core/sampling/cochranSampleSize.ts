import { normalQuantile } from '../stats/normalQuantile';

export interface CochranOptions {
  /** Lot size N; omit (or Infinity) for no finite population correction. */
  population?: number;
  /** Confidence level, e.g. 0.95. */
  confidence: number;
  /** Margin of error e, e.g. 0.05 for ±5 points. */
  margin: number;
  /** Expected proportion p; 0.5 is the safe default (largest n). */
  proportion?: number;
}

/**
 * Cochran's sample size to estimate an error rate: n0 = z²·p(1−p)/e², then the finite population
 * correction n = n0 / (1 + (n0 − 1)/N), rounded up.
 *
 * @example cochranSampleSize({ confidence: 0.95, margin: 0.05 }) // 385
 * Invalid input: confidence outside (0, 1), margin outside (0, 1), p outside [0, 1] or a
 * population below 1 throws a RangeError.
 */
export function cochranSampleSize(options: CochranOptions): number {
  const { confidence, margin } = options;
  const p = options.proportion ?? 0.5;
  const N = options.population ?? Infinity;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  if (!(margin > 0 && margin < 1)) throw new RangeError('margin must be between 0 and 1');
  if (!(p >= 0 && p <= 1)) throw new RangeError('proportion must be between 0 and 1');
  if (!(N >= 1)) throw new RangeError('population must be at least 1');
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const n0 = (z * z * p * (1 - p)) / (margin * margin);
  const n = Number.isFinite(N) ? n0 / (1 + (n0 - 1) / N) : n0;
  // Guard against 384.0000000001 from rounding noise before rounding up.
  return Math.min(Number.isFinite(N) ? N : Infinity, Math.max(1, Math.ceil(n - 1e-9)));
}
