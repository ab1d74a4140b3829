import type { CellValue } from '../core/model';

/** Excel on the web's request and response limit is 5 MB; stay well under it. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/** Every platform caps a read at 5,000,000 cells. */
export const MAX_CELLS_PER_READ = 5_000_000;

/**
 * Rows per chunk for a sheet: as many as keep a request under the payload budget, given the
 * bytes one row took in a sample. Never fewer than 1, never more than 50,000.
 *
 * @example rowsPerChunk(12, 420) // 9986
 */
export function rowsPerChunk(columns: number, bytesPerRow: number, factor = 1): number {
  const perRow = Math.max(bytesPerRow, columns * 4) * factor;
  return Math.max(1, Math.min(50_000, Math.floor(MAX_CELLS_PER_READ / Math.max(1, columns)), Math.floor(PAYLOAD_BUDGET_BYTES / perRow)));
}

/** Approximate JSON bytes of rows of cell values: UTF-8 length of strings (ASCII 1 byte, others 3), quotes and commas. */
export function rowsBytes(rows: readonly (readonly CellValue[])[]): number {
  let n = 0;
  for (const row of rows) {
    n += 3; // brackets and the comma after the row
    for (const v of row) {
      if (typeof v !== 'string') {
        n += 13;
        continue;
      }
      n += 3; // quotes and the comma after the cell
      for (let i = 0; i < v.length; i++) {
        const c = v.charCodeAt(i);
        n += c < 0x80 ? (c === 34 || c === 92 || c < 32 ? 2 : 1) : c < 0x800 ? 2 : 3;
      }
    }
  }
  return n;
}
