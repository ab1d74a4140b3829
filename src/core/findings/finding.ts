import type { FindingSeverity } from '../model';

/**
 * Every rule the add-in checks, by stable code. Codes never change meaning: leads filter on them
 * in the `QA Findings` sheet and the CLI's JSON.
 */
export const FINDING_CODES = [
  'missing_required_column',
  'missing_value',
  'unknown_verdict',
  'unknown_policy',
  'deprecated_policy',
  'verdict_not_allowed',
  'enforcing_without_policy',
  'approve_with_policy',
  'section_as_policy',
  'duplicate_conflicting',
  'duplicate_item',
  'unparseable_date',
  'future_date',
  'unknown_market',
  'unknown_language',
  'id_precision_loss',
  'id_not_text',
  'error_value',
  'formula_in_cell',
  'qa_unknown_verdict',
  'qa_unknown_policy',
  'qa_deprecated_policy',
  'qa_verdict_not_allowed',
  'qa_enforcing_without_policy',
  'qa_approve_with_policy',
  'qa_value_not_listed',
  'taxonomy_duplicate_code',
  'taxonomy_unknown_parent',
  'taxonomy_parent_cycle',
  'taxonomy_replaced_by_missing',
  'taxonomy_missing_name',
  'taxonomy_unknown_verdict',
  'taxonomy_bad_severity',
  'taxonomy_missing_code',
  'ragged_row',
  'conflicting_judgments',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** One thing wrong with one cell. `row` is the 1-based sheet row; `column` the 0-based sheet column. */
export interface Finding {
  row: number;
  column: number;
  field: string;
  code: FindingCode;
  severity: FindingSeverity;
  params: Record<string, string | number>;
  /** A value that would fix the cell, when one is known (a policy code, a verdict). */
  suggestion?: string;
  /** The sheet the cell is on; absent means the decisions sheet being validated. */
  sheet?: string;
}

/** How serious each finding is, as data. */
export const FINDING_SEVERITY: Record<FindingCode, FindingSeverity> = {
  missing_required_column: 'error',
  missing_value: 'error',
  unknown_verdict: 'error',
  unknown_policy: 'error',
  deprecated_policy: 'warning',
  verdict_not_allowed: 'error',
  enforcing_without_policy: 'error',
  approve_with_policy: 'warning',
  section_as_policy: 'warning',
  duplicate_conflicting: 'error',
  duplicate_item: 'warning',
  unparseable_date: 'error',
  future_date: 'warning',
  unknown_market: 'warning',
  unknown_language: 'warning',
  id_precision_loss: 'error',
  id_not_text: 'info',
  error_value: 'error',
  formula_in_cell: 'info',
  ragged_row: 'error',
  qa_unknown_verdict: 'error',
  qa_unknown_policy: 'error',
  qa_deprecated_policy: 'warning',
  qa_verdict_not_allowed: 'error',
  qa_enforcing_without_policy: 'error',
  qa_approve_with_policy: 'warning',
  qa_value_not_listed: 'error',
  taxonomy_duplicate_code: 'error',
  taxonomy_unknown_parent: 'error',
  taxonomy_parent_cycle: 'error',
  taxonomy_replaced_by_missing: 'error',
  taxonomy_missing_name: 'error',
  taxonomy_unknown_verdict: 'error',
  taxonomy_bad_severity: 'error',
  taxonomy_missing_code: 'error',
  // Not an error: several moderators on one item is normal; analysts filter on it to review disagreements.
  conflicting_judgments: 'info',
};

/** Builds a finding with the severity the rule table gives its code. */
export function makeFinding(
  code: FindingCode,
  row: number,
  column: number,
  field: string,
  params: Finding['params'] = {},
  suggestion?: string,
  sheet?: string,
): Finding {
  const f: Finding = { row, column, field, code, severity: FINDING_SEVERITY[code], params };
  if (suggestion !== undefined) f.suggestion = suggestion;
  if (sheet !== undefined) f.sheet = sheet;
  return f;
}
