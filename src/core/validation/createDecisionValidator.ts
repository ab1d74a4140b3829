import { matchKey } from '../text/matchKey';
import { isCellError, MAX_ROW } from '../../excelSpec';
import type { Mapping } from '../mapping/detectMapping';
import { isEnforcing, REQUIRED_FIELDS, type DecisionField, type Verdict } from '../model';
import type { CellValue } from '../../excelSpec';
import { parseLanguage, parseMarket } from '../normalize/marketAndLanguage';
import { parseDate } from '../normalize/parseDate';
import { parseItemId } from '../normalize/parseItemId';
import { parseVerdict } from '../normalize/parseVerdict';
import { createPolicyIndex } from '../taxonomy/policyIndex';
import type { Policy, Taxonomy } from '../taxonomy/types';
import type { Decision } from '../decisions/decision';
import { makeFinding, type Finding, type FindingCode } from '../findings/finding';
import { CODE_OF_VERDICT, DecisionLot, VERDICT_OF_CODE } from '../decisions/decisionLot';
import { ItemIdIndex } from './itemIdIndex';

export interface DecisionValidatorOptions {
  mapping: Mapping;
  taxonomy: Taxonomy;
  /** "Now" as UTC milliseconds, for the future-date rule (core never reads the clock). */
  now: number;
  /** Keep the normalized decisions (for sampling) in `lot`; off when only findings are wanted. */
  collectDecisions?: boolean;
  /** Stop recording findings past this many (counts go on); protects memory on a broken sheet. */
  maxFindings?: number;
  /**
   * Rows the sheet holds, when the caller knows (a used range does): the duplicate-ID table is
   * sized once instead of growing and rehashing a million IDs as the chunks arrive.
   */
  expectedRows?: number;
  /**
   * Columns the header names (its last non-empty cell + 1): a row with text past it is a ragged
   * line (a shifted CSV row), reported and left out of the lot.
   */
  headerWidth?: number;
  /** Keep rows that fail a required check in the lot (a sample drawn elsewhere names its rows). */
  keepFailedRows?: boolean;
}

export interface ValidationSummary {
  findings: Finding[];
  /** Findings per rule, including any past maxFindings. */
  counts: Partial<Record<FindingCode, number>>;
  rowsChecked: number;
  /** Rows that failed a required check (no ID, moderator or known verdict; ragged) and are not in the lot. */
  leftOut: number;
  /** The normalized decisions (with collectDecisions), as columns: what sampling draws from. */
  lot: DecisionLot;
  /** The same decisions as objects, built on first use (small sheets, tests). */
  readonly decisions: Decision[];
}

/** A validator fed chunk by chunk, so a 1,048,576-row sheet never has to be in one request. */
export interface DecisionValidator {
  /**
   * Checks rows read from the sheet. `firstRow` is the 1-based sheet row of `rows[0]`;
   * `formulas`, when given, is the same block's `Range.formulas` (to notice formulas in cells).
   */
  addChunk(
    rows: readonly (readonly CellValue[])[],
    firstRow: number,
    formulas?: readonly (readonly CellValue[])[],
  ): void;
  finish(): ValidationSummary;
}

/** Memoizes a parser on the raw cell value: verdicts, policies and markets repeat a lot. */
function memo<T>(fn: (v: CellValue) => T): (v: CellValue) => T {
  const cache = new Map<CellValue, T>();
  return (v) => {
    let r = cache.get(v);
    if (r === undefined && !cache.has(v)) {
      r = fn(v);
      if (cache.size < 100000) cache.set(v, r);
    }
    return r as T;
  };
}

/** The first row and label stored under each key (an item ID, or a decision's key): typed arrays, no object per key. */
class FirstRows {
  private readonly index: ItemIdIndex;
  private rows: Int32Array;
  private labels: Int32Array;
  readonly moderators: string[] = [];

  constructor(expected?: number) {
    this.index = new ItemIdIndex(expected);
    const n = Math.max(16, expected ?? 1024);
    this.rows = new Int32Array(n);
    this.labels = new Int32Array(n);
  }

  /** Records the key's first row, or returns the ordinal it was recorded under (undefined when new). */
  record(key: string, row: number, label: number, moderator: string): number | undefined {
    const ordinal = this.index.size;
    const prev = this.index.setIfAbsent(key, ordinal);
    if (prev !== undefined) return prev;
    if (ordinal === this.rows.length) {
      this.rows = grown(this.rows);
      this.labels = grown(this.labels);
    }
    this.rows[ordinal] = row;
    this.labels[ordinal] = label;
    this.moderators[ordinal] = moderator;
    return undefined;
  }

  row(ordinal: number): number {
    return this.rows[ordinal];
  }

  label(ordinal: number): number {
    return this.labels[ordinal];
  }
}

/**
 * The first judgment of each item and the first row of each decision (item + moderator + time),
 * for the repeat and disagreement rules on a full sheet. A label is verdict code × 65536 + policy
 * number (the policy counts only when the verdict enforces).
 */
class FirstJudgments {
  private readonly items: FirstRows;
  private readonly decisions: FirstRows;
  private readonly policies = new Map<string, number>();

  constructor(expected?: number) {
    this.items = new FirstRows(expected);
    this.decisions = new FirstRows(expected);
  }

  policyCode(policy: string): number {
    let c = this.policies.get(policy);
    if (c === undefined) this.policies.set(policy, (c = this.policies.size + 1));
    return c;
  }

  /** Records the item's first judgment, or returns it when the item was seen before. */
  firstOfItem(
    itemId: string,
    row: number,
    label: number,
    moderator: string,
  ): { row: number; label: number; moderator: string; verdict: string; policy: string } | undefined {
    const prev = this.items.record(itemId, row, label, moderator);
    if (prev === undefined) return undefined;
    const l = this.items.label(prev);
    return { ...this.describe(l), row: this.items.row(prev), label: l, moderator: this.items.moderators[prev] };
  }

  /** Records a decision's first row, or returns it (row and label) when the decision was seen before. */
  firstOfDecision(key: string, row: number, label: number): { row: number; label: number } | undefined {
    const prev = this.decisions.record(key, row, label, '');
    return prev === undefined ? undefined : { row: this.decisions.row(prev), label: this.decisions.label(prev) };
  }

  /** The verdict and policy (in brackets, or '') of a label, for a finding's message. */
  describe(label: number): { verdict: string; policy: string } {
    const verdict = VERDICT_OF_CODE[Math.floor(label / 65536)] ?? '';
    const code = label % 65536;
    let policy = '';
    if (code)
      for (const [p, c] of this.policies)
        if (c === code) {
          policy = p;
          break;
        }
    return { verdict, policy: policy ? `(${policy})` : '' };
  }
}

const grown = (a: Int32Array): Int32Array => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

// Hoisted so the per-row loops allocate nothing.
const FORMULA_FIELDS = ['item_id', 'moderator', 'verdict', 'policy'] as const;
const ERROR_FIELDS = ['item_id', 'moderator', 'verdict', 'policy', 'decided_at', 'market', 'language'] as const;

const text = (v: CellValue | undefined): string =>
  v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v);

/**
 * Creates a validator for the decisions sheet: required fields, verdicts, policies (with "did you
 * mean"), deprecated policies, verdicts a policy does not allow, enforcing without a policy,
 * approve with a policy, duplicate IDs (across chunks), dates, markets, languages, ID precision
 * loss, error values and formulas.
 *
 * @example
 * const v = createDecisionValidator({
 *   mapping: { item_id: 0, moderator: 1, verdict: 2, policy: 3 }, taxonomy: defaultTaxonomy(), now,
 * });
 * v.addChunk([['1', 'sato', '削除', '']], 2);
 * v.finish().findings[0].code // 'enforcing_without_policy'
 * Invalid input: a mapping without item_id/moderator/verdict gives one missing_required_column
 * finding per field (on the header row, row firstRow − 1) and checks what it can.
 */
export function createDecisionValidator(options: DecisionValidatorOptions): DecisionValidator {
  const { mapping, now } = options;
  const maxFindings = options.maxFindings ?? 100000;
  const index = createPolicyIndex(options.taxonomy);
  const findings: Finding[] = [];
  const counts: Partial<Record<FindingCode, number>> = {};
  // Decisions are kept as columns, not a million objects (see DecisionLot).
  const lot = options.collectDecisions ? new DecisionLot(options.expectedRows ?? 1024) : undefined;
  const judgments = new FirstJudgments(options.expectedRows ? Math.min(options.expectedRows, MAX_ROW) : undefined);
  let rowsChecked = 0;
  let leftOut = 0;
  const headerWidth = options.headerWidth ?? Infinity;
  let headerChecked = false;

  const add = (
    code: FindingCode,
    row: number,
    field: DecisionField | string,
    params: Finding['params'],
    suggestion?: string,
    column?: number,
  ) => {
    counts[code] = (counts[code] ?? 0) + 1;
    if (findings.length < maxFindings)
      findings.push(makeFinding(code, row, column ?? mapping[field as DecisionField] ?? 0, field, params, suggestion));
  };

  const verdictOf = memo(parseVerdict);
  const policyOf = memo((v) => index.find(v));
  const suggestionOf = memo((v) => index.suggest(v));
  const marketOf = memo(parseMarket);
  const languageOf = memo(parseLanguage);
  const c = mapping;
  // The mapped columns to check for error values, resolved once rather than per row.
  const errorFields = ERROR_FIELDS.filter((f) => c[f] !== undefined);
  const errorColumns = errorFields.map((f) => c[f] as number);

  // Market and language: the code when known, else the text as written (with a finding). Defined
  // once, outside the row loop: a closure per row over the row's variables cost a third of the time.
  const codeOf = (
    cells: readonly CellValue[],
    row: number,
    hasError: boolean,
    field: 'market' | 'language',
    parse: (v: CellValue) => string | null | undefined,
    rule: FindingCode,
  ): string => {
    const col = c[field];
    if (col === undefined) return '';
    const raw = cells[col];
    const parsed = parse(raw);
    if (parsed !== undefined) return parsed ?? '';
    if (!hasError) add(rule, row, field, { value: text(raw) });
    return text(raw);
  };

  return {
    addChunk(rows, firstRow, formulas) {
      if (!headerChecked) {
        headerChecked = true;
        for (const f of [...REQUIRED_FIELDS])
          if (c[f] === undefined)
            add('missing_required_column', Math.max(1, firstRow - 1), f, { field: f }, undefined, 0);
      }
      for (let i = 0; i < rows.length; i++) {
        const cells = rows[i];
        const row = firstRow + i;
        // Blank rows between blocks are common and not decisions.
        let blank = true;
        for (let k = 0; k < cells.length; k++)
          if (cells[k] !== '' && cells[k] !== null && cells[k] !== undefined) {
            blank = false;
            break;
          }
        if (blank) continue;
        rowsChecked++;
        // A row that fails a required check is reported and kept out of the lot (it cannot be inspected).
        let failed = false;
        if (cells.length > headerWidth) {
          let last = -1;
          for (let k = headerWidth; k < cells.length; k++)
            if (cells[k] !== '' && cells[k] !== null && cells[k] !== undefined) last = k;
          if (last >= 0) {
            add('ragged_row', row, 'row', { cells: last + 1, expected: headerWidth }, undefined, last);
            failed = true;
          }
        }

        if (formulas) {
          const fr = formulas[i];
          for (const field of FORMULA_FIELDS) {
            const col = c[field];
            if (col === undefined) continue;
            const f = fr?.[col];
            if (typeof f === 'string' && f.startsWith('='))
              add('formula_in_cell', row, field, { value: text(cells[col]) });
          }
        }
        let hasError = false;
        for (let e = 0; e < errorColumns.length; e++) {
          const v = cells[errorColumns[e]];
          if (typeof v === 'string' && v.charCodeAt(0) === 35 /* # */ && isCellError(v)) {
            add('error_value', row, errorFields[e], { value: v });
            hasError = true;
          }
        }

        const rawId = c.item_id === undefined ? '' : cells[c.item_id];
        // IDs held as text (the normal case) are read without building a reading object.
        let itemId: string;
        if (typeof rawId === 'string' && rawId !== '') {
          itemId = rawId.trim();
          if (!itemId) {
            add('missing_value', row, 'item_id', { field: 'item_id' });
            failed = true;
          }
        } else {
          const id = parseItemId(rawId);
          itemId = id.id;
          if (id.kind === 'empty') {
            add('missing_value', row, 'item_id', { field: 'item_id' });
            failed = true;
          } else if (id.kind === 'precision_lost') add('id_precision_loss', row, 'item_id', { value: id.id });
          else if (id.kind === 'number') add('id_not_text', row, 'item_id', { value: id.id });
        }

        const moderator = c.moderator === undefined ? '' : text(cells[c.moderator]).trim();
        if (c.moderator !== undefined && !moderator) {
          add('missing_value', row, 'moderator', { field: 'moderator' });
          failed = true;
        }

        const rawVerdict = c.verdict === undefined ? '' : cells[c.verdict];
        let verdict: Verdict | null = null;
        if (c.verdict !== undefined) {
          const parsed = verdictOf(rawVerdict);
          if (parsed === null) add('missing_value', row, 'verdict', { field: 'verdict' });
          else if (parsed === undefined) {
            if (!hasError) add('unknown_verdict', row, 'verdict', { value: text(rawVerdict) });
          } else verdict = parsed;
          if (!verdict) failed = true;
        }

        const rawPolicy = c.policy === undefined ? '' : cells[c.policy];
        const policyText = text(rawPolicy).trim();
        let policy: Policy | undefined;
        if (policyText) {
          policy = policyOf(rawPolicy);
          if (!policy) {
            if (!hasError) add('unknown_policy', row, 'policy', { value: policyText }, suggestionOf(rawPolicy));
          } else if (!policy.parent) add('section_as_policy', row, 'policy', { value: policy.code });
          else if (policy.status === 'deprecated')
            add(
              'deprecated_policy',
              row,
              'policy',
              { value: policy.code, replacement: policy.replacedBy },
              policy.replacedBy,
            );
        }
        if (verdict) {
          if (verdict === 'approve' && policyText) add('approve_with_policy', row, 'policy', { policy: policyText });
          else if (isEnforcing(verdict) && !policyText && c.policy !== undefined)
            add('enforcing_without_policy', row, 'verdict', { verdict });
          else if (isEnforcing(verdict) && policy && policy.parent && !policy.allowedVerdicts.includes(verdict)) {
            add('verdict_not_allowed', row, 'verdict', {
              verdict,
              policy: policy.code,
              allowed: policy.allowedVerdicts.join(', '),
            });
          }
        }

        let decidedAt: number | null = null;
        if (c.decided_at !== undefined) {
          const raw = cells[c.decided_at];
          const d = parseDate(raw);
          if (d === undefined) {
            if (!hasError) add('unparseable_date', row, 'decided_at', { value: text(raw) });
          } else if (d !== null) {
            decidedAt = d;
            // A day's grace: sheets are often stamped in a time zone ahead of UTC.
            if (d > now + 86400000)
              add('future_date', row, 'decided_at', {
                value: new Date(d).toISOString().slice(0, 16).replace('T', ' '),
              });
          }
        }
        let duplicate = false;
        let repeat = false;
        if (itemId) {
          const policyKey = policy ? policy.code : policyText;
          const label =
            (verdict ? CODE_OF_VERDICT[verdict] : 0) * 65536 +
            (verdict && isEnforcing(verdict) ? judgments.policyCode(policyKey) : 0);
          const first = judgments.firstOfItem(matchKey(itemId), row, label, moderator);
          // A decision is item + moderator + time (where the sheet has one).
          const decisionKey = `${matchKey(itemId)}\u001f${matchKey(moderator)}\u001f${decidedAt ?? ''}`;
          if (first) {
            duplicate = true;
            const earlier = judgments.firstOfDecision(decisionKey, row, label);
            if (earlier) {
              // The same moderator on the same item (at the same time): a repeat, not a second decision.
              repeat = true;
              const other = judgments.describe(earlier.label);
              if (earlier.label !== label)
                add('duplicate_conflicting', row, 'item_id', {
                  value: itemId,
                  moderator,
                  otherRow: earlier.row,
                  otherVerdict: other.verdict,
                  otherPolicy: other.policy,
                });
              else add('duplicate_item', row, 'item_id', { value: itemId, moderator, otherRow: earlier.row });
            } else if (first.label !== label) {
              add('conflicting_judgments', row, 'item_id', {
                value: itemId,
                otherModerator: first.moderator,
                otherRow: first.row,
                otherVerdict: first.verdict,
                otherPolicy: first.policy,
              });
            }
          } else judgments.firstOfDecision(decisionKey, row, label);
        }

        const market = codeOf(cells, row, hasError, 'market', marketOf, 'unknown_market');
        const language = codeOf(cells, row, hasError, 'language', languageOf, 'unknown_language');

        if (failed) leftOut++;
        if ((!failed || options.keepFailedRows) && lot) {
          lot.add(
            row,
            itemId,
            moderator,
            verdict,
            policy ? policy.code : policyText,
            decidedAt,
            market,
            language,
            c.queue === undefined ? '' : text(cells[c.queue]),
            c.url === undefined ? '' : text(cells[c.url]),
            c.notes === undefined ? '' : text(cells[c.notes]),
            duplicate,
            repeat,
          );
        }
      }
    },
    finish() {
      const kept = lot ?? new DecisionLot(0);
      let decisions: Decision[] | undefined;
      return {
        findings,
        counts,
        rowsChecked,
        leftOut,
        lot: kept,
        get decisions() {
          return (decisions ??= kept.toDecisions());
        },
      };
    },
  };
}

/**
 * Validates a whole block of rows at once (the rows below the header).
 *
 * @example validateDecisions(rows, 2, { mapping, taxonomy, now }).counts.unknown_policy // 3
 */
export function validateDecisions(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  options: DecisionValidatorOptions,
): ValidationSummary {
  const v = createDecisionValidator(options);
  v.addChunk(rows, firstRow);
  return v.finish();
}
