/**
 * The embedded Excel: an in-memory workbook behind the part of the Excel JavaScript API that
 * src/excel uses, with Excel's batching (proxies queue, `context.sync()` runs), Excel's error
 * codes, and instrumentation of syncs and payload sizes. It serves tests, the workbench and
 * the CLI; the production task pane never includes it.
 *
 * ```ts
 * const book = createWorkbook();                       // or importXlsx(bytes), importCsv(bytes)
 * book.addSheet('Decisions', rows);                      // set up data directly in the model
 * await book.run(async (context) => {                    // same signature as Excel.run
 *   const range = context.workbook.worksheets.getItem('Decisions').getUsedRange();
 *   range.load('values');
 *   await context.sync();
 * });
 * book.instrumentation.syncs;                            // syncs so far; requestBytes, responseBytes
 * book.editCell('Decisions', 4, 2, 'remove');            // a user's edit: fires onChanged
 * ```
 */
import { columnName, quoteSheet } from './address';
import { WorkbookApi } from './api';
import { EmulatorContext, newInstrumentation, type Instrumentation } from './context';
import { EmulatorError } from './errors';
import { WorkbookModel, type SheetModel, type Value } from './model';

export { EmulatorError } from './errors';
export type { Instrumentation } from './context';
export type { Value, SheetModel } from './model';
export { WorkbookModel } from './model';
export { pivots } from './pivot';

export interface EmulatedWorkbook {
  model: WorkbookModel;
  instrumentation: Instrumentation;
  /** Runs a batch like Excel.run: a fresh request context, handed over as Excel.RequestContext. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Adds a sheet with rows of values (no formula parsing: the values are stored as given). */
  addSheet(name: string, rows?: Value[][]): SheetModel;
  /** A person's edit in the grid: stores the value as Excel would and fires Worksheet.onChanged (source Local). */
  editCell(sheet: string, row: number, column: number, value: Value): Promise<void>;
  /** A sheet's values as a plain 2-D array (used range from A1), for tests and the CLI. */
  valuesOf(sheet: string): Value[][];
  /**
   * Calls `listener` after every batch that ran (`run` settled) and every `editCell`, so a view of
   * the workbook (the workbench's grid) can redraw. Returns the unsubscribe function.
   */
  subscribe(listener: () => void): () => void;
  /** Tells subscribers the model changed outside a batch (the grid's own selection, a sheet switch). */
  notify(): void;
}

/**
 * A new, empty embedded workbook.
 *
 * @example const book = createWorkbook(); book.addSheet('Decisions', [['Item ID', 'Verdict'], ['1', 'remove']]);
 */
export function createWorkbook(model = new WorkbookModel()): EmulatedWorkbook {
  const instrumentation = newInstrumentation();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const book: EmulatedWorkbook = {
    model,
    instrumentation,
    async run(batch) {
      const context = new EmulatorContext(instrumentation);
      const api = Object.assign(context, { workbook: new WorkbookApi(context, model) });
      try {
        return await batch(api as unknown as Excel.RequestContext);
      } finally {
        // A failed batch may still have changed cells (Excel keeps what ran before the error).
        if (listeners.size) notify();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify,
    addSheet(name, rows = []) {
      const sheet = model.addSheet(name);
      sheet.rows = rows.map((r) => r.slice());
      return sheet;
    },
    async editCell(sheetName, row, column, value) {
      const sheet = model.sheet(sheetName);
      if (!sheet) throw new EmulatorError('ItemNotFound', `No sheet "${sheetName}".`);
      if (sheet.protected) throw new EmulatorError('AccessDenied', `The worksheet "${sheet.name}" is protected.`);
      const before = sheet.value(row, column);
      const { storeWritten } = await import('./api');
      storeWritten(sheet, row, column, value, false);
      const event = { address: `${columnName(column)}${row + 1}`, changeType: 'RangeEdited', source: 'Local' as const, worksheetId: sheet.id, details: { valueBefore: before, valueAfter: sheet.value(row, column) } };
      notify();
      for (const handler of [...sheet.changeHandlers]) await handler(event);
    },
    valuesOf(name) {
      const sheet = model.sheet(name);
      if (!sheet) throw new EmulatorError('ItemNotFound', `No sheet "${name}".`);
      const rect = sheet.usedRect(true);
      if (!rect) return [];
      const width = rect.column + rect.columnCount;
      return Array.from({ length: rect.row + rect.rowCount }, (_, r) => Array.from({ length: width }, (_, c) => sheet.value(r, c)));
    },
  };
  return book;
}

export { quoteSheet };
