import { isEnforcing, type Verdict } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { classifyOutcome } from '../core/stats/classifyOutcome';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { readInspectionRows, type InspectionRow } from './inspectionRows';
import { policyLookup, queuePolicyLookup, type PolicyLookup } from './policyLookup';
import {
  escalateValues,
  inspectionSheet,
  locateInspectionColumns,
  outcomeLabel,
  type InspectionColumn,
} from './schema/inspectionSheet';
import { inspectionSheetName } from './sheets';
import { readNamedColumns } from './readColumns';
import { columnRuns, writeRows } from './writeTable';
import { parseRange, splitAddress } from '../excelSpec';

export interface InspectionState {
  rows: InspectionRow[];
  total: number;
  /** Items with a decided QA verdict (not pending): the count the report shows too. */
  inspected: number;
  /** Items escalated (QA verdict escalate or the escalate column), decided or not. */
  escalated: number;
  /** Escalated items QA has not decided (verdict escalate): pending until someone decides. */
  awaitingDecision: number;
  /** The first row without a QA verdict at or after `from`, wrapping around; undefined when all are done. */
  next?: InspectionRow;
  /** The language the inspection sheet was written in. */
  lang: Lang;
}

/** Where a batch stands, counted one way everywhere (pane, report, CLI). */
export function countInspection(
  rows: readonly InspectionRow[],
): Pick<InspectionState, 'total' | 'inspected' | 'escalated' | 'awaitingDecision'> {
  return {
    total: rows.length,
    inspected: rows.filter((r) => r.outcome !== 'pending').length,
    escalated: rows.filter((r) => r.escalate).length,
    awaitingDecision: rows.filter((r) => r.qaVerdict === 'escalate').length,
  };
}

/** The inspection sheet's values (header first, chunked; only `names` when given) and its real name. */
export async function readSheet(
  context: Excel.RequestContext,
  batch: string,
  names?: readonly string[],
): Promise<{ name: string; values: CellValue[][]; policies: PolicyLookup }> {
  const sheet = inspectionSheetName(batch);
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load('name');
  const lookup = queuePolicyLookup(context);
  await context.sync();
  if (ws.isNullObject) throw new FlowError('flow.error.noBatch', { sheet });
  // Chunked under the response budget (a 20,000-item batch is several MB read whole).
  const values = (await readNamedColumns(context, [ws.name], names)).get(ws.name);
  if (!values) throw new FlowError('flow.error.noBatch', { sheet });
  return { name: ws.name, values, policies: lookup() };
}

export async function readRows(
  context: Excel.RequestContext,
  batch: string,
  names?: readonly string[],
): Promise<InspectionRow[]> {
  const read = await readSheet(context, batch, names);
  return readInspectionRows(read.values, read.policies).rows;
}

/** What an outcome is computed from, read by header name (item_id too: its label tells the sheet's language). */
const OUTCOME_INPUTS = [
  'item_id',
  'verdict',
  'policy',
  'qa_verdict',
  'qa_policy',
  'outcome',
  'severity',
  'escalate',
  'inspector',
  'inspected_at',
  'settlement',
] as const;

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
const contains = (outer: Rect, inner: Rect) =>
  inner.row >= outer.row &&
  inner.column >= outer.column &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.column + inner.columns <= outer.column + outer.columns;

/** The rectangle of an event's address ("N5", "N5:U9", "'QA w48'!N5:U9"). */
function rectOf(address: string): Rect | undefined {
  try {
    const { row, column, rowCount, columnCount } = parseRange(splitAddress(address).local);
    return { row, column, rows: rowCount, columns: columnCount };
  } catch {
    return undefined;
  }
}

/**
 * Which item the pane shows:
 * - `pendingFrom`: the next item, the first without a QA verdict at or after that row, wrapping
 *   around (Save and next, Skip, the Next item command);
 * - `index`: that row as it is, inspected or not (Previous, a jump, a row clicked in the sheet);
 * - `stayOn`: the sheet changed under the pane: a row that was pending when shown stays while it
 *   is pending and moves on to the next pending once done (a verdict typed in the grid); a row
 *   shown already inspected (`wasPending: false`: Previous, a jump) stays.
 */
export type ItemTarget = { pendingFrom: number } | { index: number } | { stayOn: number; wasPending?: boolean };

/**
 * The one rule for which item comes next, for every way of moving (see ItemTarget).
 *
 * @example itemFor(rows, { pendingFrom: 3 }) // the first pending row at index ≥ 3, else the first pending one
 * Invalid input: an index outside the rows gives `undefined` for `index`; `undefined` when nothing is pending.
 */
export function itemFor(rows: readonly InspectionRow[], target: ItemTarget): InspectionRow | undefined {
  const open = (r: InspectionRow) => r.qaVerdict === null;
  if ('index' in target) return rows[target.index];
  if ('stayOn' in target && rows[target.stayOn] && (target.wasPending === false || open(rows[target.stayOn])))
    return rows[target.stayOn];
  const from = Math.max(0, 'pendingFrom' in target ? target.pendingFrom : target.stayOn);
  return rows.slice(from).find(open) ?? rows.slice(0, from).find(open);
}

/**
 * The row an inspector means by `text`: an item ID (exact, spaces trimmed), else a sheet row
 * number as the pane shows it (2 is the first item).
 *
 * @example findItem(rows, '1000234') // the item with that ID
 * @example findItem(rows, '12') // the item on sheet row 12, unless an item's ID is 12
 * Invalid input: text that is neither gives `undefined`.
 */
export function findItem(rows: readonly InspectionRow[], text: string): InspectionRow | undefined {
  const wanted = text.trim();
  if (!wanted) return undefined;
  const byId = rows.find((r) => r.itemId.trim() === wanted);
  if (byId) return byId;
  const row = /^\d+$/.test(wanted) ? Number(wanted) : NaN;
  return Number.isInteger(row) && row >= 2 ? rows[row - 2] : undefined;
}

/**
 * Where the inspection stands and which item the pane shows (a number: the first pending one at
 * or after that row, wrapping around; or any ItemTarget). One sync.
 */
export async function inspectionState(
  run: BatchRunner,
  batch: string,
  target: number | ItemTarget = 0,
): Promise<InspectionState> {
  try {
    return await run(async (context) => {
      const { values, policies } = await readSheet(context, batch);
      const { rows, lang } = readInspectionRows(values, policies);
      const next = itemFor(rows, typeof target === 'number' ? { pendingFrom: target } : target);
      return { rows, ...countInspection(rows), next, lang };
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}

/**
 * The grid follows the item on screen: selects its row (the used columns) on the inspection
 * sheet, unless the selection is already on that row (the inspector clicked it, or is typing
 * there). Range.select activates the sheet (R excel.range.yml `select`). Two small syncs.
 */
export async function followItem(run: BatchRunner, batch: string, index: number): Promise<void> {
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(inspectionSheetName(batch));
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('columnIndex, columnCount');
      const selected = context.workbook.getSelectedRange();
      selected.load('rowIndex, rowCount');
      const on = selected.worksheet;
      on.load('name');
      await context.sync();
      if (ws.isNullObject || used.isNullObject)
        throw new FlowError('flow.error.noBatch', { sheet: inspectionSheetName(batch) });
      const row = index + 1;
      if (on.name === ws.name && selected.rowIndex <= row && row < selected.rowIndex + selected.rowCount) return;
      ws.getRangeByIndexes(row, 0, 1, used.columnIndex + used.columnCount).select();
      await context.sync();
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}

/** Adds an event handler to a batch's inspection sheet; Office.js removes it through the context it was added in. */
function addSheetHandler(
  run: BatchRunner,
  batch: string,
  add: (ws: Excel.Worksheet) => OfficeExtension.EventHandlerResult<unknown>,
): Promise<OfficeExtension.EventHandlerResult<unknown>> {
  return run(async (context) => {
    const result = add(context.workbook.worksheets.getItem(inspectionSheetName(batch)));
    await context.sync();
    return result;
  });
}

/**
 * Opens the item whose row the inspector selects on the inspection sheet, through
 * Worksheet.onSelectionChanged (ExcelApi 1.7; R excel.worksheet.yml `onSelectionChanged`):
 * `onRow` gets the 0-based item index of a selection within one data row. The header row and
 * selections over several rows open nothing. Returns a function that stops watching.
 */
export async function watchSelection(
  run: BatchRunner,
  batch: string,
  onRow: (index: number) => void,
): Promise<() => Promise<void>> {
  const handler = async (event: { address: string }) => {
    const rect = rectOf(event.address);
    if (rect && rect.rows === 1 && rect.row >= 1) onRow(rect.row - 1);
  };
  const registration = await addSheetHandler(run, batch, (ws) => ws.onSelectionChanged.add(handler));
  // Office.js removes a handler through the context it was added in.
  return async () => {
    registration.remove();
    await registration.context.sync();
  };
}

export interface QaDecision {
  qaVerdict: Verdict;
  qaPolicy: string;
  comment?: string;
  escalate?: boolean;
  inspector: string;
  /** UTC milliseconds; written as an ISO timestamp. */
  now: number;
  /** Why the decision was wrong: a code of the QA Reasons sheet (cleared when the decision was correct). */
  reason?: string;
  /** Saved before the moderator's decision was shown (blind review): the sheet's blind column says yes. */
  blind?: boolean;
}

const timestamp = (now: number) => new Date(now).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Saves one inspector's decision on row `index` (0-based among the data rows): QA verdict and
 * policy (the moderator's when QA's enforcing verdict agrees and none is given), comment, escalate
 * (a verdict of escalate is an escalation too), inspector, inspected_at, and the outcome and
 * severity (the more severe policy) it implies, in the sheet's language. One request,
 * so an interruption loses nothing already saved. Returns the outcome.
 */
export async function saveQaDecision(
  run: BatchRunner,
  batch: string,
  index: number,
  decision: QaDecision,
): Promise<string> {
  try {
    return await run(async (context) => {
      const sheet = inspectionSheetName(batch);
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('columnIndex, columnCount');
      // The taxonomy only when QA enforces (policies compare by code,
      // severity by policy): an approve stays one small request.
      const lookup = isEnforcing(decision.qaVerdict) ? queuePolicyLookup(context) : undefined;
      await context.sync();
      const policies = lookup ? lookup() : policyLookup({ policies: [] });
      if (ws.isNullObject || used.isNullObject) throw new FlowError('flow.error.noBatch', { sheet });
      // The header and this one row, not the whole sheet: one small request.
      const width = used.columnIndex + used.columnCount;
      const head = ws.getRangeByIndexes(0, 0, 1, width);
      const line = ws.getRangeByIndexes(index + 1, 0, 1, width);
      head.load('values');
      line.load('values');
      await context.sync();
      const header = (head.values[0] as CellValue[]).map((h) => String(h ?? '').trim());
      // Columns by field name or either language's label (the sheet's schema).
      const { at: columnOf, lang } = locateInspectionColumns(header);
      const read = readInspectionRows([header, line.values[0] as CellValue[]], policies);
      const row = read.rows[0];
      if (!row || columnOf('qa_verdict') < 0) throw new FlowError('flow.error.noBatch', { sheet });
      // Agreeing with the moderator's enforcing verdict means the moderator's policy; policies compare by code.
      const qaPolicy =
        decision.qaPolicy || (decision.qaVerdict === row.verdict && isEnforcing(decision.qaVerdict) ? row.policy : '');
      const outcome = classifyOutcome(
        { verdict: row.verdict, policy: row.policy },
        { verdict: decision.qaVerdict, policy: qaPolicy },
        policies.code,
      );
      const severities = [row.policy, isEnforcing(decision.qaVerdict) ? qaPolicy : '']
        .map((p) => (p ? policies.severity(p) : undefined))
        .filter((x): x is number => x !== undefined);
      const escalate = decision.escalate || decision.qaVerdict === 'escalate';
      const written: [InspectionColumn, CellValue][] = [
        ['qa_verdict', decision.qaVerdict],
        ['qa_policy', qaPolicy],
        ['outcome', outcomeLabel(outcome, lang)],
        ['severity', severities.length ? Math.max(...severities) : row.severity],
        ['qa_comment', decision.comment ?? ''],
        ['escalate', escalate ? escalateValues(lang)[0] : ''],
        ['inspector', decision.inspector],
        ['inspected_at', timestamp(decision.now)],
        // Why it was wrong: kept only for an error (a sheet drawn before reasons existed has no such column).
        ['reason', outcome === 'correct' ? '' : (decision.reason ?? '')],
        // Sheets drawn before the blind column existed have none: nothing is written there.
        ['blind', decision.blind ? escalateValues(lang)[0] : escalateValues(lang)[1]],
      ];
      const columns = new Map(written.map(([name]) => [name, columnOf(name)] as const).filter(([, c]) => c >= 0));
      // Each run of adjacent QA columns (found by name) is one write; text through writeRows' escape.
      const at = new Map(
        written.filter(([name]) => columns.has(name)).map(([name, v]) => [columns.get(name)!, { name, v }]),
      );
      for (const [first, n] of columnRuns([...at.keys()])) {
        const cells = Array.from({ length: n }, (_, k) => at.get(first + k)!);
        const text = cells.map((c, k) => (inspectionSheet.isNumeric(c.name) ? -1 : k)).filter((k) => k >= 0);
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

/** Who typed in the grid, and when: written beside a verdict typed straight into the sheet. */
export interface Attribution {
  inspector: string;
  /** UTC milliseconds. */
  now: number;
}

/**
 * Brings rows whose QA columns were typed or pasted straight into the sheet up to date (run from
 * the session's watch on every change, and on Refresh): the outcome and severity; an empty QA
 * policy filled with the moderator's when QA's enforcing verdict agrees; escalate set for a
 * verdict of escalate; and, with an attribution, the inspector and time of a verdict that has
 * none. Only cells that are wrong or empty are written; what an inspector typed is never
 * overwritten. Returns how many rows changed.
 */
export async function recomputeOutcomes(run: BatchRunner, batch: string, attribution?: Attribution): Promise<number> {
  try {
    return await run(async (context) => {
      const { name, values, policies } = await readSheet(context, batch, OUTCOME_INPUTS);
      const { rows, lang } = readInspectionRows(values, policies);
      const ws = context.workbook.worksheets.getItem(name);
      const { at } = locateInspectionColumns(values[0]);
      // Per column, the rows whose cell must change.
      const changes = new Map<InspectionColumn, Map<number, CellValue>>();
      const set = (column: InspectionColumn, index: number, value: CellValue) => {
        if (at(column) < 0) return;
        let m = changes.get(column);
        if (!m) changes.set(column, (m = new Map()));
        m.set(index, value);
      };
      for (const r of rows) {
        if (r.outcomeCell !== r.outcome) set('outcome', r.index, outcomeLabel(r.outcome, lang));
        if (r.severity !== '' && String(r.severity) !== r.severityCell) set('severity', r.index, r.severity);
        if (r.qaPolicyFilled) set('qa_policy', r.index, r.qaPolicy);
        if (r.qaVerdict === 'escalate' && !r.escalateCell) set('escalate', r.index, escalateValues(lang)[0]);
        if (attribution && r.qaVerdict !== null && !r.inspector && !r.inspectedAt) {
          if (attribution.inspector) set('inspector', r.index, attribution.inspector);
          set('inspected_at', r.index, timestamp(attribution.now));
        }
      }
      if (!changes.size) return 0;
      const touched = new Set<number>();
      for (const [column, cellsOf] of changes) {
        // One array down the column from the first changed row to the last, chunked by the budget:
        // null leaves a cell as it is (R excel.range.yml `values`), so only these cells change.
        const indexes = [...cellsOf.keys()].sort((x, y) => x - y);
        const first = indexes[0];
        const cells: (CellValue | null)[][] = Array.from({ length: indexes[indexes.length - 1] - first + 1 }, () => [
          null,
        ]);
        for (const i of indexes) {
          cells[i - first] = [cellsOf.get(i)!];
          touched.add(i);
        }
        noteOwnWrite(name, { row: first + 1, column: at(column), rows: cells.length, columns: 1 });
        await writeRows(context, ws, first + 1, at(column), cells, inspectionSheet.isNumeric(column) ? [] : [0]);
      }
      await context.sync();
      return touched.size;
    });
  } catch (error) {
    throw toFlowError(error, inspectionSheetName(batch));
  }
}

export interface WatchOptions {
  /** Who is inspecting now and the time, asked at each change (the session's inspector; the clock). */
  attribution?: () => Attribution;
}

/**
 * Watches an inspection sheet for the session (see InspectionWatcher): whenever it changes (an
 * inspector typing or pasting into the QA columns) brings the rows up to date with the session's
 * inspector and time, through Worksheet.onChanged. Changes the
 * add-in makes to outcome cells are ignored, so it does not loop. Returns a function that stops
 * watching.
 */
export async function watchInspection(
  run: BatchRunner,
  batch: string,
  onRecomputed: (changed: number) => void,
  options: WatchOptions = {},
): Promise<() => Promise<void>> {
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
      onRecomputed(await recomputeOutcomes(run, batch, options.attribution?.()));
    } catch {
      // A request can fail for reasons outside this pane — on the web, another run deleting a
      // sheet fails the sync in flight (OfficeDev/office-js#6964). Nothing was written; the next
      // change or Refresh recomputes, so an event handler never ends in an unhandled rejection.
    } finally {
      busy = false;
    }
  };
  watched.set(sheet, (watched.get(sheet) ?? 0) + 1);
  const registration = await addSheetHandler(run, batch, (ws) => ws.onChanged.add(handler));
  // Office.js removes a handler through the context it was added in.
  return async () => {
    watched.set(sheet, (watched.get(sheet) ?? 1) - 1);
    registration.remove();
    await registration.context.sync();
  };
}
