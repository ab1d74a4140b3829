/**
 * The user's workbook comes back whole: after the add-in's flows ran on a workbook read from a
 * file (sample, then report), the written package holds every part of the user's as it was, byte
 * for byte, beside the add-in's own sheets, pivots and charts; and reading it back gives the
 * model its pivots again, so a report refresh finds them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeUserWorkbook, USER_SHEETS } from '../../test/fixtures/userWorkbook';
import { generateDecisions } from '../core/demo/generateDecisions';
import { saveQaDecision } from '../flows/inspectFlow';
import { sampleFlow } from '../flows/sampleFlow';
import { reportFlow } from '../flows/reportFlow';
import { createWorkbook } from './index';
import { pivots } from './pivot';
import { exportXlsx, importXlsx } from './xlsx';
import { sourceOf } from './xlsxRead';
import { elements, firstElement, parseRels, relsPathOf } from './xlsxXml';
import { entryBytes, entryText, readZip } from './zip';

const NOW = Date.UTC(2026, 10, 24, 12);

async function sampledAndReported(bytes: Uint8Array) {
  const book = createWorkbook(await importXlsx(bytes));
  await sampleFlow(book.run, {
    batch: 'w48',
    method: 'simple',
    size: { kind: 'fixed', n: 40 },
    seed: 'w48',
    sheet: 'Decisions',
    lang: 'en',
    now: NOW,
  });
  await reportFlow(book.run, { batch: 'w48', lang: 'en' });
  return book;
}

let input: Uint8Array;
let output: Uint8Array;
beforeAll(async () => {
  input = await makeUserWorkbook();
  output = await exportXlsx((await sampledAndReported(input)).model);
}, 60000);

/** The parts that hang from the user's sheets and the workbook (not the workbook's own lists). */
function userParts(bytes: Uint8Array): string[] {
  const entries = readZip(bytes);
  const bookRels = parseRels(entryText(entries.get('xl/_rels/workbook.xml.rels')!), 'xl/workbook.xml');
  const sheets = elements(entryText(entries.get('xl/workbook.xml')!), 'sheet').filter((s) =>
    USER_SHEETS.includes(s.attrs.name),
  );
  const out = new Set<string>();
  const walk = (part: string) => {
    if (out.has(part) || !entries.has(part)) return;
    out.add(part);
    const rels = entries.get(relsPathOf(part));
    if (!rels) return;
    out.add(relsPathOf(part));
    for (const r of parseRels(entryText(rels), part)) if (!r.external) walk(r.target);
  };
  for (const s of sheets) walk(bookRels.find((r) => r.id === s.attrs['r:id'])!.target);
  for (const r of bookRels)
    if (!['worksheet', 'styles', 'calcChain', 'pivotCacheDefinition'].includes(r.type)) walk(r.target);
  return [...out].sort();
}

test(
  "every part of the user's sheets and workbook (comments, image, links, merges, rich text, styles, " +
    'hidden rows and columns, autofilter, tab colours, protection, macros) is written back byte for byte',
  () => {
    const before = readZip(input);
    const after = readZip(output);
    const parts = userParts(input);
    // The fixture really holds what the comparison is about.
    expect(parts).toEqual(
      expect.arrayContaining([
        'xl/vbaProject.bin',
        'xl/comments1.xml',
        'xl/media/image1.png',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
        'xl/theme/theme1.xml',
      ]),
    );
    const sheet1 = entryText(before.get('xl/worksheets/sheet1.xml')!);
    for (const feature of [
      '<autoFilter',
      '<hyperlink ',
      'hidden="1"',
      '<tabColor',
      '<conditionalFormatting',
      'customHeight="1"',
    ])
      expect(sheet1).toContain(feature);
    const sheet2 = entryText(before.get('xl/worksheets/sheet2.xml')!);
    for (const feature of ['<mergeCell ', '<sheetProtection', '<dataValidation ', '<drawing '])
      expect(sheet2).toContain(feature);
    expect(entryText(before.get('xl/sharedStrings.xml')!)).toContain('<rPr>'); // rich text
    for (const part of parts) {
      expect(after.has(part) ? part : `missing ${part}`).toBe(part);
      expect(
        Buffer.from(after.get(part)!.raw).equals(Buffer.from(before.get(part)!.raw)) ? part : `changed ${part}`,
      ).toBe(part);
    }
    // The shared strings stay (the user's sheets index them); so do the user's styles, in place, with ours after them.
    expect(
      Buffer.from(entryBytes(after.get('xl/sharedStrings.xml')!)).equals(
        Buffer.from(entryBytes(before.get('xl/sharedStrings.xml')!)),
      ),
    ).toBe(true);
    const xfs = (b: Map<string, ReturnType<typeof readZip> extends Map<string, infer E> ? E : never>, s: string) =>
      elements(
        firstElement(entryText(b.get('xl/styles.xml')!), s)?.inner ?? '',
        s === 'cellXfs' ? 'xf' : s.slice(0, -1),
      ).map((e) => JSON.stringify(e.attrs) + e.inner);
    for (const section of ['cellXfs', 'fonts', 'fills']) {
      const was = xfs(before, section);
      expect(xfs(after, section).slice(0, was.length)).toEqual(was);
    }
    // The workbook keeps its defined names, its sheets' ids and order, and says it holds macros.
    const book = entryText(after.get('xl/workbook.xml')!);
    expect(book).toContain('<definedName name="VerdictList">Lists!$A$2:$A$4</definedName>');
    expect(elements(book, 'sheet').map((s) => [s.attrs.name, s.attrs.sheetId, s.attrs.state])).toEqual(
      expect.arrayContaining([
        ['Decisions', '1', undefined],
        ['Notes', '2', undefined],
        ['Lists', '3', 'hidden'],
      ]),
    );
    expect(entryText(after.get('[Content_Types].xml')!)).toContain(
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    );
    expect(entryText(after.get('xl/_rels/workbook.xml.rels')!)).toContain('vbaProject.bin');
  },
);

test(
  "the add-in's sheets go in as parts of their own: table, " +
    'dropdowns, live pivots with their caches, and the chart',
  () => {
    const after = readZip(output);
    const names = [...after.keys()];
    // Three pivots by moderator, policy and market, and five re-cut pivots (queue, language, inspector, week, reason).
    expect(names.filter((n) => n.startsWith('xl/pivotTables/pivotTable'))).toHaveLength(8);
    expect(names.filter((n) => /^xl\/pivotCache\/pivotCache(Definition|Records)\d+\.xml$/.test(n))).toHaveLength(16);
    expect(names.some((n) => n.startsWith('xl/charts/chart'))).toBe(true);
    expect(names.some((n) => n.startsWith('xl/tables/table'))).toBe(true);
    const cache = entryText(after.get(names.find((n) => n.startsWith('xl/pivotCache/pivotCacheDefinition'))!)!);
    expect(cache).toContain('refreshOnLoad="1"');
    expect(cache).toContain('<worksheetSource name="QA_w48"/>');
    const book = entryText(after.get('xl/workbook.xml')!);
    expect(elements(book, 'pivotCache')).toHaveLength(8);
  },
);

test(
  "read back, the workbook has the user's values, links and formats, the " +
    'pivots and the chart; a second report refreshes the pivots it finds',
  async () => {
    const model = await importXlsx(output);
    const original = await importXlsx(input);
    const back = createWorkbook(model);
    expect(back.valuesOf('Decisions')).toEqual(createWorkbook(original).valuesOf('Decisions'));
    const decisions = model.sheet('Decisions')!;
    expect(decisions.hyperlinks.get(1 * 16384 + 8)).toMatch(/^https:\/\/video\.example\.com\/v\/\d+$/);
    expect(decisions.numberFormat(1, 4)).toBe('yyyy-mm-dd hh:mm');
    expect(decisions.hiddenRows.has(5)).toBe(true);
    expect(decisions.hiddenColumns.has(10)).toBe(true);
    expect(model.sheet('Lists')!.visibility).toBe('Hidden');
    expect(model.sheet('Notes')!.merges).toEqual([{ row: 0, column: 0, rowCount: 1, columnCount: 4 }]);
    expect(model.sheet('Notes')!.formula(4, 0)).toBe('=A4*2');
    expect(model.sheet('Notes')!.value(4, 0)).toBe(0.5);
    const countOfItems = [['item_id', 'Count', 'PercentOfRowTotal']];
    expect(
      pivots(model)
        .slice(0, 3)
        .map((p) => [p.name, p.rows, p.columns, p.data.map((d) => [d.field, d.summarizeBy, d.showAs])]),
    ).toEqual([
      ['QA_w48_byModerator', ['moderator'], ['outcome'], countOfItems],
      ['QA_w48_byPolicy', ['policy'], ['outcome'], countOfItems],
      ['QA_w48_byMarket', ['market'], ['outcome'], countOfItems],
    ]);
    expect(
      pivots(model)
        .map((p) => p.name)
        .slice(3),
    ).toEqual(['QA_w48_byQueue', 'QA_w48_byLanguage', 'QA_w48_byInspector', 'QA_w48_byWeek', 'QA_w48_byReason']);
    // the report keeps its column widths on refresh
    expect(pivots(model).map((p) => p.autoFormat)).toEqual(Array(8).fill(false));
    const report = model.sheets.find((s) => s.charts.length)!;
    expect(report.charts[0]).toMatchObject({ type: 'ColumnClustered', title: expect.any(String) });
    const result = await reportFlow(back.run, { batch: 'w48', lang: 'en' });
    expect(result.refreshed).toBe(true);
    // Written again, the report's pivots and chart are there once each, and the user's parts still as they were.
    const again = readZip(await exportXlsx(model));
    expect([...again.keys()].filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))).toHaveLength(8);
    for (const part of userParts(input))
      expect(Buffer.from(again.get(part)!.raw).equals(Buffer.from(readZip(input).get(part)!.raw))).toBe(true);
  },
);

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
(soffice || process.env.CI ? test : test.skip)(
  'a workbook saved by LibreOffice (its own way of writing every part) also comes back whole',
  async () => {
    if (!soffice)
      throw new Error(
        'LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui',
      );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-lo-user-'));
    fs.writeFileSync(path.join(dir, 'user.xlsx'), input);
    execFileSync(
      soffice,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'xlsx',
        '--outdir',
        path.join(dir, 'lo'),
        path.join(dir, 'user.xlsx'),
      ],
      { timeout: 120000, stdio: 'pipe' },
    );
    const saved = new Uint8Array(fs.readFileSync(path.join(dir, 'lo', 'user.xlsx')));
    const written = await exportXlsx((await sampledAndReported(saved)).model);
    const before = readZip(saved);
    const after = readZip(written);
    const parts = userParts(saved);
    expect(parts.length).toBeGreaterThan(8);
    for (const part of parts)
      expect(
        after.get(part) && Buffer.from(after.get(part)!.raw).equals(Buffer.from(before.get(part)!.raw))
          ? part
          : `changed ${part}`,
      ).toBe(part);
    expect(createWorkbook(await importXlsx(written)).valuesOf('Decisions')).toEqual(
      createWorkbook(await importXlsx(saved)).valuesOf('Decisions'),
    );
  },
  180000,
);

test(
  'a second write copies the sheets unchanged since the first: ' +
    'an item saved rewrites its inspection sheet, never the decisions sheet',
  async () => {
    const book = createWorkbook();
    book.addSheet('Decisions', generateDecisions({ rows: 2000, headers: 'en', seed: 7, now: NOW }));
    await sampleFlow(book.run, {
      batch: 'w49',
      method: 'simple',
      size: { kind: 'fixed', n: 20 },
      seed: 'w49',
      sheet: 'Decisions',
      lang: 'en',
      now: NOW,
    });
    await exportXlsx(book.model);
    const entryOf = (sheet: string) => {
      const source = sourceOf(book.model)!;
      return source.entries.get(source.sheets.get(book.model.sheet(sheet)!)!.part)!;
    };
    const decisionsAfterFirst = entryOf('Decisions');
    const inspectionAfterFirst = entryOf('QA w49');
    await saveQaDecision(book.run, 'w49', 0, {
      qaVerdict: 'approve',
      qaPolicy: '',
      comment: 'second sitting',
      escalate: false,
      inspector: 'qa.sam',
      now: NOW,
      reason: '',
      blind: false,
    });
    const second = await exportXlsx(book.model);
    // Copied, not written again: the very entry of the first write; the inspection sheet is new.
    expect(entryOf('Decisions')).toBe(decisionsAfterFirst);
    expect(entryOf('QA w49')).not.toBe(inspectionAfterFirst);
    expect(entryText(entryOf('QA w49'))).toContain('second sitting');
    // Read back, every sheet holds what the workbook held (the saved item included).
    const back = createWorkbook(await importXlsx(second));
    for (const sheet of book.model.sheets) expect(back.valuesOf(sheet.name)).toEqual(book.valuesOf(sheet.name));
    expect(back.valuesOf('QA w49')[1]).toContain('second sitting');
  },
);
