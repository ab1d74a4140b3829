import type { DecisionField, Severity, Verdict } from '../model';
import type { Decision } from '../validation/decision';
import { allocate, type StratumAllocation } from './allocate';
import { sampleKeyer } from './sampleKey';

/** 0, 1, …, n − 1. */
const allIndexes = (n: number): Int32Array => {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
};

export const SAMPLING_METHODS = ['simple', 'stratified_proportional', 'stratified_neyman', 'moderator_quota', 'risk_weighted'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

/** Which decisions may be drawn. Every filter is optional; empty lists mean "any". */
export interface SampleFilters {
  /** Inclusive UTC millisecond bounds on decided_at (items without a date are left out when a bound is set). */
  decidedFrom?: number;
  decidedTo?: number;
  markets?: string[];
  queues?: string[];
  verdicts?: Verdict[];
}

export interface SampleOptions {
  method: SamplingMethod;
  /** Items to draw in all (simple, stratified, risk-weighted); ignored by moderator_quota. */
  size: number;
  seed: string;
  /** Fields whose combination defines a stratum (stratified methods). Default: ['market']. */
  strata?: DecisionField[];
  /** Minimum per stratum (stratified methods). */
  minimumPerStratum?: number;
  /** Expected error rate per stratum for Neyman (S_h = sqrt(p(1−p))); `default` for the rest. */
  expectedErrorRate?: Record<string, number>;
  /** moderator_quota: items per moderator (all of theirs if fewer). */
  quota?: number;
  /** risk_weighted: weight per policy severity; approve/no policy counts as severity 1. */
  severityWeights?: Partial<Record<Severity, number>>;
  /** Policy code → severity, from the taxonomy (risk_weighted). */
  policySeverity?: Record<string, Severity>;
  filters?: SampleFilters;
  /** Item IDs drawn by earlier batches: left out unless the analyst says otherwise. */
  exclude?: ReadonlySet<string>;
}

export interface SampledItem {
  itemId: string;
  row: number;
  stratum: string;
  /** The draw key (smaller is drawn first). */
  key: number;
  /** Probability that this item was in the sample (for weighted estimates). */
  inclusionProbability: number;
  /** 1 / inclusionProbability: how many items of the lot this one stands for. */
  weight: number;
}

export interface SampleResult {
  items: SampledItem[];
  allocation: StratumAllocation[];
  /** Items eligible after filters and exclusions (the lot the sample speaks for). */
  population: number;
  /** Items left out because earlier batches drew them. */
  excluded: number;
}

/** The k-th smallest value (0-based) of `a`, found in place by quickselect: O(n), no full sort. */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    // Median of three as the pivot keeps sorted or constant runs from going quadratic.
    const mid = (lo + hi) >> 1;
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * The k items (indexes into `eligible`) with the smallest rank, ties by item ID, without sorting
 * every item: quickselect finds the k-th rank on a typed copy, and only the items at or below it
 * are sorted. On a million items this is several times faster than a full sort.
 */
function smallestK(indexes: ArrayLike<number>, rank: Float64Array, k: number, eligible: readonly Decision[]): number[] {
  const cmp = (a: number, b: number) => rank[a] - rank[b] || (eligible[a].itemId < eligible[b].itemId ? -1 : eligible[a].itemId > eligible[b].itemId ? 1 : 0);
  if (k <= 0) return [];
  if (k >= indexes.length) return Array.from(indexes).sort(cmp);
  const ranks = new Float64Array(indexes.length);
  for (let i = 0; i < indexes.length; i++) ranks[i] = rank[indexes[i]];
  const threshold = kthSmallest(ranks, k - 1);
  const picked: number[] = [];
  for (let i = 0; i < indexes.length; i++) if (rank[indexes[i]] <= threshold) picked.push(indexes[i]);
  return picked.sort(cmp).slice(0, k);
}

const DEFAULT_SEVERITY_WEIGHTS: Record<Severity, number> = { 1: 1, 2: 2, 3: 4, 4: 8 };

function passes(d: Decision, f: SampleFilters | undefined): boolean {
  if (!f) return true;
  if ((f.decidedFrom !== undefined || f.decidedTo !== undefined) && d.decidedAt === null) return false;
  if (f.decidedFrom !== undefined && d.decidedAt! < f.decidedFrom) return false;
  if (f.decidedTo !== undefined && d.decidedAt! > f.decidedTo) return false;
  if (f.markets?.length && !f.markets.includes(d.market)) return false;
  if (f.queues?.length && !f.queues.includes(d.queue)) return false;
  if (f.verdicts?.length && (d.verdict === null || !f.verdicts.includes(d.verdict))) return false;
  return true;
}

const FIELD_OF: Record<DecisionField, (d: Decision) => string> = {
  item_id: (d) => d.itemId,
  moderator: (d) => d.moderator,
  verdict: (d) => d.verdict ?? '',
  policy: (d) => d.policy,
  decided_at: (d) => (d.decidedAt === null ? '' : new Date(d.decidedAt).toISOString().slice(0, 10)),
  market: (d) => d.market,
  language: (d) => d.language,
  queue: (d) => d.queue,
  url: (d) => d.url,
  notes: (d) => d.notes,
};

/**
 * The decisions a sample may draw from: one per item ID (the first row stands for it), passing
 * the filters, and not drawn by an earlier batch. Its size is the lot the sample speaks for.
 *
 * @example selectEligible(decisions, { markets: ['JP'] }).eligible.length // the JP lot size
 */
export function selectEligible(decisions: readonly Decision[], filters?: SampleFilters, exclude?: ReadonlySet<string>): { eligible: Decision[]; excluded: number } {
  const seen = new Set<string>();
  const eligible: Decision[] = [];
  let excluded = 0;
  for (const d of decisions) {
    if (!d.itemId) continue;
    // The validator marks later rows of an ID; decisions from elsewhere are deduplicated here.
    if (d.duplicate !== undefined) {
      if (d.duplicate) continue;
    } else {
      if (seen.has(d.itemId)) continue;
      seen.add(d.itemId);
    }
    if (!passes(d, filters)) continue;
    if (exclude?.has(d.itemId)) {
      excluded++;
      continue;
    }
    eligible.push(d);
  }
  return { eligible, excluded };
}

/**
 * Draws a reproducible sample: each item is ranked by its keyed hash of (seed, item_id) and the
 * k smallest per stratum are kept (bottom-k), so the same sheet, options and seed give the same
 * items even after the sheet is re-sorted or rows are appended. Risk-weighted draws rank by the
 * Efraimidis–Spirakis key u^(1/w) (largest first; computed as ln(u)/w for stability).
 *
 * @example drawSample(decisions, { method: 'simple', size: 50, seed: 'w48' }).items.length // 50 (or all, if fewer)
 * Invalid input: a size that is not a whole number ≥ 0 throws a RangeError; items without an ID
 * or with a duplicate ID are never drawn twice (the first row of an ID stands for it).
 */
export function drawSample(decisions: readonly Decision[], options: SampleOptions): SampleResult {
  if (options.method !== 'moderator_quota' && (!Number.isInteger(options.size) || options.size < 0)) throw new RangeError(`sample size must be a whole number ≥ 0, got ${options.size}`);
  const { eligible, excluded } = selectEligible(decisions, options.filters, options.exclude);
  // Draw keys in a typed array beside the eligible decisions: no object per item.
  const keyOf = sampleKeyer(options.seed);
  const keys = new Float64Array(eligible.length);
  for (let i = 0; i < eligible.length; i++) keys[i] = keyOf(eligible[i].itemId);
  const population = eligible.length;

  if (options.method === 'risk_weighted') {
    const weights = { ...DEFAULT_SEVERITY_WEIGHTS, ...options.severityWeights };
    const w = (d: Decision) => weights[options.policySeverity?.[d.policy] ?? 1] ?? 1;
    let totalW = 0;
    // Efraimidis–Spirakis: keep the n largest u^(1/w), i.e. the n smallest −ln(u)/w.
    const es = new Float64Array(eligible.length);
    for (let i = 0; i < eligible.length; i++) {
      const wi = w(eligible[i]);
      totalW += wi;
      es[i] = -Math.log(keys[i] || Number.MIN_VALUE) / wi;
    }
    const n = Math.min(options.size, population);
    // Inclusion probability of a without-replacement PPS draw, approximated by min(1, n·w/Σw)
    // (exact for n = 1; the usual approximation for Hájek-weighted estimates).
    const items = smallestK(allIndexes(eligible.length), es, n, eligible).map((i) => {
      const d = eligible[i];
      const p = Math.min(1, (n * w(d)) / totalW);
      return { itemId: d.itemId, row: d.row, stratum: `severity ${options.policySeverity?.[d.policy] ?? 1}`, key: keys[i], inclusionProbability: p, weight: 1 / p };
    });
    return { items, allocation: [{ stratum: 'all', population, sample: n }], population, excluded };
  }

  const strataFields: DecisionField[] =
    options.method === 'moderator_quota' ? ['moderator'] : options.method === 'simple' ? [] : options.strata?.length ? options.strata : ['market'];
  const groups = new Map<string, ArrayLike<number>>();
  if (strataFields.length === 0) groups.set('all', allIndexes(eligible.length));
  else
    for (let i = 0; i < eligible.length; i++) {
      const d = eligible[i];
      const s = strataFields.length === 1 ? FIELD_OF[strataFields[0]](d) || '—' : strataFields.map((f) => FIELD_OF[f](d) || '—').join(' / ');
      let g = groups.get(s) as number[] | undefined;
      if (!g) groups.set(s, (g = []));
      g.push(i);
    }
  const strata = [...groups.keys()].sort();
  let allocation: StratumAllocation[];
  if (options.method === 'moderator_quota') {
    const k = options.quota ?? options.size;
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`quota must be a whole number ≥ 0, got ${k}`);
    allocation = strata.map((s) => ({ stratum: s, population: groups.get(s)!.length, sample: Math.min(k, groups.get(s)!.length) }));
  } else {
    const spread: Record<string, number> = {};
    const rates = options.expectedErrorRate ?? {};
    for (const s of strata) {
      const p = rates[s] ?? rates.default ?? 0.05;
      spread[s] = Math.sqrt(p * (1 - p));
    }
    allocation = allocate(
      strata.map((s) => ({ stratum: s, population: groups.get(s)!.length })),
      options.size,
      { method: options.method === 'stratified_neyman' ? 'neyman' : 'proportional', spread, minimum: options.method === 'simple' ? 0 : options.minimumPerStratum },
    );
  }
  const items: SampledItem[] = [];
  for (const a of allocation) {
    const g = smallestK(groups.get(a.stratum)!, keys, a.sample, eligible);
    const p = a.population === 0 ? 0 : a.sample / a.population;
    for (let i = 0; i < a.sample; i++) {
      const d = eligible[g[i]];
      items.push({ itemId: d.itemId, row: d.row, stratum: a.stratum, key: keys[g[i]], inclusionProbability: p, weight: p ? 1 / p : 0 });
    }
  }
  items.sort((a, b) => a.key - b.key || (a.itemId < b.itemId ? -1 : 1));
  return { items, allocation, population, excluded };
}
