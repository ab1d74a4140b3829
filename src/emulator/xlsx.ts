/**
 * .xlsx in and out, in the browser and in Node: `importXlsx` reads a workbook (xlsxRead.ts: one
 * streaming pass over each sheet, any size) and keeps its package; `exportXlsx` writes the model
 * back into that package (xlsxWrite.ts: the user's parts as they were, the add-in's sheets from the
 * model, with live PivotTables and charts). ExcelJS is no longer used for files: it rebuilt every
 * sheet and dropped what it did not model, wrote no pivots or charts, and needed ~16 KB a row.
 */
import type { WorkbookModel } from './model';
import { readXlsx } from './xlsxRead';
import { writeXlsx } from './xlsxWrite';

export { XlsxFormatError } from './xlsxRead';

/**
 * Writes the workbook as .xlsx bytes.
 *
 * @example const bytes = await exportXlsx(book.model); fs.writeFileSync('out.xlsx', bytes);
 */
export async function exportXlsx(model: WorkbookModel): Promise<Uint8Array> {
  return writeXlsx(model);
}

/**
 * Reads .xlsx bytes into a workbook model: values (dates as serials with their number formats,
 * errors as their text), formulas with cached values, styles, sheets and their visibility, hidden
 * rows and columns, merges, hyperlink targets, tables, list validations, conditional formats,
 * freeze panes, column widths, defined names, PivotTables and charts.
 *
 * @example const model = await importXlsx(fs.readFileSync('decisions.xlsx'));
 */
export async function importXlsx(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookModel> {
  return readXlsx(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}
