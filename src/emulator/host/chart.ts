/**
 * Charts (R excel.chart.yml): stored and readable — type, source, title, name — not drawn
 * (DIFFERENCES.md).
 */
import { assertFound } from '../errors';
import type { ChartModel, SheetModel } from '../model';
import { ref, type Exec, type HostClass } from './dispatch';
import { rangeAddress, rangeArgument } from './range';

interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

const chartTitleClass: HostClass<ChartTarget> = {
  name: 'ChartTitle',
  props: { Text: { get: (c) => c.chart.title, set: (c, v) => void (c.chart.title = String(v)) } },
};

const chartClass: HostClass<ChartTarget> = {
  name: 'Chart',
  id: (c) => c.chart.id,
  props: {
    Id: { get: (c) => c.chart.id },
    Name: { get: (c) => c.chart.name, set: (c, v) => void (c.chart.name = String(v)) },
    ChartType: { get: (c) => c.chart.type, set: (c, v) => void (c.chart.type = String(v)) },
  },
  nav: { Title: (c) => ref(chartTitleClass, c) },
  methods: {
    // Chart.setPosition(start, end?): the cells it covers, kept so the workbench draws the chart there.
    SetPosition: (c, [start, end], x: Exec) => {
      const a = rangeArgument(start, c.sheet, x, 'Chart.setPosition').rect;
      const b = end === undefined || end === null ? a : rangeArgument(end, c.sheet, x, 'Chart.setPosition').rect;
      c.chart.position = {
        row: a.row,
        column: a.column,
        rowCount: Math.max(1, b.row + b.rowCount - a.row),
        columnCount: Math.max(1, b.column + b.columnCount - a.column),
      };
    },
    Delete: (c) => {
      c.sheet.charts = c.sheet.charts.filter((v) => v !== c.chart);
    },
  },
};

function findChart(sheet: SheetModel, key: unknown): ChartModel | undefined {
  const k = String(key).toLowerCase();
  return sheet.charts.find((c) => c.name.toLowerCase() === k || c.id.toLowerCase() === k);
}

export const chartCollectionClass: HostClass<SheetModel> = {
  name: 'ChartCollection',
  items: (sheet) => sheet.charts.map((chart) => ref(chartClass, { sheet, chart })),
  indexer: (sheet, key) => {
    const chart = findChart(sheet, key);
    assertFound(chart, `The chart "${String(key)}" does not exist.`, 'ChartCollection.getItem');
    return ref(chartClass, { sheet, chart });
  },
  methods: {
    Add: (sheet, [type, source, seriesBy], x: Exec) => {
      const t = rangeArgument(source, sheet, x, 'ChartCollection.add');
      const chart: ChartModel = {
        id: x.model.newId('chart'),
        name: `Chart ${sheet.charts.length + 1}`,
        type: String(type),
        sourceAddress: rangeAddress(t),
        seriesBy: String(seriesBy ?? 'Auto'),
        title: '',
      };
      sheet.charts.push(chart);
      return ref(chartClass, { sheet, chart });
    },
    GetItemOrNullObject: (sheet, [key]) => {
      const chart = findChart(sheet, key);
      return chart ? ref(chartClass, { sheet, chart }) : null;
    },
    GetItemAt: (sheet, [index]) => {
      const chart = sheet.charts[Number(index)];
      assertFound(chart, `There is no chart at index ${String(index)}.`, 'ChartCollection.getItemAt');
      return ref(chartClass, { sheet, chart });
    },
    GetCount: (sheet) => sheet.charts.length,
  },
};
