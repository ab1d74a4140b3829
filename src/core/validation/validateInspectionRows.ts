import { isEnforcing } from '../model';
import type { CellValue } from '../../excelSpec';
import { parseVerdict } from '../normalize/parseVerdict';
import { createPolicyIndex } from '../taxonomy/policyIndex';
import type { Taxonomy } from '../taxonomy/types';
import { makeFinding, type Finding } from '../findings/finding';

/** Where the QA columns are on an inspection sheet (0-based sheet columns). */
export interface InspectionColumns {
  qa_verdict: number;
  qa_policy: number;
}

/**
 * Checks what inspectors typed or pasted into the QA columns of an inspection sheet (pasted
 * values skip Excel's dropdowns): the same verdict and policy rules as the decisions sheet.
 * Empty QA cells are pending items, not findings.
 *
 * @example validateInspectionRows([['maybe', '']], 2, { qa_verdict: 9, qa_policy: 10 }, defaultTaxonomy(), 'QA b1')
 *   [0].code // 'qa_unknown_verdict'
 */
export function validateInspectionRows(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  columns: InspectionColumns,
  taxonomy: Taxonomy,
  sheet: string,
): Finding[] {
  const index = createPolicyIndex(taxonomy);
  const out: Finding[] = [];
  rows.forEach((cells, i) => {
    const row = firstRow + i;
    const rawVerdict = cells[columns.qa_verdict];
    const rawPolicy = cells[columns.qa_policy];
    const policyText = rawPolicy === undefined || rawPolicy === null ? '' : String(rawPolicy).trim();
    const verdict = parseVerdict(rawVerdict);
    if (verdict === undefined)
      out.push(
        makeFinding(
          'qa_unknown_verdict',
          row,
          columns.qa_verdict,
          'qa_verdict',
          { value: String(rawVerdict) },
          undefined,
          sheet,
        ),
      );
    const policy = policyText ? index.find(policyText) : undefined;
    if (policyText && !policy)
      out.push(
        makeFinding(
          'qa_unknown_policy',
          row,
          columns.qa_policy,
          'qa_policy',
          { value: policyText },
          index.suggest(policyText),
          sheet,
        ),
      );
    if (policy?.status === 'deprecated')
      out.push(
        makeFinding(
          'qa_deprecated_policy',
          row,
          columns.qa_policy,
          'qa_policy',
          { value: policy.code, replacement: policy.replacedBy },
          policy.replacedBy,
          sheet,
        ),
      );
    if (!verdict) return;
    if (verdict === 'approve' && policyText)
      out.push(
        makeFinding(
          'qa_approve_with_policy',
          row,
          columns.qa_policy,
          'qa_policy',
          { policy: policyText },
          undefined,
          sheet,
        ),
      );
    else if (isEnforcing(verdict) && !policyText)
      out.push(
        makeFinding(
          'qa_enforcing_without_policy',
          row,
          columns.qa_verdict,
          'qa_verdict',
          { verdict },
          undefined,
          sheet,
        ),
      );
    else if (isEnforcing(verdict) && policy && policy.parent && !policy.allowedVerdicts.includes(verdict)) {
      out.push(
        makeFinding(
          'qa_verdict_not_allowed',
          row,
          columns.qa_verdict,
          'qa_verdict',
          { verdict, policy: policy.code, allowed: policy.allowedVerdicts.join(', ') },
          undefined,
          sheet,
        ),
      );
    }
  });
  return out;
}
