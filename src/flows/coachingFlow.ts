import { DEFECT_OUTCOMES } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { t, type MessageKey } from '../i18n';
import { readBatchHistory } from './crossBatchFlow';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { ensureReasons, reasonName } from './reasonsFlow';
import { coachSheetName } from './sheets';
import { writeRows } from './writeTable';
import { buildAndSwap } from './ownedSheet';
import { COACHING, COACHING_SOURCE, coachingSheet } from './schema/coachingSheet';

export interface CoachingOptions {
  /** One moderator, or every moderator with an inspected item (one sheet each). */
  moderator?: string;
  /** Only this batch; otherwise every batch drawn between `from` and `to` (YYYY-MM-DD, inclusive). */
  batch?: string;
  from?: string;
  to?: string;
  lang?: Lang;
}

export interface CoachingSheet {
  moderator: string;
  sheet: string;
  inspected: number;
  errors: number;
  /** The sheet's cells as written (title, summary, header, one row per error), for a separate file. */
  rows: CellValue[][];
}

/**
 * Coaching sheets `QA Coach <moderator>`: one moderator's errors (or each moderator's) in a batch
 * or a date range, with the item link, their verdict and policy, the QA verdict and policy, the
 * outcome, the reason in the report language and the inspector's comment, ready to share. An
 * overturned verdict is not an error. Rewritten on every run; inspection sheets are only read.
 */
export async function coachingFlow(run: BatchRunner, options: CoachingOptions = {}): Promise<CoachingSheet[]> {
  const lang = options.lang ?? 'en';
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, lang);
  try {
    return await run(async (context) => {
      const { reasons } = await ensureReasons(context);
      const day = (s: string) => s.slice(0, 10);
      const history = (await readBatchHistory(context, undefined, COACHING_SOURCE)).filter((h) =>
        options.batch
          ? h.batch === options.batch
          : (!options.from || day(h.createdAt) >= options.from) && (!options.to || day(h.createdAt) <= options.to),
      );
      const inspected = history.flatMap((h) =>
        h.rows.filter((r) => r.outcome !== 'pending').map((r) => ({ batch: h.batch, r })),
      );
      const moderators = options.moderator
        ? [options.moderator.trim()]
        : [...new Set(inspected.map((x) => x.r.moderator))].sort((a, b) => a.localeCompare(b));
      if (options.moderator && !inspected.some((x) => x.r.moderator === options.moderator!.trim()))
        throw new FlowError('coach.error.noModerator', { moderator: options.moderator });
      const scope =
        options.batch ??
        (options.from || options.to ? `${options.from ?? '…'} – ${options.to ?? '…'}` : L('coach.scopeAll'));
      const header = coachingSheet.header(lang);
      const blank = header.slice(1).map(() => '');
      const sheets: CoachingSheet[] = [];
      for (const moderator of moderators) {
        const mine = inspected.filter((x) => x.r.moderator === moderator);
        const errors = mine.filter((x) => DEFECT_OUTCOMES.includes(x.r.outcome));
        const rows: CellValue[][] = [
          [L('coach.sheetTitle', { moderator, scope }), ...blank],
          [
            errors.length ? L('coach.errors', { errors: errors.length, inspected: mine.length }) : L('coach.noErrors'),
            ...blank,
          ],
          header,
          ...errors.map(({ batch, r }) =>
            coachingSheet.row({
              batch,
              item: r.itemId,
              link: r.url,
              verdict: r.verdict ?? '',
              policy: r.policy,
              qaVerdict: r.qaVerdict ?? '',
              qaPolicy: r.qaPolicy,
              outcome: L(`outcome.${r.outcome}` as MessageKey),
              reason: r.reason ? reasonName(reasons, r.reason, lang) : '',
              comment: r.qaComment,
              dispute: r.dispute
                ? [r.dispute, r.settlement ? L(`dispute.settlement.${r.settlement}`) : ''].filter(Boolean).join(' · ')
                : '',
            }),
          ),
        ];
        const sheet = coachSheetName(moderator);
        await buildAndSwap(context, sheet, async (ws) => {
          await writeRows(context, ws, COACHING.titleRow, 0, rows, coachingSheet.textColumns());
          ws.getRange('A1').format.font.bold = true;
          ws.getRangeByIndexes(COACHING.headerRow, 0, 1, header.length).format.font.bold = true;
          ws.freezePanes.freezeRows(COACHING.headerRow + 1);
          ws.getRangeByIndexes(
            COACHING.headerRow,
            0,
            rows.length - COACHING.headerRow,
            header.length,
          ).format.autofitColumns();
        });
        sheets.push({ moderator, sheet, inspected: mine.length, errors: errors.length, rows });
      }
      return sheets;
    });
  } catch (error) {
    throw toFlowError(error);
  }
}
