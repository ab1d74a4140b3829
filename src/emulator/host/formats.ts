/**
 * What hangs off a range's look and input rules: RangeFormat (fill, font, widths, autofit), data
 * validation (P excel/excel-add-ins-data-validation.md) and conditional formats (ExcelApi 1.6;
 * P excel/excel-add-ins-conditional-formatting.md), stored and readable, not evaluated.
 */
import { formatRange, quoteSheetName } from '../../excelSpec';
import { assertFound, EmulatorError } from '../errors';
import { overlaps, type CellFormat, type ConditionalFormatModel, type SheetModel } from '../model';
import { ref, isRef, type HostClass, type Prop } from './dispatch';
import { guardProtected, rangeRef, type RangeTarget } from './range';

/** Standard width of a column in points (Calibri 11), as Excel reports it. */
export const STANDARD_COLUMN_WIDTH = 64;

function patchCells(t: RangeTarget, p: CellFormat): void {
  const { sheet, rect } = t;
  // Formats of whole columns are kept only where rows exist (a sparse model of "the whole column").
  const lastRow = Math.min(rect.row + rect.rowCount, Math.max(sheet.rows.length, rect.row + 1));
  for (let r = rect.row; r < lastRow; r++)
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) sheet.setFormat(r, c, p);
}

/** A format property reads null where the cells differ (R excel.range.yml). */
function uniform<T>(t: RangeTarget, read: (sheet: SheetModel, r: number, c: number) => T): T | null {
  const { sheet, rect } = t;
  const first = read(sheet, rect.row, rect.column);
  const lastRow = Math.min(rect.row + rect.rowCount, Math.max(sheet.rows.length, rect.row + 1));
  for (let r = rect.row; r < lastRow; r++)
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) if (read(sheet, r, c) !== first) return null;
  return first;
}

/** A format property of the range's cells: reads their value where they agree (`unset` for none); writes every cell. */
function cellFormatProp<K extends keyof CellFormat>(
  key: K,
  unset: CellFormat[K] | null,
  convert: (v: unknown) => CellFormat[K],
): Prop<RangeTarget> {
  return {
    get: (t) => uniform(t, (s, r, c) => s.format(r, c)?.[key] ?? unset),
    set: (t, v) => patchCells(t, { [key]: convert(v) }),
  };
}

const rangeFillClass: HostClass<RangeTarget> = {
  name: 'RangeFill',
  props: {
    Color: cellFormatProp('fill', null, String),
  },
  methods: { Clear: (t) => patchCells(t, { fill: undefined }) },
};

const rangeFontClass: HostClass<RangeTarget> = {
  name: 'RangeFont',
  props: {
    Bold: cellFormatProp('fontBold', false, Boolean),
    Color: cellFormatProp('fontColor', '#000000', String),
  },
};

export const rangeFormatClass: HostClass<RangeTarget> = {
  name: 'RangeFormat',
  props: {
    ColumnWidth: {
      get: (t) => t.sheet.columnWidths.get(t.rect.column) ?? STANDARD_COLUMN_WIDTH,
      set: (t, v) => {
        for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) t.sheet.columnWidths.set(c, Number(v));
      },
    },
    WrapText: cellFormatProp('wrapText', false, Boolean),
  },
  nav: {
    Fill: (t) => ref(rangeFillClass, t),
    Font: (t) => ref(rangeFontClass, t),
  },
  methods: {
    AutofitColumns: (t) => t.sheet.autofitColumns(t.rect.column, t.rect.columnCount),
    // Row heights are not modelled (DIFFERENCES.md).
    AutofitRows: () => undefined,
  },
};

type ListRule = { list?: { inCellDropDown?: boolean; source: unknown } };

export const dataValidationClass: HostClass<RangeTarget> = {
  name: 'DataValidation',
  props: {
    Type: { get: (t) => (t.sheet.validations.some((v) => overlaps(v.rect, t.rect)) ? 'List' : 'None') },
    Rule: {
      get: (t) => {
        const rule = t.sheet.validations.find((v) => overlaps(v.rect, t.rect));
        return rule ? { list: { inCellDropDown: rule.inCellDropDown, source: rule.source } } : {};
      },
      set: (t, value) => {
        const list = (value as ListRule)?.list;
        if (!list)
          throw new EmulatorError(
            'InvalidArgument',
            'Only list rules are modelled by the embedded Excel (see DIFFERENCES.md).',
            'DataValidation.rule',
          );
        let source: string;
        if (typeof list.source === 'string') {
          source = list.source;
          // Comma lists are limited to 255 characters by the file format (excel-api.md "Data validation").
          if (!source.startsWith('=') && source.length > 255)
            throw new EmulatorError(
              'InvalidArgument',
              'A comma-separated list source is limited to 255 characters; use a range.',
              'DataValidation.rule',
            );
        } else if (isRef(list.source)) {
          const s = list.source.obj as RangeTarget;
          source = `=${quoteSheetName(s.sheet.name)}!${formatRange(s.rect, true)}`;
        } else
          throw new EmulatorError(
            'InvalidArgument',
            'A list source is a range, a reference or a comma list.',
            'DataValidation.rule',
          );
        guardProtected(t.sheet, 'DataValidation.rule');
        // One rule per cell: a new rule replaces what overlapped.
        t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
        t.sheet.validations.push({
          rect: t.rect,
          source,
          inCellDropDown: list.inCellDropDown ?? true,
          errorStyle: 'Stop',
          ignoreBlanks: true,
        });
      },
    },
    ErrorAlert: {
      get: (t) => ({
        style: t.sheet.validations.find((v) => overlaps(v.rect, t.rect))?.errorStyle ?? 'Stop',
        showAlert: true,
      }),
      set: (t, value) => {
        const style = (value as { style?: 'Stop' | 'Warning' | 'Information' })?.style;
        for (const v of t.sheet.validations) if (overlaps(v.rect, t.rect) && style) v.errorStyle = style;
      },
    },
    IgnoreBlanks: {
      get: (t) => t.sheet.validations.find((v) => overlaps(v.rect, t.rect))?.ignoreBlanks ?? true,
      set: (t, value) => {
        for (const v of t.sheet.validations) if (overlaps(v.rect, t.rect)) v.ignoreBlanks = Boolean(value);
      },
    },
  },
  methods: {
    Clear: (t) => {
      t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
    },
  },
};

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

const conditionalFillClass: HostClass<CfTarget> = {
  name: 'ConditionalRangeFill',
  props: { Color: { get: (t) => t.cf.format.fill ?? null, set: (t, v) => void (t.cf.format.fill = String(v)) } },
};
const conditionalFontClass: HostClass<CfTarget> = {
  name: 'ConditionalRangeFont',
  props: {
    Color: { get: (t) => t.cf.format.fontColor ?? null, set: (t, v) => void (t.cf.format.fontColor = String(v)) },
    Bold: { get: (t) => t.cf.format.fontBold ?? false, set: (t, v) => void (t.cf.format.fontBold = Boolean(v)) },
  },
};
const conditionalRangeFormatClass: HostClass<CfTarget> = {
  name: 'ConditionalRangeFormat',
  nav: { Fill: (t) => ref(conditionalFillClass, t), Font: (t) => ref(conditionalFontClass, t) },
};
/** CellValue and TextComparison formats: a rule object and a format. */
function ruleFormatClass(name: string): HostClass<CfTarget> {
  return {
    name,
    props: {
      Rule: { get: (t) => ({ ...t.cf.rule }), set: (t, v) => void (t.cf.rule = { ...(v as Record<string, string>) }) },
    },
    nav: { Format: (t) => ref(conditionalRangeFormatClass, t) },
  };
}
const cellValueClass = ruleFormatClass('CellValueConditionalFormat');
const textComparisonClass = ruleFormatClass('TextConditionalFormat');
const customRuleClass: HostClass<CfTarget> = {
  name: 'ConditionalFormatRule',
  props: { Formula: { get: (t) => t.cf.rule.formula ?? '', set: (t, v) => void (t.cf.rule = { formula: String(v) }) } },
};
const customClass: HostClass<CfTarget> = {
  name: 'CustomConditionalFormat',
  nav: { Rule: (t) => ref(customRuleClass, t), Format: (t) => ref(conditionalRangeFormatClass, t) },
};

function priorityOf(t: CfTarget): number {
  return t.sheet.conditionalFormats.filter((c) => overlaps(c.rect, t.cf.rect)).indexOf(t.cf);
}

const conditionalFormatClass: HostClass<CfTarget> = {
  name: 'ConditionalFormat',
  id: (t) => t.cf.id,
  props: {
    Id: { get: (t) => t.cf.id },
    Type: { get: (t) => t.cf.type },
    Priority: { get: (t) => priorityOf(t) },
    StopIfTrue: { get: (t) => t.cf.stopIfTrue, set: (t, v) => void (t.cf.stopIfTrue = Boolean(v)) },
  },
  nav: {
    CellValue: (t) => (t.cf.type === 'CellValue' ? ref(cellValueClass, t) : null),
    TextComparison: (t) => (t.cf.type === 'ContainsText' ? ref(textComparisonClass, t) : null),
    Custom: (t) => (t.cf.type === 'Custom' ? ref(customClass, t) : null),
  },
  methods: {
    Delete: (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((c) => c !== t.cf);
    },
    GetRange: (t) => rangeRef(t.sheet, t.cf.rect),
  },
};

function cfsOf(t: RangeTarget): ConditionalFormatModel[] {
  return t.sheet.conditionalFormats.filter((c) => overlaps(c.rect, t.rect));
}

const CF_TYPES = new Set(['CellValue', 'ContainsText', 'Custom']);

export const conditionalFormatCollectionClass: HostClass<RangeTarget> = {
  name: 'ConditionalFormatCollection',
  items: (t) => cfsOf(t).map((cf) => ref(conditionalFormatClass, { sheet: t.sheet, cf })),
  methods: {
    /** add(type) inserts at top priority (index 0). */
    Add: (t, [type], x) => {
      if (!CF_TYPES.has(String(type)))
        throw new EmulatorError(
          'InvalidArgument',
          `Conditional formats of type ${String(type)} are not modelled by the embedded Excel (see DIFFERENCES.md).`,
          'ConditionalFormatCollection.add',
        );
      const cf: ConditionalFormatModel = {
        id: x.model.newId('cf'),
        rect: t.rect,
        type: type as ConditionalFormatModel['type'],
        rule: {},
        format: {},
        stopIfTrue: false,
      };
      t.sheet.conditionalFormats.unshift(cf);
      return ref(conditionalFormatClass, { sheet: t.sheet, cf });
    },
    GetCount: (t) => cfsOf(t).length,
    GetItem: (t, [id]) => {
      const cf = t.sheet.conditionalFormats.find((c) => c.id === id);
      assertFound(cf, `No conditional format ${String(id)}.`, 'ConditionalFormatCollection.getItem');
      return ref(conditionalFormatClass, { sheet: t.sheet, cf });
    },
    GetItemAt: (t, [index]) => {
      const cf = cfsOf(t)[Number(index)];
      assertFound(cf, `No conditional format at ${String(index)}.`, 'ConditionalFormatCollection.getItemAt');
      return ref(conditionalFormatClass, { sheet: t.sheet, cf });
    },
    ClearAll: (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((c) => !overlaps(c.rect, t.rect));
    },
  },
};
