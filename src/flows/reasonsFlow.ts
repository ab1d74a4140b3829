import { DEFAULT_REASONS, type ErrorReason } from '../core/reasons';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { toFlowError, type BatchRunner } from './host';
import { REASONS_SHEET } from './sheets';
import { queueOwnedHeader, queueOwnedSheet } from './ownedSheet';
import { readReasons, reasonRow, reasonsSheet } from './schema/reasonsSheet';

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
  const later = queueOwnedSheet(context, reasonsSheet, 'values');
  return () => {
    const { exists, used } = later();
    return used ? { sheetExists: true, reasons: reasonsOf(used.values as CellValue[][]) } : { sheetExists: exists };
  };
}

/** Queues the default list onto QA Reasons (the sheet added when missing) for the caller's next sync. */
export async function queueDefaultReasons(context: Excel.RequestContext, sheetExists: boolean): Promise<ReasonsInUse> {
  await queueOwnedHeader(
    context,
    reasonsSheet,
    { exists: sheetExists },
    { rows: DEFAULT_REASONS.map(reasonRow), autofit: 3 },
  );
  return { reasons: [...DEFAULT_REASONS], codeRange: `A2:A${DEFAULT_REASONS.length + 1}` };
}

function reasonsOf(values: CellValue[][]): ReasonsInUse {
  return { reasons: readReasons(values), codeRange: `A2:A${Math.max(2, values.length)}` };
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
