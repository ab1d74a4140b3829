import fc from 'fast-check';
import { VERDICTS } from '../model';
import type { Decision } from './decision';
import { DecisionLot } from './decisionLot';

const text = fc.oneof(fc.constantFrom('', 'JP', 'US', 'sato.h', '佐藤', 'SAF.HATE'), fc.string({ maxLength: 6 }));
const decision: fc.Arbitrary<Decision> = fc
  .record({
    row: fc.integer({ min: 2, max: 1_048_576 }),
    itemId: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String), fc.string({ maxLength: 4 })),
    moderator: text,
    verdict: fc.constantFrom(null, ...VERDICTS),
    policy: text,
    decidedAt: fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: null }),
    market: text,
    language: text,
    queue: text,
    url: text,
    notes: text,
    duplicate: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((d) => {
    if (d.duplicate === undefined) delete (d as Partial<Decision>).duplicate;
    return d;
  });

test('any decisions go into a lot and come back the same, through every growth of its columns', () => {
  fc.assert(
    fc.property(fc.array(decision, { maxLength: 200 }), (decisions) => {
      const lot = DecisionLot.from(decisions);
      expect(lot.length).toBe(decisions.length);
      expect(lot.toDecisions()).toEqual(decisions);
      const grown = new DecisionLot(1);
      for (const d of decisions) grown.addDecision(d);
      expect(grown.toDecisions()).toEqual(decisions);
    }),
    { numRuns: 150 },
  );
});

test('repeated text is stored once; a date reads as its UTC day for strata', () => {
  const lot = new DecisionLot(4);
  for (let i = 0; i < 1000; i++)
    lot.add(
      i + 2,
      String(i),
      `m${i % 3}`,
      'remove',
      'SAF.HATE',
      Date.UTC(2026, 10, 24, 23, 59),
      i % 2 ? 'JP' : 'US',
      'ja',
      '',
      '',
      '',
      false,
    );
  expect(lot.text.moderator.values).toEqual(['m0', 'm1', 'm2']);
  expect(lot.text.market.values).toEqual(['US', 'JP']);
  expect(lot.fieldText('decided_at', 999)).toBe('2026-11-24');
  expect(lot.fieldText('verdict', 5)).toBe('remove');
  expect(lot.fieldText('market', 5)).toBe('JP');
});
