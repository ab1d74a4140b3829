import { validateListedValues } from './validateListedValues';

const columns = [{ column: 1, field: 'region', allowed: ['apac', 'emea'] }];

test(
  'a value outside its list is a finding naming the cell; ' +
    'empty cells and listed values (any width or case) are not',
  () => {
    const rows = [['x', 'APAC'], ['x', ''], ['x', 'mars'], ['x', 'ｅｍｅａ'], ['x']];
    const found = validateListedValues(rows, 2, columns, 'QA b1');
    expect(found).toEqual([
      {
        row: 4,
        column: 1,
        field: 'region',
        code: 'qa_value_not_listed',
        severity: 'error',
        params: { value: 'mars', field: 'region', allowed: 'apac, emea' },
        sheet: 'QA b1',
      },
    ]);
  },
);

test('does not modify its input', () => {
  const rows = [['x', 'mars']];
  const copy = JSON.stringify(rows);
  validateListedValues(rows, 2, columns, 'QA b1');
  expect(JSON.stringify(rows)).toBe(copy);
});
