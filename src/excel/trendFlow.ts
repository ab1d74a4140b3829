import type { Aql, Inspection } from '../core/iso2859/planTables';
import { inspectionFor, type SwitchingOptions } from '../core/iso2859/switching';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import {
  TREND_DIMENSIONS,
  trendSeries,
  type TrendBatch,
  type TrendDimension,
  type TrendSeries,
} from '../core/stats/trends';
import { t, type MessageKey } from '../i18n';
import { moderatorStandings, readBatchHistory, type BatchHistoryEntry, type ModeratorStanding } from './crossBatchFlow';
import { toFlowError, type BatchRunner } from './host';
import { TRENDS_SHEET } from './sheets';
import { removeSheetQuietly, writeRows } from './writeTable';

export interface NextPlanAdvice {
  /** The inspection the next batch should use: the strictest any moderator's stream calls for. */
  inspection: Inspection;
  /** The AQL of the latest ISO 2859-1 batch (the plan keeps it, only the severity switches). */
  aql: Aql;
  /** Moderators whose state calls for that inspection, with the rule and batch that moved them. */
  because: ModeratorStanding[];
}

export interface TrendResult {
  sheet: string;
  batches: { batch: string; createdAt: string }[];
  series: TrendSeries[];
  /** Series (moderator, policy or market) that fell by more than their intervals allow. */
  flagged: TrendSeries[];
  moderators: ModeratorStanding[];
  next: NextPlanAdvice;
}

/** The plan the next batch should use, from each moderator's switching state. */
export function adviseNextPlan(
  history: readonly BatchHistoryEntry[],
  moderators: readonly ModeratorStanding[],
): NextPlanAdvice {
  const aql = history.length ? history[history.length - 1].aql : '1.5';
  // Reduced only when every moderator is on reduced; tightened as soon as one is tightened (or discontinued).
  if (moderators.length > 0 && moderators.every((m) => m.state === 'reduced'))
    return { inspection: 'reduced', aql, because: [...moderators] };
  const tightened = moderators.filter((m) => inspectionFor(m.state) === 'tightened');
  return tightened.length
    ? { inspection: 'tightened', aql, because: tightened }
    : { inspection: 'normal', aql, because: [] };
}

/**
 * The advice alone, with the batches and moderators to pick from, without
 * writing anything (the Sample and Trends pages ask for it). Two syncs.
 */
export async function nextPlanAdvice(
  run: BatchRunner,
  options: SwitchingOptions = {},
): Promise<NextPlanAdvice & { batches: string[]; moderators: string[] }> {
  try {
    return await run(async (context) => {
      const history = await readBatchHistory(context);
      const standings = moderatorStandings(history, options);
      return {
        ...adviseNextPlan(history, standings),
        batches: history.map((h) => h.batch),
        moderators: standings.map((m) => m.moderator),
      };
    });
  } catch (error) {
    throw toFlowError(error, TRENDS_SHEET);
  }
}

const trendBatches = (history: readonly BatchHistoryEntry[]): TrendBatch[] =>
  history.map((h) => ({
    batch: h.batch,
    createdAt: h.createdAt,
    items: h.rows
      .filter((r) => r.outcome !== 'pending')
      .map((r) => ({
        moderator: r.moderator,
        policy: r.qaPolicy || r.policy,
        market: r.market,
        correct: r.outcome === 'correct',
      })),
  }));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Builds `QA Trends` (rewritten on every run): each moderator's ISO 2859-1 switching state with
 * the rule that moved it and the inspection of the next batch; the slips (a moderator, policy or
 * market whose accuracy fell by more than the 95% Wilson intervals allow, with the two batches);
 * accuracy per group and batch with its interval; and line charts of accuracy per moderator and
 * per policy over the batches. The inspection sheets are only read.
 */
export async function trendFlow(
  run: BatchRunner,
  options: { lang?: Lang } & SwitchingOptions = {},
): Promise<TrendResult> {
  const lang = options.lang ?? 'en';
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, lang);
  try {
    return await run(async (context) => {
      const history = await readBatchHistory(context);
      const batches = trendBatches(history);
      const series = TREND_DIMENSIONS.flatMap((d) => trendSeries(batches, d));
      const flagged = series.filter((s) => s.slip);
      const moderators = moderatorStandings(history, options);
      const next = adviseNextPlan(history, moderators);

      await removeSheetQuietly(context, TRENDS_SHEET);
      const ws = context.workbook.worksheets.add(TRENDS_SHEET);
      const dim = (d: TrendDimension) => L(`trend.dimension.${d}`);
      const lotMark = (m: ModeratorStanding) =>
        history
          .map((h, i) => `${h.batch} ${m.lots[i] === 'accept' ? '✓' : m.lots[i] === 'reject' ? '✗' : '–'}`)
          .join(' · ');
      let row = 0;
      const block = async (rows: CellValue[][], text: number[]) => {
        await writeRows(context, ws, row, 0, rows, text);
        ws.getRangeByIndexes(row, 0, 1, 1).format.font.bold = true;
        ws.getRangeByIndexes(row + 1, 0, 1, rows[1].length).format.font.bold = true;
        const at = row;
        row += rows.length + 1;
        return at;
      };
      await writeRows(context, ws, 0, 0, [[L('trend.title', { batches: history.length })], [L('trend.note')]], [0]);
      ws.getRange('A1').format.font.bold = true;
      row = 3;
      const width = 10;
      const pad = (r: CellValue[]) => [...r, ...Array<CellValue>(width - r.length).fill('')];
      await block(
        [
          pad([L('trend.switching')]),
          pad([
            L('trend.col.moderator'),
            L('trend.col.lots'),
            L('trend.col.state'),
            L('trend.col.rule'),
            L('trend.col.movedAt'),
            L('trend.col.next'),
          ]),
          ...moderators.map((m) =>
            pad([
              m.moderator,
              lotMark(m),
              L(`trend.state.${m.state}`),
              m.rule ? L(`trend.rule.${m.rule}`) : m.reducedEligible ? L('trend.reducedEligible') : '',
              m.movedAtBatch ?? '',
              L(`trend.state.${inspectionFor(m.state)}`),
            ]),
          ),
        ],
        [0, 1, 2, 3, 4, 5],
      );
      await block(
        [
          pad([L('trend.flags')]),
          pad([
            L('trend.col.dimension'),
            L('trend.col.group'),
            L('trend.col.fromBatch'),
            L('trend.col.fromAccuracy'),
            L('trend.col.toBatch'),
            L('trend.col.toAccuracy'),
          ]),
          ...(flagged.length
            ? flagged.map((s) =>
                pad([
                  dim(s.dimension),
                  s.key,
                  s.slip!.from.batch,
                  `${pct(s.slip!.from.accuracy)} (${pct(s.slip!.from.wilson[0])} – ${pct(s.slip!.from.wilson[1])})`,
                  s.slip!.to.batch,
                  `${pct(s.slip!.to.accuracy)} (${pct(s.slip!.to.wilson[0])} – ${pct(s.slip!.to.wilson[1])})`,
                ]),
              )
            : [pad([L('trend.noFlags')])]),
        ],
        [0, 1, 2, 3, 4, 5],
      );
      const points = series.flatMap((s) => s.points.map((p) => ({ s, p })));
      const pointsAt = await block(
        [
          pad([L('trend.points')]),
          [
            L('trend.col.dimension'),
            L('trend.col.group'),
            L('trend.col.batch'),
            L('trend.col.createdAt'),
            L('trend.col.inspected'),
            L('trend.col.correct'),
            L('report.accuracy'),
            L('trend.col.low'),
            L('trend.col.high'),
            L('trend.col.flag'),
          ],
          ...points.map(({ s, p }) => [
            dim(s.dimension),
            s.key,
            p.batch,
            history[p.batchIndex].createdAt,
            p.inspected,
            p.correct,
            p.accuracy,
            p.wilson[0],
            p.wilson[1],
            s.slip && (s.slip.from === p || s.slip.to === p) ? L('trend.slipped') : '',
          ]),
        ],
        [0, 1, 2, 3, 9],
      );
      if (points.length)
        ws.getRangeByIndexes(pointsAt + 2, 6, points.length, 3).numberFormat = points.map(() => [
          '0.0%',
          '0.0%',
          '0.0%',
        ]);

      // Chart data: accuracy per group (rows) and batch (columns),
      // blank where a group had no item; one line chart each.
      let chartRow = 3;
      const chartColumn = 12; // M
      for (const d of ['moderator', 'policy'] as const) {
        const groups = series.filter((s) => s.dimension === d);
        if (!groups.length || !history.length) continue;
        const matrix: CellValue[][] = [
          [dim(d), ...history.map((h) => h.batch)],
          ...groups.map((s) => [
            s.key,
            ...history.map((_, i) => s.points.find((p) => p.batchIndex === i)?.accuracy ?? ''),
          ]),
        ];
        await writeRows(context, ws, chartRow, chartColumn, matrix, [0]);
        ws.getRangeByIndexes(chartRow + 1, chartColumn + 1, groups.length, history.length).numberFormat = groups.map(
          () => history.map(() => '0.0%'),
        );
        const chart = ws.charts.add(
          'Line' as Excel.ChartType,
          ws.getRangeByIndexes(chartRow, chartColumn, matrix.length, matrix[0].length),
          'Rows' as Excel.ChartSeriesBy,
        );
        chart.title.text = L(`trend.chart.${d}`);
        chart.name = `trend_${d}`;
        chart.setPosition(
          ws.getRangeByIndexes(chartRow, chartColumn + matrix[0].length + 1, 1, 1),
          ws.getRangeByIndexes(chartRow + 14, chartColumn + matrix[0].length + 8, 1, 1),
        );
        chartRow += matrix.length + 16;
      }
      ws.freezePanes.freezeRows(1);
      ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 140;
      ws.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = 220;
      await context.sync();
      return {
        sheet: TRENDS_SHEET,
        batches: history.map((h) => ({ batch: h.batch, createdAt: h.createdAt })),
        series,
        flagged,
        moderators,
        next,
      };
    });
  } catch (error) {
    throw toFlowError(error, TRENDS_SHEET);
  }
}
