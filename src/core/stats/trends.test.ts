import { wilsonInterval } from './intervals';
import { findSlip, judgeStream, letterForSample, trendSeries, type TrendBatch, type TrendPoint } from './trends';

const items = (moderator: string, n: number, wrong: number, policy = 'SAF.HATE', market = 'JP') =>
  Array.from({ length: n }, (_, i) => ({ moderator, policy, market, correct: i >= wrong }));

const batches: TrendBatch[] = [
  { batch: 'w1', createdAt: '2026-11-02', items: [...items('sato', 20, 0), ...items('lee', 20, 1, 'SAF.SPAM', 'US')] },
  { batch: 'w2', createdAt: '2026-11-09', items: [...items('sato', 20, 1), ...items('lee', 20, 6, 'SAF.SPAM', 'US')] },
  { batch: 'w3', createdAt: '2026-11-16', items: [...items('sato', 20, 0), ...items('lee', 20, 10, 'SAF.SPAM', 'US')] },
];

test('accuracy per moderator and batch, each point with its Wilson interval', () => {
  const series = trendSeries(batches, 'moderator');
  expect(series.map((s) => s.key)).toEqual(['lee', 'sato']);
  const lee = series[0];
  expect(lee.points.map((p) => [p.batch, p.inspected, p.correct])).toEqual([
    ['w1', 20, 19],
    ['w2', 20, 14],
    ['w3', 20, 10],
  ]);
  expect(lee.points[2].accuracy).toBe(0.5);
  expect(lee.points[2].wilson).toEqual(wilsonInterval(10, 20));
});

test('a fall beyond the intervals is flagged with the two batches; a steady moderator is not', () => {
  const [lee, sato] = trendSeries(batches, 'moderator');
  // w1 19/20: Wilson [0.764, 0.991]; w3 10/20: [0.299, 0.701]: no overlap.
  expect(lee.slip && [lee.slip.from.batch, lee.slip.to.batch]).toEqual(['w1', 'w3']);
  expect(sato.slip).toBeUndefined();
  expect(trendSeries(batches, 'policy').find((s) => s.key === 'SAF.SPAM')?.slip?.to.batch).toBe('w3');
  expect(trendSeries(batches, 'market').map((s) => s.key)).toEqual(['JP', 'US']);
});

test('overlapping intervals are not a slip, however the point estimates move', () => {
  const p = (batchIndex: number, correct: number, n: number): TrendPoint => ({
    batch: `b${batchIndex}`,
    batchIndex,
    inspected: n,
    correct,
    accuracy: correct / n,
    wilson: wilsonInterval(correct, n),
  });
  expect(findSlip([p(0, 10, 10), p(1, 7, 10)])).toBeUndefined();
  expect(findSlip([p(0, 100, 100), p(1, 70, 100)])?.to.batch).toBe('b1');
  expect(findSlip([])).toBeUndefined();
});

test('code letter of an inspected count: the largest plan it fills', () => {
  expect([
    letterForSample(1),
    letterForSample(2),
    letterForSample(13),
    letterForSample(19),
    letterForSample(20),
  ]).toEqual([undefined, 'A', 'E', 'E', 'F']);
});

test('a stream of lots: judged under the inspection in force, then switched', () => {
  // 20 items: letter F; AQL 2.5 normal F is 20:1, tightened F is 32:1 (arrow) so Ac 1 as well.
  const lots = [
    { batch: 'w1', inspected: 20, defects: 2, aql: '2.5' as const },
    { batch: 'w2', inspected: 20, defects: 3, aql: '2.5' as const },
    { batch: 'w3', inspected: 1, defects: 0, aql: '2.5' as const },
    { batch: 'w4', inspected: 20, defects: 1, aql: '2.5' as const },
  ];
  const { decisions, status, movedAtBatch } = judgeStream(lots);
  expect(decisions.map((d) => [d.inspection, d.letter, d.accepted])).toEqual([
    ['normal', 'F', false],
    ['normal', 'F', false],
    ['tightened', undefined, undefined],
    ['tightened', 'F', true],
  ]);
  expect([status.state, status.rule, movedAtBatch]).toEqual(['tightened', 'normalToTightened', 'w2']);
});
