import fc from 'fast-check';
import { ItemIdIndex } from './itemIdIndex';

test('behaves as a Map of first-seen values on any sequence of IDs, through every growth', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String)), { maxLength: 3000 }), (ids) => {
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
    }),
    { numRuns: 200 },
  );
});

test('a million sequential 19-digit video IDs: each found once, duplicates found', () => {
  const index = new ItemIdIndex();
  const base = 7300000000000000000n;
  for (let i = 0; i < 1_000_000; i++) expect(index.setIfAbsent(String(base + BigInt(i * 7)), i) === undefined).toBe(true);
  expect(index.size).toBe(1_000_000);
  expect(index.setIfAbsent(String(base + 7n * 123_456n), -1)).toBe(123_456);
  expect(index.get(String(base + 1n))).toBeUndefined();
});
