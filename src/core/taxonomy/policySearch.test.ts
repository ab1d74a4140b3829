import { defaultTaxonomy } from './defaultTaxonomy';
import { isChoosable, policyLabel, resolvePolicyText, searchPolicies } from './policySearch';

const codes = (query: string) => searchPolicies(defaultTaxonomy(), query).map((m) => m.policy.code);
const harass = () => defaultTaxonomy().policies.find((p) => p.code === 'SAF.HARASS')!;

test('an empty query lists every active policy, sections and deprecated codes left out, in taxonomy order', () => {
  const all = codes('  ');
  const expected = defaultTaxonomy()
    .policies.filter(isChoosable)
    .map((p) => p.code);
  expect(all).toEqual(expected);
  expect(all).toHaveLength(23);
  expect(all).not.toContain('SAF');
  expect(all).not.toContain('INT.SPAM');
  expect(searchPolicies(defaultTaxonomy(), '').every((m) => m.rank === 3 && m.matched === '')).toBe(true);
});

test('codes, English names, Japanese names and aliases are all searched, whole names first', () => {
  expect(codes('SAF.HARASS')).toEqual(['SAF.HARASS']);
  expect(codes('saf harass')).toEqual(['SAF.HARASS']);
  expect(codes('bullying')[0]).toBe('SAF.HARASS');
  expect(codes('嫌がらせ・いじめ')).toEqual(['SAF.HARASS']);
  // An alias, with the name it matched by.
  const alias = searchPolicies(defaultTaxonomy(), 'ハラスメント');
  expect(alias.map((m) => [m.policy.code, m.matched, m.rank])).toEqual([['SAF.HARASS', 'ハラスメント', 0]]);
  // "hate" is a whole alias of nothing, the start of SAF.HATE's English name, inside SAF.ORG's.
  expect(codes('hate').slice(0, 2)).toEqual(['SAF.HATE', 'SAF.ORG']);
  // A prefix of the code ranks the section's policies before names that merely contain it.
  expect(codes('SAF')).toEqual(['SAF.VIO', 'SAF.HATE', 'SAF.ORG', 'SAF.YOUTH', 'SAF.ADULT', 'SAF.TRAF', 'SAF.HARASS']);
});

test('Japanese: kana and width variants, part of a name, the taxonomy aliases', () => {
  expect(codes('イジメ')).toEqual(['SAF.HARASS']);
  expect(codes('ｲｼﾞﾒ')).toEqual(['SAF.HARASS']);
  expect(codes('ヘイト')[0]).toBe('SAF.HATE');
  expect(codes('すぱむ')).toEqual(['INT.FAKE']);
  expect(codes('虐待')).toEqual(['SAF.YOUTH', 'SAF.ADULT', 'SEN.ANIMAL']);
  expect(codes('ｻｷﾞ')).toEqual([]);
  expect(codes('詐欺')).toEqual(['REG.SCAM']);
});

test("a picker's label searches by its code; text that matches nothing gives none", () => {
  expect(codes(policyLabel(harass(), 'en'))).toEqual(['SAF.HARASS']);
  expect(codes(policyLabel(harass(), 'ja'))).toEqual(['SAF.HARASS']);
  expect(codes('今日のランチ')).toEqual([]);
  expect(codes('SAF.HARASSx')).toEqual([]);
});

test('labels in either language', () => {
  expect(policyLabel(harass(), 'en')).toBe('SAF.HARASS — Harassment and bullying');
  expect(policyLabel(harass(), 'ja')).toBe('SAF.HARASS — 嫌がらせ・いじめ');
  expect(policyLabel({ ...harass(), nameJa: '' }, 'ja')).toBe('SAF.HARASS — Harassment and bullying');
  expect(policyLabel({ ...harass(), nameJa: '', nameEn: '' }, 'en')).toBe('SAF.HARASS');
});

test('resolvePolicyText names a policy only for a whole code, name, alias or label: part of one names nothing', () => {
  const taxonomy = defaultTaxonomy();
  for (const text of [
    'SAF.HARASS',
    'saf.harass',
    'Harassment and bullying',
    '嫌がらせ・いじめ',
    'いじめ',
    'ｲｼﾞﾒ',
    policyLabel(harass(), 'ja'),
    policyLabel(harass(), 'en'),
  ]) {
    expect(resolvePolicyText(taxonomy, text)?.code).toBe('SAF.HARASS');
  }
  for (const text of ['', '  ', 'いじ', 'SAF', 'SAF.HA', '安全と礼節'])
    expect(resolvePolicyText(taxonomy, text)).toBeUndefined();
  // A deprecated code gives what replaces it.
  expect(resolvePolicyText(taxonomy, 'INT.SPAM')?.code).toBe('INT.FAKE');
});

test('does not change the taxonomy', () => {
  const taxonomy = defaultTaxonomy();
  const before = JSON.stringify(taxonomy);
  searchPolicies(taxonomy, 'いじめ');
  resolvePolicyText(taxonomy, 'いじめ');
  expect(JSON.stringify(taxonomy)).toBe(before);
});
