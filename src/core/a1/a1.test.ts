import fc from 'fast-check';
import { cellAddress, quoteSheetName } from './cellAddress';
import { columnIndex, columnLetter } from './columnLetter';

test('column letters follow Excel: A, Z, AA, AZ, BA, ZZ, AAA, XFD', () => {
  expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
});
test('letters and indexes round-trip over every column', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnIndex(columnLetter(i)) === i));
});
test('out-of-range columns and rows are refused', () => {
  expect(() => columnLetter(16384)).toThrow(RangeError);
  expect(() => columnLetter(-1)).toThrow(RangeError);
  expect(() => columnIndex('XFE')).toThrow(RangeError);
  expect(() => cellAddress(0, 0)).toThrow(RangeError);
  expect(() => cellAddress(1048577, 0)).toThrow(RangeError);
});
test('sheet names are quoted the way Excel writes references', () => {
  expect(cellAddress(12, 2, 'Decisions')).toBe('Decisions!C12');
  expect(cellAddress(12, 2, 'QA Report b1')).toBe("'QA Report b1'!C12");
  expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
  expect(quoteSheetName('判定')).toBe("'判定'");
  expect(quoteSheetName('AB12')).toBe("'AB12'");
});
