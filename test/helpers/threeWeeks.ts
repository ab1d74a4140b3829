/**
 * Three weekly batches in one workbook, every item inspected: one moderator slips (all correct in
 * the first week, every other item wrong in the second, every item wrong in the third); everyone
 * else agrees with QA. Built with the real flows (sample, then one saved QA decision per item),
 * for the trend, coaching and dispute tests, the CLI tests and the browser tests (saved as .xlsx).
 */
import { generateDecisions } from '../../src/core/demo/generateDecisions';
import type { Lang } from '../../src/i18n';
import { createWorkbook, type EmulatedWorkbook } from '../../src/emulator';
import { inspectionState, saveQaDecision } from '../../src/flows/inspectFlow';
import { sampleFlow } from '../../src/flows/sampleFlow';

export const WEEKS = ['W45', 'W46', 'W47'] as const;
export const SLIPPING = 'sato.h';
/** Monday of each week, UTC noon. */
export const weekStart = (i: number) => Date.UTC(2026, 10, 2 + 7 * i, 12);

export async function threeWeeksBook(lang: Lang = 'en'): Promise<EmulatedWorkbook> {
  const book = createWorkbook();
  const sheet = lang === 'ja' ? '判定' : 'Decisions';
  book.addSheet(sheet, generateDecisions({ rows: 900, headers: lang, seed: 11, badRate: 0 }));
  book.model.activeSheet = book.model.sheet(sheet);
  for (const [w, batch] of WEEKS.entries()) {
    await sampleFlow(book.run, {
      batch,
      method: 'simple',
      size: { kind: 'iso2859', level: 'II', aql: '2.5' },
      seed: batch,
      sheet,
      now: weekStart(w),
      lang,
    });
    const { rows } = await inspectionState(book.run, batch);
    let mine = 0;
    for (const item of rows) {
      const wrong = item.moderator === SLIPPING && (w === 2 || (w === 1 && mine++ % 2 === 0));
      const agree = {
        qaVerdict: item.verdict ?? ('approve' as const),
        qaPolicy: item.verdict === 'approve' ? '' : item.policy,
      };
      const disagree =
        item.verdict === 'approve'
          ? { qaVerdict: 'remove' as const, qaPolicy: 'SAF.HATE' }
          : { qaVerdict: 'approve' as const, qaPolicy: '' };
      await saveQaDecision(book.run, batch, item.index, {
        ...(wrong ? disagree : agree),
        comment: wrong ? (lang === 'ja' ? '文脈を確認してください' : 'Check the caption and comments') : '',
        reason: wrong ? (w === 1 ? 'missed_context' : 'policy_misread') : undefined,
        inspector: lang === 'ja' ? '検査 花子' : 'qa.kim',
        now: weekStart(w) + 3600_000,
      });
    }
  }
  return book;
}
