import type { CellValue } from '../excelSpec';
import { LOAD_RESPONSE_BYTES, OPERATION_BYTES, RequestBudget, rowsBytes } from './chunks';
import { inspectionColumnOf } from './schema/inspectionSheet';
import { columnRuns } from './writeTable';

/** Header cells read per sheet: an inspection table is far narrower (its columns are named, never placed). */
const HEADER_WIDTH = 256;
/** A first guess of a cell's bytes in a response, until a response says better. */
const FIRST_CELL_GUESS = 48;

/**
 * Reads only the named columns of sheets whose header is their first row (the inspection sheets),
 * found by header name, in requests and responses kept under the budget (rows chunked across
 * sheets), so thirty weekly batches of 1,000 items never make a 5 MB response. Each sheet comes
 * back as rows at their sheet positions — the header row first, the named columns filled, the
 * others "" — so callers index by header name as before. `names` undefined reads every column.
 * Two syncs for the headers and sizes, then one per budget's worth of cells.
 */
export async function readNamedColumns(
  context: Excel.RequestContext,
  sheets: readonly string[],
  names?: readonly string[],
  budget = new RequestBudget(),
): Promise<Map<string, CellValue[][]>> {
  if (!sheets.length) return new Map();
  const heads = sheets.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex, rowCount, columnIndex, columnCount');
    const header = ws.getRangeByIndexes(0, 0, 1, HEADER_WIDTH);
    header.load('values');
    return { name, ws, used, header };
  });
  await context.sync();
  const out = new Map<string, CellValue[][]>();
  const reads: { table: CellValue[][]; ws: Excel.Worksheet; columns: [number, number][]; rows: number }[] = [];
  for (const { name, ws, used, header } of heads) {
    if (used.isNullObject) continue;
    const width = Math.min(HEADER_WIDTH, used.columnIndex + used.columnCount);
    const head = (header.values[0] as CellValue[]).slice(0, width).map((h) => String(h ?? '').trim());
    // A name matches a header by field name or by either language's label (the inspection sheet's schema).
    const wanted = head
      .map((h, c) =>
        h !== '' && (!names || names.includes(h) || names.includes(inspectionColumnOf(h) ?? '')) ? c : -1,
      )
      .filter((c) => c >= 0);
    const rows = used.rowIndex + used.rowCount - 1;
    const table: CellValue[][] = [head.map((h, c) => (wanted.includes(c) ? h : ''))];
    for (let r = 0; r < rows; r++) table.push(Array<CellValue>(width).fill(''));
    out.set(name, table);
    if (rows > 0 && wanted.length) reads.push({ table, ws, columns: columnRuns(wanted), rows });
  }
  let cellBytes = FIRST_CELL_GUESS;
  let queued: { range: Excel.Range; table: CellValue[][]; first: number; column: number }[] = [];
  const flush = async () => {
    await context.sync();
    let bytes = 0;
    let cells = 0;
    for (const q of queued) {
      const values = q.range.values as CellValue[][];
      values.forEach((row, i) => row.forEach((v, j) => (q.table[q.first + i][q.column + j] = v)));
      bytes += rowsBytes(values);
      cells += values.length * (values[0]?.length ?? 0);
    }
    // Size the next requests by what this response weighed.
    if (cells) cellBytes = Math.max(cellBytes, (bytes / cells) * 1.25);
    queued = [];
    budget.reset();
  };
  for (const { table, ws, columns, rows } of reads) {
    for (const [column, n] of columns) {
      for (let first = 1; first <= rows;) {
        let count = Math.floor((budget.limit - budget.response - LOAD_RESPONSE_BYTES) / (n * cellBytes));
        if (count < Math.min(rows - first + 1, 1000) && queued.length) {
          await flush();
          continue;
        }
        count = Math.max(1, Math.min(count, rows - first + 1));
        const range = ws.getRangeByIndexes(first, column, count, n);
        range.load('values');
        queued.push({ range, table, first, column });
        budget.add(OPERATION_BYTES, LOAD_RESPONSE_BYTES + count * n * cellBytes);
        first += count;
      }
    }
  }
  if (queued.length) await flush();
  return out;
}
