import type { Settlement } from '../core/model';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { readRows } from './inspectFlow';
import type { InspectionRow } from './inspectionRows';
import { col } from './sampleFlow';
import { inspectionSheetName } from './sheets';

const stamp = (now: number) => new Date(now).toISOString().slice(0, 19).replace('T', ' ');

async function rowOf(context: Excel.RequestContext, batch: string, itemId: string): Promise<InspectionRow> {
  const rows = await readRows(context, batch);
  const row = rows.find((r) => r.itemId === itemId);
  if (!row) throw new FlowError('dispute.error.noItem', { item: itemId, sheet: inspectionSheetName(batch) });
  return row;
}

/** Writes text cells of one row (formatted as text first: names and comments are untrusted). */
function writeText(ws: Excel.Worksheet, row: number, cells: [column: Parameters<typeof col>[0], value: string][]): void {
  for (const [name, value] of cells) {
    const range = ws.getRangeByIndexes(row + 1, col(name), 1, 1);
    range.numberFormat = [['@']];
    range.values = [[value]];
  }
}

/**
 * A moderator or team lead contests the QA verdict of an inspected item: who and why go in the
 * dispute columns; any earlier settlement is cleared (a new dispute reopens the item). One request.
 */
export async function fileDispute(run: BatchRunner, batch: string, itemId: string, dispute: { by: string; comment: string }): Promise<InspectionRow> {
  try {
    return await run(async (context) => {
      const row = await rowOf(context, batch, itemId);
      if (row.qaVerdict === null) throw new FlowError('dispute.error.notInspected', { item: itemId });
      if (!dispute.by.trim()) throw new FlowError('dispute.error.noName');
      const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
      writeText(ws, row.index, [['dispute', dispute.by.trim()], ['dispute_comment', dispute.comment.trim()], ['settlement', ''], ['settled_by', ''], ['settled_at', '']]);
      ws.getRangeByIndexes(row.index + 1, col('outcome'), 1, 1).values = [[row.qaOutcome]];
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
export async function settleDispute(run: BatchRunner, batch: string, itemId: string, settlement: { settlement: Settlement; by: string; now: number }): Promise<string> {
  try {
    return await run(async (context) => {
      const row = await rowOf(context, batch, itemId);
      if (!row.dispute) throw new FlowError('dispute.error.notDisputed', { item: itemId });
      if (!settlement.by.trim()) throw new FlowError('dispute.error.noName');
      const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
      writeText(ws, row.index, [['settlement', settlement.settlement], ['settled_by', settlement.by.trim()], ['settled_at', stamp(settlement.now)]]);
      const outcome = settlement.settlement === 'overturned' ? 'correct' : row.qaOutcome;
      ws.getRangeByIndexes(row.index + 1, col('outcome'), 1, 1).values = [[outcome]];
      await context.sync();
      return outcome;
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}
