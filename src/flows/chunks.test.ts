import { officeRequests } from '../../test/helpers/officeRequests';
import { OPERATION_BYTES, PAYLOAD_BUDGET_BYTES, rowsBytes, rowsPerChunk } from './chunks';
import { writeRows } from './writeTable';

test('row bytes follow UTF-8 JSON: ASCII one byte, Japanese three, quotes and commas counted', () => {
  expect(rowsBytes([['ab']])).toBe(3 + 3 + 2);
  expect(rowsBytes([['判定']])).toBe(3 + 3 + 6);
  expect(rowsBytes([[1, true]])).toBe(3 + 26);
  // The estimate is never below the JSON itself.
  const rows = [['7301234567890123456', '佐藤', '削除', 'SAF.HATE', 'a "quoted" note']];
  expect(rowsBytes(rows)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(rows)));
});

test('chunks keep a request under the budget and a read under 5,000,000 cells', () => {
  expect(rowsPerChunk(12, 400)).toBe(Math.floor((4 * 1024 * 1024) / 400));
  // A full-width row: at least 4 bytes a cell, so the payload budget binds before the cell cap.
  expect(rowsPerChunk(16384, 10)).toBe(Math.floor((4 * 1024 * 1024) / (16384 * 4)));
  expect(rowsPerChunk(16384, 10)).toBeLessThanOrEqual(Math.floor(5_000_000 / 16384));
  expect(rowsPerChunk(12, 32767 * 3)).toBeGreaterThanOrEqual(1);
  expect(rowsPerChunk(1, 1)).toBe(50_000);
});

/* The budget against Microsoft's own serializer (@microsoft/office-js 1.1.110): what one operation
   and a whole budgeted write really weigh (issue 11: 250–310 bytes per operation, not 40). */
describe('against the real Office.js client', () => {
  const { captured, newContext } = officeRequests();

  test('OPERATION_BYTES covers a range operation with six-digit indexes, loads and writes alike', async () => {
    for (const queue of [
      (ws: Excel.Worksheet, i: number) => ws.getRangeByIndexes(100000 + i, 13, 1, 12).load('values'),
      (ws: Excel.Worksheet, i: number) => (ws.getRangeByIndexes(100000 + i, 13, 1, 1).numberFormat = [['@']]),
    ]) {
      const context = newContext();
      const ws = context.workbook.worksheets.getItem('QA 第48週');
      for (let i = 0; i < 1000; i++) queue(ws, i);
      await context.sync();
      const perOperation = captured[captured.length - 1].bytes / 1000;
      expect(perOperation).toBeGreaterThan(250);
      expect(perOperation).toBeLessThanOrEqual(OPERATION_BYTES);
    }
  });

  test('writeRows keeps every request of a 20,000-row Japanese inspection table under the budget', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => [
      `73000000000${String(i).padStart(8, '0')}`,
      '佐藤',
      '削除',
      'SAF.HATE',
      `メモ ${i}`.repeat(20),
      i,
      i % 7 === 0 ? '=HYPERLINK("x")' : '',
    ]);
    const context = newContext();
    const ws = context.workbook.worksheets.getItem('QA 第48週');
    const start = captured.length;
    await writeRows(context, ws, 1, 0, rows, [0, 1, 2, 3, 4, 6]);
    await context.sync();
    const sent = captured.slice(start);
    expect(sent.length).toBeGreaterThan(1);
    for (const r of sent) expect(r.bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
  });

  test('rows far longer than the first ones shrink the chunk: no request over the budget', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`id${i}`, i < 300 ? '' : '長いメモ'.repeat(1000)]);
    const context = newContext();
    const start = captured.length;
    await writeRows(context, context.workbook.worksheets.getItem('QA w48'), 1, 0, rows, [0, 1]);
    await context.sync();
    for (const r of captured.slice(start)) expect(r.bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    expect(captured.length - start).toBeGreaterThan(5);
  });
});
