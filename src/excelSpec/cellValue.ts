/**
 * A cell value as Excel's `Range.values` gives it: empty cells read `""`, dates read as serials, errors as
 * their text.
 */
export type CellValue = string | number | boolean;

/**
 * Every cell error value Excel shows, as `Range.values` reads it. The classic seven, then the ones of
 * dynamic arrays, data types, external links and Python in Excel
 * (learn.microsoft.com/javascript/api/excel/excel.errorcellvaluetype, ExcelApi 1.16).
 */
export const CELL_ERROR_VALUES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#BUSY!',
  '#CONNECT!',
  '#EXTERNAL!',
  '#UNKNOWN!',
  '#PYTHON!',
] as const;
export type CellErrorValue = (typeof CELL_ERROR_VALUES)[number];

const ERRORS: ReadonlySet<unknown> = new Set(CELL_ERROR_VALUES);

/**
 * Whether a cell holds one of Excel's error values.
 *
 * @example isCellError('#N/A') // true
 * @example isCellError('#hashtag') // false
 */
export function isCellError(value: unknown): value is CellErrorValue {
  return ERRORS.has(value);
}
