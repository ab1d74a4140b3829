import type { CellValue } from '../../excelSpec';
import { normalizeKey } from '../text/normalizeKey';
import { makeFinding, type Finding } from '../findings/finding';

/** One column whose values must come from a list (0-based sheet column). */
export interface ListedColumn {
  column: number;
  field: string;
  allowed: readonly string[];
}

/**
 * Checks the cells of columns that hold one value of a list (a dropdown an inspector can paste
 * past): any non-empty cell whose value is not in its list, compared as header keys are (width,
 * case and spacing folded), is a `qa_value_not_listed` finding. Empty cells are not findings.
 *
 * @example validateListedValues([['mars']], 2, [{ column: 0, field: 'region', allowed: ['apac', 'emea'] }], 'QA b1')
 *   [0].code // 'qa_value_not_listed'
 * Invalid input: a column past a row's end reads as empty.
 */
export function validateListedValues(
  rows: readonly (readonly CellValue[])[],
  firstRow: number,
  columns: readonly ListedColumn[],
  sheet: string,
): Finding[] {
  const out: Finding[] = [];
  for (const c of columns) {
    const allowed = new Set(c.allowed.map(normalizeKey));
    rows.forEach((cells, i) => {
      const v = cells[c.column];
      const text = v === undefined || v === null ? '' : String(v).trim();
      if (text !== '' && !allowed.has(normalizeKey(text)))
        out.push(
          makeFinding(
            'qa_value_not_listed',
            firstRow + i,
            c.column,
            c.field,
            { value: text, field: c.field, allowed: c.allowed.join(', ') },
            undefined,
            sheet,
          ),
        );
    });
  }
  return out;
}
