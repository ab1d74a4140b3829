import fc from 'fast-check';
import { cochranSampleSize } from '../sampling/cochranSampleSize';
import { cohenKappa, gwetAC1, krippendorffAlpha } from './agreement';
import { classifyOutcome } from './classifyOutcome';
import { clopperPearsonInterval, wilsonInterval } from './intervals';
import { normalQuantile } from './normalQuantile';
import { summarizeInspection, type InspectedItem } from './summarizeInspection';
import { samplingPlan } from '../iso2859/samplingPlan';

// Published values: shared/reference/statistics.md and sampling.md.
test('Wilson: Newcombe (1998) 81/263 → 0.2553–0.3662 and 0/20 → 0–0.1611', () => {
  const [lo, hi] = wilsonInterval(81, 263, 0.95);
  expect(lo).toBeCloseTo(0.2553, 4);
  expect(hi).toBeCloseTo(0.3662, 4);
  const [lo0, hi0] = wilsonInterval(0, 20, 0.95);
  expect(lo0).toBe(0);
  expect(hi0).toBeCloseTo(0.1611, 4);
});

test('Clopper–Pearson: SciPy binomtest(k=7, n=50) → 0.05819170033997342–0.26739600249700846', () => {
  const [lo, hi] = clopperPearsonInterval(7, 50, 0.95);
  expect(lo).toBeCloseTo(0.05819170033997342, 10);
  expect(hi).toBeCloseTo(0.26739600249700846, 10);
});

test("Gwet's 3×3 table: po 0.89, kappa 0.796, AC1 0.849, alpha 0.797", () => {
  const table = [
    [13, 0, 0],
    [0, 20, 7],
    [0, 4, 56],
  ];
  expect(cohenKappa(table)).toBeCloseTo(0.796, 3);
  expect(gwetAC1(table)).toBeCloseTo(0.849, 3);
  // The same 100 units as two raters' rows for alpha.
  const a: string[] = [];
  const b: string[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) {
        a.push(`c${i}`);
        b.push(`c${j}`);
      }
    }),
  );
  expect(krippendorffAlpha([a, b])).toBeCloseTo(0.797, 3);
});

test('small check: [[20,5],[10,15]] → kappa 0.40', () => {
  expect(
    cohenKappa([
      [20, 5],
      [10, 15],
    ]),
  ).toBeCloseTo(0.4, 10);
});

test(
  'Cochran: 95%, e = 0.05, p = 0.5 → 385; with N = 1,000 the correction ' +
    'gives ceil(384.146/(1+383.146/1000)) = 278',
  () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(cochranSampleSize({ confidence: 0.95, margin: 0.05 })).toBe(385);
    // n0 = 1.959964² · 0.25 / 0.0025 = 384.1459; n = 384.1459 / (1 + 383.1459/1000) = 277.74 → 278.
    expect(cochranSampleSize({ confidence: 0.95, margin: 0.05, population: 1000 })).toBe(278);
    expect(() => cochranSampleSize({ confidence: 1.2, margin: 0.05 })).toThrow(RangeError);
  },
);

test('intervals lie in [0, 1] and contain the point estimate', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0.8, 0.9, 0.95, 0.99),
      (n, f, conf) => {
        const x = Math.floor(f * n);
        for (const [lo, hi] of [wilsonInterval(x, n, conf), clopperPearsonInterval(x, n, conf)]) {
          if (!(lo >= 0 && hi <= 1 && lo <= x / n + 1e-12 && hi >= x / n - 1e-12)) return false;
        }
        return true;
      },
    ),
  );
});

test('kappa and alpha are 1 on identical ratings', () => {
  fc.assert(
    fc.property(
      fc
        .array(fc.constantFrom('approve', 'remove', 'age_restrict'), { minLength: 2, maxLength: 60 })
        .filter((r) => new Set(r).size > 1),
      fc.integer({ min: 2, max: 4 }),
      (ratings, raters) => {
        const cats = [...new Set(ratings)];
        const table = cats.map((a) => cats.map((b) => (a === b ? ratings.filter((r) => r === a).length : 0)));
        return (
          Math.abs(cohenKappa(table) - 1) < 1e-12 &&
          Math.abs(krippendorffAlpha(Array.from({ length: raters }, () => ratings)) - 1) < 1e-12
        );
      },
    ),
  );
});

test('Krippendorff handles missing ratings and more than two raters', () => {
  // Krippendorff's (2011) nominal example: 4 coders, 12 units, missing values; alpha = 0.743.
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  expect(krippendorffAlpha(data)).toBeCloseTo(0.743, 3);
});

test('outcomes follow DESIGN.md', () => {
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'remove', policy: 'A' })).toBe('correct');
  expect(classifyOutcome({ verdict: 'approve' }, { verdict: 'approve' })).toBe('correct');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'approve' })).toBe('over_enforcement');
  expect(classifyOutcome({ verdict: 'approve' }, { verdict: 'age_restrict', policy: 'A' })).toBe('under_enforcement');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'remove', policy: 'B' })).toBe('wrong_policy');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'fyf_ineligible', policy: 'a' })).toBe(
    'wrong_action',
  );
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: null })).toBe('pending');
  expect(classifyOutcome({ verdict: 'remove', policy: 'A' }, { verdict: 'escalate' })).toBe('pending');
});

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
  'kappa on verdict + policy: agreeing on remove under ' + 'another policy is a disagreement (hand-computed)',
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
