import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Encoding from 'encoding-japanese';
import { importCsv, decodeCsv } from './csv';
import { createWorkbook } from './index';
import { exportXlsx, importXlsx } from './xlsx';

/** A workbook like the add-in writes: an inspection table with text IDs, dropdowns, a formula, a pivot. */
async function inspectionBook() {
  const b = createWorkbook();
  b.addSheet('QA Taxonomy', [
    ['code', 'name_ja'],
    ['SAF.HATE', 'ヘイトスピーチ'],
    ['SAF.VIO', '暴力'],
  ]);
  b.addSheet('QA b1');
  b.addSheet('QA Report b1');
  await b.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('QA b1');
    const all = ws.getRange('A1:D4');
    all.numberFormat = [['@']];
    all.values = [
      ['item_id', 'moderator', 'qa_policy', 'outcome'],
      ['7301234567890123456', '佐藤', 'SAF.HATE', 'correct'],
      ['0012', 'lee', 'SAF.VIO', 'wrong_policy'],
      ['=cmd|calc', 'lee', 'SAF.VIO', 'correct'],
    ];
    const t = ws.tables.add('A1:D4', true);
    t.name = 'QA_b1';
    ws.getRange('C2:C4').dataValidation.rule = {
      list: {
        inCellDropDown: true,
        source: context.workbook.worksheets.getItem('QA Taxonomy').getRange('A2:A3') as unknown as string,
      },
    };
    ws.getRange('F1').formulas = [['=COUNTA(A2:A4)']];
    ws.freezePanes.freezeRows(1);
    ws.getRange('A:A').format.columnWidth = 160;
    const pt = context.workbook.worksheets
      .getItem('QA Report b1')
      .pivotTables.add('ByModerator', ws.getRange('A1:D4') as unknown as Excel.Range, 'A1');
    pt.rowHierarchies.add(pt.hierarchies.getItem('moderator'));
    pt.dataHierarchies.add(pt.hierarchies.getItem('outcome'));
    await context.sync();
  });
  return b;
}

test(
  'round trip: export then import keeps values, formulas, ' + 'number formats, tables, validation lists, freeze panes',
  async () => {
    const b = await inspectionBook();
    const back = createWorkbook(await importXlsx(await exportXlsx(b.model)));
    expect(
      back
        .valuesOf('QA b1')
        .slice(0, 4)
        .map((r) => r.slice(0, 4)),
    ).toEqual(
      b
        .valuesOf('QA b1')
        .slice(0, 4)
        .map((r) => r.slice(0, 4)),
    );
    const sheet = back.model.sheet('QA b1')!;
    expect(sheet.formula(0, 5)).toBe('=COUNTA(A2:A4)');
    expect(sheet.formula(3, 0)).toBeUndefined(); // text that looks like a formula stays text
    expect(sheet.numberFormat(1, 0)).toBe('@');
    expect(back.model.tables.map((t) => [t.name, t.sheet.name, t.rect])).toEqual([
      ['QA_b1', 'QA b1', { row: 0, column: 0, rowCount: 4, columnCount: 4 }],
    ]);
    expect(sheet.validations.map((v) => [v.rect, v.source])).toEqual([
      [{ row: 1, column: 2, rowCount: 3, columnCount: 1 }, "='QA Taxonomy'!$A$2:$A$3"],
    ]);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(back.valuesOf('QA Report b1')).toEqual(b.valuesOf('QA Report b1'));
  },
);

test('CSV: UTF-8 with a BOM and Shift_JIS decode to the same rows; long and zero-led IDs stay text', () => {
  const text = '動画ID,担当者,判定\r\n7301234567890123456,佐藤,削除\r\n0012,lee,承認\r\n42,鈴木,年齢制限\r\n';
  const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
  const sjis = new Uint8Array(
    Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }) as number[],
  );
  expect(decodeCsv(sjis).encoding).toBe('SJIS');
  for (const bytes of [utf8, sjis]) {
    const rows = createWorkbook(importCsv(bytes, 'decisions')).valuesOf('decisions');
    expect(rows).toEqual([
      ['動画ID', '担当者', '判定'],
      ['7301234567890123456', '佐藤', '削除'],
      ['0012', 'lee', '承認'],
      [42, '鈴木', '年齢制限'],
    ]);
  }
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const describeWithLibreOffice = soffice || process.env.CI ? describe : describe.skip;

describeWithLibreOffice('a real spreadsheet engine (LibreOffice) reads what the emulator writes', () => {
  test('values, the pivot table numbers and the dropdown lists survive LibreOffice', async () => {
    if (!soffice)
      throw new Error(
        'LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui',
      );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-lo-'));
    const file = path.join(dir, 'book.xlsx');
    fs.writeFileSync(file, await exportXlsx((await inspectionBook()).model));
    const run = (args: string[]) =>
      execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, ...args], {
        cwd: dir,
        timeout: 120000,
        stdio: 'pipe',
      });
    // Every sheet to its own CSV (sheet index -1), UTF-8 (76).
    run([
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      path.join(dir, 'csv'),
      file,
    ]);
    const csv = (name: string) =>
      fs
        .readFileSync(path.join(dir, 'csv', `book-${name}.csv`), 'utf8')
        .trim()
        .split('\n');
    const qa = csv('QA b1');
    expect(qa[1].split(',').slice(0, 4)).toEqual(['7301234567890123456', '佐藤', 'SAF.HATE', 'correct']);
    expect(qa[2].split(',')[0]).toBe('0012');
    expect(qa[0].split(',')[5]).toBe('3'); // LibreOffice computed the formula the emulator stored
    // The pivot is live: LibreOffice rebuilt it from its cache on open, in its own captions, with the same numbers.
    const report = csv('QA Report b1');
    expect(report).toEqual(['moderator,Count of outcome', 'lee,2', '佐藤,1', 'Total Result,3']);
    // Re-saved by LibreOffice, the dropdown list still points at the taxonomy.
    run(['--convert-to', 'xlsx', '--outdir', path.join(dir, 'resaved'), file]);
    const resaved = await importXlsx(fs.readFileSync(path.join(dir, 'resaved', 'book.xlsx')));
    const v = resaved.sheet('QA b1')!.validations[0];
    expect(v.source.replace(/\$/g, '')).toBe("='QA Taxonomy'!A2:A3");
  }, 180000);

  test(
    'a written report opens in LibreOffice with live DataPilot tables (the ' +
      "right fields) and its chart, and LibreOffice's own pivot numbers equal ours",
    async () => {
      if (!soffice)
        throw new Error(
          'LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui',
        );
      const { makeUserWorkbook } = await import('../../test/fixtures/userWorkbook');
      const { sampleFlow } = await import('../flows/sampleFlow');
      const { reportFlow } = await import('../flows/reportFlow');
      const book = createWorkbook(await importXlsx(await makeUserWorkbook()));
      await sampleFlow(book.run, {
        batch: 'w48',
        method: 'simple',
        size: { kind: 'fixed', n: 40 },
        seed: 'w48',
        sheet: 'Decisions',
        lang: 'en',
        now: Date.UTC(2026, 10, 24),
      });
      const sample = book.valuesOf('QA w48');
      const col = (name: string) => sample[0].indexOf(name);
      // An inspector's QA verdicts: every third item approved, the rest as decided.
      for (let r = 1; r < sample.length; r++)
        await book.editCell(
          'QA w48',
          r,
          col('qa_verdict'),
          r % 3 === 0 ? 'approve' : String(sample[r][col('verdict')]),
        );
      const result = await reportFlow(book.run, { batch: 'w48', lang: 'en' });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-lo-report-'));
      fs.writeFileSync(path.join(dir, 'report.xlsx'), await exportXlsx(book.model));
      const run = (args: string[]) =>
        execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, ...args], {
          cwd: dir,
          timeout: 120000,
          stdio: 'pipe',
        });
      run(['--convert-to', 'fods', '--outdir', dir, path.join(dir, 'report.xlsx')]);
      const fods = fs.readFileSync(path.join(dir, 'report.fods'), 'utf8').replace(/&apos;/g, "'");
      const pilots = [
        ...fods.matchAll(/<table:data-pilot-table table:name="([^"]+)"[\s\S]*?<\/table:data-pilot-table>/g),
      ];
      // The three fixed pivots, then the lead's re-cut ones (queue, language, inspector, week, reason).
      expect(pilots.map((m) => m[1])).toEqual([
        'QA_w48_byModerator',
        'QA_w48_byPolicy',
        'QA_w48_byMarket',
        'QA_w48_byQueue',
        'QA_w48_byLanguage',
        'QA_w48_byInspector',
        'QA_w48_byWeek',
        'QA_w48_byReason',
      ]);
      for (const [m, field] of pilots
        .slice(3)
        .map((p, i) => [p[0], ['queue', 'language', 'inspector', 'week', 'reason'][i]] as const)) {
        expect(new RegExp(`source-field-name="${field}"[^>]*table:orientation="row"`).test(m)).toBe(true);
      }
      for (const [m, field] of pilots
        .slice(0, 3)
        .map((p, i) => [p[0], ['moderator', 'policy', 'market'][i]] as const)) {
        const orientation = (name: string) =>
          new RegExp(`source-field-name="${name}"[^>]*table:orientation="(\\w+)"`).exec(m)?.[1];
        expect([orientation(field), orientation('outcome'), orientation('item_id')]).toEqual(['row', 'column', 'data']);
        expect(m).toContain('table:function="count"');
      }
      expect(fods).toMatch(/<chart:chart [^>]*chart:class="chart:bar"/);
      expect(fods).toContain(`chart:values-cell-range-address="'QA Report w48'.E2:'QA Report w48'.E5"`);
      // LibreOffice recomputes the pivots from their source on open: its
      // percentages equal ones counted here from the inspection sheet.
      run([
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        path.join(dir, 'csv'),
        path.join(dir, 'report.xlsx'),
      ]);
      const lines = fs
        .readFileSync(path.join(dir, 'csv', 'report-QA Report w48.csv'), 'utf8')
        .split('\n')
        .map((l) => l.split(','));
      const after = book.valuesOf('QA w48');
      const top = lines.findIndex((l) => l[0] === 'moderator');
      const outcomes = lines[top].slice(1, lines[top].indexOf('Total Result'));
      let checked = 0;
      for (let r = top + 1; lines[r][0] !== 'Total Result'; r++) {
        const mine = after.slice(1).filter((row) => row[col('moderator')] === lines[r][0]);
        outcomes.forEach((o, k) => {
          const cell = lines[r][k + 1];
          const expected = mine.filter((row) => row[col('outcome')] === o).length / mine.length;
          expect(cell === '' ? 0 : Number(cell.replace('%', '')) / 100).toBeCloseTo(expected, 12);
          checked++;
        });
      }
      expect(checked).toBeGreaterThan(10);
      // The chart's series is the error table, and its numbers are the core's counts.
      expect(lines.slice(1, 5).map((l) => Number(l[4]))).toEqual(
        ['over_enforcement', 'under_enforcement', 'wrong_policy', 'wrong_action'].map(
          (o) => result.summary.outcomes[o as keyof typeof result.summary.outcomes],
        ),
      );
    },
    240000,
  );
});

test('streaming .xlsx (for full-size sheets) keeps values, text IDs, formulas and Japanese sheet names', async () => {
  const { writeXlsxFile, readXlsxFile } = await import('./xlsxStream');
  const b = createWorkbook();
  b.addSheet('判定 シート', [
    ['ID', 'n'],
    ['0012', 5],
    ['7301234567890123456', 1.5],
  ]);
  b.model.sheet('判定 シート')!.setCell(3, 1, '', '=SUM(B2:B3)');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-st-')), 'big.xlsx');
  await writeXlsxFile(b.model, file);
  const back = await readXlsxFile(file);
  expect(back.sheets.map((s) => s.name)).toEqual(['判定 シート']);
  expect(createWorkbook(back).valuesOf('判定 シート').slice(0, 3)).toEqual([
    ['ID', 'n'],
    ['0012', 5],
    ['7301234567890123456', 1.5],
  ]);
  expect(back.sheets[0].formula(3, 1)).toBe('=SUM(B2:B3)');
});
