import type { Verdict } from '../../../core/model';
import type { InspectionRow } from '../../../flows/inspectionRows';

/** What the inspector has entered for the item on screen. */
export interface ItemForm {
  verdict?: Verdict;
  /** What the policy field holds: a picked label, typed text, or the pre-filled policy. */
  policyText: string;
  comment: string;
  escalate: boolean;
  reason: string;
}

/**
 * The form an item starts from: its own saved QA input, else the moderator's policy (none in
 * blind review), shown as `label` gives it.
 *
 * @example itemFormFor(row, { blind: false, label: (code) => code })
 *   // { verdict: undefined, policyText: 'SAF.HATE', … }
 */
export function itemFormFor(
  row: InspectionRow | undefined,
  options: { blind: boolean; label(code: string): string },
): ItemForm {
  const code = row?.qaPolicy || (options.blind ? '' : row?.policy) || '';
  return {
    verdict: row?.qaVerdict ?? undefined,
    policyText: code ? options.label(code) : '',
    comment: row?.qaComment ?? '',
    escalate: row?.escalate ?? false,
    reason: row?.reason ?? '',
  };
}

/**
 * Whether the inspector entered something not yet saved (moving on would lose it): the form
 * differs from the one the item started from. Spaces around the comment and policy do not count.
 *
 * @example formChanged(start, { ...start, verdict: 'remove' }) // true
 */
export function formChanged(start: ItemForm, now: ItemForm): boolean {
  return (
    start.verdict !== now.verdict ||
    start.policyText.trim() !== now.policyText.trim() ||
    start.comment.trim() !== now.comment.trim() ||
    start.escalate !== now.escalate ||
    start.reason !== now.reason
  );
}
