/**
 * Answers one request of Microsoft's client: resolves its object paths to objects of the model,
 * runs its actions in order and builds the results. Excel runs a batch in order and stops at the
 * first error; what ran before the error stays done, and the results of the actions before it are
 * still returned (the client applies them before it raises the error).
 *
 * Each Office object is a `HostClass`: its scalar properties (read by Query, written by
 * SetProperty), navigation properties (property object paths), methods (method object paths and
 * Method actions), indexer (`getItem`) and, for collections, items. The classes live beside this
 * file, one file per Office object family.
 */
import { EmulatorError } from '../errors';
import type { CellRect } from '../../excelSpec';
import type { SheetModel, WorkbookModel } from '../model';
import {
  ACTION,
  PATH,
  wireName,
  type ActionInfo,
  type ArgumentInfo,
  type ObjectPathInfo,
  type QueryInfo,
  type RequestBody,
  type ResponseBody,
} from './protocol';

/** An object of the model as a class of the API sees it. */
export interface Ref<T = unknown> {
  cls: HostClass<T>;
  obj: T;
}

export interface Prop<T> {
  get?(o: T, x: Exec): unknown;
  set?(o: T, value: unknown, x: Exec): void;
}

export interface HostClass<T = unknown> {
  name: string;
  /** The object's id, answered on Instantiate (the client then reaches it by id, as Excel's ids are stable). */
  id?(o: T): string;
  /** Objects that Excel.run tracks with `_KeepReference` (ranges): Instantiate then answers a `_ReferenceId`. */
  keepsReference?: boolean;
  props?: Record<string, Prop<T>>;
  nav?: Record<string, (o: T, x: Exec) => Ref | null>;
  methods?: Record<string, (o: T, args: unknown[], x: Exec) => unknown>;
  indexer?(o: T, key: unknown, x: Exec): Ref | null;
  items?(o: T, x: Exec): Ref[];
}

/** An object of class `cls` (typed where it is made; erased where the dispatcher passes it on). */
export function ref<T>(cls: HostClass<T>, obj: T): Ref {
  return { cls: cls as unknown as HostClass, obj };
}

export function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && 'cls' in v && 'obj' in v && typeof (v as Ref).cls?.name === 'string';
}

/** A cell change one request made, for Worksheet.onChanged. */
export interface Change {
  sheet: SheetModel;
  rect: CellRect;
  before?: unknown;
}

/** What one request can reach beyond its own objects: the workbook and the book's host state. */
export interface HostState {
  model: WorkbookModel;
  /** Objects kept by `_KeepReference`, by reference id, until `_RemoveReference`. */
  references: Map<string, Ref>;
  nextReference: number;
  /** Worksheet ids with a Changed event registered (count of registrations). */
  changedWatchers: Map<string, number>;
  /** Worksheet ids with a SelectionChanged event registered (count of registrations). */
  selectionWatchers: Map<string, number>;
  platform: 'web' | 'windows' | 'mac';
  maxCellsPerRead: number;
  /** Runtime.enableEvents: off, no event reaches the add-in (P excel/excel-add-ins-events.md). */
  eventsEnabled: boolean;
  /** Sheets deleted so far: a sync in flight when one is deleted fails on the web (office-js#6964). */
  sheetDeletions: number;
  /** What getActiveWorksheet answers when it differs from the sheet the user sees (office-js#3148). */
  apiActiveSheet?: SheetModel;
}

/** One request's execution: the host state plus what the request did. */
export interface Exec {
  host: HostState;
  model: WorkbookModel;
  changes: Change[];
  /** Counts a read of `cells` cells against the 5,000,000-cell limit. */
  readCells(cells: number, location: string): void;
}

const ROOT_PATH_NAME = '';

export class RequestExecution implements Exec {
  readonly changes: Change[] = [];
  readonly model: WorkbookModel;
  private resolved = new Map<number, Ref | null>();
  private kept = new Set<number>();

  constructor(
    readonly host: HostState,
    private readonly root: Ref,
    private readonly body: RequestBody,
  ) {
    this.model = host.model;
  }

  readCells(cells: number, location: string): void {
    // Every platform caps a read at 5,000,000 cells (P concepts/resource-limits-and-performance-optimization.md).
    if (cells > this.host.maxCellsPerRead)
      throw new EmulatorError(
        'InvalidOperation',
        `The read of ${cells} cells exceeds the limit of ${this.host.maxCellsPerRead} cells per read.`,
        location,
      );
  }

  run(): ResponseBody {
    const results: ResponseBody['Results'] = [];
    const traceIds: number[] = [];
    const actions = this.body.Actions;
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index];
      try {
        const value = this.action(action);
        if (action.ActionType === ACTION.trace) traceIds.push(action.Id);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (error) {
        const e =
          error instanceof EmulatorError
            ? error
            : new EmulatorError(
                'GeneralException',
                `The embedded Excel failed on ${describe(action)}: ${(error as Error)?.message ?? String(error)}`,
              );
        if (typeof process !== 'undefined' && process.env?.EMBEDDED_EXCEL_TRACE)
          console.error(`[embedded Excel] ${e.code} at ${describe(action)}: ${e.message}`);
        return {
          Results: results,
          TraceIds: traceIds,
          Error: {
            Code: e.code,
            Message: e.message,
            Location: e.debugInfo.errorLocation ?? '',
            ActionIndex: index,
            HttpStatusCode: 400,
          },
        };
      }
    }
    return { Results: results, TraceIds: traceIds };
  }

  private action(a: ActionInfo): unknown {
    switch (a.ActionType) {
      case ACTION.instantiate:
        return this.instantiate(a.ObjectPathId);
      case ACTION.query:
      case ACTION.queryAsJson: {
        const target = this.path(a.ObjectPathId);
        return target ? query(target, a.QueryInfo ?? {}, this) : null;
      }
      case ACTION.method: {
        const target = this.path(a.ObjectPathId);
        if (!target) return null; // methods of a null object do nothing
        if (a.Name === '_KeepReference') {
          this.kept.add(a.ObjectPathId);
          return undefined;
        }
        const result = call(target, a.Name, this.args(a.ArgumentInfo), this);
        return isRef(result) ? {} : result === undefined ? null : result;
      }
      case ACTION.setProperty: {
        const target = this.path(a.ObjectPathId);
        if (target) setProperty(target, a.Name, this.args(a.ArgumentInfo)[0], this);
        return undefined;
      }
      case ACTION.update: {
        const target = this.path(a.ObjectPathId);
        if (target) this.update(target, a.ObjectState ?? {});
        return undefined;
      }
      case ACTION.trace:
        return null;
      default:
        throw new EmulatorError(
          'UnsupportedOperation',
          `The embedded Excel does not answer action type ${a.ActionType} ` +
            `(${a.Name}); see src/emulator/DIFFERENCES.md.`,
        );
    }
  }

  private update(target: Ref, state: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(state)) {
      const nav = target.cls.nav?.[name];
      if (nav && value && typeof value === 'object' && !Array.isArray(value)) {
        const inner = nav(target.obj, this);
        if (inner) this.update(inner, value as Record<string, unknown>);
      } else setProperty(target, name, value, this);
    }
  }

  private instantiate(pathId: number): unknown {
    const target = this.path(pathId);
    if (!target) return null;
    const value: Record<string, unknown> = {};
    const id = target.cls.id?.(target.obj);
    if (id !== undefined) value.Id = id;
    if (this.kept.has(pathId) && target.cls.keepsReference) {
      const serial = (this.host.nextReference++).toString(16).toUpperCase().padStart(8, '0');
      const referenceId = `{${serial}-3C2B-4C5E-9F21-0D1E2F3A4B5C}`;
      this.host.references.set(referenceId, target);
      value._ReferenceId = referenceId;
    }
    return value;
  }

  /** The object a path reaches, resolved once per request (a method path such as `add` runs once). */
  path(pathId: number): Ref | null {
    if (this.resolved.has(pathId)) return this.resolved.get(pathId)!;
    const info = this.body.ObjectPaths[String(pathId)];
    if (!info)
      throw new EmulatorError(
        'InvalidObjectPath',
        `The request refers to object path ${pathId}, which it does not define.`,
      );
    const target = this.resolvePath(info);
    this.resolved.set(pathId, target);
    return target;
  }

  private resolvePath(info: ObjectPathInfo): Ref | null {
    switch (info.ObjectPathType) {
      case PATH.global:
        return this.root;
      case PATH.nullObject:
        return null;
      case PATH.referenceId: {
        const kept = this.host.references.get(info.Name);
        if (!kept)
          throw new EmulatorError('InvalidObjectPath', `The object reference ${info.Name} is no longer valid.`);
        return kept;
      }
      case PATH.property: {
        const parent = this.path(info.ParentObjectPathId!);
        if (!parent) return null;
        const nav = parent.cls.nav?.[info.Name];
        if (!nav) throw notAnswered(parent.cls.name, info.Name);
        return nav(parent.obj, this);
      }
      case PATH.method: {
        const parent = this.path(info.ParentObjectPathId!);
        if (!parent) return null;
        const result = call(parent, info.Name, this.args(info.ArgumentInfo), this);
        if (result !== null && !isRef(result))
          throw new EmulatorError('GeneralException', `${parent.cls.name}.${info.Name} does not return an object.`);
        return result;
      }
      case PATH.indexer: {
        const parent = this.path(info.ParentObjectPathId!);
        if (!parent) return null;
        if (!parent.cls.indexer) throw notAnswered(parent.cls.name, 'getItem');
        return parent.cls.indexer(parent.obj, this.args(info.ArgumentInfo)[0], this);
      }
      default:
        throw new EmulatorError(
          'UnsupportedOperation',
          `The embedded Excel does not answer object path ` +
            `type ${info.ObjectPathType} (${info.Name || ROOT_PATH_NAME}).`,
        );
    }
  }

  /** Arguments with client objects (sent as object path ids) replaced by the objects they reach. */
  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const ids = info?.ReferencedObjectPathIds;
    const withObjects = (list: unknown[], refs: unknown[] | undefined): unknown[] =>
      list.map((arg, i) => {
        const r = refs?.[i];
        if (Array.isArray(r) && Array.isArray(arg)) return withObjects(arg, r);
        if (typeof r === 'number' && r !== 0) return this.path(r);
        return this.nested(arg);
      });
    return withObjects(args, ids);
  }

  /** Plain-object arguments carry client objects as { _ObjectPathId: n } (e.g. a validation rule's source range). */
  private nested(arg: unknown): unknown {
    if (!arg || typeof arg !== 'object') return arg;
    if (Array.isArray(arg)) return arg.some((v) => v && typeof v === 'object') ? arg.map((v) => this.nested(v)) : arg;
    const o = arg as Record<string, unknown>;
    if (typeof o._ObjectPathId === 'number') return this.path(o._ObjectPathId);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, this.nested(v)]));
  }
}

function describe(a: ActionInfo): string {
  return `action ${a.Id} (type ${a.ActionType}${a.Name ? ` ${a.Name}` : ''})`;
}

function notAnswered(cls: string, member: string): EmulatorError {
  return new EmulatorError(
    'UnsupportedOperation',
    `The embedded Excel does not answer ${cls}.${member}; see src/emulator/DIFFERENCES.md.`,
    `${cls}.${member}`,
  );
}

function call(target: Ref, name: string, args: unknown[], x: Exec): unknown {
  const method = target.cls.methods?.[name];
  if (!method) throw notAnswered(target.cls.name, name);
  return method(target.obj, args, x);
}

function setProperty(target: Ref, name: string, value: unknown, x: Exec): void {
  const prop = target.cls.props?.[name];
  if (!prop?.set) throw notAnswered(target.cls.name, `${name} (set)`);
  prop.set(target.obj, value, x);
}

/** Splits "format/fill/color" selections into this level's names and the nested ones. */
function group(select: string[]): Map<string, string[] | undefined> {
  const out = new Map<string, string[] | undefined>();
  for (const s of select) {
    const slash = s.indexOf('/');
    const head = wireName((slash < 0 ? s : s.slice(0, slash)).trim());
    if (!head) continue;
    if (slash < 0) {
      if (!out.has(head)) out.set(head, undefined);
    } else {
      const list = out.get(head) ?? [];
      list.push(s.slice(slash + 1));
      out.set(head, list);
    }
  }
  return out;
}

/** The client-side property that a load may name but Excel does not hold. */
const CLIENT_ONLY = new Set(['IsNullObject', '$all', '$none']);

/** Answers a Query: the selected scalar properties (all of them when none is named) under their wire names. */
export function query(target: Ref, q: QueryInfo, x: Exec): unknown {
  if (target.cls.items) {
    let items = target.cls.items(target.obj, x);
    if (q.Skip) items = items.slice(q.Skip);
    if (q.Top !== undefined && q.Top !== null) items = items.slice(0, q.Top);
    return { _Items: items.map((item) => objectValue(item, q.Select, q.Expand, x)) };
  }
  return objectValue(target, q.Select, q.Expand, x);
}

function objectValue(
  target: Ref,
  select: string[] | undefined,
  expand: string[] | undefined,
  x: Exec,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = target.cls.props ?? {};
  const all = () => Object.keys(props).filter((k) => props[k].get);
  // No selection, or "*" (load('items') on a collection), means every scalar property.
  const wanted: Map<string, string[] | undefined> =
    select && select.length ? group(select) : new Map(all().map((k) => [k, undefined]));
  if (wanted.has('*')) {
    wanted.delete('*');
    for (const k of all()) if (!wanted.has(k)) wanted.set(k, undefined);
  }
  for (const e of expand ?? []) if (!wanted.has(wireName(e))) wanted.set(wireName(e), []);
  for (const [name, nested] of wanted) {
    if (CLIENT_ONLY.has(name)) continue;
    const nav = target.cls.nav?.[name];
    if (nested !== undefined || (nav && !props[name])) {
      if (!nav)
        throw new EmulatorError(
          'InvalidArgument',
          `The property '${name}' of ${target.cls.name} is not an object.`,
          `${target.cls.name}.load`,
        );
      const inner = nav(target.obj, x);
      out[name] = inner ? query(inner, { Select: nested && nested.length ? nested : undefined }, x) : null;
      continue;
    }
    const prop = props[name];
    if (!prop?.get)
      throw new EmulatorError(
        'InvalidArgument',
        `The property '${name}' does not exist on ${target.cls.name} in the embedded Excel.`,
        `${target.cls.name}.load`,
      );
    out[name] = prop.get(target.obj, x);
  }
  return out;
}
