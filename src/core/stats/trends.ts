import { CODE_LETTERS, type Aql, type CodeLetter, type Inspection } from '../iso2859/planTables';
import { planForLetter } from '../iso2859/samplingPlan';
import {
  INITIAL_SWITCHING,
  inspectionFor,
  nextSwitchingStatus,
  type SwitchingOptions,
  type SwitchingStatus,
} from '../iso2859/switching';
import { wilsonInterval } from './intervals';

/** What a trend is cut by. */
export const TREND_DIMENSIONS = ['moderator', 'policy', 'market'] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];

/** One inspected item as a trend needs it. */
export interface TrendItem {
  moderator: string;
  policy: string;
  market: string;
  correct: boolean;
}

/** One batch (a week's sample, say), oldest first in every list here. */
export interface TrendBatch {
  batch: string;
  /** When the batch was drawn (ISO text, for display). */
  createdAt: string;
  items: TrendItem[];
}

/** Accuracy of one group in one batch, with its 95% Wilson interval. */
export interface TrendPoint {
  batch: string;
  batchIndex: number;
  inspected: number;
  correct: number;
  accuracy: number;
  wilson: [number, number];
}

/** A fall larger than the two batches' intervals allow: the later interval lies wholly below the earlier one. */
export interface Slip {
  from: TrendPoint;
  to: TrendPoint;
}

export interface TrendSeries {
  dimension: TrendDimension;
  key: string;
  /** Only batches where the group had inspected items. */
  points: TrendPoint[];
  slip?: Slip;
}

/**
 * The largest fall between two batches whose 95% Wilson intervals do not overlap (later upper
 * bound below the earlier lower bound), or undefined when every change is within the intervals.
 *
 * @example findSlip([{ …, wilson: [0.9, 1] }, { …, wilson: [0.5, 0.8] }]) // { from: first, to: second }
 */
export function findSlip(points: readonly TrendPoint[]): Slip | undefined {
  let best: Slip | undefined;
  let gap = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const g = points[i].wilson[0] - points[j].wilson[1];
      if (g > gap) {
        gap = g;
        best = { from: points[i], to: points[j] };
      }
    }
  }
  return best;
}

/**
 * Accuracy per group (moderator, policy or market) and batch, each point with its Wilson
 * interval, and the slip where a group fell by more than its intervals allow. Groups sorted by key.
 */
export function trendSeries(batches: readonly TrendBatch[], dimension: TrendDimension): TrendSeries[] {
  const groups = new Map<string, Map<number, { n: number; correct: number }>>();
  batches.forEach((b, batchIndex) => {
    for (const item of b.items) {
      const key = item[dimension];
      const perBatch = groups.get(key) ?? new Map<number, { n: number; correct: number }>();
      const c = perBatch.get(batchIndex) ?? { n: 0, correct: 0 };
      c.n++;
      if (item.correct) c.correct++;
      perBatch.set(batchIndex, c);
      groups.set(key, perBatch);
    }
  });
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, perBatch]) => {
      const points = [...perBatch.entries()]
        .sort(([a], [b]) => a - b)
        .map(([batchIndex, c]): TrendPoint => ({
          batch: batches[batchIndex].batch,
          batchIndex,
          inspected: c.n,
          correct: c.correct,
          accuracy: c.correct / c.n,
          wilson: wilsonInterval(c.correct, c.n),
        }));
      return { dimension, key, points, slip: findSlip(points) };
    });
}

/** The largest code letter whose sample size fits in n inspected items, or undefined below 2. */
export function letterForSample(n: number): CodeLetter | undefined {
  let chosen: CodeLetter | undefined;
  for (const letter of CODE_LETTERS) if (LETTER_N[letter] <= n) chosen = letter;
  return chosen;
}

/** Sample size per code letter (ISO 2859-1 table II-A), before any arrow. */
const LETTER_N: Record<CodeLetter, number> = {
  A: 2,
  B: 3,
  C: 5,
  D: 8,
  E: 13,
  F: 20,
  G: 32,
  H: 50,
  J: 80,
  K: 125,
  L: 200,
  M: 315,
  N: 500,
  P: 800,
  Q: 1250,
  R: 2000,
};

/** One lot of a moderator's stream: their inspected items of one batch. */
export interface StreamLot {
  batch: string;
  inspected: number;
  defects: number;
  aql: Aql;
}

export interface LotDecision {
  batch: string;
  /** The inspection in force when the lot was judged. */
  inspection: Inspection;
  letter?: CodeLetter;
  accept?: number;
  /** Undefined where the lot had fewer than 2 inspected items (no plan fits). */
  accepted?: boolean;
}

/**
 * A moderator's lots judged one after another under ISO 2859-1: each lot's inspected items are
 * its sample (the largest code letter they fill), judged against that letter's acceptance number
 * under the inspection in force (normal, tightened or reduced), which the switching rules then move.
 */
export function judgeStream(
  lots: readonly StreamLot[],
  options: SwitchingOptions = {},
): { decisions: LotDecision[]; status: SwitchingStatus; movedAtBatch?: string } {
  let status = INITIAL_SWITCHING;
  const decided: string[] = [];
  const decisions = lots.map((lot): LotDecision => {
    const inspection = inspectionFor(status.state);
    const letter = letterForSample(lot.inspected);
    if (!letter) return { batch: lot.batch, inspection };
    const { accept } = planForLetter(letter, lot.aql, inspection);
    const accepted = lot.defects <= accept;
    status = nextSwitchingStatus(status, accepted, options);
    decided.push(lot.batch);
    return { batch: lot.batch, inspection, letter, accept, accepted };
  });
  return { decisions, status, movedAtBatch: status.movedAtLot === undefined ? undefined : decided[status.movedAtLot] };
}
