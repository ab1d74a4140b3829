import type { CellValue } from '../excelSpec';
import { MAX_CELLS_PER_READ } from '../excelSpec';

/** Excel on the web's request and response limit is 5 MB (PAYLOAD_LIMIT_BYTES); stay well under it. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Rows per chunk for a sheet: as many as keep a request under the payload budget, given the
 * bytes one row took in a sample. Never fewer than 1, never more than 50,000.
 *
 * @example rowsPerChunk(12, 420) // 9986
 */
export function rowsPerChunk(columns: number, bytesPerRow: number, factor = 1): number {
  const perRow = Math.max(bytesPerRow, columns * 4) * factor;
  return Math.max(
    1,
    Math.min(50_000, Math.floor(MAX_CELLS_PER_READ / Math.max(1, columns)), Math.floor(PAYLOAD_BUDGET_BYTES / perRow)),
  );
}

/**
 * Approximate JSON bytes of rows of cell values: UTF-8 length of strings (ASCII 1 byte, others 3), quotes and commas.
 */
export function rowsBytes(rows: readonly (readonly (CellValue | null)[])[]): number {
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

/**
 * What one queued operation costs in the request Microsoft's client sends, before its own data:
 * its object path (getRangeByIndexes with its four indexes) and its action (set or load).
 * Measured on @microsoft/office-js 1.1.110's serializer (shared/tools/office-js-requests):
 * 290–307 bytes per range with six-digit row indexes; valuesAsJson writes 199. Rounded up.
 */
export const OPERATION_BYTES = 320;
/** A response carries a cell of a loaded range as its JSON value, with this much framing per range. */
export const LOAD_RESPONSE_BYTES = 64;

/**
 * The real size of one request and one response as the batch grows: operations are charged
 * OPERATION_BYTES plus the UTF-8 JSON of what they carry, loads the bytes their answer will
 * carry. `fits` says whether one more operation keeps both under the budget.
 *
 * @example const b = new RequestBudget(); b.add(OPERATION_BYTES + 10); b.fits(OPERATION_BYTES) // true
 */
export class RequestBudget {
  request = 0;
  response = 0;
  constructor(readonly limit = PAYLOAD_BUDGET_BYTES) {}
  fits(requestBytes: number, responseBytes = 0): boolean {
    return this.request + requestBytes <= this.limit && this.response + responseBytes <= this.limit;
  }
  add(requestBytes: number, responseBytes = 0): void {
    this.request += requestBytes;
    this.response += responseBytes;
  }
  /** Whether anything is queued since the last reset. */
  get used(): boolean {
    return this.request > 0 || this.response > 0;
  }
  reset(): void {
    this.request = 0;
    this.response = 0;
  }
}

/** UTF-8 JSON bytes of one string as the serializer writes it (quotes and escapes included). */
export function stringBytes(v: string): number {
  return rowsBytes([[v]]) - 4;
}
