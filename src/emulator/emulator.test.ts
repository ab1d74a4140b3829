/**
 * Conformance tests: each encodes one behavior of the Excel JavaScript API, citing the page
 * (R = office-js-docs-reference excel/*.yml, P = office-js-docs-pr, # = OfficeDev/office-js issue).
 * The example flow below is written like src/flows code and type-checked against @types/office-js.
 */
import { createWorkbook } from './index';

/** A small flow as src/flows writes them: string literals for enums, one sync per step. */
async function copyDecisionsToInspection(context: Excel.RequestContext): Promise<number> {
  const source = context.workbook.worksheets.getItem('Decisions').getUsedRange(true);
  source.load('values, rowCount');
  await context.sync();
  const sheet = context.workbook.worksheets.add('QA b1');
  const target = sheet.getRangeByIndexes(0, 0, source.rowCount, 2);
  target.numberFormat = [['@']];
  target.values = source.values.map((r) => [r[0], r[1]]);
  const table = sheet.tables.add(target, true);
  table.name = 'QA_b1';
  table.style = 'TableStyleMedium2';
  sheet.freezePanes.freezeRows(1);
  await context.sync();
  return source.rowCount - 1;
}

function book() {
  const b = createWorkbook();
  b.addSheet('Decisions', [
    ['Item ID', 'Verdict'],
    ['7301234567890123456', 'remove'],
    ['=1+1', '+1 from lead'],
  ]);
  return b;
}

test('the example flow runs unchanged on the emulator (Excel.run semantics)', async () => {
  const b = book();
  const n = await b.run(copyDecisionsToInspection);
  expect(n).toBe(2);
  // Text format ("@") written before values keeps IDs and formula-like text as text.
  expect(b.valuesOf('QA b1')).toEqual([
    ['Item ID', 'Verdict'],
    ['7301234567890123456', 'remove'],
    ['=1+1', '+1 from lead'],
  ]);
  expect(b.model.sheet('QA b1')!.formulas.size).toBe(0);
  expect(b.model.tables[0]).toMatchObject({ name: 'QA_b1', style: 'TableStyleMedium2' });
  expect(b.model.sheet('QA b1')!.freeze).toEqual({ rows: 1, columns: 0 });
  expect(b.instrumentation.syncs).toBe(2);
});

test(
  'P develop/application-specific-api-model.md: reading a property ' +
    'not loaded and synced throws PropertyNotLoaded (#190 message)',
  async () => {
    await book().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Decisions').getRange('A1');
      expect(() => range.values).toThrow(
        expect.objectContaining({
          code: 'PropertyNotLoaded',
          message: expect.stringContaining("The property 'values' is not available"),
        }),
      );
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['Item ID']]);
    });
  },
);

test(
  'P develop/application-specific-api-model.md: getItem of a missing ' +
    'sheet is ItemNotFound at sync; *OrNullObject gives isNullObject',
  async () => {
    await book().run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      missing.load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      context.workbook.worksheets.getItem('Nope').getRange('A1').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  },
);

test('excel-api.md Names: sheet names ≤ 31 characters, no : \\ / ? * [ ], unique without regard to case', async () => {
  const b = book();
  for (const [name, code] of [
    ['x'.repeat(32), 'InvalidArgument'],
    ['a/b', 'InvalidArgument'],
    ["'quoted'", 'InvalidArgument'],
    ['decisions', 'ItemAlreadyExists'],
  ] as const) {
    await b.run(async (context) => {
      context.workbook.worksheets.add(name);
      await expect(context.sync()).rejects.toMatchObject({ code });
    });
  }
  await b.run(async (context) => {
    context.workbook.worksheets.add('x'.repeat(31));
    await context.sync();
  });
});

test('#551, #1199: table names are unique in the workbook and tables may not overlap (InvalidArgument)', async () => {
  const b = book();
  b.addSheet('Other', [['a'], ['1']]);
  await b.run(async (context) => {
    const t = context.workbook.worksheets.getItem('Decisions').tables.add('A1:B3', true);
    t.name = 'Decisions_T';
    await context.sync();
    const u = context.workbook.worksheets.getItem('Other').tables.add('A1:A2', true);
    u.name = 'decisions_t';
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    context.workbook.worksheets.getItem('Decisions').tables.add('B2:C4', true);
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

test('#1025: a write of the wrong shape is InvalidArgument at Range.values; null leaves a cell unchanged', async () => {
  const b = book();
  await b.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Decisions');
    ws.getRange('A1:B1').values = [['only one']];
    await context.sync(); // a single value fills the range, as Excel does
    ws.getRange('A1:B1').values = [['x', 'y', 'z']];
    await expect(context.sync()).rejects.toMatchObject({
      code: 'InvalidArgument',
      debugInfo: { errorLocation: 'Range.values' },
    });
    ws.getRange('A2:B2').values = [[null as unknown as string, 'approve']];
    await context.sync();
  });
  expect(b.valuesOf('Decisions')[1]).toEqual(['7301234567890123456', 'approve']);
});

test(
  'R excel.range.yml: strings starting with "=" (and "+"/"-") become formulas; ' +
    'numeric strings become numbers; formulas read the value where there is none',
  async () => {
    const b = createWorkbook();
    b.addSheet('S');
    await b.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:E1');
      r.values = [['=SUM(1,2)', '-note', '0012', '@user', 'plain']];
      await context.sync();
      r.load('values, formulas, valueTypes');
      await context.sync();
      expect(r.formulas[0]).toEqual(['=SUM(1,2)', '=-note', 12, '@user', 'plain']);
      expect(r.values[0].slice(2)).toEqual([12, '@user', 'plain']);
      expect(r.valueTypes[0].slice(2)).toEqual(['Integer', 'String', 'String']);
    });
  },
);

test(
  'excel-api.md Payload: requests over the 5 MB limit fail with ' +
    'RequestPayloadSizeLimitExceeded; reads over 5,000,000 cells are refused',
  async () => {
    const b = createWorkbook();
    b.addSheet('Big');
    b.instrumentation.maxRequestBytes = 1000;
    await b.run(async (context) => {
      context.workbook.worksheets.getItem('Big').getRange('A1:A100').values = Array.from({ length: 100 }, () => [
        'x'.repeat(20),
      ]);
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      context.workbook.worksheets.getItem('Big').getRange('A:E').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(b.instrumentation.requestBytes[0]).toBeGreaterThan(1000);
  },
);

test(
  'P excel/excel-add-ins-data-validation.md: a list rule with a range source ' +
    'is stored as a reference; comma lists over 255 characters are refused',
  async () => {
    const b = book();
    b.addSheet('QA Taxonomy', [['code'], ['SAF.HATE'], ['SAF.VIO']]);
    await b.run(async (context) => {
      const tax = context.workbook.worksheets.getItem('QA Taxonomy').getRange('A2:A3');
      const target = context.workbook.worksheets.getItem('Decisions').getRange('B2:B3');
      target.dataValidation.rule = { list: { inCellDropDown: true, source: tax as unknown as string } };
      target.dataValidation.load('rule');
      await context.sync();
      expect(target.dataValidation.rule.list).toEqual({ inCellDropDown: true, source: "='QA Taxonomy'!$A$2:$A$3" });
      target.dataValidation.rule = { list: { inCellDropDown: true, source: 'x,'.repeat(130) } };
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  },
);

test('P excel/excel-add-ins-conditional-formatting.md: add(type) inserts at top priority and is readable', async () => {
  const b = book();
  await b.run(async (context) => {
    const r = context.workbook.worksheets.getItem('Decisions').getRange('B2:B3');
    const a = r.conditionalFormats.add('ContainsText');
    a.textComparison.rule = { operator: 'Contains', text: 'remove' };
    a.textComparison.format.fill.color = '#FDE7E9';
    const c = r.conditionalFormats.add('Custom');
    c.custom.rule.formula = '=$B2="approve"';
    const cfs = r.conditionalFormats.load();
    await context.sync();
    expect(cfs.items.map((x) => [x.type, x.priority])).toEqual([
      ['Custom', 0],
      ['ContainsText', 1],
    ]);
  });
  expect(b.model.sheet('Decisions')!.conditionalFormats[1]).toMatchObject({
    type: 'ContainsText',
    rule: { operator: 'Contains', text: 'remove' },
    format: { fill: '#FDE7E9' },
  });
  await b.run(async () => {});
});

test(
  'P excel/excel-add-ins-pivottables.md: a pivot renders into ' +
    'cells (compact), percent of row total, and refresh recomputes',
  async () => {
    const b = createWorkbook();
    b.addSheet('QA b1', [
      ['moderator', 'outcome'],
      ['sato', 'correct'],
      ['sato', 'wrong_policy'],
      ['lee', 'correct'],
      ['lee', 'correct'],
    ]);
    b.addSheet('QA Report b1');
    await b.run(async (context) => {
      const src = context.workbook.worksheets.getItem('QA b1').getRange('A1:B5');
      const pt = context.workbook.worksheets
        .getItem('QA Report b1')
        .pivotTables.add('ByModerator', src as unknown as Excel.Range, 'A3');
      pt.rowHierarchies.add(pt.hierarchies.getItem('moderator'));
      pt.columnHierarchies.add(pt.hierarchies.getItem('outcome'));
      const data = pt.dataHierarchies.add(pt.hierarchies.getItem('outcome'));
      data.showAs = { calculation: 'PercentOfRowTotal' } as Excel.ShowAsRule;
      const body = pt.layout.getDataBodyRange();
      body.load('values');
      await context.sync();
      expect(body.values).toEqual([
        [1, 0, 1],
        [0.5, 0.5, 1],
        [0.75, 0.25, 1],
      ]);
    });
    expect(b.valuesOf('QA Report b1').slice(2, 4)).toEqual([
      ['Count of outcome', 'Column Labels', '', ''],
      ['Row Labels', 'correct', 'wrong_policy', 'Grand Total'],
    ]);
    await b.editCell('QA b1', 2, 1, 'correct');
    await b.run(async (context) => {
      const pt = context.workbook.worksheets.getItem('QA Report b1').pivotTables.getItem('ByModerator');
      pt.refresh();
      const body = pt.layout.getDataBodyRange();
      body.load('values');
      await context.sync();
      // wrong_policy is gone from the source, so its column goes too, as in Excel.
      expect(body.values).toEqual([
        [1, 1],
        [1, 1],
        [1, 1],
      ]);
    });
  },
);

test(
  'Worksheet.onChanged (ExcelApi 1.7): ' + 'a grid edit fires with address, changeType, source Local and details',
  async () => {
    const b = book();
    const events: unknown[] = [];
    await b.run(async (context) => {
      context.workbook.worksheets.getItem('Decisions').onChanged.add(async (e) => void events.push(e));
      await context.sync();
    });
    await b.editCell('Decisions', 1, 1, 'approve');
    expect(events).toEqual([
      expect.objectContaining({
        address: 'B2',
        changeType: 'RangeEdited',
        source: 'Local',
        details: expect.objectContaining({ valueBefore: 'remove', valueAfter: 'approve' }),
      }),
    ]);
  },
);

test(
  'excel-api.md Errors: ' + 'writing into a protected sheet is AccessDenied (assumption); protect() twice fails',
  async () => {
    const b = book();
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Decisions');
      ws.protection.protect();
      await context.sync();
      ws.getRange('A1').values = [['x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      ws.protection.protect();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  },
);

test('instrumentation: an injected failure at the Nth sync stops that batch before it runs', async () => {
  const b = book();
  b.instrumentation.failAtSync = { sync: 2, code: 'GeneralException' };
  await b.run(async (context) => {
    context.workbook.worksheets.add('One');
    await context.sync();
    context.workbook.worksheets.add('Two');
    await expect(context.sync()).rejects.toMatchObject({ code: 'GeneralException' });
  });
  expect(b.model.sheets.map((s) => s.name)).toEqual(['Decisions', 'One']);
});

test(
  'getUsedRange on a blank sheet is the top-left cell; ' + 'OrNullObject is a null object (excel-api.md Ranges)',
  async () => {
    const b = createWorkbook();
    b.addSheet('Blank');
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Blank');
      const used = ws.getUsedRange();
      used.load('address');
      const none = ws.getUsedRangeOrNullObject();
      none.load('address');
      await context.sync();
      expect(used.address).toBe('Blank!A1');
      expect(none.isNullObject).toBe(true);
    });
  },
);

test(
  'R excel.range.yml: address quotes sheet names; ' +
    'getCell/getRow/getColumn/getOffsetRange/getResizedRange navigate from the range',
  async () => {
    const b = createWorkbook();
    b.addSheet('QA Report b1');
    await b.run(async (context) => {
      const base = context.workbook.worksheets.getItem('QA Report b1').getRange('B2:D5');
      const parts = [
        base,
        base.getCell(1, 1),
        base.getRow(2),
        base.getColumn(0),
        base.getOffsetRange(1, 1),
        base.getResizedRange(1, -1),
        base.getLastRow(),
      ];
      parts.forEach((p) => p.load('address'));
      await context.sync();
      expect(parts.map((p) => p.address)).toEqual([
        "'QA Report b1'!B2:D5",
        "'QA Report b1'!C3",
        "'QA Report b1'!B4:D4",
        "'QA Report b1'!B2:B5",
        "'QA Report b1'!C3:E6",
        "'QA Report b1'!B2:C6",
        "'QA Report b1'!B5:D5",
      ]);
      base.getOffsetRange(-5, 0).load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  },
);

test(
  'select() sets the selection that getSelectedRange and getActiveCell ' +
    'read (R excel.workbook.yml getSelectedRange, getActiveCell)',
  async () => {
    const b = book();
    await b.run(async (context) => {
      context.workbook.worksheets.getItem('Decisions').getRange('B3').select();
      const sel = context.workbook.getSelectedRange();
      const cell = context.workbook.getActiveCell();
      sel.load('address');
      cell.load('address');
      await context.sync();
      expect([sel.address, cell.address]).toEqual(['Decisions!B3', 'Decisions!B3']);
    });
  },
);

test(
  'R excel.nameditemcollection.yml and excel.chartcollection.yml: ' +
    'names resolve to ranges; charts are stored with their title',
  async () => {
    const b = book();
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Decisions');
      context.workbook.names.add('Verdicts', ws.getRange('B2:B3') as unknown as Excel.Range);
      const chart = ws.charts.add(
        'ColumnClustered' as Excel.ChartType,
        ws.getRange('A1:B3') as unknown as Excel.Range,
        'Auto' as Excel.ChartSeriesBy,
      );
      chart.title.text = 'Errors by type';
      await context.sync();
      const named = context.workbook.names.getItem('Verdicts').getRange();
      named.load('values');
      const charts = ws.charts.load('items/name, items/title/text');
      await context.sync();
      expect(named.values).toEqual([['remove'], ['+1 from lead']]);
      expect(charts.items.map((c) => [c.name, c.title.text])).toEqual([['Chart 1', 'Errors by type']]);
      context.workbook.names.add('Verdicts', 'A1');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  },
);

test(
  "a chart's source follows its sheet when the sheet " + 'is renamed (a sheet built under a temporary name)',
  async () => {
    const b = book();
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.add('QA ~Trends');
      ws.getRange('A1:B2').values = [
        ['week', 'errors'],
        ['W48', 3],
      ];
      ws.charts.add(
        'ColumnClustered' as Excel.ChartType,
        ws.getRange('A1:B2') as unknown as Excel.Range,
        'Auto' as Excel.ChartSeriesBy,
      );
      await context.sync();
      ws.name = 'QA Trends';
      await context.sync();
    });
    expect(b.model.sheet('QA Trends')!.charts.map((c) => c.sourceAddress)).toEqual(["'QA Trends'!A1:B2"]);
  },
);

test('clear() empties values and formats; autofitColumns sizes columns from their text', async () => {
  const b = book();
  await b.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Decisions');
    ws.getRange('A1:B1').format.font.bold = true;
    ws.getRange('A:B').format.autofitColumns();
    ws.getRange('A3:B3').clear();
    await context.sync();
  });
  const sheet = b.model.sheet('Decisions')!;
  expect(sheet.format(0, 0)).toEqual({ fontBold: true });
  expect(sheet.columnWidths.get(0)).toBe(19 * 7 + 10); // the 19-digit ID is the longest text
  expect(b.valuesOf('Decisions')).toHaveLength(2);
});

test('a proxy keeps its object when the sheet is renamed later in the same batch (objects, not names)', async () => {
  const b = book();
  await b.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Decisions');
    ws.name = 'Renamed';
    ws.getRange('C1').values = [['still here']];
    await context.sync();
  });
  expect(b.valuesOf('Renamed')[0][2]).toBe('still here');
});
