/**
 * Host behaviours of shared workbooks and of Excel itself, on the embedded workbook's test hooks
 * (COMMON.md agreements): a co-author's change landing between two requests of one flow
 * (P excel/co-authoring-in-excel-add-ins.md), Worksheet.onChanged for the add-in's own writes
 * and for co-authors' edits (R excel.worksheetchangedeventargs.yml `source`: Local or Remote), and
 * cell-edit mode (R excel.runoptions.yml `delayForCellEdit`, ExcelApi 1.11).
 */
import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook, type WorkbookOptions } from '../emulator';
import { hostRunner } from './host';
import { recomputeOutcomes, saveQaDecision, watchInspection } from './inspectFlow';
import { sampleFlow } from './sampleFlow';
import { INSPECTION_COLUMNS } from './schema/inspectionSheet';
import { listBatches } from './batches';

const NOW = Date.UTC(2026, 10, 24, 12);

function decisionsBook(rows = 600, options: WorkbookOptions = {}) {
  const b = createWorkbook(undefined, options);
  b.addSheet('Decisions', generateDecisions({ rows, headers: 'en', seed: 12 }));
  b.model.activeSheet = b.model.sheet('Decisions');
  return b;
}

/** Changes the decisions sheet once, right before the first request after the lot was read. */
function afterTheDraw(b: ReturnType<typeof decisionsBook>, change: (rows: unknown[][]) => void) {
  let read = false;
  let done = false;
  b.hooks.beforeSync = () => {
    if (read && !done) {
      done = true;
      change(b.model.sheet('Decisions')!.rows as unknown[][]);
    }
  };
  return { progress: (n: number, total: number) => void (read = n === total) };
}

test.each([
  [
    'rows inserted above the drawn ones',
    (rows: unknown[][]) => rows.splice(3, 0, ['7399999999999999999', 'new.mod', 'remove', 'SAF.HATE']),
  ],
  ['the sheet sorted', (rows: unknown[][]) => rows.splice(1, rows.length - 1, ...rows.slice(1).reverse())],
])('%s between the draw and the copy: the flow stops with a clear message and writes nothing', async (_, change) => {
  const b = decisionsBook();
  const { progress } = afterTheDraw(b, change);
  const sheetsBefore = b.model.sheets.map((s) => s.name);
  const run = sampleFlow(b.run, {
    batch: 'w48',
    method: 'simple',
    size: { kind: 'fixed', n: 80 },
    seed: 'w48',
    now: NOW,
    progress,
  });
  await expect(run).rejects.toMatchObject({ key: 'sample.error.sheetChanged', params: { sheet: 'Decisions' } });
  const error = await run.catch((e: { render(lang: 'ja'): string }) => e.render('ja'));
  expect(error).toContain('判定シート「Decisions」');
  // Nothing half-written: no inspection sheet, no batch row (QA Taxonomy may be new).
  expect(b.model.sheets.map((s) => s.name).filter((n) => !sheetsBefore.includes(n) && n !== 'QA Taxonomy')).toEqual([]);
});

test('without a change the same draw goes through, and every copied row is its own item', async () => {
  const b = decisionsBook();
  const { progress } = afterTheDraw(b, () => undefined);
  await sampleFlow(b.run, {
    batch: 'w48',
    method: 'simple',
    size: { kind: 'fixed', n: 80 },
    seed: 'w48',
    now: NOW,
    progress,
  });
  const source = b.valuesOf('Decisions');
  const at = (name: string) => INSPECTION_COLUMNS.indexOf(name as (typeof INSPECTION_COLUMNS)[number]);
  for (const row of b.valuesOf('QA w48').slice(1)) {
    const original = source[(row[at('source_row')] as number) - 1];
    // (IDs the generator stored as numbers are copied as their digits: compare the text ones.)
    if (typeof original[0] === 'string') expect(row[at('item_id')]).toBe(original[0]);
    expect([row[at('moderator')], row[at('notes')]]).toEqual([original[1], original[9]]);
  }
});

test("two analysts appending to QA Batches at once never overwrite each other's row", async () => {
  const b = decisionsBook();
  await sampleFlow(b.run, { batch: 'w47', method: 'simple', size: { kind: 'fixed', n: 10 }, seed: 'w47', now: NOW });
  // Between our read of QA Batches and our write, a co-author's add-in appends its batch row: the
  // read goes with the request that builds the temporary sheet, the write is the first one after.
  let seen = 0;
  b.hooks.beforeSync = () => {
    if (!b.model.sheet('QA ~w48')) return;
    if (++seen !== 1) return;
    const sheet = b.model.sheet('QA Batches')!;
    const next = sheet.usedRect(true)!.rowCount;
    ['theirs', '2026-11-24T12:00:00.000Z', 'other.analyst'].forEach((v, c) => sheet.setCell(next, c, v));
  };
  await sampleFlow(b.run, { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 10 }, seed: 'w48', now: NOW });
  b.hooks.beforeSync = undefined;
  expect(b.valuesOf('QA Batches').map((r) => r[0])).toEqual(['batch', 'w47', 'w48', 'theirs']);

  // And two flows interleaved on one workbook: both rows are there, whatever the order.
  await Promise.all(
    ['w49', 'w50'].map((batch) =>
      sampleFlow(b.run, { batch, method: 'simple', size: { kind: 'fixed', n: 10 }, seed: batch, now: NOW }),
    ),
  );
  expect(new Set((await listBatches(b.run)).map((x) => x.batch))).toEqual(
    new Set(['w47', 'w48', 'theirs', 'w49', 'w50']),
  );
});

test(
  'saving an item fires onChanged (source Local) without a ' +
    "recompute's full-sheet read; a user's typing still recomputes",
  async () => {
    const b = decisionsBook();
    await sampleFlow(b.run, { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 40 }, seed: 'w48', now: NOW });
    const recomputed: number[] = [];
    const stop = await watchInspection(b.run, 'w48', (n) => recomputed.push(n));
    const responses = b.instrumentation.responseBytes.length;
    await saveQaDecision(b.run, 'w48', 3, {
      qaVerdict: 'approve',
      qaPolicy: '',
      comment: 'ok',
      inspector: 'qa',
      now: NOW,
    });
    await b.idle();
    expect(recomputed).toEqual([]);
    // The save read the header and one row: no response near a whole sheet's size.
    expect(Math.max(...b.instrumentation.responseBytes.slice(responses))).toBeLessThan(2000);

    // Positive control: an inspector typing a verdict in the sheet is recomputed.
    await b.editCell('QA w48', 5, INSPECTION_COLUMNS.indexOf('qa_verdict'), 'remove');
    await b.idle();
    expect(recomputed).toHaveLength(1);
    await stop();
  },
);

test("a co-author's edit (source Remote) makes this add-in write nothing: their own add-in recomputes it", async () => {
  const b = decisionsBook();
  await sampleFlow(b.run, { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 40 }, seed: 'w48', now: NOW });
  const recomputed: number[] = [];
  const stop = await watchInspection(b.run, 'w48', (n) => recomputed.push(n));
  const syncs = b.instrumentation.syncs;
  await b.remoteEdit('QA w48', 2, INSPECTION_COLUMNS.indexOf('qa_verdict'), 'remove');
  await b.idle();
  expect(recomputed).toEqual([]);
  expect(b.instrumentation.syncs).toBe(syncs);
  await stop();
  // Refresh (recomputeOutcomes) still brings the outcome up to date, in one array write.
  expect(await recomputeOutcomes(b.run, 'w48')).toBe(1);
});

test('cell-edit mode: a run asks to wait where ExcelApi 1.11 is there, and fails clearly where it is not', async () => {
  const b = decisionsBook(50);
  await sampleFlow(b.run, { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 5 }, seed: 'w48', now: NOW });
  b.cellEditMode = true;
  // Without delayForCellEdit every batch fails (R excel.runoptions.yml).
  await expect(recomputeOutcomes(b.run, 'w48')).rejects.toMatchObject({ excelCode: 'InvalidOperationInCellEditMode' });
  // Through hostRunner it waits until the user leaves the cell.
  let finished = false;
  const waiting = recomputeOutcomes(hostRunner(b, b.requirements), 'w48').then(() => (finished = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(finished).toBe(false);
  b.cellEditMode = false;
  await waiting;
  expect(finished).toBe(true);

  // An Excel without ExcelApi 1.11 is not asked to wait (checked at run time): the run fails with Excel's code.
  const old = decisionsBook(50, { excelApi: '1.10' });
  old.cellEditMode = true;
  await expect(listBatches(hostRunner(old, old.requirements))).rejects.toMatchObject({
    excelCode: 'InvalidOperationInCellEditMode',
  });
});

test(
  "a watcher's recompute that fails (a sheet deleted by another run mid-sync, " +
    'OfficeDev/office-js#6964) loses nothing and the next change catches up',
  async () => {
    const b = decisionsBook();
    await sampleFlow(b.run, { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 20 }, seed: 'w48', now: NOW });
    const recomputed: number[] = [];
    const stop = await watchInspection(b.run, 'w48', (n) => recomputed.push(n));
    const qv = INSPECTION_COLUMNS.indexOf('qa_verdict');
    b.instrumentation.failAtSync = { sync: b.instrumentation.syncs + 1, code: 'GeneralException' };
    await expect(b.editCell('QA w48', 1, qv, 'approve')).resolves.toBeUndefined();
    b.instrumentation.failAtSync = undefined;
    expect(recomputed).toEqual([]);
    await b.editCell('QA w48', 2, qv, 'approve');
    expect(recomputed).toEqual([2]);
    await stop();
  },
);

test(
  'whatever sheet Excel makes active after a flow froze panes on a new ' +
    'sheet (OfficeDev/office-js#3148), Validate still finds the decisions',
  async () => {
    const b = decisionsBook(200);
    await sampleFlow(b.run, { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 20 }, seed: 'w48', now: NOW });
    b.model.activeSheet = b.model.sheet('QA w48');
    const { validateFlow } = await import('./validateFlow');
    expect((await validateFlow(b.run, { now: NOW })).sheet).toBe('Decisions');
  },
);
