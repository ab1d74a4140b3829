/**
 * Excel's error codes (Excel.ErrorCodes, R excel.errorcodes.yml) plus OfficeExtension's
 * PropertyNotLoaded and the payload-limit codes of the error table in
 * office-js-docs-pr testing/application-specific-api-error-handling.md.
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
  | 'PivotTableRangeConflict';

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

/** The message Office.js gives for an unloaded property (OfficeDev/office-js#190). */
export function propertyNotLoaded(property: string): EmulatorError {
  return new EmulatorError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
