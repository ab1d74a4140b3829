/**
 * `QA Batches`, the audit trail: one row per batch. The header is written with the column names
 * in every language (the trail is read by other tools and by formulas); Japanese labels are read too.
 */
import type { Aql, InspectionLevel } from '../../core/iso2859/planTables';
import type { CellValue } from '../../excelSpec';
import { BATCHES_SHEET } from '../sheets';
import { defineSheet } from './sheetSchema';

export const batchesSheet = defineSheet(BATCHES_SHEET, [
  { name: 'batch', ja: 'バッチ' },
  { name: 'created_at', ja: '作成日時' },
  { name: 'created_by', ja: '作成者' },
  { name: 'source_sheet', ja: '元のシート' },
  { name: 'method', ja: '抽出方法' },
  { name: 'parameters', ja: 'パラメーター' },
  { name: 'seed', ja: 'シード' },
  { name: 'lot_size', ja: 'ロットサイズ', numeric: true },
  { name: 'sample_size', ja: 'サンプルサイズ', numeric: true },
  { name: 'plan_letter', ja: 'サンプル文字' },
  { name: 'accept', ja: '合格判定数', numeric: true },
  { name: 'reject', ja: '不合格判定数', numeric: true },
  { name: 'sheet', ja: 'シート' },
]);
export type BatchColumn = ReturnType<typeof batchesSheet.names>[number];
export type BatchRecord = Record<BatchColumn, string>;

/** The parameters column: the draw's options as JSON (what the report, trends and the pane read back). */
export interface BatchParameters {
  unit?: string;
  size?: { kind?: string; level?: InspectionLevel; aql?: Aql };
  strata?: unknown;
  /** A sample drawn outside the workbook: where its lot came from, and the unit it counted. */
  source?: { unit?: string };
  blind?: unknown;
  calibration?: unknown;
  inspector?: unknown;
}

/** A batch's parameters; {} when the cell is empty or unreadable (an edited cell). */
export function batchParameters(record: Pick<BatchRecord, 'parameters'> | undefined): BatchParameters {
  try {
    const p = JSON.parse(record?.parameters || '{}') as unknown;
    return p && typeof p === 'object' ? (p as BatchParameters) : {};
  } catch {
    return {};
  }
}

/** The batches as QA Batches lists them (rows without a batch name left out), in sheet order. */
export function readBatches(values: readonly (readonly CellValue[])[]): BatchRecord[] {
  return batchesSheet.records(values).filter((r) => r.batch !== '');
}
