import { normalizeKey } from './normalizeKey';

test('full-width, case, spaces, underscores and hyphens are folded', () => {
  expect(normalizeKey('Ｖｉｄｅｏ＿ＩＤ')).toBe('videoid');
  expect(normalizeKey(' Item-Id ')).toBe('itemid');
  expect(normalizeKey('動画 ＩＤ')).toBe('動画id');
  expect(normalizeKey(42)).toBe('42');
});
