import type { Inspection } from './planTables';

/** Where a lot stream (one moderator, one queue) stands under ISO 2859-1's switching rules. */
export type SwitchingState = Inspection | 'discontinued';

export interface SwitchingStatus {
  state: SwitchingState;
  /** Accepted lots in a row (counts towards tightened → normal and normal → reduced). */
  acceptedInRow: number;
  /** Outcomes of the last lots on normal inspection, newest last (for "2 of 5 not accepted"). */
  recentNormal: boolean[];
  /** Lots not accepted since tightened inspection began (5 → discontinue). */
  rejectedWhileTightened: number;
}

export const INITIAL_SWITCHING: SwitchingStatus = { state: 'normal', acceptedInRow: 0, recentNormal: [], rejectedWhileTightened: 0 };

export interface SwitchingOptions {
  /** A lead's confirmation that production is steady, required to go to reduced (the standard's extra conditions). Default true. */
  reducedAllowed?: boolean;
}

/**
 * The next state after one lot's decision:
 * normal → tightened when 2 of 5 or fewer consecutive lots are not accepted;
 * tightened → normal after 5 consecutive accepted lots;
 * normal → reduced after 10 consecutive accepted lots (and the lead's confirmation);
 * reduced → normal when a lot is not accepted;
 * tightened → discontinued when 5 lots in all are not accepted while tightened.
 *
 * @example nextSwitchingStatus(nextSwitchingStatus(INITIAL_SWITCHING, false), false).state // 'tightened'
 * Invalid input: a discontinued stream stays discontinued (a lead restarts it by hand).
 */
export function nextSwitchingStatus(status: SwitchingStatus, accepted: boolean, options: SwitchingOptions = {}): SwitchingStatus {
  const s: SwitchingStatus = { ...status, recentNormal: [...status.recentNormal] };
  switch (s.state) {
    case 'discontinued':
      return s;
    case 'normal': {
      s.recentNormal = [...s.recentNormal, accepted].slice(-5);
      s.acceptedInRow = accepted ? s.acceptedInRow + 1 : 0;
      if (s.recentNormal.filter((a) => !a).length >= 2) return { state: 'tightened', acceptedInRow: 0, recentNormal: [], rejectedWhileTightened: 0 };
      if (s.acceptedInRow >= 10 && (options.reducedAllowed ?? true)) return { state: 'reduced', acceptedInRow: 0, recentNormal: [], rejectedWhileTightened: 0 };
      return s;
    }
    case 'tightened': {
      if (!accepted) {
        s.rejectedWhileTightened += 1;
        s.acceptedInRow = 0;
        if (s.rejectedWhileTightened >= 5) return { ...s, state: 'discontinued' };
        return s;
      }
      s.acceptedInRow += 1;
      if (s.acceptedInRow >= 5) return { ...INITIAL_SWITCHING };
      return s;
    }
    case 'reduced':
      return accepted ? { ...s, acceptedInRow: s.acceptedInRow + 1 } : { ...INITIAL_SWITCHING };
  }
}

/**
 * The state of a stream after a history of lot decisions, oldest first.
 *
 * @example switchingStateAfter([true, false, true, false]) // 'tightened'
 */
export function switchingStateAfter(history: readonly boolean[], options: SwitchingOptions = {}): SwitchingState {
  return history.reduce((s, a) => nextSwitchingStatus(s, a, options), INITIAL_SWITCHING).state;
}
