import type { CellRect } from '../excelSpec';
import { parseRange, splitAddress } from '../excelSpec';
import type { ChartModel, SheetModel, WorkbookModel } from '../emulator/model';

/** A chart as the workbench draws it: its kind, title, categories and series read from its source range. */
export interface ChartSpec {
  name: string;
  kind: 'bar' | 'line';
  title: string;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  /** The source's numbers are percentages (a % number format): the axis shows them so. */
  percent: boolean;
  /** The cells the chart covers. */
  rect: CellRect;
}

/** Chart types drawn as lines; every other type (columns, bars) is drawn as clustered columns. */
const LINE_TYPES = /^line/i;

/**
 * Reads a chart's data from its source range the way Excel lays out a new chart: series by
 * columns (the first column gives the categories, the header row the series names) or by rows
 * (the first row gives the categories, the first column the names); "Auto" takes series by
 * columns when the range has at least as many rows as columns. Blank and text cells are gaps.
 * Placed where Chart.setPosition put it, else beside its source (15 rows by 8 columns).
 */
export function chartSpec(book: WorkbookModel, chart: ChartModel): ChartSpec | undefined {
  const { sheet: sheetName, local } = splitAddress(chart.sourceAddress);
  const sheet: SheetModel | undefined = sheetName ? book.sheet(sheetName) : undefined;
  if (!sheet) return undefined;
  const source = parseRange(local.replace(/\$/g, ''));
  const at = (r: number, c: number) => sheet.value(source.row + r, source.column + c);
  const byColumns =
    chart.seriesBy === 'Columns' || (chart.seriesBy !== 'Rows' && source.rowCount >= source.columnCount);
  const [n, m] = byColumns ? [source.rowCount, source.columnCount] : [source.columnCount, source.rowCount];
  const cell = (category: number, series: number) => (byColumns ? at(category, series) : at(series, category));
  const labels = Array.from({ length: n - 1 }, (_, i) => String(cell(i + 1, 0)));
  const series = Array.from({ length: m - 1 }, (_, j) => ({
    name: String(cell(0, j + 1)),
    values: labels.map((_, i) => {
      const v = cell(i + 1, j + 1);
      return typeof v === 'number' ? v : null;
    }),
  }));
  // The first value cell (below the header row, right of the name column) tells the number format.
  const percent = sheet.numberFormat(source.row + 1, source.column + 1).includes('%');
  const rect = chart.position ?? {
    row: source.row,
    column: source.column + source.columnCount + 1,
    rowCount: 15,
    columnCount: 8,
  };
  return {
    name: chart.name,
    kind: LINE_TYPES.test(chart.type) ? 'line' : 'bar',
    title: chart.title,
    labels,
    series,
    percent,
    rect,
  };
}
