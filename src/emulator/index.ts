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
 * // Test hooks (COMMON.md): createWorkbook(model, { platform: 'web' }), book.hooks.beforeSync,
 * // book.remoteEdit(…), book.cellEditMode with book.run({ delayForCellEdit: true }, batch).
 * ```
 */
import { columnName, formatRect, quoteSheet } from './address';
import { WorkbookApi, storeWritten } from './api';
import { EmulatorContext, newInstrumentation, type ContextHost, type Instrumentation } from './context';
import { EmulatorError } from './errors';
import { WorkbookModel, type SheetModel, type Value } from './model';

export { EmulatorError } from './errors';
export type { Instrumentation } from './context';
export type { Value, SheetModel } from './model';
export { WorkbookModel } from './model';
export { pivots } from './pivot';

export type Platform = 'web' | 'windows' | 'mac';

export interface WorkbookOptions {
  /** Which Excel the book plays, with its requirement sets (default 'windows'). */
  platform?: Platform;
  /** The highest ExcelApi set the build supports (default 1.17): an older build for fallback tests. */
  excelApi?: string;
}

/** Options of a run, as Excel.run's RunOptions (R excel.runoptions.yml). */
export interface RunOptions {
  /** Wait while the user edits a cell instead of failing (ExcelApi 1.11). */
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface EmulatedWorkbook {
  model: WorkbookModel;
  instrumentation: Instrumentation;
  platform: Platform;
  /** Office.context.requirements of the platform the book plays (OpenBrowserWindowApi is absent on the web). */
  requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  /** Test hooks: `beforeSync` runs before the host answers each request (0-based across the book). */
  hooks: { beforeSync?: (syncIndex: number) => void | Promise<void> };
  /**
   * While true (the user is editing a cell), a batch fails with InvalidOperationInCellEditMode
   * unless run with `{ delayForCellEdit: true }` on a platform with ExcelApi 1.11, which then
   * waits until it is set back to false.
   */
  cellEditMode: boolean;
  /** Runs a batch like Excel.run: a fresh request context, handed over as Excel.RequestContext. */
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: RunOptions, batch: Batch<T>): Promise<T>;
  /** Adds a sheet with rows of values (no formula parsing: the values are stored as given). */
  addSheet(name: string, rows?: Value[][]): SheetModel;
  /** A person's edit in the grid: stores the value as Excel would and fires Worksheet.onChanged (source Local). */
  editCell(sheet: string, row: number, column: number, value: Value): Promise<void>;
  /** A co-author's edit: stores the value and fires Worksheet.onChanged with source Remote. */
  remoteEdit(sheet: string, row: number, column: number, value: Value): Promise<void>;
  /** Resolves once every onChanged handler the add-in's own writes set off has finished. */
  idle(): Promise<void>;
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

/** Requirement sets per platform (P reference/requirement-sets/excel-api-requirement-sets.md; common/open-browser-window-api-requirement-sets.md: not on the web). */
const PLATFORM_SETS: Record<Platform, Record<string, string>> = {
  windows: { OpenBrowserWindowApi: '1.1', KeyboardShortcuts: '1.1', SharedRuntime: '1.1' },
  mac: { OpenBrowserWindowApi: '1.1', KeyboardShortcuts: '1.1', SharedRuntime: '1.1' },
  web: { KeyboardShortcuts: '1.1', SharedRuntime: '1.1' },
};

const versionAtLeast = (have: string, want: string) => {
  const [a, b] = [have.split('.').map(Number), want.split('.').map(Number)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

/**
 * A new, empty embedded workbook.
 *
 * @example const book = createWorkbook(); book.addSheet('Decisions', [['Item ID', 'Verdict'], ['1', 'remove']]);
 */
export function createWorkbook(model = new WorkbookModel(), options: WorkbookOptions = {}): EmulatedWorkbook {
  const instrumentation = newInstrumentation();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const sets: Record<string, string> = { ...PLATFORM_SETS[options.platform ?? 'windows'], ExcelApi: options.excelApi ?? '1.17' };
  const isSetSupported = (name: string, minVersion = '1.1') => sets[name] !== undefined && versionAtLeast(sets[name], minVersion);
  let editing = false;
  let editEnded: (() => void)[] = [];
  const pending = new Set<Promise<void>>();
  const fire = async (sheet: SheetModel, event: Parameters<SheetModel['changeHandlers'][number]>[0]) => {
    for (const handler of [...sheet.changeHandlers]) await handler(event);
  };
  const userEdit = async (sheetName: string, row: number, column: number, value: Value, source: 'Local' | 'Remote') => {
    const sheet = model.sheet(sheetName);
    if (!sheet) throw new EmulatorError('ItemNotFound', `No sheet "${sheetName}".`);
    if (sheet.protected) throw new EmulatorError('AccessDenied', `The worksheet "${sheet.name}" is protected.`);
    const before = sheet.value(row, column);
    storeWritten(sheet, row, column, value, false, model.textFormatKeepsText);
    const event = { address: `${columnName(column)}${row + 1}`, changeType: 'RangeEdited', source, worksheetId: sheet.id, details: { valueBefore: before, valueAfter: sheet.value(row, column) } };
    notify();
    await fire(sheet, event);
  };
  const host: ContextHost = {
    beforeSync: (i) => book.hooks.beforeSync?.(i),
    supports: isSetSupported,
    async admit(delayForCellEdit) {
      if (!editing) return;
      // Excel.run's delayForCellEdit (ExcelApi 1.11, R excel.runoptions.yml): wait instead of failing.
      if (!delayForCellEdit || !isSetSupported('ExcelApi', '1.11')) throw new EmulatorError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      await new Promise<void>((resolve) => editEnded.push(resolve));
    },
    // Worksheet.onChanged fires for the add-in's own writes too (source Local), after the request.
    changed(sheet, rect) {
      if (!sheet.changeHandlers.length) return;
      const event = { address: formatRect(rect), changeType: 'RangeEdited', source: 'Local' as const, worksheetId: sheet.id };
      const done: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
        .then(() => fire(sheet, event))
        .catch(() => undefined)
        .finally(() => pending.delete(done));
      pending.add(done);
    },
  };
  const book: EmulatedWorkbook = {
    model,
    instrumentation,
    platform: options.platform ?? 'windows',
    requirements: { isSetSupported },
    hooks: {},
    get cellEditMode() {
      return editing;
    },
    set cellEditMode(on: boolean) {
      editing = on;
      if (!on) {
        const waiting = editEnded;
        editEnded = [];
        for (const resolve of waiting) resolve();
      }
    },
    async run<T>(first: RunOptions | Batch<T>, second?: Batch<T>): Promise<T> {
      const [runOptions, batch] = typeof first === 'function' ? [{}, first] : [first, second as Batch<T>];
      const context = new EmulatorContext(instrumentation, host, runOptions.delayForCellEdit === true);
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
    editCell: (sheet, row, column, value) => userEdit(sheet, row, column, value, 'Local'),
    remoteEdit: (sheet, row, column, value) => userEdit(sheet, row, column, value, 'Remote'),
    async idle() {
      while (pending.size) await Promise.all([...pending]);
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
