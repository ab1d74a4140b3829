import { agreementReport, raterAccuracy, referenceVerdicts, type Judgment } from './agreementReport';
import { krippendorffAlpha } from './agreement';
import { bootstrapIntervals, countsOfRatings, fleissKappaOf, gwetAC1Of, krippendorffAlphaOf } from './multiRater';

// Fleiss (1971), Psychological Bulletin 76:378–382: 30 patients, 6 psychiatrists, 5 diagnoses
// (as R irr's `diagnoses` and statsmodels' test data give the raw ratings); kappa = .430 (0.4302445 in irr).
const FLEISS_1971 = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
];
const byRater = (unitsByRow: (number | null)[][]) => unitsByRow[0].map((_, r) => unitsByRow.map((u) => u[r]));

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers,
// 12 units, nominal values 1–5 with missing ones (unit 12 has a single value); alpha = 0.743.
// The same table is Gwet (2014)'s 4 raters × 12 units on p. 120: AC1 0.775 (pa 0.818, pe 0.190),
// Fleiss' kappa (with missing ratings) 0.761 (pe 0.239).
const KRIPPENDORFF_C = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

test("Fleiss' kappa on Fleiss (1971)'s table: 0.430", () => {
  const t = countsOfRatings(byRater(FLEISS_1971));
  expect(fleissKappaOf(t)).toBeCloseTo(0.4302445, 7);
});

test(
  "Krippendorff's alpha, nominal, on Krippendorff (2011)'s " +
    'examples: 0.743 with missing values; 0.095 for two observers',
  () => {
    const t = countsOfRatings(KRIPPENDORFF_C);
    expect(krippendorffAlphaOf(t)).toBeCloseTo(0.743, 3);
    // The older rater-rows function agrees.
    expect(krippendorffAlpha(KRIPPENDORFF_C)).toBeCloseTo(0.743, 3);
    const binary = countsOfRatings([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(krippendorffAlphaOf(binary)).toBeCloseTo(0.095, 3);
  },
);

test("Gwet's AC1 and Fleiss' kappa on Gwet (2014)'s 4 raters × 12 units (p. 120): 0.775 and 0.761", () => {
  const t = countsOfRatings(KRIPPENDORFF_C);
  expect(gwetAC1Of(t)).toBeCloseTo(0.775, 3);
  expect(fleissKappaOf(t)).toBeCloseTo(0.761, 3);
});

test("Gwet's AC1 on Gwet's 5 observers × 15 units (0.497) and ratings of Ben and Gerry (0.661)", () => {
  const five = [
    [1, 1, 2, null, 0, 0, 1, 1, 2, 2, null, 0, 1, 3, 1],
    [1, 1, 3, 0, 0, 0, 0, null, 2, 1, 1, 0, 2, 3, 1],
    [2, 0, 3, 0, 0, 0, 2, 2, 2, 1, 0, 0, 2, 2, 1],
    [null, 1, 3, null, null, null, null, 0, null, 1, 0, 0, 2, 2, null],
    [2, null, null, 0, 0, 0, 1, null, 2, null, null, null, null, 3, 1],
  ];
  expect(gwetAC1Of(countsOfRatings(five))).toBeCloseTo(0.497, 3);
  expect(fleissKappaOf(countsOfRatings(five))).toBeCloseTo(0.458, 3);
  const benGerry = countsOfRatings([
    ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'],
    ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', null, 'd', 'd'],
  ]);
  expect(gwetAC1Of(benGerry)).toBeCloseTo(0.661, 3);
});

test('the bootstrap interval is reproducible from its seed, differs with another seed, and holds the estimate', () => {
  const t = countsOfRatings(byRater(FLEISS_1971));
  const stat = (u: Int32Array) => fleissKappaOf(t, u);
  const a = bootstrapIntervals(t.units, [stat], { seed: 'calib', resamples: 400 });
  const b = bootstrapIntervals(t.units, [stat], { seed: 'calib', resamples: 400 });
  const c = bootstrapIntervals(t.units, [stat], { seed: 'other', resamples: 400 });
  expect(a).toEqual(b);
  expect(c).not.toEqual(a);
  expect(a[0][0]).toBeLessThan(0.4302);
  expect(a[0][1]).toBeGreaterThan(0.4302);
  expect(a[0][1] - a[0][0]).toBeGreaterThan(0.05);
});

const j = (item: string, rater: string, verdict: Judgment['verdict'], policy = ''): Judgment => ({
  item,
  rater,
  verdict,
  policy,
});

test(
  'agreementReport: policy differences are disagreements; ' +
    'repeats by one rater are left out; pairwise kappa is symmetric',
  () => {
    const judgments = [
      j('1', 'aki', 'remove', 'SAF.HATE'),
      j('1', 'ben', 'remove', 'SAF.HARASS'),
      j('2', 'aki', 'approve'),
      j('2', 'ben', 'approve'),
      j('2', 'ben', 'remove', 'SAF.HATE'),
      j('3', 'aki', 'approve'),
      j('3', 'ben', 'remove', 'SAF.HATE'),
      j('4', 'aki', 'remove', 'SAF.HATE'),
      j('4', 'ben', 'remove', 'SAF.HATE'),
      j('5', 'aki', 'approve'),
    ];
    const r = agreementReport(judgments, { seed: 's', resamples: 200 });
    expect(r.items).toBe(5);
    expect(r.itemsJudgedTwice).toBe(4);
    expect(r.repeats).toBe(1);
    expect(r.disagreements.map((d) => d.item)).toEqual(['1', '3']);
    // On the verdict item 1 agrees; on verdict+policy it does not.
    expect(r.alphaVerdict.value).toBeGreaterThan(r.alphaVerdictPolicy.value);
    // Two raters on the verdict: alpha equals the two-rater rows function.
    expect(r.alphaVerdict.value).toBeCloseTo(
      krippendorffAlpha([
        ['remove', 'approve', 'approve', 'remove', 'approve'],
        ['remove', 'approve', 'remove', 'remove', null],
      ]),
      12,
    );
    expect(r.pairwise[0][1]).toEqual(r.pairwise[1][0]);
    expect(r.pairwise[0][1]?.items).toBe(4);
    expect(r.pairwise[0][0]).toBeNull();
    expect(judgments).toHaveLength(10); // input not mutated
  },
);

test('accuracy against the adjudicated reference, with a Wilson interval', () => {
  const judgments = [
    j('1', 'aki', 'remove', 'SAF.HATE'),
    j('1', 'ben', 'approve'),
    j('2', 'aki', 'approve'),
    j('2', 'ben', 'approve'),
    j('3', 'aki', 'approve'),
    j('3', 'ben', 'remove', 'SAF.HATE'),
  ];
  const reference = referenceVerdicts(judgments, new Map([['1', { verdict: 'remove', policy: 'SAF.HATE' }]]));
  expect([...reference.keys()].sort()).toEqual(['1', '2']); // item 3 is not settled yet
  const acc = raterAccuracy(judgments, reference);
  expect(acc.map((a) => [a.rater, a.correct, a.of])).toEqual([
    ['aki', 2, 2],
    ['ben', 1, 2],
  ]);
  expect(acc[1].wilson[0]).toBeGreaterThan(0);
  expect(acc[1].wilson[1]).toBeLessThan(1);
});
