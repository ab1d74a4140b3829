import type { Inspection } from './planTables';

/** Where a lot stream (one moderator, one queue) stands under ISO 2859-1's switching rules. */
export type SwitchingState = Inspection | 'discontinued';

/**
 * The switching rules of ISO 2859-1 clause 9, as shared/reference/sampling.md states them:
 * - normalToTightened: "2 of 5 or fewer consecutive lots not accepted";
 * - tightenedToNormal: "5 consecutive lots accepted";
 * - normalToReduced: "10 preceding lots accepted (plus conditions a lead confirms)";
 * - reducedToNormal: "a lot not accepted";
 * - discontinue: "5 cumulative lots not accepted while on tightened inspection".
 */
export const SWITCHING_RULES = [
  'normalToTightened',
  'tightenedToNormal',
  'normalToReduced',
  'reducedToNormal',
  'discontinue',
] as const;
export type SwitchingRule = (typeof SWITCHING_RULES)[number];

export interface SwitchingStatus {
  state: SwitchingState;
  /** Accepted lots in a row (counts towards tightened → normal and normal → reduced). */
  acceptedInRow: number;
  /** Outcomes of the last lots on normal inspection, newest last (for "2 of 5 not accepted"). */
  recentNormal: boolean[];
  /** Lots not accepted since tightened inspection began (5 → discontinue). */
  rejectedWhileTightened: number;
  /** The rule that last moved the stream, and at which lot (0-based, over the whole history). */
  rule?: SwitchingRule;
  movedAtLot?: number;
  /** Lots decided so far. */
  lots: number;
  /** On normal with 10 or more accepted in a row, waiting for the lead's confirmation to go to reduced. */
  reducedEligible: boolean;
}

export const INITIAL_SWITCHING: SwitchingStatus = {
  state: 'normal',
  acceptedInRow: 0,
  recentNormal: [],
  rejectedWhileTightened: 0,
  lots: 0,
  reducedEligible: false,
};

export interface SwitchingOptions {
  /**
   * The lead's confirmation of the standard's further conditions for reduced inspection (production
   * steady, the responsible authority agrees). Without it the stream stays on normal and is only
   * marked `reducedEligible`. Default false.
   */
  reducedAllowed?: boolean;
}

/** Inspection the plan of the next lot uses: a discontinued stream resumes on tightened once restarted. */
export function inspectionFor(state: SwitchingState): Inspection {
  return state === 'discontinued' ? 'tightened' : state;
}

/**
 * The next status after one lot's decision (true = accepted on original inspection).
 *
 * @example nextSwitchingStatus(nextSwitchingStatus(INITIAL_SWITCHING, false), false).state // 'tightened'
 * Invalid input: a discontinued stream stays discontinued (a lead restarts it by hand).
 */
export function nextSwitchingStatus(
  status: SwitchingStatus,
  accepted: boolean,
  options: SwitchingOptions = {},
): SwitchingStatus {
  const lot = status.lots;
  const s: SwitchingStatus = { ...status, recentNormal: [...status.recentNormal], lots: lot + 1 };
  const move = (state: SwitchingState, rule: SwitchingRule): SwitchingStatus => ({
    ...INITIAL_SWITCHING,
    state,
    rule,
    movedAtLot: lot,
    lots: lot + 1,
    rejectedWhileTightened: state === 'discontinued' ? s.rejectedWhileTightened : 0,
  });
  switch (s.state) {
    case 'discontinued':
      return status;
    case 'normal': {
      s.recentNormal = [...s.recentNormal, accepted].slice(-5);
      s.acceptedInRow = accepted ? s.acceptedInRow + 1 : 0;
      if (s.recentNormal.filter((a) => !a).length >= 2) return move('tightened', 'normalToTightened');
      s.reducedEligible = s.acceptedInRow >= 10;
      if (s.reducedEligible && options.reducedAllowed) return move('reduced', 'normalToReduced');
      return s;
    }
    case 'tightened': {
      if (!accepted) {
        s.rejectedWhileTightened += 1;
        s.acceptedInRow = 0;
        return s.rejectedWhileTightened >= 5 ? move('discontinued', 'discontinue') : s;
      }
      s.acceptedInRow += 1;
      return s.acceptedInRow >= 5 ? move('normal', 'tightenedToNormal') : s;
    }
    case 'reduced':
      return accepted ? { ...s, acceptedInRow: s.acceptedInRow + 1 } : move('normal', 'reducedToNormal');
  }
}

/**
 * The status of a stream after a history of lot decisions, oldest first.
 *
 * @example switchingStatusAfter([true, false, true, false]).rule // 'normalToTightened'
 */
export function switchingStatusAfter(history: readonly boolean[], options: SwitchingOptions = {}): SwitchingStatus {
  return history.reduce((s, a) => nextSwitchingStatus(s, a, options), INITIAL_SWITCHING);
}

/**
 * The state of a stream after a history of lot decisions, oldest first.
 *
 * @example switchingStateAfter([true, false, true, false]) // 'tightened'
 */
export function switchingStateAfter(history: readonly boolean[], options: SwitchingOptions = {}): SwitchingState {
  return switchingStatusAfter(history, options).state;
}
