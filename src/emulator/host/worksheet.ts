/**
 * Worksheets (R excel.worksheet.yml, excel.worksheetcollection.yml): names by Excel's rules,
 * getItem / *OrNullObject (P develop/application-specific-api-model.md), ranges, used range,
 * freeze panes, protection, activation, deletion, and the Changed event's registration.
 */
import { MAX_COLUMN, MAX_ROW, quoteSheetName, splitAddress } from '../../excelSpec';
import { assertFound, EmulatorError } from '../errors';
import type { SheetModel } from '../model';
import { ref, type Exec, type HostClass } from './dispatch';
import { registerChanged, registerSelection, unregisterChanged, unregisterSelection } from './events';
import { chartCollectionClass } from './chart';
import { pivotTableCollectionClass } from './pivot';
import { checkRect, guardProtected, rangeArgument, rangeRef } from './range';
import { tableCollectionClass } from './table';

function findSheet(x: Exec, key: unknown): SheetModel | undefined {
  const k = String(key);
  return x.model.sheet(k) ?? x.model.sheets.find((s) => s.id === k);
}

function usedRange(sheet: SheetModel, valuesOnly: boolean) {
  const rect = sheet.usedRect(valuesOnly);
  return rect ? rangeRef(sheet, rect) : null;
}

const freezePanesClass: HostClass<SheetModel> = {
  name: 'WorksheetFreezePanes',
  methods: {
    FreezeRows: (s, [count], x) => freeze(s, x, { rows: Number(count ?? 1), columns: s.freeze.columns }),
    FreezeColumns: (s, [count], x) => freeze(s, x, { rows: s.freeze.rows, columns: Number(count ?? 1) }),
    FreezeAt: (s, [at], x) => {
      const { rect } = rangeArgument(at, s, x, 'WorksheetFreezePanes.freezeAt');
      freeze(s, x, { rows: rect.row + rect.rowCount, columns: rect.column + rect.columnCount });
    },
    Unfreeze: (s, _args, x) => freeze(s, x, { rows: 0, columns: 0 }),
    GetLocationOrNullObject: (s) =>
      s.freeze.rows || s.freeze.columns
        ? rangeRef(s, {
            row: 0,
            column: 0,
            rowCount: Math.max(1, s.freeze.rows),
            columnCount: Math.max(1, s.freeze.columns),
          })
        : null,
  },
};

/**
 * On Excel for Windows and Mac, freezing panes on a sheet that is not active raises
 * WorksheetActivated for it and getActiveWorksheet then answers that sheet, while the user still
 * sees the sheet that was active (office-js#3148). Excel on the web does not.
 */
function freeze(s: SheetModel, x: Exec, panes: { rows: number; columns: number }): void {
  s.freeze = panes;
  if (x.host.platform !== 'web' && x.model.activeSheet !== s) x.host.apiActiveSheet = s;
}

const protectionClass: HostClass<SheetModel> = {
  name: 'WorksheetProtection',
  props: { Protected: { get: (s) => s.protected } },
  methods: {
    Protect: (s) => {
      // protect() on a protected sheet fails (excel-api.md "Errors").
      if (s.protected)
        throw new EmulatorError(
          'InvalidOperation',
          'The worksheet is already protected.',
          'WorksheetProtection.protect',
        );
      s.protected = true;
    },
    Unprotect: (s) => {
      s.protected = false;
    },
  },
};

export const worksheetClass: HostClass<SheetModel> = {
  name: 'Worksheet',
  id: (s) => s.id,
  props: {
    Id: { get: (s) => s.id },
    Name: {
      get: (s) => s.name,
      set: (s, v, x) => {
        x.model.checkSheetName(String(v), s);
        const before = s.name.toLowerCase();
        s.name = String(v);
        // As in Excel, a chart's series follow their sheet's new name.
        for (const sheet of x.model.sheets)
          for (const chart of sheet.charts) {
            const { sheet: source, local } = splitAddress(chart.sourceAddress);
            if (source?.toLowerCase() === before) chart.sourceAddress = `${quoteSheetName(s.name)}!${local}`;
          }
      },
    },
    Position: {
      get: (s, x) => x.model.sheets.indexOf(s),
      set: (s, v, x) => {
        const list = x.model.sheets;
        list.splice(list.indexOf(s), 1);
        list.splice(Math.max(0, Math.min(Number(v), list.length)), 0, s);
      },
    },
    Visibility: {
      get: (s) => s.visibility,
      set: (s, v) => {
        s.visibility = v as SheetModel['visibility'];
      },
    },
    StandardWidth: { get: () => 8.43 },
  },
  nav: {
    Tables: (s) => ref(tableCollectionClass, { sheet: s }),
    PivotTables: (s) => ref(pivotTableCollectionClass, s),
    Charts: (s) => ref(chartCollectionClass, s),
    FreezePanes: (s) => ref(freezePanesClass, s),
    Protection: (s) => ref(protectionClass, s),
  },
  methods: {
    GetRange: (s, [address], x) => {
      if (address === undefined || address === null || address === '')
        return rangeRef(s, { row: 0, column: 0, rowCount: MAX_ROW, columnCount: MAX_COLUMN });
      const t = rangeArgument(address, s, x, 'Worksheet.getRange');
      if (t.sheet !== s)
        throw new EmulatorError(
          'InvalidArgument',
          `The address "${String(address)}" is on another sheet.`,
          'Worksheet.getRange',
        );
      return rangeRef(s, t.rect);
    },
    GetRangeByIndexes: (s, [row, column, rowCount, columnCount]) => {
      const rect = {
        row: Number(row),
        column: Number(column),
        rowCount: Number(rowCount),
        columnCount: Number(columnCount),
      };
      return rangeRef(s, checkRect(rect, 'Worksheet.getRangeByIndexes', 'The indexes are outside the worksheet.'));
    },
    GetCell: (s, [row, column]) =>
      rangeRef(s, { row: Number(row), column: Number(column), rowCount: 1, columnCount: 1 }),
    /** Used range; on a blank sheet the top-left cell (excel-api.md "Ranges"). */
    GetUsedRange: (s, [valuesOnly]) =>
      usedRange(s, Boolean(valuesOnly)) ?? rangeRef(s, { row: 0, column: 0, rowCount: 1, columnCount: 1 }),
    GetUsedRangeOrNullObject: (s, [valuesOnly]) => usedRange(s, Boolean(valuesOnly)),
    Activate: (s, _args, x) => {
      x.model.activeSheet = s;
      x.host.apiActiveSheet = undefined;
    },
    Delete: (s, _args, x) => deleteSheet(s, x),
    _RegisterDataChangedEvent: (s, _args, x) => registerChanged(x.host, s),
    _UnregisterDataChangedEvent: (s, _args, x) => unregisterChanged(x.host, s),
    _RegisterSelectionChangedEvent: (s, _args, x) => registerSelection(x.host, s),
    _UnregisterSelectionChangedEvent: (s, _args, x) => unregisterSelection(x.host, s),
  },
};

function deleteSheet(s: SheetModel, x: Exec): void {
  const model = x.model;
  if (model.sheets.filter((v) => v.visibility === 'Visible').length === 1 && s.visibility === 'Visible')
    throw new EmulatorError('InvalidOperation', 'A workbook must keep at least one visible sheet.', 'Worksheet.delete');
  guardProtected(s, 'Worksheet.delete');
  model.sheets.splice(model.sheets.indexOf(s), 1);
  model.tables = model.tables.filter((t) => t.sheet !== s);
  if (model.activeSheet === s) model.activeSheet = model.sheets.find((v) => v.visibility === 'Visible');
  if (model.selection?.sheet === s) model.selection = undefined;
  if (x.host.apiActiveSheet === s) x.host.apiActiveSheet = undefined;
  x.host.sheetDeletions++;
}

function sheetOrThrow(x: Exec, key: unknown, location: string): SheetModel {
  const s = findSheet(x, key);
  if (!s)
    throw new EmulatorError(
      'ItemNotFound',
      `The requested resource doesn't exist: worksheet "${String(key)}".`,
      location,
    );
  return s;
}

const visible = (x: Exec) => x.model.sheets.filter((s) => s.visibility === 'Visible');

export const worksheetCollectionClass: HostClass<null> = {
  name: 'WorksheetCollection',
  items: (_o, x) => x.model.sheets.map((s) => ref(worksheetClass, s)),
  /** getItem of a missing sheet: ItemNotFound (P develop/application-specific-api-model.md). */
  indexer: (_o, key, x) => ref(worksheetClass, sheetOrThrow(x, key, 'WorksheetCollection.getItem')),
  methods: {
    Add: (_o, [name], x) =>
      ref(worksheetClass, x.model.addSheet(name === undefined || name === null ? undefined : String(name))),
    /** *OrNullObject gives an object whose isNullObject is true, never null (same page). */
    GetItemOrNullObject: (_o, [key], x) => {
      const s = findSheet(x, key);
      return s ? ref(worksheetClass, s) : null;
    },
    GetItemAt: (_o, [index], x) => {
      const s = x.model.sheets[Number(index)];
      assertFound(s, `There is no worksheet at index ${String(index)}.`, 'WorksheetCollection.getItemAt');
      return ref(worksheetClass, s);
    },
    GetActiveWorksheet: (_o, _args, x) => {
      const s = x.host.apiActiveSheet ?? x.model.activeSheet;
      assertFound(s, 'There is no active worksheet.', 'WorksheetCollection.getActiveWorksheet');
      return ref(worksheetClass, s);
    },
    GetCount: (_o, [visibleOnly], x) => (visibleOnly ? visible(x).length : x.model.sheets.length),
    GetFirst: (_o, [visibleOnly], x) => ref(worksheetClass, (visibleOnly ? visible(x) : x.model.sheets)[0]),
    GetLast: (_o, [visibleOnly], x) => {
      const list = visibleOnly ? visible(x) : x.model.sheets;
      return ref(worksheetClass, list[list.length - 1]);
    },
    // The collection-wide Changed event is registered per sheet by the add-in here; accepted, not raised.
    _RegisterDataChangedEvent: () => undefined,
    _UnregisterDataChangedEvent: () => undefined,
  },
};
