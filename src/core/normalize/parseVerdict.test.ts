import fc from 'fast-check';
import { VERDICT_ALIASES, parseVerdict } from './parseVerdict';

describe('parseVerdict', () => {
  test('Japanese and English aliases map onto the five verdicts', () => {
    expect(parseVerdict('削除')).toBe('remove');
    expect(parseVerdict('承認')).toBe('approve');
    expect(parseVerdict('問題なし')).toBe('approve');
    expect(parseVerdict('年齢制限')).toBe('age_restrict');
    expect(parseVerdict('おすすめ対象外')).toBe('fyf_ineligible');
    expect(parseVerdict('エスカレーション')).toBe('escalate');
    expect(parseVerdict('Age Restrict')).toBe('age_restrict');
    expect(parseVerdict('ＲＥＭＯＶＥ')).toBe('remove');
  });
  test('every alias survives full-width and case changes', () => {
    const all = Object.entries(VERDICT_ALIASES).flatMap(([v, list]) => list.map((a) => [v, a] as const));
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.boolean(), ([verdict, alias], upper) => {
        const wide = alias.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        return parseVerdict(upper ? wide.toUpperCase() : wide) === verdict;
      }),
    );
  });
  test('empty is null and unknown is undefined', () => {
    expect(parseVerdict('')).toBeNull();
    expect(parseVerdict('   ')).toBeNull();
    expect(parseVerdict('maybe')).toBeUndefined();
  });
});
