/**
 * PivotTables (ExcelApi 1.8; P excel/excel-add-ins-pivottables.md): the API over the pivot model
 * of ../pivot.ts, which renders each pivot into its sheet's cells.
 */
import { assertFound, EmulatorError } from '../errors';
import { overlaps, type SheetModel, type TableModel } from '../model';
import { CAPTIONS, pivots, renderPivot, type DataField, type PivotModel, type ShowAs, type Summarize } from '../pivot';
import { isRef, ref, type Exec, type HostClass } from './dispatch';
import { rangeArgument, rangeRef, type RangeTarget } from './range';
import { tableClass } from './table';

interface HierarchyTarget {
  pivot: PivotModel;
  name: string;
}
interface DataTarget {
  pivot: PivotModel;
  field: DataField;
}

const hierarchyClass: HostClass<HierarchyTarget> = {
  name: 'PivotHierarchy',
  id: (h) => h.name,
  props: { Id: { get: (h) => h.name }, Name: { get: (h) => h.name } },
};

interface ItemTarget {
  pivot: PivotModel;
  field: string;
  item: string;
}

function itemExists(t: ItemTarget): boolean {
  const { sheet, rect } = t.pivot.source();
  const c = Array.from({ length: rect.columnCount }, (_, i) =>
    String(sheet.value(rect.row, rect.column + i)).toLowerCase(),
  ).indexOf(t.field.toLowerCase());
  for (let r = rect.row + 1; c >= 0 && r < rect.row + rect.rowCount; r++)
    if (String(sheet.value(r, rect.column + c)) === t.item) return true;
  return false;
}

/** PivotItem.visible = false hides an item: its rows count nowhere, totals included (ExcelApi 1.8). */
const pivotItemClass: HostClass<ItemTarget> = {
  name: 'PivotItem',
  props: {
    Name: { get: (t) => t.item },
    Visible: {
      get: (t) => !(t.pivot.hidden?.[t.field] ?? []).includes(t.item),
      set: (t, v, x) => {
        const hidden = (t.pivot.hidden ??= {});
        const list = (hidden[t.field] ?? []).filter((i) => i !== t.item);
        hidden[t.field] = v ? list : [...list, t.item];
        renderPivot(x.model, t.pivot);
      },
    },
  },
};

const pivotItemCollectionClass: HostClass<HierarchyTarget> = {
  name: 'PivotItemCollection',
  indexer: (f, key) => {
    const t = { pivot: f.pivot, field: f.name, item: String(key) };
    if (!itemExists(t))
      throw new EmulatorError(
        'ItemNotFound',
        `The field "${f.name}" has no item "${String(key)}".`,
        'PivotItemCollection.getItem',
      );
    return ref(pivotItemClass, t);
  },
  methods: {
    GetItemOrNullObject: (f, [key]) => {
      const t = { pivot: f.pivot, field: f.name, item: String(key) };
      return itemExists(t) ? ref(pivotItemClass, t) : null;
    },
  },
};

const pivotFieldClass: HostClass<HierarchyTarget> = {
  name: 'PivotField',
  props: { Name: { get: (f) => f.name } },
  nav: { Items: (f) => ref(pivotItemCollectionClass, f) },
};

const pivotFieldCollectionClass: HostClass<HierarchyTarget> = {
  name: 'PivotFieldCollection',
  indexer: (h, key) => ref(pivotFieldClass, { pivot: h.pivot, name: String(key) }),
};

const rowColumnHierarchyClass: HostClass<HierarchyTarget> = {
  name: 'RowColumnPivotHierarchy',
  id: (h) => h.name,
  props: { Id: { get: (h) => h.name }, Name: { get: (h) => h.name } },
  nav: { Fields: (h) => ref(pivotFieldCollectionClass, h) },
};

const hierarchyCollectionClass: HostClass<PivotModel> = {
  name: 'PivotHierarchyCollection',
  items: (p) => {
    const { sheet, rect } = p.source();
    return Array.from({ length: rect.columnCount }, (_, c) =>
      ref(hierarchyClass, { pivot: p, name: String(sheet.value(rect.row, rect.column + c)) }),
    );
  },
  indexer: (p, name) => ref(hierarchyClass, { pivot: p, name: String(name) }),
};

function hierarchyName(h: unknown): string {
  if (isRef(h)) return (h.obj as HierarchyTarget).name;
  throw new EmulatorError('InvalidArgument', 'The argument is not a PivotHierarchy.', 'PivotHierarchyCollection.add');
}

/** A hierarchy lives in one axis; adding it to another moves it (excel-api.md "PivotTables"). */
function axisClass(kind: 'rows' | 'columns' | 'filters', name: string): HostClass<PivotModel> {
  return {
    name,
    items: (p) => p[kind].map((n) => ref(rowColumnHierarchyClass, { pivot: p, name: n })),
    indexer: (p, key) => ref(rowColumnHierarchyClass, { pivot: p, name: String(key) }),
    methods: {
      Add: (p, [h], x) => {
        const n = hierarchyName(h);
        p.rows = p.rows.filter((v) => v !== n);
        p.columns = p.columns.filter((v) => v !== n);
        p.filters = p.filters.filter((v) => v !== n);
        p[kind].push(n);
        renderPivot(x.model, p);
        return ref(rowColumnHierarchyClass, { pivot: p, name: n });
      },
      Remove: (p, [h], x) => {
        const n = hierarchyName(h);
        p[kind] = p[kind].filter((v) => v !== n);
        renderPivot(x.model, p);
      },
    },
  };
}

const caption = (model: { culture: keyof typeof CAPTIONS }, by: Summarize, field: string) =>
  CAPTIONS[model.culture][by].replace('{f}', field);

const dataHierarchyClass: HostClass<DataTarget> = {
  name: 'DataPivotHierarchy',
  id: (d) => d.field.name,
  props: {
    Name: { get: (d) => d.field.name, set: (d, v, x) => update(d, x, (f) => (f.name = String(v))) },
    SummarizeBy: {
      get: (d) => d.field.summarizeBy,
      set: (d, v, x) =>
        update(d, x, (f) => {
          const fresh = f.name === caption(x.model, f.summarizeBy, f.field);
          f.summarizeBy = v as Summarize;
          if (fresh) f.name = caption(x.model, f.summarizeBy, f.field);
        }),
    },
    ShowAs: {
      get: (d) => ({ calculation: d.field.showAs }),
      set: (d, v, x) => update(d, x, (f) => (f.showAs = (v as { calculation: ShowAs }).calculation)),
    },
  },
};

function update(d: DataTarget, x: Exec, fn: (f: DataField) => void): void {
  fn(d.field);
  renderPivot(x.model, d.pivot);
}

const dataHierarchyCollectionClass: HostClass<PivotModel> = {
  name: 'DataPivotHierarchyCollection',
  items: (p) => p.data.map((field) => ref(dataHierarchyClass, { pivot: p, field })),
  methods: {
    /** Numbers sum, text counts (COUNTA); the caption is "Sum of <field>" / "Count of <field>". */
    Add: (p, [h], x) => {
      const name = hierarchyName(h);
      const { sheet, rect } = p.source();
      const header = Array.from({ length: rect.columnCount }, (_, c) => String(sheet.value(rect.row, rect.column + c)));
      const c = header.findIndex((v) => v.toLowerCase() === name.toLowerCase());
      let numeric = c >= 0;
      for (let r = rect.row + 1; numeric && r < rect.row + rect.rowCount; r++) {
        const v = sheet.value(r, rect.column + c);
        if (v !== '' && typeof v !== 'number') numeric = false;
      }
      const by: Summarize = numeric ? 'Sum' : 'Count';
      const field: DataField = { field: name, summarizeBy: by, showAs: 'None', name: caption(x.model, by, name) };
      p.data.push(field);
      renderPivot(x.model, p);
      return ref(dataHierarchyClass, { pivot: p, field });
    },
  },
};

function laidOut(p: PivotModel) {
  assertFound(p.rendered, 'The PivotTable has not been laid out.', 'PivotLayout');
  return p.rendered;
}

const layoutClass: HostClass<PivotModel> = {
  name: 'PivotLayout',
  props: {
    LayoutType: {
      get: (p) => p.layout,
      set: (p, v, x) => {
        p.layout = v as PivotModel['layout'];
        renderPivot(x.model, p);
      },
    },
    AutoFormat: { get: (p) => p.autoFormat, set: (p, v) => void (p.autoFormat = Boolean(v)) },
  },
  methods: {
    GetRange: (p) => rangeRef(p.sheet, laidOut(p).rect),
    GetDataBodyRange: (p) => rangeRef(p.sheet, laidOut(p).body),
    GetRowLabelRange: (p) => rangeRef(p.sheet, laidOut(p).rowLabels),
  },
};

const pivotTableClass: HostClass<PivotModel> = {
  name: 'PivotTable',
  id: (p) => p.id,
  props: { Id: { get: (p) => p.id }, Name: { get: (p) => p.name } },
  nav: {
    Hierarchies: (p) => ref(hierarchyCollectionClass, p),
    RowHierarchies: (p) => ref(axisClass('rows', 'RowColumnPivotHierarchyCollection'), p),
    ColumnHierarchies: (p) => ref(axisClass('columns', 'RowColumnPivotHierarchyCollection'), p),
    FilterHierarchies: (p) => ref(axisClass('filters', 'FilterPivotHierarchyCollection'), p),
    DataHierarchies: (p) => ref(dataHierarchyCollectionClass, p),
    Layout: (p) => ref(layoutClass, p),
  },
  methods: {
    /** refresh() recomputes from the source (ExcelApi 1.3). */
    Refresh: (p, _args, x) => renderPivot(x.model, p),
    Delete: (p, _args, x) => {
      if (p.rendered) p.sheet.clear(p.rendered.rect, 'All');
      const list = pivots(x.model);
      list.splice(list.indexOf(p), 1);
    },
  },
};

function findPivot(sheet: SheetModel, x: Exec, key: unknown): PivotModel | undefined {
  const k = String(key).toLowerCase();
  return pivots(x.model).find((p) => p.sheet === sheet && (p.name.toLowerCase() === k || p.id.toLowerCase() === k));
}

/** add(name, source, destination): the pivot goes at the destination's top-left. */
function addPivot(sheet: SheetModel, name: string, source: unknown, destination: unknown, x: Exec): PivotModel {
  if (pivots(x.model).some((p) => p.name.toLowerCase() === name.toLowerCase()))
    throw new EmulatorError(
      'ItemAlreadyExists',
      `A PivotTable named "${name}" already exists.`,
      'PivotTableCollection.add',
    );
  let sourceOf: () => RangeTarget;
  if (isRef(source) && source.cls === tableClass) {
    const t = source.obj as TableModel;
    sourceOf = () => ({ sheet: t.sheet, rect: t.rect });
  } else {
    const fixed = rangeArgument(source, sheet, x, 'PivotTableCollection.add');
    sourceOf = () => fixed;
  }
  const dest = rangeArgument(destination, sheet, x, 'PivotTableCollection.add');
  const at = { row: dest.rect.row, column: dest.rect.column };
  const src = sourceOf();
  // Overlap with the source is undocumented; PivotTableRangeConflict is the nearest code.
  if (src.sheet === dest.sheet && overlaps(src.rect, { row: at.row, column: at.column, rowCount: 3, columnCount: 2 }))
    throw new EmulatorError(
      'PivotTableRangeConflict',
      'The PivotTable would overlap its source.',
      'PivotTableCollection.add',
    );
  const created: PivotModel = {
    id: x.model.newId('pivot'),
    name,
    sheet: dest.sheet,
    at,
    source: sourceOf,
    rows: [],
    columns: [],
    data: [],
    filters: [],
    layout: 'Compact',
    autoFormat: true,
  };
  pivots(x.model).push(created);
  renderPivot(x.model, created);
  return created;
}

export const pivotTableCollectionClass: HostClass<SheetModel> = {
  name: 'PivotTableCollection',
  items: (sheet, x) =>
    pivots(x.model)
      .filter((p) => p.sheet === sheet)
      .map((p) => ref(pivotTableClass, p)),
  indexer: (sheet, key, x) => {
    const p = findPivot(sheet, x, key);
    assertFound(p, `The PivotTable "${String(key)}" does not exist.`, 'PivotTableCollection.getItem');
    return ref(pivotTableClass, p);
  },
  methods: {
    Add: (sheet, [name, source, destination], x) =>
      ref(pivotTableClass, addPivot(sheet, String(name), source, destination, x)),
    GetItemOrNullObject: (sheet, [key], x) => {
      const p = findPivot(sheet, x, key);
      return p ? ref(pivotTableClass, p) : null;
    },
    GetCount: (sheet, _args, x) => pivots(x.model).filter((p) => p.sheet === sheet).length,
    RefreshAll: (sheet, _args, x) => {
      for (const p of pivots(x.model)) if (p.sheet === sheet) renderPivot(x.model, p);
    },
  },
};
