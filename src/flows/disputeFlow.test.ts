import { SLIPPING, threeWeeksBook } from '../../test/helpers/threeWeeks';
import { fileDispute, settleDispute } from './disputeFlow';
import { FlowError } from './host';
import { inspectionState } from './inspectFlow';
import { readInspectionRows } from './inspectionRows';
import { reportFlow } from './reportFlow';
import { pivots } from '../emulator/pivot';

const NOW = Date.UTC(2026, 10, 25, 9, 30);

test('a dispute overturned: the outcome becomes correct, the QA verdict stays, and the report counts it', async () => {
  const book = await threeWeeksBook('en');
  const before = await reportFlow(book.run, { batch: 'W47', lang: 'en' });
  const values0 = book.valuesOf('QA Report W47');
  // The disputes sit beside the summary, at P1:Q2.
  const label = (v: (string | number | boolean)[][], text: string) => v.find((r) => r[15] === text)?.[16];
  expect([label(values0, 'Disputed verdicts'), label(values0, 'Overturned (outcome now correct)')]).toEqual([0, 0]);

  const { rows } = await inspectionState(book.run, 'W47');
  const wrong = rows.filter((r) => r.moderator === SLIPPING);
  const [first, second] = wrong;
  await fileDispute(book.run, 'W47', first.itemId, { by: SLIPPING, comment: 'The caption is satire' });
  await fileDispute(book.run, 'W47', second.itemId, { by: 'lead.tanaka', comment: 'Context was in the comments' });
  expect(
    await settleDispute(book.run, 'W47', first.itemId, { settlement: 'overturned', by: 'lead.ono', now: NOW }),
  ).toBe('correct');
  expect(await settleDispute(book.run, 'W47', second.itemId, { settlement: 'upheld', by: 'lead.ono', now: NOW })).toBe(
    second.outcome,
  );

  const sheet = book.valuesOf('QA W47');
  const header = sheet[0] as string[];
  const row = sheet[first.index + 1];
  const cell = (name: string) => row[header.indexOf(name)];
  // Nothing overwritten: the previous QA verdict stays beside the settlement, its author and time.
  expect([
    cell('qa_verdict'),
    cell('outcome'),
    cell('dispute'),
    cell('dispute_comment'),
    cell('settlement'),
    cell('settled_by'),
    cell('settled_at'),
  ]).toEqual([
    first.qaVerdict,
    'correct',
    SLIPPING,
    'The caption is satire',
    'overturned',
    'lead.ono',
    '2026-11-25 09:30:00',
  ]);

  const after = await reportFlow(book.run, { batch: 'W47', lang: 'en' });
  expect(after.summary.outcomes.correct).toBe(before.summary.outcomes.correct + 1);
  expect(after.summary.accuracy.rate).toBeGreaterThan(before.summary.accuracy.rate);
  const values = book.valuesOf('QA Report W47');
  expect([label(values, 'Disputed verdicts'), label(values, 'Overturned (outcome now correct)')]).toEqual([2, 1]);
});

test('the report breaks errors down by reason and by reason and policy', async () => {
  const book = await threeWeeksBook('ja');
  const result = await reportFlow(book.run, { batch: 'W46', lang: 'ja' });
  const values = book.valuesOf('QA Report W46');
  const defects = result.summary.inspected - result.summary.outcomes.correct;
  expect(values[8].slice(3, 5)).toEqual(['理由別の誤り', '#']);
  const byReason = values.slice(9, 15).map((r) => [r[3], r[4]]);
  expect(byReason).toEqual([
    ['文脈の見落とし', defects],
    ['ポリシーの読み違い', 0],
    ['重大度の誤り', 0],
    ['ポリシーの選択誤り', 0],
    ['ガイドラインの不備', 0],
    ['技術的なエラー', 0],
  ]);
  expect(values[0].slice(86, 89)).toEqual(['理由・ポリシー別の誤り', '', '']);
  const pairs = values
    .slice(1)
    .filter((r) => r[86] !== '' && r[86] !== undefined)
    .map((r) => r[88] as number);
  expect(pairs.reduce((a, b) => a + b, 0)).toBe(defects);
  // The re-cut pivots, each with the other re-cut fields as filter fields (no slicers outside Office).
  const recut = pivots(book.model).filter((p) => /_by(Queue|Language|Inspector|Week|Reason)$/.test(p.name));
  expect(recut.map((p) => [p.rows[0], p.filters.length])).toEqual([
    ['キュー', 4],
    ['言語', 4],
    ['検査者', 4],
    ['週', 4],
    ['誤りの理由', 4],
  ]); // the Japanese sheet's own headers
  // Each item's ISO week, from its decision date, written at the draw.
  expect(new Set(readInspectionRows(book.valuesOf('QA W46')).rows.map((r) => /^\d{4}-W\d{2}$/.test(r.week)))).toEqual(
    new Set([true]),
  );
});

test('disputes need an inspected item and a name; settling needs a dispute', async () => {
  const book = await threeWeeksBook('en');
  const { rows } = await inspectionState(book.run, 'W45');
  const render = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as FlowError).render('en');
  expect(await render(fileDispute(book.run, 'W45', 'no-such-id', { by: 'x', comment: '' }))).toContain(
    'There is no item "no-such-id" in "QA W45"',
  );
  expect(await render(fileDispute(book.run, 'W45', rows[0].itemId, { by: ' ', comment: '' }))).toBe(
    'Enter who contests or settles the verdict.',
  );
  expect(
    await render(settleDispute(book.run, 'W45', rows[0].itemId, { settlement: 'overturned', by: 'lead', now: NOW })),
  ).toContain('is not disputed');
});
