import { EmulatorError } from './errors';
import { MAX_COLUMNS, type CellRect } from './address';

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
}

export type ChangeHandler = (event: { address: string; changeType: string; source: 'Local' | 'Remote'; worksheetId: string; details?: { valueBefore: Value; valueAfter: Value } }) => void | Promise<void>;

const key = (row: number, column: number) => row * MAX_COLUMNS + column;

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
  changeHandlers: ChangeHandler[] = [];

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
    return this.numberFormats.get(key(row, column)) ?? 'General';
  }

  format(row: number, column: number): CellFormat | undefined {
    return this.formats.get(key(row, column));
  }

  /** Sets a cell as stored: a value (clearing any formula) or a formula text. */
  setCell(row: number, column: number, value: Value, formula?: string): void {
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

  /** Inserts `count` empty rows at `row`: the cells below, their formulas and formats move down. */
  insertRows(row: number, count: number): void {
    if (row < this.rows.length) this.rows.splice(row, 0, ...Array<undefined>(count).fill(undefined));
    for (const map of [this.formulas, this.numberFormats, this.formats] as Map<number, unknown>[]) {
      const moved = [...map].filter(([k]) => Math.floor(k / MAX_COLUMNS) >= row);
      for (const [k] of moved) map.delete(k);
      for (const [k, v] of moved) map.set(k + count * MAX_COLUMNS, v);
    }
  }

  setNumberFormat(row: number, column: number, format: string): void {
    if (format === 'General' || format === '') this.numberFormats.delete(key(row, column));
    else this.numberFormats.set(key(row, column), format);
  }

  setFormat(row: number, column: number, patch: CellFormat): void {
    this.formats.set(key(row, column), { ...this.formats.get(key(row, column)), ...patch });
  }

  /** The smallest rectangle holding every value (and, unless valuesOnly, every format), or null. */
  usedRect(valuesOnly: boolean): CellRect | null {
    let minR = Infinity, minC = Infinity, maxR = -1, maxC = -1;
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
      for (const k of [...this.formats.keys(), ...this.numberFormats.keys()]) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        minR = Math.min(minR, r);
        maxR = Math.max(maxR, r);
        minC = Math.min(minC, c);
        maxC = Math.max(maxC, c);
      }
    }
    if (maxR < 0) return null;
    return { row: minR, column: minC, rowCount: maxR - minR + 1, columnCount: maxC - minC + 1 };
  }

  /** Clears values, formulas and formats in a rectangle. */
  clear(rect: CellRect, what: 'All' | 'Contents' | 'Formats' = 'All'): void {
    const lastRow = Math.min(rect.row + rect.rowCount, this.rows.length);
    for (let r = rect.row; r < lastRow; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        if (what !== 'Formats') {
          const row = this.rows[r];
          if (row && c < row.length) row[c] = '';
          this.formulas.delete(key(r, c));
        }
        if (what !== 'Contents') {
          this.formats.delete(key(r, c));
          this.numberFormats.delete(key(r, c));
        }
      }
    }
  }
}

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
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  /**
   * Checks a sheet name against Excel's rules (excel-api.md "Names"): 1–31 characters, none of
   * : \ / ? * [ ], not starting or ending with an apostrophe, unique without regard to case.
   */
  checkSheetName(name: string, except?: SheetModel): void {
    if (name.length < 1 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new EmulatorError('InvalidArgument', `The sheet name "${name}" is not valid: use 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.`, 'WorksheetCollection.add');
    }
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new EmulatorError('ItemAlreadyExists', `A sheet named "${name}" already exists.`, 'WorksheetCollection.add');
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

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Table and named-item names (excel-api.md "Names"): a letter, "_" or "\" first, then letters,
   * digits, "_" or "."; no spaces; not a cell reference or TRUE/FALSE; unique without regard to case.
   */
  checkTableName(name: string, except?: TableModel): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name) || /^[RrCc]$/.test(name)) {
      throw new EmulatorError('InvalidArgument', `The table name "${name}" is not valid.`, 'Table.name');
    }
    if (this.tables.some((t) => t !== except && t.name.toLowerCase() === name.toLowerCase()) || this.names.has(name.toLowerCase())) {
      // Microsoft answers InvalidArgument for a duplicate table name (OfficeDev/office-js#551).
      throw new EmulatorError('InvalidArgument', `A table or name called "${name}" already exists in the workbook.`, 'Table.name');
    }
  }
}

export function overlaps(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}
