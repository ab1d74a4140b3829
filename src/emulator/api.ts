/**
 * The Excel JavaScript API objects over the model, with Excel's batching: proxies queue their
 * commands; `context.sync()` runs them in order. Each behavior cites the Microsoft page it
 * encodes (R = office-js-docs-reference excel/*.yml, P = office-js-docs-pr, # = office-js issues).
 */
import { formatRect, parseRange, quoteSheet, splitSheet, MAX_COLUMNS, MAX_ROWS, type CellRect } from './address';
import { ClientObject, jsonSize, type EmulatorContext } from './context';
import { EmulatorError, propertyNotLoaded } from './errors';
import { overlaps, type CellFormat, type ChangeHandler, type SheetModel, type TableModel, type Value, type WorkbookModel } from './model';
import { PivotTableCollection } from './pivot';

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Stores one written value as Excel does (R excel.range.yml `values`): `null` leaves the cell
 * unchanged; a string starting with "=" is a formula, and so is one starting with "+" or "-"
 * that is not a number (the reference says + and - can start formulas); a numeric string
 * becomes a number (so "0012" loses its zeros and 19 digits lose precision). Assumption, not
 * documented by Microsoft: a cell formatted as text ("@") keeps any string as text, as Excel's
 * own UI does (`textFormatKeepsText`, switched off by tests). A leading apostrophe is Excel's
 * text prefix, as when typed (support.microsoft.com "Format numbers as text"): the rest is stored
 * as text. Strings starting with "@" are stored as text.
 */
export function storeWritten(sheet: SheetModel, row: number, column: number, v: unknown, asFormula: boolean, textFormatKeepsText = true): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'number' || typeof v === 'boolean') {
    sheet.setCell(row, column, v);
    return;
  }
  const s = String(v);
  if (s[0] === "'" && !asFormula) {
    sheet.setCell(row, column, s.slice(1));
    return;
  }
  if (textFormatKeepsText && sheet.numberFormat(row, column) === '@') {
    sheet.setCell(row, column, s);
    return;
  }
  if (s.length > 1 && s[0] === '=') {
    sheet.setCell(row, column, '', s);
    return;
  }
  if (NUMERIC.test(s.trim())) {
    sheet.setCell(row, column, Number(s.trim()));
    return;
  }
  if (s.length > 1 && (s[0] === '+' || s[0] === '-') && !asFormula) {
    // Not a number: Excel reads it as a formula, which here is not evaluated.
    sheet.setCell(row, column, '#NAME?', `=${s}`);
    return;
  }
  sheet.setCell(row, column, s);
}

function shapeError(location: string, rows: number, columns: number, gotRows: number, gotColumns: number): EmulatorError {
  // A write must match the range's shape (#1025): InvalidArgument at Range.values.
  return new EmulatorError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (expected ${rows}×${columns}, got ${gotRows}×${gotColumns}).`, location);
}

export class WorkbookApi extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  constructor(context: EmulatorContext, readonly model: WorkbookModel) {
    super(context);
    this.worksheets = new WorksheetCollection(context, model);
    this.tables = new TableCollection(context, model, () => undefined);
    this.names = new NamedItemCollection(context, model);
  }
  protected snapshot() {
    return { name: () => 'Book1' };
  }
  getSelectedRange(): RangeApi {
    return new RangeApi(this.context, this.model, () => {
      const sel = this.model.selection ?? (this.model.activeSheet ? { sheet: this.model.activeSheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } } : undefined);
      if (!sel) throw new EmulatorError('ItemNotFound', 'There is no selection.');
      return sel;
    });
  }
  getActiveCell(): RangeApi {
    return new RangeApi(this.context, this.model, () => {
      const sel = this.model.selection;
      if (sel) return { sheet: sel.sheet, rect: { row: sel.rect.row, column: sel.rect.column, rowCount: 1, columnCount: 1 } };
      if (!this.model.activeSheet) throw new EmulatorError('ItemNotFound', 'There is no active cell.');
      return { sheet: this.model.activeSheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }
}

export class WorksheetCollection extends ClientObject {
  private itemsLoaded: WorksheetApi[] | undefined;
  constructor(context: EmulatorContext, readonly model: WorkbookModel) {
    super(context);
  }
  protected snapshot() {
    return {};
  }
  override load(): this {
    this.context.enqueue(() => {
      const list = this.model.sheets.map((s) => {
        const w = new WorksheetApi(this.context, this.model, () => s);
        w.prime(s);
        return w;
      });
      this.context.addResponseBytes(list.length * 80);
      this.context.onSynced(() => (this.itemsLoaded = list));
    });
    return this;
  }
  get items(): WorksheetApi[] {
    if (!this.itemsLoaded) throw new EmulatorError('PropertyNotLoaded', "The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
    return this.itemsLoaded;
  }
  add(name?: string): WorksheetApi {
    let created: SheetModel | undefined;
    this.context.enqueue(() => {
      created = this.model.addSheet(name);
    });
    return new WorksheetApi(this.context, this.model, () => {
      if (!created) throw new EmulatorError('ItemNotFound', 'The worksheet was not created.');
      return created;
    });
  }
  /** getItem of a missing sheet: ItemNotFound (P develop/application-specific-api-model.md). */
  getItem(name: string): WorksheetApi {
    // A proxy refers to its object, not its name: once found, a rename later in the batch keeps it.
    let bound: SheetModel | undefined;
    return new WorksheetApi(this.context, this.model, () => {
      if (bound && this.model.sheets.includes(bound)) return bound;
      const s = this.model.sheet(name) ?? this.model.sheets.find((x) => x.id === name);
      if (!s) throw new EmulatorError('ItemNotFound', `The requested resource doesn't exist: worksheet "${name}".`, 'WorksheetCollection.getItem');
      bound = s;
      return s;
    });
  }
  /** *OrNullObject gives an object whose isNullObject is true, never null (same page). */
  getItemOrNullObject(name: string): WorksheetApi {
    let bound: SheetModel | undefined;
    const api = new WorksheetApi(this.context, this.model, () => {
      if (bound && this.model.sheets.includes(bound)) return bound;
      bound = this.model.sheet(name);
      return bound ?? null;
    });
    api.nullable();
    return api;
  }
  getActiveWorksheet(): WorksheetApi {
    return new WorksheetApi(this.context, this.model, () => {
      if (!this.model.activeSheet) throw new EmulatorError('ItemNotFound', 'There is no active worksheet.');
      return this.model.activeSheet;
    });
  }
  getCount(): { value: number } {
    const result = { value: 0 };
    this.context.enqueue(() => {
      const n = this.model.sheets.length;
      this.context.onSynced(() => (result.value = n));
    });
    return result;
  }
}

type SheetResolver = () => SheetModel | null;

export class WorksheetApi extends ClientObject {
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly resolveOrNull: SheetResolver) {
    super(context);
  }
  /** Marks an *OrNullObject result: isNullObject is readable after the next sync. */
  nullable(): void {
    this.trackNullness(() => this.resolveOrNull() === null);
  }
  /** Fills the loaded scalars from an already-known sheet (collection loads). */
  prime(s: SheetModel): void {
    for (const [k, get] of Object.entries(this.snapshotOf(s))) this.loaded.set(k, get());
  }
  resolve(): SheetModel {
    const s = this.resolveOrNull();
    if (!s) throw new EmulatorError('ItemNotFound', 'The requested worksheet does not exist.');
    return s;
  }
  private snapshotOf(s: SheetModel | null): Record<string, () => unknown> {
    if (!s) return { isNullObject: () => true };
    return {
      id: () => s.id,
      name: () => s.name,
      position: () => this.model.sheets.indexOf(s),
      visibility: () => s.visibility,
      isNullObject: () => false,
    };
  }
  protected snapshot() {
    return this.snapshotOf(this.resolveOrNull());
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.context.enqueue(() => {
      const s = this.resolve();
      this.model.checkSheetName(value, s);
      s.name = value;
    });
  }
  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.context.enqueue(() => {
      const s = this.resolve();
      const list = this.model.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, s);
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.context.enqueue(() => {
      this.resolve().visibility = value;
    });
  }
  getRange(address?: string): RangeApi {
    return new RangeApi(this.context, this.model, () => {
      const sheet = this.resolve();
      if (!address) return { sheet, rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      const { sheet: named, local } = splitSheet(address);
      if (named && named.toLowerCase() !== sheet.name.toLowerCase()) throw new EmulatorError('InvalidArgument', `The address "${address}" is on another sheet.`, 'Worksheet.getRange');
      return { sheet, rect: parseRange(local) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeApi {
    return new RangeApi(this.context, this.model, () => {
      const rect = { row: startRow, column: startColumn, rowCount, columnCount };
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw new EmulatorError('InvalidArgument', 'The indexes are outside the worksheet.', 'Worksheet.getRangeByIndexes');
      }
      return { sheet: this.resolve(), rect };
    });
  }
  /** Used range; on a blank sheet the top-left cell (P excel/excel-add-ins-ranges… and excel-api.md). */
  getUsedRange(valuesOnly = false): RangeApi {
    return new RangeApi(this.context, this.model, () => {
      const sheet = this.resolve();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeApi {
    return this.nullableRange(() => {
      // A null worksheet gives a null range, as objects derived from null objects are null too.
      const sheet = this.resolveOrNull();
      if (!sheet) return null;
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }
  private nullableRange(resolver: () => RangeTarget | null): RangeApi {
    const r = new RangeApi(this.context, this.model, resolver);
    r.nullable();
    return r;
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, this.model, () => this.resolve());
  }
  get pivotTables(): PivotTableCollection {
    return new PivotTableCollection(this.context, this.model, () => this.resolve());
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, this.model, () => this.resolve());
  }
  get freezePanes() {
    const ctx = this.context;
    const set = (rows: number, columns: number) =>
      ctx.enqueue(() => {
        this.resolve().freeze = { rows, columns };
      });
    return {
      freezeRows: (count = 1) =>
        ctx.enqueue(() => {
          const s = this.resolve();
          s.freeze = { rows: count, columns: s.freeze.columns };
        }),
      freezeColumns: (count = 1) =>
        ctx.enqueue(() => {
          const s = this.resolve();
          s.freeze = { rows: s.freeze.rows, columns: count };
        }),
      freezeAt: (range: RangeApi | string) =>
        ctx.enqueue(() => {
          const rect = typeof range === 'string' ? parseRange(range) : range.target().rect;
          this.resolve().freeze = { rows: rect.row + rect.rowCount, columns: rect.column + rect.columnCount };
        }),
      unfreeze: () => set(0, 0),
      getLocationOrNullObject: () =>
        this.nullableRange(() => {
          const s = this.resolve();
          if (!s.freeze.rows && !s.freeze.columns) return null;
          return { sheet: s, rect: { row: 0, column: 0, rowCount: Math.max(1, s.freeze.rows), columnCount: Math.max(1, s.freeze.columns) } };
        }),
    };
  }
  get protection() {
    const ctx = this.context;
    const resolve = () => this.resolve();
    const result = {
      protect: () =>
        ctx.enqueue(() => {
          const s = resolve();
          // protect() on a protected sheet fails (excel-api.md "Errors").
          if (s.protected) throw new EmulatorError('InvalidOperation', 'The worksheet is already protected.', 'WorksheetProtection.protect');
          s.protected = true;
        }),
      unprotect: () =>
        ctx.enqueue(() => {
          resolve().protected = false;
        }),
      load: () => {
        ctx.enqueue(() => {
          const p = resolve().protected;
          ctx.onSynced(() => (loadedProtected = p));
        });
        return result;
      },
      get protected(): boolean {
        if (loadedProtected === undefined) throw new EmulatorError('PropertyNotLoaded', "The property 'protected' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
        return loadedProtected;
      },
    };
    let loadedProtected: boolean | undefined;
    return result;
  }
  activate(): void {
    this.context.enqueue(() => {
      this.model.activeSheet = this.resolve();
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = this.resolve();
      if (this.model.sheets.filter((x) => x.visibility === 'Visible').length === 1 && s.visibility === 'Visible') throw new EmulatorError('InvalidOperation', 'A workbook must keep at least one visible sheet.', 'Worksheet.delete');
      this.model.sheets.splice(this.model.sheets.indexOf(s), 1);
      this.model.tables = this.model.tables.filter((t) => t.sheet !== s);
      if (this.model.activeSheet === s) this.model.activeSheet = this.model.sheets[0];
      if (this.model.selection?.sheet === s) this.model.selection = undefined;
    });
  }
  /** Worksheet.onChanged (ExcelApi 1.7): handlers run when a cell is edited in the grid (model-level edits). */
  get onChanged() {
    return {
      add: (handler: ChangeHandler) => {
        const holder: { sheet?: SheetModel } = {};
        this.context.enqueue(() => {
          holder.sheet = this.resolve();
          holder.sheet.changeHandlers.push(handler);
        });
        // As Office.js: remove() is queued on the context the handler was added in (result.context).
        return {
          context: this.context,
          remove: () =>
            this.context.enqueue(() => {
              const s = holder.sheet;
              if (s) s.changeHandlers = s.changeHandlers.filter((h) => h !== handler);
            }),
        };
      },
    };
  }
}

export interface RangeTarget {
  sheet: SheetModel;
  rect: CellRect;
}
type RangeResolver = () => RangeTarget | null;

function guardProtected(sheet: SheetModel, location: string): void {
  // Undocumented in office-js for writes; Graph answers AccessDenied (excel-api.md "Errors").
  if (sheet.protected) throw new EmulatorError('AccessDenied', `The worksheet "${sheet.name}" is protected.`, location);
}

export class RangeApi extends ClientObject {
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly resolver: RangeResolver) {
    super(context);
  }
  /** Marks an *OrNullObject result: isNullObject is readable after the next sync. */
  nullable(): void {
    this.trackNullness(() => this.resolver() === null);
  }
  target(): RangeTarget {
    const t = this.resolver();
    if (!t) throw new EmulatorError('ItemNotFound', 'The range does not exist.');
    return t;
  }
  private grid<T>(fn: (sheet: SheetModel, r: number, c: number) => T): T[][] {
    const { sheet, rect } = this.target();
    const cells = rect.rowCount * rect.columnCount;
    if (cells > this.context.instrumentation.maxCellsPerRead) {
      // Every platform caps a read at 5,000,000 cells (concepts/resource-limits-and-performance-optimization.md).
      throw new EmulatorError('InvalidOperation', `The read of ${cells} cells exceeds the limit of ${this.context.instrumentation.maxCellsPerRead}.`, 'Range.load');
    }
    const out: T[][] = new Array(rect.rowCount);
    for (let i = 0; i < rect.rowCount; i++) {
      const row: T[] = new Array(rect.columnCount);
      for (let j = 0; j < rect.columnCount; j++) row[j] = fn(sheet, rect.row + i, rect.column + j);
      out[i] = row;
    }
    return out;
  }
  protected snapshot(): Record<string, () => unknown> {
    const t = this.resolver();
    if (!t) return { isNullObject: () => true };
    const { sheet, rect } = t;
    const uniform = <T>(grid: T[][]): T | null => {
      const first = grid[0]?.[0];
      for (const row of grid) for (const v of row) if (v !== first) return null;
      return first ?? null;
    };
    return {
      isNullObject: () => false,
      address: () => `${quoteSheet(sheet.name)}!${formatRect(rect)}`,
      addressLocal: () => `${quoteSheet(sheet.name)}!${formatRect(rect)}`,
      rowIndex: () => rect.row,
      columnIndex: () => rect.column,
      rowCount: () => rect.rowCount,
      columnCount: () => rect.columnCount,
      cellCount: () => rect.rowCount * rect.columnCount,
      values: () => this.grid((s, r, c) => s.value(r, c)),
      // `formulas` returns the value where a cell has no formula (R excel.range.yml).
      formulas: () => this.grid((s, r, c) => s.formula(r, c) ?? s.value(r, c)),
      numberFormat: () => this.grid((s, r, c) => s.numberFormat(r, c)),
      text: () => this.grid((s, r, c) => String(s.value(r, c))),
      valueTypes: () =>
        this.grid((s, r, c) => {
          const v = s.value(r, c);
          if (v === '') return 'Empty';
          if (typeof v === 'boolean') return 'Boolean';
          if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
          return /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!)$/.test(v) ? 'Error' : 'String';
        }),
      hidden: () => false,
      // A format reads null where cells differ (R excel.range.yml).
      numberFormatUniform: () => uniform(this.grid((s, r, c) => s.numberFormat(r, c))),
    };
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get text(): string[][] {
    return this.read('text');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get values(): Value[][] {
    return this.read('values');
  }
  set values(values: Value[][]) {
    this.write('values', values, false);
  }
  get formulas(): Value[][] {
    return this.read('formulas');
  }
  set formulas(values: Value[][]) {
    this.write('formulas', values, true);
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    if (!Array.isArray(formats)) throw new EmulatorError('InvalidArgument', 'numberFormat must be a 2-D array.', 'Range.numberFormat');
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      guardProtected(sheet, 'Range.numberFormat');
      const fill = formats.length === 1 && formats[0].length === 1;
      if (!fill && (formats.length !== rect.rowCount || formats.some((r) => r.length !== rect.columnCount))) throw shapeError('Range.numberFormat', rect.rowCount, rect.columnCount, formats.length, formats[0]?.length ?? 0);
      for (let i = 0; i < rect.rowCount; i++) for (let j = 0; j < rect.columnCount; j++) {
        const f = fill ? formats[0][0] : formats[i][j];
        if (f !== null && f !== undefined) sheet.setNumberFormat(rect.row + i, rect.column + j, f);
      }
    }, jsonSize(formats));
  }
  private write(location: 'values' | 'formulas', values: Value[][], asFormula: boolean): void {
    // `range.values = null` is invalid (excel-api.md "Ranges").
    if (!Array.isArray(values)) throw new EmulatorError('InvalidArgument', `Range.${location} must be a 2-D array.`, `Range.${location}`);
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      guardProtected(sheet, `Range.${location}`);
      const single = values.length === 1 && values[0]?.length === 1;
      if (!single && (values.length !== rect.rowCount || values.some((r) => !Array.isArray(r) || r.length !== rect.columnCount))) {
        throw shapeError(`Range.${location}`, rect.rowCount, rect.columnCount, values.length, values[0]?.length ?? 0);
      }
      for (let i = 0; i < rect.rowCount; i++) {
        const src = single ? values[0] : values[i];
        for (let j = 0; j < rect.columnCount; j++) storeWritten(sheet, rect.row + i, rect.column + j, single ? src[0] : src[j], asFormula, this.model.textFormatKeepsText);
      }
      this.context.host.changed?.(sheet, rect);
    }, jsonSize(values));
  }
  /**
   * Range.valuesAsJson (ExcelApi 1.16, R excel.range.yml; P excel/excel-data-types-concepts.md):
   * a String cell value is stored as text whatever it starts with and whatever the cell's format.
   * Only the basic types are modelled (String, Double, Boolean, Empty); absent before 1.16.
   */
  set valuesAsJson(values: { type: string; basicValue?: unknown }[][]) {
    if (!this.context.host.supports?.('ExcelApi', '1.16')) throw new EmulatorError('UnsupportedOperation', 'Range.valuesAsJson needs ExcelApi 1.16.', 'Range.valuesAsJson');
    if (!Array.isArray(values)) throw new EmulatorError('InvalidArgument', 'Range.valuesAsJson must be a 2-D array.', 'Range.valuesAsJson');
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      guardProtected(sheet, 'Range.valuesAsJson');
      if (values.length !== rect.rowCount || values.some((r) => !Array.isArray(r) || r.length !== rect.columnCount)) throw shapeError('Range.valuesAsJson', rect.rowCount, rect.columnCount, values.length, values[0]?.length ?? 0);
      values.forEach((row, i) =>
        row.forEach((cell, j) => {
          const at = [rect.row + i, rect.column + j] as const;
          if (cell.type === 'String') sheet.setCell(...at, String(cell.basicValue ?? ''));
          else if (cell.type === 'Double' && typeof cell.basicValue === 'number') sheet.setCell(...at, cell.basicValue);
          else if (cell.type === 'Boolean' && typeof cell.basicValue === 'boolean') sheet.setCell(...at, cell.basicValue);
          else if (cell.type === 'Empty') sheet.setCell(...at, '');
          else throw new EmulatorError('InvalidArgument', `A cell value of type "${cell.type}" is not modelled.`, 'Range.valuesAsJson');
        }),
      );
      this.context.host.changed?.(sheet, rect);
    }, jsonSize(values));
  }
  getCell(row: number, column: number): RangeApi {
    return this.derive((r) => ({ row: r.row + row, column: r.column + column, rowCount: 1, columnCount: 1 }));
  }
  getRow(row: number): RangeApi {
    return this.derive((r) => ({ row: r.row + row, column: r.column, rowCount: 1, columnCount: r.columnCount }));
  }
  getColumn(column: number): RangeApi {
    return this.derive((r) => ({ row: r.row, column: r.column + column, rowCount: r.rowCount, columnCount: 1 }));
  }
  getEntireColumn(): RangeApi {
    return this.derive((r) => ({ row: 0, column: r.column, rowCount: MAX_ROWS, columnCount: r.columnCount }));
  }
  getEntireRow(): RangeApi {
    return this.derive((r) => ({ row: r.row, column: 0, rowCount: r.rowCount, columnCount: MAX_COLUMNS }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeApi {
    return this.derive((r) => ({ ...r, row: r.row + rowOffset, column: r.column + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeApi {
    return this.derive((r) => ({ ...r, rowCount: r.rowCount + deltaRows, columnCount: r.columnCount + deltaColumns }));
  }
  getLastRow(): RangeApi {
    return this.derive((r) => ({ row: r.row + r.rowCount - 1, column: r.column, rowCount: 1, columnCount: r.columnCount }));
  }
  getIntersectionOrNullObject(other: RangeApi | string): RangeApi {
    const result = new RangeApi(this.context, this.model, () => {
      const t = this.target();
      const o = typeof other === 'string' ? parseRange(splitSheet(other).local) : other.target().rect;
      const row = Math.max(t.rect.row, o.row);
      const column = Math.max(t.rect.column, o.column);
      const endR = Math.min(t.rect.row + t.rect.rowCount, o.row + o.rowCount);
      const endC = Math.min(t.rect.column + t.rect.columnCount, o.column + o.columnCount);
      return endR > row && endC > column ? { sheet: t.sheet, rect: { row, column, rowCount: endR - row, columnCount: endC - column } } : null;
    });
    result.nullable();
    return result;
  }
  private derive(fn: (rect: CellRect) => CellRect): RangeApi {
    return new RangeApi(this.context, this.model, () => {
      const t = this.target();
      const rect = fn(t.rect);
      if (rect.row < 0 || rect.column < 0 || rect.rowCount < 1 || rect.columnCount < 1 || rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS) {
        throw new EmulatorError('InvalidArgument', 'The resulting range is outside the worksheet.', 'Range');
      }
      return { sheet: t.sheet, rect };
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const t = this.target();
      this.model.activeSheet = t.sheet;
      this.model.selection = t;
    });
  }
  /**
   * Range.insert (R excel.range.yml): only whole rows shifted down are modelled — the cells, their
   * formulas and formats below move down with the rows, as do tables, validations and conditional
   * formats below. Anything else is UnsupportedOperation here (DIFFERENCES.md).
   */
  insert(shift: 'Down' | 'Right'): RangeApi {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      guardProtected(sheet, 'Range.insert');
      if (shift !== 'Down' || rect.column !== 0 || rect.columnCount !== MAX_COLUMNS) throw new EmulatorError('UnsupportedOperation', 'Only whole rows shifted down are modelled.', 'Range.insert');
      sheet.insertRows(rect.row, rect.rowCount);
      const move = (r: CellRect) => (r.row >= rect.row ? { ...r, row: r.row + rect.rowCount } : r);
      for (const t of this.model.tables) if (t.sheet === sheet) t.rect = move(t.rect);
      for (const v of sheet.validations) v.rect = move(v.rect);
      for (const c of sheet.conditionalFormats) c.rect = move(c.rect);
      this.context.host.changed?.(sheet, rect);
    });
    return this;
  }
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      guardProtected(sheet, 'Range.clear');
      sheet.clear(rect, applyTo);
      if (applyTo !== 'Contents') {
        sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((v) => !overlaps(v.rect, rect));
      }
    });
  }
  // Sub-objects are the same object on every access, as in Office.js (load one, read the same one).
  private formatApi?: RangeFormatApi;
  private validationApi?: DataValidationApi;
  private conditionalApi?: ConditionalFormatCollection;
  get format(): RangeFormatApi {
    return (this.formatApi ??= new RangeFormatApi(this.context, () => this.target()));
  }
  get dataValidation(): DataValidationApi {
    return (this.validationApi ??= new DataValidationApi(this.context, () => this.target()));
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return (this.conditionalApi ??= new ConditionalFormatCollection(this.context, this.model, () => this.target()));
  }
}

export class RangeFormatApi extends ClientObject {
  constructor(context: EmulatorContext, private readonly target: () => RangeTarget) {
    super(context);
  }
  protected snapshot() {
    const { sheet, rect } = this.target();
    const width = sheet.columnWidths.get(rect.column);
    return { columnWidth: () => width ?? 64, wrapText: () => sheet.format(rect.row, rect.column)?.wrapText ?? false };
  }
  private patch(p: CellFormat): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      const lastRow = Math.min(rect.row + rect.rowCount, Math.max(sheet.rows.length, rect.row + 1));
      for (let r = rect.row; r < lastRow; r++) for (let c = rect.column; c < rect.column + rect.columnCount; c++) sheet.setFormat(r, c, p);
    });
  }
  set columnWidth(width: number) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) sheet.columnWidths.set(c, width);
    });
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set wrapText(wrap: boolean) {
    this.patch({ wrapText: wrap });
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  get fill() {
    const patch = (p: CellFormat) => this.patch(p);
    return {
      set color(color: string) {
        patch({ fill: color });
      },
      clear: () => patch({ fill: undefined }),
    };
  }
  get font() {
    const patch = (p: CellFormat) => this.patch(p);
    return {
      set bold(b: boolean) {
        patch({ fontBold: b });
      },
      set color(color: string) {
        patch({ fontColor: color });
      },
    };
  }
  /** Widths from the longest text in each column (about 7 points per character, Calibri 11). */
  autofitColumns(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      const lastRow = Math.min(rect.row + rect.rowCount, sheet.rows.length, rect.row + 5000);
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        let longest = 0;
        for (let r = rect.row; r < lastRow; r++) longest = Math.max(longest, String(sheet.value(r, c)).length);
        sheet.columnWidths.set(c, Math.min(400, Math.max(40, longest * 7 + 10)));
      }
    });
  }
}

/** Data validation (P excel/excel-add-ins-data-validation.md): a list rule with a range, reference or comma list. */
export class DataValidationApi extends ClientObject {
  constructor(context: EmulatorContext, private readonly target: () => RangeTarget) {
    super(context);
  }
  protected snapshot() {
    const { sheet, rect } = this.target();
    const rule = sheet.validations.find((v) => overlaps(v.rect, rect));
    return {
      type: () => (rule ? 'List' : 'None'),
      rule: () => (rule ? { list: { inCellDropDown: rule.inCellDropDown, source: rule.source } } : {}),
      errorAlert: () => ({ style: rule?.errorStyle ?? 'Stop', showAlert: true }),
      ignoreBlanks: () => rule?.ignoreBlanks ?? true,
    };
  }
  get type(): string {
    return this.read('type');
  }
  get rule(): { list?: { inCellDropDown: boolean; source: string } } {
    return this.read('rule');
  }
  set rule(rule: { list?: { inCellDropDown?: boolean; source: string | RangeApi } }) {
    if (!rule.list) throw new EmulatorError('InvalidArgument', 'Only list rules are modelled by the embedded Excel (see DIFFERENCES.md).', 'DataValidation.rule');
    const list = rule.list;
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      let source: string;
      if (typeof list.source === 'string') {
        source = list.source;
        // Comma lists are limited to 255 characters by the file format (excel-api.md "Data validation").
        if (!source.startsWith('=') && source.length > 255) throw new EmulatorError('InvalidArgument', 'A comma-separated list source is limited to 255 characters; use a range.', 'DataValidation.rule');
      } else {
        const t = list.source.target();
        source = `=${quoteSheet(t.sheet.name)}!${formatRect(t.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      }
      // One rule per cell: a new rule replaces what overlapped.
      sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect));
      sheet.validations.push({ rect, source, inCellDropDown: list.inCellDropDown ?? true, errorStyle: 'Stop', ignoreBlanks: true });
    });
  }
  set errorAlert(alert: { style?: 'Stop' | 'Warning' | 'Information'; showAlert?: boolean; title?: string; message?: string }) {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      for (const v of sheet.validations) if (overlaps(v.rect, rect) && alert.style) v.errorStyle = alert.style;
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect));
    });
  }
}

/** Conditional formats (ExcelApi 1.6; P excel/excel-add-ins-conditional-formatting.md): stored and readable, not evaluated. */
export class ConditionalFormatCollection extends ClientObject {
  private itemsLoaded: { type: string; priority: number; rule: Record<string, string>; format: CellFormat }[] | undefined;
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly target: () => RangeTarget) {
    super(context);
  }
  protected snapshot() {
    return {};
  }
  override load(): this {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target();
      const list = sheet.conditionalFormats.filter((c) => overlaps(c.rect, rect)).map((c, priority) => ({ type: c.type, priority, rule: { ...c.rule }, format: { ...c.format } }));
      this.context.onSynced(() => (this.itemsLoaded = list));
    });
    return this;
  }
  get items() {
    if (!this.itemsLoaded) throw new EmulatorError('PropertyNotLoaded', "The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
    return this.itemsLoaded;
  }
  /** add(type) inserts at top priority (index 0). */
  add(type: 'CellValue' | 'ContainsText' | 'Custom') {
    const id = this.model.newId('cf');
    const ctx = this.context;
    const entry = { id, type, rule: {} as Record<string, string>, format: {} as CellFormat, stopIfTrue: false };
    ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      sheet.conditionalFormats.unshift({ ...entry, rect });
    });
    const update = (fn: (cf: { rule: Record<string, string>; format: CellFormat }) => void) =>
      ctx.enqueue(() => {
        const { sheet } = this.target();
        const cf = sheet.conditionalFormats.find((c) => c.id === id);
        if (cf) fn(cf);
      });
    const format = {
      fill: { set color(color: string) { update((cf) => (cf.format.fill = color)); } },
      font: {
        set color(color: string) { update((cf) => (cf.format.fontColor = color)); },
        set bold(b: boolean) { update((cf) => (cf.format.fontBold = b)); },
      },
    };
    return {
      type,
      cellValue: { format, set rule(rule: { formula1: string; formula2?: string; operator: string }) { update((cf) => (cf.rule = { ...rule } as Record<string, string>)); } },
      textComparison: { format, set rule(rule: { operator: string; text: string }) { update((cf) => (cf.rule = { ...rule })); } },
      custom: { format, rule: { set formula(formula: string) { update((cf) => (cf.rule = { formula })); } } },
      set stopIfTrue(v: boolean) { update((cf) => ((cf as { stopIfTrue?: boolean }).stopIfTrue = v)); },
    };
  }
}

/** Tables: names unique in the workbook, no overlap (#551, #1199); values first then tables.add for bulk loads (P excel/performance.md). */
export class TableCollection extends ClientObject {
  private itemsLoaded: TableApi[] | undefined;
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly sheet: () => SheetModel | undefined) {
    super(context);
  }
  protected snapshot() {
    return {};
  }
  override load(): this {
    this.context.enqueue(() => {
      const s = this.sheet();
      const list = this.model.tables.filter((t) => !s || t.sheet === s).map((t) => {
        const api = new TableApi(this.context, this.model, () => t);
        api.prime(t);
        return api;
      });
      this.context.onSynced(() => (this.itemsLoaded = list));
    });
    return this;
  }
  get items(): TableApi[] {
    if (!this.itemsLoaded) throw new EmulatorError('PropertyNotLoaded', "The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
    return this.itemsLoaded;
  }
  /**
   * tables.add(address, hasHeaders). With hasHeaders = false Excel inserts a header row and
   * pushes the data down (#196); the generated names "Column1…" are undocumented.
   */
  add(address: string | RangeApi, hasHeaders: boolean): TableApi {
    let created: TableModel | undefined;
    this.context.enqueue(() => {
      let sheet: SheetModel;
      let rect: CellRect;
      if (typeof address === 'string') {
        const { sheet: name, local } = splitSheet(address);
        const s = name ? this.model.sheet(name) : this.sheet() ?? this.model.activeSheet;
        if (!s) throw new EmulatorError('ItemNotFound', `No sheet for table address "${address}".`, 'TableCollection.add');
        sheet = s;
        rect = parseRange(local);
      } else ({ sheet, rect } = address.target());
      guardProtected(sheet, 'TableCollection.add');
      if (!hasHeaders) {
        for (let r = rect.row + rect.rowCount - 1; r >= rect.row; r--) for (let c = rect.column; c < rect.column + rect.columnCount; c++) sheet.setCell(r + 1, c, sheet.value(r, c), sheet.formula(r, c));
        for (let c = 0; c < rect.columnCount; c++) sheet.setCell(rect.row, rect.column + c, `Column${c + 1}`);
        rect = { ...rect, rowCount: rect.rowCount + 1 };
      }
      if (this.model.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) throw new EmulatorError('InvalidArgument', 'A table cannot overlap another table.', 'TableCollection.add');
      // Duplicate header names are renamed (undocumented pattern; Excel appends a number).
      const seen = new Set<string>();
      for (let c = 0; c < rect.columnCount; c++) {
        let h = String(sheet.value(rect.row, rect.column + c)) || `Column${c + 1}`;
        const base = h;
        for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${base}${n}`;
        seen.add(h.toLowerCase());
        sheet.setCell(rect.row, rect.column + c, h);
      }
      let n = this.model.tables.length + 1;
      while (this.model.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      created = { id: this.model.newId('table'), name: `Table${n}`, sheet, rect, style: 'TableStyleMedium2', showBandedRows: true };
      this.model.tables.push(created);
    });
    return new TableApi(this.context, this.model, () => created ?? null);
  }
  getItem(name: string): TableApi {
    return new TableApi(this.context, this.model, () => {
      const t = this.model.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new EmulatorError('ItemNotFound', `The table "${name}" does not exist.`, 'TableCollection.getItem');
      return t;
    });
  }
  getItemAt(index: number): TableApi {
    return new TableApi(this.context, this.model, () => {
      const s = this.sheet();
      const t = this.model.tables.filter((x) => !s || x.sheet === s)[index];
      if (!t) throw new EmulatorError('ItemNotFound', `There is no table at index ${index}.`, 'TableCollection.getItemAt');
      return t;
    });
  }
  getItemOrNullObject(name: string): TableApi {
    const api = new TableApi(this.context, this.model, () => this.model.tables.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null);
    api.nullable();
    return api;
  }
}

export class TableApi extends ClientObject {
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly resolveOrNull: () => TableModel | null) {
    super(context);
  }
  nullable(): void {
    this.trackNullness(() => this.resolveOrNull() === null);
  }
  resolve(): TableModel {
    const t = this.resolveOrNull();
    if (!t) throw new EmulatorError('ItemNotFound', 'The table does not exist.');
    return t;
  }
  prime(t: TableModel): void {
    for (const [k, get] of Object.entries(this.snapshotOf(t))) this.loaded.set(k, get());
  }
  private snapshotOf(t: TableModel | null): Record<string, () => unknown> {
    if (!t) return { isNullObject: () => true };
    return { isNullObject: () => false, id: () => t.id, name: () => t.name, style: () => t.style, showBandedRows: () => t.showBandedRows, worksheetName: () => t.sheet.name };
  }
  protected snapshot() {
    return this.snapshotOf(this.resolveOrNull());
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.context.enqueue(() => {
      const t = this.resolve();
      this.model.checkTableName(name, t);
      t.name = name;
    });
  }
  get style(): string {
    return this.read('style');
  }
  set style(style: string) {
    this.context.enqueue(() => {
      // Built-in styles: TableStyleLight1–21, Medium1–28, Dark1–11 (excel-api.md "Tables").
      const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(style);
      const max = { Light: 21, Medium: 28, Dark: 11 } as const;
      if (!m || Number(m[2]) < 1 || Number(m[2]) > max[m[1] as keyof typeof max]) throw new EmulatorError('InvalidArgument', `Unknown table style "${style}".`, 'Table.style');
      this.resolve().style = style;
    });
  }
  set showBandedRows(v: boolean) {
    this.context.enqueue(() => {
      this.resolve().showBandedRows = v;
    });
  }
  private part(fn: (rect: CellRect) => CellRect | null): RangeApi {
    return new RangeApi(this.context, this.model, () => {
      const t = this.resolve();
      const rect = fn(t.rect);
      if (!rect) throw new EmulatorError('ItemNotFound', 'The table has no data rows.');
      return { sheet: t.sheet, rect };
    });
  }
  getRange(): RangeApi {
    return this.part((r) => r);
  }
  getHeaderRowRange(): RangeApi {
    return this.part((r) => ({ ...r, rowCount: 1 }));
  }
  getDataBodyRange(): RangeApi {
    // A table always keeps one (possibly empty) body row, as Excel does.
    return this.part((r) => ({ ...r, row: r.row + 1, rowCount: Math.max(1, r.rowCount - 1) }));
  }
  get columns() {
    const ctx = this.context;
    const resolve = () => this.resolve();
    const column = (index: (t: TableModel) => number) => this.column(index);
    return {
      getItem: (name: string) => column((t) => {
        for (let c = 0; c < t.rect.columnCount; c++) if (String(t.sheet.value(t.rect.row, t.rect.column + c)).toLowerCase() === name.toLowerCase()) return c;
        throw new EmulatorError('ItemNotFound', `The table has no column "${name}".`, 'TableColumnCollection.getItem');
      }),
      getItemAt: (index: number) => column(() => index),
      load: () => {
        const ref: { names?: string[] } = {};
        ctx.enqueue(() => {
          const t = resolve();
          const names = Array.from({ length: t.rect.columnCount }, (_, c) => String(t.sheet.value(t.rect.row, t.rect.column + c)));
          ctx.onSynced(() => (ref.names = names));
        });
        return {
          get items() {
            if (!ref.names) throw propertyNotLoaded('items');
            return ref.names.map((name, index) => ({ name, index }));
          },
        };
      },
    };
  }
  private column(index: (t: TableModel) => number) {
    const range = (body: boolean) =>
      new RangeApi(this.context, this.model, () => {
        const t = this.resolve();
        const c = index(t);
        return { sheet: t.sheet, rect: { row: body ? t.rect.row + 1 : t.rect.row, column: t.rect.column + c, rowCount: body ? Math.max(1, t.rect.rowCount - 1) : t.rect.rowCount, columnCount: 1 } };
      });
    return { getDataBodyRange: () => range(true), getRange: () => range(false) };
  }
  get rows() {
    return {
      /** rows.add appends below the table and grows it (co-authors should write below and let it grow instead). */
      add: (index: number | null | undefined, values: Value[][]) =>
        this.context.enqueue(() => {
          const t = this.resolve();
          const start = t.rect.row + t.rect.rowCount;
          values.forEach((row, i) => row.forEach((v, j) => storeWritten(t.sheet, start + i, t.rect.column + j, v, false)));
          t.rect = { ...t.rect, rowCount: t.rect.rowCount + values.length };
        }, jsonSize(values)),
    };
  }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.resolve();
      this.model.tables = this.model.tables.filter((x) => x !== t);
    });
  }
}

export class NamedItemCollection extends ClientObject {
  constructor(context: EmulatorContext, readonly model: WorkbookModel) {
    super(context);
  }
  protected snapshot() {
    return {};
  }
  add(name: string, reference: string | RangeApi, comment = '') {
    this.context.enqueue(() => {
      this.model.checkTableName(name);
      const ref = typeof reference === 'string' ? reference : (() => {
        const t = reference.target();
        return `=${quoteSheet(t.sheet.name)}!${formatRect(t.rect)}`;
      })();
      this.model.names.set(name.toLowerCase(), { name, reference: ref, comment });
    });
  }
  getItem(name: string) {
    const ctx = this.context;
    const holder: { item?: { name: string; reference: string; comment: string } } = {};
    const model = this.model;
    const find = () => {
      const item = model.names.get(name.toLowerCase());
      if (!item) throw new EmulatorError('ItemNotFound', `The name "${name}" does not exist.`, 'NamedItemCollection.getItem');
      return item;
    };
    return {
      load() {
        ctx.enqueue(() => {
          const item = { ...find() };
          ctx.onSynced(() => (holder.item = item));
        });
        return this;
      },
      get name(): string {
        if (!holder.item) throw propertyNotLoaded('name');
        return holder.item.name;
      },
      get formula(): string {
        if (!holder.item) throw propertyNotLoaded('formula');
        return holder.item.reference;
      },
      get comment(): string {
        if (!holder.item) throw propertyNotLoaded('comment');
        return holder.item.comment;
      },
      getRange: () =>
        new RangeApi(ctx, model, () => {
          const { sheet, local } = splitSheet(find().reference.replace(/^=/, ''));
          const s = sheet ? model.sheet(sheet) : undefined;
          if (!s) throw new EmulatorError('InvalidReference', `The name "${name}" does not refer to a range.`);
          return { sheet: s, rect: parseRange(local.replace(/\$/g, '')) };
        }),
    };
  }
}

/** Charts: stored and readable, not drawn (ExcelJS cannot write them either; see DIFFERENCES.md). */
export class ChartCollection extends ClientObject {
  private itemsLoaded: { name: string; type: string; title: string }[] | undefined;
  constructor(context: EmulatorContext, readonly model: WorkbookModel, private readonly sheet: () => SheetModel) {
    super(context);
  }
  protected snapshot() {
    return {};
  }
  override load(): this {
    this.context.enqueue(() => {
      const list = this.sheet().charts.map((c) => ({ name: c.name, type: c.type, title: c.title }));
      this.context.onSynced(() => (this.itemsLoaded = list));
    });
    return this;
  }
  get items() {
    if (!this.itemsLoaded) throw propertyNotLoaded('items');
    return this.itemsLoaded;
  }
  add(type: string, source: RangeApi, seriesBy = 'Auto') {
    const id = this.model.newId('chart');
    const ctx = this.context;
    ctx.enqueue(() => {
      const t = source.target();
      const s = this.sheet();
      s.charts.push({ id, name: `Chart ${s.charts.length + 1}`, type, sourceAddress: `${quoteSheet(t.sheet.name)}!${formatRect(t.rect)}`, seriesBy, title: '' });
    });
    const update = (fn: (c: { title: string; name: string }) => void) =>
      ctx.enqueue(() => {
        const c = this.sheet().charts.find((x) => x.id === id);
        if (c) fn(c);
      });
    return {
      title: { set text(text: string) { update((c) => (c.title = text)); } },
      set name(name: string) { update((c) => (c.name = name)); },
      setPosition: (_start: string | RangeApi, _end?: string | RangeApi) => undefined,
    };
  }
}
