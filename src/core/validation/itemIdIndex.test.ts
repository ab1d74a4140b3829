import fc from 'fast-check';
import { ItemIdIndex } from './itemIdIndex';

test('behaves as a Map of first-seen values on any sequence of IDs, through every growth', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.string({ maxLength: 3 }),
          fc.string({ unit: 'grapheme', maxLength: 8 }),
          fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String),
        ),
        { maxLength: 3000 },
      ),
      (ids) => {
        const index = new ItemIdIndex(1);
        const map = new Map<string, number>();
        ids.forEach((id, row) => {
          const before = map.get(id);
          if (before === undefined) map.set(id, row);
          expect(index.setIfAbsent(id, row)).toBe(before);
        });
        expect(index.size).toBe(map.size);
        for (const [id, row] of map) expect(index.get(id)).toBe(row);
        expect(index.get('\u0000never')).toBeUndefined();
      },
    ),
    { numRuns: 200 },
  );
});

test('200,000 sequential 19-digit video IDs: each new once, a repeat finds its first row', () => {
  const index = new ItemIdIndex();
  const id = (i: number) => `73000000${String(1_000_000_000 + i * 7).padStart(11, '0')}`;
  let wronglyKnown = 0;
  for (let i = 0; i < 200_000; i++) if (index.setIfAbsent(id(i), i) !== undefined) wronglyKnown++;
  expect(wronglyKnown).toBe(0);
  expect(index.size).toBe(200_000);
  expect(index.setIfAbsent(id(123_456), -1)).toBe(123_456);
  expect(index.get(id(200_001))).toBeUndefined();
});
