import type { CellValue } from '../excelSpec';
import { toFlowError, type BatchRunner } from './host';
import { batchParameters, readBatches } from './schema/batchesSheet';
import { BATCHES_SHEET, inspectionSheetName, reportSheetName } from './sheets';

/** One batch as `QA Batches` records it, and whether its sheets are still in the workbook. */
export interface BatchInfo {
  batch: string;
  createdAt: string;
  method: string;
  seed: string;
  lotSize: number;
  sampleSize: number;
  planLetter: string;
  sheet: string;
  hasSheet: boolean;
  hasReport: boolean;
  /** Blind review: the pane hides the moderator's decision until the inspector saves. */
  blind: boolean;
  /** The calibration batch this one belongs to ('' for an ordinary batch) and the inspector it is assigned to. */
  calibration: string;
  assignedInspector: string;
}

/**
 * The batches of this workbook, newest first (the Inspect and Report pages pick from them). One
 * sync; an absent `QA Batches` sheet means no batch yet.
 */
export async function listBatches(run: BatchRunner): Promise<BatchInfo[]> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const used = sheets.getItemOrNullObject(BATCHES_SHEET).getUsedRangeOrNullObject(true);
      used.load('values');
      await context.sync();
      if (used.isNullObject) return [];
      const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      return readBatches(used.values as CellValue[][])
        .map((row) => {
          const batch = row.batch;
          const p = batchParameters(row);
          return {
            blind: p.blind === true,
            calibration: typeof p.calibration === 'string' ? p.calibration : '',
            assignedInspector: typeof p.inspector === 'string' ? p.inspector : '',
            batch,
            createdAt: row.created_at,
            method: row.method,
            seed: row.seed,
            lotSize: Number(row.lot_size) || 0,
            sampleSize: Number(row.sample_size) || 0,
            planLetter: row.plan_letter,
            sheet: inspectionSheetName(batch),
            hasSheet: names.has(inspectionSheetName(batch).toLowerCase()),
            hasReport: names.has(reportSheetName(batch).toLowerCase()),
          };
        })
        .reverse();
    });
  } catch (error) {
    throw toFlowError(error, BATCHES_SHEET);
  }
}
