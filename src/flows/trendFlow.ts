import type { Aql, Inspection } from '../core/iso2859/planTables';
import { inspectionFor, type SwitchingOptions } from '../core/iso2859/switching';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import {
  TREND_DIMENSIONS,
  trendSeries,
  type TrendBatch,
  type TrendDimension,
  type TrendPoint,
  type TrendSeries,
} from '../core/stats/trends';
import { t, type MessageKey } from '../i18n';
import { moderatorStandings, readBatchHistory, type BatchHistoryEntry, type ModeratorStanding } from './crossBatchFlow';
import { toFlowError, type BatchRunner } from './host';
import { TRENDS_SHEET } from './sheets';
import { columnRuns, writeRows } from './writeTable';
import { buildAndSwap } from './ownedSheet';
import { percentColumns, TRENDS, type TrendBlock } from './schema/trendsLayout';

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

      const dim = (d: TrendDimension) => L(`trend.dimension.${d}`);
      const lotMark = (m: ModeratorStanding) =>
        history
          .map((h, i) => `${h.batch} ${m.lots[i] === 'accept' ? '✓' : m.lots[i] === 'reject' ? '✗' : '–'}`)
          .join(' · ');
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      const withInterval = (p: TrendPoint) => `${pct(p.accuracy)} (${pct(p.wilson[0])} – ${pct(p.wilson[1])})`;
      const points = series.flatMap((s) => s.points.map((p) => ({ s, p })));
      await buildAndSwap(context, TRENDS_SHEET, async (ws) => {
        const pad = (r: CellValue[]) => [...r, ...Array<CellValue>(TRENDS.width - r.length).fill('')];
        let row = TRENDS.firstBlockRow;
        // A block: its title and header in bold, its rows (or the line saying there are none); returns its title row.
        const block = async <C extends string>(b: TrendBlock<C>, records: Partial<Record<C, CellValue>>[]) => {
          const body = records.length || !b.none ? records.map((r) => pad(b.columns.row(r))) : [pad([L(b.none)])];
          const rows = [pad([L(b.title)]), pad(b.columns.header(lang)), ...body];
          await writeRows(context, ws, row, 0, rows, b.columns.textColumns());
          ws.getRangeByIndexes(row, 0, 1, 1).format.font.bold = true;
          ws.getRangeByIndexes(row + 1, 0, 1, TRENDS.width).format.font.bold = true;
          const at = row;
          row += rows.length + 1;
          return at;
        };
        await writeRows(
          context,
          ws,
          TRENDS.titleRow,
          0,
          [[L('trend.title', { batches: history.length })], [L('trend.note')]],
          [0],
        );
        ws.getRange('A1').format.font.bold = true;
        await block(
          TRENDS.switching,
          moderators.map((m) => ({
            moderator: m.moderator,
            lots: lotMark(m),
            state: L(`trend.state.${m.state}`),
            rule: m.rule ? L(`trend.rule.${m.rule}`) : m.reducedEligible ? L('trend.reducedEligible') : '',
            movedAt: m.movedAtBatch ?? '',
            next: L(`trend.state.${inspectionFor(m.state)}`),
          })),
        );
        await block(
          TRENDS.slips,
          flagged.map((s) => ({
            dimension: dim(s.dimension),
            group: s.key,
            fromBatch: s.slip!.from.batch,
            fromAccuracy: withInterval(s.slip!.from),
            toBatch: s.slip!.to.batch,
            toAccuracy: withInterval(s.slip!.to),
          })),
        );
        const pointsAt = await block(
          TRENDS.points,
          points.map(({ s, p }) => ({
            dimension: dim(s.dimension),
            group: s.key,
            batch: p.batch,
            createdAt: history[p.batchIndex].createdAt,
            inspected: p.inspected,
            correct: p.correct,
            accuracy: p.accuracy,
            low: p.wilson[0],
            high: p.wilson[1],
            flag: s.slip && (s.slip.from === p || s.slip.to === p) ? L('trend.slipped') : '',
          })),
        );
        if (points.length)
          for (const [first, n] of columnRuns(percentColumns(TRENDS.points)))
            ws.getRangeByIndexes(pointsAt + 2, first, points.length, n).numberFormat = points.map(() =>
              Array<string>(n).fill('0.0%'),
            );

        // Chart data: accuracy per group (rows) and batch (columns), blank where a group had no item;
        // one line chart each.
        let chartRow = TRENDS.chartData.row;
        const chartColumn = TRENDS.chartData.column;
        const charts: (() => void)[] = [];
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
          // Charts are added once the sheet has its name: a chart keeps the source address it was given.
          const [at, size] = [chartRow, matrix[0].length];
          charts.push(() => {
            const chart = ws.charts.add(
              'Line' as Excel.ChartType,
              ws.getRangeByIndexes(at, chartColumn, matrix.length, size),
              'Rows' as Excel.ChartSeriesBy,
            );
            chart.title.text = L(`trend.chart.${d}`);
            chart.name = `trend_${d}`;
            chart.setPosition(
              ws.getRangeByIndexes(at, chartColumn + size + 1, 1, 1),
              ws.getRangeByIndexes(at + 14, chartColumn + size + 8, 1, 1),
            );
          });
          chartRow += matrix.length + TRENDS.chartData.gap;
        }
        ws.freezePanes.freezeRows(1);
        TRENDS.widths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w));
        return () => charts.forEach((add) => add());
      });
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
