import fc from 'fast-check';
import {
  cellAddress,
  columnIndex,
  columnLetter,
  formatRange,
  parseRange,
  quoteSheetName,
  rangeAddress,
  sheetOfAddress,
  splitAddress,
} from './a1';
import { MAX_COLUMN, MAX_ROW } from './limits';

test('column letters follow Excel past Z: A, Z, AA, AZ, BA, ZZ, AAA, XFD', () => {
  const indexes = [0, 25, 26, 51, 52, 701, 702, 16383];
  expect(indexes.map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  expect(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD', 'xfd'].map(columnIndex)).toEqual([...indexes, 16383]);
});
test('letters and indexes round-trip over every column', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COLUMN - 1 }), (i) => columnIndex(columnLetter(i)) === i));
});
test('out-of-range columns and rows are refused', () => {
  expect(() => columnLetter(MAX_COLUMN)).toThrow(RangeError);
  expect(() => columnLetter(-1)).toThrow(RangeError);
  expect(() => columnLetter(1.5)).toThrow(RangeError);
  expect(() => columnIndex('XFE')).toThrow(RangeError);
  expect(() => columnIndex('A1')).toThrow(RangeError);
  expect(() => cellAddress(0, 0)).toThrow(RangeError);
  expect(() => cellAddress(MAX_ROW + 1, 0)).toThrow(RangeError);
  expect(cellAddress(MAX_ROW, MAX_COLUMN - 1)).toBe('XFD1048576');
});
test('sheet names are quoted the way Excel writes references: spaces, apostrophes, Japanese, cell-like names', () => {
  expect(cellAddress(12, 2, 'Decisions')).toBe('Decisions!C12');
  expect(cellAddress(12, 2, 'QA Report b1')).toBe("'QA Report b1'!C12");
  expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
  expect(quoteSheetName('判定')).toBe("'判定'");
  expect(quoteSheetName('AB12')).toBe("'AB12'");
  expect(quoteSheetName('Sheet_1.v2')).toBe('Sheet_1.v2');
});
test('an address splits into its unquoted sheet and its local part, whatever the name', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
      const address = rangeAddress(name, { row: 1, column: 27, rowCount: 2, columnCount: 3 });
      return sheetOfAddress(address) === name && splitAddress(address).local === 'AB2:AD3';
    }),
  );
  expect(splitAddress("'Bob''s data'!$A$1")).toEqual({ sheet: "Bob's data", local: '$A$1' });
  expect(splitAddress('C3')).toEqual({ local: 'C3' });
  expect(sheetOfAddress('C3')).toBe('');
});
test('ranges parse and format: cells, blocks, whole columns and whole rows', () => {
  expect(parseRange('B3')).toEqual({ row: 2, column: 1, rowCount: 1, columnCount: 1 });
  expect(parseRange('$C$10:a1')).toEqual({ row: 0, column: 0, rowCount: 10, columnCount: 3 });
  expect(parseRange('A:C')).toEqual({ row: 0, column: 0, rowCount: MAX_ROW, columnCount: 3 });
  expect(parseRange('2:5')).toEqual({ row: 1, column: 0, rowCount: 4, columnCount: MAX_COLUMN });
  expect(formatRange(parseRange('AA1:ZZ9'))).toBe('AA1:ZZ9');
  expect(formatRange(parseRange('XFD1048576'))).toBe('XFD1048576');
  expect(formatRange(parseRange('B2:C3'), true)).toBe('$B$2:$C$3');
  expect(() => parseRange('A1:B2:C3')).toThrow(/incorrect format/);
  expect(() => parseRange('hello')).toThrow(/incorrect format/);
  expect(() => parseRange('XFE1')).toThrow(/outside the worksheet/);
  expect(() => parseRange('A1048577')).toThrow(/outside the worksheet/);
});
