import type { Mapping } from '../core/mapping/detectMapping';
import { DECISION_FIELDS, type CellValue } from '../core/model';
import { SETTINGS_SHEET } from './sheets';

/** The QA Settings key of a sheet's confirmed mapping. */
export const settingKey = (sheet: string) => `mapping:${sheet}`;

/**
 * Queues the read of confirmed mappings from `QA Settings` (key | value rows; the value is JSON)
 * onto the caller's next sync, and returns how to pick one sheet's mapping after that sync.
 */
export function queueConfirmedMappings(context: Excel.RequestContext): (sheet: string) => Mapping | undefined {
  const used = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
  used.load('values');
  return (sheet) => {
    if (used.isNullObject) return undefined;
    const row = (used.values as CellValue[][]).find((r) => r[0] === settingKey(sheet));
    if (!row) return undefined;
    try {
      const parsed = JSON.parse(String(row[1])) as Record<string, unknown>;
      const mapping: Mapping = {};
      for (const f of DECISION_FIELDS) if (Number.isInteger(parsed[f])) mapping[f] = parsed[f] as number;
      return mapping;
    } catch {
      return undefined; // an edited, unreadable value is ignored and detection runs again
    }
  };
}

