/**
 * Host behaviours real Excel has and the add-in must meet, on Microsoft's own client (each test
 * cites the page or office-js issue it encodes; R = office-js-docs-reference, P = office-js-docs-pr).
 */
import { createWorkbook, type EmulatedWorkbook } from '../index';

function book(platform: 'web' | 'windows' | 'mac' = 'windows'): EmulatedWorkbook {
  const b = createWorkbook(undefined, { platform });
  b.addSheet('Decisions', [
    ['Item ID', 'Verdict'],
    ['v1', 'remove'],
    ['v2', 'approve'],
  ]);
  b.addSheet('Scratch', [['x']]);
  return b;
}

const write = (b: EmulatedWorkbook, address: string, value: string) =>
  b.run(async (context) => {
    context.workbook.worksheets.getItem('Decisions').getRange(address).values = [[value]];
    await context.sync();
  });

test(
  'P excel/excel-add-ins-events.md, R excel.worksheetchangedeventargs.yml: onChanged ' +
    'fires for the add-in’s own writes (source Local) and a co-author’s edit (source Remote)',
  async () => {
    const b = book();
    const seen: [string, string, string | undefined][] = [];
    await b.run(async (context) => {
      context.workbook.worksheets
        .getItem('Decisions')
        .onChanged.add(async (e) => void seen.push([e.source, e.address, e.triggerSource]));
      await context.sync();
    });
    await write(b, 'B2', 'age_restrict');
    await b.remoteEdit('Decisions', 2, 1, 'remove');
    expect(seen).toEqual([
      ['Local', 'B2', 'ThisLocalAddin'],
      ['Remote', 'B3', 'Unknown'],
    ]);
    expect(b.valuesOf('Decisions')[2][1]).toBe('remove');
    // The event's range (ExcelApi 1.8 getRange) is the cells that changed.
    const ranges: string[] = [];
    await b.run(async (context) => {
      context.workbook.worksheets.getItem('Decisions').onChanged.add((e) =>
        b.run(async (ctx) => {
          const r = e.getRange(ctx);
          r.load('address');
          await ctx.sync();
          ranges.push(r.address);
        }),
      );
      await context.sync();
    });
    await b.remoteEdit('Decisions', 1, 0, 'v1b');
    expect(ranges).toEqual(['Decisions!A2']);
    // context.runtime.enableEvents = false turns them off (same page, "Enable and disable events").
    await b.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem('Decisions').getRange('B2').values = [['approve']];
      await context.sync();
    });
    await b.remoteEdit('Decisions', 2, 1, 'approve');
    expect(seen).toHaveLength(3);
    expect(ranges).toHaveLength(1);
  },
);

test(
  "R excel.worksheet.yml onSelectionChanged (ExcelApi 1.7): the person's selection on a watched " +
    'sheet reaches the handler with its address; other sheets and removed handlers hear nothing',
  async () => {
    const b = book();
    const seen: [string, string][] = [];
    const registration = await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Decisions');
      const result = ws.onSelectionChanged.add(async (e) => void seen.push([e.type, e.address]));
      await context.sync();
      return result;
    });
    const decisions = b.model.sheet('Decisions')!;
    b.select(decisions, { row: 2, column: 0, rowCount: 1, columnCount: 2 });
    b.select(b.model.sheet('Scratch')!, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    await b.idle();
    expect(seen).toEqual([['WorksheetSelectionChanged', 'A3:B3']]);
    expect(b.model.activeSheet?.name).toBe('Scratch');
    registration.remove();
    await registration.context.sync();
    b.select(decisions, { row: 1, column: 1, rowCount: 1, columnCount: 1 });
    await b.idle();
    expect(seen).toHaveLength(1);
  },
);

test(
  'R excel.runoptions.yml delayForCellEdit: while the user edits a cell a batch ' +
    'fails with InvalidOperationInCellEditMode, unless it asked to wait (ExcelApi 1.11)',
  async () => {
    const b = book();
    b.cellEditMode = true;
    await expect(write(b, 'B2', 'remove')).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const waiting = b.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem('Decisions').getRange('B2').values = [['escalate']];
      await context.sync();
      return 'written';
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(b.valuesOf('Decisions')[1][1]).toBe('remove');
    b.cellEditMode = false;
    await expect(waiting).resolves.toBe('written');
    expect(b.valuesOf('Decisions')[1][1]).toBe('escalate');
    // A build without ExcelApi 1.11 cannot wait: the client sends no delay flag, the batch fails.
    const old = createWorkbook(undefined, { requirementSets: { ExcelApi: '1.10' } });
    old.addSheet('Decisions');
    old.cellEditMode = true;
    await expect(
      old.run({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem('Decisions').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  },
);

test(
  'R excel.pivotlayout.yml autoFormat: a refresh fits the pivot’s columns ' +
    'again (a width the add-in set is lost) unless autoFormat is off',
  async () => {
    const b = createWorkbook();
    b.addSheet('Data', [
      ['moderator', 'outcome'],
      ['a-very-long-moderator-name', 'correct'],
      ['lee', 'wrong_policy'],
    ]);
    b.addSheet('Report');
    const refreshWith = (autoFormat: boolean | undefined) =>
      b.run(async (context) => {
        const report = context.workbook.worksheets.getItem('Report');
        let pivot = report.pivotTables.getItemOrNullObject('P');
        await context.sync();
        if (pivot.isNullObject) {
          pivot = report.pivotTables.add('P', context.workbook.worksheets.getItem('Data').getRange('A1:B3'), 'A1');
          pivot.rowHierarchies.add(pivot.hierarchies.getItem('moderator'));
          pivot.dataHierarchies.add(pivot.hierarchies.getItem('outcome'));
        }
        if (autoFormat !== undefined) pivot.layout.autoFormat = autoFormat;
        report.getRange('A:A').format.columnWidth = 260;
        pivot.refresh();
        const width = report.getRange('A1').format;
        width.load('columnWidth');
        await context.sync();
        return width.columnWidth;
      });
    expect(await refreshWith(undefined)).toBe('a-very-long-moderator-name'.length * 7 + 10);
    expect(await refreshWith(false)).toBe(260);
  },
);

test(
  'R excel.rangeformat.yml autofitColumns: widths fit the ' +
    'data of the whole columns, not only the rows of the range',
  async () => {
    const b = book();
    b.model.sheet('Decisions')!.setCell(500, 0, 'an item ID far below the range that is fitted');
    await b.run(async (context) => {
      context.workbook.worksheets.getItem('Decisions').getRange('A1:B3').format.autofitColumns();
      await context.sync();
    });
    expect(b.model.sheet('Decisions')!.columnWidths.get(0)).toBe(
      'an item ID far below the range that is fitted'.length * 7 + 10,
    );
  },
);

test(
  'office-js#3148: on Windows and Mac, freezing panes on an inactive sheet makes ' +
    'getActiveWorksheet answer that sheet while the user still sees the other; not on the web',
  async () => {
    for (const [platform, expected] of [
      ['windows', 'Scratch'],
      ['mac', 'Scratch'],
      ['web', 'Decisions'],
    ] as const) {
      const b = book(platform);
      const active = await b.run(async (context) => {
        context.workbook.worksheets.getItem('Scratch').freezePanes.freezeRows(1);
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load('name');
        await context.sync();
        return ws.name;
      });
      expect([platform, active]).toEqual([platform, expected]);
      expect(b.model.activeSheet?.name).toBe('Decisions');
    }
  },
);

test(
  'office-js#6964: on the web, deleting any sheet while another run’s sync is ' +
    'in flight fails that sync with InvalidRequestContext; Windows carries on',
  async () => {
    for (const [platform, fails] of [
      ['web', true],
      ['windows', false],
    ] as const) {
      const b = book(platform);
      b.hooks.beforeSync = async (index) => {
        if (index !== 0) return;
        // Another run (a co-author's add-in, or this one's other flow) deletes an unrelated sheet.
        await b.run(async (context) => {
          context.workbook.worksheets.getItem('Scratch').delete();
          await context.sync();
        });
      };
      const read = b.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Decisions').getRange('A2');
        r.load('values');
        await context.sync();
        return r.values[0][0];
      });
      if (fails)
        await expect(read).rejects.toMatchObject({
          code: 'InvalidRequestContext',
          message: expect.stringContaining('worksheet cannot be found'),
        });
      else await expect(read).resolves.toBe('v1');
      expect(b.model.sheet('Scratch')).toBeUndefined();
    }
  },
);

test(
  'requirement-sets/common/open-browser-window-api-requirement-sets: OpenBrowserWindowApi ' +
    'is absent on the web, present on Windows and Mac; ExcelApi 1.11 everywhere',
  () => {
    expect(createWorkbook(undefined, { platform: 'web' }).isSetSupported('OpenBrowserWindowApi', '1.1')).toBe(false);
    expect(createWorkbook(undefined, { platform: 'windows' }).isSetSupported('OpenBrowserWindowApi', '1.1')).toBe(true);
    expect(createWorkbook(undefined, { platform: 'mac' }).isSetSupported('OpenBrowserWindowApi')).toBe(true);
    for (const platform of ['web', 'windows', 'mac'] as const)
      expect(createWorkbook(undefined, { platform }).isSetSupported('ExcelApi', '1.11')).toBe(true);
    expect(createWorkbook().platform).toBe('windows');
  },
);

test(
  'P excel/performance.md: request sizes are the UTF-8 bytes of the client’s JSON (Japanese text counts ' +
    '3 bytes a character); over 5,000,000 bytes the sync fails with RequestPayloadSizeLimitExceeded',
  async () => {
    const b = book('web');
    await write(b, 'C1', 'a');
    await write(b, 'C1', '判'.repeat(1000));
    const [ascii, japanese] = b.instrumentation.requestBytes;
    expect(japanese - ascii).toBe(3 * 1000 - 1);
    await expect(write(b, 'C1', '判'.repeat(1_700_000))).rejects.toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
    });
    expect(b.valuesOf('Decisions')[0][2]).toBe('判'.repeat(1000));
  },
);

test(
  'P develop/application-specific-api-model.md: ranges of a finished Excel.run are invalid ' +
    '(InvalidObjectPath) unless tracked; the host keeps a tracked range until it is released',
  async () => {
    const b = book();
    let loose: Excel.Range | undefined;
    let kept: Excel.Range | undefined;
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Decisions');
      loose = ws.getRange('A2');
      kept = ws.getRange('B2');
      context.trackedObjects.add(kept);
      await context.sync();
    });
    expect(() => loose!.load('values')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    kept!.load('values');
    await kept!.context.sync();
    expect(kept!.values).toEqual([['remove']]);
    kept!.context.trackedObjects.remove(kept!);
    await kept!.context.sync();
    // Excel.run's own release of what it tracked is a request of its own, counted apart from the batch's syncs.
    expect(b.instrumentation.syncs).toBe(2);
    expect(b.instrumentation.cleanupRequests).toBeGreaterThan(0);
  },
);

test(
  'hooks.beforeSync runs before the host answers each sync, numbered across ' +
    'the book: a co-author’s change lands between two syncs of one flow',
  async () => {
    const b = book();
    const indexes: number[] = [];
    b.hooks.beforeSync = (i) => {
      indexes.push(i);
      if (i === 1) b.model.sheet('Decisions')!.setCell(1, 1, 'changed by a co-author');
    };
    const seen = await b.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Decisions').getRange('B2');
      r.load('values');
      await context.sync();
      const first = r.values[0][0];
      r.load('values');
      await context.sync();
      return [first, r.values[0][0]];
    });
    expect(seen).toEqual(['remove', 'changed by a co-author']);
    expect(indexes).toEqual([0, 1]);
  },
);

test(
  'R excel.range.yml insert/delete and excel.rangesort.yml apply: a co-author ' +
    'inserts rows or sorts between two runs; cells, tables and rules move with them',
  async () => {
    const b = book();
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Decisions');
      ws.tables.add('A1:B3', true).name = 'Lot';
      ws.getRange('B2:B3').dataValidation.rule = { list: { inCellDropDown: true, source: 'remove,approve' } };
      await context.sync();
    });
    await b.run(async (context) => {
      context.workbook.worksheets.getItem('Decisions').getRange('2:3').insert('Down');
      await context.sync();
    });
    expect(b.valuesOf('Decisions')).toEqual([
      ['Item ID', 'Verdict'],
      ['', ''],
      ['', ''],
      ['v1', 'remove'],
      ['v2', 'approve'],
    ]);
    expect(b.model.tables[0].rect).toEqual({ row: 0, column: 0, rowCount: 5, columnCount: 2 });
    expect(b.model.sheet('Decisions')!.validations[0].rect).toEqual({ row: 3, column: 1, rowCount: 2, columnCount: 1 });
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Decisions');
      ws.getRange('2:3').delete('Up');
      ws.getRange('A1:B3').sort.apply([{ key: 1, ascending: true }], false, true);
      await context.sync();
    });
    expect(b.valuesOf('Decisions')).toEqual([
      ['Item ID', 'Verdict'],
      ['v2', 'approve'],
      ['v1', 'remove'],
    ]);
    expect(b.model.tables[0].rect.rowCount).toBe(3);
    await b.run(async (context) => {
      context.workbook.worksheets.getItem('Decisions').getRange('A2:B2').insert('Down');
      await expect(context.sync()).rejects.toMatchObject({ code: 'UnsupportedOperation' });
    });
  },
);

test(
  'the profiles claim no ExcelApi set beyond what Microsoft’s client ' +
    'implements (1.15 in @microsoft/office-js 1.1.110: no Range.valuesAsJson)',
  async () => {
    expect(createWorkbook(undefined, { platform: 'web' }).isSetSupported('ExcelApi', '1.16')).toBe(false);
    expect(() => createWorkbook(undefined, { excelApi: '1.16' })).toThrow(/implements ExcelApi up to 1\.15/);
    // What a flow would meet if a profile claimed more: the client has no such member, so the write is never sent.
    const b = book();
    await b.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Decisions').getRange('C1');
      (r as unknown as { valuesAsJson: unknown }).valuesAsJson = [[{ type: 'String', basicValue: '=1+1' }]];
      await context.sync();
    });
    expect(b.model.sheet('Decisions')!.value(0, 2)).toBe('');
  },
);
