import type { CellValue } from '../core/model';
import { rowsBytes, rowsPerChunk } from './chunks';

/**
 * Writes rows into a sheet from (row, column) in as few requests as the payload budget allows,
 * with the chosen columns formatted as text ("@") before any value lands, so untrusted text
 * (captions, notes, IDs) can never become a formula and long IDs keep every digit.
 * Queues onto the context and syncs between chunks only; the caller syncs the last one.
 */
export async function writeRows(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  startRow: number,
  startColumn: number,
  rows: CellValue[][],
  textColumns: readonly number[],
): Promise<void> {
  if (rows.length === 0) return;
  const width = rows[0].length;
  const bytesPerRow = rowsBytes(rows.slice(0, 200)) / Math.min(rows.length, 200);
  const chunk = rowsPerChunk(width, bytesPerRow * 1.3);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    // A full array, not [['@']]: Excel wants the range's shape for a multi-cell write.
    const text = part.map(() => ['@']);
    for (const c of textColumns) ws.getRangeByIndexes(startRow + i, startColumn + c, part.length, 1).numberFormat = text;
    ws.getRangeByIndexes(startRow + i, startColumn, part.length, width).values = part;
    if (i + chunk < rows.length) await context.sync();
  }
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
