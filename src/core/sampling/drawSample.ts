import { matchKey } from '../text/matchKey';
import type { DecisionField, Severity, Verdict } from '../model';
import type { Decision } from '../decisions/decision';
import { DecisionLot } from '../decisions/decisionLot';
import { allocate, type StratumAllocation } from './allocate';
import { sampleKeyer } from './sampleKey';

export const SAMPLING_METHODS = [
  'simple',
  'stratified_proportional',
  'stratified_neyman',
  'moderator_quota',
  'risk_weighted',
] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];

/**
 * What the lot counts and a sample draws: every decision (item + moderator + time; the default),
 * or every item once (its first row stands for it).
 */
export const SAMPLING_UNITS = ['decision', 'item'] as const;
export type SamplingUnit = (typeof SAMPLING_UNITS)[number];

/** The decision's time as its draw key writes it: ISO 8601 UTC to the second, '' when the sheet has none. */
export function decisionTime(ms: number): string {
  return Number.isNaN(ms) ? '' : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The text a decision is hashed on (after "seed:"): item_id:moderator:decided_at, the time as
 * decisionTime writes it. docs/SAMPLING.md gives the same text in SQL.
 *
 * @example decisionKeyText('7301', 'sato', Date.UTC(2026, 10, 20, 10)) // '7301:sato:2026-11-20T10:00:00Z'
 */
export function decisionKeyText(itemId: string, moderator: string, decidedAt: number | null): string {
  return `${itemId}:${moderator}:${decisionTime(decidedAt ?? NaN)}`;
}

/** How earlier batches' decisions are recognised: the same moderator on the same item. */
export const drawnDecisionKey = (itemId: string, moderator: string) => `${itemId}\u001f${moderator}`;

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
  /** Decisions drawn by earlier batches, as drawnDecisionKey(item, moderator) (decision draws). */
  excludeDecisions?: ReadonlySet<string>;
  /** Decisions (default) or items. */
  unit?: SamplingUnit;
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
    const x = a[lo],
      y = a[mid],
      z = a[hi];
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
 * The k items of `indexes` (lot indexes) with the smallest `rankOf[index]`, ties by item ID,
 * without sorting every item: quickselect finds the k-th rank on a typed copy, and only the
 * items at or below it are sorted. On a million items this is several times faster than a full sort.
 */
function smallestK(indexes: ArrayLike<number>, rankOf: Float64Array, k: number, itemIds: readonly string[]): number[] {
  const cmp = (a: number, b: number) =>
    rankOf[a] - rankOf[b] || (itemIds[a] < itemIds[b] ? -1 : itemIds[a] > itemIds[b] ? 1 : 0);
  if (k <= 0) return [];
  if (k >= indexes.length) return Array.from(indexes).sort(cmp);
  const ranks = new Float64Array(indexes.length);
  for (let i = 0; i < indexes.length; i++) ranks[i] = rankOf[indexes[i]];
  const threshold = kthSmallest(ranks, k - 1);
  const picked: number[] = [];
  for (let i = 0; i < indexes.length; i++) if (rankOf[indexes[i]] <= threshold) picked.push(indexes[i]);
  return picked.sort(cmp).slice(0, k);
}

const DEFAULT_SEVERITY_WEIGHTS: Record<Severity, number> = { 1: 1, 2: 2, 3: 4, 4: 8 };

/** Whether decision `i` of the lot passes the filters. */
function passes(lot: DecisionLot, i: number, f: SampleFilters | undefined): boolean {
  if (!f) return true;
  const at = lot.decidedAt[i];
  if ((f.decidedFrom !== undefined || f.decidedTo !== undefined) && Number.isNaN(at)) return false;
  if (f.decidedFrom !== undefined && at < f.decidedFrom) return false;
  if (f.decidedTo !== undefined && at > f.decidedTo) return false;
  if (f.markets?.length && !f.markets.includes(lot.text.market.get(i))) return false;
  if (f.queues?.length && !f.queues.includes(lot.text.queue.get(i))) return false;
  const verdict = lot.verdict(i);
  if (f.verdicts?.length && (verdict === null || !f.verdicts.includes(verdict))) return false;
  return true;
}

const asLot = (decisions: DecisionLot | readonly Decision[]): DecisionLot =>
  decisions instanceof DecisionLot ? decisions : DecisionLot.from(decisions);

/**
 * The decisions a sample may draw from, passing the filters and not drawn by an earlier batch:
 * every decision but repeats (the same moderator, item and time again) when the unit is
 * 'decision'; one per item ID (its first row stands for it) when it is 'item'. Returns their
 * indexes in the lot; their count is the lot size the sample speaks for.
 *
 * @example selectEligible(decisions, { markets: ['JP'] }).eligible.length // the JP lot size
 */
export function selectEligible(
  decisions: DecisionLot | readonly Decision[],
  filters?: SampleFilters,
  exclude?: ReadonlySet<string>,
  unit: SamplingUnit = 'decision',
  excludeDecisions?: ReadonlySet<string>,
): { eligible: Int32Array; excluded: number } {
  const lot = asLot(decisions);
  const seen = new Set<string>();
  const eligible = new Int32Array(lot.length);
  let count = 0;
  let excluded = 0;
  const hasFilters =
    filters !== undefined && Object.values(filters).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));
  const hasExclusions = exclude !== undefined && exclude.size > 0;
  const hasDecisionExclusions = unit === 'decision' && excludeDecisions !== undefined && excludeDecisions.size > 0;
  const moderators = lot.text.moderator;
  for (let i = 0; i < lot.length; i++) {
    const itemId = lot.itemIds[i];
    if (!itemId) continue;
    // The validator marks later rows of an ID (1) and repeats (3); decisions from elsewhere (2) are deduplicated here.
    const mark = lot.duplicate[i];
    if (mark === 3 || (unit === 'item' && mark === 1)) continue;
    if (mark === 2) {
      const key =
        unit === 'item' ? matchKey(itemId) : `${matchKey(itemId)}\u001f${moderators.get(i)}\u001f${lot.decidedAt[i]}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    if (hasFilters && !passes(lot, i, filters)) continue;
    if (
      (hasExclusions && exclude.has(matchKey(itemId))) ||
      (hasDecisionExclusions && excludeDecisions.has(drawnDecisionKey(itemId, moderators.get(i))))
    ) {
      excluded++;
      continue;
    }
    eligible[count++] = i;
  }
  return { eligible: eligible.subarray(0, count), excluded };
}

/**
 * How a sample of `options.size` (or `options.quota` per moderator) is split across strata of the
 * given sizes, in the strata's sorted order: what drawSample keeps per stratum. Exposed so a draw
 * elsewhere (the warehouse's SQL) splits a lot exactly as the add-in does.
 *
 * @example allocateStrata([{ stratum: 'US', population: 400 }, { stratum: 'JP', population: 600 }], {
 *   method: 'stratified_proportional', size: 10, seed: '',
 * })
 * // [{ stratum: 'JP', population: 600, sample: 6 }, { stratum: 'US', population: 400, sample: 4 }]
 * Invalid input: a quota that is not a whole number ≥ 0 throws a RangeError (sizes as allocate).
 */
export function allocateStrata(
  strataSizes: readonly { stratum: string; population: number }[],
  options: Pick<SampleOptions, 'method' | 'size' | 'quota' | 'minimumPerStratum' | 'expectedErrorRate'>,
): StratumAllocation[] {
  const strata = [...strataSizes].sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : 0));
  if (options.method === 'moderator_quota') {
    const k = options.quota ?? options.size;
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`quota must be a whole number ≥ 0, got ${k}`);
    return strata.map((s) => ({ stratum: s.stratum, population: s.population, sample: Math.min(k, s.population) }));
  }
  const spread: Record<string, number> = {};
  const rates = options.expectedErrorRate ?? {};
  for (const s of strata) {
    const p = rates[s.stratum] ?? rates.default ?? 0.05;
    spread[s.stratum] = Math.sqrt(p * (1 - p));
  }
  return allocate(strata, options.size, {
    method: options.method === 'stratified_neyman' ? 'neyman' : 'proportional',
    spread,
    minimum: options.method === 'simple' ? 0 : options.minimumPerStratum,
  });
}

/**
 * Draws a reproducible sample: each decision is ranked by its keyed hash of (seed, item_id,
 * moderator, decided_at) — each item by (seed, item_id) when the unit is 'item' — and the k
 * smallest per stratum are kept (bottom-k), so the same sheet, options and seed give the same
 * sample even after the sheet is re-sorted or rows are appended. Risk-weighted draws rank by the
 * Efraimidis–Spirakis key u^(1/w) (largest first; computed as ln(u)/w for stability).
 *
 * @example drawSample(decisions, { method: 'simple', size: 50, seed: 'w48' }).items.length // 50 (or all, if fewer)
 * Invalid input: a size that is not a whole number ≥ 0 throws a RangeError; rows without an ID
 * are never drawn; a repeat (the same moderator, item and time again) is never drawn twice.
 */
export function drawSample(decisions: DecisionLot | readonly Decision[], options: SampleOptions): SampleResult {
  const lot = asLot(decisions);
  return drawFromEligible(
    lot,
    selectEligible(lot, options.filters, options.exclude, options.unit, options.excludeDecisions),
    options,
  );
}

/**
 * drawSample on a lot whose eligible items `selectEligible` has already chosen (a caller that
 * sizes the sample from the lot size selects once); `options.filters` and `exclude` are not read again.
 *
 * @example drawFromEligible(lot, selectEligible(lot, filters, earlier), { method: 'simple', size: 50, seed: 'w48' })
 * Invalid input: as drawSample.
 */
/**
 * Writes the draw keys of `eligible[from]` … `eligible[to - 1]` into `keys` (by lot index): the
 * first and longest step of a draw, given apart so a caller can key a big lot in slices.
 */
export function fillDrawKeys(
  lot: DecisionLot,
  eligible: Int32Array,
  options: Pick<SampleOptions, 'seed' | 'unit'>,
  keys: Float64Array,
  from = 0,
  to = eligible.length,
): void {
  const { itemIds } = lot;
  const keyOf = sampleKeyer(options.seed);
  const end = Math.min(to, eligible.length);
  if ((options.unit ?? 'decision') === 'item') {
    for (let j = from; j < end; j++) keys[eligible[j]] = keyOf(itemIds[eligible[j]]);
    return;
  }
  const moderators = lot.text.moderator;
  for (let j = from; j < end; j++) {
    const i = eligible[j];
    keys[i] = keyOf(decisionKeyText(itemIds[i], moderators.get(i), lot.decidedAt[i]));
  }
}

/**
 * Draws from the eligible decisions. `keyed`: their draw keys already written by fillDrawKeys
 * with the same seed and unit (a Float64Array of the lot's length); computed here when absent.
 */
export function drawFromEligible(
  lot: DecisionLot,
  selection: { eligible: Int32Array; excluded: number },
  options: SampleOptions,
  keyed?: Float64Array,
): SampleResult {
  if (options.method !== 'moderator_quota' && (!Number.isInteger(options.size) || options.size < 0))
    throw new RangeError(`sample size must be a whole number ≥ 0, got ${options.size}`);
  const { eligible, excluded } = selection;
  const { itemIds } = lot;
  // Draw keys in a typed array by lot index: no object per item.
  const keys = keyed ?? new Float64Array(lot.length);
  if (!keyed) fillDrawKeys(lot, eligible, options, keys);
  const population = eligible.length;

  if (options.method === 'risk_weighted') {
    const weights = { ...DEFAULT_SEVERITY_WEIGHTS, ...options.severityWeights };
    const policies = lot.text.policy;
    // Severity and weight per distinct policy, not per item.
    const severityOfCode = policies.values.map((p) => options.policySeverity?.[p] ?? 1);
    const weightOfCode = severityOfCode.map((sev) => weights[sev] ?? 1);
    let totalW = 0;
    // Efraimidis–Spirakis: keep the n largest u^(1/w), i.e. the n smallest −ln(u)/w.
    const es = new Float64Array(lot.length);
    for (let j = 0; j < eligible.length; j++) {
      const i = eligible[j];
      const wi = weightOfCode[policies.codes[i]];
      totalW += wi;
      es[i] = -Math.log(keys[i] || Number.MIN_VALUE) / wi;
    }
    const n = Math.min(options.size, population);
    // Inclusion probability of a without-replacement PPS draw, approximated by min(1, n·w/Σw)
    // (exact for n = 1; the usual approximation for Hájek-weighted estimates).
    const items = smallestK(eligible, es, n, itemIds).map((i) => {
      const code = policies.codes[i];
      const p = Math.min(1, (n * weightOfCode[code]) / totalW);
      return {
        itemId: itemIds[i],
        row: lot.rows[i],
        stratum: `severity ${severityOfCode[code]}`,
        key: keys[i],
        inclusionProbability: p,
        weight: 1 / p,
      };
    });
    return { items, allocation: [{ stratum: 'all', population, sample: n }], population, excluded };
  }

  const strataFields: DecisionField[] =
    options.method === 'moderator_quota'
      ? ['moderator']
      : options.method === 'simple'
        ? []
        : options.strata?.length
          ? options.strata
          : ['market'];
  const groups = new Map<string, ArrayLike<number>>();
  if (strataFields.length === 0) groups.set('all', eligible);
  else {
    const single = strataFields.length === 1 ? strataFields[0] : undefined;
    const repeated = single !== undefined && single in lot.text ? lot.text[single as keyof typeof lot.text] : undefined;
    if (repeated) {
      // One field whose values repeat (market, moderator…): a counting sort on its numbers puts
      // each stratum's items side by side in one typed array, with no list per stratum to grow.
      const counts = new Int32Array(repeated.values.length + 1);
      for (let j = 0; j < eligible.length; j++) counts[repeated.codes[eligible[j]] + 1]++;
      for (let c = 1; c < counts.length; c++) counts[c] += counts[c - 1];
      const starts = counts.slice(0, -1);
      const sorted = new Int32Array(eligible.length);
      const next = starts.slice();
      for (let j = 0; j < eligible.length; j++) sorted[next[repeated.codes[eligible[j]]]++] = eligible[j];
      for (let code = 0; code < repeated.values.length; code++) {
        const g = sorted.subarray(starts[code], next[code]);
        if (g.length === 0) continue;
        // '' and a written '—' are the same stratum, as when grouping by text.
        // Names that differ only in form (NFD and NFC, full-width, a zero-width space) are one stratum.
        const label = matchKey(repeated.values[code]) || '—';
        const same = groups.get(label) as Int32Array | undefined;
        if (!same) groups.set(label, g);
        else {
          const merged = new Int32Array(same.length + g.length);
          merged.set(same);
          merged.set(g, same.length);
          groups.set(label, merged);
        }
      }
    } else
      for (let j = 0; j < eligible.length; j++) {
        const i = eligible[j];
        const s = strataFields.map((f) => matchKey(lot.fieldText(f, i)) || '—').join(' / ');
        let g = groups.get(s) as number[] | undefined;
        if (!g) groups.set(s, (g = []));
        g.push(i);
      }
  }
  const allocation = allocateStrata(
    [...groups].map(([stratum, g]) => ({ stratum, population: g.length })),
    options,
  );
  const items: SampledItem[] = [];
  for (const a of allocation) {
    const g = smallestK(groups.get(a.stratum)!, keys, a.sample, itemIds);
    const p = a.population === 0 ? 0 : a.sample / a.population;
    for (let i = 0; i < a.sample; i++) {
      const at = g[i];
      items.push({
        itemId: itemIds[at],
        row: lot.rows[at],
        stratum: a.stratum,
        key: keys[at],
        inclusionProbability: p,
        weight: p ? 1 / p : 0,
      });
    }
  }
  items.sort((a, b) => a.key - b.key || (a.itemId < b.itemId ? -1 : 1));
  return { items, allocation, population, excluded };
}
