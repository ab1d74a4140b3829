/**
 * The session of one embedded workbook: Microsoft's client hands each `context.sync()` of an
 * `Excel.run({ session })` to this session's request executor, which answers it from the model
 * as Excel's host does — after checking the web's limits on the real serialized bytes, the
 * cell-edit mode, and co-authors' changes that landed while the request was in flight.
 */
import { MAX_CELLS_PER_READ, PAYLOAD_LIMIT_BYTES, type CellRect } from '../../excelSpec';
import { EmulatorError } from '../errors';
import type { SheetModel, WorkbookModel } from '../model';
import { officeClient, useRequirements } from './client';
import { RequestExecution, ref, type Change, type HostState } from './dispatch';
import { changedEvents, selectionEvents, type EventEntry } from './events';
import { requirementCheck, type Platform, type RequirementSets } from './platform';
import { FLAG_DELAY_FOR_CELL_EDIT, ACTION, type ExecutorResponse, type RequestBody } from './protocol';
import { byteLength, jsonByteLength, nextTask, TimeSlicer } from './schedule';
import { workbookClass } from './workbook';

/** Limits and counters of one workbook's requests (the instrumentation the bench and tests read). */
export interface Instrumentation {
  /** Syncs of the add-in's batches so far (Excel.run's closing release of references is counted apart). */
  syncs: number;
  /** UTF-8 size of each sync's request body as Microsoft's client serialized it (JSON). */
  requestBytes: number[];
  /** UTF-8 size of each sync's response body as the host serialized it (JSON). */
  responseBytes: number[];
  /** Actions in each sync's request. */
  requestActions: number[];
  /** Requests Excel.run sends after a batch to release the ranges it tracked (`_RemoveReference`), and their bytes. */
  cleanupRequests: number;
  cleanupRequestBytes: number[];
  /** Milliseconds the host spent answering requests (parse, run, serialize), for the bench. */
  hostMs: number;
  /** Excel on the web caps a request and a response at 5 MB (P excel/performance.md); checked on every profile. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Every platform caps a read at 5,000,000 cells (P concepts/resource-limits-and-performance-optimization.md). */
  maxCellsPerRead: number;
  /** Fails the Nth sync (1-based) with this error before it runs anything: for interruption tests. */
  failAtSync?: { sync: number; code: EmulatorError['code']; message?: string };
}

export function newInstrumentation(): Instrumentation {
  return {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    requestActions: [],
    cleanupRequests: 0,
    cleanupRequestBytes: [],
    hostMs: 0,
    maxRequestBytes: PAYLOAD_LIMIT_BYTES,
    maxResponseBytes: PAYLOAD_LIMIT_BYTES,
    maxCellsPerRead: MAX_CELLS_PER_READ,
  };
}

export interface SyncHooks {
  /** Runs before the host answers each sync of a batch (0-based across the book): a co-author's change lands here. */
  beforeSync?: (syncIndex: number) => void | Promise<void>;
}

/**
 * A request's round trip to Excel is asynchronous: the executor yields before answering, so runs
 * in flight together interleave (a co-author's run can land between two syncs of another). A
 * microtask, not a timer: timers are clamped to milliseconds in browsers and jsdom.
 */
const roundTrip = () => Promise.resolve();

/** The client's message for each top-level error the host raises (its resource strings). */
const MESSAGES = {
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. See the Resource limits and ' +
    'performance optimization for Office Add-ins article for more information.',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. See the Resource limits ' +
    'and performance optimization for Office Add-ins article for more information.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by ' +
    'pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidRequestContext:
    'The request cannot be processed because the specified worksheet cannot be found. Please try again.',
} as const;

function failed(code: string, message: string, status = 400): ExecutorResponse {
  return { HttpStatusCode: status, ErrorCode: code, ErrorMessage: message, Headers: {}, Body: null };
}

/** Excel.run's closing request: only the release of tracked references on the root. */
function isCleanup(body: RequestBody): boolean {
  return body.Actions.every(
    (a) =>
      (a.ActionType === ACTION.method && a.Name === '_RemoveReference') ||
      (a.ActionType === ACTION.instantiate && body.ObjectPaths[String(a.ObjectPathId)]?.ObjectPathType === 1),
  );
}

export class BookSession {
  readonly host: HostState;
  readonly instrumentation = newInstrumentation();
  readonly hooks: SyncHooks = {};
  readonly isSetSupported: (name: string, version?: string) => boolean;
  /** The object Excel.run receives as `session`: Microsoft's SessionBase with this book's executor. */
  readonly clientSession: object;
  /**
   * Answer each sync on a later task and measure big bodies in slices, so the page that hosts the
   * workbook (the workbench) paints and takes clicks — Cancel — while a flow runs. Off in Node
   * (tests, the CLI): a microtask keeps runs fast there and nothing waits for paint.
   */
  yieldToPage = false;
  private editMode = false;
  private editModeWaiters: (() => void)[] = [];

  constructor(
    readonly model: WorkbookModel,
    readonly platform: Platform,
    requirements: RequirementSets,
  ) {
    this.host = {
      model,
      references: new Map(),
      nextReference: 1,
      changedWatchers: new Map(),
      selectionWatchers: new Map(),
      eventsEnabled: true,
      platform,
      maxCellsPerRead: this.instrumentation.maxCellsPerRead,
      sheetDeletions: 0,
    };
    this.isSetSupported = requirementCheck(requirements);
    const { OfficeExtension } = officeClient();
    const execute = (flags: number, body: RequestBody) => this.execute(flags, body);
    const Base = OfficeExtension.SessionBase as unknown as new () => object;
    class HostSession extends Base {
      _resolveRequestUrlAndHeaderInfo() {
        return OfficeExtension.CoreUtility._createPromiseFromResult({
          url: 'https://embedded-excel.invalid/',
          headers: {},
        });
      }
      _createRequestExecutorOrNull() {
        return {
          executeAsync: (_customData: unknown, flags: number, message: { Body: RequestBody }) =>
            execute(flags, message.Body),
        };
      }
    }
    this.clientSession = new HostSession();
  }

  get cellEditMode(): boolean {
    return this.editMode;
  }

  set cellEditMode(on: boolean) {
    this.editMode = on;
    if (!on) for (const resolve of this.editModeWaiters.splice(0)) resolve();
  }

  /** Runs the requirement check of this book's platform while its batches build requests. */
  useRequirements(): void {
    useRequirements(this.isSetSupported);
  }

  private async execute(flags: number, body: RequestBody): Promise<ExecutorResponse> {
    const ins = this.instrumentation;
    const deletionsBefore = this.host.sheetDeletions;
    const slicer = this.yieldToPage ? new TimeSlicer() : undefined;
    const requestBytes = slicer ? await jsonByteLength(body, slicer) : byteLength(JSON.stringify(body));
    const cleanup = isCleanup(body);
    await (slicer ? nextTask() : roundTrip());
    if (cleanup) {
      ins.cleanupRequests++;
      ins.cleanupRequestBytes.push(requestBytes);
    } else {
      const index = ins.syncs++;
      ins.requestBytes.push(requestBytes);
      ins.requestActions.push(body.Actions.length);
      await this.hooks.beforeSync?.(index);
      if (ins.failAtSync && ins.failAtSync.sync === ins.syncs) {
        ins.responseBytes.push(0);
        return failed(ins.failAtSync.code, ins.failAtSync.message ?? `Injected failure at sync ${ins.syncs}.`);
      }
    }
    this.useRequirements();
    // Excel.run's release of references is not the add-in's batch: it is not held back (a failed
    // release would make the client retry it after 5 s).
    if (this.editMode && !cleanup) {
      // While the user edits a cell every batch fails, unless the run asked to wait
      // (Excel.run({ delayForCellEdit: true }), ExcelApi 1.11; R excel.runoptions.yml).
      if (!(flags & FLAG_DELAY_FOR_CELL_EDIT)) return this.fail(cleanup, 'InvalidOperationInCellEditMode');
      await new Promise<void>((resolve) => this.editModeWaiters.push(resolve));
    }
    // Excel on the web fails a sync in flight when any sheet is deleted meanwhile (office-js#6964).
    if (this.platform === 'web' && !cleanup && this.host.sheetDeletions !== deletionsBefore)
      return this.fail(cleanup, 'InvalidRequestContext');
    if (requestBytes > ins.maxRequestBytes) return this.fail(cleanup, 'RequestPayloadSizeLimitExceeded');
    const started = performance.now();
    this.host.maxCellsPerRead = ins.maxCellsPerRead;
    // The body is the client's own object; its JSON text above is what crossed the wire (measured,
    // not parsed again: the client builds it from JSON-safe values, and parsing 5 MB twice per sync
    // would double the host's cost on full-sheet flows).
    const execution = new RequestExecution(this.host, ref(workbookClass, this.host), body);
    const responseBody = execution.run();
    const responseBytes = slicer
      ? await jsonByteLength(responseBody, slicer)
      : byteLength(JSON.stringify(responseBody));
    ins.hostMs += performance.now() - started;
    if (!cleanup) ins.responseBytes.push(responseBytes);
    this.raise(changedEvents(this.host, execution.changes, 'Local', 'ThisLocalAddin'));
    if (responseBytes > ins.maxResponseBytes)
      return failed('ResponsePayloadSizeLimitExceeded', MESSAGES.ResponsePayloadSizeLimitExceeded);
    // The host built the response from fresh arrays, so the client may keep them as they are.
    return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: responseBody };
  }

  private fail(cleanup: boolean, code: keyof typeof MESSAGES): ExecutorResponse {
    if (!cleanup) this.instrumentation.responseBytes.push(0);
    return failed(code, MESSAGES[code]);
  }

  /** Delivers Worksheet.onChanged events after the response, as Excel raises them after the batch. */
  raise(entries: EventEntry[]): void {
    if (!entries.length) return;
    const { OfficeExtension } = officeClient();
    setTimeout(() => OfficeExtension._testTriggerRichApiMessageEvent({ entries }), 0);
  }

  /** The person selected cells (a click or arrow key in the grid): Worksheet.onSelectionChanged. */
  selectedOutside(sheet: SheetModel, rect: CellRect): void {
    this.raise(selectionEvents(this.host, sheet, rect));
  }

  /** A change made outside the add-in's batches (the user's typing, a co-author's edit). */
  changedOutside(changes: Change[], source: 'Local' | 'Remote'): void {
    this.raise(changedEvents(this.host, changes, source, source === 'Remote' ? 'Unknown' : 'Unknown'));
  }
}
