import fc from 'fast-check';
import { clopperPearsonInterval, wilsonInterval } from './intervals';

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
