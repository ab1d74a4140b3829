import { defaultTaxonomy } from '../taxonomy/defaultTaxonomy';
import { validateInspectionRows } from './validateInspectionRows';

const taxonomy = defaultTaxonomy();

test('QA columns pasted past the dropdowns break the same rules', () => {
  const rows = [
    ['maybe', ''],
    ['remove', ''],
    ['approve', 'SAF.HATE'],
    ['remove', 'INT.SPAM'],
    ['', ''],
  ];
  const f = validateInspectionRows(rows, 2, { qa_verdict: 0, qa_policy: 1 }, taxonomy, 'QA b1');
  expect(f.map((x) => `${x.code}@${x.row}`)).toEqual([
    'qa_unknown_verdict@2',
    'qa_enforcing_without_policy@3',
    'qa_approve_with_policy@4',
    'qa_deprecated_policy@5',
  ]);
  expect(f[0]).toMatchObject({ row: 2, column: 0, sheet: 'QA b1' });
});
