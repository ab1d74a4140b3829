import { DEFECT_OUTCOMES, OUTCOMES, VERDICTS, type Outcome, type Verdict } from '../model';
import type { SamplingPlan } from '../iso2859/samplingPlan';
import { cohenKappa } from './agreement';
import { clopperPearsonInterval, wilsonInterval } from './intervals';
import { weightedAccuracy, type WeightedAccuracy } from './weightedAccuracy';

/** One row of an inspection sheet, as the statistics need it. */
export interface InspectedItem {
  verdict: Verdict | null;
  policy: string;
  qaVerdict: Verdict | null;
  qaPolicy: string;
  outcome: Outcome;
  /** 1/inclusion probability; 1 for a simple random sample. */
  weight?: number;
  moderator?: string;
  market?: string;
  language?: string;
  queue?: string;
  /** The stratum the item was drawn from (stratified draws), for the weighted estimate's variance. */
  stratum?: string;
}

export interface Rate {
  count: number;
  of: number;
  rate: number;
  wilson: [number, number];
  clopperPearson: [number, number];
}

export interface InspectionSummary {
  sampleSize: number;
  inspected: number;
  pending: number;
  outcomes: Record<Outcome, number>;
  accuracy: Rate;
  errorRates: Record<'over_enforcement' | 'under_enforcement' | 'wrong_policy' | 'wrong_action', Rate>;
  defects: number;
  /** Moderator against QA on the five verdicts only (the policy is not compared), inspected items only. */
  kappa: number;
  /** Moderator against QA on verdict and policy together (an enforcing verdict's category is verdict + policy code). */
  kappaWithPolicy: number;
  /** Hájek estimate of lot accuracy when items carry unequal weights; equals accuracy.rate otherwise. */
  weightedAccuracy: number;
  /** The weighted estimate with its interval (see weightedAccuracy). */
  weighted: WeightedAccuracy;
  /** The ISO 2859-1 lot decision, once a plan is given and enough items are inspected to decide. */
  lotDecision?: { plan: SamplingPlan; defects: number; decision: 'accept' | 'reject' | 'undecided' };
}

function rate(count: number, of: number, confidence: number): Rate {
  return {
    count,
    of,
    rate: of ? count / of : NaN,
    wilson: wilsonInterval(count, of, confidence),
    clopperPearson: clopperPearsonInterval(count, of, confidence),
  };
}

/**
 * A 5×5 verdict confusion matrix, rows the moderator's verdict and columns QA's (order: VERDICTS).
 *
 * @example verdictConfusion([{ verdict: 'remove', qaVerdict: 'approve', … }])[1][0] // 1
 */
export function verdictConfusion(items: readonly InspectedItem[]): number[][] {
  const m = VERDICTS.map(() => VERDICTS.map(() => 0));
  for (const it of items) {
    if (!it.verdict || !it.qaVerdict) continue;
    m[VERDICTS.indexOf(it.verdict)][VERDICTS.indexOf(it.qaVerdict)]++;
  }
  return m;
}

/**
 * Cohen's kappa over verdict + policy: approve (and escalate) is one category each, an enforcing
 * verdict's category is the verdict with its policy code, so agreeing on "remove" under different
 * policies is a disagreement. Policies are compared as given: pass codes.
 *
 * @example verdictPolicyKappa(items) // 0.772 where the verdict-only kappa is 0.853
 */
export function verdictPolicyKappa(items: readonly InspectedItem[]): number {
  const label = (v: Verdict | null, policy: string) =>
    v === 'remove' || v === 'age_restrict' || v === 'fyf_ineligible'
      ? `${v}|${policy.trim().toUpperCase()}`
      : (v ?? '');
  const pairs = items
    .filter((i) => i.verdict && i.qaVerdict)
    .map((i) => [label(i.verdict, i.policy), label(i.qaVerdict, i.qaPolicy)] as const);
  const labels = [...new Set(pairs.flat())].sort();
  if (!labels.length) return NaN;
  const m = labels.map(() => labels.map(() => 0));
  for (const [a, b] of pairs) m[labels.indexOf(a)][labels.indexOf(b)]++;
  return cohenKappa(m);
}

/**
 * A policy confusion matrix over the codes seen (moderator rows, QA columns), enforced items only.
 *
 * @example policyConfusion(items).codes // ['SAF.HATE', 'SAF.VIO', …]
 */
export function policyConfusion(items: readonly InspectedItem[]): { codes: string[]; matrix: number[][] } {
  const codes = [...new Set(items.flatMap((i) => [i.policy, i.qaPolicy]).filter(Boolean))].sort();
  const matrix = codes.map(() => codes.map(() => 0));
  for (const it of items) {
    if (!it.policy || !it.qaPolicy) continue;
    matrix[codes.indexOf(it.policy)][codes.indexOf(it.qaPolicy)]++;
  }
  return { codes, matrix };
}

/**
 * The quality figures of a batch: accuracy and each error rate with Wilson and Clopper–Pearson
 * intervals, Cohen's kappa moderator against QA, a weighted accuracy for stratified or
 * risk-weighted samples, and the ISO 2859-1 accept/reject decision for the lot.
 *
 * @example summarizeInspection(items, { plan }).accuracy.rate // 0.96
 * Invalid input: no inspected item gives rates of NaN with [0, 1] intervals and an undecided lot.
 */
export function summarizeInspection(
  items: readonly InspectedItem[],
  options: { confidence?: number; plan?: SamplingPlan } = {},
): InspectionSummary {
  const confidence = options.confidence ?? 0.95;
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const it of items) outcomes[it.outcome]++;
  const inspected = items.length - outcomes.pending;
  const defects = DEFECT_OUTCOMES.reduce((s, o) => s + outcomes[o], 0);
  const weighted = weightedAccuracy(
    items.map((it) => ({
      correct: it.outcome === 'pending' ? null : it.outcome === 'correct',
      weight: it.weight ?? 1,
      stratum: it.stratum ?? '',
    })),
    confidence,
  );
  const decided = items.filter((i) => i.outcome !== 'pending');
  const summary: InspectionSummary = {
    sampleSize: items.length,
    inspected,
    pending: outcomes.pending,
    outcomes,
    accuracy: rate(outcomes.correct, inspected, confidence),
    errorRates: {
      over_enforcement: rate(outcomes.over_enforcement, inspected, confidence),
      under_enforcement: rate(outcomes.under_enforcement, inspected, confidence),
      wrong_policy: rate(outcomes.wrong_policy, inspected, confidence),
      wrong_action: rate(outcomes.wrong_action, inspected, confidence),
    },
    defects,
    kappa: cohenKappa(verdictConfusion(decided)),
    kappaWithPolicy: verdictPolicyKappa(decided),
    weightedAccuracy: weighted.estimate,
    weighted,
  };
  if (options.plan) {
    const p = options.plan;
    // The lot can be rejected as soon as Re defects are found, and accepted only when the whole sample is in.
    const decision =
      defects >= p.reject ? 'reject' : inspected >= p.sampleSize && defects <= p.accept ? 'accept' : 'undecided';
    summary.lotDecision = { plan: p, defects, decision };
  }
  return summary;
}

/**
 * Accuracy per value of a field (moderator, policy, market, language, queue), largest group first.
 *
 * @example breakdown(items, 'moderator')[0] // { key: 'sato', inspected: 40, correct: 38, accuracy: 0.95, wilson: […] }
 */
export function breakdown(
  items: readonly InspectedItem[],
  field: 'moderator' | 'policy' | 'market' | 'language' | 'queue',
  confidence = 0.95,
) {
  const groups = new Map<string, { inspected: number; correct: number; outcomes: Record<Outcome, number> }>();
  for (const it of items) {
    const key = (field === 'policy' ? it.policy : it[field]) || '—';
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          inspected: 0,
          correct: 0,
          outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>,
        }),
      );
    g.outcomes[it.outcome]++;
    if (it.outcome === 'pending') continue;
    g.inspected++;
    if (it.outcome === 'correct') g.correct++;
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      ...g,
      accuracy: g.inspected ? g.correct / g.inspected : NaN,
      wilson: wilsonInterval(g.correct, g.inspected, confidence),
    }))
    .sort((a, b) => b.inspected - a.inspected || (a.key < b.key ? -1 : 1));
}
