/** The test hooks agreed in COMMON.md, which the host rewrite keeps under the same names. */
import { createWorkbook } from './index';

const read = (book: ReturnType<typeof createWorkbook>) =>
  book.run(async (context) => {
    const r = context.workbook.worksheets.getItem('S').getRange('A1');
    r.load('values');
    await context.sync();
    return r.values[0][0];
  });

test(
  'platform profiles: requirement sets per platform ' +
    '(OpenBrowserWindowApi absent on the web), an older ExcelApi on request',
  () => {
    expect(createWorkbook().platform).toBe('windows');
    expect(
      createWorkbook(undefined, { platform: 'web' }).requirements.isSetSupported('OpenBrowserWindowApi', '1.1'),
    ).toBe(false);
    expect(
      createWorkbook(undefined, { platform: 'mac' }).requirements.isSetSupported('OpenBrowserWindowApi', '1.1'),
    ).toBe(true);
    const old = createWorkbook(undefined, { excelApi: '1.10' });
    expect([
      old.requirements.isSetSupported('ExcelApi', '1.9'),
      old.requirements.isSetSupported('ExcelApi', '1.11'),
    ]).toEqual([true, false]);
  },
);

test(
  'hooks.beforeSync runs before each request with a 0-based index across the book, ' + 'and may change the workbook',
  async () => {
    const book = createWorkbook();
    book.addSheet('S', [['before']]);
    const seen: number[] = [];
    book.hooks.beforeSync = (i) => {
      seen.push(i);
      book.model.sheet('S')!.setCell(0, 0, `co-author ${i}`);
    };
    expect(await read(book)).toBe('co-author 0');
    expect(await read(book)).toBe('co-author 1');
    expect(seen).toEqual([0, 1]);
  },
);

test(
  "onChanged: a co-author edit is source Remote; the add-in's own " +
    'writes fire too, source Local (R excel.worksheetchangedeventargs.yml)',
  async () => {
    const book = createWorkbook();
    book.addSheet('S', [['a']]);
    const events: { address: string; source: string }[] = [];
    await book.run(async (context) => {
      context.workbook.worksheets
        .getItem('S')
        .onChanged.add(async (e) => void events.push({ address: e.address, source: e.source }));
      await context.sync();
    });
    await book.remoteEdit('S', 1, 1, 'x');
    await book.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('C3:D3').values = [['1', '2']];
      await context.sync();
    });
    await book.idle();
    expect(events).toEqual([
      { address: 'B2', source: 'Remote' },
      { address: 'C3:D3', source: 'Local' },
    ]);
  },
);

test(
  'cell-edit mode fails a batch with InvalidOperationInCellEditMode ' + 'unless it asked to wait (ExcelApi 1.11)',
  async () => {
    const book = createWorkbook();
    book.addSheet('S', [['v']]);
    book.cellEditMode = true;
    await expect(read(book)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const waited = book.run({ delayForCellEdit: true }, async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1');
      r.load('values');
      await context.sync();
      return r.values[0][0];
    });
    setTimeout(() => (book.cellEditMode = false), 10);
    expect(await waited).toBe('v');
    const old = createWorkbook(undefined, { excelApi: '1.10' });
    old.addSheet('S', [['v']]);
    old.cellEditMode = true;
    // (A batch that queues nothing sends no request, so this one reads a cell.)
    const readOld = old.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').load('values');
      await context.sync();
    });
    await expect(readOld).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  },
);
