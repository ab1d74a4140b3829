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

/** Approximate JSON bytes of rows of cell values (strings count their length). */
export function rowsBytes(rows: readonly (readonly CellValue[])[]): number {
  let n = 0;
  for (const row of rows) {
    n += 2;
    for (const v of row) n += typeof v === 'string' ? v.length * 3 + 3 : 12;
  }
  return n;
}
