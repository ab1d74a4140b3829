/** One stratum's share of the sample. */
export interface StratumAllocation {
  stratum: string;
  /** Items in the stratum after filters and exclusions (N_h). */
  population: number;
  /** Items to draw (n_h). */
  sample: number;
}

export interface AllocateOptions {
  /** 'proportional' (n·N_h/N) or 'neyman' (n·N_h·S_h / Σ N_j·S_j). */
  method: 'proportional' | 'neyman';
  /** For Neyman: the standard deviation S_h per stratum (e.g. sqrt(p(1−p)) of the expected error rate). */
  spread?: Record<string, number>;
  /** Every stratum gets at least this many (or all its items, if fewer). */
  minimum?: number;
}

/**
 * Splits a sample of `n` across strata, rounding by largest remainder so the total is exactly
 * `min(n, N)`, never more than a stratum holds, and at least `minimum` where it can.
 *
 * @example allocate([{ stratum: 'JP', population: 600 }, { stratum: 'US', population: 400 }], 10, {
 *   method: 'proportional',
 * })
 * // [{ stratum: 'JP', population: 600, sample: 6 }, { stratum: 'US', population: 400, sample: 4 }]
 * Invalid input: a negative or fractional n throws a RangeError; when the minimums alone exceed n,
 * the minimums win (the total is then the sum of minimums) — the pane shows that total.
 */
export function allocate(
  strata: readonly { stratum: string; population: number }[],
  n: number,
  options: AllocateOptions,
): StratumAllocation[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample size must be a whole number ≥ 0, got ${n}`);
  const total = strata.reduce((s, x) => s + x.population, 0);
  const target = Math.min(n, total);
  const result = strata.map((s) => ({
    stratum: s.stratum,
    population: s.population,
    sample: Math.min(options.minimum ?? 0, s.population),
  }));
  let remaining = target - result.reduce((s, x) => s + x.sample, 0);
  if (remaining <= 0) return result;
  const weightOf = (i: number) => {
    const s = strata[i];
    if (options.method === 'neyman') return s.population * (options.spread?.[s.stratum] ?? 0);
    return s.population;
  };
  // When every spread is zero Neyman has nothing to go on: fall back to proportional.
  const useWeights = strata.some((_, i) => weightOf(i) > 0);
  const weight = (i: number) => (useWeights ? weightOf(i) : strata[i].population);
  // Water-filling: share what is left among strata that still have room, capping at N_h.
  for (let guard = 0; remaining > 0 && guard < strata.length + 2; guard++) {
    const open = result.map((r, i) => i).filter((i) => result[i].sample < result[i].population && weight(i) > 0);
    if (open.length === 0) break;
    const wsum = open.reduce((s, i) => s + weight(i), 0);
    const ideal = open.map((i) => ({ i, share: (remaining * weight(i)) / wsum }));
    let capped = false;
    for (const { i, share } of ideal) {
      if (result[i].sample + share >= result[i].population) {
        remaining -= result[i].population - result[i].sample;
        result[i].sample = result[i].population;
        capped = true;
      }
    }
    if (capped) continue;
    let given = 0;
    const fractions = ideal.map(({ i, share }) => {
      const whole = Math.floor(share);
      result[i].sample += whole;
      given += whole;
      return { i, frac: share - whole };
    });
    remaining -= given;
    // Largest remainder; ties go to the earlier stratum so the result is deterministic.
    fractions.sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (const { i } of fractions) {
      if (remaining <= 0) break;
      if (result[i].sample < result[i].population) {
        result[i].sample++;
        remaining--;
      }
    }
  }
  // Strata with no weight (Neyman spread 0) still fill up when every weighted one is full.
  for (const r of result) {
    if (remaining <= 0) break;
    const take = Math.min(remaining, r.population - r.sample);
    r.sample += take;
    remaining -= take;
  }
  return result;
}
