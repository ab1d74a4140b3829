import { WorkbookModel } from '../emulator/model';
import { displayValue, effectiveFormat, listChoices } from './cellDisplay';

test('dates, percentages, decimals and General show as Excel shows them', () => {
  // 46350 is 2026-11-24 in Excel's 1900 date system (DATE(2026,11,24) = 46350).
  expect(displayValue(46350.5, 'yyyy-mm-dd hh:mm')).toBe('2026-11-24 12:00');
  expect(displayValue(46350, 'yyyy/mm/dd')).toBe('2026/11/24');
  expect(displayValue(0.8765, '0.0%')).toBe('87.7%');
  expect(displayValue(0.5, '0%')).toBe('50%');
  expect(displayValue(0.123456, '0.000')).toBe('0.123');
  expect(displayValue(1 / 3, 'General')).toBe('0.333333333');
  expect(displayValue(-2.5, 'General')).toBe('-2.5');
  expect(displayValue(1234567890123456, 'General')).toBe('1.23457E+15');
  expect(displayValue(42, 'General')).toBe('42');
  expect(displayValue(true, 'General')).toBe('TRUE');
  expect(displayValue('=1+1', '@')).toBe('=1+1');
});

test('a ContainsText conditional format colors the cells it matches, and only those', () => {
  const model = new WorkbookModel();
  const sheet = model.addSheet('QA 1');
  sheet.setCell(1, 2, 'correct');
  sheet.setCell(2, 2, 'wrong_policy');
  sheet.conditionalFormats.push({
    id: 'c',
    rect: { row: 1, column: 2, rowCount: 2, columnCount: 1 },
    type: 'ContainsText',
    rule: { operator: 'BeginsWith', text: 'correct' },
    format: { fill: '#DFF6DD' },
    stopIfTrue: false,
  });
  expect(effectiveFormat(sheet, 1, 2)?.fill).toBe('#DFF6DD');
  expect(effectiveFormat(sheet, 2, 2)?.fill).toBeUndefined();
  expect(effectiveFormat(sheet, 1, 3)).toBeUndefined();
});

test('list choices come from a comma list or from cells on another sheet', () => {
  const model = new WorkbookModel();
  const tax = model.addSheet('QA Taxonomy');
  tax.rows = [['code'], ['SAF.HATE'], ['SAF.VIOL'], ['']];
  const sheet = model.addSheet('QA 1');
  sheet.validations.push({
    rect: { row: 1, column: 10, rowCount: 5, columnCount: 1 },
    source: 'approve,remove',
    inCellDropDown: true,
    errorStyle: 'Stop',
    ignoreBlanks: true,
  });
  sheet.validations.push({
    rect: { row: 1, column: 11, rowCount: 5, columnCount: 1 },
    source: "='QA Taxonomy'!$A$2:$A$4",
    inCellDropDown: true,
    errorStyle: 'Stop',
    ignoreBlanks: true,
  });
  expect(listChoices(model, sheet, 3, 10)).toEqual(['approve', 'remove']);
  expect(listChoices(model, sheet, 3, 11)).toEqual(['SAF.HATE', 'SAF.VIOL']);
  expect(listChoices(model, sheet, 3, 12)).toBeUndefined();
  expect(listChoices(model, sheet, 0, 10)).toBeUndefined();
});
