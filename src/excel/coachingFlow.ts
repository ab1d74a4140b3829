import { DEFECT_OUTCOMES } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { t, type MessageKey } from '../i18n';
import { readBatchHistory } from './crossBatchFlow';
import { FlowError, toFlowError, type BatchRunner } from './host';
import { ensureReasons, reasonName } from './reasonsFlow';
import { coachSheetName } from './sheets';
import { removeSheetQuietly, writeRows } from './writeTable';

/** What a coaching sheet shows of each item. */
const COACHING_COLUMNS = [
  'item_id',
  'moderator',
  'verdict',
  'policy',
  'url',
  'qa_verdict',
  'qa_policy',
  'reason',
  'qa_comment',
  'dispute',
  'settlement',
];

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
      const history = (await readBatchHistory(context, undefined, COACHING_COLUMNS)).filter((h) =>
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
      const header = [
        'batch',
        'item',
        'link',
        'verdict',
        'policy',
        'qaVerdict',
        'qaPolicy',
        'outcome',
        'reason',
        'comment',
        'dispute',
      ].map((c) => L(`coach.col.${c}` as MessageKey));
      const sheets: CoachingSheet[] = [];
      for (const moderator of moderators) {
        const mine = inspected.filter((x) => x.r.moderator === moderator);
        const errors = mine.filter((x) => DEFECT_OUTCOMES.includes(x.r.outcome));
        const rows: CellValue[][] = [
          [L('coach.sheetTitle', { moderator, scope }), ...header.slice(1).map(() => '')],
          [
            errors.length ? L('coach.errors', { errors: errors.length, inspected: mine.length }) : L('coach.noErrors'),
            ...header.slice(1).map(() => ''),
          ],
          header,
          ...errors.map(({ batch, r }) => [
            batch,
            r.itemId,
            r.url,
            r.verdict ?? '',
            r.policy,
            r.qaVerdict ?? '',
            r.qaPolicy,
            L(`outcome.${r.outcome}` as MessageKey),
            r.reason ? reasonName(reasons, r.reason, lang) : '',
            r.qaComment,
            r.dispute
              ? [r.dispute, r.settlement ? L(`dispute.settlement.${r.settlement}`) : ''].filter(Boolean).join(' · ')
              : '',
          ]),
        ];
        const sheet = coachSheetName(moderator);
        await removeSheetQuietly(context, sheet);
        const ws = context.workbook.worksheets.add(sheet);
        // Every cell is text: names, links and comments are untrusted.
        await writeRows(
          context,
          ws,
          0,
          0,
          rows,
          header.map((_, i) => i),
        );
        ws.getRange('A1').format.font.bold = true;
        ws.getRangeByIndexes(2, 0, 1, header.length).format.font.bold = true;
        ws.freezePanes.freezeRows(3);
        ws.getRangeByIndexes(2, 0, rows.length - 2, header.length).format.autofitColumns();
        await context.sync();
        sheets.push({ moderator, sheet, inspected: mine.length, errors: errors.length, rows });
      }
      return sheets;
    });
  } catch (error) {
    throw toFlowError(error);
  }
}
