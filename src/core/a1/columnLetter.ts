/** Excel's last column, XFD, as a 0-based index. */
export const MAX_COLUMN_INDEX = 16383;
/** Excel's last row, 1-based. */
export const MAX_ROW = 1048576;

/**
 * The column letters of a 0-based column index, as Excel names them.
 *
 * @example columnLetter(0) // 'A'
 * @example columnLetter(26) // 'AA'
 * Invalid input: a negative, fractional or beyond-XFD index throws a RangeError.
 */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > MAX_COLUMN_INDEX) throw new RangeError(`column index out of range: ${index}`);
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The 0-based index of a column's letters.
 *
 * @example columnIndex('AA') // 26
 * Invalid input: anything but 1–3 Latin letters up to XFD throws a RangeError.
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n - 1 > MAX_COLUMN_INDEX) throw new RangeError(`not a column: ${letters}`);
  return n - 1;
}
