import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { normalQuantile } from './normalQuantile';

function check(successes: number, trials: number, confidence: number): void {
  if (!Number.isInteger(trials) || trials < 0) throw new RangeError(`trials must be a whole number ≥ 0, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError(`successes must be a whole number from 0 to trials, got ${successes}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
}

/**
 * The Wilson score interval for a proportion x/n.
 *
 * @example wilsonInterval(81, 263, 0.95) // [0.2553…, 0.3662…] (Newcombe 1998)
 * Invalid input: n = 0 gives [0, 1] (nothing is known); x outside 0…n, a fractional count or a
 * confidence outside (0, 1) throws a RangeError.
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): [number, number] {
  check(successes, trials, confidence);
  if (trials === 0) return [0, 1];
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const center = successes + z2 / 2;
  const half = z * Math.sqrt((successes * (trials - successes)) / trials + z2 / 4);
  const denom = trials + z2;
  return [Math.max(0, (center - half) / denom), Math.min(1, (center + half) / denom)];
}

/**
 * The Clopper–Pearson (exact) interval: Beta quantiles at α/2 and 1 − α/2.
 *
 * @example clopperPearsonInterval(7, 50, 0.95) // [0.058191700…, 0.267396002…] (SciPy binomtest)
 * Invalid input: as wilsonInterval.
 */
export function clopperPearsonInterval(successes: number, trials: number, confidence = 0.95): [number, number] {
  check(successes, trials, confidence);
  if (trials === 0) return [0, 1];
  const alpha = 1 - confidence;
  const low = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, trials - successes + 1);
  const high = successes === trials ? 1 : betaQuantile(1 - alpha / 2, successes + 1, trials - successes);
  return [low, high];
}
