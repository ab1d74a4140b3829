import type { Outcome, Settlement, Verdict } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { OUTCOMES, isEnforcing } from '../core/model';
import { parseVerdict } from '../core/normalize/parseVerdict';
import { classifyOutcome } from '../core/stats/classifyOutcome';
import type { InspectedItem } from '../core/stats/summarizeInspection';
import type { PolicyLookup } from './policyLookup';
import { inspectionSheet, isYes, parseOutcome, type InspectionColumn } from './schema/inspectionSheet';

/** One row of an inspection sheet, read by column name (field names or either language's labels). */
export interface InspectionRow {
  /** 0-based index among the data rows. */
  index: number;
  itemId: string;
  moderator: string;
  verdict: Verdict | null;
  policy: string;
  market: string;
  language: string;
  queue: string;
  url: string;
  notes: string;
  qaVerdict: Verdict | null;
  /**
   * The QA policy as typed; when empty and QA's enforcing verdict agrees with the moderator's, the moderator's policy.
   */
  qaPolicy: string;
  /** Whether qaPolicy was taken from the moderator's (the cell is empty). */
  qaPolicyFilled: boolean;
  outcome: Outcome;
  /** The outcome as the cell reads (may be stale after a paste), as a code when it names one. */
  outcomeCell: string;
  /** The more severe of the moderator's and QA's policies (the moderator's while pending). */
  severity: number | '';
  severityCell: string;
  qaComment: string;
  /** Escalated: the escalate column says yes, or the QA verdict is escalate (one meaning, one count). */
  escalate: boolean;
  /** The escalate cell says yes. */
  escalateCell: boolean;
  inspector: string;
  inspectedAt: string;
  /** The sheet's blind column: 'yes', 'no', or '' (not saved yet, or a sheet without the column). */
  blind: string;
  weight: number;
  /** Why the decision was wrong (a code of the QA Reasons sheet), when the inspector gave one. */
  reason: string;
  /** Who contests the QA verdict (a moderator or team lead); empty when it is not disputed. */
  dispute: string;
  disputeComment: string;
  settlement: Settlement | '';
  settledBy: string;
  settledAt: string;
  /** The ISO week of the decision ("2026-W47"), written at the draw. */
  week: string;
  /** The outcome by the QA verdict alone, before any settlement (equal to outcome unless overturned). */
  qaOutcome: Outcome;
  /** Every column of the sheet's schema as its text, by column name ('' when the sheet lacks it). */
  cells: Record<InspectionColumn, string>;
}

const s = (v: CellValue | undefined) => (v === undefined || v === null ? '' : String(v).trim());

/**
 * Reads an inspection sheet's rows (header first) and recomputes each outcome from the original
 * and QA decisions, so pasted or typed QA input is judged the same way as the pane's. With a
 * policy lookup, policies compare by taxonomy code whatever language either side wrote, and the
 * severity is the more severe of the two policies.
 */
export function readInspectionRows(
  values: CellValue[][],
  policies?: PolicyLookup,
): { header: string[]; rows: InspectionRow[]; lang: Lang } {
  const header = (values[0] ?? []).map((h) => s(h));
  const { text: get, lang } = inspectionSheet.reader(header);
  const names = inspectionSheet.names();
  const codeOf = (p: string) => (policies ? policies.code(p) : p);
  const rows = values
    .slice(1)
    .map((row, index): InspectionRow | undefined => {
      if (!row.some((v) => v !== '')) return undefined;
      const verdict = parseVerdict(get(row, 'verdict')) ?? null;
      const qaVerdict = parseVerdict(get(row, 'qa_verdict')) ?? null;
      const policy = get(row, 'policy');
      const typedPolicy = get(row, 'qa_policy');
      // Agreeing with the moderator's enforcing verdict in the grid means agreeing with the policy too.
      const qaPolicyFilled =
        !typedPolicy && qaVerdict !== null && qaVerdict === verdict && isEnforcing(qaVerdict) && policy !== '';
      const qaPolicy = qaPolicyFilled ? policy : typedPolicy;
      const weight = Number(get(row, 'weight'));
      const severityCell = get(row, 'severity');
      const written = Number(severityCell);
      const severities = [policy, qaVerdict && isEnforcing(qaVerdict) ? qaPolicy : '']
        .map((p) => (p && policies ? policies.severity(p) : undefined))
        .filter((x): x is number => x !== undefined);
      const severity = severities.length
        ? Math.max(...severities)
        : severityCell !== '' && Number.isFinite(written)
          ? written
          : '';
      const outcomeText = get(row, 'outcome');
      const qaOutcome = classifyOutcome({ verdict, policy }, { verdict: qaVerdict, policy: qaPolicy }, codeOf);
      const settlement = parseSettlement(get(row, 'settlement'));
      const dispute = get(row, 'dispute');
      return {
        index,
        itemId: get(row, 'item_id'),
        moderator: get(row, 'moderator'),
        verdict,
        policy,
        market: get(row, 'market'),
        language: get(row, 'language'),
        queue: get(row, 'queue'),
        url: get(row, 'url'),
        notes: get(row, 'notes'),
        qaVerdict,
        qaPolicy,
        qaPolicyFilled,
        // An overturned QA verdict: the moderator's decision stands (the QA verdict stays in its cell).
        outcome: settlement === 'overturned' && qaOutcome !== 'pending' ? 'correct' : qaOutcome,
        outcomeCell: parseOutcome(outcomeText) ?? outcomeText,
        severity,
        severityCell,
        qaComment: get(row, 'qa_comment'),
        escalate: isYes(get(row, 'escalate')) || qaVerdict === 'escalate',
        escalateCell: isYes(get(row, 'escalate')),
        inspector: get(row, 'inspector'),
        inspectedAt: get(row, 'inspected_at'),
        blind: get(row, 'blind'),
        weight: Number.isFinite(weight) && weight > 0 ? weight : 1,
        reason: get(row, 'reason'),
        dispute,
        disputeComment: get(row, 'dispute_comment'),
        settlement,
        settledBy: get(row, 'settled_by'),
        settledAt: get(row, 'settled_at'),
        week: get(row, 'week'),
        qaOutcome,
        cells: Object.fromEntries(names.map((c) => [c, get(row, c)])) as Record<InspectionColumn, string>,
      };
    })
    .filter((r): r is InspectionRow => r !== undefined);
  return { header, rows, lang };
}

/** A settlement as typed (English or Japanese, any case), or '' when none. */
export function parseSettlement(text: string): Settlement | '' {
  const v = text.trim().toLowerCase();
  if (['upheld', 'uphold', '維持', '支持'].includes(v)) return 'upheld';
  if (['overturned', 'overturn', '覆す', '取消', '取り消し'].includes(v)) return 'overturned';
  return '';
}

/**
 * The rows as the statistics take them: policies as taxonomy codes when a lookup is given, and
 * each item's stratum from the fields the batch was stratified on.
 */
export function toInspectedItems(
  rows: InspectionRow[],
  policies?: PolicyLookup,
  strata: readonly string[] = [],
): InspectedItem[] {
  const code = (p: string) => (policies && p ? policies.code(p) : p);
  const field = (r: InspectionRow, f: string): string => {
    const v = (r as unknown as Record<string, unknown>)[f === 'item_id' ? 'itemId' : f];
    return typeof v === 'string' ? v : '';
  };
  return rows.map((r) => ({
    verdict: r.verdict,
    policy: code(r.policy),
    qaVerdict: r.qaVerdict,
    qaPolicy: code(r.qaPolicy),
    outcome: r.outcome,
    weight: r.weight,
    moderator: r.moderator,
    market: r.market,
    language: r.language,
    queue: r.queue,
    stratum: strata.map((f) => (f === 'policy' ? code(r.policy) : field(r, f))).join(' / '),
  }));
}

export { OUTCOMES };
