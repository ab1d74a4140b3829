import erfcinv from '@stdlib/math-base-special-erfcinv';

/**
 * The standard normal quantile Φ⁻¹(p), via stdlib's inverse complementary error function:
 * Φ⁻¹(p) = −√2 · erfcinv(2p).
 *
 * @example normalQuantile(0.975) // 1.959963984540054
 * Invalid input: p outside (0, 1) gives NaN (or ±Infinity at 0 and 1).
 */
export function normalQuantile(p: number): number {
  return -Math.SQRT2 * erfcinv(2 * p);
}
