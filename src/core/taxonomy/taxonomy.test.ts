import { DSA_CATEGORIES } from './types';
import { defaultTaxonomy } from './defaultTaxonomy';
import { rowsToTaxonomy, taxonomyToRows } from './taxonomyRows';
import { validateTaxonomy } from './validateTaxonomy';

test(
  'the default taxonomy has six sections and about 25 ' + 'policies, each with a DSA category, verdicts and both names',
  () => {
    const { policies } = defaultTaxonomy();
    const sections = policies.filter((p) => !p.parent);
    const leaves = policies.filter((p) => p.parent);
    expect(sections).toHaveLength(6);
    expect(leaves.length).toBeGreaterThanOrEqual(23);
    for (const p of leaves) {
      expect(DSA_CATEGORIES).toContain(p.dsaCategory);
      expect(p.allowedVerdicts.length).toBeGreaterThan(0);
      expect(p.nameEn).not.toBe('');
      expect(p.nameJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(validateTaxonomy(defaultTaxonomy())).toEqual([]);
  },
);

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

test('structural problems are findings that name the taxonomy cells', () => {
  const rows = taxonomyToRows(defaultTaxonomy()).slice(0, 3);
  rows.push(['SAF.VIO', 'SAF', 'dup', 'ダブり', 4, 'remove', 'VIOLENCE', 'active', '']); // row 4: duplicate code
  // row 5: unknown parent, missing ja name, bad verdict
  rows.push(['X.ORPHAN', 'NOPE', 'Orphan', '', 2, 'remove shout', '', 'active', '']);
  rows.push(['X.OLD', 'SAF', 'Old', '旧', 2, 'remove', '', 'deprecated', 'X.GONE']); // row 6: replacement missing
  rows.push(['C1', 'C2', 'c1', 'c1', 5, 'remove', '', 'active', '']); // row 7: bad severity, cycle
  rows.push(['C2', 'C1', 'c2', 'c2', 1, 'remove', '', 'active', '']); // row 8: cycle
  const read = rowsToTaxonomy(rows);
  const all = [...read.findings, ...validateTaxonomy(read.taxonomy)]
    .map((f) => `${f.code}@${f.row}:${f.column}`)
    .sort();
  expect(all).toEqual(
    [
      'taxonomy_duplicate_code@4:0',
      'taxonomy_unknown_parent@5:1',
      'taxonomy_missing_name@5:3',
      'taxonomy_unknown_verdict@5:5',
      'taxonomy_replaced_by_missing@6:8',
      'taxonomy_bad_severity@7:4',
      'taxonomy_parent_cycle@7:1',
      'taxonomy_parent_cycle@8:1',
    ].sort(),
  );
});
