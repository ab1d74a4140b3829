import { DECISION_FIELDS, type DecisionField } from '../model';
import type { CellValue } from '../../excelSpec';
import { parseVerdict } from '../normalize/parseVerdict';
import type { Mapping } from './detectMapping';

/** Something wrong with a mapping that detection or a hand edit can produce; the column is 0-based. */
export type MappingWarning =
  /** One column mapped to two fields or more: at most one of them can be right. */
  | { code: 'sameColumn'; column: number; fields: DecisionField[] }
  /** The verdict column holds values, none of them a verdict: probably the wrong column. */
  | { code: 'noVerdicts'; column: number; rows: number; values: string[] }
  /** The verdict column is empty in every row looked at. */
  | { code: 'emptyVerdicts'; column: number; rows: number };

/** How many of the verdict column's values a warning quotes. */
const QUOTED = 3;

/**
 * Warnings about a mapping, checked against the rows below the header (a few dozen are enough to
 * tell a verdict column from another): a column mapped to two fields, and a verdict column without
 * one recognizable verdict (English or Japanese, see parseVerdict).
 *
 * @example checkMapping({ item_id: 0, moderator: 0 }, [])
 *   // [{ code: 'sameColumn', column: 0, fields: ['item_id', 'moderator'] }]
 */
export function checkMapping(mapping: Mapping, rows: readonly (readonly CellValue[])[]): MappingWarning[] {
  const warnings: MappingWarning[] = [];
  const byColumn = new Map<number, DecisionField[]>();
  // In DECISION_FIELDS order, so a warning names the fields as the page lists them.
  for (const field of DECISION_FIELDS) {
    const column = mapping[field];
    if (column !== undefined) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  for (const [column, fields] of [...byColumn].sort((a, b) => a[0] - b[0]))
    if (fields.length > 1) warnings.push({ code: 'sameColumn', column, fields });

  const column = mapping.verdict;
  if (column !== undefined && rows.length > 0) {
    const values = rows.map((r) => r[column]).filter((v) => parseVerdict(v) !== null);
    if (values.length === 0) warnings.push({ code: 'emptyVerdicts', column, rows: rows.length });
    else if (!values.some((v) => parseVerdict(v) !== undefined))
      warnings.push({
        code: 'noVerdicts',
        column,
        rows: rows.length,
        values: [...new Set(values.map((v) => String(v).trim()))].slice(0, QUOTED),
      });
  }
  return warnings;
}
