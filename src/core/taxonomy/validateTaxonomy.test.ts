import { defaultTaxonomy } from './defaultTaxonomy';
import { rowsToTaxonomy, taxonomyToRows } from './taxonomyRows';
import { validateTaxonomy } from './validateTaxonomy';

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
