/**
 * Tables (R excel.table.yml, excel.tablecollection.yml): names unique in the workbook and no
 * overlap (#551, #1199); `add(address, false)` inserts a header row (#196); values first, then
 * tables.add, for bulk loads (P excel/performance.md).
 */
import { assertFound, EmulatorError } from '../errors';
import { overlaps, type SheetModel, type TableModel } from '../model';
import { ref, type Exec, type HostClass } from './dispatch';
import { guardProtected, rangeArgument, rangeRef, storeWritten } from './range';
import { worksheetClass } from './worksheet';

/** A table collection: the workbook's (sheet undefined) or one sheet's. */
export interface TableScope {
  sheet?: SheetModel;
}

const inScope = (scope: TableScope, x: Exec) => x.model.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);

function findTable(scope: TableScope, x: Exec, key: unknown): TableModel | undefined {
  const k = String(key).toLowerCase();
  return inScope(scope, x).find((t) => t.name.toLowerCase() === k || t.id.toLowerCase() === k);
}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

const headerOf = (t: TableModel, c: number) => String(t.sheet.value(t.rect.row, t.rect.column + c));
const bodyRows = (t: TableModel) => Math.max(1, t.rect.rowCount - 1);

const tableColumnClass: HostClass<ColumnTarget> = {
  name: 'TableColumn',
  id: (c) => String(c.index + 1),
  props: {
    Id: { get: (c) => c.index + 1 },
    Index: { get: (c) => c.index },
    Name: { get: (c) => headerOf(c.table, c.index) },
  },
  methods: {
    GetRange: ({ table: t, index }) =>
      rangeRef(t.sheet, { row: t.rect.row, column: t.rect.column + index, rowCount: t.rect.rowCount, columnCount: 1 }),
    GetHeaderRowRange: ({ table: t, index }) =>
      rangeRef(t.sheet, { row: t.rect.row, column: t.rect.column + index, rowCount: 1, columnCount: 1 }),
    GetDataBodyRange: ({ table: t, index }) =>
      rangeRef(t.sheet, { row: t.rect.row + 1, column: t.rect.column + index, rowCount: bodyRows(t), columnCount: 1 }),
  },
};

function columnByKey(t: TableModel, key: unknown): ColumnTarget | undefined {
  if (typeof key === 'number') return key >= 1 && key <= t.rect.columnCount ? { table: t, index: key - 1 } : undefined;
  const k = String(key).toLowerCase();
  for (let c = 0; c < t.rect.columnCount; c++)
    if (headerOf(t, c).toLowerCase() === k || String(c + 1) === k) return { table: t, index: c };
  return undefined;
}

const tableColumnCollectionClass: HostClass<TableModel> = {
  name: 'TableColumnCollection',
  items: (t) => Array.from({ length: t.rect.columnCount }, (_, index) => ref(tableColumnClass, { table: t, index })),
  indexer: (t, key) => {
    const c = columnByKey(t, key);
    assertFound(c, `The table has no column "${String(key)}".`, 'TableColumnCollection.getItem');
    return ref(tableColumnClass, c);
  },
  props: { Count: { get: (t) => t.rect.columnCount } },
  methods: {
    GetItemOrNullObject: (t, [key]) => {
      const c = columnByKey(t, key);
      return c ? ref(tableColumnClass, c) : null;
    },
    GetItemAt: (t, [index]) => {
      const i = Number(index);
      if (!(i >= 0 && i < t.rect.columnCount))
        throw new EmulatorError(
          'ItemNotFound',
          `The table has no column at ${String(index)}.`,
          'TableColumnCollection.getItemAt',
        );
      return ref(tableColumnClass, { table: t, index: i });
    },
    GetCount: (t) => t.rect.columnCount,
  },
};

const tableRowCollectionClass: HostClass<TableModel> = {
  name: 'TableRowCollection',
  props: { Count: { get: (t) => t.rect.rowCount - 1 } },
  methods: {
    GetCount: (t) => t.rect.rowCount - 1,
    /** rows.add appends below the table and grows it (co-authors should write below and let it grow instead). */
    Add: (t, [, values], x) => {
      const rows = values as unknown[][];
      if (!Array.isArray(rows))
        throw new EmulatorError('InvalidArgument', 'rows.add needs a 2-D array of values.', 'TableRowCollection.add');
      guardProtected(t.sheet, 'TableRowCollection.add');
      const start = t.rect.row + t.rect.rowCount;
      rows.forEach((row, i) =>
        row.forEach((v, j) =>
          storeWritten(t.sheet, start + i, t.rect.column + j, v, false, x.model.textFormatKeepsText),
        ),
      );
      t.rect = { ...t.rect, rowCount: t.rect.rowCount + rows.length };
      x.changes.push({
        sheet: t.sheet,
        rect: { row: start, column: t.rect.column, rowCount: rows.length, columnCount: t.rect.columnCount },
      });
    },
  },
};

const STYLE = /^TableStyle(Light|Medium|Dark)(\d+)$/;
const STYLE_MAX = { Light: 21, Medium: 28, Dark: 11 } as const;

export const tableClass: HostClass<TableModel> = {
  name: 'Table',
  id: (t) => t.id,
  props: {
    Id: { get: (t) => t.id },
    Name: {
      get: (t) => t.name,
      set: (t, v, x) => {
        x.model.checkTableName(String(v), t);
        t.name = String(v);
      },
    },
    Style: {
      get: (t) => t.style,
      set: (t, v) => {
        // Built-in styles: TableStyleLight1–21, Medium1–28, Dark1–11 (excel-api.md "Tables").
        const m = STYLE.exec(String(v));
        if (!m || Number(m[2]) < 1 || Number(m[2]) > STYLE_MAX[m[1] as keyof typeof STYLE_MAX])
          throw new EmulatorError('InvalidArgument', `Unknown table style "${String(v)}".`, 'Table.style');
        t.style = String(v);
      },
    },
    ShowBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => void (t.showBandedRows = Boolean(v)) },
    ShowHeaders: { get: () => true },
    ShowTotals: { get: () => false },
  },
  nav: {
    Columns: (t) => ref(tableColumnCollectionClass, t),
    Rows: (t) => ref(tableRowCollectionClass, t),
    Worksheet: (t) => ref(worksheetClass, t.sheet),
  },
  methods: {
    GetRange: (t) => rangeRef(t.sheet, t.rect),
    GetHeaderRowRange: (t) => rangeRef(t.sheet, { ...t.rect, rowCount: 1 }),
    // A table always keeps one (possibly empty) body row, as Excel does.
    GetDataBodyRange: (t) => rangeRef(t.sheet, { ...t.rect, row: t.rect.row + 1, rowCount: bodyRows(t) }),
    Delete: (t, _args, x) => {
      x.model.tables = x.model.tables.filter((v) => v !== t);
    },
    ConvertToRange: (t, _args, x) => {
      x.model.tables = x.model.tables.filter((v) => v !== t);
      return rangeRef(t.sheet, t.rect);
    },
  },
};

/**
 * tables.add(address, hasHeaders). With hasHeaders = false Excel inserts a header row and pushes
 * the data down (#196); the generated names "Column1…" and the renaming of duplicate headers are
 * undocumented (Excel appends a number).
 */
function addTable(scope: TableScope, address: unknown, hasHeaders: unknown, x: Exec): TableModel {
  const target = rangeArgument(address, scope.sheet, x, 'TableCollection.add');
  const sheet = target.sheet;
  let rect = target.rect;
  guardProtected(sheet, 'TableCollection.add');
  if (!hasHeaders) {
    for (let r = rect.row + rect.rowCount - 1; r >= rect.row; r--)
      for (let c = rect.column; c < rect.column + rect.columnCount; c++)
        sheet.setCell(r + 1, c, sheet.value(r, c), sheet.formula(r, c));
    for (let c = 0; c < rect.columnCount; c++) sheet.setCell(rect.row, rect.column + c, `Column${c + 1}`);
    rect = { ...rect, rowCount: rect.rowCount + 1 };
  }
  if (x.model.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect)))
    throw new EmulatorError('InvalidArgument', 'A table cannot overlap another table.', 'TableCollection.add');
  const seen = new Set<string>();
  for (let c = 0; c < rect.columnCount; c++) {
    let h = String(sheet.value(rect.row, rect.column + c)) || `Column${c + 1}`;
    const base = h;
    for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${base}${n}`;
    seen.add(h.toLowerCase());
    sheet.setCell(rect.row, rect.column + c, h);
  }
  let n = x.model.tables.length + 1;
  while (x.model.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
  const created: TableModel = {
    id: x.model.newId('table'),
    name: `Table${n}`,
    sheet,
    rect,
    style: 'TableStyleMedium2',
    showBandedRows: true,
  };
  x.model.tables.push(created);
  return created;
}

export const tableCollectionClass: HostClass<TableScope> = {
  name: 'TableCollection',
  items: (scope, x) => inScope(scope, x).map((t) => ref(tableClass, t)),
  indexer: (scope, key, x) => {
    const t = findTable(scope, x, key);
    assertFound(t, `The table "${String(key)}" does not exist.`, 'TableCollection.getItem');
    return ref(tableClass, t);
  },
  props: { Count: { get: (scope, x) => inScope(scope, x).length } },
  methods: {
    Add: (scope, [address, hasHeaders], x) => ref(tableClass, addTable(scope, address, hasHeaders, x)),
    GetItemOrNullObject: (scope, [key], x) => {
      const t = findTable(scope, x, key);
      return t ? ref(tableClass, t) : null;
    },
    GetItemAt: (scope, [index], x) => {
      const t = inScope(scope, x)[Number(index)];
      assertFound(t, `There is no table at index ${String(index)}.`, 'TableCollection.getItemAt');
      return ref(tableClass, t);
    },
    GetCount: (scope, _args, x) => inScope(scope, x).length,
  },
};
