/**
 * PivotTables (ExcelApi 1.8; P excel/excel-add-ins-pivottables.md). The pivot renders into the
 * destination sheet's cells as Excel lays it out, so reading the range returns the numbers.
 * Layout as in the docs' pictures (compact): a "Row Labels" header, "Column Labels" above the
 * column items, data captions "Count of <field>", a "Grand Total" row and, with column fields,
 * column. Japanese captions (行ラベル, 列ラベル, 総計, 個数 / field) are not documented by
 * Microsoft; they follow what Japanese Excel shows. Text fields count (COUNTA).
 */
import { parseRange, splitSheet, type CellRect } from './address';
import { ClientObject, type EmulatorContext } from './context';
import { EmulatorError } from './errors';
import { overlaps, type SheetModel, type Value, type WorkbookModel } from './model';
import { RangeApi, type TableApi } from './api';

type Summarize = 'Count' | 'Sum' | 'Average';
type ShowAs = 'None' | 'PercentOfRowTotal' | 'PercentOfColumnTotal' | 'PercentOfGrandTotal';

interface DataField {
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
  layout: 'Compact' | 'Tabular' | 'Outline';
  /** PivotLayout.autoFormat (ExcelApi 1.9): on by default; a refresh then resets its columns' widths. */
  autoFormat?: boolean;
  rendered?: { rect: CellRect; body: CellRect; rowLabels: CellRect };
}

const CAPTIONS = {
  'en-US': { rowLabels: 'Row Labels', columnLabels: 'Column Labels', grandTotal: 'Grand Total', Count: 'Count of {f}', Sum: 'Sum of {f}', Average: 'Average of {f}', blank: '(blank)' },
  'ja-JP': { rowLabels: '行ラベル', columnLabels: '列ラベル', grandTotal: '総計', Count: '個数 / {f}', Sum: '合計 / {f}', Average: '平均 / {f}', blank: '(空白)' },
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
    if (i < 0) throw new EmulatorError('ItemNotFound', `The source has no field "${name}".`, 'PivotHierarchyCollection.getItem');
    return rect.column + i;
  };
  const rowCols = p.rows.map(col);
  const colCol = p.columns.length ? col(p.columns[0]) : undefined;
  const dataCols = p.data.map((d) => col(d.field));
  const label = (v: Value) => (v === '' ? captions.blank : String(v));
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
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) if (src.value(r, c) !== '') { blank = false; break; }
    if (blank) continue;
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
      showAs === 'PercentOfRowTotal' ? aggregate(cells.get(`${rk}\u0000\u0001`)?.[i] ?? [], p.data[i].summarizeBy)
      : showAs === 'PercentOfColumnTotal' ? aggregate(cells.get(`\u0001\u0000${ck}`)?.[i] ?? [], p.data[i].summarizeBy)
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
    grid.push([p.layout === 'Compact' ? captions.rowLabels : p.rows.join(' / '), ...colsOut.map((c) => (c === '\u0001' ? captions.grandTotal : c))]);
    for (const rk of rowsOut) grid.push([rk === '\u0001' ? captions.grandTotal : rk, ...colsOut.map((ck) => value(rk, ck, 0))]);
  } else {
    grid.push([p.layout === 'Compact' ? captions.rowLabels : p.rows.join(' / '), ...p.data.map(dataName)]);
    for (const rk of rowsOut) grid.push([rk === '\u0001' ? captions.grandTotal : rk, ...p.data.map((_, i) => value(rk, '\u0001', i))]);
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
  const headerRows = colCol !== undefined && p.data.length ? 2 : 1;
  p.rendered = {
    rect: { row: p.at.row, column: p.at.column, rowCount: grid.length, columnCount: width },
    body: { row: p.at.row + headerRows, column: p.at.column + (width > 1 ? 1 : 0), rowCount: Math.max(1, grid.length - headerRows), columnCount: Math.max(1, width - 1) },
    rowLabels: { row: p.at.row + headerRows, column: p.at.column, rowCount: Math.max(1, grid.length - headerRows), columnCount: 1 },
  };
}

export class PivotTableCollection extends ClientObject {
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly sheet: () => SheetModel) {
    super(context);
  }
  protected snapshot() {
    return {};
  }
  /** add(name, source, destination): the pivot goes at the destination's top-left. */
  add(name: string, source: string | RangeApi | TableApi, destination: string | RangeApi): PivotTableApi {
    let created: PivotModel | undefined;
    this.context.enqueue(() => {
      if (pivots(this.model).some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new EmulatorError('ItemAlreadyExists', `A PivotTable named "${name}" already exists.`, 'PivotTableCollection.add');
      const sourceOf = (): (() => { sheet: SheetModel; rect: CellRect }) => {
        if (typeof source === 'string') {
          const { sheet, local } = splitSheet(source);
          const s = sheet ? this.model.sheet(sheet) : this.sheet();
          if (!s) throw new EmulatorError('InvalidReference', `The source "${source}" is not a range.`);
          const rect = parseRange(local);
          return () => ({ sheet: s, rect });
        }
        if ('getHeaderRowRange' in source) {
          const t = source.resolve();
          return () => ({ sheet: t.sheet, rect: t.rect });
        }
        const target = source.target();
        return () => target;
      };
      let destSheet = this.sheet();
      let at: { row: number; column: number };
      if (typeof destination === 'string') {
        const { sheet, local } = splitSheet(destination);
        if (sheet) destSheet = this.model.sheet(sheet) ?? destSheet;
        const r = parseRange(local);
        at = { row: r.row, column: r.column };
      } else {
        const t = destination.target();
        destSheet = t.sheet;
        at = { row: t.rect.row, column: t.rect.column };
      }
      const src = sourceOf()();
      // Overlap with the source is undocumented; PivotTableRangeConflict is the nearest code.
      if (src.sheet === destSheet && overlaps(src.rect, { row: at.row, column: at.column, rowCount: 3, columnCount: 2 })) throw new EmulatorError('PivotTableRangeConflict', 'The PivotTable would overlap its source.', 'PivotTableCollection.add');
      created = { id: this.model.newId('pivot'), name, sheet: destSheet, at, source: sourceOf(), rows: [], columns: [], data: [], filters: [], layout: 'Compact' };
      pivots(this.model).push(created);
      renderPivot(this.model, created);
    });
    return new PivotTableApi(this.context, this.model, () => {
      if (!created) throw new EmulatorError('ItemNotFound', 'The PivotTable was not created.');
      return created;
    });
  }
  getItem(name: string): PivotTableApi {
    return new PivotTableApi(this.context, this.model, () => {
      const p = pivots(this.model).find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!p) throw new EmulatorError('ItemNotFound', `The PivotTable "${name}" does not exist.`, 'PivotTableCollection.getItem');
      return p;
    });
  }
}

export class PivotTableApi extends ClientObject {
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly resolve: () => PivotModel) {
    super(context);
  }
  protected snapshot() {
    const p = this.resolve();
    return { name: () => p.name, id: () => p.id };
  }
  get name(): string {
    return this.read('name');
  }
  get hierarchies() {
    return { getItem: (name: string) => ({ name }) };
  }
  /** A hierarchy lives in one axis; adding it to another moves it (excel-api.md "PivotTables"). */
  private axis(kind: 'rows' | 'columns' | 'filters') {
    return {
      add: (h: { name: string }) => {
        this.context.enqueue(() => {
          const p = this.resolve();
          p.rows = p.rows.filter((x) => x !== h.name);
          p.columns = p.columns.filter((x) => x !== h.name);
          p.filters = p.filters.filter((x) => x !== h.name);
          p[kind].push(h.name);
          renderPivot(this.model, p);
        });
        return { name: h.name };
      },
    };
  }
  get rowHierarchies() {
    return this.axis('rows');
  }
  get columnHierarchies() {
    return this.axis('columns');
  }
  get filterHierarchies() {
    return this.axis('filters');
  }
  get dataHierarchies() {
    return {
      add: (h: { name: string }) => {
        const ref: { field?: DataField } = {};
        this.context.enqueue(() => {
          const p = this.resolve();
          const { sheet, rect } = p.source();
          const header = Array.from({ length: rect.columnCount }, (_, c) => String(sheet.value(rect.row, rect.column + c)));
          const c = header.findIndex((x) => x.toLowerCase() === h.name.toLowerCase());
          let numeric = c >= 0;
          for (let r = rect.row + 1; numeric && r < rect.row + rect.rowCount; r++) {
            const v = sheet.value(r, rect.column + c);
            if (v !== '' && typeof v !== 'number') numeric = false;
          }
          const by: Summarize = numeric ? 'Sum' : 'Count';
          ref.field = { field: h.name, summarizeBy: by, showAs: 'None', name: CAPTIONS[this.model.culture][by].replace('{f}', h.name) };
          p.data.push(ref.field);
          renderPivot(this.model, p);
        });
        const update = (fn: (d: DataField) => void) =>
          this.context.enqueue(() => {
            if (ref.field) fn(ref.field);
            renderPivot(this.model, this.resolve());
          });
        const model = this.model;
        return {
          set summarizeBy(by: Summarize) {
            update((d) => {
              const fresh = d.name === CAPTIONS[model.culture][d.summarizeBy].replace('{f}', d.field);
              d.summarizeBy = by;
              if (fresh) d.name = CAPTIONS[model.culture][by].replace('{f}', d.field);
            });
          },
          set showAs(rule: { calculation: ShowAs }) {
            update((d) => (d.showAs = rule.calculation));
          },
          set name(name: string) {
            update((d) => (d.name = name));
          },
        };
      },
    };
  }
  get layout() {
    const range = (pick: (r: NonNullable<PivotModel['rendered']>) => CellRect) => {
      return new RangeApi(this.context, this.model, () => {
        const p = this.resolve();
        if (!p.rendered) throw new EmulatorError('ItemNotFound', 'The PivotTable has not been laid out.');
        return { sheet: p.sheet, rect: pick(p.rendered) };
      });
    };
    const enqueue = (fn: () => void) => this.context.enqueue(fn);
    const resolve = () => this.resolve();
    const relayout = (type: 'Compact' | 'Tabular' | 'Outline') =>
      this.context.enqueue(() => {
        const p = this.resolve();
        p.layout = type;
        renderPivot(this.model, p);
      });
    return {
      getRange: () => range((r) => r.rect),
      getDataBodyRange: () => range((r) => r.body),
      getRowLabelRange: () => range((r) => r.rowLabels),
      set layoutType(type: 'Compact' | 'Tabular' | 'Outline') {
        relayout(type);
      },
      set autoFormat(on: boolean) {
        enqueue(() => (resolve().autoFormat = on));
      },
    };
  }
  /**
   * refresh() recomputes from the source (ExcelApi 1.3). With autoFormat on (the default), Excel
   * formats the pivot afresh and its columns lose the widths set on them (R excel.pivotlayout.yml
   * `autoFormat`: "formatting will be automatically formatted when it's refreshed").
   */
  refresh(): void {
    this.context.enqueue(() => {
      const p = this.resolve();
      renderPivot(this.model, p);
      if (p.autoFormat !== false && p.rendered) for (let c = p.rendered.rect.column; c < p.rendered.rect.column + p.rendered.rect.columnCount; c++) p.sheet.columnWidths.delete(c);
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const p = this.resolve();
      if (p.rendered) p.sheet.clear(p.rendered.rect, 'All');
      const list = pivots(this.model);
      list.splice(list.indexOf(p), 1);
    });
  }
}

