import { demoWorkbook } from './files';
import { UnsavedWork, workbookFingerprint } from './unsaved';

test('a new demo is clean; a cell edit makes it unsaved; Save makes it clean again', async () => {
  const book = demoWorkbook('en', Date.UTC(2026, 10, 1), 20);
  const work = new UnsavedWork(() => workbookFingerprint(book.model));
  work.opened(book);
  expect(work.changed(book)).toBe(false);
  await book.editCell('Decisions', 3, 2, 'remove');
  expect(work.changed(book)).toBe(true);
  work.saved(book);
  expect(work.dirty).toBe(false);
});

test('selecting cells or switching sheets is not a change; adding, renaming or hiding a sheet is', async () => {
  const book = demoWorkbook('en', Date.UTC(2026, 10, 1), 20);
  const work = new UnsavedWork(() => workbookFingerprint(book.model));
  work.opened(book);
  const sheet = book.model.sheets[0];
  book.model.selection = { sheet, rect: { row: 5, column: 3, rowCount: 1, columnCount: 1 } };
  expect(work.changed(book)).toBe(false);
  await book.run(async (context) => {
    context.workbook.worksheets.add('QA W1');
    await context.sync();
  });
  expect(work.changed(book)).toBe(true);
  work.saved(book);
  book.model.sheets[1].name = 'QA W2';
  expect(work.changed(book)).toBe(true);
  work.saved(book);
  book.model.sheets[1].visibility = 'Hidden';
  expect(work.changed(book)).toBe(true);
});

test('a restored draft opens unsaved and already kept; a later change makes the kept copy stale', async () => {
  const book = demoWorkbook('en', Date.UTC(2026, 10, 1), 20);
  const work = new UnsavedWork(() => workbookFingerprint(book.model));
  work.opened(book, true);
  expect(work.dirty).toBe(true);
  expect(work.draftStale).toBe(false);
  await book.editCell('Decisions', 2, 2, 'approve');
  work.changed(book);
  expect(work.draftStale).toBe(true);
  work.drafted();
  expect(work.draftStale).toBe(false);
  work.saved(book);
  expect(work.dirty).toBe(false);
  expect(work.draftStale).toBe(false);
});

test('the workbook counts its batches in flight (the browser copy waits for none), also when one fails', async () => {
  const book = demoWorkbook('en', Date.UTC(2026, 10, 1), 20);
  let during = -1;
  await book.run(async (context) => {
    during = book.running;
    context.workbook.worksheets.getItem('Decisions').getRange('J2').values = [['x']];
    await context.sync();
  });
  expect(during).toBe(1);
  expect(book.running).toBe(0);
  await expect(
    book.run(async (context) => {
      context.workbook.worksheets.getItem('No such sheet').getRange('A1').load('values');
      await context.sync();
    }),
  ).rejects.toBeDefined();
  expect(book.running).toBe(0);
});
