import { columnLetter } from '../core/a1/columnLetter';
import { EmulatorError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Column letters (0 → A), from the core's A1 helpers. */
export const columnName = columnLetter;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Quotes a sheet name for a reference when Excel would ('QA Report'!A1; inner ' doubled). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1:B2" (or "'My Sheet'!A1") into the sheet name and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/**
 * Parses a local A1 reference: "B3", "A1:C10", "A:C" (whole columns), "2:5" (whole rows).
 * Throws InvalidArgument for anything else or out of the sheet's bounds.
 */
export function parseRange(local: string): CellRect {
  const s = local.trim();
  const [a, b] = s.split(':');
  const cols = COLS.exec(s);
  if (cols) {
    const c1 = columnNumber(cols[1]);
    const c2 = columnNumber(cols[2]);
    return check({ row: 0, column: Math.min(c1, c2), rowCount: MAX_ROWS, columnCount: Math.abs(c2 - c1) + 1 }, local);
  }
  const rows = ROWS.exec(s);
  if (rows) {
    const r1 = Number(rows[1]) - 1;
    const r2 = Number(rows[2]) - 1;
    return check({ row: Math.min(r1, r2), column: 0, rowCount: Math.abs(r2 - r1) + 1, columnCount: MAX_COLUMNS }, local);
  }
  const m1 = CELL.exec(a ?? '');
  const m2 = b === undefined ? m1 : CELL.exec(b);
  if (!m1 || !m2 || s.split(':').length > 2) throw new EmulatorError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${local}".`, 'Worksheet.getRange');
  const r1 = Number(m1[2]) - 1;
  const r2 = Number(m2[2]) - 1;
  const c1 = columnNumber(m1[1]);
  const c2 = columnNumber(m2[1]);
  return check({ row: Math.min(r1, r2), column: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 }, local);
}

function check(rect: CellRect, text: string): CellRect {
  if (rect.row < 0 || rect.column < 0 || rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS || rect.rowCount < 1 || rect.columnCount < 1) {
    throw new EmulatorError('InvalidArgument', `The reference "${text}" is outside the worksheet.`, 'Worksheet.getRange');
  }
  return rect;
}

/** The A1 text of a rectangle ("A1", "A1:C3"), without the sheet. */
export function formatRect(rect: CellRect): string {
  const first = `${columnName(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${columnName(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
}
