/**
 * `QA Adj <calibration>`: one row per disagreement for a lead to settle. The decision judged, each
 * inspector's QA verdict and policy ("<inspector>: qa_verdict", "<inspector>: qa_policy"), then
 * what the lead settles. The header is the column names in every language (the lead's formulas
 * key on them); every cell is text. Rewritten on each run, keeping what a lead settled.
 */
import type { CellValue } from '../../excelSpec';
import { ADJUDICATION_PREFIX } from '../sheets';
import { defineSheet } from './sheetSchema';

const DECISION = ['item_id', 'moderator', 'verdict', 'policy'] as const;
/** The columns a lead fills (a verdict dropdown on the first). */
export const SETTLED = ['settled_verdict', 'settled_policy', 'settled_by', 'adjudication_note'] as const;

/** The fixed columns (the inspectors' come between the decision and the settled ones). */
export const adjudicationSheet = defineSheet(
  ADJUDICATION_PREFIX,
  [...DECISION, ...SETTLED].map((name) => ({ name, ja: name })),
);
export type AdjudicationColumn = ReturnType<typeof adjudicationSheet.names>[number];
export type AdjudicationRecord = Record<AdjudicationColumn, string>;

/** The header for these inspectors. */
export const adjudicationHeader = (raters: readonly string[]): string[] => [
  ...DECISION,
  ...raters.flatMap((r) => [`${r}: qa_verdict`, `${r}: qa_policy`]),
  ...SETTLED,
];

/** A row: the decision and what was settled from a record, each inspector's verdict and policy between. */
export const adjudicationRow = (
  record: Partial<Record<AdjudicationColumn, CellValue>>,
  inspectors: readonly { verdict: CellValue; policy: CellValue }[],
): CellValue[] => [
  ...DECISION.map((c) => record[c] ?? ''),
  ...inspectors.flatMap((j) => [j.verdict, j.policy]),
  ...SETTLED.map((c) => record[c] ?? ''),
];

/** The rows as found (header first): each row's record and its 1-based row on the sheet; blank rows skipped. */
export function readAdjudication(values: readonly (readonly CellValue[])[]): {
  at: (c: AdjudicationColumn) => number;
  rows: { record: AdjudicationRecord; row: number }[];
} {
  const r = adjudicationSheet.reader(values[0] ?? []);
  const rows = values.slice(1).map((line, i) => ({
    record: Object.fromEntries(adjudicationSheet.names().map((c) => [c, r.text(line, c)])) as AdjudicationRecord,
    row: i + 2,
  }));
  return { at: r.at, rows };
}
