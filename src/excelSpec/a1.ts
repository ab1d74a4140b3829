import { MAX_COLUMN, MAX_ROW } from './limits';

/** A rectangle of cells, 0-based and inclusive of its first row and column. */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/**
 * The column letters of a 0-based column index, as Excel names them.
 *
 * @example columnLetter(0) // 'A'
 * @example columnLetter(26) // 'AA'
 * Invalid input: a negative, fractional or beyond-XFD index throws a RangeError.
 */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMN) {
    throw new RangeError(`column index out of range: ${index}`);
  }
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * The 0-based index of a column's letters (either case).
 *
 * @example columnIndex('AA') // 26
 * Invalid input: anything but 1–3 Latin letters up to XFD throws a RangeError.
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMN) throw new RangeError(`not a column: ${letters}`);
  return n - 1;
}

/**
 * A sheet name as a reference writes it: quoted in apostrophes (inner ones doubled) unless it is
 * a plain identifier that cannot be read as a cell. Japanese names are quoted, as Excel does for non-ASCII names.
 *
 * @example quoteSheetName('Decisions') // 'Decisions'
 * @example quoteSheetName('QA Report b1') // "'QA Report b1'"
 */
export function quoteSheetName(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The A1 address of a cell (1-based row, 0-based column), with the sheet when one is given.
 *
 * @example cellAddress(12, 2) // 'C12'
 * @example cellAddress(5, 0, '判定シート') // "'判定シート'!A5"
 * Invalid input: a row outside 1…1,048,576 or a bad column throws a RangeError.
 */
export function cellAddress(row: number, column: number, sheet?: string): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new RangeError(`row out of range: ${row}`);
  const local = `${columnLetter(column)}${row}`;
  return sheet ? `${quoteSheetName(sheet)}!${local}` : local;
}

/**
 * Splits an address into its sheet (unquoted) and its local part.
 *
 * @example splitAddress("'Bob''s'!A1:B2") // { sheet: "Bob's", local: 'A1:B2' }
 * @example splitAddress('C3') // { local: 'C3' }
 */
export function splitAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/**
 * The sheet name of an address that names one ("'My Sheet'!A1:B2" → "My Sheet"); '' when it names none.
 */
export function sheetOfAddress(address: string): string {
  return splitAddress(address).sheet ?? '';
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Letters beyond XFD read as out of bounds, not as a bad format. */
const lettersIndex = (letters: string) => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

/**
 * Parses a local A1 reference: "B3", "A1:C10", "A:C" (whole columns), "2:5" (whole rows), "$" allowed.
 * Invalid input: anything else throws a RangeError "…incorrect format…"; a reference past the
 * sheet's edge throws a RangeError "…outside the worksheet.".
 *
 * @example parseRange('B2:C4') // { row: 1, column: 1, rowCount: 3, columnCount: 2 }
 */
export function parseRange(local: string): CellRect {
  const s = local.trim();
  const span = (a: number, b: number) => [Math.min(a, b), Math.abs(b - a) + 1];
  const columns = COLUMNS.exec(s);
  if (columns) {
    const [column, columnCount] = span(lettersIndex(columns[1]), lettersIndex(columns[2]));
    return inBounds({ row: 0, column, rowCount: MAX_ROW, columnCount }, local);
  }
  const rows = ROWS.exec(s);
  if (rows) {
    const [row, rowCount] = span(Number(rows[1]) - 1, Number(rows[2]) - 1);
    return inBounds({ row, column: 0, rowCount, columnCount: MAX_COLUMN }, local);
  }
  const parts = s.split(':');
  const m1 = CELL.exec(parts[0]);
  const m2 = parts.length === 1 ? m1 : CELL.exec(parts[1] ?? '');
  if (!m1 || !m2 || parts.length > 2) {
    throw new RangeError(`The argument is invalid or missing or has an incorrect format: "${local}".`);
  }
  const [row, rowCount] = span(Number(m1[2]) - 1, Number(m2[2]) - 1);
  const [column, columnCount] = span(lettersIndex(m1[1]), lettersIndex(m2[1]));
  return inBounds({ row, column, rowCount, columnCount }, local);
}

/** Whether a rectangle lies inside the worksheet and is not empty. */
export function isInSheet(rect: CellRect): boolean {
  const { row, column, rowCount, columnCount } = rect;
  return (
    row >= 0 &&
    column >= 0 &&
    rowCount >= 1 &&
    columnCount >= 1 &&
    row + rowCount <= MAX_ROW &&
    column + columnCount <= MAX_COLUMN
  );
}

function inBounds(rect: CellRect, text: string): CellRect {
  if (!isInSheet(rect)) throw new RangeError(`The reference "${text}" is outside the worksheet.`);
  return rect;
}

/**
 * The A1 text of a rectangle, without the sheet; `absolute` writes "$A$1:$C$3", as formulas refer to a fixed range.
 *
 * @example formatRange({ row: 0, column: 0, rowCount: 3, columnCount: 3 }) // 'A1:C3'
 */
export function formatRange(rect: CellRect, absolute = false): string {
  const $ = absolute ? '$' : '';
  const first = `${$}${columnLetter(rect.column)}${$}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${$}${columnLetter(rect.column + rect.columnCount - 1)}${$}${rect.row + rect.rowCount}`;
}

/**
 * The address of a range with its sheet, as Excel writes it.
 *
 * @example rangeAddress('QA Report', { row: 0, column: 0, rowCount: 2, columnCount: 2 }) // "'QA Report'!A1:B2"
 */
export function rangeAddress(sheet: string, rect: CellRect): string {
  return `${quoteSheetName(sheet)}!${formatRange(rect)}`;
}
