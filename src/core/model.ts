/**
 * The shared vocabulary of Moderation QA: the decision fields, verdicts, QA columns and outcomes
 * of `shared/DESIGN.md`, as fixed union types so that a typo fails to compile.
 */

/** The fields of a moderator's decision that the add-in understands. */
export const DECISION_FIELDS = [
  'item_id',
  'moderator',
  'verdict',
  'policy',
  'decided_at',
  'market',
  'language',
  'queue',
  'url',
  'notes',
] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/** Fields without which a decision cannot be inspected (`policy` is required only when the verdict enforces). */
export const REQUIRED_FIELDS: readonly DecisionField[] = ['item_id', 'moderator', 'verdict'];

/** The five verdicts a moderator or an inspector can give. */
export const VERDICTS = ['approve', 'remove', 'age_restrict', 'fyf_ineligible', 'escalate'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that act on the content and therefore need a policy. */
export const ENFORCING_VERDICTS: readonly Verdict[] = ['remove', 'age_restrict', 'fyf_ineligible'];

/** Whether a verdict acts on the content (and so must name a policy). */
export function isEnforcing(verdict: Verdict): boolean {
  return ENFORCING_VERDICTS.includes(verdict);
}

/** The columns an inspection sheet adds to the copied decision. */
export const QA_COLUMNS = [
  'qa_verdict',
  'qa_policy',
  'outcome',
  'severity',
  'qa_comment',
  'escalate',
  'inspector',
  'inspected_at',
  // Why a decision was wrong (a code from the QA Reasons sheet), and the dispute of a QA verdict:
  // who contests it and why, then the lead's settlement (upheld / overturned), by whom and when.
  // An overturned verdict stays in qa_verdict; the outcome becomes correct.
  'reason',
  'dispute',
  'dispute_comment',
  'settlement',
  'settled_by',
  'settled_at',
  // The ISO week of decided_at ("2026-W47"), written at the draw so the report can be cut by week.
  'week',
  // 'yes' when the inspector saved their verdict before the moderator's was shown (blind review).
  'blind',
] as const;
export type QaColumn = (typeof QA_COLUMNS)[number];

/** The outcome of one inspected item: the original decision against the QA decision. */
export const OUTCOMES = [
  'correct',
  'over_enforcement',
  'under_enforcement',
  'wrong_policy',
  'wrong_action',
  'pending',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that count as a defect (a nonconforming item in ISO 2859-1 terms). */
export const DEFECT_OUTCOMES: readonly Outcome[] = [
  'over_enforcement',
  'under_enforcement',
  'wrong_policy',
  'wrong_action',
];

/** Policy severity, 1 (low) to 4 (critical). */
export type Severity = 1 | 2 | 3 | 4;

/** How serious a validation finding is: errors block trust in the row, warnings ask for a look. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** How a lead settles a disputed QA verdict. */
export const SETTLEMENTS = ['upheld', 'overturned'] as const;
export type Settlement = (typeof SETTLEMENTS)[number];
