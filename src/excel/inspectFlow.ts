import type { CellValue, Verdict } from '../core/model';
import { classifyOutcome } from '../core/stats/classifyOutcome';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { readInspectionRows, type InspectionRow } from './inspectionRows';
import { col } from './sampleFlow';
import { inspectionSheetName } from './sheets';

export interface InspectionState {
  rows: InspectionRow[];
  total: number;
  inspected: number;
  /** The first pending row at or after `from`, wrapping around; undefined when all are done. */
  next?: InspectionRow;
}

async function readSheet(context: Excel.RequestContext, batch: string): Promise<{ header: string[]; rows: InspectionRow[] }> {
  const sheet = inspectionSheetName(batch);
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  if (ws.isNullObject || used.isNullObject) throw new FlowError('flow.error.noBatch', { sheet });
  return readInspectionRows(used.values as CellValue[][]);
}

async function readRows(context: Excel.RequestContext, batch: string): Promise<InspectionRow[]> {
  return (await readSheet(context, batch)).rows;
}

/**
 * Where the inspection stands and which item comes next (the first pending one at or after
 * `from`, wrapping around). One sync.
 */
export async function inspectionState(run: BatchRunner, batch: string, from = 0): Promise<InspectionState> {
  try {
    return await run(async (context) => {
      const rows = await readRows(context, batch);
      const pending = (r: InspectionRow) => r.qaVerdict === null;
      const next = rows.slice(from).find(pending) ?? rows.slice(0, from).find(pending);
      return { rows, total: rows.length, inspected: rows.filter((r) => !pending(r)).length, next };
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}

export interface QaDecision {
  qaVerdict: Verdict;
  qaPolicy: string;
  comment?: string;
  escalate?: boolean;
  inspector: string;
  /** UTC milliseconds; written as an ISO timestamp. */
  now: number;
  /** Saved before the moderator's decision was shown (blind review): the sheet's blind column says yes. */
  blind?: boolean;
}

/**
 * Saves one inspector's decision on row `index` (0-based among the data rows): QA verdict and
 * policy, comment, escalate, inspector, inspected_at, and the outcome it implies. One request,
 * so an interruption loses nothing already saved. Returns the outcome.
 */
export async function saveQaDecision(run: BatchRunner, batch: string, index: number, decision: QaDecision): Promise<string> {
  try {
    return await run(async (context) => {
      const { header, rows } = await readSheet(context, batch);
      const row = rows[index];
      if (!row) throw new FlowError('flow.error.noBatch', { sheet: inspectionSheetName(batch) });
      const outcome = classifyOutcome({ verdict: row.verdict, policy: row.policy }, { verdict: decision.qaVerdict, policy: decision.qaPolicy });
      const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
      const first = col('qa_verdict');
      // qa_verdict … inspected_at are adjacent: one write, text-formatted first.
      const values: CellValue[] = [decision.qaVerdict, decision.qaPolicy, outcome, row.severity, decision.comment ?? '', decision.escalate ? 'yes' : '', decision.inspector, new Date(decision.now).toISOString().slice(0, 19).replace('T', ' ')];
      const target = ws.getRangeByIndexes(index + 1, first, 1, values.length);
      target.numberFormat = [values.map((_, i) => (i === 3 ? 'General' : '@'))];
      target.values = [values];
      // Read by its header, never by position: sheets drawn before the column existed have none.
      const blindAt = header.indexOf('blind');
      if (blindAt >= 0) {
        const cell = ws.getRangeByIndexes(index + 1, blindAt, 1, 1);
        cell.numberFormat = [['@']];
        cell.values = [[decision.blind ? 'yes' : 'no']];
      }
      await context.sync();
      return outcome;
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}

/**
 * Recomputes the outcome of rows whose QA columns were typed or pasted straight into the sheet
 * (run from the worksheet's change event while the pane is open, and on Refresh). Only outcome
 * cells that are wrong are rewritten; QA input is never touched. Returns how many changed.
 */
export async function recomputeOutcomes(run: BatchRunner, batch: string): Promise<number> {
  try {
    return await run(async (context) => {
      const rows = await readRows(context, batch);
      const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
      let changed = 0;
      for (const r of rows) {
        if (r.outcomeCell === r.outcome) continue;
        ws.getRangeByIndexes(r.index + 1, col('outcome'), 1, 1).values = [[r.outcome]];
        changed++;
      }
      if (changed) await context.sync();
      return changed;
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}

/**
 * While the pane is open: recomputes outcomes whenever the inspection sheet changes (an
 * inspector typing or pasting into the QA columns), through Worksheet.onChanged. Changes the
 * add-in makes to outcome cells are ignored, so it does not loop. Returns a function that stops
 * watching.
 */
export async function watchInspection(run: BatchRunner, batch: string, onRecomputed: (changed: number) => void): Promise<() => Promise<void>> {
  let busy = false;
  const outcomeColumn = col('outcome');
  const handler = async (event: { address: string }) => {
    // A change only to the outcome column is our own write.
    const columns = event.address.replace(/^.*!/, '').split(':').map((a) => a.replace(/\d+$/, ''));
    const letters = (n: number) => String.fromCharCode(65 + n);
    if (columns.every((c) => c === letters(outcomeColumn)) || busy) return;
    busy = true;
    try {
      onRecomputed(await recomputeOutcomes(run, batch));
    } finally {
      busy = false;
    }
  };
  const registration = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
    const result = ws.onChanged.add(handler);
    await context.sync();
    return result;
  });
  // Office.js removes a handler through the context it was added in.
  return async () => {
    registration.remove();
    await registration.context.sync();
  };
}
