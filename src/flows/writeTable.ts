import type { CellValue } from '../excelSpec';
import { OPERATION_BYTES, RequestBudget, rowsBytes, rowsPerChunk, stringBytes } from './chunks';
import { supports } from './host';

/**
 * Whether a string would not reach a cell as the same text through `Range.values`: one starting
 * with "=", "+" or "-" is taken as a formula (R excel.range.yml `values`), "@" too in current
 * Excel, and a leading apostrophe is eaten as the text prefix.
 */
export const needsTextEscape = (v: unknown): v is string => typeof v === 'string' && /^[=+\-@']/.test(v);

/**
 * How untrusted text reaches Excel as text whatever Excel does with a text format "@" (Microsoft
 * documents no such exception): where the host has ExcelApi 1.16, such a cell is written through
 * `Range.valuesAsJson` as a String cell value (P excel/excel-data-types-concepts.md), which is
 * text by type; elsewhere it is written with Excel's text prefix, an apostrophe (support.microsoft.com
 * "Format numbers as text": what is typed after it stays text), so at worst the cell shows the
 * apostrophe — never a formula.
 */
interface TextCell {
  row: number;
  column: number;
  text: string;
}

/**
 * Writes rows into a sheet from (row, column), syncing whenever the next chunk would take the
 * request past the budget as Microsoft's client serializes it (OPERATION_BYTES per operation plus
 * the UTF-8 JSON it carries). The chosen columns get the text format ("@") before values land, so
 * long IDs keep every digit; untrusted text is kept text by the escape above, not by the format.
 * Queues onto the context; the caller syncs the last chunk (with `budget` telling what is queued).
 */
export async function writeRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  startRow: number,
  startColumn: number,
  rows: (CellValue | null)[][],
  textColumns: readonly number[],
  budget = new RequestBudget(),
): Promise<void> {
  if (rows.length === 0) return;
  const width = rows[0].length;
  const asJson = supports(context, 'ExcelApi', '1.16');
  const runs = columnRuns(textColumns);
  const bytesPerRow = rowsBytes(rows.slice(0, 200)) / Math.min(rows.length, 200);
  // Bytes of one row with its text formats; chunks never exceed the budget and 5,000,000 cells.
  let perRow = bytesPerRow * 1.2 + textColumns.length * 6;
  const chunk = rowsPerChunk(width, perRow);
  for (let i = 0; i < rows.length;) {
    const room = Math.floor((budget.limit - budget.request - OPERATION_BYTES * (runs.length + 1)) / perRow);
    if (room < Math.min(chunk, rows.length - i, 50) && budget.used) {
      await context.sync();
      budget.reset();
      continue;
    }
    let count = Math.max(1, Math.min(chunk, room, rows.length - i));
    let part = rows.slice(i, i + count);
    // The estimate came from the first rows; longer rows further down shrink the chunk until it fits.
    const bytesOf = (p: (CellValue | null)[][]) =>
      OPERATION_BYTES * (runs.length + 1) + rowsBytes(p) + p.length * textColumns.length * 6;
    while (count > 1 && !budget.fits(bytesOf(part))) part = rows.slice(i, i + (count = Math.ceil(count / 2)));
    perRow = Math.max(perRow, bytesOf(part) / part.length);
    if (!budget.fits(bytesOf(part)) && budget.used) {
      await context.sync();
      budget.reset();
      continue;
    }
    const escaped: TextCell[] = [];
    const values = part.map((row, r) =>
      row.map((v, c) => {
        if (!needsTextEscape(v)) return v;
        if (!asJson) return `'${v}`;
        escaped.push({ row: startRow + i + r, column: startColumn + c, text: v });
        return null; // null leaves the cell as is (R excel.range.yml); valuesAsJson writes it next
      }),
    );
    // A full array, not [['@']]: Excel wants the range's shape for a multi-cell write.
    for (const [first, n] of runs)
      ws.getRangeByIndexes(startRow + i, startColumn + first, part.length, n).numberFormat = part.map(() =>
        Array<string>(n).fill('@'),
      );
    ws.getRangeByIndexes(startRow + i, startColumn, part.length, width).values = values;
    budget.add(bytesOf(values));
    await writeTextCells(context, ws, escaped, budget);
    i += count;
  }
}

/** Writes text cells through valuesAsJson, one range per run of cells down a column. */
async function writeTextCells(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  cells: TextCell[],
  budget: RequestBudget,
): Promise<void> {
  cells.sort((a, b) => a.column - b.column || a.row - b.row);
  for (let k = 0; k < cells.length;) {
    let end = k + 1;
    while (end < cells.length && cells[end].column === cells[k].column && cells[end].row === cells[end - 1].row + 1)
      end++;
    const run = cells.slice(k, end);
    const bytes = OPERATION_BYTES + run.reduce((n, c) => n + 40 + stringBytes(c.text), 0);
    if (!budget.fits(bytes) && budget.used) {
      await context.sync();
      budget.reset();
    }
    const cellValues = run.map((c) => [{ type: 'String', basicValue: c.text } as Excel.StringCellValue]);
    ws.getRangeByIndexes(run[0].row, run[0].column, run.length, 1).valuesAsJson = cellValues;
    budget.add(bytes);
    k = end;
  }
}

/** Sorted column indexes as runs of adjacent columns: [first, count]. */
export function columnRuns(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

/**
 * Removes a sheet if it exists, ignoring errors: the clean-up after a failed flow, so that no
 * half-written sheet stays behind (the flow's own error is what the analyst sees).
 */
export async function removeSheetQuietly(context: Excel.RequestContext, name: string): Promise<void> {
  const partial = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync().catch(() => undefined);
  if (!partial.isNullObject) {
    partial.delete();
    await context.sync().catch(() => undefined);
  }
}
