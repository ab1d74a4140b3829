import { detectMapping, mapHeaderRow, type Mapping, type MappingResult } from '../core/mapping/detectMapping';
import { DECISION_FIELDS, type DecisionField } from '../core/model';
import type { CellValue } from '../excelSpec';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { queueHiddenColumns, resolveDecisionsSheet } from './readDecisions';
import { staleMappingField } from './settings';
import { openOwnedSheet } from './ownedSheet';
import { settingKey, settingRow, settingsSheet } from './schema/settingsSheet';
import { writeRows } from './writeTable';

export { queueConfirmedMappings } from './settings';

export interface MapResult extends MappingResult {
  sheet: string;
  /** The header and the first rows below it, for the pane's preview. */
  preview: CellValue[][];
  /** The rows below the header as read (up to about 30), for the mapping's checks (checkMapping). */
  below: CellValue[][];
  /** True when the mapping is one a person confirmed earlier (kept in QA Settings). */
  confirmed: boolean;
  /**
   * A confirmed mapping no longer fits the header (a column was inserted):
   * the field, its header then, and now. Detection is shown instead.
   */
  stale?: { field: DecisionField; expected: string; found: string };
}

/**
 * Finds the header row of the decisions sheet (the active one when none is named) and maps its
 * columns, preferring a mapping a person confirmed earlier. Returns confidences, unmapped
 * columns and a preview. Reads only.
 */
export async function mapFlow(
  run: BatchRunner,
  options: { sheet?: string; previewRows?: number } = {},
): Promise<MapResult> {
  try {
    return await run(async (context) => {
      const { ws, used, confirmedFor } = await resolveDecisionsSheet(context, options.sheet);
      const lastRow = used.rowIndex + used.rowCount - 1;
      const head = ws.getRangeByIndexes(
        0,
        0,
        Math.min(30 + (options.previewRows ?? 5), lastRow + 1),
        used.columnIndex + used.columnCount,
      );
      head.load('values');
      const hidden = queueHiddenColumns(ws, used.columnIndex + used.columnCount);
      await context.sync();
      let confirmed = confirmedFor(ws.name);
      const rows = head.values as CellValue[][];
      const detected = detectMapping(rows, 30, { hidden: hidden() });
      if (detected.headerRow < 0) throw new FlowError('flow.error.noHeader', { sheet: ws.name });
      const stale = confirmed
        ? staleMappingField(confirmed, confirmedFor.headers(ws.name), rows[detected.headerRow] ?? [], detected.mapping)
        : undefined;
      if (stale) confirmed = undefined;
      const result = confirmed
        ? {
            ...mapHeaderRow(rows[detected.headerRow], detected.headerRow, {
              below: rows.slice(detected.headerRow + 1),
              hidden: hidden(),
            }),
            mapping: { ...detected.mapping, ...confirmed },
          }
        : detected;
      return {
        ...result,
        sheet: ws.name,
        preview: rows.slice(detected.headerRow, detected.headerRow + 1 + (options.previewRows ?? 5)),
        below: rows.slice(detected.headerRow + 1),
        confirmed: Boolean(confirmed),
        ...(stale ? { stale: { field: stale.field, expected: stale.expected, found: stale.found } } : {}),
      };
    });
  } catch (error) {
    throw toFlowError(error, options.sheet);
  }
}

/**
 * Keeps a confirmed mapping in the workbook (`QA Settings`, a visible sheet, so a lead who opens
 * the shared workbook gets the same mapping). Replaces the sheet's earlier entry.
 */
export async function saveMapping(run: BatchRunner, sheet: string, mapping: Mapping): Promise<void> {
  const fields = Object.entries(mapping).filter(
    ([k, v]) => (DECISION_FIELDS as readonly string[]).includes(k) && Number.isInteger(v),
  ) as [DecisionField, number][];
  try {
    await run(async (context) => {
      // The header text of each mapped column is kept with it, so a column inserted later is noticed.
      const decisions = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      let top: CellValue[][] = [];
      if (!decisions.isNullObject) {
        const head = decisions.getRangeByIndexes(0, 0, 30, Math.max(1, ...fields.map(([, c]) => c + 1)));
        head.load('values');
        await context.sync();
        top = head.values as CellValue[][];
      }
      const headerRow = detectMapping(top).headerRow;
      const headers =
        headerRow >= 0 ? Object.fromEntries(fields.map(([f, c]) => [f, String(top[headerRow][c] ?? '')])) : undefined;
      const value = JSON.stringify({ ...Object.fromEntries(fields), ...(headers ? { headers } : {}) });
      const { ws, used } = await openOwnedSheet(context, settingsSheet, { load: 'values, rowIndex' });
      let rowIndex = 1;
      if (used) {
        const values = used.values as CellValue[][];
        const existing = settingRow(values, settingKey(sheet));
        rowIndex = existing >= 0 ? used.rowIndex + existing : used.rowIndex + values.length;
      }
      await writeRows(
        context,
        ws,
        rowIndex,
        0,
        [settingsSheet.row({ key: settingKey(sheet), value })],
        settingsSheet.textColumns(),
      );
      await context.sync();
    });
  } catch (error) {
    throw toFlowError(error, settingsSheet.name);
  }
}
