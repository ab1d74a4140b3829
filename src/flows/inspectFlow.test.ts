import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook } from '../emulator';
import { findItem, followItem, inspectionState, itemFor, saveQaDecision, watchSelection } from './inspectFlow';
import type { InspectionRow } from './inspectionRows';
import { sampleFlow } from './sampleFlow';

const NOW = Date.UTC(2026, 10, 24, 12);
const rows = (done: boolean[], ids = done.map((_, i) => `v${i}`)): InspectionRow[] =>
  done.map((d, index) => ({ index, itemId: ids[index], qaVerdict: d ? 'approve' : null }) as InspectionRow);
const at = (r: InspectionRow | undefined) => r?.index;

test('the next item: the first pending at or after the row, wrapping around; undefined when all are done', () => {
  const list = rows([true, false, true, true, false, true]);
  expect(at(itemFor(list, { pendingFrom: 0 }))).toBe(1);
  expect(at(itemFor(list, { pendingFrom: 2 }))).toBe(4);
  expect(at(itemFor(list, { pendingFrom: 5 }))).toBe(1);
  expect(at(itemFor(list, { pendingFrom: 99 }))).toBe(1);
  expect(at(itemFor(list, { pendingFrom: -3 }))).toBe(1);
  expect(itemFor(rows([true, true]), { pendingFrom: 0 })).toBeUndefined();
  expect(itemFor([], { pendingFrom: 0 })).toBeUndefined();
});

test('a row as it is (Previous, a jump, a click), and staying on a pending row while the sheet changes', () => {
  const list = rows([true, false, true, false]);
  expect(at(itemFor(list, { index: 0 }))).toBe(0);
  expect(at(itemFor(list, { index: 2 }))).toBe(2);
  expect(itemFor(list, { index: 4 })).toBeUndefined();
  expect(itemFor(list, { index: -1 })).toBeUndefined();
  // Still pending: stays. Done meanwhile (a verdict typed in the grid): moves on to the next pending.
  expect(at(itemFor(list, { stayOn: 1 }))).toBe(1);
  expect(at(itemFor(list, { stayOn: 2 }))).toBe(3);
  expect(at(itemFor(rows([false, true, true]), { stayOn: 2 }))).toBe(0);
  // Shown already inspected (Previous, a jump): stays while the sheet changes elsewhere.
  expect(at(itemFor(list, { stayOn: 2, wasPending: false }))).toBe(2);
  expect(at(itemFor(list, { stayOn: 2, wasPending: true }))).toBe(3);
});

test('a jump by item ID first, else by the sheet row the pane shows (2 is the first item)', () => {
  const list = rows([false, false, false, false], ['A-1', '5', ' x9 ', '77']);
  expect(at(findItem(list, 'A-1'))).toBe(0);
  expect(at(findItem(list, ' x9'))).toBe(2);
  // "5" is an item's ID: the ID wins over row 5.
  expect(at(findItem(list, '5'))).toBe(1);
  expect(at(findItem(list, '4'))).toBe(2);
  expect(at(findItem(list, '2'))).toBe(0);
  for (const text of ['', '1', '0', '6', '99', 'row 3', '3.5', 'nope']) expect(findItem(list, text)).toBeUndefined();
});

test(
  'the grid follows the item (its row selected) unless the ' +
    'selection is on that row; a row the person selects opens its item',
  async () => {
    const b = createWorkbook();
    b.addSheet('Decisions', generateDecisions({ rows: 200, headers: 'en', seed: 3 }));
    b.model.activeSheet = b.model.sheet('Decisions');
    await sampleFlow(b.run, { batch: 'w1', method: 'simple', size: { kind: 'fixed', n: 10 }, seed: 's', now: NOW });
    const sheet = b.model.sheet('QA w1')!;
    const width = sheet.usedRect(true)!.columnCount;
    await followItem(b.run, 'w1', 3);
    expect(b.model.activeSheet).toBe(sheet);
    expect(b.model.selection?.rect).toEqual({ row: 4, column: 0, rowCount: 1, columnCount: width });
    // The inspector's own cell on that row is kept (they may be typing there).
    b.select(sheet, { row: 6, column: 12, rowCount: 1, columnCount: 1 });
    await followItem(b.run, 'w1', 5);
    expect(b.model.selection?.rect).toEqual({ row: 6, column: 12, rowCount: 1, columnCount: 1 });

    const opened: number[] = [];
    const stop = await watchSelection(b.run, 'w1', (index) => opened.push(index));
    b.select(sheet, { row: 8, column: 2, rowCount: 1, columnCount: 1 });
    b.select(sheet, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    b.select(sheet, { row: 2, column: 0, rowCount: 3, columnCount: 1 });
    b.select(sheet, { row: 1, column: 0, rowCount: 1, columnCount: width });
    await b.idle();
    expect(opened).toEqual([7, 0]);
    await stop();
    b.select(sheet, { row: 3, column: 0, rowCount: 1, columnCount: 1 });
    await b.idle();
    expect(opened).toEqual([7, 0]);

    // inspectionState with a target: Previous shows a saved row as it is.
    await saveQaDecision(b.run, 'w1', 0, { qaVerdict: 'approve', qaPolicy: '', inspector: 'qa', now: NOW });
    expect((await inspectionState(b.run, 'w1', 0)).next?.index).toBe(1);
    expect((await inspectionState(b.run, 'w1', { index: 0 })).next?.qaVerdict).toBe('approve');
  },
);
