import Encoding from 'encoding-japanese';
import { CATALOGS } from '../i18n';
import { OpenFileError, demoWorkbook, openWorkbookFile, saveWorkbookBytes, DEMO_ROWS } from './files';

test('the demo is a Japanese or English decisions sheet, with the workbook culture to match', () => {
  const ja = demoWorkbook('ja', Date.UTC(2026, 10, 24));
  expect(ja.model.culture).toBe('ja-JP');
  expect(ja.model.activeSheet?.name).toBe('判定');
  expect(ja.valuesOf('判定')[0][0]).toBe('動画ID');
  expect(ja.valuesOf('判定')).toHaveLength(DEMO_ROWS + 1);
  const en = demoWorkbook('en', Date.UTC(2026, 10, 24), 50);
  expect(en.model.culture).toBe('en-US');
  expect(en.valuesOf('Decisions')).toHaveLength(51);
  // Serial dates carry a date format, so the grid shows dates.
  const sheet = en.model.sheet('Decisions')!;
  const serialRow = en.valuesOf('Decisions').findIndex((r, i) => i > 0 && typeof r[4] === 'number');
  expect(sheet.numberFormat(serialRow, 4)).toBe('yyyy-mm-dd hh:mm');
});

test('a Shift_JIS .csv opens as a sheet named after the file, IDs kept as text', async () => {
  const text = '動画ID,担当者,判定\r\n7300000000000000001,佐藤,削除\r\n';
  const bytes = Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
  const book = await openWorkbookFile('週次判定.csv', bytes);
  expect(book.model.activeSheet?.name).toBe('週次判定');
  expect(book.valuesOf('週次判定')).toEqual([
    ['動画ID', '担当者', '判定'],
    ['7300000000000000001', '佐藤', '削除'],
  ]);
});

test('a saved workbook opens again with its sheets and values', async () => {
  const book = demoWorkbook('en', Date.UTC(2026, 10, 24), 20);
  book.addSheet('QA Notes', [['note'], ['=not a formula, a note']]);
  const again = await openWorkbookFile('saved.xlsx', await saveWorkbookBytes(book));
  expect(again.model.sheets.map((s) => s.name)).toEqual(['Decisions', 'QA Notes']);
  expect(again.valuesOf('Decisions')[1][0]).toBe(book.valuesOf('Decisions')[1][0]);
});

test(
  'an old .xls, another kind of file, or a damaged .xlsx is ' +
    'refused with a reason the workbench can say in both languages',
  async () => {
    const reason = (name: string, bytes: Uint8Array) =>
      openWorkbookFile(name, bytes).then(
        () => 'opened',
        (e: unknown) => (e instanceof OpenFileError ? e.reason : `other: ${String(e)}`),
      );
    expect(await reason('old.xls', new Uint8Array([1, 2, 3]))).toBe('xls');
    expect(await reason('photo.png', new Uint8Array([1, 2, 3]))).toBe('type');
    expect(await reason('broken.xlsx', new TextEncoder().encode('not a zip file'))).toBe('unreadable');
    for (const r of ['xls', 'type', 'unreadable'] as const) {
      expect(CATALOGS.en[`wb.reason.${r}`]).toBeTruthy();
      expect(CATALOGS.ja[`wb.reason.${r}`]).toMatch(/[\u3040-\u30ff]/);
    }
  },
);
