import type { Lang } from '../i18n';
import { t, type MessageKey } from '../i18n';

/** A way to run a batch of Excel API calls: `Excel.run` in Excel, the emulator's `run` elsewhere. */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office.context.requirements, or the embedded workbook's stand-in for it. */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** What runs batches: `Excel` itself, or the embedded workbook (both take Excel.run's RunOptions). */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

const REQUIREMENTS = new WeakMap<object, Requirements>();

/**
 * The BatchRunner the pane and the workbench use. Each run asks Excel to wait while the user is
 * editing a cell instead of failing with InvalidOperationInCellEditMode — `delayForCellEdit`,
 * which only ExcelApi 1.11 knows, so it is checked at run time (R excel.runoptions.yml;
 * P develop/application-specific-api-model.md "Excel.run"). Each batch's context remembers the
 * host's requirement sets, so a flow can pick a documented API where it exists (`supports`).
 */
export function hostRunner(excel: ExcelRunner, requirements: Requirements): BatchRunner {
  return (batch) => {
    const tagged = (context: Excel.RequestContext) => {
      REQUIREMENTS.set(context, requirements);
      return batch(context);
    };
    return requirements.isSetSupported('ExcelApi', '1.11')
      ? excel.run({ delayForCellEdit: true }, tagged)
      : excel.run(tagged);
  };
}

/** The runner inside Excel, from Office.js's globals, read when a batch runs (not when the pane starts). */
export function officeRunner(): BatchRunner {
  return (batch) => hostRunner(Excel, Office.context.requirements)(batch);
}

/**
 * Whether the host of this batch has a requirement set: the runner's (hostRunner), else Office's
 * own when Office.js is loaded, else no (the flows then take their documented fallback).
 */
export function supports(context: Excel.RequestContext, name: string, minVersion: string): boolean {
  const known = REQUIREMENTS.get(context);
  if (known) return known.isSetSupported(name, minVersion);
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  try {
    return office?.context?.requirements?.isSetSupported(name, minVersion) ?? false;
  } catch {
    return false;
  }
}

/** Progress of a long flow: `done` of `total` units (rows, items). */
export type Progress = (done: number, total: number) => void;

export interface FlowControl {
  progress?: Progress;
  /** Cancels between chunks; the flow then writes nothing (or removes what it started). */
  signal?: AbortSignal;
  /**
   * Gives the page its thread back between slices of long work (the pane passes one, so it
   * paints progress and takes Cancel; tests and the CLI pass none and run straight through).
   */
  pause?: () => Promise<void>;
}

/** A flow's failure, as a localized message that names the cell and the fix — never a stack trace. */
export class FlowError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly excelCode?: string,
  ) {
    super(t(key, params, 'en'));
    this.name = 'FlowError';
  }

  /** The message in the analyst's language. */
  render(lang: Lang): string {
    return t(this.key, this.params, lang);
  }
}

/** Turns whatever a flow threw into a FlowError (Excel's errors keep their code). */
export function toFlowError(error: unknown, sheet?: string): FlowError {
  if (error instanceof FlowError) return error;
  const code = (error as { code?: string })?.code;
  // Not Excel's error (a TypeError, a RangeError from the core): our bug or an input we did not
  // foresee, never "Excel could not finish".
  if (code === undefined)
    return new FlowError('flow.error.internal', { message: String((error as Error)?.message ?? error).split('\n')[0] });
  if (code === 'AccessDenied' && sheet) return new FlowError('flow.error.protected', { sheet }, code);
  return new FlowError('flow.error.excel', { code }, code);
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new FlowError('flow.error.cancelled');
}
