import { parseLanguage, parseMarket } from './marketAndLanguage';

describe('markets and languages', () => {
  test('ISO codes and common aliases', () => {
    expect(parseMarket('jp')).toBe('JP');
    expect(parseMarket('UK')).toBe('GB');
    expect(parseMarket('日本')).toBe('JP');
    expect(parseMarket('XX')).toBeUndefined();
    expect(parseLanguage('ja-JP')).toBe('ja');
    expect(parseLanguage('EN')).toBe('en');
    expect(parseLanguage('日本語')).toBe('ja');
    expect(parseLanguage('xx')).toBeUndefined();
    expect(parseMarket('')).toBeNull();
  });
});
