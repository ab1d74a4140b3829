import { editDistance } from './editDistance';
import { normalizeKey } from './normalizeKey';

test('full-width, case, spaces, underscores and hyphens are folded', () => {
  expect(normalizeKey('Ｖｉｄｅｏ＿ＩＤ')).toBe('videoid');
  expect(normalizeKey(' Item-Id ')).toBe('itemid');
  expect(normalizeKey('動画 ＩＤ')).toBe('動画id');
  expect(normalizeKey(42)).toBe('42');
});
test('edit distance counts insertions, deletions, substitutions and transpositions', () => {
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('ab', 'ba')).toBe(1);
  expect(editDistance('same', 'same')).toBe(0);
});
