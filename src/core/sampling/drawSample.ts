import type { DecisionField, Severity, Verdict } from '../model';
import type { Decision } from '../validation/decision';
import { allocate, type StratumAllocation } from './allocate';
import { sampleKey } from './sampleKey';

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

/**
 * The k items with the smallest `rank` (ties by item ID), without sorting every object: a typed
 * array of ranks is sorted natively to find the k-th value, and only items at or below it are
 * sorted by the comparator. On a million items this is several times faster than a full sort.
 */
function smallestK<T extends { d: Decision }>(items: T[], k: number, rank: (x: T) => number): T[] {
  const cmp = (a: T, b: T) => rank(a) - rank(b) || (a.d.itemId < b.d.itemId ? -1 : a.d.itemId > b.d.itemId ? 1 : 0);
  if (k <= 0) return [];
  if (k >= items.length) return [...items].sort(cmp);
  const ranks = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) ranks[i] = rank(items[i]);
  ranks.sort();
  const threshold = ranks[k - 1];
  return items.filter((x) => rank(x) <= threshold).sort(cmp).slice(0, k);
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
  const keyed = eligible.map((d) => ({ d, key: sampleKey(options.seed, d.itemId) }));
  const population = eligible.length;

  if (options.method === 'risk_weighted') {
    const weights = { ...DEFAULT_SEVERITY_WEIGHTS, ...options.severityWeights };
    const w = (d: Decision) => weights[options.policySeverity?.[d.policy] ?? 1] ?? 1;
    const totalW = keyed.reduce((s, x) => s + w(x.d), 0);
    // Efraimidis–Spirakis: keep the n largest u^(1/w), i.e. the n smallest −ln(u)/w.
    const es = keyed.map((x) => ({ d: x.d, key: x.key, es: -Math.log(x.key || Number.MIN_VALUE) / w(x.d) }));
    const n = Math.min(options.size, population);
    // Inclusion probability of a without-replacement PPS draw, approximated by min(1, n·w/Σw)
    // (exact for n = 1; the usual approximation for Hájek-weighted estimates).
    const items = smallestK(es, n, (x) => x.es).map((x) => {
      const p = Math.min(1, (n * w(x.d)) / totalW);
      return { itemId: x.d.itemId, row: x.d.row, stratum: `severity ${options.policySeverity?.[x.d.policy] ?? 1}`, key: x.key, inclusionProbability: p, weight: 1 / p };
    });
    return { items, allocation: [{ stratum: 'all', population, sample: n }], population, excluded };
  }

  const strataFields: DecisionField[] =
    options.method === 'moderator_quota' ? ['moderator'] : options.method === 'simple' ? [] : options.strata?.length ? options.strata : ['market'];
  const groups = new Map<string, typeof keyed>();
  if (strataFields.length === 0) groups.set('all', keyed);
  else
    for (const x of keyed) {
      const s = strataFields.map((f) => FIELD_OF[f](x.d) || '—').join(' / ');
      let g = groups.get(s);
      if (!g) groups.set(s, (g = []));
      g.push(x);
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
    const g = smallestK(groups.get(a.stratum)!, a.sample, (x) => x.key);
    const p = a.population === 0 ? 0 : a.sample / a.population;
    for (let i = 0; i < a.sample; i++) items.push({ itemId: g[i].d.itemId, row: g[i].d.row, stratum: a.stratum, key: g[i].key, inclusionProbability: p, weight: p ? 1 / p : 0 });
  }
  items.sort((a, b) => a.key - b.key || (a.itemId < b.itemId ? -1 : 1));
  return { items, allocation, population, excluded };
}
