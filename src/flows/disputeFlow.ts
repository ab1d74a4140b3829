import type { Outcome, Settlement } from '../core/model';
import {
  inspectionSheet,
  locateInspectionColumns,
  outcomeLabel,
  type InspectionColumn,
} from './schema/inspectionSheet';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { readSheet } from './inspectFlow';
import { readInspectionRows, type InspectionRow } from './inspectionRows';
import { inspectionSheetName } from './sheets';
import { writeRows } from './writeTable';

const stamp = (now: number) => new Date(now).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The item's row and a way to write cells of it by column name
 * (a sheet's columns are found by header, never by position).
 */
async function rowOf(context: Excel.RequestContext, batch: string, itemId: string) {
  const { name, values, policies } = await readSheet(context, batch);
  const row = readInspectionRows(values, policies).rows.find((r) => r.itemId === itemId);
  if (!row) throw new FlowError('dispute.error.noItem', { item: itemId, sheet: name });
  // Columns by field name or either language's label; outcomes in the sheet's language.
  const { at, lang } = locateInspectionColumns(values[0] ?? []);
  const ws = context.workbook.worksheets.getItem(name);
  // Names, comments and who settled are untrusted text: written as text (the schema's text columns) through writeRows.
  const write = async (cells: [column: InspectionColumn, value: string][]) => {
    for (const [column, value] of cells) {
      const c = at(column);
      if (c < 0) throw new FlowError('dispute.error.noColumn', { sheet: name, column });
      const cell = column === 'outcome' ? outcomeLabel(value as Outcome, lang) : value;
      await writeRows(context, ws, row.index + 1, c, [[cell]], inspectionSheet.isNumeric(column) ? [] : [0]);
    }
  };
  return { row, write };
}

/**
 * A moderator or team lead contests the QA verdict of an inspected item: who and why go in the
 * dispute columns; any earlier settlement is cleared (a new dispute reopens the item). One request.
 */
export async function fileDispute(
  run: BatchRunner,
  batch: string,
  itemId: string,
  dispute: { by: string; comment: string },
): Promise<InspectionRow> {
  try {
    return await run(async (context) => {
      const { row, write } = await rowOf(context, batch, itemId);
      if (row.qaVerdict === null) throw new FlowError('dispute.error.notInspected', { item: itemId });
      if (!dispute.by.trim()) throw new FlowError('dispute.error.noName');
      await write([
        ['dispute', dispute.by.trim()],
        ['dispute_comment', dispute.comment.trim()],
        ['settlement', ''],
        ['settled_by', ''],
        ['settled_at', ''],
        ['outcome', row.qaOutcome],
      ]);
      await context.sync();
      return row;
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}

/**
 * A lead settles a disputed verdict: upheld (the QA verdict stands) or overturned (the moderator's
 * decision stands: the outcome becomes correct). The QA verdict is never rewritten, so the
 * previous verdict stays visible beside the settlement, its author and time. Returns the new outcome.
 */
export async function settleDispute(
  run: BatchRunner,
  batch: string,
  itemId: string,
  settlement: { settlement: Settlement; by: string; now: number },
): Promise<string> {
  try {
    return await run(async (context) => {
      const { row, write } = await rowOf(context, batch, itemId);
      if (!row.dispute) throw new FlowError('dispute.error.notDisputed', { item: itemId });
      if (!settlement.by.trim()) throw new FlowError('dispute.error.noName');
      const outcome = settlement.settlement === 'overturned' ? 'correct' : row.qaOutcome;
      await write([
        ['settlement', settlement.settlement],
        ['settled_by', settlement.by.trim()],
        ['settled_at', stamp(settlement.now)],
        ['outcome', outcome],
      ]);
      await context.sync();
      return outcome;
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}
