import { DEFAULT_REASONS, type ErrorReason } from '../core/reasons';
import type { CellValue, Lang } from '../core/model';
import { toFlowError, type BatchRunner } from './host';
import { REASONS_SHEET } from './sheets';
import { writeRows } from './writeTable';

/** The columns of `QA Reasons`: the code the inspection sheets hold, then names and definitions in both languages. */
export const REASON_COLUMNS = ['code', 'name_en', 'name_ja', 'definition_en', 'definition_ja'] as const;

export interface ReasonsInUse {
  reasons: ErrorReason[];
  /** The codes' range on QA Reasons, for the inspection sheet's dropdown ("A2:A7"). */
  codeRange: string;
}

/** Reads the reasons sheet, or writes the default list there first. Queues on the context; one or two syncs. */
export async function ensureReasons(context: Excel.RequestContext): Promise<ReasonsInUse> {
  const later = queueReasons(context);
  await context.sync();
  return later();
}

/**
 * ensureReasons in two halves, so a flow reads QA Reasons in a request it makes anyway: queue the
 * read now, call the result after the next sync (it writes the default list, with a sync, only
 * when the sheet is missing or empty).
 */
export function queueReasons(context: Excel.RequestContext): () => Promise<ReasonsInUse> {
  const read = queueReasonsRead(context);
  return async () => {
    const found = read();
    if (found.reasons) return found.reasons;
    const defaults = await queueDefaultReasons(context, found.sheetExists);
    await context.sync();
    return defaults;
  };
}

/** What QA Reasons held at a read: its reasons, or none when the sheet is missing or empty. */
export interface ReasonsRead {
  reasons?: ReasonsInUse;
  sheetExists: boolean;
}

/**
 * Queues the read of QA Reasons; call the result after the next sync. A flow that writes anyway
 * queues the default list (queueDefaultReasons) into its own next request when none was found.
 */
export function queueReasonsRead(context: Excel.RequestContext): () => ReasonsRead {
  const ws = context.workbook.worksheets.getItemOrNullObject(REASONS_SHEET);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values');
  return () => (ws.isNullObject || used.isNullObject ? { sheetExists: !ws.isNullObject } : { sheetExists: true, reasons: reasonsOf(used.values as CellValue[][]) });
}

/** Queues the default list onto QA Reasons (the sheet added when missing) for the caller's next sync. */
export async function queueDefaultReasons(context: Excel.RequestContext, sheetExists: boolean): Promise<ReasonsInUse> {
  const sheet = sheetExists ? context.workbook.worksheets.getItem(REASONS_SHEET) : context.workbook.worksheets.add(REASONS_SHEET);
  const rows: CellValue[][] = [[...REASON_COLUMNS], ...DEFAULT_REASONS.map((r) => [r.code, r.en, r.ja, r.definitionEn, r.definitionJa])];
  await writeRows(context, sheet, 0, 0, rows, [0, 1, 2, 3, 4]);
  sheet.getRangeByIndexes(0, 0, 1, REASON_COLUMNS.length).format.font.bold = true;
  sheet.freezePanes.freezeRows(1);
  sheet.getRangeByIndexes(0, 0, rows.length, 3).format.autofitColumns();
  return { reasons: [...DEFAULT_REASONS], codeRange: `A2:A${rows.length}` };
}

function reasonsOf(values: CellValue[][]): ReasonsInUse {
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const cell = (row: CellValue[], name: string) => (at(name) < 0 ? '' : String(row[at(name)] ?? '').trim());
  const reasons = values
    .slice(1)
    .map((row) => ({ code: cell(row, 'code'), en: cell(row, 'name_en'), ja: cell(row, 'name_ja'), definitionEn: cell(row, 'definition_en'), definitionJa: cell(row, 'definition_ja') }))
    .filter((r) => r.code !== '')
    .map((r) => ({ ...r, en: r.en || r.code, ja: r.ja || r.en || r.code }));
  return { reasons, codeRange: `A2:A${Math.max(2, values.length)}` };
}

/** The error reasons in use (the lead's edits included); writes the default list on first use. */
export async function loadReasons(run: BatchRunner): Promise<ErrorReason[]> {
  try {
    return await run(async (context) => (await ensureReasons(context)).reasons);
  } catch (error) {
    throw toFlowError(error, REASONS_SHEET);
  }
}

/** A reason's name in a language, or the code itself when the sheet no longer lists it. */
export function reasonName(reasons: readonly ErrorReason[], code: string, lang: Lang): string {
  const r = reasons.find((x) => x.code === code);
  return r ? (lang === 'ja' ? r.ja : r.en) : code;
}
