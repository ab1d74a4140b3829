import type { CellValue, Verdict } from '../core/model';
import { classifyOutcome } from '../core/stats/classifyOutcome';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { readInspectionRows, type InspectionRow } from './inspectionRows';
import { inspectionSheetName } from './sheets';
import { readNamedColumns } from './readColumns';
import { columnRuns, writeRows } from './writeTable';
import { columnIndex } from '../core/a1/columnLetter';

export interface InspectionState {
  rows: InspectionRow[];
  total: number;
  inspected: number;
  /** The first pending row at or after `from`, wrapping around; undefined when all are done. */
  next?: InspectionRow;
}

/** The inspection sheet's values (header first, chunked; only `names` when given) and its real name. */
async function readSheet(context: Excel.RequestContext, batch: string, names?: readonly string[]): Promise<{ name: string; values: CellValue[][] }> {
  const sheet = inspectionSheetName(batch);
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load('name');
  await context.sync();
  if (ws.isNullObject) throw new FlowError('flow.error.noBatch', { sheet });
  // Chunked under the response budget (a 20,000-item batch is several MB read whole).
  const values = (await readNamedColumns(context, [ws.name], names)).get(ws.name);
  if (!values) throw new FlowError('flow.error.noBatch', { sheet });
  return { name: ws.name, values };
}

async function readRows(context: Excel.RequestContext, batch: string, names?: readonly string[]): Promise<InspectionRow[]> {
  return readInspectionRows((await readSheet(context, batch, names)).values).rows;
}

/** What an outcome is computed from, read by header name. */
const OUTCOME_INPUTS = ['verdict', 'policy', 'qa_verdict', 'qa_policy', 'outcome'] as const;

/**
 * The add-in's own writes to inspection sheets, until Worksheet.onChanged reports them: Excel
 * fires onChanged for an add-in's writes too, with source Local (R excel.worksheetchangedeventargs.yml
 * `source`; P excel/excel-add-ins-events.md), so the watcher must not take them for an inspector's typing.
 */
const ownWrites: { sheet: string; rect: Rect; until: number }[] = [];
/** How long an own write waits for its events (they come right after the request). */
const OWN_WRITE_MS = 5000;
const watched = new Map<string, number>();
/** Notes an own write where a watcher will hear it; a write is one or more events (values, valuesAsJson). */
function noteOwnWrite(sheet: string, rect: Rect): void {
  const now = Date.now();
  for (let i = ownWrites.length - 1; i >= 0; i--) if (ownWrites[i].until < now) ownWrites.splice(i, 1);
  if (watched.get(sheet.toLowerCase())) ownWrites.push({ sheet: sheet.toLowerCase(), rect, until: now + OWN_WRITE_MS });
}
interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}
const contains = (outer: Rect, inner: Rect) => inner.row >= outer.row && inner.column >= outer.column && inner.row + inner.rows <= outer.row + outer.rows && inner.column + inner.columns <= outer.column + outer.columns;

/** The rectangle of an event's address ("N5", "N5:U9", "'QA w48'!N5:U9"). */
function rectOf(address: string): Rect | undefined {
  const parts = address.replace(/^.*!/, '').replace(/\$/g, '').split(':').map((a) => /^([A-Za-z]{1,3})(\d+)$/.exec(a));
  if (!parts.length || parts.some((m) => !m)) return undefined;
  const [a, b] = [parts[0]!, parts[parts.length - 1]!];
  const [c1, c2] = [columnIndex(a[1]), columnIndex(b[1])];
  const [r1, r2] = [Number(a[2]) - 1, Number(b[2]) - 1];
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
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
      const sheet = inspectionSheetName(batch);
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('columnIndex, columnCount');
      await context.sync();
      if (ws.isNullObject || used.isNullObject) throw new FlowError('flow.error.noBatch', { sheet });
      // The header and this one row, not the whole sheet: one small request.
      const width = used.columnIndex + used.columnCount;
      const head = ws.getRangeByIndexes(0, 0, 1, width);
      const line = ws.getRangeByIndexes(index + 1, 0, 1, width);
      head.load('values');
      line.load('values');
      await context.sync();
      const header = (head.values[0] as CellValue[]).map((h) => String(h ?? '').trim());
      const columns = new Map(header.map((h, c) => [h, c] as const).filter(([h]) => h !== ''));
      const row = readInspectionRows([header, line.values[0] as CellValue[]]).rows[0];
      if (!row || !columns.has('qa_verdict')) throw new FlowError('flow.error.noBatch', { sheet });
      const outcome = classifyOutcome({ verdict: row.verdict, policy: row.policy }, { verdict: decision.qaVerdict, policy: decision.qaPolicy });
      const written: [string, CellValue][] = [
        ['qa_verdict', decision.qaVerdict],
        ['qa_policy', decision.qaPolicy],
        ['outcome', outcome],
        ['severity', row.severity],
        ['qa_comment', decision.comment ?? ''],
        ['escalate', decision.escalate ? 'yes' : ''],
        ['inspector', decision.inspector],
        ['inspected_at', new Date(decision.now).toISOString().slice(0, 19).replace('T', ' ')],
        // Sheets drawn before the blind column existed have none: nothing is written there.
        ['blind', decision.blind ? 'yes' : 'no'],
      ];
      // Each run of adjacent QA columns (found by name) is one write; text through writeRows' escape.
      const at = new Map(written.filter(([name]) => columns.has(name)).map(([name, v]) => [columns.get(name)!, { name, v }]));
      for (const [first, n] of columnRuns([...at.keys()])) {
        const cells = Array.from({ length: n }, (_, k) => at.get(first + k)!);
        const text = cells.map((c, k) => (c.name === 'severity' ? -1 : k)).filter((k) => k >= 0);
        noteOwnWrite(ws.name, { row: index + 1, column: first, rows: 1, columns: n });
        await writeRows(context, ws, index + 1, first, [cells.map((c) => c.v)], text);
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
      const { name, values } = await readSheet(context, batch, OUTCOME_INPUTS);
      const rows = readInspectionRows(values).rows;
      const ws = context.workbook.worksheets.getItem(name);
      const column = values[0].indexOf('outcome');
      const stale = rows.filter((r) => r.outcomeCell !== r.outcome);
      if (column < 0 || !stale.length) return 0;
      // One array down the outcome column from the first stale row to the last, chunked by the
      // budget: null leaves a cell as it is (R excel.range.yml `values`), so only stale cells change.
      const first = stale[0].index;
      const last = stale[stale.length - 1].index;
      const cells: (CellValue | null)[][] = Array.from({ length: last - first + 1 }, () => [null]);
      for (const r of stale) cells[r.index - first] = [r.outcome];
      noteOwnWrite(name, { row: first + 1, column, rows: cells.length, columns: 1 });
      await writeRows(context, ws, first + 1, column, cells, []);
      await context.sync();
      return stale.length;
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
  const sheet = inspectionSheetName(batch).toLowerCase();
  const handler = async (event: { address: string; source?: string }) => {
    // A co-author's edit (source Remote) is recomputed by their own add-in: writing it here too
    // would make two add-ins write the same cells (P excel/co-authoring-in-excel-add-ins.md).
    if (event.source === 'Remote' || busy) return;
    // Our own writes (saveQaDecision, recomputeOutcomes) come back as Local events: skip them.
    const rect = rectOf(event.address);
    if (rect && ownWrites.some((w) => w.sheet === sheet && w.until >= Date.now() && contains(w.rect, rect))) return;
    busy = true;
    try {
      onRecomputed(await recomputeOutcomes(run, batch));
    } catch {
      // A request can fail for reasons outside this pane — on the web, another run deleting a
      // sheet fails the sync in flight (OfficeDev/office-js#6964). Nothing was written; the next
      // change or Refresh recomputes, so an event handler never ends in an unhandled rejection.
    } finally {
      busy = false;
    }
  };
  watched.set(sheet, (watched.get(sheet) ?? 0) + 1);
  const registration = await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
    const result = ws.onChanged.add(handler);
    await context.sync();
    return result;
  });
  // Office.js removes a handler through the context it was added in.
  return async () => {
    watched.set(sheet, (watched.get(sheet) ?? 1) - 1);
    registration.remove();
    await registration.context.sync();
  };
}
