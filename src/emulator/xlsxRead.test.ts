/**
 * The reader on parts written the way other tools write them: shared (filled-down) formulas,
 * cached values of every type, inline and shared strings with phonetic guides and rich runs,
 * ISO dates, merges, links, Excel 2010's validation extension, hidden rows and columns; and
 * the files it must name rather than misread.
 */
import { createWorkbook } from './index';
import { XlsxFormatError, readXlsx } from './xlsxRead';
import { NS, relsXml } from './xlsxXml';
import { entryText, newEntry, readZip, writeZip } from './zip';

function pack(
  sheet: string,
  extra: Record<string, string> = {},
  sheetRels: { id: string; type: string; target: string; external?: boolean }[] = [],
): Uint8Array {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0"?><Types xmlns="${NS.types}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': relsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]),
    'xl/workbook.xml':
      `<?xml version="1.0"?><workbook xmlns="${NS.main}" xmlns:r="${NS.r}">` +
      `<sheets><sheet name="Data" sheetId="1" ` +
      `r:id="rId1"/><sheet name="Hidden" sheetId="2" state="veryHidden" r:id="rId2"/></sheets><definedNames>` +
      `<definedName name="Ids">Data!$A$2:$A$4</definedName><definedName name="_xlnm.Print_Area" ` +
      `localSheetId="0">Data!$A$1:$C$4</definedName></definedNames></workbook>`,
    'xl/_rels/workbook.xml.rels': relsXml([
      { id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' },
      { id: 'rId2', type: 'worksheet', target: 'worksheets/sheet2.xml' },
      { id: 'rId3', type: 'sharedStrings', target: 'sharedStrings.xml' },
      { id: 'rId4', type: 'styles', target: 'styles.xml' },
    ]),
    'xl/sharedStrings.xml':
      `<?xml version="1.0"?><sst xmlns="${NS.main}"><si><t>判定</t><rPh sb="0" eb="2">` +
      `<t>ハンテイ</t></rPh></si><si><r><rPr><b/></rPr><t>rich </t></r><r>` +
      `<t xml:space="preserve">text</t></r></si><si><t>a_x000D_b &amp; c</t></si></sst>`,
    'xl/styles.xml':
      `<?xml version="1.0"?><styleSheet xmlns="${NS.main}">` +
      `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>` +
      `</numFmts><fonts count="2"><font><sz val="11"/></font><font>` +
      `<b/><color rgb="FFFF0000"/></font></fonts><fills count="3">` +
      `<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill>` +
      `<patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills><cellXfs count="4">` +
      `<xf numFmtId="0" fontId="0" fillId="0"/><xf numFmtId="164" fontId="0" fillId="0"/>` +
      `<xf numFmtId="49" fontId="0" fillId="0"/><xf numFmtId="14" fontId="1" fillId="2"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/worksheets/sheet2.xml':
      `<worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr">` +
      `<is><t>secret</t></is></c></row></sheetData></worksheet>`,
    ...extra,
  };
  if (sheetRels.length) parts['xl/worksheets/_rels/sheet1.xml.rels'] = relsXml(sheetRels);
  return writeZip(Object.entries(parts).map(([name, text]) => newEntry(name, text)));
}

const SHEET = [
  `<?xml version="1.0"?>`,
  `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" ` +
    `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" ` +
    `xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">`,
  `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" state="frozen"/></sheetView>` +
    `</sheetViews>`,
  `<cols><col min="2" max="2" width="20" customWidth="1"/><col min="4" max="4" width="9" hidden="1"/></cols>`,
  `<sheetData>`,
  `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
    `<c r="D1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>`,
  `<row r="2"><c r="A2" s="2" t="inlineStr"><is><t>0012</t></is></c><c r="B2" s="1"><v>46000.5</v></c>` +
    `<c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2+$B$2</f><v>138001.5</v></c><c r="D2" t="b"><v>1</v></c>` +
    `</row>`,
  `<row r="3" hidden="1"><c r="A3" t="d"><v>2026-11-24T12:00:00Z</v></c><c r="B3"><v>2</v></c><c r="C3">` +
    `<f t="shared" si="0"/><v>46004.5</v></c><c r="D3" t="e"><v>#N/A</v></c></row>`,
  `<row r="4"><c r="A4" s="3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="B4"><v>-1.5E-3</v></c><c r="C4">` +
    `<f t="shared" si="0"/><v>46000.497</v></c><c><v>7</v></c></row>`,
  `</sheetData>`,
  `<mergeCells count="1"><mergeCell ref="E1:F2"/></mergeCells>`,
  `<hyperlinks><hyperlink ref="A2" r:id="rId1"/>` +
    `<hyperlink ref="A4" location="'Hidden'!A1" display="there"/></hyperlinks>`,
  `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1">` +
    `<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Hidden!$A$1:$A$3</xm:f>` +
    `</x14:formula1><xm:sqref>B2:B4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
  `</worksheet>`,
].join('\n');

test(
  'values of every kind, cached values with formulas, ' +
    'filled-down formulas expanded, strings without phonetic guides',
  async () => {
    const model = await readXlsx(
      pack(SHEET, {}, [
        { id: 'rId1', type: 'hyperlink', target: 'https://example.com/v/0012?a=1&b=2', external: true },
      ]),
    );
    const book = createWorkbook(model);
    expect(book.valuesOf('Data')).toEqual([
      ['判定', 'rich text', 'a\rb & c', 'inline'],
      ['0012', 46000.5, 138001.5, true],
      [46350.5, 2, 46004.5, '#N/A'],
      ['xy', -0.0015, 46000.497, 7],
    ]);
    const s = model.sheet('Data')!;
    expect([s.formula(1, 2), s.formula(2, 2), s.formula(3, 2), s.formula(3, 0)]).toEqual([
      '=B2*2+$B$2',
      '=B3*2+$B$2',
      '=B4*2+$B$2',
      '="x"&"y"',
    ]);
    expect([s.numberFormat(1, 1), s.numberFormat(1, 0), s.numberFormat(3, 0), s.numberFormat(2, 1)]).toEqual([
      'yyyy-mm-dd',
      '@',
      'm/d/yyyy',
      'General',
    ]);
    expect(s.format(3, 0)).toEqual({ fontBold: true, fontColor: '#FF0000', fill: '#FFFF00' });
    expect(s.hyperlinks.get(1 * 16384)).toBe('https://example.com/v/0012?a=1&b=2');
    expect(s.hyperlinks.get(3 * 16384)).toBe("#'Hidden'!A1");
    expect(s.merges).toEqual([{ row: 0, column: 4, rowCount: 2, columnCount: 2 }]);
    expect([...s.hiddenRows]).toEqual([2]);
    expect([...s.hiddenColumns]).toEqual([3]);
    expect(s.columnWidths.get(1)).toBe(140);
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    expect(s.validations.map((v) => [v.rect, v.source])).toEqual([
      [{ row: 1, column: 1, rowCount: 3, columnCount: 1 }, '=Hidden!$A$1:$A$3'],
    ]);
    expect(model.sheet('Hidden')!.visibility).toBe('VeryHidden');
    expect(model.names.get('ids')).toEqual({ name: 'Ids', reference: '=Data!$A$2:$A$4', comment: '' });
  },
);

test('a sheet split across many inflate chunks reads the same as a small one', async () => {
  const rows = Array.from(
    { length: 30000 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is>` +
      `<t>id-${i}-${'x'.repeat(i % 50)}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
  ).join('');
  const model = await readXlsx(pack(`<worksheet xmlns="${NS.main}"><sheetData>${rows}</sheetData></worksheet>`));
  const s = model.sheet('Data')!;
  expect(s.rows.length).toBe(30000);
  expect(s.rows.every((r, i) => r![0] === `id-${i}-${'x'.repeat(i % 50)}` && r![1] === i)).toBe(true);
});

test('an encrypted workbook, an .xlsb and a file that is not a zip are named for what they are', async () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
  await expect(readXlsx(ole)).rejects.toMatchObject({ reason: 'encrypted' });
  await expect(readXlsx(new TextEncoder().encode('id,verdict\n1,remove\n'))).rejects.toBeInstanceOf(XlsxFormatError);
  const xlsb = writeZip([
    newEntry('_rels/.rels', relsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.bin' }])),
    newEntry('xl/workbook.bin', new Uint8Array(8)),
  ]);
  await expect(readXlsx(xlsb)).rejects.toMatchObject({ reason: 'xlsb' });
});

test('conditional formats and list validation written from the model read back as they were', async () => {
  const { writeXlsx } = await import('./xlsxWrite');
  const { WorkbookModel } = await import('./model');
  const model = new WorkbookModel();
  const sheet = model.addSheet('QA b1');
  sheet.setCell(0, 0, 'outcome');
  const rect = { row: 1, column: 0, rowCount: 10, columnCount: 1 };
  sheet.conditionalFormats.push(
    {
      id: 'a',
      rect,
      type: 'CellValue',
      rule: { operator: 'EqualTo', formula1: '"wrong_policy"' },
      format: { fill: '#FFC7CE' },
      stopIfTrue: false,
    },
    {
      id: 'b',
      rect,
      type: 'CellValue',
      rule: { operator: 'Between', formula1: '1', formula2: '5' },
      format: { fontBold: true, fontColor: '#9C0006' },
      stopIfTrue: false,
    },
    {
      id: 'c',
      rect,
      type: 'ContainsText',
      rule: { operator: 'Contains', text: 'over' },
      format: { fill: '#FFEB9C' },
      stopIfTrue: false,
    },
    {
      id: 'd',
      rect,
      type: 'Custom',
      rule: { formula: '=$A2="correct"' },
      format: { fill: '#C6EFCE' },
      stopIfTrue: true,
    },
  );
  sheet.validations.push({
    rect,
    source: 'correct,wrong_policy',
    inCellDropDown: true,
    errorStyle: 'Stop',
    ignoreBlanks: true,
  });
  const back = (await readXlsx(writeXlsx(model))).sheet('QA b1')!;
  expect(back.conditionalFormats.map(({ id: _id, ...rest }) => rest)).toEqual(
    sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest),
  );
  expect(back.validations).toEqual(sheet.validations);
});

test(
  'parts written with a namespace prefix (<x:c>, ' + 'as .NET tools write them) read the same, and write back',
  async () => {
    const prefixed = (xml: string) =>
      xml
        .replace(/<(\/?)(?!\?|x14:|xm:)(\w+)([\s>/])/g, '<$1x:$2$3')
        .replace(`xmlns="${NS.main}"`, `xmlns:x="${NS.main}"`);
    const plain = pack(SHEET);
    const bytes = pack(prefixed(SHEET), {
      'xl/workbook.xml': prefixed(
        `<?xml version="1.0"?><workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><sheets><sheet name="Data" sheetId="1" ` +
          `r:id="rId1"/><sheet name="Hidden" sheetId="2" state="veryHidden" r:id="rId2"/></sheets></workbook>`,
      ),
      'xl/sharedStrings.xml': prefixed(
        `<?xml version="1.0"?><sst xmlns="${NS.main}"><si><t>判定</t><rPh sb="0" eb="2">` +
          `<t>ハンテイ</t></rPh></si><si><r><rPr><b/></rPr><t>rich </t></r><r>` +
          `<t xml:space="preserve">text</t></r></si><si><t>a_x000D_b &amp; c</t></si></sst>`,
      ),
    });
    const sheetXml = entryText(readZip(bytes).get('xl/worksheets/sheet1.xml')!);
    // the fixture really is prefixed
    expect([sheetXml.includes('<c r='), sheetXml.includes('<x:c r=')]).toEqual([false, true]);
    const model = await readXlsx(bytes);
    expect(createWorkbook(model).valuesOf('Data')).toEqual(createWorkbook(await readXlsx(plain)).valuesOf('Data'));
    expect(model.sheet('Data')!.formula(3, 2)).toBe('=B4*2+$B$2');
    model.addSheet('QA b1').setCell(0, 0, 'item_id');
    const { writeXlsx } = await import('./xlsxWrite');
    const again = await readXlsx(writeXlsx(model));
    expect(again.sheets.map((s) => s.name)).toEqual(['Data', 'Hidden', 'QA b1']);
    expect(createWorkbook(again).valuesOf('Data')).toEqual(createWorkbook(model).valuesOf('Data'));
  },
);

test('relationships bound to another prefix than "r" are followed, and the written workbook binds "r"', async () => {
  const { writeXlsx } = await import('./xlsxWrite');
  const bytes = pack(SHEET, {
    'xl/workbook.xml':
      `<?xml version="1.0"?><workbook xmlns="${NS.main}" xmlns:rel="${NS.r}">` +
      `<sheets><sheet name="Data" sheetId="1" ` +
      `rel:id="rId1"/><sheet name="Hidden" sheetId="2" rel:id="rId2"/></sheets></workbook>`,
  });
  const model = await readXlsx(bytes);
  expect(model.sheets.map((s) => s.name)).toEqual(['Data', 'Hidden']);
  model.addSheet('QA b1');
  const again = await readXlsx(writeXlsx(model));
  expect(again.sheets.map((s) => s.name)).toEqual(['Data', 'Hidden', 'QA b1']);
  expect(entryText(readZip(writeXlsx(model)).get('xl/workbook.xml')!)).toMatch(/<workbook xmlns:r="[^"]+"/);
});

test(
  'a relationship naming a part in another case than the zip finds it, ' + 'and the sheet is kept as it was',
  async () => {
    const { writeXlsx } = await import('./xlsxWrite');
    const bytes = pack(SHEET, {
      'xl/_rels/workbook.xml.rels': relsXml([
        { id: 'rId1', type: 'worksheet', target: 'worksheets/Sheet1.xml' },
        { id: 'rId2', type: 'worksheet', target: 'worksheets/sheet2.xml' },
        { id: 'rId3', type: 'sharedStrings', target: 'sharedStrings.xml' },
        { id: 'rId4', type: 'styles', target: 'styles.xml' },
      ]),
    });
    const model = await readXlsx(bytes);
    expect(model.sheet('Data')!.rows.length).toBe(4);
    model.addSheet('QA b1');
    const out = readZip(writeXlsx(model));
    expect(
      Buffer.from(out.get('xl/worksheets/sheet1.xml')!.raw).equals(
        Buffer.from(readZip(bytes).get('xl/worksheets/sheet1.xml')!.raw),
      ),
    ).toBe(true);
    expect((await readXlsx(writeXlsx(model))).sheets.map((s) => s.name)).toEqual(['Data', 'Hidden', 'QA b1']);
  },
);
