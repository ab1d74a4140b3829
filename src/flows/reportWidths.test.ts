import { generateDecisions } from '../core/demo/generateDecisions';
import { createWorkbook } from '../emulator';
import { reportFlow } from './reportFlow';
import { sampleFlow } from './sampleFlow';

const NOW = Date.UTC(2026, 10, 24, 12);

test(
  "refreshing a report keeps its column widths: the pivots' " +
    'autoFormat is off (R excel.pivotlayout.yml autoFormat)',
  async () => {
    const b = createWorkbook();
    b.addSheet('Decisions', generateDecisions({ rows: 300, headers: 'en', seed: 9 }));
    b.model.activeSheet = b.model.sheet('Decisions');
    await sampleFlow(b.run, { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 30 }, seed: 'w48', now: NOW });
    await reportFlow(b.run, { batch: 'w48' });
    const widths = () => b.model.sheet('QA Report w48')!.columnWidths.get(0);
    const before = widths();
    expect(before).toBe(260);
    await reportFlow(b.run, { batch: 'w48' });
    expect(widths()).toBe(before);

    // The control: a pivot left with autoFormat on loses the width its column was given.
    await b.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('QA Report w48');
      ws.pivotTables.getItem('QA_w48_byModerator').layout.autoFormat = true;
      ws.pivotTables.getItem('QA_w48_byModerator').refresh();
      await context.sync();
    });
    // (fitted to the pivot again: "Autofit column widths on update", the pivot's default).
    expect(widths()).not.toBe(before);
  },
);
