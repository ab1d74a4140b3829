/**
 * `QA Settings`: key | value rows. A sheet's confirmed column mapping is the key "mapping:<sheet>"
 * and, as JSON, field → column and the header text each field had when it was confirmed.
 */
import type { CellValue } from '../../excelSpec';
import { SETTINGS_SHEET } from '../sheets';
import { defineSheet } from './sheetSchema';

export const settingsSheet = defineSheet(SETTINGS_SHEET, [
  { name: 'key', ja: 'キー' },
  { name: 'value', ja: '値' },
]);

/** The QA Settings key of a sheet's confirmed mapping. */
export const settingKey = (sheet: string) => `mapping:${sheet}`;

/** The 0-based index among `values` (header first) of the row holding `key`, or -1. */
export function settingRow(values: readonly (readonly CellValue[])[], key: string): number {
  const r = settingsSheet.reader(values[0] ?? []);
  // A sheet written before it had a header row keeps its settings from the first row.
  const keyColumn = r.at('key') < 0 ? 0 : r.at('key');
  return values.findIndex((row) => row[keyColumn] === key);
}

/** The value kept under `key`, if any. */
export function settingValue(values: readonly (readonly CellValue[])[], key: string): CellValue | undefined {
  const i = settingRow(values, key);
  if (i < 0) return undefined;
  const at = settingsSheet.reader(values[0] ?? []).at('value');
  return values[i][at < 0 ? 1 : at];
}
