import type { CellRect } from './address';
import { EmulatorError, propertyNotLoaded } from './errors';
import type { SheetModel } from './model';

/** Limits and counters of one workbook's requests (the instrumentation the bench and tests read). */
export interface Instrumentation {
  syncs: number;
  /** Estimated JSON size of each sync's request (written values and commands) and response (loaded values). */
  requestBytes: number[];
  responseBytes: number[];
  /** Excel on the web caps a request and a response at 5 MB (excel/performance.md). */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Every platform caps a read at 5,000,000 cells (concepts/resource-limits-and-performance-optimization.md). */
  maxCellsPerRead: number;
  /** Fails the Nth sync (1-based) with this error before it runs anything: for interruption tests. */
  failAtSync?: { sync: number; code: EmulatorError['code']; message?: string };
}

/**
 * What one book's contexts share beyond the counters: the test hooks of COMMON.md's agreements
 * (a co-author's change before a sync, cell-edit mode) and where writes report their changes.
 */
export interface ContextHost {
  /** Runs before the host answers each request (0-based across the book). */
  beforeSync?: (syncIndex: number) => void | Promise<void>;
  /** Resolves when the request may run: waits out cell-edit mode, or throws InvalidOperationInCellEditMode. */
  admit?: (delayForCellEdit: boolean) => Promise<void>;
  /** Office.context.requirements.isSetSupported of the platform the book plays. */
  supports?: (set: string, version?: string) => boolean;
  /** A write ran: Worksheet.onChanged fires for the add-in's own writes too (source Local). */
  changed?: (sheet: SheetModel, rect: CellRect) => void;
}

export function newInstrumentation(): Instrumentation {
  return { syncs: 0, requestBytes: [], responseBytes: [], maxRequestBytes: 5 * 1024 * 1024, maxResponseBytes: 5 * 1024 * 1024, maxCellsPerRead: 5_000_000 };
}

interface QueuedOp {
  run(): void;
  requestBytes: number;
}

/** A batch's request context: proxies queue operations here until sync() runs them in order. */
export class EmulatorContext {
  private queue: QueuedOp[] = [];
  private afterSync: (() => void)[] = [];
  private responseBytes = 0;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  readonly runtime = { enableEvents: true };

  constructor(
    readonly instrumentation: Instrumentation,
    readonly host: ContextHost = {},
    private readonly delayForCellEdit = false,
  ) {}

  enqueue(run: () => void, requestBytes = 40): void {
    this.queue.push({ run, requestBytes });
  }

  /** Called by loads while the queue runs: counts what the response will carry. */
  addResponseBytes(bytes: number): void {
    this.responseBytes += bytes;
  }

  /** Runs after the whole batch succeeded (loaded values become readable only then). */
  onSynced(fn: () => void): void {
    this.afterSync.push(fn);
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const ins = this.instrumentation;
    await this.host.beforeSync?.(ins.syncs);
    await this.host.admit?.(this.delayForCellEdit);
    ins.syncs++;
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((s, o) => s + o.requestBytes, 0);
    ins.requestBytes.push(requestBytes);
    if (ins.failAtSync && ins.failAtSync.sync === ins.syncs) {
      ins.responseBytes.push(0);
      throw new EmulatorError(ins.failAtSync.code, ins.failAtSync.message ?? `Injected failure at sync ${ins.syncs}.`);
    }
    if (requestBytes > ins.maxRequestBytes) {
      ins.responseBytes.push(0);
      throw new EmulatorError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes > ${ins.maxRequestBytes}).`);
    }
    this.responseBytes = 0;
    this.afterSync = [];
    try {
      // Excel runs the batch in order and stops at the first error; what ran before it stays done.
      for (const op of ops) op.run();
    } finally {
      ins.responseBytes.push(this.responseBytes);
    }
    if (this.responseBytes > ins.maxResponseBytes) {
      throw new EmulatorError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.responseBytes} bytes > ${ins.maxResponseBytes}).`);
    }
    for (const fn of this.afterSync) fn();
    return passThrough as T;
  }
}

/** What a load asks for: 'values, address', ['values'], { select: 'values' } or nothing (all scalars). */
export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

export function loadList(option: LoadOption): string[] | undefined {
  if (option === undefined) return undefined;
  const raw = typeof option === 'string' ? option : Array.isArray(option) ? option.join(',') : Array.isArray(option.select) ? option.select.join(',') : (option.select ?? '');
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** A fast estimate of a value's JSON size, without building the JSON (big reads would pay twice). */
export function jsonSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return value.length + 3;
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value).length + 1 : 18;
    case 'boolean':
      return 6;
    default:
      if (Array.isArray(value)) {
        let n = 2;
        for (const v of value) n += jsonSize(v);
        return n;
      }
      return JSON.stringify(value).length + 1;
  }
}

/**
 * The base of every proxy: loaded properties become readable after sync; reading one that was not
 * loaded throws PropertyNotLoaded, as Office.js does.
 */
export abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(readonly context: EmulatorContext) {}

  /** The scalar properties this object can load, computed from the model when the load runs. */
  protected abstract snapshot(): Record<string, () => unknown>;

  load(option?: LoadOption): this {
    const wanted = loadList(option);
    this.context.enqueue(() => {
      const all = this.snapshot();
      const values = new Map<string, unknown>();
      // A null object loads nothing but isNullObject; its other properties stay unavailable.
      const isNull = all.isNullObject?.() === true;
      // isNullObject comes back with any load, whatever was asked for.
      const names = isNull ? ['isNullObject'] : [...new Set([...(wanted ?? Object.keys(all)), ...(all.isNullObject ? ['isNullObject'] : [])])];
      for (const name of names) {
        const get = all[name];
        if (!get) {
          if (name.includes('/')) continue; // navigation loads such as "format/fill/color" are not modelled
          throw new EmulatorError('InvalidArgument', `The property '${name}' does not exist on this object.`);
        }
        const v = get();
        this.context.addResponseBytes(jsonSize(v) + name.length + 3);
        values.set(name, v);
      }
      this.context.onSynced(() => {
        for (const [k, v] of values) this.loaded.set(k, v);
      });
    });
    return this;
  }

  /**
   * For *OrNullObject objects: isNullObject is readable after the next sync without a load, as
   * Microsoft's samples read it (P develop/application-specific-api-model.md).
   */
  protected trackNullness(isNull: () => boolean): void {
    this.context.enqueue(() => {
      let value = true;
      try {
        value = isNull();
      } catch {
        value = true;
      }
      this.context.onSynced(() => {
        if (!this.loaded.has('isNullObject')) this.loaded.set('isNullObject', value);
      });
    }, 0);
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
