/**
 * Worksheet.onChanged (ExcelApi 1.7; R excel.worksheetchangedeventargs.yml). The client registers
 * with `_RegisterDataChangedEvent`; the host then raises a RichApi event message for every change
 * to that sheet: the user's typing, the add-in's own writes (source "Local"), and co-authors'
 * edits (source "Remote", P excel/co-authoring-in-excel-add-ins.md: "the event fires for changes
 * made by other co-authors… the source property is Remote"). Messages reach the client through its
 * own entry point for host messages, as on the web.
 */
import { formatRange, type CellRect } from '../../excelSpec';
import type { SheetModel, Value } from '../model';
import type { Change, HostState } from './dispatch';
import { rangeRef } from './range';

/** The client's event type for Worksheet Changed and the message category of events. */
const WORKSHEET_CHANGED = 10;
const EVENT_MESSAGE_CATEGORY = 65536;

/** Counts one more (or one fewer) handler watching `sheet`; a sheet nobody watches leaves the map. */
function countWatcher(watchers: Map<string, number>, sheet: SheetModel, by: 1 | -1): void {
  const n = (watchers.get(sheet.id) ?? 0) + by;
  if (n > 0) watchers.set(sheet.id, n);
  else watchers.delete(sheet.id);
}

export function registerChanged(host: HostState, sheet: SheetModel): void {
  countWatcher(host.changedWatchers, sheet, 1);
}

export function unregisterChanged(host: HostState, sheet: SheetModel): void {
  countWatcher(host.changedWatchers, sheet, -1);
}

function valueType(v: unknown): string {
  if (v === '' || v === undefined) return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return 'Double';
  return 'String';
}

export interface EventEntry {
  messageCategory: number;
  messageType: number;
  targetId: string;
  message: string;
  isRemoteOverride: boolean;
}

/** The messages one request's (or one person's) changes raise, for the sheets that are watched. */
export function changedEvents(
  host: HostState,
  changes: Change[],
  source: 'Local' | 'Remote',
  triggerSource: string,
): EventEntry[] {
  const out: EventEntry[] = [];
  if (!host.eventsEnabled) return out;
  for (const change of changes) {
    if (!host.changedWatchers.has(change.sheet.id)) continue;
    const single = change.rect.rowCount === 1 && change.rect.columnCount === 1;
    const after: Value | undefined = single ? change.sheet.value(change.rect.row, change.rect.column) : undefined;
    const referenceId = `{EVENT-${(host.nextReference++).toString(16).toUpperCase().padStart(8, '0')}}`;
    host.references.set(referenceId, rangeRef(change.sheet, change.rect));
    const args = {
      type: 'WorksheetChanged',
      changeType: 'RangeEdited',
      source,
      worksheetId: change.sheet.id,
      address: formatRange(change.rect),
      referenceId,
      shiftDirection: 'None',
      triggerSource,
      ...(single
        ? {
            valueBefore: change.before ?? '',
            valueAfter: after,
            valueTypeBefore: valueType(change.before),
            valueTypeAfter: valueType(after),
          }
        : {}),
    };
    out.push({
      messageCategory: EVENT_MESSAGE_CATEGORY,
      messageType: WORKSHEET_CHANGED,
      targetId: change.sheet.id,
      message: JSON.stringify(args),
      isRemoteOverride: source === 'Remote',
    });
  }
  return out;
}

/**
 * Worksheet.onSelectionChanged (ExcelApi 1.7; R excel.worksheetselectionchangedeventargs.yml):
 * the client registers with `_RegisterSelectionChangedEvent` (its event type 14) and reads
 * `address` and `worksheetId` from the message. Raised for the person's selection in the grid;
 * Range.select from the add-in raises none here (an add-in compares the address with its own).
 */
const WORKSHEET_SELECTION_CHANGED = 14;

export function registerSelection(host: HostState, sheet: SheetModel): void {
  countWatcher(host.selectionWatchers, sheet, 1);
}

export function unregisterSelection(host: HostState, sheet: SheetModel): void {
  countWatcher(host.selectionWatchers, sheet, -1);
}

/** The message a selection on `sheet` raises, when that sheet is watched. */
export function selectionEvents(host: HostState, sheet: SheetModel, rect: CellRect): EventEntry[] {
  if (!host.eventsEnabled || !host.selectionWatchers.has(sheet.id)) return [];
  const message = JSON.stringify({
    type: 'WorksheetSelectionChanged',
    worksheetId: sheet.id,
    address: formatRange(rect),
  });
  return [
    {
      messageCategory: EVENT_MESSAGE_CATEGORY,
      messageType: WORKSHEET_SELECTION_CHANGED,
      targetId: sheet.id,
      message,
      isRemoteOverride: false,
    },
  ];
}
