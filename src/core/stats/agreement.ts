function checkSquare(table: readonly (readonly number[])[]): number {
  const q = table.length;
  if (q === 0 || table.some((r) => r.length !== q))
    throw new RangeError('the table must be square (rows: first rater, columns: second rater)');
  let n = 0;
  for (const r of table)
    for (const v of r) {
      if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError('counts must be finite and ≥ 0');
      n += v;
    }
  return n;
}

/**
 * Cohen's kappa on a square contingency table (rows: first rater, columns: second rater):
 * (po − pe)/(1 − pe), pe = Σ p_k+ · p_+k.
 *
 * @example cohenKappa([[20, 5], [10, 15]]) // 0.4
 * Invalid input: a non-square table or negative counts throws a RangeError; an empty table, or
 * one where chance agreement is 1 (one category only), gives NaN.
 */
export function cohenKappa(table: readonly (readonly number[])[]): number {
  const n = checkSquare(table);
  if (n === 0) return NaN;
  const q = table.length;
  let po = 0;
  let pe = 0;
  for (let k = 0; k < q; k++) {
    po += table[k][k] / n;
    const row = table[k].reduce((s, v) => s + v, 0) / n;
    const col = table.reduce((s, r) => s + r[k], 0) / n;
    pe += row * col;
  }
  return pe === 1 ? NaN : (po - pe) / (1 - pe);
}

/**
 * Gwet's AC1: (po − pe)/(1 − pe), pe = Σ π_k(1 − π_k)/(q − 1), π_k the mean of the two raters'
 * marginal proportions.
 *
 * @example gwetAC1([[13, 0, 0], [0, 20, 7], [0, 4, 56]]) // 0.849 (Gwet's handbook)
 * Invalid input: as cohenKappa; a 1×1 table gives NaN.
 */
export function gwetAC1(table: readonly (readonly number[])[]): number {
  const n = checkSquare(table);
  const q = table.length;
  if (n === 0 || q < 2) return NaN;
  let po = 0;
  let sum = 0;
  for (let k = 0; k < q; k++) {
    po += table[k][k] / n;
    const pi = (table[k].reduce((s, v) => s + v, 0) / n + table.reduce((s, r) => s + r[k], 0) / n) / 2;
    sum += pi * (1 - pi);
  }
  const pe = sum / (q - 1);
  return (po - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data, any number of raters, missing ratings allowed:
 * 1 − Do/De from the coincidence matrix. Units with fewer than two ratings are not pairable
 * and are left out, as the method prescribes.
 *
 * @example krippendorffAlpha([['a', 'b', 'a'], ['a', 'b', 'b']]) // one row per rater, one column per unit
 * Invalid input: rows of different lengths throw a RangeError; no pairable unit, or a single
 * value throughout (no variation), gives NaN (or 1 when there is perfect agreement on one value).
 */
export function krippendorffAlpha(ratings: readonly (readonly (string | number | null | undefined)[])[]): number {
  if (ratings.length === 0) return NaN;
  const units = ratings[0].length;
  if (ratings.some((r) => r.length !== units)) throw new RangeError('every rater row must have one entry per unit');
  const coincidence = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number) => {
    let row = coincidence.get(a);
    if (!row) coincidence.set(a, (row = new Map()));
    row.set(b, (row.get(b) ?? 0) + w);
  };
  for (let u = 0; u < units; u++) {
    const values: string[] = [];
    for (const r of ratings) {
      const v = r[u];
      if (v !== null && v !== undefined && v !== '') values.push(String(v));
    }
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i], values[j], 1 / (m - 1));
  }
  const nc = new Map<string, number>();
  let n = 0;
  let observedAgree = 0;
  for (const [c, row] of coincidence) {
    let s = 0;
    for (const [k, v] of row) {
      s += v;
      if (k === c) observedAgree += v;
    }
    nc.set(c, s);
    n += s;
  }
  if (n <= 1) return NaN;
  const Do = n - observedAgree;
  let sumSq = 0;
  for (const v of nc.values()) sumSq += v * (v - 1);
  const De = (n * (n - 1) - sumSq) / (n - 1);
  if (De === 0) return Do === 0 ? 1 : NaN;
  return 1 - Do / De;
}
