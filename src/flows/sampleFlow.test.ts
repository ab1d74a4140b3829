import { generateDecisions } from '../core/demo/generateDecisions';
import { samplingPlan } from '../core/iso2859/samplingPlan';
import { createWorkbook, type EmulatedWorkbook } from '../emulator';
import type { CellValue } from '../excelSpec';
import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import { sampleFlow, type SampleFlowOptions } from './sampleFlow';
import { INSPECTION_COLUMNS } from './schema/inspectionSheet';

const NOW = Date.UTC(2026, 10, 24, 12);

function decisionsBook(rows = 3000) {
  const data = generateDecisions({ rows, headers: 'en', seed: 5 });
  // Untrusted text that must stay text when copied.
  data[1][9] = '=HYPERLINK("http://evil.example","click")';
  data[2][9] = '+SUM(1,2)';
  data[3][9] = '@mention';
  return { b: activeSheetBook('Decisions', data), data };
}

/** A workbook whose one sheet, the active one, holds `rows`. */
function activeSheetBook(name: string, rows: CellValue[][]) {
  const b = createWorkbook();
  b.addSheet(name, rows);
  b.model.activeSheet = b.model.sheet(name);
  return b;
}

/** A simple random draw of `n` as of NOW (seed 's' unless `more` says otherwise). */
const drawSimple = (b: EmulatedWorkbook, batch: string, n: number, more: Partial<SampleFlowOptions> = {}) =>
  sampleFlow(b.run, { batch, method: 'simple', size: { kind: 'fixed', n }, seed: 's', now: NOW, ...more });

test('a sample of 50 by ISO 2859-1 becomes a table with dropdowns, colors, frozen panes and a batch row', async () => {
  const { b } = decisionsBook();
  const before = sheetSnapshot(b.model.sheet('Decisions')!);
  const syncs0 = b.instrumentation.syncs;
  const result = await sampleFlow(b.run, {
    batch: 'w48',
    method: 'simple',
    size: { kind: 'iso2859', level: 'II', aql: '1.5' },
    seed: 'w48',
    now: NOW,
  });
  const plan = samplingPlan({ lotSize: result.lotSize, level: 'II', aql: 1.5 });
  expect(result.sampleSize).toBe(plan.sampleSize);
  expect(sheetSnapshot(b.model.sheet('Decisions')!)).toBe(before);
  const sheet = b.model.sheet('QA w48')!;
  const values = b.valuesOf('QA w48');
  expect(values[0]).toEqual([...INSPECTION_COLUMNS]);
  expect(values).toHaveLength(plan.sampleSize + 1);
  expect(sheet.formulas.size).toBe(0); // nothing copied became a formula
  expect(values.slice(1).every((r) => typeof r[0] === 'string' && /^\d{19}$/.test(r[0] as string))).toBe(true);
  expect(values.slice(1).every((r) => r[INSPECTION_COLUMNS.indexOf('outcome')] === 'pending')).toBe(true);
  expect(b.model.tables.find((t) => t.name === 'QA_w48')?.rect).toEqual({
    row: 0,
    column: 0,
    rowCount: plan.sampleSize + 1,
    columnCount: INSPECTION_COLUMNS.length,
  });
  // One dropdown per listed column of the schema (in column order).
  expect(sheet.validations.map((v) => v.source).sort()).toEqual([
    "='QA Reasons'!$A$2:$A$7",
    "='QA Taxonomy'!$A$2:$A$32",
    'approve,remove,age_restrict,fyf_ineligible,escalate',
    'upheld,overturned',
    'yes,no',
  ]);
  expect(sheet.conditionalFormats.map((c) => c.rule.text).sort()).toEqual([
    'correct',
    'over_enforcement',
    'pending',
    'under_enforcement',
    'wrong_action',
    'wrong_policy',
  ]);
  expect(sheet.freeze).toEqual({ rows: 1, columns: 1 });
  const batches = b.valuesOf('QA Batches');
  expect(batches[1].slice(0, 1)).toEqual(['w48']);
  expect(batches[1].slice(6, 12)).toEqual([
    'w48',
    result.lotSize,
    plan.sampleSize,
    plan.letter,
    plan.accept,
    plan.reject,
  ]);
  expect(b.instrumentation.syncs - syncs0).toBeLessThanOrEqual(Math.ceil(3000 / 1000) + 10);
});

test(
  'the same seed draws the same items; a second batch leaves ' +
    'out the first batch; an existing batch is never overwritten',
  async () => {
    const { b } = decisionsBook(2000);
    const first = await drawSimple(b, 'a', 40);
    const { b: b2 } = decisionsBook(2000);
    const again = await drawSimple(b2, 'a', 40);
    expect(again.itemIds).toEqual(first.itemIds);
    const second = await sampleFlow(b.run, {
      batch: 'b',
      method: 'stratified_proportional',
      strata: ['market'],
      size: { kind: 'fixed', n: 40 },
      seed: 's',
      now: NOW,
    });
    expect(second.itemIds.filter((id) => first.itemIds.includes(id))).toEqual([]);
    expect(second.lotSize).toBe(first.lotSize - 40);
    const before = JSON.stringify(b.valuesOf('QA a'));
    await expect(drawSimple(b, 'A', 5, { seed: 'x' })).rejects.toMatchObject({ key: 'flow.error.batchExists' });
    expect(JSON.stringify(b.valuesOf('QA a'))).toBe(before);
  },
);

test('an interrupted sample leaves no half-written sheet and no batch row', async () => {
  const { b } = decisionsBook(300);
  await drawSimple(b, 'warm', 5, { seed: 'x' });
  const s0 = b.instrumentation.syncs;
  await drawSimple(b, 'count', 5, { seed: 'y' });
  const perRun = b.instrumentation.syncs - s0;
  const names = () => b.model.sheets.map((s) => s.name).sort();
  for (let k = 1; k < perRun; k++) {
    const before = names();
    const batchesBefore = b.valuesOf('QA Batches').length;
    b.instrumentation.failAtSync = { sync: b.instrumentation.syncs + k, code: 'GeneralException' };
    await expect(drawSimple(b, `k${k}`, 5, { seed: `k${k}` })).rejects.toMatchObject({ name: 'FlowError' });
    b.instrumentation.failAtSync = undefined;
    expect(names()).toEqual(before);
    expect(b.valuesOf('QA Batches')).toHaveLength(batchesBefore);
  }
});

test(
  'an interrupted calibration draw leaves none of its ' + "inspectors' sheets and no batch row, whichever sync fails",
  async () => {
    const { b } = decisionsBook(300);
    await drawSimple(b, 'warm', 5, { seed: 'x' });
    const s0 = b.instrumentation.syncs;
    await drawSimple(b, 'count', 5, { seed: 'y', inspectors: ['a', 'b', 'c'] });
    const perRun = b.instrumentation.syncs - s0;
    expect(b.valuesOf('QA Batches').map((r) => r[0])).toEqual(['batch', 'warm', 'count-1', 'count-2', 'count-3']);
    const names = () => b.model.sheets.map((s) => s.name).sort();
    for (let k = 1; k <= perRun; k++) {
      const before = names();
      const batchesBefore = JSON.stringify(b.valuesOf('QA Batches'));
      b.instrumentation.failAtSync = { sync: b.instrumentation.syncs + k, code: 'GeneralException' };
      await expect(drawSimple(b, `k${k}`, 5, { seed: `k${k}`, inspectors: ['a', 'b', 'c'] })).rejects.toMatchObject({
        name: 'FlowError',
      });
      b.instrumentation.failAtSync = undefined;
      expect(names()).toEqual(before);
      expect(JSON.stringify(b.valuesOf('QA Batches'))).toBe(batchesBefore);
    }
  },
);

test('bad batch names and empty lots give clear messages', async () => {
  const { b } = decisionsBook(100);
  await expect(drawSimple(b, 'x'.repeat(22), 5)).rejects.toMatchObject({ key: 'batch.error.tooLong' });
  await expect(drawSimple(b, 'none', 5, { filters: { markets: ['ZZ'] } })).rejects.toMatchObject({
    key: 'flow.error.emptySample',
  });
});

test(
  'a policy written by its Japanese name is copied as its ' +
    'code, so an inspector agreeing with it counts as correct',
  async () => {
    const b = activeSheetBook('判定', [
      ['動画ID', '担当者', '判定', 'ポリシー'],
      ['7300000000000000001', 'sato.h', '削除', 'ヘイトスピーチ・憎悪的な行為'],
      ['7300000000000000002', 'sato.h', '削除', 'SAF.HATE'],
      ['7300000000000000003', 'sato.h', '削除', 'まだない規約'],
    ]);
    await drawSimple(b, 'ja1', 3);
    const values = b.valuesOf('QA ja1');
    const policy = INSPECTION_COLUMNS.indexOf('policy');
    const byId = Object.fromEntries(values.slice(1).map((r) => [r[0], r[policy]]));
    expect(byId).toEqual({
      '7300000000000000001': 'SAF.HATE',
      '7300000000000000002': 'SAF.HATE',
      '7300000000000000003': 'まだない規約',
    });
  },
);

test(
  'by items, an item ID on two rows is drawn once, as its first row: ' +
    'that row, its policy and its severity; by decisions, both rows',
  async () => {
    const b = activeSheetBook('Decisions', [
      ['Item ID', 'Moderator', 'Verdict', 'Policy'],
      ['7300000000000000001', 'sato.h', 'remove', 'SAF.HATE'],
      ['7300000000000000002', 'lee.k', 'approve', ''],
      ['7300000000000000001', 'lee.k', 'remove', 'SAF.HARASS'],
    ]);
    const result = await drawSimple(b, 'dup', 5, { unit: 'item' });
    expect(result.lotSize).toBe(2);
    const rows = b.valuesOf('QA dup').slice(1);
    const first = rows.find((r) => r[0] === '7300000000000000001')!;
    expect(first[INSPECTION_COLUMNS.indexOf('source_row')]).toBe(2);
    expect(first[INSPECTION_COLUMNS.indexOf('moderator')]).toBe('sato.h');
    expect(first[INSPECTION_COLUMNS.indexOf('policy')]).toBe('SAF.HATE');
    expect(first[INSPECTION_COLUMNS.indexOf('severity')]).toBe(4); // SAF.HATE, not SAF.HARASS (3)
    const byDecision = await drawSimple(b, 'dec', 5, { includePreviouslySampled: true });
    expect(byDecision.lotSize).toBe(3);
    const sources = b
      .valuesOf('QA dec')
      .slice(1)
      .map((r) => r[INSPECTION_COLUMNS.indexOf('source_row')]);
    expect([...sources].sort()).toEqual([2, 3, 4]);
  },
);

test('a big draw keys its lot in slices with a pause between; Cancel there stops it, nothing written', async () => {
  const { b } = decisionsBook(25_000);
  const controller = new AbortController();
  const real = global.setTimeout;
  let pauses = 0;
  const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
    if (!ms && ++pauses === 2) controller.abort();
    return real(fn, ms);
  }) as typeof setTimeout);
  try {
    await expect(drawSimple(b, 'big', 500, { signal: controller.signal })).rejects.toMatchObject({
      key: 'flow.error.cancelled',
    });
  } finally {
    spy.mockRestore();
  }
  expect(pauses).toBe(2);
  expect(b.model.sheets.map((s) => s.name).filter((n) => n.includes('big'))).toEqual([]);
  const drawn = await drawSimple(b, 'big', 500);
  expect(drawn.itemIds).toHaveLength(500);
});
