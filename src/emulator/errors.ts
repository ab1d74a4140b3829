import { parseRange, type CellRect } from '../excelSpec';

/**
 * The error codes the host answers: Excel's (Excel.ErrorCodes, R excel.errorcodes.yml), the
 * payload-limit codes of the error table in office-js-docs-pr
 * testing/application-specific-api-error-handling.md, and the client's own InvalidObjectPath,
 * InvalidRequestContext and InvalidOperationInCellEditMode. PropertyNotLoaded is raised by
 * Microsoft's client itself.
 */
export type EmulatorErrorCode =
  | 'AccessDenied'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PropertyNotLoaded'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'UnsupportedOperation'
  | 'PivotTableRangeConflict'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'InvalidOperationInCellEditMode';

/** An error as Excel raises it: a `code` that is never localized, a `message`, and where it happened. */
export class EmulatorError extends Error {
  readonly code: EmulatorErrorCode;
  readonly debugInfo: { code: EmulatorErrorCode; message: string; errorLocation?: string };

  constructor(code: EmulatorErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** A local A1 reference as a rectangle; a bad or out-of-sheet one fails as Excel fails it (InvalidArgument). */
export function localRect(local: string, errorLocation = 'Worksheet.getRange'): CellRect {
  try {
    return parseRange(local);
  } catch (e) {
    throw new EmulatorError('InvalidArgument', (e as Error).message, errorLocation);
  }
}

/** What a getItem found; where it found nothing, Excel's ItemNotFound with `message`. */
export function assertFound<T>(item: T, message: string, errorLocation: string): asserts item is NonNullable<T> {
  if (item === undefined || item === null) throw new EmulatorError('ItemNotFound', message, errorLocation);
}
