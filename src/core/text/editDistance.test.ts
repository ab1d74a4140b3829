import { editDistance } from './editDistance';

test('edit distance counts insertions, deletions, substitutions and transpositions', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('ab', 'ba')).toBe(1);
  expect(editDistance('same', 'same')).toBe(0);
});
