import { columnLetter } from './columnLetter';

/**
 * A sheet name as a reference writes it: quoted in apostrophes (inner ones doubled) unless it is
 * a plain identifier. Japanese names are quoted too, as Excel does for non-ASCII names.
 *
 * @example quoteSheetName('Decisions') // 'Decisions'
 * @example quoteSheetName('QA Report b1') // "'QA Report b1'"
 */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The A1 address of a cell, with the sheet when one is given.
 *
 * @example cellAddress(12, 2) // 'C12'
 * @example cellAddress(5, 0, '判定シート') // "'判定シート'!A5"
 * Invalid input: a row outside 1…1,048,576 or a bad column throws a RangeError.
 */
export function cellAddress(row: number, column: number, sheet?: string): string {
  if (!Number.isInteger(row) || row < 1 || row > 1048576) throw new RangeError(`row out of range: ${row}`);
  const local = `${columnLetter(column)}${row}`;
  return sheet ? `${quoteSheetName(sheet)}!${local}` : local;
}
