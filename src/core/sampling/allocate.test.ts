import fc from 'fast-check';
import { allocate } from './allocate';

test('stratified allocations sum to n, respect minimums and never exceed a stratum', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 0, max: 2000 }),
      fc.integer({ min: 0, max: 5 }),
      fc.constantFrom<'proportional' | 'neyman'>('proportional', 'neyman'),
      (sizes, n, minimum, method) => {
        const strata = sizes.map((population, i) => ({ stratum: `s${i}`, population }));
        const spread = Object.fromEntries(sizes.map((_, i) => [`s${i}`, (i % 3) * 0.2]));
        const a = allocate(strata, n, { method, minimum, spread });
        const total = sizes.reduce((s, x) => s + x, 0);
        const minTotal = sizes.reduce((s, x) => s + Math.min(minimum, x), 0);
        const sum = a.reduce((s, x) => s + x.sample, 0);
        return (
          sum === Math.max(Math.min(n, total), minTotal) &&
          a.every((x) => x.sample <= x.population && x.sample >= Math.min(minimum, x.population))
        );
      },
    ),
  );
});

test('proportional allocation uses largest remainder; Neyman favours the more variable stratum', () => {
  expect(
    allocate(
      [
        { stratum: 'a', population: 50 },
        { stratum: 'b', population: 30 },
        { stratum: 'c', population: 20 },
      ],
      7,
      { method: 'proportional' },
    ).map((x) => x.sample),
  ).toEqual([4, 2, 1]);
  const ney = allocate(
    [
      { stratum: 'a', population: 100 },
      { stratum: 'b', population: 100 },
    ],
    30,
    { method: 'neyman', spread: { a: Math.sqrt(0.5 * 0.5), b: Math.sqrt(0.1 * 0.9) } },
  );
  expect(ney.map((x) => x.sample)).toEqual([19, 11]); // 30·0.5/0.8 = 18.75 → 19; 30·0.3/0.8 = 11.25 → 11
  expect(() => allocate([], -1, { method: 'proportional' })).toThrow(RangeError);
});
