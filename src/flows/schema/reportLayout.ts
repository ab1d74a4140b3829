/**
 * `QA Report <batch>`: where each block of the report sits. The summary is 21 rows in column A:B
 * (the fingerprint of the inspection state it was built from at B21, which reportStatus reads);
 * disputes and the repeat note beside it at P1:Q3; the error table at D1 with its chart over
 * G1:N21; errors by reason at D9; the escalations at AE1; the pivots of outcome by moderator,
 * policy and market at A24, K24, U24 (titles a row above); the re-cut pivots from AK24, ten
 * columns apart, one per inspection column marked for re-cutting; errors by reason and policy
 * right of the last re-cut pivot (CI1 with the five re-cut columns of the inspection schema).
 */
import type { MessageKey } from '../../i18n';
import { REPORT_PREFIX } from '../sheets';
import { inspectionSheet, type InspectionColumn } from './inspectionSheet';

/** The summary block's rows, in order; the label of each is `report.<row>` unless said otherwise. */
export const SUMMARY_ROWS = [
  'title',
  'lotSize',
  'sampleSize',
  'inspected',
  'pending',
  'escalated',
  'headline',
  'headlineInterval',
  'accuracyUnweighted',
  'weightedAccuracy',
  'weightedInterval',
  'overEnforcement',
  'underEnforcement',
  'wrongPolicy',
  'wrongAction',
  'kappa',
  'kappaWithPolicy',
  'plan',
  'decision',
  'weightedMethod',
  'fingerprint',
] as const;
export type SummaryRow = (typeof SUMMARY_ROWS)[number];
/** Summary rows whose value is a rate (shown as a percentage). */
const PERCENT_ROWS: readonly SummaryRow[] = [
  'headline',
  'accuracyUnweighted',
  'weightedAccuracy',
  'overEnforcement',
  'underEnforcement',
  'wrongPolicy',
  'wrongAction',
];

/** A cell or block's top-left corner, 0-based. */
export interface At {
  row: number;
  column: number;
}

export const REPORT = {
  prefix: REPORT_PREFIX,
  summary: { row: 0, column: 0 } as At,
  /** B21: the fingerprint's value cell. */
  fingerprint: { row: SUMMARY_ROWS.indexOf('fingerprint'), column: 1 } as At,
  /** P1:Q3: disputed, overturned, and the note on repeated rows. */
  disputes: { row: 0, column: 15 } as At,
  errorTable: { row: 0, column: 3 } as At, // D1
  reasonTable: { row: 8, column: 3 } as At, // D9
  /** Rows kept for the reason tables (cleared on refresh before rewriting). */
  reasonRows: 200,
  escalations: { row: 0, column: 30 } as At, // AE1
  /** Rows of the escalation list cleared on refresh (a refresh may have fewer). */
  escalationRows: 2000,
  /** The inspection columns the escalation list shows, with their labels in the report language. */
  escalationColumns: [
    'item_id',
    'moderator',
    'policy',
    'qa_verdict',
    'qa_comment',
    'url',
  ] as const satisfies readonly InspectionColumn[],
  chart: { from: 'G1', to: 'N21' },
  pivots: [
    { id: 'byModerator', field: 'moderator', label: 'report.byModerator', at: 'A24' },
    { id: 'byPolicy', field: 'policy', label: 'report.byPolicy', at: 'K24' },
    { id: 'byMarket', field: 'market', label: 'report.byMarket', at: 'U24' },
  ] as const satisfies readonly { id: string; field: InspectionColumn; label: MessageKey; at: string }[],
  /** The pivots' area (titles at row 23 down, columns A:AD): cleared before pivots are rebuilt. */
  pivotArea: { row: 22, column: 0, columnCount: 30 },
  /** The first re-cut pivot (AK24); each next one ten columns right; the note on filters above them (AK22). */
  recut: { row: 23, column: 36, step: 10, noteRow: 21 },
} as const;

/** The summary row of an item, 0-based. */
export const summaryRow = (row: SummaryRow) => SUMMARY_ROWS.indexOf(row);
/** The summary rows shown as percentages, 0-based. */
export const percentRows = () => PERCENT_ROWS.map(summaryRow);

/**
 * The re-cut pivots: one per inspection column marked for re-cutting, in the schema's re-cut order, ten columns apart.
 */
export function recutPivots(): { id: string; field: InspectionColumn; row: number; column: number }[] {
  return inspectionSheet.columns
    .filter((c) => c.recut !== undefined)
    .sort((a, b) => (a.recut ?? 0) - (b.recut ?? 0))
    .map((c, i) => ({
      id: `by${c.name.replace(/(^|_)(\w)/g, (_, __, ch: string) => ch.toUpperCase())}`,
      field: c.name,
      row: REPORT.recut.row,
      column: REPORT.recut.column + i * REPORT.recut.step,
    }));
}

/**
 * The re-cut pivots' area (from the note's row down, over every
 * re-cut pivot's ten columns), cleared before they are rebuilt.
 */
export const recutArea = () => ({
  row: REPORT.recut.noteRow,
  column: REPORT.recut.column,
  rowCount: 2000 - REPORT.recut.noteRow,
  columnCount: Math.max(1, recutPivots().length) * REPORT.recut.step,
});

/** Errors by reason and policy: right of the last re-cut pivot (CI1 with five). */
export const reasonPolicyAt = (): At => ({
  row: 0,
  column: REPORT.recut.column + recutPivots().length * REPORT.recut.step,
});
