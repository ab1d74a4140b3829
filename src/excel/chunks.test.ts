import { rowsBytes, rowsPerChunk } from './chunks';

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
