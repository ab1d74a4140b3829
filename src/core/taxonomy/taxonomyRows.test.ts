import { defaultTaxonomy } from './defaultTaxonomy';
import { rowsToTaxonomy, taxonomyToRows } from './taxonomyRows';

test('sheet rows round-trip, and Japanese headers in another order are read', () => {
  const back = rowsToTaxonomy(taxonomyToRows(defaultTaxonomy()));
  expect(back.findings).toEqual([]);
  expect(back.taxonomy).toEqual(defaultTaxonomy());
  const ja = rowsToTaxonomy([
    ['日本語名', 'コード', '親', '英語名', '重大度', '許可判定', 'DSAカテゴリ', '状態', '後継'],
    ['テスト', 'T.ONE', '', 'Test', 2, 'remove', 'STATEMENT_CATEGORY_VIOLENCE', '', ''],
  ]);
  expect(ja.taxonomy.policies[0]).toMatchObject({
    code: 'T.ONE',
    nameJa: 'テスト',
    nameEn: 'Test',
    severity: 2,
    dsaCategory: 'VIOLENCE',
    allowedVerdicts: ['remove'],
  });
});
