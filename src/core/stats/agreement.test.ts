import fc from 'fast-check';
import { cohenKappa, gwetAC1, krippendorffAlpha } from './agreement';

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
