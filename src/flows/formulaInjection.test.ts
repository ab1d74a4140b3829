/**
 * Promise 2: untrusted text never becomes a formula, whatever Excel does with a text format "@".
 * R excel.range.yml `values`: a string starting with "=", "+" or "-" is taken as a formula, and
 * Microsoft documents no exception for "@". These tests switch the emulator's "@ keeps text" rule
 * off (`model.textFormatKeepsText = false`), so only the add-in's own escape can keep the text:
 * valuesAsJson String cell values where ExcelApi 1.16 is there (P excel/excel-data-types-concepts.md),
 * Excel's apostrophe text prefix elsewhere.
 */
import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook, type WorkbookOptions } from '../emulator';
import { hostRunner } from './host';
import { saveQaDecision } from './inspectFlow';
import { sampleFlow } from './sampleFlow';
import { INSPECTION_COLUMNS } from './schema/inspectionSheet';

const NOW = Date.UTC(2026, 10, 24, 12);
const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+SUM(1,2)', '-2+3', '@mention', "'quoted", '=1+1'];

function hostileBook(options: WorkbookOptions = {}) {
  const b = createWorkbook(undefined, options);
  b.model.textFormatKeepsText = false;
  const data = generateDecisions({ rows: 400, headers: 'en', seed: 8 });
  // Every row's notes (column J) are hostile, so whichever rows are drawn carry them.
  for (let r = 1; r < data.length; r++) data[r][9] = HOSTILE[r % HOSTILE.length];
  b.addSheet('Decisions', data);
  b.model.activeSheet = b.model.sheet('Decisions');
  return { b, data };
}

test(
  'the switch matters: with the "@" rule off, a text-formatted ' + '"=…" written through values becomes a formula',
  async () => {
    const b = createWorkbook();
    b.model.textFormatKeepsText = false;
    b.addSheet('S', [['']]);
    await b.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1');
      r.numberFormat = [['@']];
      r.values = [['=1+1']];
      await context.sync();
    });
    expect(b.model.sheet('S')!.formulas.size).toBe(1);
  },
);

test.each([
  // Microsoft's client the tests run (@microsoft/office-js 1.1.110) stops at ExcelApi 1.15, so the
  // valuesAsJson path (1.16) cannot run here; every profile takes the apostrophe path.
  ['Excel on the web: the apostrophe text prefix', { platform: 'web' as const }],
  ['before ExcelApi 1.16: the apostrophe text prefix', { platform: 'windows' as const, excelApi: '1.15' }],
])('copied notes stay the same text with the "@" rule off — %s', async (_, options) => {
  const { b, data } = hostileBook(options);
  const run = hostRunner(b, b.requirements);
  const result = await sampleFlow(run, {
    batch: 'w48',
    method: 'simple',
    size: { kind: 'fixed', n: 60 },
    seed: 'w48',
    now: NOW,
  });
  const sheet = b.model.sheet('QA w48')!;
  expect(sheet.formulas.size).toBe(0);
  const values = b.valuesOf('QA w48');
  const notes = INSPECTION_COLUMNS.indexOf('notes');
  const source = INSPECTION_COLUMNS.indexOf('source_row');
  for (const row of values.slice(1)) expect(row[notes]).toBe(data[(row[source] as number) - 1][9]);
  expect(new Set(values.slice(1).map((r) => r[notes]))).toEqual(new Set(HOSTILE));
  expect(result.sampleSize).toBe(60);

  // An inspector's comment is untrusted text too.
  await saveQaDecision(run, 'w48', 0, {
    qaVerdict: 'approve',
    qaPolicy: '',
    comment: '=cmd|" /c calc"!A1',
    inspector: '-qa',
    now: NOW,
  });
  const saved = b.valuesOf('QA w48')[1];
  expect(saved[INSPECTION_COLUMNS.indexOf('qa_comment')]).toBe('=cmd|" /c calc"!A1');
  expect(saved[INSPECTION_COLUMNS.indexOf('inspector')]).toBe('-qa');
  expect(sheet.formulas.size).toBe(0);
});
