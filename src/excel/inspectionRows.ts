import type { CellValue, Outcome, Verdict } from '../core/model';
import { OUTCOMES } from '../core/model';
import { parseVerdict } from '../core/normalize/parseVerdict';
import { classifyOutcome } from '../core/stats/classifyOutcome';
import type { InspectedItem } from '../core/stats/summarizeInspection';

/** One row of an inspection sheet, read by column name (the table's headers are the field names). */
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
  qaPolicy: string;
  outcome: Outcome;
  /** The outcome as typed in the sheet (may be stale after a paste). */
  outcomeCell: string;
  severity: number | '';
  qaComment: string;
  escalate: boolean;
  inspector: string;
  inspectedAt: string;
  /** The sheet's blind column: 'yes', 'no', or '' (not saved yet, or a sheet without the column). */
  blind: string;
  weight: number;
}

const s = (v: CellValue | undefined) => (v === undefined || v === null ? '' : String(v).trim());

/**
 * Reads an inspection sheet's rows (header first) and recomputes each outcome from the original
 * and QA decisions, so pasted or typed QA input is judged the same way as the pane's.
 */
export function readInspectionRows(values: CellValue[][]): { header: string[]; rows: InspectionRow[] } {
  const header = (values[0] ?? []).map((h) => s(h));
  const at = (name: string) => header.indexOf(name);
  const get = (row: CellValue[], name: string) => (at(name) < 0 ? '' : s(row[at(name)]));
  const rows = values.slice(1).map((row, index): InspectionRow | undefined => {
    if (!row.some((v) => v !== '')) return undefined;
    const verdict = parseVerdict(get(row, 'verdict')) ?? null;
    const qaVerdict = parseVerdict(get(row, 'qa_verdict')) ?? null;
    const policy = get(row, 'policy');
    const qaPolicy = get(row, 'qa_policy');
    const weight = Number(get(row, 'weight'));
    const severity = Number(get(row, 'severity'));
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
      outcome: classifyOutcome({ verdict, policy }, { verdict: qaVerdict, policy: qaPolicy }),
      outcomeCell: get(row, 'outcome'),
      severity: Number.isFinite(severity) && get(row, 'severity') !== '' ? severity : '',
      qaComment: get(row, 'qa_comment'),
      escalate: ['yes', 'true', '1', 'はい', 'y'].includes(get(row, 'escalate').toLowerCase()),
      inspector: get(row, 'inspector'),
      inspectedAt: get(row, 'inspected_at'),
      blind: get(row, 'blind'),
      weight: Number.isFinite(weight) && weight > 0 ? weight : 1,
    };
  }).filter((r): r is InspectionRow => r !== undefined);
  return { header, rows };
}

/** The rows as the statistics take them. */
export function toInspectedItems(rows: InspectionRow[]): InspectedItem[] {
  return rows.map((r) => ({ verdict: r.verdict, policy: r.policy, qaVerdict: r.qaVerdict, qaPolicy: r.qaPolicy, outcome: r.outcome, weight: r.weight, moderator: r.moderator, market: r.market, language: r.language, queue: r.queue }));
}

export { OUTCOMES };
