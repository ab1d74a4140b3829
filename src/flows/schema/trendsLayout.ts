/**
 * `QA Trends`: a title (A1) and a note (A2), then three blocks down column A from row 4, one blank
 * row apart, each a title row, a header and its rows, ten columns wide: the switching state per
 * moderator, the slips, the accuracy per group and batch. The charts' data sit from M4 down, each
 * matrix with its line chart to its right.
 */
import type { MessageKey } from '../../i18n';
import { TRENDS_SHEET } from '../sheets';
import { catalogLabels, defineSheet, type ColumnSpec, type SheetSchema } from './sheetSchema';

interface TrendColumnSpec<C extends string = string> extends ColumnSpec<C> {
  /** A rate, shown as a percentage. */
  readonly percent?: boolean;
}

/** A block: its title and its columns (labels from the catalogs, `trend.col.<name>` unless said). */
export interface TrendBlock<C extends string> {
  title: MessageKey;
  /** The line written when the block has no rows (else the header stands alone). */
  none?: MessageKey;
  columns: SheetSchema<C, TrendColumnSpec<C>>;
}

const block = <const C extends string>(
  title: MessageKey,
  columns: (Omit<TrendColumnSpec<C>, 'ja'> & { label?: MessageKey })[],
  none?: MessageKey,
): TrendBlock<C> => ({
  title,
  none,
  columns: defineSheet<C, TrendColumnSpec<C>>(
    TRENDS_SHEET,
    columns.map(({ label, ...c }) => ({ ...c, ...catalogLabels(label ?? (`trend.col.${c.name}` as MessageKey)) })),
  ),
});

export const TRENDS = {
  name: TRENDS_SHEET,
  /** The title's row (A1); the note is below it. */
  titleRow: 0,
  /** The first block's title row; the blocks follow one blank row apart. */
  firstBlockRow: 3,
  /** Every block row is padded to this many columns. */
  width: 10,
  switching: block('trend.switching', [
    { name: 'moderator' },
    { name: 'lots' },
    { name: 'state' },
    { name: 'rule' },
    { name: 'movedAt' },
    { name: 'next' },
  ]),
  slips: block(
    'trend.flags',
    [
      { name: 'dimension' },
      { name: 'group' },
      { name: 'fromBatch' },
      { name: 'fromAccuracy' },
      { name: 'toBatch' },
      { name: 'toAccuracy' },
    ],
    'trend.noFlags',
  ),
  points: block('trend.points', [
    { name: 'dimension' },
    { name: 'group' },
    { name: 'batch' },
    { name: 'createdAt' },
    { name: 'inspected', numeric: true },
    { name: 'correct', numeric: true },
    { name: 'accuracy', label: 'report.accuracy', numeric: true, percent: true },
    { name: 'low', numeric: true, percent: true },
    { name: 'high', numeric: true, percent: true },
    { name: 'flag' },
  ]),
  /** The charts' data (a matrix of group × batch per chart), from M4 down, this many rows apart after each. */
  chartData: { row: 3, column: 12, gap: 16 },
  /** Widths of columns A and B (points). */
  widths: [140, 220],
} as const;

/** The positions of a block's percentage columns. */
export const percentColumns = <C extends string>(b: TrendBlock<C>) =>
  b.columns.columns.flatMap((c, i) => (c.percent ? [i] : []));
