import type { DecisionField, Verdict } from '../model';
import type { Decision } from './decision';

/** A verdict as a small number (0 = none) and back: the lot's column and the duplicate table use it. */
export const VERDICT_OF_CODE: readonly (Verdict | null)[] = [
  null,
  'approve',
  'remove',
  'age_restrict',
  'fyf_ineligible',
  'escalate',
];
export const CODE_OF_VERDICT: Readonly<Record<Verdict, number>> = {
  approve: 1,
  remove: 2,
  age_restrict: 3,
  fyf_ineligible: 4,
  escalate: 5,
};

/** The fields whose values repeat (a few hundred moderators, a few dozen policies, markets…). */
export const REPEATED_FIELDS = ['moderator', 'policy', 'market', 'language', 'queue'] as const;
export type RepeatedField = (typeof REPEATED_FIELDS)[number];

/** Text that repeats, kept as a number per decision into a list of its distinct values. */
export class RepeatedText {
  codes: Int32Array;
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  set(i: number, text: string): void {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(text, code);
      this.values.push(text);
    }
    this.codes[i] = code;
  }

  get(i: number): string {
    return this.values[this.codes[i]];
  }
}

const grownTyped = <T extends Int32Array | Float64Array | Uint8Array>(a: T, capacity: number): T => {
  const grown = new (a.constructor as new (n: number) => T)(capacity);
  grown.set(a);
  return grown;
};

// Text columns start as holes (nothing to fill a million slots with): an unset link or note reads as ''.
const grownText = (a: (string | undefined)[], capacity: number): (string | undefined)[] => {
  const grown = new Array<string | undefined>(capacity);
  for (let i = 0; i < a.length; i++) if (a[i] !== undefined) grown[i] = a[i];
  return grown;
};

/**
 * A lot's decisions as columns: typed arrays for rows, verdicts, dates and the duplicate mark,
 * numbers into lists of distinct values for the text that repeats, and plain lists only for the
 * text that does not (IDs, links, notes). A million decisions as a million objects cost the
 * validator half its time in allocation and garbage collection; as columns they cost neither,
 * and a fifth of the memory. `decision(i)` gives one back as a Decision.
 *
 * @example
 * const lot = DecisionLot.from([
 *   { row: 2, itemId: '1', moderator: 'sato', verdict: 'approve', policy: '', decidedAt: null, market: 'JP',
 *     language: 'ja', queue: '', url: '', notes: '' },
 * ]);
 * lot.decision(0).moderator // 'sato'
 */
export class DecisionLot {
  length = 0;
  rows: Int32Array;
  /** 0 = none, then approve, remove, age_restrict, fyf_ineligible, escalate. */
  verdicts: Uint8Array;
  /** UTC milliseconds; NaN when empty or unreadable. */
  decidedAt: Float64Array;
  /**
   * 0 = first row of its ID, 1 = a later row (another moderator's decision), 2 = not known
   * (decisions from elsewhere), 3 = a repeat (the same moderator, item and time as a row above).
   */
  duplicate: Uint8Array;
  itemIds: string[];
  urls: (string | undefined)[];
  notes: (string | undefined)[];
  readonly text: Record<RepeatedField, RepeatedText>;
  private capacity: number;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.rows = new Int32Array(this.capacity);
    this.verdicts = new Uint8Array(this.capacity);
    this.decidedAt = new Float64Array(this.capacity);
    this.duplicate = new Uint8Array(this.capacity);
    this.itemIds = new Array<string>(this.capacity);
    this.urls = new Array<string | undefined>(this.capacity);
    this.notes = new Array<string | undefined>(this.capacity);
    this.text = {
      moderator: new RepeatedText(this.capacity),
      policy: new RepeatedText(this.capacity),
      market: new RepeatedText(this.capacity),
      language: new RepeatedText(this.capacity),
      queue: new RepeatedText(this.capacity),
    };
  }

  /** A lot holding these decisions, in order. */
  static from(decisions: readonly Decision[]): DecisionLot {
    const lot = new DecisionLot(decisions.length);
    for (const d of decisions) lot.addDecision(d);
    return lot;
  }

  /** Appends one decision given as a record. */
  addDecision(d: Decision): void {
    this.add(
      d.row,
      d.itemId,
      d.moderator,
      d.verdict,
      d.policy,
      d.decidedAt,
      d.market,
      d.language,
      d.queue,
      d.url,
      d.notes,
      d.duplicate,
      d.repeat,
    );
  }

  /** Appends one decision (positional: the validator calls this a million times). */
  add(
    row: number,
    itemId: string,
    moderator: string,
    verdict: Verdict | null,
    policy: string,
    decidedAt: number | null,
    market: string,
    language: string,
    queue: string,
    url: string,
    notes: string,
    duplicate: boolean | undefined,
    repeat = false,
  ): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.rows[i] = row;
    this.itemIds[i] = itemId;
    this.verdicts[i] = verdict === null ? 0 : CODE_OF_VERDICT[verdict];
    this.decidedAt[i] = decidedAt === null ? NaN : decidedAt;
    this.duplicate[i] = repeat ? 3 : duplicate === undefined ? 2 : duplicate ? 1 : 0;
    const t = this.text;
    t.moderator.set(i, moderator);
    t.policy.set(i, policy);
    t.market.set(i, market);
    t.language.set(i, language);
    t.queue.set(i, queue);
    if (url) this.urls[i] = url;
    if (notes) this.notes[i] = notes;
  }

  verdict(i: number): Verdict | null {
    return VERDICT_OF_CODE[this.verdicts[i]];
  }

  /** The text of any decision field at `i`, as sampling strata use it (a date as its UTC day). */
  fieldText(field: DecisionField, i: number): string {
    switch (field) {
      case 'item_id':
        return this.itemIds[i];
      case 'verdict':
        return this.verdict(i) ?? '';
      case 'decided_at':
        return Number.isNaN(this.decidedAt[i]) ? '' : new Date(this.decidedAt[i]).toISOString().slice(0, 10);
      case 'url':
        return this.urls[i] ?? '';
      case 'notes':
        return this.notes[i] ?? '';
      default:
        return this.text[field].get(i);
    }
  }

  /** The decision at `i` as an object. */
  decision(i: number): Decision {
    const t = this.text;
    const d: Decision = {
      row: this.rows[i],
      itemId: this.itemIds[i],
      moderator: t.moderator.get(i),
      verdict: this.verdict(i),
      policy: t.policy.get(i),
      decidedAt: Number.isNaN(this.decidedAt[i]) ? null : this.decidedAt[i],
      market: t.market.get(i),
      language: t.language.get(i),
      queue: t.queue.get(i),
      url: this.urls[i] ?? '',
      notes: this.notes[i] ?? '',
    };
    const mark = this.duplicate[i];
    if (mark !== 2) d.duplicate = mark === 1 || mark === 3;
    if (mark === 3) d.repeat = true;
    return d;
  }

  /** Every decision as an object (small lots, tests). */
  toDecisions(): Decision[] {
    const out: Decision[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.decision(i));
    return out;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.rows = grownTyped(this.rows, capacity);
    this.verdicts = grownTyped(this.verdicts, capacity);
    this.decidedAt = grownTyped(this.decidedAt, capacity);
    this.duplicate = grownTyped(this.duplicate, capacity);
    this.itemIds = grownText(this.itemIds, capacity) as string[];
    this.urls = grownText(this.urls, capacity);
    this.notes = grownText(this.notes, capacity);
    for (const f of REPEATED_FIELDS) this.text[f].codes = grownTyped(this.text[f].codes, capacity);
    this.capacity = capacity;
  }
}
