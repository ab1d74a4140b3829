import { CELL_ERROR_VALUES, isCellError } from './cellValue';

test('one list of cell error values, from the classic seven to Python in Excel', () => {
  // Written as Excel's documentation lists them, not copied from the list under test.
  const expected = '#NULL! #DIV/0! #VALUE! #REF! #NAME? #NUM! #N/A #GETTING_DATA #SPILL! #CALC!'.split(' ');
  const recent = '#FIELD! #BLOCKED! #BUSY! #CONNECT! #EXTERNAL! #UNKNOWN! #PYTHON!'.split(' ');
  expect([...CELL_ERROR_VALUES].sort()).toEqual([...expected, ...recent].sort());
  expect(new Set(CELL_ERROR_VALUES).size).toBe(CELL_ERROR_VALUES.length);
  for (const e of CELL_ERROR_VALUES) expect(isCellError(e)).toBe(true);
});
test('text that only looks like an error is not one', () => {
  for (const v of ['#hashtag', '#n/a', '#N/A ', 'N/A', '', 0, true]) expect(isCellError(v)).toBe(false);
});
