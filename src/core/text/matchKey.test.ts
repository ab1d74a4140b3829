import { matchKey } from './matchKey';

test('IDs and names that differ only in form have one match key; different ones do not', () => {
  expect(matchKey('１２３')).toBe('123');
  expect(matchKey('456\u200b')).toBe('456');
  expect(matchKey('\ufeff456')).toBe('456');
  expect(matchKey("'789")).toBe('789');
  expect(matchKey('Jose\u0301')).toBe(matchKey('José'));
  expect(matchKey(' 00123 ')).toBe('00123'); // leading zeros are part of an ID
  expect(matchKey('00123')).not.toBe(matchKey('123'));
  expect(matchKey('A-1')).toBe('A-1'); // plain ASCII is its own key
});
