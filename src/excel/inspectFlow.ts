import { isEnforcing, type CellValue, type Lang, type Verdict } from '../core/model';
import { classifyOutcome } from '../core/stats/classifyOutcome';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { readInspectionRows, type InspectionRow } from './inspectionRows';
import { queuePolicyLookup, type PolicyLookup } from './policyLookup';
import { col, escalateValues, outcomeLabel } from './schema/inspectionSheet';
import { inspectionSheetName } from './sheets';

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

interface ReadSheet {
  rows: InspectionRow[];
  lang: Lang;
  policies: PolicyLookup;
}

async function readRows(context: Excel.RequestContext, batch: string): Promise<ReadSheet> {
  const sheet = inspectionSheetName(batch);
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values');
  const lookup = queuePolicyLookup(context);
  await context.sync();
  if (ws.isNullObject || used.isNullObject) throw new FlowError('flow.error.noBatch', { sheet });
  const policies = lookup();
  const { rows, lang } = readInspectionRows(used.values as CellValue[][], policies);
  return { rows, lang, policies };
}

/** Where a batch stands, counted one way everywhere (pane, report, CLI). */
export function countInspection(rows: readonly InspectionRow[]): Pick<InspectionState, 'total' | 'inspected' | 'escalated' | 'awaitingDecision'> {
  return {
    total: rows.length,
    inspected: rows.filter((r) => r.outcome !== 'pending').length,
    escalated: rows.filter((r) => r.escalate).length,
    awaitingDecision: rows.filter((r) => r.qaVerdict === 'escalate').length,
  };
}

/**
 * Where the inspection stands and which item comes next (the first one without a QA verdict at
 * or after `from`, wrapping around). One sync.
 */
export async function inspectionState(run: BatchRunner, batch: string, from = 0): Promise<InspectionState> {
  try {
    return await run(async (context) => {
      const { rows, lang } = await readRows(context, batch);
      const open = (r: InspectionRow) => r.qaVerdict === null;
      const next = rows.slice(from).find(open) ?? rows.slice(0, from).find(open);
      return { rows, ...countInspection(rows), next, lang };
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
}

const timestamp = (now: number) => new Date(now).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Saves one inspector's decision on row `index` (0-based among the data rows): QA verdict and
 * policy, comment, escalate (a verdict of escalate is an escalation too), inspector,
 * inspected_at, and the outcome and severity it implies. One request, so an interruption loses
 * nothing already saved. Returns the outcome.
 */
export async function saveQaDecision(run: BatchRunner, batch: string, index: number, decision: QaDecision): Promise<string> {
  try {
    return await run(async (context) => {
      const { rows, lang, policies } = await readRows(context, batch);
      const row = rows[index];
      if (!row) throw new FlowError('flow.error.noBatch', { sheet: inspectionSheetName(batch) });
      const qaPolicy = decision.qaPolicy || (decision.qaVerdict === row.verdict && isEnforcing(decision.qaVerdict) ? row.policy : '');
      const outcome = classifyOutcome({ verdict: row.verdict, policy: row.policy }, { verdict: decision.qaVerdict, policy: qaPolicy }, policies.code);
      const severities = [row.policy, isEnforcing(decision.qaVerdict) ? qaPolicy : ''].map((p) => (p ? policies.severity(p) : undefined)).filter((x): x is number => x !== undefined);
      const severity = severities.length ? Math.max(...severities) : row.severity;
      const escalate = decision.escalate || decision.qaVerdict === 'escalate';
      const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
      const first = col('qa_verdict');
      // qa_verdict … inspected_at are adjacent: one write, text-formatted first.
      const values: CellValue[] = [decision.qaVerdict, qaPolicy, outcomeLabel(outcome, lang), severity, decision.comment ?? '', escalate ? escalateValues(lang)[0] : '', decision.inspector, timestamp(decision.now)];
      const target = ws.getRangeByIndexes(index + 1, first, 1, values.length);
      target.numberFormat = [values.map((_, i) => (i === 3 ? 'General' : '@'))];
      target.values = [values];
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
      const { rows, lang } = await readRows(context, batch);
      const ws = context.workbook.worksheets.getItem(inspectionSheetName(batch));
      const text = (r: InspectionRow, column: Parameters<typeof col>[0], value: CellValue) => {
        const cell = ws.getRangeByIndexes(r.index + 1, col(column), 1, 1);
        cell.numberFormat = [[typeof value === 'number' ? 'General' : '@']];
        cell.values = [[value]];
      };
      let changed = 0;
      for (const r of rows) {
        let touched = false;
        const set = (column: Parameters<typeof col>[0], value: CellValue) => {
          text(r, column, value);
          touched = true;
        };
        if (r.outcomeCell !== r.outcome) set('outcome', outcomeLabel(r.outcome, lang));
        if (r.severity !== '' && String(r.severity) !== r.severityCell) set('severity', r.severity);
        if (r.qaPolicyFilled) set('qa_policy', r.qaPolicy);
        if (r.qaVerdict === 'escalate' && !r.escalateCell) set('escalate', escalateValues(lang)[0]);
        if (attribution && r.qaVerdict !== null && !r.inspector && !r.inspectedAt) {
          if (attribution.inspector) set('inspector', attribution.inspector);
          set('inspected_at', timestamp(attribution.now));
        }
        if (touched) changed++;
      }
      if (changed) await context.sync();
      return changed;
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
 * Watches an inspection sheet for the session (not for one page): whenever it changes (an
 * inspector typing or pasting into the QA columns), brings the row up to date through
 * recomputeOutcomes, with the session's inspector and time, via Worksheet.onChanged. The
 * add-in's own writes are ignored, so it does not loop. Returns a function that stops watching.
 */
export async function watchInspection(run: BatchRunner, batch: string, onRecomputed: (changed: number) => void, options: WatchOptions = {}): Promise<() => Promise<void>> {
  let busy = false;
  const handler = async () => {
    // A change made while we write (our own writes) is ours: skipped.
    if (busy) return;
    busy = true;
    try {
      onRecomputed(await recomputeOutcomes(run, batch, options.attribution?.()));
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
