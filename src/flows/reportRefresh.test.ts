import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook } from '../emulator';
import { exportXlsx, importXlsx } from '../emulator/xlsx';
import { inspectionState, saveQaDecision } from './inspectFlow';
import { reportFlow } from './reportFlow';
import { sampleFlow } from './sampleFlow';

const NOW = Date.UTC(2026, 10, 24, 12);

test('save → reopen → refresh works, twice, whatever the file kept of the pivots', async () => {
  let b = createWorkbook();
  b.addSheet('Decisions', generateDecisions({ rows: 600, headers: 'en', seed: 5 }));
  b.model.activeSheet = b.model.sheet('Decisions');
  await sampleFlow(b.run, { batch: 'w1', method: 'simple', size: { kind: 'fixed', n: 30 }, seed: 's', now: NOW });
  let done = 0;
  const inspect = async (count: number) => {
    done += count;
    let state = await inspectionState(b.run, 'w1');
    for (let i = 0; i < count && state.next; i++) {
      const item = state.next;
      await saveQaDecision(b.run, 'w1', item.index, { qaVerdict: 'approve', qaPolicy: '', inspector: 'qa', now: NOW });
      state = await inspectionState(b.run, 'w1', item.index + 1);
    }
  };
  await inspect(5);
  const first = await reportFlow(b.run, { batch: 'w1' });
  expect(first.refreshed).toBe(false);
  for (const sitting of [1, 2]) {
    // Save the workbook to a file and open it again (a second sitting).
    b = createWorkbook(await importXlsx(await exportXlsx(b.model)));
    await inspect(5);
    const again = await reportFlow(b.run, { batch: 'w1' });
    expect(again.refreshed).toBe(true);
    expect(again.summary.inspected).toBe(done);
    // The pivots are live again: a refresh in the same sitting works too.
    await inspect(1);
    const same = await reportFlow(b.run, { batch: 'w1' });
    expect(same.summary.inspected).toBe(done);
    expect(b.model.sheet('QA Report w1')!.charts).toHaveLength(1);
    // The pivots speak of inspected items only: no pending column, and the grand total is 100% of them.
    const values = b.valuesOf('QA Report w1');
    const header = values[24];
    expect(header).not.toContain('pending');
    expect(values[23][0]).toBe('% of inspected');
    const grand = values.slice(25).find((r) => r[0] === 'Grand Total')!;
    expect(grand[header.indexOf('Grand Total')]).toBe(1);
    expect(grand[header.indexOf('correct')]).toBeCloseTo(same.summary.accuracy.rate, 12);
    expect(sitting).toBeLessThan(3);
  }
});
