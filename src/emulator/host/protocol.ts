/**
 * The wire format between Microsoft's Office.js client and Excel: what one `context.sync()` sends
 * (object paths and actions, as the client's `ClientRequestBase.buildRequestMessageBodyAndRequestFlags`
 * builds them) and what the host answers (`{ Body: { Results, Error?, TraceIds? } }`, read by
 * `ClientRequestContext.processRequestExecutorResponseMessage`). Names and numbers are the
 * client's own (excel-web-16.00.debug.js of @microsoft/office-js 1.1.110).
 */

/** ObjectPathType: how an object is reached. */
export const PATH = {
  global: 1,
  newObject: 2,
  method: 3,
  property: 4,
  indexer: 5,
  referenceId: 6,
  nullObject: 7,
} as const;

/** ActionType: what is done with an object. */
export const ACTION = {
  instantiate: 1,
  query: 2,
  method: 3,
  setProperty: 4,
  trace: 5,
  recursiveQuery: 6,
  queryAsJson: 7,
  ensureUnchanged: 8,
  update: 9,
} as const;

/** Request flags: bit 64 is set by Excel.run({ delayForCellEdit: true }) where DelayForCellEdit is supported. */
export const FLAG_DELAY_FOR_CELL_EDIT = 64;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Parallel to Arguments: the object path id of an argument that is a client object, else 0 (arrays nest). */
  ReferencedObjectPathIds?: unknown[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
  ObjectState?: Record<string, unknown>;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseBody {
  Results: ActionResult[];
  TraceIds?: number[];
  Error?: { Code: string; Message: string; Location?: string; ActionIndex: number; HttpStatusCode: number };
}

/** What the request executor resolves: a top-level ErrorCode fails the whole sync (payload limits, cell-edit mode). */
export interface ExecutorResponse {
  HttpStatusCode: number;
  ErrorCode: string | null;
  ErrorMessage: string | null;
  Headers: Record<string, string>;
  Body: ResponseBody | null;
}

/** The client's property and method names on the wire: `values` is sent and answered as `Values`. */
export function wireName(jsName: string): string {
  return jsName.charAt(0).toUpperCase() + jsName.slice(1);
}
