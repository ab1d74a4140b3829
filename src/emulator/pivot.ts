/**
 * PivotTables (ExcelApi 1.8; P excel/excel-add-ins-pivottables.md). The pivot renders into the
 * destination sheet's cells as Excel lays it out, so reading the range returns the numbers.
 * Layout as in the docs' pictures (compact): a "Row Labels" header, "Column Labels" above the
 * column items, data captions "Count of <field>", a "Grand Total" row and, with column fields,
 * column. Japanese captions (行ラベル, 列ラベル, 総計, 個数 / field) are not documented by
 * Microsoft; they follow what Japanese Excel shows. Text fields count (COUNTA).
 */
import type { CellRect } from '../excelSpec';
import { EmulatorError } from './errors';
import type { SheetModel, Value, WorkbookModel } from './model';

export type Summarize = 'Count' | 'Sum' | 'Average';
export type ShowAs = 'None' | 'PercentOfRowTotal' | 'PercentOfColumnTotal' | 'PercentOfGrandTotal';

export interface DataField {
  field: string;
  name: string;
  summarizeBy: Summarize;
  showAs: ShowAs;
}

export interface PivotModel {
  id: string;
  name: string;
  sheet: SheetModel;
  at: { row: number; column: number };
  source: () => { sheet: SheetModel; rect: CellRect };
  rows: string[];
  columns: string[];
  data: DataField[];
  filters: string[];
  /** Items hidden per field (PivotItem.visible = false): left out of the body and of every total. */
  hidden?: Record<string, string[]>;
  layout: 'Compact' | 'Tabular' | 'Outline';
  /** PivotLayout.autoFormat (ExcelApi 1.9): on, a refresh or a field change autofits the pivot's columns. */
  autoFormat: boolean;
  rendered?: { rect: CellRect; body: CellRect; rowLabels: CellRect };
}

export const CAPTIONS = {
  'en-US': {
    rowLabels: 'Row Labels',
    columnLabels: 'Column Labels',
    grandTotal: 'Grand Total',
    Count: 'Count of {f}',
    Sum: 'Sum of {f}',
    Average: 'Average of {f}',
    blank: '(blank)',
  },
  'ja-JP': {
    rowLabels: '行ラベル',
    columnLabels: '列ラベル',
    grandTotal: '総計',
    Count: '個数 / {f}',
    Sum: '合計 / {f}',
    Average: '平均 / {f}',
    blank: '(空白)',
  },
} as const;

const pivotsOf = new WeakMap<WorkbookModel, PivotModel[]>();
export function pivots(model: WorkbookModel): PivotModel[] {
  let list = pivotsOf.get(model);
  if (!list) pivotsOf.set(model, (list = []));
  return list;
}

function aggregate(values: Value[], by: Summarize): number {
  if (by === 'Count') return values.filter((v) => v !== '').length;
  const nums = values.filter((v): v is number => typeof v === 'number');
  const sum = nums.reduce((s, v) => s + v, 0);
  return by === 'Sum' ? sum : nums.length ? sum / nums.length : 0;
}

/** Recomputes a pivot from its source and writes it into the destination cells. */
export function renderPivot(model: WorkbookModel, p: PivotModel): void {
  const captions = CAPTIONS[model.culture];
  const { sheet: src, rect } = p.source();
  const header = Array.from({ length: rect.columnCount }, (_, c) => String(src.value(rect.row, rect.column + c)));
  const col = (name: string) => {
    const i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (i < 0)
      throw new EmulatorError('ItemNotFound', `The source has no field "${name}".`, 'PivotHierarchyCollection.getItem');
    return rect.column + i;
  };
  const rowCols = p.rows.map(col);
  const colCol = p.columns.length ? col(p.columns[0]) : undefined;
  const dataCols = p.data.map((d) => col(d.field));
  const label = (v: Value) => (v === '' ? captions.blank : String(v));
  const hiddenCols = Object.entries(p.hidden ?? {})
    .filter(([, items]) => items.length)
    .map(([f, items]) => [col(f), items] as const);
  const rowKeys: string[] = [];
  const colKeys: string[] = [];
  const cells = new Map<string, Value[][]>(); // rowKey \u0000 colKey → per data field values
  const add = (rk: string, ck: string, r: number) => {
    const k = `${rk}\u0000${ck}`;
    let list = cells.get(k);
    if (!list) cells.set(k, (list = p.data.map(() => [])));
    dataCols.forEach((c, i) => list![i].push(src.value(r, c)));
  };
  for (let r = rect.row + 1; r < rect.row + rect.rowCount; r++) {
    let blank = true;
    for (let c = rect.column; c < rect.column + rect.columnCount; c++)
      if (src.value(r, c) !== '') {
        blank = false;
        break;
      }
    if (blank) continue;
    // A hidden item's rows count nowhere, totals included, as Excel shows a non-OLAP pivot.
    if (hiddenCols.some(([c, items]) => items.includes(label(src.value(r, c))))) continue;
    const rk = rowCols.map((c) => label(src.value(r, c))).join(' / ');
    const ck = colCol === undefined ? '' : label(src.value(r, colCol));
    if (!rowKeys.includes(rk)) rowKeys.push(rk);
    if (!colKeys.includes(ck)) colKeys.push(ck);
    add(rk, ck, r);
    add(rk, '\u0001', r);
    add('\u0001', ck, r);
    add('\u0001', '\u0001', r);
  }
  const collator = new Intl.Collator(model.culture, { numeric: true });
  rowKeys.sort(collator.compare);
  colKeys.sort(collator.compare);
  const rowsOut = [...rowKeys, '\u0001'];
  const colsOut = colCol === undefined ? ['\u0001'] : [...colKeys, '\u0001'];
  const value = (rk: string, ck: string, i: number): number => {
    const raw = aggregate(cells.get(`${rk}\u0000${ck}`)?.[i] ?? [], p.data[i].summarizeBy);
    const showAs = p.data[i].showAs;
    if (showAs === 'None') return raw;
    const total =
      showAs === 'PercentOfRowTotal'
        ? aggregate(cells.get(`${rk}\u0000\u0001`)?.[i] ?? [], p.data[i].summarizeBy)
        : showAs === 'PercentOfColumnTotal'
          ? aggregate(cells.get(`\u0001\u0000${ck}`)?.[i] ?? [], p.data[i].summarizeBy)
          : aggregate(cells.get('\u0001\u0000\u0001')?.[i] ?? [], p.data[i].summarizeBy);
    return total ? raw / total : 0;
  };
  const grid: Value[][] = [];
  const dataName = (d: DataField) => d.name;
  if (p.data.length === 0) {
    // No values yet: Excel shows the row labels only (or an empty placeholder).
    grid.push([p.rows.length ? captions.rowLabels : '']);
    if (p.rows.length) for (const rk of rowsOut) grid.push([rk === '\u0001' ? captions.grandTotal : rk]);
  } else if (colCol !== undefined) {
    // One data field with a column field: caption row, then the column items.
    grid.push([dataName(p.data[0]), captions.columnLabels, ...Array(colsOut.length - 1).fill('')]);
    grid.push([
      p.layout === 'Compact' ? captions.rowLabels : p.rows.join(' / '),
      ...colsOut.map((c) => (c === '\u0001' ? captions.grandTotal : c)),
    ]);
    for (const rk of rowsOut)
      grid.push([rk === '\u0001' ? captions.grandTotal : rk, ...colsOut.map((ck) => value(rk, ck, 0))]);
  } else {
    grid.push([p.layout === 'Compact' ? captions.rowLabels : p.rows.join(' / '), ...p.data.map(dataName)]);
    for (const rk of rowsOut)
      grid.push([rk === '\u0001' ? captions.grandTotal : rk, ...p.data.map((_, i) => value(rk, '\u0001', i))]);
  }
  // Clear what an earlier render wrote, then write this one.
  if (p.rendered) p.sheet.clear(p.rendered.rect, 'All');
  const width = Math.max(...grid.map((r) => r.length));
  const percent = p.data.some((d) => d.showAs !== 'None');
  grid.forEach((row, i) =>
    row.forEach((v, j) => {
      p.sheet.setCell(p.at.row + i, p.at.column + j, v);
      if (percent && typeof v === 'number') p.sheet.setNumberFormat(p.at.row + i, p.at.column + j, '0.00%');
    }),
  );
  // With autoFormat on (the default), Excel fits the pivot's columns to the pivot again on every
  // refresh, so widths the add-in set are lost (R excel.pivotlayout.yml autoFormat).
  // A pivot without fields is an empty placeholder: nothing to fit yet.
  const hasFields = p.rows.length + p.columns.length + p.data.length > 0;
  if (p.autoFormat && hasFields) p.sheet.autofitColumns(p.at.column, width, { row: p.at.row, rowCount: grid.length });
  const headerRows = colCol !== undefined && p.data.length ? 2 : 1;
  p.rendered = {
    rect: { row: p.at.row, column: p.at.column, rowCount: grid.length, columnCount: width },
    body: {
      row: p.at.row + headerRows,
      column: p.at.column + (width > 1 ? 1 : 0),
      rowCount: Math.max(1, grid.length - headerRows),
      columnCount: Math.max(1, width - 1),
    },
    rowLabels: {
      row: p.at.row + headerRows,
      column: p.at.column,
      rowCount: Math.max(1, grid.length - headerRows),
      columnCount: 1,
    },
  };
}
