import { createWorkbook } from '../emulator';
import { chartSpec } from './chartData';

test(
  'a line chart by rows: batches as categories, one series per moderator, ' +
    'gaps for blanks, percent axis, placed where setPosition put it',
  async () => {
    const book = createWorkbook();
    book.addSheet('QA Trends', [
      ['Moderator', 'W45', 'W46', 'W47'],
      ['lee', 1, 0.5, ''],
      ['sato', 0.9, 0.8, 0.95],
    ]);
    await book.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('QA Trends');
      ws.getRange('B2:D3').numberFormat = [
        ['0.0%', '0.0%', '0.0%'],
        ['0.0%', '0.0%', '0.0%'],
      ];
      const chart = ws.charts.add('Line' as Excel.ChartType, ws.getRange('A1:D3'), 'Rows' as Excel.ChartSeriesBy);
      chart.title.text = 'Accuracy';
      chart.setPosition('F1', 'M15');
      await context.sync();
    });
    const sheet = book.model.sheet('QA Trends')!;
    expect(chartSpec(book.model, sheet.charts[0])).toEqual({
      name: 'Chart 1',
      kind: 'line',
      title: 'Accuracy',
      labels: ['W45', 'W46', 'W47'],
      series: [
        { name: 'lee', values: [1, 0.5, null] },
        { name: 'sato', values: [0.9, 0.8, 0.95] },
      ],
      percent: true,
      rect: { row: 0, column: 5, rowCount: 15, columnCount: 8 },
    });
  },
);

test(
  'a column chart by columns, and Auto on a tall range: ' +
    'categories down the first column; beside its source when not placed',
  async () => {
    const book = createWorkbook();
    book.addSheet('R', [
      ['', '', '', 'Errors by type', '#'],
      ['', '', '', 'over', 3],
      ['', '', '', 'under', 1],
    ]);
    await book.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('R');
      ws.charts.add('ColumnClustered' as Excel.ChartType, ws.getRange('D1:E3'), 'Auto' as Excel.ChartSeriesBy);
      await context.sync();
    });
    const spec = chartSpec(book.model, book.model.sheet('R')!.charts[0])!;
    expect([spec.kind, spec.labels, spec.series, spec.percent, spec.rect]).toEqual([
      'bar',
      ['over', 'under'],
      [{ name: '#', values: [3, 1] }],
      false,
      { row: 0, column: 6, rowCount: 15, columnCount: 8 },
    ]);
  },
);
