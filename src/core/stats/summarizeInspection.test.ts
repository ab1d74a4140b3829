import { summarizeInspection, type InspectedItem } from './summarizeInspection';
import { samplingPlan } from '../iso2859/samplingPlan';

test('the summary counts outcomes, rates and the lot decision', () => {
  const item = (
    outcome: InspectedItem['outcome'],
    verdict: InspectedItem['verdict'] = 'remove',
    qaVerdict: InspectedItem['qaVerdict'] = 'remove',
  ): InspectedItem => ({ verdict, policy: 'P', qaVerdict, qaPolicy: 'P', outcome });
  const items = [
    ...Array.from({ length: 18 }, () => item('correct')),
    item('over_enforcement', 'remove', 'approve'),
    item('pending', 'remove', null),
  ];
  const plan = samplingPlan({ lotSize: 100, level: 'II', aql: 6.5 }); // F: 20:3
  const s = summarizeInspection(items, { plan });
  expect(s.inspected).toBe(19);
  expect(s.accuracy.rate).toBeCloseTo(18 / 19, 12);
  expect(s.errorRates.over_enforcement.count).toBe(1);
  expect(s.lotDecision?.decision).toBe('undecided');
  const done = summarizeInspection([...items.slice(0, 19), item('wrong_policy')], { plan });
  expect(done.lotDecision).toMatchObject({ defects: 2, decision: 'accept' });
});

test(
  'kappa on verdict + policy: ' + 'agreeing on remove under another policy is a disagreement (hand-computed)',
  async () => {
    const { verdictPolicyKappa, summarizeInspection } = await import('./summarizeInspection');
    const it = (verdict: 'approve' | 'remove', policy: string, qaVerdict: 'approve' | 'remove', qaPolicy: string) => ({
      verdict,
      policy,
      qaVerdict,
      qaPolicy,
      outcome: 'correct' as const,
    });
    const items = [
      it('remove', 'A', 'remove', 'A'),
      it('remove', 'A', 'remove', 'a '),
      it('remove', 'A', 'remove', 'B'),
      it('approve', '', 'approve', ''),
    ];
    // Categories approve, remove|A, remove|B: po = 3/4, pe = .25·.25 + .75·.5 = .4375 → κ = .3125/.5625.
    expect(verdictPolicyKappa(items)).toBeCloseTo(0.3125 / 0.5625, 12);
    const s = summarizeInspection(items);
    expect(s.kappa).toBe(1);
    expect(s.kappaWithPolicy).toBeCloseTo(0.5556, 4);
  },
);
