/**
 * Bad input, as real sheets come (test/fixtures/bad-input, written by make.ts): for each, a
 * correct result or a clear localized message naming the cell and the fix — and the decisions
 * sheet unchanged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDecisions } from '../core/demo/generateDecisions';
import type { FindingCode } from '../core/findings/finding';
import { createWorkbook, type EmulatedWorkbook } from '../emulator';
import { readCsv, type CsvIssue } from '../emulator/csv';
import { sniffFile, type FileKind } from '../emulator/sniff';
import { importXlsx } from '../emulator/xlsx';
import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import type { MessageKey } from '../i18n';
import { FlowError } from './host';
import { sampleFlow } from './sampleFlow';
import { validateFlow } from './validateFlow';

const DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'bad-input');
const NOW = Date.UTC(2026, 10, 24, 12);

interface Case {
  /** The flow must refuse with this message. */
  error?: MessageKey;
  /** Finding codes that must be reported. */
  findings?: FindingCode[];
  /** Finding codes that must not be reported. */
  not?: FindingCode[];
  rows?: number;
  /** The CSV reader must name these lines' problems (and no others); every line is a row or an issue. */
  csv?: CsvIssue['code'][];
  /** The flow, given no sheet, must choose this one (hidden sheets are skipped). */
  chooses?: string;
  /** Rows that fail a required check and are left out of the lot. */
  leftOut?: number;
  /** Not a workbook or CSV, whatever the name: refused as this kind (the CLI names it). */
  refused?: FileKind;
  /** Checks on the inspection sheet after sampling everything. */
  sampled?(book: EmulatedWorkbook, inspection: (string | number | boolean)[][]): void;
}

const CASES: Record<string, Case> = {
  '01-empty.xlsx': { error: 'flow.error.emptySheet' },
  '02-header-only.xlsx': { rows: 0 },
  '03-title-rows.xlsx': { rows: 20, not: ['missing_value'] },
  '04-merged-header.xlsx': { rows: 15, not: ['missing_value'] },
  '05-missing-moderator.xlsx': { error: 'flow.error.missingColumn' },
  '06-fullwidth-japanese-headers.xlsx': { rows: 10, not: ['unknown_policy', 'unknown_verdict'] },
  '07-formulas-and-errors.xlsx': { findings: ['error_value', 'formula_in_cell'] },
  '08-numbers-stored-as-text.xlsx': { rows: 8, not: ['id_not_text', 'id_precision_loss'] },
  '09-ids-19-digits-as-text.xlsx': {
    rows: 12,
    not: ['id_precision_loss', 'id_not_text'],
    sampled: (_b, v) => expect(v.slice(1).every((r) => /^\d{19}$/.test(String(r[0])))).toBe(true),
  },
  '10-ids-19-digits-as-numbers.xlsx': { findings: ['id_precision_loss'] },
  '11-leading-zero-ids.xlsx': {
    rows: 4,
    not: ['id_not_text'],
    sampled: (_b, v) =>
      expect(
        v
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual(['0001', '00012', '00345', '06789']),
  },
  '12-dates-as-serials.xlsx': { rows: 5, not: ['unparseable_date', 'future_date'] },
  '13-dates-iso.xlsx': { rows: 5, not: ['unparseable_date'] },
  '14-dates-japanese-forms.xlsx': { rows: 4, not: ['unparseable_date'] },
  '15-duplicate-ids.xlsx': {
    findings: ['duplicate_item', 'duplicate_conflicting'],
    sampled: (_b, v) => expect(new Set(v.slice(1).map((r) => r[0])).size).toBe(v.length - 1),
  },
  '16-hidden-and-filtered-rows.xlsx': { rows: 10 },
  '17-sheet-named-like-the-addin.xlsx': { error: 'flow.error.reservedSheet' },
  '18-protected-sheet.xlsx': { rows: 6 },
  '19-cells-starting-with-formula-characters.xlsx': {
    rows: 6,
    sampled: (b, v) => {
      expect(b.model.sheet('QA all')!.formulas.size).toBe(0);
      expect(
        v
          .slice(1)
          .map((r) => r[9])
          .sort(),
      ).toEqual(["'quoted", '+1 from lead', '-', '=1+1', '=HYPERLINK("http://evil.example","x")', '@mention'].sort());
    },
  },
  '20-emoji-rtl-long-text.xlsx': {
    rows: 3,
    sampled: (_b, v) =>
      expect(
        v
          .slice(1)
          .map((r) => String(r[9]).length)
          .sort((a, c) => a - c),
      ).toEqual([17, 19, 32767]),
  },
  '21-utf8-bom.csv': { rows: 5, not: ['unknown_verdict'] },
  '22-shift-jis.csv': { rows: 5, not: ['unknown_verdict'] },
  '23-unknown-verdicts-and-policies.xlsx': {
    findings: ['unknown_verdict', 'unknown_policy', 'deprecated_policy', 'approve_with_policy', 'verdict_not_allowed'],
    leftOut: 1,
  },
  '24-future-dates.xlsx': { findings: ['future_date', 'unparseable_date'] },
  '25-bad-markets-and-languages.xlsx': { findings: ['unknown_market', 'unknown_language'], rows: 3 },
  '26-japanese-verdict-words.xlsx': { rows: 5, not: ['unknown_verdict', 'unknown_policy'] },
  '27-no-header-row.xlsx': { error: 'flow.error.noHeader' },
  // Issue 13: inputs read right or refused clearly.
  '28-mixed-line-endings.csv': { rows: 5, csv: [] },
  '29-unbalanced-quote.csv': { rows: 10, csv: ['unbalanced_quote'] },
  '30-multibyte-cut.csv': { rows: 20, csv: ['invalid_bytes'], not: ['unknown_verdict'] },
  '31-invalid-utf8-not-sjis.csv': {
    rows: 5,
    csv: ['invalid_bytes'],
    not: ['unknown_verdict'],
    sampled: (_b, v) => expect(v[1][1]).toBe('sato.h'),
  },
  '32-utf16-unicode-text.txt': { rows: 5, csv: [], not: ['unknown_verdict'] },
  '33-utf16-csv.csv': { rows: 5, csv: [], not: ['unknown_verdict'] },
  '34-hidden-first-sheet.xlsx': { rows: 7, chooses: 'Decisions' },
  '35-hidden-duplicate-column.xlsx': { rows: 6, not: ['unknown_verdict'] },
  '36-id-row-numbers.xlsx': {
    rows: 8,
    sampled: (_b, v) => expect(v.slice(1).every((r) => /^\d{19}$/.test(String(r[0])))).toBe(true),
  },
  '37-hyperlinked-urls.xlsx': {
    rows: 4,
    sampled: (_b, v) =>
      expect(
        v
          .slice(1)
          .map((r) => r[v[0].indexOf('url')])
          .every((u) => /^https:\/\/video\.example\.com\/v\/\d{19}$/.test(String(u))),
      ).toBe(true),
  },
  '38-totals-and-repeated-header.xlsx': {
    rows: 12,
    leftOut: 2,
    findings: ['unknown_verdict', 'missing_value'],
    sampled: (_b, v) => expect(v).toHaveLength(11),
  },
  '39-ragged-line.csv': { rows: 6, csv: ['ragged_row'], leftOut: 1, sampled: (_b, v) => expect(v).toHaveLength(6) },
  '40-ids-and-names-in-other-forms.xlsx': {
    rows: 7,
    findings: ['duplicate_item'],
    // Matched after normalisation, written as first seen.
    sampled: (_b, v) =>
      expect(
        v
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual(['1000', '123', '456', '789']),
  },
  '41-stale-saved-mapping.xlsx': { error: 'flow.error.staleMapping' },
  '42-excel-97-2003.xls': { refused: 'xls' },
  '43-opendocument.ods': { refused: 'ods' },
  '44-xls-renamed.xlsx': { refused: 'xls' },
  '45-binary-workbook.xlsb': { refused: 'xlsb' },
  '46-password-protected.xlsx': { refused: 'encrypted' },
  '47-csv-named-xlsx.xlsx': { rows: 3, csv: [] },
};

/** Opens a fixture by what its bytes are (as the CLI does), not by its name. */
async function open(
  file: string,
): Promise<{ book: EmulatedWorkbook; kind: FileKind; issues: CsvIssue[]; lines: number }> {
  const bytes = fs.readFileSync(path.join(DIR, file));
  const kind = sniffFile(bytes);
  if (kind === 'text') {
    const { model, issues } = readCsv(bytes, 'decisions');
    return { book: createWorkbook(model), kind, issues, lines: model.sheets[0].rows.length };
  }
  return { book: createWorkbook(kind === 'xlsx' ? await importXlsx(bytes) : undefined), kind, issues: [], lines: 0 };
}

test('every fixture in the folder has a case, and there are at least 45', () => {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => /\.(xlsx|csv|txt|xls|ods|xlsb)$/.test(f))
    .sort();
  expect(files).toEqual(Object.keys(CASES).sort());
  expect(files.length).toBeGreaterThanOrEqual(45);
});

describe.each(Object.entries(CASES))('%s', (file, c) => {
  test('a correct result or a clear message; the decisions sheet unchanged', async () => {
    const { book, kind, issues } = await open(file);
    if (c.refused) {
      expect(kind).toBe(c.refused);
      return;
    }
    expect(['xlsx', 'text']).toContain(kind);
    if (c.csv) expect(issues.map((i) => i.code)).toEqual(c.csv);
    const sheet = c.chooses ? undefined : book.model.sheets[0].name;
    const before = sheetSnapshot(book.model.sheets[0]);
    const result = await validateFlow(book.run, { sheet, now: NOW, lang: 'ja' }).catch((e: unknown) => e);
    if (c.error) {
      expect(result).toBeInstanceOf(FlowError);
      const error = result as FlowError;
      expect(error.key).toBe(c.error);
      // Localized, names the sheet or cell, and no stack trace in the message.
      expect(error.render('ja')).toMatch(/[\u3040-\u30ff]/);
      expect(error.render('en')).toContain(sheet ?? c.chooses);
    } else {
      if (result instanceof Error) throw result;
      const r = result as Awaited<ReturnType<typeof validateFlow>>;
      if (c.rows !== undefined) expect(r.rowsChecked).toBe(c.rows);
      if (c.chooses) expect(r.sheet).toBe(c.chooses);
      const codes = new Set(r.findings.map((f) => f.code));
      for (const code of c.findings ?? []) expect([...codes]).toContain(code);
      for (const code of c.not ?? []) expect([...codes]).not.toContain(code);
      for (const f of r.findings) expect(f.message).toContain(f.address);
      if (r.rowsChecked > 0) {
        const s = await sampleFlow(book.run, {
          batch: 'all',
          method: 'simple',
          size: { kind: 'percent', percent: 100 },
          seed: 'x',
          sheet,
          now: NOW,
        });
        expect(s.sampleSize).toBeGreaterThan(0);
        expect(s.leftOut).toBe(c.leftOut ?? 0);
        c.sampled?.(book, book.valuesOf('QA all'));
      }
    }
    expect(sheetSnapshot(book.model.sheets[0])).toBe(before);
  });
});

test('a full 1,048,576-row sheet validates within the request limits', async () => {
  const book = createWorkbook();
  book.addSheet('Decisions', generateDecisions({ rows: 1_048_575, headers: 'ja', seed: 1 }));
  const result = await validateFlow(book.run, { sheet: 'Decisions', now: NOW });
  expect(result.rowsChecked).toBe(1_048_575);
  expect(Math.max(...book.instrumentation.requestBytes)).toBeLessThan(5 * 1024 * 1024);
  expect(Math.max(...book.instrumentation.responseBytes)).toBeLessThan(5 * 1024 * 1024);
}, 240000);
