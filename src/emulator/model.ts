import { EmulatorError } from './errors';
import { MAX_COLUMN, type CellRect } from '../excelSpec';

/** A cell value as Range.values holds it. */
export type Value = string | number | boolean;

export interface CellFormat {
  fill?: string;
  fontBold?: boolean;
  fontColor?: string;
  wrapText?: boolean;
}

export interface ListValidation {
  rect: CellRect;
  /** A comma list ("a,b") or a reference ("='QA Taxonomy'!$A$2:$A$40"). */
  source: string;
  inCellDropDown: boolean;
  errorStyle: 'Stop' | 'Warning' | 'Information';
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  rect: CellRect;
  type: 'CellValue' | 'ContainsText' | 'Custom';
  /** CellValue: { formula1, formula2?, operator }; ContainsText: { operator, text }; Custom: { formula }. */
  rule: Record<string, string>;
  format: CellFormat;
  stopIfTrue: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: CellRect;
  style: string;
  showBandedRows: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sourceAddress: string;
  seriesBy: string;
  title: string;
  /**
   * Where Chart.setPosition put it (top-left cell to bottom-right cell);
   * unset: beside its source, as Excel places a new chart in view.
   */
  position?: CellRect;
}

const key = (row: number, column: number) => row * MAX_COLUMN + column;

/** One worksheet's cells and settings: values in dense row arrays, the rest in sparse maps. */
export class SheetModel {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  rows: (Value[] | undefined)[] = [];
  formulas = new Map<number, string>();
  numberFormats = new Map<number, string>();
  formats = new Map<number, CellFormat>();
  columnWidths = new Map<number, number>();
  validations: ListValidation[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  freeze = { rows: 0, columns: 0 };
  protected = false;
  /** Link targets by cell (URL, or "#Sheet!A1" for a place in the workbook), as read from a file. */
  hyperlinks = new Map<number, string>();
  /** Merged areas, as read from a file (the master cell holds the value). */
  merges: CellRect[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  /**
   * Styles read from a file, compactly: per column, each row's index into `styleTable` (0: none).
   * A full sheet of formatted cells would need millions of map entries; this needs 2 bytes a cell.
   * The maps above win over it (setNumberFormat / setFormat write the maps).
   */
  styleColumns: (Uint16Array | undefined)[] = [];
  styleTable: { numberFormat?: string; format?: CellFormat }[] = [{}];
  /**
   * Counts writes to cells, formulas and formats. The .xlsx writer keeps a sheet read from a file
   * byte for byte while this has not moved, so cells are written only through the methods below.
   */
  revision = 0;

  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  value(row: number, column: number): Value {
    return this.rows[row]?.[column] ?? '';
  }

  formula(row: number, column: number): string | undefined {
    return this.formulas.get(key(row, column));
  }

  numberFormat(row: number, column: number): string {
    return this.numberFormats.get(key(row, column)) ?? this.fileStyle(row, column)?.numberFormat ?? 'General';
  }

  /**
   * A cell's link as Range.getCellProperties({ hyperlink }) gives it: a
   * URL as `address`, a place in the workbook as `documentReference`.
   */
  hyperlink(
    row: number,
    column: number,
  ): { address?: string; documentReference?: string; textToDisplay: string } | undefined {
    const target = this.hyperlinks.get(key(row, column));
    if (target === undefined) return undefined;
    const textToDisplay = String(this.value(row, column));
    return target.startsWith('#')
      ? { documentReference: target.slice(1), textToDisplay }
      : { address: target, textToDisplay };
  }

  format(row: number, column: number): CellFormat | undefined {
    return this.formats.get(key(row, column)) ?? this.fileStyle(row, column)?.format;
  }

  private fileStyle(row: number, column: number) {
    const id = this.styleColumns[column]?.[row];
    return id ? this.styleTable[id] : undefined;
  }

  /** Drops a cell's file style, after copying what the maps do not override into them. */
  private settleStyle(row: number, column: number): void {
    const styles = this.styleColumns[column];
    const style = styles?.[row] ? this.styleTable[styles[row]] : undefined;
    if (!style) return;
    styles![row] = 0;
    if (style.numberFormat && !this.numberFormats.has(key(row, column)))
      this.numberFormats.set(key(row, column), style.numberFormat);
    if (style.format && !this.formats.has(key(row, column))) this.formats.set(key(row, column), style.format);
  }

  /** Sets a cell as stored: a value (clearing any formula) or a formula text. */
  setCell(row: number, column: number, value: Value, formula?: string): void {
    this.revision++;
    let r = this.rows[row];
    if (!r) {
      if (value === '' && formula === undefined) {
        this.formulas.delete(key(row, column));
        return;
      }
      r = this.rows[row] = [];
    }
    while (r.length < column) r.push('');
    r[column] = value;
    if (formula === undefined) this.formulas.delete(key(row, column));
    else this.formulas.set(key(row, column), formula);
  }

  setNumberFormat(row: number, column: number, format: string): void {
    this.revision++;
    this.settleStyle(row, column);
    if (format === 'General' || format === '') this.numberFormats.delete(key(row, column));
    else this.numberFormats.set(key(row, column), format);
  }

  setFormat(row: number, column: number, patch: CellFormat): void {
    this.revision++;
    this.settleStyle(row, column);
    this.formats.set(key(row, column), { ...this.formats.get(key(row, column)), ...patch });
  }

  /** The smallest rectangle holding every value (and, unless valuesOnly, every format), or null. */
  usedRect(valuesOnly: boolean): CellRect | null {
    let minR = Infinity,
      minC = Infinity,
      maxR = -1,
      maxC = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === '' && !this.formulas.has(key(r, c))) continue;
        if (r < minR) minR = r;
        if (r > maxR) maxR = r;
        if (c < minC) minC = c;
        if (c > maxC) maxC = c;
      }
    }
    if (!valuesOnly) {
      this.styleColumns.forEach((styles, c) => {
        if (!styles) return;
        for (let r = 0; r < styles.length; r++) {
          if (!styles[r]) continue;
          minR = Math.min(minR, r);
          maxR = Math.max(maxR, r);
          minC = Math.min(minC, c);
          maxC = Math.max(maxC, c);
        }
      });
      for (const k of [...this.formats.keys(), ...this.numberFormats.keys()]) {
        const r = Math.floor(k / MAX_COLUMN);
        const c = k % MAX_COLUMN;
        minR = Math.min(minR, r);
        maxR = Math.max(maxR, r);
        minC = Math.min(minC, c);
        maxC = Math.max(maxC, c);
      }
    }
    if (maxR < 0) return null;
    return { row: minR, column: minC, rowCount: maxR - minR + 1, columnCount: maxC - minC + 1 };
  }

  /**
   * Widths from the longest text in each whole column (about 7 points per character, Calibri 11):
   * Excel fits "based on the current data in the columns" (R excel.rangeformat.yml
   * autofitColumns), every row of the column, not only the rows of the range it was called on.
   */
  autofitColumns(firstColumn: number, columnCount: number, rows?: { row: number; rowCount: number }): void {
    const first = rows?.row ?? 0;
    const end = rows ? Math.min(this.rows.length, rows.row + rows.rowCount) : this.rows.length;
    for (let c = firstColumn; c < firstColumn + columnCount; c++) {
      let longest = 0;
      for (let r = first; r < end; r++) {
        const v = this.rows[r]?.[c];
        if (v !== undefined && v !== '') longest = Math.max(longest, String(v).length);
      }
      this.columnWidths.set(c, Math.min(400, Math.max(40, longest * 7 + 10)));
    }
  }

  /**
   * Inserts `count` empty rows before row `at` (count < 0 deletes -count rows from `at`): values,
   * formulas and formats below move, as Excel shifts whole rows. The workbook moves the tables,
   * validation and conditional formats of this sheet (WorkbookModel.shiftRows).
   */
  shiftRowsOnly(at: number, count: number): void {
    this.revision++;
    if (count > 0) this.rows.splice(at, 0, ...Array.from({ length: count }, () => undefined));
    else if (at < this.rows.length) this.rows.splice(at, -count);
    const newRow = (r: number) => (r < at ? r : count > 0 ? r + count : r >= at - count ? r + count : -1);
    // File styles (per column, one entry a row) and hidden rows move with their rows too.
    this.styleColumns = this.styleColumns.map((styles) => {
      if (!styles) return styles;
      const moved = new Uint16Array(Math.max(0, styles.length + count));
      styles.forEach((id, r) => {
        const to = newRow(r);
        if (id && to >= 0 && to < moved.length) moved[to] = id;
      });
      return moved;
    });
    this.hiddenRows = new Set([...this.hiddenRows].map(newRow).filter((r) => r >= 0));
    this.merges = this.merges
      .filter((m) => count > 0 || m.row + m.rowCount <= at || m.row >= at - count)
      .map((m) => (m.row >= at ? { ...m, row: m.row + count } : m));
    for (const map of [this.formulas, this.numberFormats, this.formats, this.hyperlinks] as Map<number, unknown>[]) {
      const moved = new Map<number, unknown>();
      for (const [k, v] of map) {
        const r = Math.floor(k / MAX_COLUMN);
        if (r < at) moved.set(k, v);
        else if (count > 0) moved.set(k + count * MAX_COLUMN, v);
        else if (r >= at - count) moved.set(k + count * MAX_COLUMN, v);
      }
      map.clear();
      for (const [k, v] of moved) map.set(k, v);
    }
  }

  /** Clears values, formulas and formats in a rectangle. */
  clear(rect: CellRect, what: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.revision++;
    const lastRow = Math.min(rect.row + rect.rowCount, this.rows.length);
    for (let r = rect.row; r < lastRow; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        if (what !== 'Formats') {
          const row = this.rows[r];
          if (row && c < row.length) row[c] = '';
          this.formulas.delete(key(r, c));
        }
        if (what !== 'Contents') {
          const styles = this.styleColumns[c];
          if (styles && r < styles.length) styles[r] = 0;
          this.formats.delete(key(r, c));
          this.numberFormats.delete(key(r, c));
        }
      }
    }
  }
}

let nextId = 1;

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** The workbook: sheets, tables, named items, charts, and what the user has selected. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names = new Map<string, { name: string; reference: string; comment: string }>();
  activeSheet: SheetModel | undefined;
  selection: { sheet: SheetModel; rect: CellRect } | undefined;
  /** The workbook's culture, for texts Excel localizes (pivot captions). */
  culture: 'en-US' | 'ja-JP' = 'en-US';
  /**
   * The undocumented assumption that a text format ("@") keeps a written "=…" as text (as Excel's
   * UI does). Tests switch it off to prove the add-in's formula-injection defence does not need it.
   */
  textFormatKeepsText = true;

  /**
   * A new object id. Ids are unique in the process, not only in the workbook: Microsoft's client
   * routes events by worksheet id, and several embedded workbooks share one client.
   */
  newId(prefix: string): string {
    return `{${prefix}-${nextId++}}`;
  }

  /**
   * Checks a sheet name against Excel's rules (excel-api.md "Names"): 1–31 characters, none of
   * : \ / ? * [ ], not starting or ending with an apostrophe, unique without regard to case.
   */
  checkSheetName(name: string, except?: SheetModel): void {
    if (
      name.length < 1 ||
      name.length > 31 ||
      SHEET_NAME_FORBIDDEN.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw new EmulatorError(
        'InvalidArgument',
        `The sheet name "${name}" is not valid: use 1 to 31 characters, ` +
          `none of : \\ / ? * [ ], not starting or ending with an apostrophe.`,
        'WorksheetCollection.add',
      );
    }
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new EmulatorError(
        'ItemAlreadyExists',
        `A sheet named "${name}" already exists.`,
        'WorksheetCollection.add',
      );
    }
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined) {
      // Excel picks the name when none is given (pattern undocumented): SheetN, first free N.
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen);
    const sheet = new SheetModel(this.newId('sheet'), chosen);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /**
   * Whole rows inserted (count > 0) or deleted (count < 0) at row `at` of `sheet`, as a user or a
   * co-author does: cells move, and so do tables, validation rules and conditional formats below.
   */
  shiftRows(sheet: SheetModel, at: number, count: number): void {
    sheet.shiftRowsOnly(at, count);
    const move = (rect: CellRect): CellRect | null => {
      const end = rect.row + rect.rowCount;
      if (count > 0) {
        if (rect.row >= at) return { ...rect, row: rect.row + count };
        return end > at ? { ...rect, rowCount: rect.rowCount + count } : rect;
      }
      const delEnd = at - count;
      const row = rect.row < at ? rect.row : Math.max(at, rect.row + count);
      const keptAbove = Math.max(0, Math.min(end, at) - rect.row);
      const keptBelow = Math.max(0, end - Math.max(delEnd, rect.row));
      const rowCount = keptAbove + keptBelow;
      return rowCount > 0 ? { ...rect, row, rowCount } : null;
    };
    for (const t of this.tables) if (t.sheet === sheet) t.rect = move(t.rect) ?? { ...t.rect, rowCount: 1 };
    // Rules keep their identity (the API's objects refer to them); those wholly deleted go.
    const keep = <T extends { rect: CellRect }>(item: T) => {
      const rect = move(item.rect);
      if (rect) item.rect = rect;
      return rect !== null;
    };
    sheet.validations = sheet.validations.filter(keep);
    sheet.conditionalFormats = sheet.conditionalFormats.filter(keep);
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Table and named-item names (excel-api.md "Names"): a letter, "_" or "\" first, then letters,
   * digits, "_" or "."; no spaces; not a cell reference or TRUE/FALSE; unique without regard to case.
   */
  checkTableName(name: string, except?: TableModel): void {
    if (
      !/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^(true|false)$/i.test(name) ||
      /^[RrCc]$/.test(name)
    ) {
      throw new EmulatorError('InvalidArgument', `The table name "${name}" is not valid.`, 'Table.name');
    }
    if (
      this.tables.some((t) => t !== except && t.name.toLowerCase() === name.toLowerCase()) ||
      this.names.has(name.toLowerCase())
    ) {
      // Microsoft answers InvalidArgument for a duplicate table name (OfficeDev/office-js#551).
      throw new EmulatorError(
        'InvalidArgument',
        `A table or name called "${name}" already exists in the workbook.`,
        'Table.name',
      );
    }
  }
}

export function overlaps(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}
