import { samplingPlan, type SamplingPlan } from '../core/iso2859/samplingPlan';
import type { Aql, InspectionLevel } from '../core/iso2859/planTables';
import { DEFECT_OUTCOMES, type CellValue, type Lang } from '../core/model';
import { summarizeInspection, type InspectionSummary } from '../core/stats/summarizeInspection';
import { t, type MessageKey } from '../i18n';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { recomputeOutcomes } from './inspectFlow';
import { readInspectionRows, toInspectedItems, type InspectionRow } from './inspectionRows';
import { readNamedColumns } from './readColumns';
import { BATCHES_SHEET, inspectionSheetName, inspectionTableName, reportSheetName } from './sheets';
import { writeRows } from './writeTable';

export interface ReportOptions {
  batch: string;
  lang?: Lang;
  /** Recompute stale outcome cells before reporting (default true). */
  recompute?: boolean;
}

export interface ReportResult {
  sheet: string;
  summary: InspectionSummary;
  lotSize: number;
  refreshed: boolean;
  escalations: number;
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

const PIVOTS = [
  { id: 'byModerator', field: 'moderator', label: 'report.byModerator', at: 'A24' },
  { id: 'byPolicy', field: 'policy', label: 'report.byPolicy', at: 'K24' },
  { id: 'byMarket', field: 'market', label: 'report.byMarket', at: 'U24' },
] as const;
const ERROR_TABLE_AT = { row: 0, column: 3 }; // D1
const ESCALATIONS_AT = { row: 0, column: 30 }; // AE1

/**
 * Builds or refreshes `QA Report <batch>`: the summary block (lot, sample, inspected, accuracy
 * with its 95% Wilson interval, error rates, Cohen's kappa, the ISO 2859-1 plan and the lot's
 * accept/reject decision, a weighted accuracy for stratified or risk-weighted samples), pivot
 * tables of outcome by moderator, policy and market (percent of row), a chart of error types and
 * the escalation list, with labels in the report language. Refresh rewrites the same sheet in
 * place and refreshes the pivots; the inspection table is only read.
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
  if (options.recompute !== false) await recomputeOutcomes(run, options.batch).catch((error: unknown) => {
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
    await context.sync();
    if (source.isNullObject) throw new FlowError('flow.error.noBatch', { sheet: inspection });
    // Chunked under the response budget: a 20,000-item batch read whole is several MB.
    const values = (await readNamedColumns(context, [source.name])).get(source.name);
    if (!values) throw new FlowError('flow.error.noBatch', { sheet: inspection });
    const { rows: allRows } = readInspectionRows(values);
    const { rows, repeated } = oneRowPerDecision(allRows);
    const batchRow = batches.isNullObject ? undefined : (batches.values as CellValue[][]).find((r) => String(r[0]) === options.batch);
    const lotSize = Number(batchRow?.[7] ?? rows.length) || rows.length;
    const plan = planOf(batchRow, lotSize);
    const summary = summarizeInspection(toInspectedItems(rows), { plan });
    const refreshed = !existing.isNullObject;
    const ws = refreshed ? existing : context.workbook.worksheets.add(reportName);

    const pct = (x: number) => (Number.isFinite(x) ? x : '');
    const decisionText = !summary.lotDecision ? '' : summary.lotDecision.decision === 'undecided' ? L('report.decision.undecided', { defects: summary.defects }) : L(summary.lotDecision.decision === 'accept' ? 'report.decision.accept' : 'report.decision.reject');
    const block: CellValue[][] = [
      [L('report.title', { batch: options.batch }), ''],
      [L('report.lotSize'), lotSize],
      [L('report.sampleSize'), summary.sampleSize],
      [L('report.inspected'), summary.inspected],
      [L('report.accuracy'), pct(summary.accuracy.rate)],
      [L('report.interval'), `${fmt(summary.accuracy.wilson[0])} – ${fmt(summary.accuracy.wilson[1])}`],
      [L('report.overEnforcement'), pct(summary.errorRates.over_enforcement.rate)],
      [L('report.underEnforcement'), pct(summary.errorRates.under_enforcement.rate)],
      [L('report.wrongPolicy'), pct(summary.errorRates.wrong_policy.rate)],
      [L('report.wrongAction'), pct(summary.errorRates.wrong_action.rate)],
      [L('report.kappa'), Number.isFinite(summary.kappa) ? Math.round(summary.kappa * 1000) / 1000 : ''],
      [L('report.weightedAccuracy'), pct(summary.weightedAccuracy)],
      [L('report.plan'), plan ? L('report.planValue', { level: String(paramsOf(batchRow).level ?? ''), aql: String(paramsOf(batchRow).aql ?? ''), letter: plan.letter, n: plan.sampleSize, ac: plan.accept, re: plan.reject }) : ''],
      [L('report.decision'), decisionText],
      ...(repeated ? [[L('report.repeatedRows', { count: repeated, sheet: inspection }), '']] : []),
    ];
    // Summary labels are our own text; values from the sheet never start a formula here.
    await writeRows(context, ws, 0, 0, block, [0]);
    const percentRows = [4, 6, 7, 8, 9, 11];
    for (const r of percentRows) ws.getRangeByIndexes(r, 1, 1, 1).numberFormat = [['0.0%']];
    ws.getRange('A1').format.font.bold = true;
    ws.getRange('A:A').format.columnWidth = 260;
    ws.getRange('B:B').format.columnWidth = 200;

    const errors: CellValue[][] = [[L('report.errorTypes'), '#'], ...DEFECT_OUTCOMES.map((o) => [L(`outcome.${o}` as MessageKey), summary.outcomes[o]])];
    await writeRows(context, ws, ERROR_TABLE_AT.row, ERROR_TABLE_AT.column, errors, [0]);
    const escalated = rows.filter((r) => r.escalate || r.qaVerdict === 'escalate');
    await writeEscalations(context, ws, escalated, L);

    if (!refreshed) {
      // The inspection sheet's own table (one per sheet), whatever rule named it.
      const table = context.workbook.worksheets.getItem(inspectionSheetName(options.batch)).tables.getItemAt(0);
      for (const p of PIVOTS) {
        const title = ws.getRange(p.at).getOffsetRange(-1, 0);
        title.values = [[L(p.label)]];
        const pivot = ws.pivotTables.add(`${inspectionTableName(options.batch)}_${p.id}`, table as unknown as Excel.Range, p.at);
        // A refresh would otherwise reformat the pivot and reset the report's column widths (R excel.pivotlayout.yml `autoFormat`).
        pivot.layout.autoFormat = false;
        pivot.rowHierarchies.add(pivot.hierarchies.getItem(p.field));
        pivot.columnHierarchies.add(pivot.hierarchies.getItem('outcome'));
        const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem('item_id'));
        data.summarizeBy = 'Count' as Excel.AggregationFunction;
        data.showAs = { calculation: 'PercentOfRowTotal' } as Excel.ShowAsRule;
      }
      const chart = ws.charts.add('ColumnClustered' as Excel.ChartType, ws.getRangeByIndexes(ERROR_TABLE_AT.row, ERROR_TABLE_AT.column, errors.length, 2), 'Columns' as Excel.ChartSeriesBy);
      chart.title.text = L('report.errorTypes');
    } else {
      for (const p of PIVOTS) ws.pivotTables.getItem(`${inspectionTableName(options.batch)}_${p.id}`).refresh();
    }
    await context.sync();
    return { sheet: reportName, summary, lotSize, refreshed, escalations: escalated.length, repeatedRows: repeated };
  });
}

async function writeEscalations(context: Excel.RequestContext, ws: Excel.Worksheet, rows: InspectionRow[], L: (k: MessageKey) => string): Promise<void> {
  // Clear the previous list (a refresh may have fewer rows), then write the current one.
  ws.getRangeByIndexes(ESCALATIONS_AT.row, ESCALATIONS_AT.column, 2000, 5).clear('Contents' as Excel.ClearApplyTo);
  const list: CellValue[][] = [[L('report.escalations'), '', '', '', ''], ['item_id', 'moderator', 'policy', 'qa_comment', 'url']];
  if (rows.length === 0) list.push([L('report.noEscalations'), '', '', '', '']);
  for (const r of rows.slice(0, 1990)) list.push([r.itemId, r.moderator, r.qaPolicy || r.policy, r.qaComment, r.url]);
  await writeRows(context, ws, ESCALATIONS_AT.row, ESCALATIONS_AT.column, list, [0, 1, 2, 3, 4]);
}

function paramsOf(batchRow: CellValue[] | undefined): { level?: InspectionLevel; aql?: Aql } {
  try {
    const p = JSON.parse(String(batchRow?.[5] ?? '{}')) as { size?: { kind?: string; level?: InspectionLevel; aql?: Aql } };
    return p.size?.kind === 'iso2859' ? { level: p.size.level, aql: p.size.aql } : {};
  } catch {
    return {};
  }
}

function planOf(batchRow: CellValue[] | undefined, lotSize: number): SamplingPlan | undefined {
  const { level, aql } = paramsOf(batchRow);
  if (!level || !aql || lotSize < 2) return undefined;
  return samplingPlan({ lotSize, level, aql });
}

const fmt = (x: number) => `${(x * 100).toFixed(1)}%`;
