import { ENFORCING_VERDICTS, type Verdict } from '../model';
import { wilsonInterval } from './intervals';
import { bootstrapIntervals, fleissKappaOf, gwetAC1Of, krippendorffAlphaOf, type RatingCounts } from './multiRater';

/** One judgment of one item by one rater (a moderator, an annotator or an inspector). */
export interface Judgment {
  item: string;
  rater: string;
  verdict: Verdict | null;
  policy: string;
}

/** A coefficient with its 95% interval and the number of items it rests on. */
export interface Coefficient {
  value: number;
  low: number;
  high: number;
  items: number;
}

/** An item the raters did not all judge alike (verdict or policy): to be settled by a lead. */
export interface Disagreement {
  item: string;
  ratings: { rater: string; verdict: Verdict | null; policy: string }[];
}

export interface AgreementReport {
  items: number;
  judgments: number;
  /** Items with two judgments or more (the ones agreement rests on). */
  itemsJudgedTwice: number;
  raters: string[];
  /** Judgments left out because the same rater judged the same item again (the first is kept). */
  repeats: number;
  alphaVerdict: Coefficient;
  alphaVerdictPolicy: Coefficient;
  fleissKappa: Coefficient;
  gwetAC1: Coefficient;
  /** Cohen's kappa on the verdict for each pair of raters (null on the diagonal or with no item in common). */
  pairwise: (Coefficient | null)[][];
  /** Whether the pairwise matrix was computed (left out above `maxPairwiseRaters` raters). */
  pairwiseComputed: boolean;
  disagreements: Disagreement[];
}

export interface AgreementOptions {
  /** Seed of the bootstrap (the batch or file name): the same seed gives the same intervals. */
  seed: string;
  resamples?: number;
  /** Above this many raters the pairwise matrix is left out (default 30). */
  maxPairwiseRaters?: number;
}

/** The label a judgment is compared on: the verdict, and the policy when the verdict enforces. */
export function judgmentLabel(verdict: Verdict | null, policy: string, withPolicy = true): string {
  if (!verdict) return '';
  return withPolicy && ENFORCING_VERDICTS.includes(verdict) ? `${verdict}/${policy}` : verdict;
}

function countsOf(byItem: Map<string, Judgment[]>, label: (j: Judgment) => string): RatingCounts {
  const index = new Map<string, number>();
  for (const js of byItem.values())
    for (const j of js) {
      const l = label(j);
      if (l && !index.has(l)) index.set(l, index.size);
    }
  const q = index.size;
  const counts = new Int32Array(byItem.size * q);
  let u = 0;
  for (const js of byItem.values()) {
    for (const j of js) {
      const l = label(j);
      if (l) counts[u * q + (index.get(l) as number)]++;
    }
    u++;
  }
  return { units: byItem.size, q, counts };
}

/**
 * Cohen's kappa on paired codes, for the units listed (each through `via` when given: a resample of indexes into it).
 */
function pairKappa(a: Int32Array, b: Int32Array, q: number, units: ArrayLike<number>, via?: Int32Array): number {
  const row = new Float64Array(q + 1);
  const col = new Float64Array(q + 1);
  let n = 0;
  let same = 0;
  for (let j = 0; j < units.length; j++) {
    const u = via ? via[units[j]] : units[j];
    const x = a[u];
    const y = b[u];
    n++;
    row[x]++;
    col[y]++;
    if (x === y) same++;
  }
  if (n === 0) return NaN;
  let pe = 0;
  for (let k = 1; k <= q; k++) pe += (row[k] / n) * (col[k] / n);
  return pe === 1 ? NaN : (same / n - pe) / (1 - pe);
}

/**
 * The agreement among the raters of items judged more than once: Krippendorff's alpha on the
 * verdict and on verdict+policy, Fleiss' kappa and Gwet's AC1 on the verdict, pairwise Cohen's
 * kappa; each with a seeded percentile bootstrap interval over items; and the items where the
 * judgments differ, for adjudication.
 *
 * @example agreementReport([{ item: '1', rater: 'a', verdict: 'approve', policy: '' }, { item: '1',
 *   rater: 'b', verdict: 'remove', policy: 'SAF.HATE' }], { seed: 's' }).disagreements.length // 1
 * Invalid input: judgments without an item or a rater are ignored; items judged once count in
 * `items` but not in any coefficient (no pair to compare); no such item gives NaN coefficients.
 */
export function agreementReport(judgments: readonly Judgment[], options: AgreementOptions): AgreementReport {
  const byItem = new Map<string, Judgment[]>();
  const raterSet = new Set<string>();
  let repeats = 0;
  let kept = 0;
  for (const j of judgments) {
    if (!j.item || !j.rater) continue;
    let js = byItem.get(j.item);
    if (!js) byItem.set(j.item, (js = []));
    if (js.some((x) => x.rater === j.rater)) {
      repeats++;
      continue;
    }
    js.push(j);
    raterSet.add(j.rater);
    kept++;
  }
  const raters = [...raterSet].sort();
  let twice = 0;
  for (const js of byItem.values()) if (js.length >= 2) twice++;
  const verdictCounts = countsOf(byItem, (j) => judgmentLabel(j.verdict, j.policy, false));
  const fullCounts = countsOf(byItem, (j) => judgmentLabel(j.verdict, j.policy, true));
  const stats = [
    (u?: ArrayLike<number>) => krippendorffAlphaOf(verdictCounts, u),
    (u?: ArrayLike<number>) => krippendorffAlphaOf(fullCounts, u),
    (u?: ArrayLike<number>) => fleissKappaOf(verdictCounts, u),
    (u?: ArrayLike<number>) => gwetAC1Of(verdictCounts, u),
  ];
  const intervals = bootstrapIntervals(byItem.size, stats, { seed: options.seed, resamples: options.resamples });
  const coefficient = (s: number): Coefficient => ({
    value: stats[s](),
    low: intervals[s][0],
    high: intervals[s][1],
    items: twice,
  });

  // Pairwise: each rater's verdict code per item (0 = not judged), then kappa on the items both judged.
  const maxPairwise = options.maxPairwiseRaters ?? 30;
  const pairwiseComputed = raters.length <= maxPairwise;
  const pairwise: (Coefficient | null)[][] = raters.map(() => raters.map(() => null));
  if (pairwiseComputed) {
    const verdictCode = new Map<string, number>();
    const codes = raters.map(() => new Int32Array(byItem.size));
    const raterIndex = new Map(raters.map((r, i) => [r, i]));
    let u = 0;
    for (const js of byItem.values()) {
      for (const j of js) {
        const l = judgmentLabel(j.verdict, j.policy, false);
        if (!l) continue;
        if (!verdictCode.has(l)) verdictCode.set(l, verdictCode.size + 1);
        codes[raterIndex.get(j.rater) as number][u] = verdictCode.get(l) as number;
      }
      u++;
    }
    const q = verdictCode.size;
    for (let a = 0; a < raters.length; a++)
      for (let b = a + 1; b < raters.length; b++) {
        const both: number[] = [];
        for (let i = 0; i < byItem.size; i++) if (codes[a][i] && codes[b][i]) both.push(i);
        if (both.length === 0) continue;
        const shared = Int32Array.from(both);
        const value = pairKappa(codes[a], codes[b], q, shared);
        // Resample the shared items (indexes into `shared`), seeded per pair so adding a rater changes no other pair.
        const [[low, high]] = bootstrapIntervals(
          shared.length,
          [(draw) => pairKappa(codes[a], codes[b], q, draw, shared)],
          { seed: `${options.seed}:${raters[a]}:${raters[b]}`, resamples: options.resamples },
        );
        pairwise[a][b] = pairwise[b][a] = { value, low, high, items: shared.length };
      }
  }

  const disagreements: Disagreement[] = [];
  for (const [item, js] of byItem) {
    if (js.length < 2) continue;
    const first = judgmentLabel(js[0].verdict, js[0].policy);
    if (js.some((j) => judgmentLabel(j.verdict, j.policy) !== first))
      disagreements.push({ item, ratings: js.map((j) => ({ rater: j.rater, verdict: j.verdict, policy: j.policy })) });
  }
  return {
    items: byItem.size,
    judgments: kept,
    itemsJudgedTwice: twice,
    raters,
    repeats,
    alphaVerdict: coefficient(0),
    alphaVerdictPolicy: coefficient(1),
    fleissKappa: coefficient(2),
    gwetAC1: coefficient(3),
    pairwise,
    pairwiseComputed,
    disagreements,
  };
}

/** One rater's accuracy against the reference (the adjudicated or unanimous verdict). */
export interface RaterAccuracy {
  rater: string;
  correct: number;
  of: number;
  rate: number;
  /** Wilson score interval, 95%. */
  wilson: [number, number];
}

/**
 * Each rater's accuracy against a reference verdict per item (a lead's adjudication, or the
 * raters' unanimous verdict): the same verdict, and the same policy when it enforces.
 *
 * @example raterAccuracy(judgments, new Map([['1', { verdict: 'remove', policy: 'SAF.HATE' }]]))[0].rate // 0 or 1
 * Invalid input: items without a reference are not counted; a rater with none gives rate NaN, interval [0, 1].
 */
export function raterAccuracy(
  judgments: readonly Judgment[],
  reference: ReadonlyMap<string, { verdict: Verdict | null; policy: string }>,
): RaterAccuracy[] {
  const tally = new Map<string, { correct: number; of: number }>();
  for (const j of judgments) {
    if (!j.rater) continue;
    let t = tally.get(j.rater);
    if (!t) tally.set(j.rater, (t = { correct: 0, of: 0 }));
    const ref = reference.get(j.item);
    if (!ref || !ref.verdict) continue;
    t.of++;
    if (judgmentLabel(j.verdict, j.policy) === judgmentLabel(ref.verdict, ref.policy)) t.correct++;
  }
  return [...tally.keys()].sort().map((rater) => {
    const t = tally.get(rater) as { correct: number; of: number };
    return {
      rater,
      correct: t.correct,
      of: t.of,
      rate: t.of ? t.correct / t.of : NaN,
      wilson: wilsonInterval(t.correct, t.of),
    };
  });
}

/**
 * The reference verdict per item: a lead's settled verdict where one exists, else the verdict all
 * raters gave (items where they disagree and nobody settled have no reference yet).
 *
 * @example referenceVerdicts(judgments, new Map([['7', { verdict: 'approve', policy: '' }]]))
 */
export function referenceVerdicts(
  judgments: readonly Judgment[],
  settled: ReadonlyMap<string, { verdict: Verdict | null; policy: string }>,
): Map<string, { verdict: Verdict | null; policy: string }> {
  const byItem = new Map<string, Judgment[]>();
  for (const j of judgments) {
    let js = byItem.get(j.item);
    if (!js) byItem.set(j.item, (js = []));
    js.push(j);
  }
  const out = new Map<string, { verdict: Verdict | null; policy: string }>();
  for (const [item, js] of byItem) {
    const s = settled.get(item);
    if (s && s.verdict) {
      out.set(item, s);
      continue;
    }
    const first = judgmentLabel(js[0].verdict, js[0].policy);
    if (js[0].verdict && js.every((j) => judgmentLabel(j.verdict, j.policy) === first))
      out.set(item, { verdict: js[0].verdict, policy: js[0].policy });
  }
  return out;
}
