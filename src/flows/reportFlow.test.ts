import { generateDecisions } from '../core/demo/generateDecisions';
import { samplingPlan } from '../core/iso2859/samplingPlan';
import { createWorkbook } from '../emulator';
import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import { inspectionState, recomputeOutcomes, saveQaDecision } from './inspectFlow';
import { reportFlow } from './reportFlow';
import { sampleFlow } from './sampleFlow';

const NOW = Date.UTC(2026, 10, 24, 12);

async function sampledBook() {
  const b = createWorkbook();
  b.addSheet('Decisions', generateDecisions({ rows: 1500, headers: 'ja', seed: 3 }));
  b.model.activeSheet = b.model.sheet('Decisions');
  const sample = await sampleFlow(b.run, {
    batch: 'w48',
    method: 'simple',
    size: { kind: 'iso2859', level: 'II', aql: '2.5' },
    seed: 'w48',
    now: NOW,
  });
  return { b, sample };
}

test(
  'inspect: next pending item, save a decision with its ' +
    'outcome, and recompute pasted rows without touching QA input',
  async () => {
    const { b } = await sampledBook();
    let state = await inspectionState(b.run, 'w48');
    expect(state.inspected).toBe(0);
    expect(state.next?.index).toBe(0);
    // Inspect 10 items: QA agrees, except every third one is judged an approve.
    for (let i = 0; i < 10; i++) {
      const item = state.next!;
      const agree = i % 3 !== 0;
      await saveQaDecision(b.run, 'w48', item.index, {
        qaVerdict: agree ? (item.verdict ?? 'approve') : 'approve',
        qaPolicy: agree && item.verdict !== 'approve' ? item.policy : '',
        inspector: 'qa.kimura',
        now: NOW,
      });
      state = await inspectionState(b.run, 'w48', item.index + 1);
    }
    expect(state.inspected).toBe(10);
    expect(state.next?.index).toBe(10);
    // An inspector pastes a verdict straight into the sheet; the outcome is recomputed, the paste kept.
    const sheet = b.model.sheet('QA w48')!;
    const header = sheet.rows[0]!;
    await b.editCell('QA w48', 12, header.indexOf('qa_verdict'), 'approve');
    const changed = await recomputeOutcomes(b.run, 'w48');
    expect(changed).toBe(1);
    expect(sheet.value(12, header.indexOf('qa_verdict'))).toBe('approve');
    expect(['correct', 'over_enforcement']).toContain(sheet.value(12, header.indexOf('outcome')));
    expect(await recomputeOutcomes(b.run, 'w48')).toBe(0);
  },
);

test(
  'report: summary, pivots whose numbers match the core, chart, ' +
    'escalations; refresh in place; inspection table untouched',
  async () => {
    const { b, sample } = await sampledBook();
    b.model.culture = 'ja-JP'; // Japanese Excel: pivot captions in Japanese
    let state = await inspectionState(b.run, 'w48');
    for (let i = 0; i < 12; i++) {
      const item = state.next!;
      await saveQaDecision(b.run, 'w48', item.index, {
        qaVerdict: i % 4 === 0 ? 'approve' : (item.verdict ?? 'approve'),
        qaPolicy: i % 4 === 0 || item.verdict === 'approve' ? '' : item.policy,
        escalate: i === 5,
        comment: i === 5 ? '要確認' : '',
        inspector: 'qa',
        now: NOW,
      });
      state = await inspectionState(b.run, 'w48', item.index + 1);
    }
    const inspectionBefore = sheetSnapshot(b.model.sheet('QA w48')!);
    const decisionsBefore = sheetSnapshot(b.model.sheet('Decisions')!);
    const syncs0 = b.instrumentation.syncs;
    const result = await reportFlow(b.run, { batch: 'w48', lang: 'ja' });
    expect(b.instrumentation.syncs - syncs0).toBeLessThanOrEqual(10);
    expect(sheetSnapshot(b.model.sheet('QA w48')!)).toBe(inspectionBefore);
    expect(sheetSnapshot(b.model.sheet('Decisions')!)).toBe(decisionsBefore);
    const values = b.valuesOf('QA Report w48');
    expect(values[0][0]).toBe('品質レポート — バッチ w48');
    expect(values[2]).toEqual(['サンプルサイズ', sample.sampleSize, ...values[2].slice(2)]);
    expect(values[3][1]).toBe(12);
    expect(result.summary.inspected).toBe(12);
    expect(values[4][1]).toBe(sample.sampleSize - 12);
    expect(values[6][1]).toBe(result.summary.accuracy.rate);
    expect(result.summary.accuracy.rate).toBe(result.summary.outcomes.correct / 12);
    const plan = samplingPlan({ lotSize: sample.lotSize, level: 'II', aql: 2.5 });
    expect(String(values[17][1])).toContain(`n = ${plan.sampleSize}`);
    expect(result.escalations).toBe(1);
    expect(values[2][30]).toMatch(/^\d{19}$/);
    // The pivot by moderator: percent of each row's inspected items (pending hidden), each row summing to 1.
    const pivotHeader = values[24];
    expect(pivotHeader[0]).toBe('行ラベル');
    expect(values[23][0]).toBe('検査済みに対する %');
    const grand = values.slice(25).find((r) => r[0] === '総計')!;
    expect(grand[pivotHeader.indexOf('総計')]).toBe(1);
    expect(pivotHeader).not.toContain('pending');
    expect(grand[pivotHeader.indexOf('correct')]).toBeCloseTo(result.summary.accuracy.rate, 12);
    expect(b.model.sheet('QA Report w48')!.charts[0].title).toBe('エラーの種類');
    // Refresh after more inspection: same sheet, new numbers.
    await saveQaDecision(b.run, 'w48', state.next!.index, {
      qaVerdict: 'escalate',
      qaPolicy: '',
      escalate: true,
      inspector: 'qa',
      now: NOW,
    });
    const again = await reportFlow(b.run, { batch: 'w48', lang: 'ja' });
    expect(again.refreshed).toBe(true);
    expect(again.escalations).toBe(2);
    expect(b.model.sheets.filter((s) => s.name.startsWith('QA Report'))).toHaveLength(1);
  },
);

test('a report for a missing batch says to sample first', async () => {
  const b = createWorkbook();
  b.addSheet('Decisions', [['Item ID']]);
  await expect(reportFlow(b.run, { batch: 'nope' })).rejects.toMatchObject({ key: 'flow.error.noBatch' });
});

test('while watched, a paste into the QA columns recomputes the outcome; after stopping, it does not', async () => {
  const { b } = await sampledBook();
  const { watchInspection } = await import('./inspectFlow');
  const seen: number[] = [];
  const stop = await watchInspection(b.run, 'w48', (n) => seen.push(n));
  const header = b.model.sheet('QA w48')!.rows[0]!;
  await b.editCell('QA w48', 1, header.indexOf('qa_verdict'), 'approve');
  expect(seen).toEqual([1]);
  expect(['correct', 'over_enforcement']).toContain(b.model.sheet('QA w48')!.value(1, header.indexOf('outcome')));
  await stop();
  await b.editCell('QA w48', 2, header.indexOf('qa_verdict'), 'approve');
  expect(seen).toEqual([1]);
});

test(
  "a second inspector's rows for the same items are " + 'not extra sample items: counted once, with a warning',
  async () => {
    const { b, sample } = await sampledBook();
    const sheet = b.model.sheet('QA w48')!;
    const values = b.valuesOf('QA w48');
    const inspector = values[0].indexOf('inspector');
    const qaVerdict = values[0].indexOf('qa_verdict');
    // Another inspector pastes their judgments of the first 5 items below the table.
    values
      .slice(1, 6)
      .forEach((row, i) =>
        row.forEach((v, c) =>
          sheet.setCell(values.length + i, c, c === inspector ? 'second' : c === qaVerdict ? 'approve' : v),
        ),
      );
    const result = await reportFlow(b.run, { batch: 'w48', lang: 'en' });
    expect(result.repeatedRows).toBe(5);
    expect(result.summary.sampleSize).toBe(sample.sampleSize);
    // The inspected copies stand for their decisions (the first inspected row of each).
    expect(result.summary.inspected).toBe(5);
    // Beside the summary (P1:Q3), with the disputes: the summary block keeps its rows.
    expect(
      b.valuesOf('QA Report w48').some((r) => String(r[15]).startsWith('5 rows of QA w48 repeat a decision')),
    ).toBe(true);
  },
);
