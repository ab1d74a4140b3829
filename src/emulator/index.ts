/**
 * The embedded Excel: an in-memory workbook that answers the requests of Microsoft's own Office.js
 * client (npm @microsoft/office-js). `book.run` is the client's `Excel.run` with this workbook as
 * its session, so the flows' proxies, `load`, `sync`, batching, PropertyNotLoaded, null objects and
 * request bytes are Microsoft's code; only the host side (host/*.ts) is ours. It serves tests,
 * the workbench and the CLI; the production task pane never includes it.
 *
 * ```ts
 * const book = createWorkbook();                       // or createWorkbook(model, { platform: 'web' })
 * book.addSheet('Decisions', rows);                      // set up data directly in the model
 * await book.run(async (context) => {                    // Excel.run, on Microsoft's client
 *   const range = context.workbook.worksheets.getItem('Decisions').getUsedRange();
 *   range.load('values');
 *   await context.sync();
 * });
 * book.instrumentation.requestBytes;                     // the real serialized bytes of each sync
 * await book.editCell('Decisions', 4, 2, 'remove');      // a user's edit: fires onChanged (Local)
 * await book.remoteEdit('Decisions', 4, 2, 'approve');   // a co-author's edit: onChanged (Remote)
 * ```
 */
import type { CellRect } from '../excelSpec';
import { EmulatorError } from './errors';
import { WorkbookModel, type SheetModel, type Value } from './model';
import { eventHandlersSettled, officeClient } from './host/client';
import { storeWritten, guardProtected } from './host/range';
import { BookSession, type Instrumentation, type SyncHooks } from './host/session';
import { atLeast, CLIENT_EXCEL_API, PLATFORM_REQUIREMENTS, type Platform, type RequirementSets } from './host/platform';

export { EmulatorError } from './errors';
export type { Instrumentation, SyncHooks } from './host/session';
export type { Platform, RequirementSets } from './host/platform';
export type { Value, SheetModel } from './model';
export { WorkbookModel } from './model';
export { pivots } from './pivot';
export { storeWritten } from './host/range';

/** Options of a run, as Excel.run takes them (R excel.runoptions.yml). */
export interface RunOptions {
  /** Wait while the user edits a cell instead of failing (ExcelApi 1.11). */
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface EmulatedWorkbook {
  model: WorkbookModel;
  instrumentation: Instrumentation;
  /** The platform profile: its requirement sets and the host behaviours that differ (web, Windows, Mac). */
  platform: Platform;
  /** Office.context.requirements.isSetSupported of this platform profile. */
  isSetSupported(name: string, version?: string): boolean;
  /** The same, shaped as Office.context.requirements. */
  requirements: { isSetSupported(name: string, version?: string): boolean };
  /** Test hooks: `beforeSync(i)` runs before the host answers each sync (0-based across the book). */
  hooks: SyncHooks;
  /** While true, the user is editing a cell: batches fail with InvalidOperationInCellEditMode unless they wait. */
  cellEditMode: boolean;
  /**
   * Answer syncs on later tasks, in slices, so a page hosting the workbook stays responsive (the workbench sets it).
   */
  yieldToPage: boolean;
  /** Batches started and not yet settled (the workbench waits for none before copying the workbook). */
  readonly running: number;
  /** Runs a batch with Microsoft's Excel.run on this workbook; `run(options, batch)` as Excel.run takes options. */
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: RunOptions, batch: Batch<T>): Promise<T>;
  /** Adds a sheet with rows of values (no formula parsing: the values are stored as given). */
  addSheet(name: string, rows?: Value[][]): SheetModel;
  /** A person's edit in the grid: stores the value as Excel would and fires Worksheet.onChanged (source Local). */
  editCell(sheet: string, row: number, column: number, value: Value): Promise<void>;
  /** A co-author's edit: stores the value and fires Worksheet.onChanged with source Remote. */
  remoteEdit(sheet: string, row: number, column: number, value: Value): Promise<void>;
  /** Resolves once every onChanged handler that the add-in's own writes (or edits) set off has finished. */
  idle(): Promise<void>;
  /** A sheet's values as a plain 2-D array (used range from A1), for tests and the CLI. */
  valuesOf(sheet: string): Value[][];
  /**
   * Calls `listener` after every batch that ran (`run` settled) and every edit, so a view of the
   * workbook (the workbench's grid) can redraw. Returns the unsubscribe function.
   */
  subscribe(listener: () => void): () => void;
  /** Tells subscribers the model changed outside a batch (the grid's own selection, a sheet switch). */
  notify(): void;
  /** The person selects cells (the grid): the sheet becomes active and Worksheet.onSelectionChanged fires. */
  select(sheet: SheetModel, rect: CellRect): void;
}

export interface WorkbookOptions {
  /** The platform profile (default 'windows'). */
  platform?: Platform;
  /** The highest ExcelApi set of the build (an older build, for fallback tests). */
  excelApi?: string;
  /** Requirement sets replacing the profile's (an older build, a set switched off). */
  requirementSets?: RequirementSets;
}

/**
 * A new embedded workbook over `model` (a new, empty one by default).
 *
 * @example const book = createWorkbook(); book.addSheet('Decisions', [['Item ID', 'Verdict'], ['1', 'remove']]);
 */
export function createWorkbook(model = new WorkbookModel(), options: WorkbookOptions = {}): EmulatedWorkbook {
  const platform = options.platform ?? 'windows';
  const sets = {
    ...(options.requirementSets ?? PLATFORM_REQUIREMENTS[platform]),
    ...(options.excelApi ? { ExcelApi: options.excelApi } : {}),
  };
  if (sets.ExcelApi && sets.ExcelApi !== CLIENT_EXCEL_API && atLeast(sets.ExcelApi, CLIENT_EXCEL_API)) {
    throw new Error(
      `The embedded Excel cannot play ExcelApi ${sets.ExcelApi}: Microsoft's client it ` +
        `runs (@microsoft/office-js 1.1.110) implements ExcelApi up to ${CLIENT_EXCEL_API}.`,
    );
  }
  const session = new BookSession(model, platform, sets);
  const { Excel } = officeClient();
  const listeners = new Set<() => void>();
  let running = 0;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const edit = async (sheetName: string, row: number, column: number, value: Value, source: 'Local' | 'Remote') => {
    const sheet = model.sheet(sheetName);
    if (!sheet) throw new EmulatorError('ItemNotFound', `No sheet "${sheetName}".`);
    guardProtected(sheet, 'Range.values');
    const before = sheet.value(row, column);
    storeWritten(sheet, row, column, value, false, model.textFormatKeepsText);
    notify();
    session.changedOutside([{ sheet, rect: { row, column, rowCount: 1, columnCount: 1 }, before }], source);
    await eventHandlersSettled();
  };
  function run<T>(a: RunOptions | Batch<T>, b?: Batch<T>): Promise<T> {
    const [options, batch] = typeof a === 'function' ? [{}, a] : [a, b!];
    session.useRequirements();
    running++;
    const result = Excel.run(
      { ...options, session: session.clientSession } as unknown as Excel.RunOptions,
      batch,
    ) as Promise<T>;
    // A failed batch may still have changed cells (Excel keeps what ran before the error).
    return result.finally(() => {
      running--;
      if (listeners.size) notify();
    });
  }
  const book: EmulatedWorkbook = {
    model,
    instrumentation: session.instrumentation,
    platform,
    isSetSupported: session.isSetSupported,
    requirements: { isSetSupported: session.isSetSupported },
    idle: eventHandlersSettled,
    hooks: session.hooks,
    get cellEditMode() {
      return session.cellEditMode;
    },
    set cellEditMode(on: boolean) {
      session.cellEditMode = on;
    },
    get running() {
      return running;
    },
    get yieldToPage() {
      return session.yieldToPage;
    },
    set yieldToPage(on: boolean) {
      session.yieldToPage = on;
    },
    run,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify,
    select(sheet, rect) {
      model.activeSheet = sheet;
      model.selection = { sheet, rect };
      notify();
      session.selectedOutside(sheet, rect);
    },
    addSheet(name, rows = []) {
      const sheet = model.addSheet(name);
      sheet.rows = rows.map((r) => r.slice());
      return sheet;
    },
    editCell: (sheet, row, column, value) => edit(sheet, row, column, value, 'Local'),
    remoteEdit: (sheet, row, column, value) => edit(sheet, row, column, value, 'Remote'),
    valuesOf(name) {
      const sheet = model.sheet(name);
      if (!sheet) throw new EmulatorError('ItemNotFound', `No sheet "${name}".`);
      const rect = sheet.usedRect(true);
      if (!rect) return [];
      const width = rect.column + rect.columnCount;
      return Array.from({ length: rect.row + rect.rowCount }, (_, r) =>
        Array.from({ length: width }, (_, c) => sheet.value(r, c)),
      );
    },
  };
  return book;
}
