/**
 * Range (R excel.range.yml): addresses, values, formulas, number formats, derived ranges, clear,
 * select. Written values follow Excel's rules (storeWritten); every write is a change that
 * Worksheet.onChanged reports.
 */
import { formatRange, quoteSheetName, splitAddress, MAX_COLUMN, MAX_ROW, type CellRect } from '../../excelSpec';
import { assertFound, EmulatorError, localRect } from '../errors';
import { overlaps, type SheetModel, type Value } from '../model';
import { ref, isRef, type Exec, type HostClass, type Ref } from './dispatch';
import { conditionalFormatCollectionClass, dataValidationClass, rangeFormatClass } from './formats';
import { worksheetClass } from './worksheet';

export interface RangeTarget {
  sheet: SheetModel;
  rect: CellRect;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Stores one written value as Excel does (R excel.range.yml `values`): `null` leaves the cell
 * unchanged; a string starting with "=" is a formula, and so is one starting with "+" or "-"
 * that is not a number (the reference says + and - can start formulas); a numeric string
 * becomes a number (so "0012" loses its zeros and 19 digits lose precision). Assumption, not
 * documented by Microsoft: a cell formatted as text ("@") keeps any string as text, as Excel's
 * own UI does (`model.textFormatKeepsText`, switched off by tests). Strings starting with "@" are
 * stored as text.
 */
export function storeWritten(
  sheet: SheetModel,
  row: number,
  column: number,
  v: unknown,
  asFormula: boolean,
  textFormatKeepsText = true,
): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'number' || typeof v === 'boolean') {
    sheet.setCell(row, column, v);
    return;
  }
  const s = String(v);
  // A leading apostrophe is Excel's text prefix, as when typed (support.microsoft.com "Format
  // numbers as text"): the rest is stored as text.
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

/** Undocumented in office-js for writes; Graph answers AccessDenied (excel-api.md "Errors"). */
export function guardProtected(sheet: SheetModel, location: string): void {
  if (sheet.protected) throw new EmulatorError('AccessDenied', `The worksheet "${sheet.name}" is protected.`, location);
}

function shapeError(
  location: string,
  rows: number,
  columns: number,
  gotRows: number,
  gotColumns: number,
): EmulatorError {
  // A write must match the range's shape (#1025): InvalidArgument at Range.values.
  return new EmulatorError(
    'InvalidArgument',
    `The number of rows or columns in the input array doesn't match the size or ` +
      `dimensions of the range (expected ${rows}×${columns}, got ${gotRows}×${gotColumns}).`,
    location,
  );
}

export function rangeAddress(t: RangeTarget): string {
  return `${quoteSheetName(t.sheet.name)}!${formatRange(t.rect)}`;
}

function grid<T>(t: RangeTarget, x: Exec, location: string, fn: (sheet: SheetModel, r: number, c: number) => T): T[][] {
  const { sheet, rect } = t;
  x.readCells(rect.rowCount * rect.columnCount, location);
  const out: T[][] = new Array(rect.rowCount);
  for (let i = 0; i < rect.rowCount; i++) {
    const row: T[] = new Array(rect.columnCount);
    for (let j = 0; j < rect.columnCount; j++) row[j] = fn(sheet, rect.row + i, rect.column + j);
    out[i] = row;
  }
  return out;
}

function valueType(v: Value): string {
  if (v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  return /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!)$/.test(v) ? 'Error' : 'String';
}

/** Writes a 2-D array into the range (a single value fills it), as Range.values / formulas / numberFormat do. */
function writeGrid(
  t: RangeTarget,
  values: unknown,
  location: string,
  x: Exec,
  store: (sheet: SheetModel, r: number, c: number, v: unknown) => void,
): void {
  // `range.values = null` is invalid (excel-api.md "Ranges").
  if (!Array.isArray(values)) throw new EmulatorError('InvalidArgument', `${location} must be a 2-D array.`, location);
  const { sheet, rect } = t;
  guardProtected(sheet, location);
  const single = values.length === 1 && Array.isArray(values[0]) && values[0].length === 1;
  if (
    !single &&
    (values.length !== rect.rowCount || values.some((r) => !Array.isArray(r) || r.length !== rect.columnCount))
  ) {
    throw shapeError(
      location,
      rect.rowCount,
      rect.columnCount,
      values.length,
      Array.isArray(values[0]) ? values[0].length : 0,
    );
  }
  const before = rect.rowCount === 1 && rect.columnCount === 1 ? sheet.value(rect.row, rect.column) : undefined;
  for (let i = 0; i < rect.rowCount; i++) {
    const src = (single ? values[0] : values[i]) as unknown[];
    for (let j = 0; j < rect.columnCount; j++) store(sheet, rect.row + i, rect.column + j, single ? src[0] : src[j]);
  }
  x.changes.push({ sheet, rect, before });
}

/** The rectangle, or InvalidArgument (`message`) where it reaches outside the worksheet. */
export function checkRect(
  rect: CellRect,
  location: string,
  message = 'The resulting range is outside the worksheet.',
): CellRect {
  if (
    rect.row < 0 ||
    rect.column < 0 ||
    rect.rowCount < 1 ||
    rect.columnCount < 1 ||
    rect.row + rect.rowCount > MAX_ROW ||
    rect.column + rect.columnCount > MAX_COLUMN
  ) {
    throw new EmulatorError('InvalidArgument', message, location);
  }
  return rect;
}

export function rangeRef(sheet: SheetModel, rect: CellRect): Ref {
  return ref(rangeClass, { sheet, rect });
}

function derive(t: RangeTarget, fn: (r: CellRect) => CellRect, location: string): Ref {
  return rangeRef(t.sheet, checkRect(fn(t.rect), location));
}

/** A range argument: a Range object, or an address on `sheet` (or naming its own sheet). */
export function rangeArgument(arg: unknown, sheet: SheetModel | undefined, x: Exec, location: string): RangeTarget {
  if (isRef(arg)) {
    if (arg.cls !== rangeClass) throw new EmulatorError('InvalidArgument', 'The argument is not a range.', location);
    return arg.obj as RangeTarget;
  }
  if (typeof arg !== 'string')
    throw new EmulatorError(
      'InvalidArgument',
      'The argument is invalid or missing or has an incorrect format.',
      location,
    );
  const { sheet: named, local } = splitAddress(arg);
  const s = named ? x.model.sheet(named) : (sheet ?? x.model.activeSheet);
  if (!s) throw new EmulatorError('InvalidArgument', `The address "${arg}" names no sheet of the workbook.`, location);
  return { sheet: s, rect: localRect(local.replace(/\$/g, '')) };
}

function intersection(t: RangeTarget, other: unknown, x: Exec): Ref | null {
  const o = rangeArgument(other, t.sheet, x, 'Range.getIntersection').rect;
  const row = Math.max(t.rect.row, o.row);
  const column = Math.max(t.rect.column, o.column);
  const endR = Math.min(t.rect.row + t.rect.rowCount, o.row + o.rowCount);
  const endC = Math.min(t.rect.column + t.rect.columnCount, o.column + o.columnCount);
  return endR > row && endC > column
    ? rangeRef(t.sheet, { row, column, rowCount: endR - row, columnCount: endC - column })
    : null;
}

/** Used range of a range: the used cells within it (getUsedRange on a blank range is ItemNotFound, excel-api.md). */
function usedWithin(t: RangeTarget, valuesOnly: boolean): Ref | null {
  const used = t.sheet.usedRect(valuesOnly);
  if (!used || !overlaps(used, t.rect)) return null;
  const row = Math.max(used.row, t.rect.row);
  const column = Math.max(used.column, t.rect.column);
  const endR = Math.min(used.row + used.rowCount, t.rect.row + t.rect.rowCount);
  const endC = Math.min(used.column + used.columnCount, t.rect.column + t.rect.columnCount);
  return rangeRef(t.sheet, { row, column, rowCount: endR - row, columnCount: endC - column });
}

function wholeRows(t: RangeTarget, location: string): void {
  if (t.rect.column !== 0 || t.rect.columnCount !== MAX_COLUMN)
    throw new EmulatorError(
      'UnsupportedOperation',
      'The embedded Excel inserts and deletes whole rows only (see DIFFERENCES.md).',
      location,
    );
}

const compareCells = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' }).compare;

/** Range.sort.apply (R excel.rangesort.yml): rows of the range reordered by key columns; values and formulas move. */
const rangeSortClass: HostClass<RangeTarget> = {
  name: 'RangeSort',
  methods: {
    Apply: (t, [fields, , hasHeaders], x) => {
      guardProtected(t.sheet, 'RangeSort.apply');
      const keys = ((fields as { key: number; ascending?: boolean }[]) ?? []).map((f) => ({
        column: t.rect.column + Number(f.key),
        up: f.ascending !== false,
      }));
      const first = t.rect.row + (hasHeaders ? 1 : 0);
      const end = t.rect.row + t.rect.rowCount;
      const rows = [];
      for (let r = first; r < end; r++) {
        rows.push(
          Array.from({ length: t.rect.columnCount }, (_, j) => ({
            value: t.sheet.value(r, t.rect.column + j),
            formula: t.sheet.formula(r, t.rect.column + j),
          })),
        );
      }
      const cell = (row: { value: unknown }[], column: number) => row[column - t.rect.column].value;
      rows.sort((a, b) => {
        for (const k of keys) {
          const va = cell(a, k.column);
          const vb = cell(b, k.column);
          // Blanks go last either way, as Excel sorts them.
          const d =
            va === ''
              ? vb === ''
                ? 0
                : 1
              : vb === ''
                ? -1
                : typeof va === 'number' && typeof vb === 'number'
                  ? va - vb
                  : compareCells(String(va), String(vb));
          if (d !== 0) return va === '' || vb === '' ? d : k.up ? d : -d;
        }
        return 0;
      });
      rows.forEach((row, i) =>
        row.forEach((c, j) => t.sheet.setCell(first + i, t.rect.column + j, c.value as Value, c.formula)),
      );
      x.changes.push({ sheet: t.sheet, rect: t.rect });
    },
  },
};

export const rangeClass: HostClass<RangeTarget> = {
  name: 'Range',
  keepsReference: true,
  props: {
    Address: { get: (t) => rangeAddress(t) },
    AddressLocal: { get: (t) => rangeAddress(t) },
    RowIndex: { get: (t) => t.rect.row },
    ColumnIndex: { get: (t) => t.rect.column },
    RowCount: { get: (t) => t.rect.rowCount },
    ColumnCount: { get: (t) => t.rect.columnCount },
    CellCount: { get: (t) => t.rect.rowCount * t.rect.columnCount },
    IsEntireColumn: { get: (t) => t.rect.row === 0 && t.rect.rowCount === MAX_ROW },
    IsEntireRow: { get: (t) => t.rect.column === 0 && t.rect.columnCount === MAX_COLUMN },
    Hidden: { get: () => false },
    RowHidden: { get: () => false },
    // True when every column of the range is hidden, false when none, null when some (ExcelApi 1.2).
    ColumnHidden: {
      get: (t) => {
        let hidden = 0;
        for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++)
          if (t.sheet.hiddenColumns.has(c)) hidden++;
        return hidden === 0 ? false : hidden === t.rect.columnCount ? true : null;
      },
    },
    Values: {
      get: (t, x) => grid(t, x, 'Range.values', (s, r, c) => s.value(r, c)),
      set: (t, v, x) =>
        writeGrid(t, v, 'Range.values', x, (s, r, c, value) =>
          storeWritten(s, r, c, value, false, x.model.textFormatKeepsText),
        ),
    },
    // `formulas` returns the value where a cell has no formula (R excel.range.yml).
    Formulas: {
      get: (t, x) => grid(t, x, 'Range.formulas', (s, r, c) => s.formula(r, c) ?? s.value(r, c)),
      set: (t, v, x) =>
        writeGrid(t, v, 'Range.formulas', x, (s, r, c, value) =>
          storeWritten(s, r, c, value, true, x.model.textFormatKeepsText),
        ),
    },
    NumberFormat: {
      get: (t, x) => grid(t, x, 'Range.numberFormat', (s, r, c) => s.numberFormat(r, c)),
      set: (t, v, x) =>
        writeGrid(t, v, 'Range.numberFormat', x, (s, r, c, f) => {
          if (f !== null && f !== undefined) s.setNumberFormat(r, c, String(f));
        }),
    },
    // Number formats are not applied: the text is the value as text (DIFFERENCES.md).
    Text: { get: (t, x) => grid(t, x, 'Range.text', (s, r, c) => String(s.value(r, c))) },
    ValueTypes: { get: (t, x) => grid(t, x, 'Range.valueTypes', (s, r, c) => valueType(s.value(r, c))) },
  },
  nav: {
    Sort: (t) => ref(rangeSortClass, t),
    Format: (t) => ref(rangeFormatClass, t),
    DataValidation: (t) => ref(dataValidationClass, t),
    ConditionalFormats: (t) => ref(conditionalFormatCollectionClass, t),
    Worksheet: (t) => ref(worksheetClass, t.sheet),
  },
  methods: {
    GetCell: (t, [row, column]) =>
      derive(
        t,
        (r) => ({ row: r.row + Number(row), column: r.column + Number(column), rowCount: 1, columnCount: 1 }),
        'Range.getCell',
      ),
    GetRow: (t, [row]) =>
      derive(
        t,
        (r) => ({ row: r.row + Number(row), column: r.column, rowCount: 1, columnCount: r.columnCount }),
        'Range.getRow',
      ),
    GetColumn: (t, [column]) =>
      derive(
        t,
        (r) => ({ row: r.row, column: r.column + Number(column), rowCount: r.rowCount, columnCount: 1 }),
        'Range.getColumn',
      ),
    GetEntireColumn: (t) =>
      derive(
        t,
        (r) => ({ row: 0, column: r.column, rowCount: MAX_ROW, columnCount: r.columnCount }),
        'Range.getEntireColumn',
      ),
    GetEntireRow: (t) =>
      derive(
        t,
        (r) => ({ row: r.row, column: 0, rowCount: r.rowCount, columnCount: MAX_COLUMN }),
        'Range.getEntireRow',
      ),
    GetOffsetRange: (t, [dr, dc]) =>
      derive(t, (r) => ({ ...r, row: r.row + Number(dr), column: r.column + Number(dc) }), 'Range.getOffsetRange'),
    GetResizedRange: (t, [dr, dc]) =>
      derive(
        t,
        (r) => ({ ...r, rowCount: r.rowCount + Number(dr), columnCount: r.columnCount + Number(dc) }),
        'Range.getResizedRange',
      ),
    GetLastRow: (t) =>
      derive(
        t,
        (r) => ({ row: r.row + r.rowCount - 1, column: r.column, rowCount: 1, columnCount: r.columnCount }),
        'Range.getLastRow',
      ),
    GetLastColumn: (t) =>
      derive(
        t,
        (r) => ({ row: r.row, column: r.column + r.columnCount - 1, rowCount: r.rowCount, columnCount: 1 }),
        'Range.getLastColumn',
      ),
    GetRowsBelow: (t, [n]) =>
      derive(
        t,
        (r) => ({ row: r.row + r.rowCount, column: r.column, rowCount: Number(n ?? 1), columnCount: r.columnCount }),
        'Range.getRowsBelow',
      ),
    GetIntersectionOrNullObject: (t, [other], x) => intersection(t, other, x),
    GetIntersection: (t, [other], x) => {
      const r = intersection(t, other, x);
      assertFound(r, 'The ranges do not intersect.', 'Range.getIntersection');
      return r;
    },
    GetUsedRange: (t, [valuesOnly]) => {
      const r = usedWithin(t, Boolean(valuesOnly));
      assertFound(r, 'The range has no used cells.', 'Range.getUsedRange');
      return r;
    },
    GetUsedRangeOrNullObject: (t, [valuesOnly]) => usedWithin(t, Boolean(valuesOnly)),
    Select: (t, _args, x) => {
      x.model.activeSheet = t.sheet;
      x.model.selection = { sheet: t.sheet, rect: t.rect };
      x.host.apiActiveSheet = undefined;
    },
    Clear: (t, [applyTo], x) => {
      const what = (applyTo as 'All' | 'Contents' | 'Formats' | undefined) ?? 'All';
      guardProtected(t.sheet, 'Range.clear');
      t.sheet.clear(t.rect, what);
      if (what !== 'Contents') {
        t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((v) => !overlaps(v.rect, t.rect));
      }
      if (what !== 'Formats') x.changes.push({ sheet: t.sheet, rect: t.rect });
    },
    /** Whole rows only (R excel.range.yml insert/delete): cells, tables and rules below move. */
    Insert: (t, _args, x) => {
      wholeRows(t, 'Range.insert');
      guardProtected(t.sheet, 'Range.insert');
      x.model.shiftRows(t.sheet, t.rect.row, t.rect.rowCount);
      x.changes.push({ sheet: t.sheet, rect: t.rect });
      return rangeRef(t.sheet, t.rect);
    },
    Delete: (t, _args, x) => {
      wholeRows(t, 'Range.delete');
      guardProtected(t.sheet, 'Range.delete');
      x.model.shiftRows(t.sheet, t.rect.row, -t.rect.rowCount);
      x.changes.push({ sheet: t.sheet, rect: t.rect });
    },
    /** Range.getCellProperties (ExcelApi 1.9): `address` and `hyperlink` only (a cell without a link has none). */
    GetCellProperties: (t, [load], x) => {
      const want = (load ?? {}) as { address?: boolean; hyperlink?: boolean };
      return grid(t, x, 'Range.getCellProperties', (s, r, c) => ({
        ...(want.address
          ? { address: rangeAddress({ sheet: s, rect: { row: r, column: c, rowCount: 1, columnCount: 1 } }) }
          : {}),
        ...(want.hyperlink && s.hyperlink(r, c) ? { hyperlink: { ...s.hyperlink(r, c)! } } : {}),
      }));
    },
    GetBoundingRect: (t, [other], x) => {
      const o = rangeArgument(other, t.sheet, x, 'Range.getBoundingRect').rect;
      const row = Math.min(t.rect.row, o.row);
      const column = Math.min(t.rect.column, o.column);
      const endR = Math.max(t.rect.row + t.rect.rowCount, o.row + o.rowCount);
      const endC = Math.max(t.rect.column + t.rect.columnCount, o.column + o.columnCount);
      return rangeRef(t.sheet, { row, column, rowCount: endR - row, columnCount: endC - column });
    },
    // The client splits a write of more than 1,500 cells into row blocks and first asks the host
    // to check the whole array's shape (setRangePropertiesInBulk in excel-web-16.00.js).
    _ValidateArraySize: (t, [rows, columns]) => {
      const single = Number(rows) === 1 && Number(columns) === 1;
      if (!single && (Number(rows) !== t.rect.rowCount || Number(columns) !== t.rect.columnCount))
        throw shapeError('Range.values', t.rect.rowCount, t.rect.columnCount, Number(rows), Number(columns));
    },
  },
};
