import { CODE_LETTERS, type Aql } from '../core/iso2859/planTables';
import { planForLetter } from '../core/iso2859/samplingPlan';
import { switchingStateAfter, type SwitchingState } from '../core/iso2859/switching';
import { DEFECT_OUTCOMES, type CellValue, type Lang } from '../core/model';
import { wilsonInterval } from '../core/stats/intervals';
import { t, type MessageKey } from '../i18n';
import { toFlowError, type BatchRunner } from './host';
import { readInspectionRows } from './inspectionRows';
import { readNamedColumns } from './readColumns';
import { BATCHES_SHEET, calibrationMemberBatch, MODERATORS_SHEET, inspectionSheetName } from './sheets';
import { removeSheetQuietly, writeRows } from './writeTable';

export interface ModeratorStanding {
  moderator: string;
  batches: number;
  inspected: number;
  correct: number;
  accuracy: number;
  wilson: [number, number];
  /** Lot decisions per batch, oldest first (undefined where too few items to decide). */
  lots: ('accept' | 'reject' | undefined)[];
  state: SwitchingState;
}

/** Sample size per code letter, A to R (ISO 2859-1 table II-A). */
const LETTER_SIZES = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000];

/** The largest code letter whose sample size fits in n items, or undefined below 2. */
function letterFor(n: number) {
  let chosen: (typeof CODE_LETTERS)[number] | undefined;
  LETTER_SIZES.forEach((size, i) => {
    if (size <= n) chosen = CODE_LETTERS[i];
  });
  return chosen;
}

/**
 * The cross-batch view (`QA Moderators`): accuracy per moderator over every batch in the
 * workbook, and each moderator's ISO 2859-1 switching state (normal, tightened, reduced,
 * discontinued). Each batch is one lot per moderator: their inspected items are a sample whose
 * size picks the code letter, and the lot is accepted when their defects are within that
 * letter's acceptance number at the batch's AQL (1.5 when the batch was not sized by ISO 2859-1).
 */
export async function crossBatchFlow(run: BatchRunner, options: { lang?: Lang; defaultAql?: Aql } = {}): Promise<ModeratorStanding[]> {
  const lang = options.lang ?? 'en';
  const L = (key: MessageKey) => t(key, {}, lang);
  try {
    return await run(async (context) => {
      const batches = context.workbook.worksheets.getItemOrNullObject(BATCHES_SHEET).getUsedRangeOrNullObject(true);
      batches.load('values');
      await context.sync();
      const list = batches.isNullObject ? [] : (batches.values as CellValue[][]).slice(1).filter((r) => r[0] !== '').sort((a, b) => String(a[1]).localeCompare(String(b[1])));
      const all = context.workbook.worksheets;
      all.load('items/name');
      await context.sync();
      const present = new Map(all.items.map((s) => [s.name.toLowerCase(), s.name]));
      const sheetOf = (r: CellValue[]) => present.get(inspectionSheetName(String(r[0])).toLowerCase());
      // Only the columns an outcome and a moderator need, chunked under the response budget.
      const tables = await readNamedColumns(context, [...new Set(list.map(sheetOf).filter((n): n is string => n !== undefined))], ['moderator', 'verdict', 'policy', 'qa_verdict', 'qa_policy']);
      const sheets = list.map((r) => ({ row: r, values: tables.get(sheetOf(r) ?? '') }));
      const per = new Map<string, { inspected: number; correct: number; batches: number; lots: ('accept' | 'reject' | undefined)[] }>();
      sheets.forEach(({ row, values }, batchIndex) => {
        if (!values) return;
        let aql: Aql = options.defaultAql ?? '1.5';
        try {
          const p = JSON.parse(String(row[5])) as { size?: { kind?: string; aql?: Aql }; calibration?: string };
          if (p.size?.kind === 'iso2859' && p.size.aql) aql = p.size.aql;
          // A calibration batch gives every inspector the same decisions: the moderators' lot counts once (its first sheet).
          if (p.calibration && String(row[0]) !== calibrationMemberBatch(p.calibration, 1)) return;
        } catch {
          // unreadable parameters: the default AQL
        }
        const counts = new Map<string, { n: number; correct: number; defects: number }>();
        for (const r of readInspectionRows(values).rows) {
          if (r.outcome === 'pending') continue;
          const c = counts.get(r.moderator) ?? { n: 0, correct: 0, defects: 0 };
          c.n++;
          if (r.outcome === 'correct') c.correct++;
          if (DEFECT_OUTCOMES.includes(r.outcome)) c.defects++;
          counts.set(r.moderator, c);
        }
        for (const [moderator, c] of counts) {
          const m = per.get(moderator) ?? { inspected: 0, correct: 0, batches: 0, lots: Array(batchIndex).fill(undefined) };
          m.inspected += c.n;
          m.correct += c.correct;
          m.batches++;
          const letter = letterFor(c.n);
          m.lots[batchIndex] = letter ? (c.defects <= planForLetter(letter, aql).accept ? 'accept' : 'reject') : undefined;
          per.set(moderator, m);
        }
      });
      const standings: ModeratorStanding[] = [...per.entries()]
        .map(([moderator, m]) => ({
          moderator,
          batches: m.batches,
          inspected: m.inspected,
          correct: m.correct,
          accuracy: m.inspected ? m.correct / m.inspected : NaN,
          wilson: wilsonInterval(m.correct, m.inspected),
          lots: m.lots,
          state: switchingStateAfter(m.lots.filter((x): x is 'accept' | 'reject' => x !== undefined).map((x) => x === 'accept')),
        }))
        .sort((a, b) => a.moderator.localeCompare(b.moderator));

      await removeSheetQuietly(context, MODERATORS_SHEET);
      const ws = context.workbook.worksheets.add(MODERATORS_SHEET);
      const rows: CellValue[][] = [
        [L('report.crossBatch'), '', '', '', '', '', ''],
        ['moderator', 'batches', 'inspected', 'correct', L('report.accuracy'), L('report.interval'), L('report.switching')],
        ...standings.map((s) => [s.moderator, s.batches, s.inspected, s.correct, Number.isFinite(s.accuracy) ? s.accuracy : '', `${(s.wilson[0] * 100).toFixed(1)}% – ${(s.wilson[1] * 100).toFixed(1)}%`, s.state]),
      ];
      await writeRows(context, ws, 0, 0, rows, [0, 5, 6]);
      if (standings.length) ws.getRangeByIndexes(2, 4, standings.length, 1).numberFormat = standings.map(() => ['0.0%']);
      ws.getRange('A1').format.font.bold = true;
      ws.freezePanes.freezeRows(2);
      await context.sync();
      return standings;
    });
  } catch (error) {
    throw toFlowError(error, MODERATORS_SHEET);
  }
}
