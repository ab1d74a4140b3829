import type { Mapping } from '../core/mapping/detectMapping';
import { DECISION_FIELDS, type DecisionField } from '../core/model';
import type { CellValue } from '../excelSpec';
import { settingKey, settingValue, settingsSheet } from './schema/settingsSheet';

export { settingKey } from './schema/settingsSheet';

/** A sheet's confirmed mapping, and the header text each field had when it was confirmed. */
export interface ConfirmedMappings {
  (sheet: string): Mapping | undefined;
  headers(sheet: string): Partial<Record<DecisionField, string>> | undefined;
}

/**
 * Queues the read of confirmed mappings from `QA Settings` (key | value rows; the value is JSON:
 * field → column, and `headers`: field → the header text then) onto the caller's next sync, and
 * returns how to pick one sheet's mapping after that sync.
 */
export function queueConfirmedMappings(context: Excel.RequestContext): ConfirmedMappings {
  const used = context.workbook.worksheets.getItemOrNullObject(settingsSheet.name).getUsedRangeOrNullObject(true);
  used.load('values');
  const parsed = (sheet: string): Record<string, unknown> | undefined => {
    if (used.isNullObject) return undefined;
    const value = settingValue(used.values as CellValue[][], settingKey(sheet));
    if (value === undefined) return undefined;
    try {
      return JSON.parse(String(value)) as Record<string, unknown>;
    } catch {
      return undefined; // an edited, unreadable value is ignored and detection runs again
    }
  };
  const confirmedFor = ((sheet: string) => {
    const p = parsed(sheet);
    if (!p) return undefined;
    const mapping: Mapping = {};
    for (const f of DECISION_FIELDS) if (Number.isInteger(p[f])) mapping[f] = p[f] as number;
    return mapping;
  }) as ConfirmedMappings;
  confirmedFor.headers = (sheet) => {
    const h = parsed(sheet)?.headers;
    if (!h || typeof h !== 'object') return undefined;
    return Object.fromEntries(
      Object.entries(h as Record<string, unknown>).filter(
        ([k, v]) => (DECISION_FIELDS as readonly string[]).includes(k) && typeof v === 'string',
      ),
    ) as Partial<Record<DecisionField, string>>;
  };
  return confirmedFor;
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * The first field of a confirmed mapping that no longer fits the header row (a column was
 * inserted or moved since it was confirmed), or undefined. With the header texts kept at
 * confirmation, a field fits when its column still has that header; a mapping kept without them
 * (older workbooks) misfits when its column's header now names another field outright.
 */
export function staleMappingField(
  saved: Mapping,
  headers: Partial<Record<DecisionField, string>> | undefined,
  headerRow: readonly CellValue[],
  detected: Mapping,
): { field: DecisionField; expected: string; found: string; column: number } | undefined {
  for (const [field, column] of Object.entries(saved) as [DecisionField, number][]) {
    const found = String(headerRow[column] ?? '');
    const expected = headers?.[field];
    if (expected !== undefined) {
      if (fold(expected) !== fold(found)) return { field, expected, found, column };
    } else {
      const other = (Object.entries(detected) as [DecisionField, number][]).find(
        ([f, c]) => c === column && f !== field && detected[field] !== column,
      );
      if (other && detected[field] !== undefined)
        return { field, expected: String(headerRow[detected[field]!] ?? ''), found, column };
    }
  }
  return undefined;
}
