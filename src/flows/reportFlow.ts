import { samplingPlan, type SamplingPlan } from '../core/iso2859/samplingPlan';
import type { Aql, InspectionLevel } from '../core/iso2859/planTables';
import { DEFECT_OUTCOMES } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { summarizeInspection, type InspectionSummary } from '../core/stats/summarizeInspection';
import { t, type MessageKey } from '../i18n';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { countInspection, recomputeOutcomes } from './inspectFlow';
import { readInspectionRows, toInspectedItems, type InspectionRow } from './inspectionRows';
import { queuePolicyLookup, type PolicyLookup } from './policyLookup';
import { readNamedColumns } from './readColumns';
import {
  inspectionLabel,
  locateInspectionColumns,
  outcomeLabel,
  type InspectionColumn,
} from './schema/inspectionSheet';
import { BATCHES_SHEET, inspectionSheetName, inspectionTableName, reportSheetName } from './sheets';
import { writeRows } from './writeTable';
import { batchParameters, readBatches, type BatchRecord } from './schema/batchesSheet';
import {
  REPORT,
  SUMMARY_ROWS,
  percentRows,
  reasonPolicyAt,
  recutArea,
  recutPivots,
  type SummaryRow,
} from './schema/reportLayout';
import { queueReasons, reasonName, type ReasonsInUse } from './reasonsFlow';

export interface ReportOptions {
  batch: string;
  lang?: Lang;
  /** Recompute stale outcome cells before reporting (default true). */
  recompute?: boolean;
}

export interface ReportResult {
  sheet: string;
  summary: InspectionSummary;
  /**
   * The lot's size: items (the add-in's draw takes one decision
   * per item), or decisions for a warehouse draw by decision.
   */
  lotSize: number;
  lotUnit: 'item' | 'decision';
  refreshed: boolean;
  /** Escalated items: QA verdict escalate or the escalate column (one count, as the Inspect page shows). */
  escalations: number;
  /** Inspected items whose QA verdict was contested, and those a lead overturned (now correct). */
  disputed: number;
  overturned: number;
  /** The weighted estimate is the headline (the weights of the inspected items differ). */
  weightedHeadline: boolean;
  /** The inspection state the report was built from (see reportStatus). */
  fingerprint: string;
  /** Rows that repeat a decision already on the sheet (another inspector's rows for the same items): counted once. */
  repeatedRows: number;
}

/**
 * One row per decision (item + moderator): the first inspected row of each, else its first row.
 * Rows pasted in by a second inspector for the same items are not extra sample items.
 */
export function oneRowPerDecision(rows: InspectionRow[]): { rows: InspectionRow[]; repeated: number } {
  const byDecision = new Map<string, InspectionRow>();
  for (const r of rows) {
    const key = `${r.itemId}\u001f${r.moderator}`;
    const kept = byDecision.get(key);
    if (!kept || (kept.qaVerdict === null && r.qaVerdict !== null)) byDecision.set(key, r);
  }
  const keep = new Set(byDecision.values());
  return { rows: rows.filter((r) => keep.has(r)), repeated: rows.length - keep.size };
}

const pivotName = (batch: string, id: string) => `${inspectionTableName(batch)}_${id}`;

/**
 * Builds or refreshes `QA Report <batch>`: the summary block (lot, sample, inspected, pending,
 * escalated, accuracy over inspected items with its 95% Wilson interval — or, when the weights of
 * a stratified or risk-weighted sample differ, the weighted estimate with its interval as the
 * headline —, error rates, Cohen's kappa on the verdict and on verdict + policy, the ISO 2859-1
 * plan and the lot's accept/reject decision), pivot tables of outcome by moderator, policy and
 * market (percent of the inspected items of each row; pending items are hidden), a chart of
 * error types and the escalation list, with labels in the report language. Refresh rewrites the
 * same sheet in place and refreshes the pivots, rebuilding any the saved file did not keep (a
 * file round trip may keep only their values); the inspection table is only read.
 */
export async function reportFlow(run: BatchRunner, options: ReportOptions): Promise<ReportResult> {
  try {
    return await report(run, options);
  } catch (error) {
    throw toFlowError(error, reportSheetName(options.batch));
  }
}

async function report(run: BatchRunner, options: ReportOptions): Promise<ReportResult> {
  const lang = options.lang ?? 'en';
  // Refresh first brings typed or pasted QA input's outcomes up to date (QA input itself is never touched).
  if (options.recompute !== false)
    await recomputeOutcomes(run, options.batch).catch((error: unknown) => {
      if ((error as FlowError).key !== 'flow.error.noBatch') throw error;
    });
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, lang);
  const inspection = inspectionSheetName(options.batch);
  const reportName = reportSheetName(options.batch);
  return run(async (context) => {
    const source = context.workbook.worksheets.getItemOrNullObject(inspection);
    source.load('name');
    const batches = context.workbook.worksheets.getItemOrNullObject(BATCHES_SHEET).getUsedRangeOrNullObject(true);
    batches.load('values');
    const existing = context.workbook.worksheets.getItemOrNullObject(reportName);
    const lookup = queuePolicyLookup(context);
    const reasonsLater = queueReasons(context);
    await context.sync();
    if (source.isNullObject) throw new FlowError('flow.error.noBatch', { sheet: inspection });
    const policies = lookup();
    // Chunked under the response budget: a 20,000-item batch read whole is several MB.
    const values = (await readNamedColumns(context, [source.name])).get(source.name);
    if (!values) throw new FlowError('flow.error.noBatch', { sheet: inspection });
    const { rows: allRows, header, lang: sheetLang } = readInspectionRows(values, policies);
    // Another inspector's rows for the same decisions count once (and the report says so).
    const { rows, repeated } = oneRowPerDecision(allRows);
    const batchRow = batches.isNullObject
      ? undefined
      : readBatches(batches.values as CellValue[][]).find((r) => r.batch === options.batch);
    const lotSize = Number(batchRow?.lot_size || rows.length) || rows.length;
    const plan = planOf(batchRow, lotSize);
    const summary = summarizeInspection(toInspectedItems(rows, policies, paramsOf(batchRow).strata), { plan });
    const counts = countInspection(rows);
    const refreshed = !existing.isNullObject;
    const ws = refreshed ? existing : context.workbook.worksheets.add(reportName);
    const weightedHeadline = summary.weighted.weightsDiffer;

    const pct = (x: number) => (Number.isFinite(x) ? x : '');
    const interval = (w: [number, number]) => `${fmt(w[0])} – ${fmt(w[1])}`;
    const kappa = (k: number) => (Number.isFinite(k) ? Math.round(k * 1000) / 1000 : '');
    const decisionText = !summary.lotDecision
      ? ''
      : summary.lotDecision.decision === 'undecided'
        ? L('report.decision.undecided', { defects: summary.defects })
        : L(summary.lotDecision.decision === 'accept' ? 'report.decision.accept' : 'report.decision.reject');
    const disputed = rows.filter((r) => r.dispute !== '' && r.qaVerdict !== null).length;
    const overturned = rows.filter((r) => r.settlement === 'overturned' && r.qaVerdict !== null).length;
    const headline = weightedHeadline
      ? summary.weighted
      : { estimate: summary.accuracy.rate, interval: summary.accuracy.wilson };
    const fingerprint = inspectionFingerprint(values);
    const params = paramsOf(batchRow);
    const summaryCells: Record<SummaryRow, [string, CellValue]> = {
      title: [L('report.title', { batch: options.batch }), ''],
      lotSize: [L(params.unit === 'decision' ? 'report.lotSizeDecisions' : 'report.lotSize'), lotSize],
      sampleSize: [L('report.sampleSize'), summary.sampleSize],
      inspected: [L('report.inspected'), summary.inspected],
      pending: [L('report.pending'), summary.pending],
      escalated: [L('report.escalated'), counts.escalated],
      headline: [L(weightedHeadline ? 'report.accuracyWeightedHeadline' : 'report.accuracy'), pct(headline.estimate)],
      headlineInterval: [
        L(weightedHeadline ? 'report.weightedInterval' : 'report.interval'),
        interval(headline.interval),
      ],
      accuracyUnweighted: [L('report.accuracyUnweighted'), pct(summary.accuracy.rate)],
      weightedAccuracy: [L('report.weightedAccuracy'), pct(summary.weighted.estimate)],
      weightedInterval: [L('report.weightedInterval'), interval(summary.weighted.interval)],
      overEnforcement: [L('report.overEnforcement'), pct(summary.errorRates.over_enforcement.rate)],
      underEnforcement: [L('report.underEnforcement'), pct(summary.errorRates.under_enforcement.rate)],
      wrongPolicy: [L('report.wrongPolicy'), pct(summary.errorRates.wrong_policy.rate)],
      wrongAction: [L('report.wrongAction'), pct(summary.errorRates.wrong_action.rate)],
      kappa: [L('report.kappa'), kappa(summary.kappa)],
      kappaWithPolicy: [L('report.kappaWithPolicy'), kappa(summary.kappaWithPolicy)],
      plan: [
        L('report.plan'),
        plan
          ? L('report.planValue', {
              level: String(params.level ?? ''),
              aql: String(params.aql ?? ''),
              letter: plan.letter,
              n: plan.sampleSize,
              ac: plan.accept,
              re: plan.reject,
            })
          : '',
      ],
      decision: [L('report.decision'), decisionText],
      weightedMethod: [L('report.weightedMethod'), L('report.weightedMethodValue')],
      fingerprint: [L('report.fingerprint'), fingerprint],
    };
    const block: CellValue[][] = SUMMARY_ROWS.map((r) => summaryCells[r]);
    // Summary labels are our own text; values from the sheet never start a formula here.
    await writeRows(context, ws, REPORT.summary.row, REPORT.summary.column, block, [0, 1]);
    // Disputes beside the summary (the summary block keeps its 21 rows: the fingerprint stays at B21).
    // Our own labels and two counts: no untrusted text, so no escaping request of their own.
    ws.getRangeByIndexes(REPORT.disputes.row, REPORT.disputes.column, 3, 2).values = [
      [L('report.disputed'), disputed],
      [L('report.overturned'), overturned],
      [repeated ? L('report.repeatedRows', { count: repeated, sheet: inspection }) : '', ''],
    ];
    for (const r of percentRows())
      ws.getRangeByIndexes(REPORT.summary.row + r, REPORT.summary.column + 1, 1, 1).numberFormat = [['0.0%']];
    ws.getRange('A1').format.font.bold = true;
    ws.getRange('A:A').format.columnWidth = 260;
    ws.getRange('B:B').format.columnWidth = 200;

    const errors: CellValue[][] = [
      [L('report.errorTypes'), '#'],
      ...DEFECT_OUTCOMES.map((o) => [L(`outcome.${o}` as MessageKey), summary.outcomes[o]]),
    ];
    await writeRows(context, ws, REPORT.errorTable.row, REPORT.errorTable.column, errors, [0]);
    await writeReasonTables(context, ws, rows, await reasonsLater(), L, lang);
    const escalated = rows.filter((r) => r.escalate);
    await writeEscalations(context, ws, escalated, L, lang, policies);
    const pending = outcomeLabel('pending', sheetLang);
    const pivots = [
      ...(await writePivots(context, ws, options.batch, header, refreshed, L)),
      ...(await writeRecutPivots(context, ws, options.batch, header, refreshed, L)),
    ];
    // Pending items are not inspected: hidden, so each row's percentages are over its inspected items
    // (again after a file round trip, which may not keep an item's visibility). One request for all.
    await hidePendingItems(
      context,
      pivots,
      header[locateInspectionColumns(header).at('outcome')] ?? 'outcome',
      pending,
    );
    const charts = ws.charts;
    if (refreshed) charts.load('items/name');
    await context.sync();
    if (!refreshed || charts.items.length === 0) {
      const chart = ws.charts.add(
        'ColumnClustered' as Excel.ChartType,
        ws.getRangeByIndexes(REPORT.errorTable.row, REPORT.errorTable.column, errors.length, 2),
        'Columns' as Excel.ChartSeriesBy,
      );
      chart.title.text = L('report.errorTypes');
      // Beside the error table, above the pivots.
      chart.setPosition(REPORT.chart.from, REPORT.chart.to);
      await context.sync();
    }
    return {
      sheet: reportName,
      summary,
      lotSize,
      lotUnit: params.unit,
      refreshed,
      escalations: escalated.length,
      weightedHeadline,
      fingerprint,
      disputed,
      overturned,
      repeatedRows: repeated,
    };
  });
}

/**
 * Adds the pivots, or refreshes them when they are all there. Any missing (a file that kept
 * only their values) means the area is cleared and every pivot is built again, so a report
 * refreshes whatever the saved file kept.
 */
/** A pivot of the inspection table: one field down, the outcome across, items counted. */
function addOutcomePivot(
  ws: Excel.Worksheet,
  table: Excel.Table,
  name: string,
  at: string | Excel.Range,
  rowField: string,
  field: (c: InspectionColumn) => string,
) {
  const pivot = ws.pivotTables.add(name, table as unknown as Excel.Range, at);
  // A refresh would otherwise reformat the pivot and reset the
  // report's column widths (R excel.pivotlayout.yml `autoFormat`).
  pivot.layout.autoFormat = false;
  pivot.rowHierarchies.add(pivot.hierarchies.getItem(rowField));
  pivot.columnHierarchies.add(pivot.hierarchies.getItem(field('outcome')));
  const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(field('item_id')));
  data.summarizeBy = 'Count' as Excel.AggregationFunction;
  return { pivot, data };
}

/** Hides the pending outcome in pivots, so each row's figures are over its inspected items. */
async function hidePendingItems(
  context: Excel.RequestContext,
  pivots: Excel.PivotTable[],
  outcome: string,
  pendingLabel: string,
): Promise<void> {
  const items = pivots.map((pivot) =>
    pivot.columnHierarchies.getItem(outcome).fields.getItem(outcome).items.getItemOrNullObject(pendingLabel),
  );
  await context.sync();
  for (const item of items) if (!item.isNullObject) item.visible = false;
}

async function writePivots(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  batch: string,
  header: string[],
  refreshed: boolean,
  L: (k: MessageKey) => string,
): Promise<Excel.PivotTable[]> {
  const found = refreshed ? REPORT.pivots.map((p) => ws.pivotTables.getItemOrNullObject(pivotName(batch, p.id))) : [];
  const area = ws.getUsedRangeOrNullObject();
  if (refreshed) {
    area.load('rowIndex, rowCount');
    await context.sync();
  }
  // The sheet's own header names the fields (English field names or Japanese labels).
  const field = (c: InspectionColumn) => header[locateInspectionColumns(header).at(c)] ?? c;
  if (refreshed && found.every((p) => !p.isNullObject)) {
    for (const p of found) p.refresh();
    return found;
  }
  for (const p of found) if (!p.isNullObject) p.delete();
  if (refreshed && !area.isNullObject) {
    const last = area.rowIndex + area.rowCount;
    if (last > REPORT.pivotArea.row)
      ws.getRangeByIndexes(
        REPORT.pivotArea.row,
        REPORT.pivotArea.column,
        last - REPORT.pivotArea.row,
        REPORT.pivotArea.columnCount,
      ).clear('All' as Excel.ClearApplyTo);
  }
  // The inspection sheet's own table (one per sheet), whatever rule named it.
  const table = context.workbook.worksheets.getItem(inspectionSheetName(batch)).tables.getItemAt(0);
  const added = REPORT.pivots.map((p) => {
    ws.getRange(p.at).getOffsetRange(-1, 0).values = [[L(p.label)]];
    const { pivot, data } = addOutcomePivot(ws, table, pivotName(batch, p.id), p.at, field(p.field), field);
    data.showAs = { calculation: 'PercentOfRowTotal' } as Excel.ShowAsRule;
    data.name = L('report.percentOfInspected');
    return pivot;
  });
  return added;
}

/** Whether the host has ExcelApi 1.10 (slicers), checked at run time; false outside Office (the embedded workbook). */
function slicersSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', '1.10'));
  } catch {
    return false;
  }
}

/** Errors by reason (D9) and by reason and policy (CI1), reasons in the report language; rewritten on refresh. */
async function writeReasonTables(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  rows: InspectionRow[],
  reasons: ReasonsInUse,
  L: (k: MessageKey) => string,
  lang: Lang,
): Promise<void> {
  const { reasonTable, reasonRows: kept } = REPORT;
  const reasonPolicy = reasonPolicyAt();
  ws.getRangeByIndexes(reasonTable.row, reasonTable.column, kept, 2).clear('Contents' as Excel.ClearApplyTo);
  ws.getRangeByIndexes(reasonPolicy.row, reasonPolicy.column, kept, 3).clear('Contents' as Excel.ClearApplyTo);
  const errors = rows.filter((r) => DEFECT_OUTCOMES.includes(r.outcome));
  const name = (code: string) => (code ? reasonName(reasons.reasons, code, lang) : L('report.noReason'));
  const byReason = new Map<string, number>();
  const byReasonPolicy = new Map<string, number>();
  for (const r of errors) {
    byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    const key = JSON.stringify([r.reason, r.qaPolicy || r.policy]);
    byReasonPolicy.set(key, (byReasonPolicy.get(key) ?? 0) + 1);
  }
  // The sheet's reasons in their order, then codes no longer listed, then "no reason".
  const order = [
    ...reasons.reasons.map((r) => r.code),
    ...[...byReason.keys()].filter((c) => c && !reasons.reasons.some((r) => r.code === c)),
    '',
  ];
  const reasonRows: CellValue[][] = [
    [L('report.byReason'), '#'],
    ...order.filter((c) => byReason.has(c) || c !== '').map((c) => [name(c), byReason.get(c) ?? 0]),
  ];
  await writeRows(context, ws, reasonTable.row, reasonTable.column, reasonRows.slice(0, kept), [0]);
  const pairs = [...byReasonPolicy.entries()]
    .map(([k, n]) => [...(JSON.parse(k) as [string, string]), n] as [string, string, number])
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]) || a[1].localeCompare(b[1]));
  const pairRows: CellValue[][] = [
    [L('report.reasonByPolicy'), '', ''],
    ...pairs.map(([reason, policy, n]) => [name(reason), policy, n]),
  ];
  await writeRows(context, ws, reasonPolicy.row, reasonPolicy.column, pairRows.slice(0, kept), [0, 1]);
}

/**
 * The re-cut pivots (outcome by queue, language, inspector, week and reason), each with the others
 * as slicers (ExcelApi 1.10) or filter fields; refreshed when all are there, else rebuilt (a file
 * round trip may have kept only their values). A sheet drawn before a column existed gets only the
 * pivots of the columns it has.
 */
async function writeRecutPivots(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  batch: string,
  header: string[],
  refreshed: boolean,
  L: (k: MessageKey, p?: Record<string, string | number>) => string,
): Promise<Excel.PivotTable[]> {
  const { at } = locateInspectionColumns(header);
  const present = recutPivots().filter((p) => at(p.field) >= 0);
  const field = (c: InspectionColumn) => header[at(c)] ?? c;
  const found = refreshed ? present.map((p) => ws.pivotTables.getItemOrNullObject(pivotName(batch, p.id))) : [];
  if (refreshed) await context.sync();
  if (refreshed && found.every((p) => !p.isNullObject)) {
    for (const p of found) p.refresh();
    return found;
  }
  for (const p of found) if (!p.isNullObject) p.delete();
  const area = recutArea();
  if (refreshed)
    ws.getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount).clear('All' as Excel.ClearApplyTo);
  const table = context.workbook.worksheets.getItem(inspectionSheetName(batch)).tables.getItemAt(0);
  const slicers = slicersSupported();
  const fields = present.map((p) => p.field);
  const added: Excel.PivotTable[] = [];
  for (const p of present) {
    ws.getRangeByIndexes(p.row - 1, p.column, 1, 1).values = [[L('report.recut', { field: p.field })]];
    const { pivot } = addOutcomePivot(
      ws,
      table,
      pivotName(batch, p.id),
      ws.getRangeByIndexes(p.row, p.column, 1, 1),
      field(p.field),
      field,
    );
    // ExcelApi 1.10: slicers beside the pivot; elsewhere the other re-cut fields as filter fields.
    for (const f of fields.filter((f) => f !== p.field)) {
      if (slicers) context.workbook.slicers.add(pivot as unknown as Excel.PivotTable, field(f), ws);
      else pivot.filterHierarchies.add(pivot.hierarchies.getItem(field(f)));
    }
    added.push(pivot);
  }
  ws.getRangeByIndexes(REPORT.recut.noteRow, REPORT.recut.column, 1, 1).values = [[L('report.filters')]];
  return added;
}

/**
 * A short fingerprint of an inspection sheet's content (FNV-1a over its cells): the report keeps
 * the one it was built from, so the pane and the CLI can tell when any edit has made it stale.
 */
export function inspectionFingerprint(values: readonly (readonly CellValue[])[]): string {
  // Trailing empty cells and rows do not count: a used range trims them, a table read keeps them.
  const width = (row: readonly CellValue[]) => {
    let n = row.length;
    while (n > 0 && (row[n - 1] === '' || row[n - 1] === null || row[n - 1] === undefined)) n--;
    return n;
  };
  let rows = values.length;
  while (rows > 0 && width(values[rows - 1]) === 0) rows--;
  let h = 0x811c9dc5;
  for (const row of values.slice(0, rows)) {
    for (const v of row.slice(0, width(row))) {
      const text = `${String(v)}\u0001`;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
    }
    h = Math.imul(h ^ 0x0a, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export type ReportStatus = 'none' | 'current' | 'stale';

/**
 * Whether a batch's report is missing, current, or stale (the inspection sheet changed since it
 * was built: a verdict typed in the grid, a save in the pane, a co-author's edit). Two syncs.
 */
export async function reportStatus(run: BatchRunner, batch: string): Promise<ReportStatus> {
  try {
    return await run(async (context) => {
      const used = context.workbook.worksheets
        .getItemOrNullObject(inspectionSheetName(batch))
        .getUsedRangeOrNullObject(true);
      used.load('values');
      const report = context.workbook.worksheets.getItemOrNullObject(reportSheetName(batch));
      await context.sync();
      if (report.isNullObject) return 'none';
      const kept = report.getRangeByIndexes(REPORT.fingerprint.row, REPORT.fingerprint.column, 1, 1);
      kept.load('values');
      await context.sync();
      if (used.isNullObject) return 'stale';
      return String((kept.values as CellValue[][])[0][0]) === inspectionFingerprint(used.values as CellValue[][])
        ? 'current'
        : 'stale';
    });
  } catch (error) {
    throw toFlowError(error, reportSheetName(batch));
  }
}

async function writeEscalations(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  rows: InspectionRow[],
  L: (k: MessageKey) => string,
  lang: Lang,
  policies: PolicyLookup,
): Promise<void> {
  // Clear the previous list (a refresh may have fewer rows), then write the current one.
  const { escalations: at, escalationColumns: columns, escalationRows } = REPORT;
  const pad = (first: string) => [first, ...columns.slice(1).map(() => '')];
  ws.getRangeByIndexes(at.row, at.column, escalationRows, columns.length).clear('Contents' as Excel.ClearApplyTo);
  const list: CellValue[][] = [pad(L('report.escalations')), columns.map((c) => inspectionLabel(c, lang))];
  if (rows.length === 0) list.push(pad(L('report.noEscalations')));
  const verdictText = (r: InspectionRow) =>
    r.qaVerdict === 'escalate'
      ? L('report.awaitingDecision')
      : r.qaVerdict
        ? L(`verdict.${r.qaVerdict}` as MessageKey)
        : '';
  const cellOf = (r: InspectionRow, c: (typeof columns)[number]) =>
    c === 'policy' ? policies.name(r.qaPolicy || r.policy, lang) : c === 'qa_verdict' ? verdictText(r) : r.cells[c];
  for (const r of rows.slice(0, escalationRows - 10)) list.push(columns.map((c) => cellOf(r, c)));
  await writeRows(
    context,
    ws,
    at.row,
    at.column,
    list,
    columns.map((_, i) => i),
  );
}

function paramsOf(batchRow: BatchRecord | undefined): {
  level?: InspectionLevel;
  aql?: Aql;
  strata: string[];
  unit: 'item' | 'decision';
} {
  const p = batchParameters(batchRow);
  const strata = Array.isArray(p.strata) ? p.strata.map(String) : [];
  // The add-in's own draw takes one decision per item; a warehouse draw says which unit it counted.
  const unit = p.source?.unit === 'decision' ? 'decision' : 'item';
  return p.size?.kind === 'iso2859' ? { level: p.size.level, aql: p.size.aql, strata, unit } : { strata, unit };
}

function planOf(batchRow: BatchRecord | undefined, lotSize: number): SamplingPlan | undefined {
  const { level, aql } = paramsOf(batchRow);
  if (!level || !aql || lotSize < 2) return undefined;
  return samplingPlan({ lotSize, level, aql });
}

const fmt = (x: number) => `${(x * 100).toFixed(1)}%`;
