import type { Verdict } from '../model';

/** One moderator's decision, read and normalized from a row of the decisions sheet. */
export interface Decision {
  /** 1-based sheet row. */
  row: number;
  itemId: string;
  moderator: string;
  /** `null` when the cell is empty or unreadable (a finding says which). */
  verdict: Verdict | null;
  /** The policy code when the taxonomy knows it, else the text as written, else `''`. */
  policy: string;
  /** UTC milliseconds, `null` when empty or unreadable. */
  decidedAt: number | null;
  market: string;
  language: string;
  queue: string;
  url: string;
  notes: string;
  /** True for a later row of an item ID seen above (the validator knows; samples skip it). */
  duplicate?: boolean;
  /**
   * True for a repeat: the same moderator judged the same item again (at the same time, or with no
   * time). Different moderators on one item are not repeats; every one of them is a decision.
   */
  repeat?: boolean;
}
