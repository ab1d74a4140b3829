/**
 * The root object (R excel.workbook.yml): the collections, the selection, and the reference
 * bookkeeping of Excel.run (`_RemoveReference` releases what `_KeepReference` kept).
 */
import { assertFound } from '../errors';
import { ref, type HostClass, type HostState } from './dispatch';
import { namedItemCollectionClass } from './names';
import { rangeRef } from './range';
import { tableCollectionClass } from './table';
import { worksheetCollectionClass } from './worksheet';

const runtimeClass: HostClass<HostState> = {
  name: 'Runtime',
  props: {
    EnableEvents: { get: (host) => host.eventsEnabled, set: (host, v) => void (host.eventsEnabled = Boolean(v)) },
  },
};

const applicationClass: HostClass<null> = {
  name: 'Application',
  props: { CalculationMode: { get: () => 'Automatic' } },
  methods: { Calculate: () => undefined, SuspendApiCalculationUntilNextSync: () => undefined },
};

function referenced(host: HostState, id: unknown) {
  return host.references.get(String(id)) ?? null;
}

export const workbookClass: HostClass<HostState> = {
  name: 'Workbook',
  props: { Name: { get: () => 'Book1' } },
  nav: {
    Worksheets: () => ref(worksheetCollectionClass, null),
    Tables: () => ref(tableCollectionClass, {}),
    Names: () => ref(namedItemCollectionClass, null),
    Application: () => ref(applicationClass, null),
    _Runtime: (host) => ref(runtimeClass, host),
  },
  methods: {
    GetSelectedRange: (_h, _args, x) => {
      const sel =
        x.model.selection ??
        (x.model.activeSheet
          ? { sheet: x.model.activeSheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } }
          : undefined);
      assertFound(sel, 'There is no selection.', 'Workbook.getSelectedRange');
      return rangeRef(sel.sheet, sel.rect);
    },
    GetActiveCell: (_h, _args, x) => {
      const sel = x.model.selection;
      if (sel) return rangeRef(sel.sheet, { row: sel.rect.row, column: sel.rect.column, rowCount: 1, columnCount: 1 });
      assertFound(x.model.activeSheet, 'There is no active cell.', 'Workbook.getActiveCell');
      return rangeRef(x.model.activeSheet, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    },
    _RemoveReference: (host, [id]) => void host.references.delete(String(id)),
    _GetObjectByReferenceId: (host, [id]) => referenced(host, id),
    _GetRangeForEventByReferenceId: (host, [id]) => {
      const r = referenced(host, id);
      assertFound(r, 'The changed range is no longer available.', 'WorksheetChangedEventArgs.getRange');
      return r;
    },
    _GetRangeOrNullObjectForEventByReferenceId: (host, [id]) => referenced(host, id),
  },
};
