import { matchKey } from '../core/text/matchKey';
import type { Aql } from '../core/iso2859/planTables';
import type { SwitchingOptions, SwitchingRule, SwitchingState } from '../core/iso2859/switching';
import { DEFECT_OUTCOMES } from '../core/model';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { wilsonInterval } from '../core/stats/intervals';
import { judgeStream, type LotDecision } from '../core/stats/trends';
import { t, type MessageKey } from '../i18n';
import { toFlowError, type BatchRunner } from './host';
import { readInspectionRows, type InspectionRow } from './inspectionRows';
import { queuePolicyLookup } from './policyLookup';
import { readNamedColumns } from './readColumns';
import { BATCHES_SHEET, calibrationMemberBatch, MODERATORS_SHEET, inspectionSheetName } from './sheets';
import { writeRows } from './writeTable';
import { buildAndSwap } from './ownedSheet';
import { MODERATORS, moderatorsSheet } from './schema/moderatorsSheet';
import type { InspectionColumn } from './schema/inspectionSheet';
import { batchParameters, readBatches, type BatchRecord } from './schema/batchesSheet';

/** One batch of the workbook with its inspected rows, oldest first in a history. */
export interface BatchHistoryEntry {
  batch: string;
  createdAt: string;
  /** The AQL the batch was sized with (ISO 2859-1), or the default. */
  aql: Aql;
  rows: InspectionRow[];
}

/** The columns trends and switching need: an outcome (with its settlement), the moderator, the market. */
export const TREND_COLUMNS: readonly InspectionColumn[] = [
  'moderator',
  'verdict',
  'policy',
  'qa_verdict',
  'qa_policy',
  'market',
  'settlement',
];

/**
 * Every batch of the workbook (QA Batches), oldest first, with its inspection sheet's rows (a batch
 * whose sheet was deleted is left out): only the named columns (every column when `columns` is
 * undefined), read under the request budget.
 */
export async function readBatchHistory(
  context: Excel.RequestContext,
  defaultAql: Aql = '1.5',
  columns: readonly InspectionColumn[] | undefined = TREND_COLUMNS,
): Promise<BatchHistoryEntry[]> {
  const batches = context.workbook.worksheets.getItemOrNullObject(BATCHES_SHEET).getUsedRangeOrNullObject(true);
  batches.load('values');
  const all = context.workbook.worksheets;
  all.load('items/name');
  const lookup = queuePolicyLookup(context);
  await context.sync();
  const policies = lookup();
  const list = batches.isNullObject
    ? []
    : readBatches(batches.values as CellValue[][]).sort((a, b) => a.created_at.localeCompare(b.created_at));
  const present = new Map(all.items.map((s) => [s.name.toLowerCase(), s.name]));
  const sheetOf = (r: BatchRecord) => present.get(inspectionSheetName(r.batch).toLowerCase());
  // Only the columns the caller needs, chunked under the response budget.
  const tables = await readNamedColumns(
    context,
    [...new Set(list.map(sheetOf).filter((n): n is string => n !== undefined))],
    columns,
  );
  return list
    .map((row) => ({ row, values: tables.get(sheetOf(row) ?? '') }))
    .filter((x): x is { row: BatchRecord; values: CellValue[][] } => x.values !== undefined)
    .map(({ row, values }) => {
      const p = batchParameters(row);
      const aql: Aql = p.size?.kind === 'iso2859' && p.size.aql ? p.size.aql : defaultAql;
      // A calibration batch gives every inspector the same decisions:
      // the moderators' lot counts once (its first sheet).
      const sameItemsAgain =
        typeof p.calibration === 'string' &&
        p.calibration !== '' &&
        row.batch !== calibrationMemberBatch(p.calibration, 1);
      return sameItemsAgain
        ? []
        : [{ batch: row.batch, createdAt: row.created_at, aql, rows: readInspectionRows(values, policies).rows }];
    })
    .flat();
}

export interface ModeratorStanding {
  moderator: string;
  batches: number;
  inspected: number;
  correct: number;
  accuracy: number;
  wilson: [number, number];
  /**
   * Lot decisions per batch of the history, oldest first (undefined where the moderator had no lot or too few items).
   */
  lots: ('accept' | 'reject' | undefined)[];
  decisions: (LotDecision | undefined)[];
  state: SwitchingState;
  /** The switching rule that moved the moderator to this state, and the batch where it did. */
  rule?: SwitchingRule;
  movedAtBatch?: string;
  /** On normal with 10 accepted lots in a row: reduced inspection awaits the lead's confirmation. */
  reducedEligible: boolean;
}

/**
 * Each moderator's standing over a batch history: accuracy with its Wilson interval, and the
 * ISO 2859-1 switching state. Each batch is one lot per moderator: their inspected items are a
 * sample whose size picks the code letter, and the lot is accepted when their defects are within
 * that letter's acceptance number at the batch's AQL under the inspection then in force.
 */
export function moderatorStandings(
  history: readonly BatchHistoryEntry[],
  options: SwitchingOptions = {},
): ModeratorStanding[] {
  const per = new Map<
    string,
    {
      inspected: number;
      correct: number;
      batches: number;
      lots: ({ inspected: number; defects: number } | undefined)[];
    }
  >();
  // One moderator however the name was typed (NFD or NFC, full-width, a zero-width space); shown as first seen.
  const names = new Map<string, string>();
  history.forEach(({ rows }, batchIndex) => {
    for (const r of rows) {
      if (r.outcome === 'pending') continue;
      const key = matchKey(r.moderator);
      if (!names.has(key)) names.set(key, r.moderator);
      const m = per.get(key) ?? {
        inspected: 0,
        correct: 0,
        batches: 0,
        lots: Array<undefined>(history.length).fill(undefined),
      };
      const lot = m.lots[batchIndex] ?? { inspected: 0, defects: 0 };
      if (lot.inspected === 0) m.batches++;
      lot.inspected++;
      m.inspected++;
      if (r.outcome === 'correct') m.correct++;
      if (DEFECT_OUTCOMES.includes(r.outcome)) lot.defects++;
      m.lots[batchIndex] = lot;
      per.set(key, m);
    }
  });
  return [...per.entries()]
    .map(([key, m]): ModeratorStanding => {
      const moderator = names.get(key) ?? key;
      const present = m.lots.map((lot, i) =>
        lot ? { batch: history[i].batch, aql: history[i].aql, ...lot } : undefined,
      );
      const judged = judgeStream(
        present.filter((x) => x !== undefined),
        options,
      );
      let k = 0;
      const decisions = present.map((lot) => (lot ? judged.decisions[k++] : undefined));
      return {
        moderator,
        batches: m.batches,
        inspected: m.inspected,
        correct: m.correct,
        accuracy: m.inspected ? m.correct / m.inspected : NaN,
        wilson: wilsonInterval(m.correct, m.inspected),
        lots: decisions.map((d) => (d?.accepted === undefined ? undefined : d.accepted ? 'accept' : 'reject')),
        decisions,
        state: judged.status.state,
        rule: judged.status.rule,
        movedAtBatch: judged.movedAtBatch,
        reducedEligible: judged.status.reducedEligible,
      };
    })
    .sort((a, b) => a.moderator.localeCompare(b.moderator));
}

/**
 * The cross-batch view (`QA Moderators`): accuracy per moderator over every batch in the
 * workbook, and each moderator's ISO 2859-1 switching state (normal, tightened, reduced,
 * discontinued), AQL 1.5 where a batch was not sized by ISO 2859-1.
 */
export async function crossBatchFlow(
  run: BatchRunner,
  options: { lang?: Lang; defaultAql?: Aql } & SwitchingOptions = {},
): Promise<ModeratorStanding[]> {
  const lang = options.lang ?? 'en';
  const L = (key: MessageKey) => t(key, {}, lang);
  try {
    return await run(async (context) => {
      const standings = moderatorStandings(await readBatchHistory(context, options.defaultAql), options);
      await buildAndSwap(context, MODERATORS_SHEET, async (ws) => {
        const width = moderatorsSheet.columns.length;
        const rows: CellValue[][] = [
          [L('report.crossBatch'), ...Array<CellValue>(width - 1).fill('')],
          moderatorsSheet.header(lang),
          ...standings.map((s) =>
            moderatorsSheet.row({
              moderator: s.moderator,
              batches: s.batches,
              inspected: s.inspected,
              correct: s.correct,
              accuracy: Number.isFinite(s.accuracy) ? s.accuracy : '',
              interval: `${(s.wilson[0] * 100).toFixed(1)}% – ${(s.wilson[1] * 100).toFixed(1)}%`,
              switching: s.state,
            }),
          ),
        ];
        await writeRows(context, ws, MODERATORS.titleRow, 0, rows, moderatorsSheet.textColumns());
        if (standings.length)
          ws.getRangeByIndexes(
            MODERATORS.firstRow,
            moderatorsSheet.position('accuracy'),
            standings.length,
            1,
          ).numberFormat = standings.map(() => ['0.0%']);
        ws.getRange('A1').format.font.bold = true;
        ws.freezePanes.freezeRows(MODERATORS.firstRow);
      });
      return standings;
    });
  } catch (error) {
    throw toFlowError(error, MODERATORS_SHEET);
  }
}
