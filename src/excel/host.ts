import type { Lang } from '../core/model';
import { t, type MessageKey } from '../i18n';

/** A way to run a batch of Excel API calls: `Excel.run` in Excel, the emulator's `run` elsewhere. */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Progress of a long flow: `done` of `total` units (rows, items). */
export type Progress = (done: number, total: number) => void;

export interface FlowControl {
  progress?: Progress;
  /** Cancels between chunks; the flow then writes nothing (or removes what it started). */
  signal?: AbortSignal;
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
  if (code === undefined) return new FlowError('flow.error.internal', { message: String((error as Error)?.message ?? error).split('\n')[0] });
  if (code === 'AccessDenied' && sheet) return new FlowError('flow.error.protected', { sheet }, code);
  return new FlowError('flow.error.excel', { code }, code);
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new FlowError('flow.error.cancelled');
}
