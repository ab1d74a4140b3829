import { defaultTaxonomy } from './defaultTaxonomy';
import { rowsToTaxonomy, splitAliases, taxonomyToRows } from './taxonomyRows';
import { foldKana, similarity } from '../text/foldKana';
import { createPolicyIndex } from './policyIndex';

const withoutAliases = () => ({ policies: defaultTaxonomy().policies.map((p) => ({ ...p, aliases: [] })) });

test(
  'Japanese short or local names get a suggestion without any ' +
    'alias (containment, shared pairs, kana and width variants)',
  () => {
    const index = createPolicyIndex(withoutAliases());
    expect(index.find('ヘイトスピーチ')).toBeUndefined();
    expect(index.suggest('ヘイトスピーチ')).toBe('SAF.HATE');
    expect(index.suggest('ショッキングで生々しいコンテンツ')).toBe('SEN.GRAPHIC');
    // スパム is inside the deprecated INT.SPAM's name: its replacement is what to write.
    expect(index.suggest('スパム')).toBe('INT.FAKE');
    expect(index.suggest('ｽﾊﾟﾑ')).toBe('INT.FAKE');
    expect(index.suggest('すぱむ')).toBe('INT.FAKE');
    expect(index.suggest('いじめ')).toBe('SAF.HARASS');
    // Unrelated Japanese text gets none; English typos keep edit distance.
    expect(index.suggest('今日のランチ')).toBeUndefined();
    expect(index.suggest('SAF.HARAS')).toBe('SAF.HARASS');
    expect(index.suggest('Harassment and bulying')).toBe('SAF.HARASS');
  },
);

test(
  'aliases match like names: the default ones, and the ones a lead writes ' +
    'in the sheet (either language, ";" or a new line)',
  () => {
    const index = createPolicyIndex(defaultTaxonomy());
    expect(index.find('ヘイトスピーチ')?.code).toBe('SAF.HATE');
    expect(index.find('スパム')?.code).toBe('INT.FAKE');
    expect(index.find('ショッキングで生々しいコンテンツ')?.code).toBe('SEN.GRAPHIC');
    expect(index.find('ﾍｲﾄ')?.code).toBe('SAF.HATE');
    // The lead adds "誹謗中傷；Defamation\nabuse" to SAF.HARASS under a Japanese header.
    const rows = taxonomyToRows(defaultTaxonomy());
    const header = rows[0].map((h) => (h === 'aliases' ? '別名' : h));
    const harass = rows.findIndex((r) => r[0] === 'SAF.HARASS');
    rows[harass][header.indexOf('別名')] = '誹謗中傷；Defamation\nabuse';
    const read = rowsToTaxonomy([header, ...rows.slice(1)]);
    expect(read.findings).toEqual([]);
    const lead = createPolicyIndex(read.taxonomy);
    for (const alias of ['誹謗中傷', 'defamation', 'Abuse']) expect(lead.find(alias)?.code).toBe('SAF.HARASS');
    expect(lead.find('いじめ')).toBeUndefined(); // the lead's cell replaced the default aliases
    expect(splitAliases(' a ; b；c\n')).toEqual(['a', 'b', 'c']);
  },
);

test('foldKana and similarity', () => {
  expect(foldKana('ｽﾊﾟﾑ')).toBe('すぱむ');
  expect(foldKana('スパム（旧コード）')).toBe('すぱむ');
  expect(similarity('あいう', 'あいうえお')).toBe(1);
  expect(similarity('', 'a')).toBe(0);
  expect(similarity('abcd', 'abxy')).toBeCloseTo(1 / 3, 12);
});

describe('policy index', () => {
  const index = createPolicyIndex(defaultTaxonomy());
  test('finds by code, English name and Japanese name, ignoring case and width', () => {
    expect(index.find('saf.hate')?.code).toBe('SAF.HATE');
    expect(index.find('Hate speech and hateful behavior')?.code).toBe('SAF.HATE');
    expect(index.find('ヘイトスピーチ・憎悪的な行為')?.code).toBe('SAF.HATE');
    expect(index.find('ＳＡＦ．ＨＡＴＥ')?.code).toBe('SAF.HATE');
    expect(index.find('')).toBeUndefined();
  });
  test('suggests the nearest code for a typo, and nothing for noise', () => {
    expect(index.suggest('SAF.HTAE')).toBe('SAF.HATE');
    expect(index.suggest('Misinfromation')).toBe('INT.MISINFO');
    expect(index.suggest('zzzzzzzzzzzz')).toBeUndefined();
  });
});
