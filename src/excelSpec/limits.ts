/**
 * Excel's fixed limits (P excel/performance.md, P concepts/resource-limits-and-performance-optimization.md,
 * and Excel's specifications: 1,048,576 rows by 16,384 columns, A to XFD).
 */

/** Rows in a worksheet (1-based: the last row is 1,048,576). */
export const MAX_ROW = 1_048_576;
/** Columns in a worksheet (A … XFD). */
export const MAX_COLUMN = 16_384;
/** Excel on the web caps a request and a response at 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Every platform caps one read at 5,000,000 cells (an over-limit read may return null). */
export const MAX_CELLS_PER_READ = 5_000_000;
