/**
 * PivotTables as SpreadsheetML parts (ECMA-376 Part 1 §18.10): a pivot cache definition (the
 * source range and its fields with their items), the cache records (every source row, as item
 * indexes), and the PivotTable definition (where it sits, which field on which axis, the data
 * fields). The cache says refreshOnLoad, so Excel and LibreOffice rebuild the pivot from the
 * source when the file opens; the sheet holds the rendered cells meanwhile.
 */
import { formatRange } from '../excelSpec';
import type { Value, WorkbookModel } from './model';
import type { PivotModel } from './pivot';
import { NS, escapeXml } from './xlsxXml';

const SHOW_AS = {
  None: '',
  PercentOfRowTotal: 'percentOfRow',
  PercentOfColumnTotal: 'percentOfCol',
  PercentOfGrandTotal: 'percentOfTotal',
} as const;

interface CacheField {
  name: string;
  items: Value[];
  index: Map<string, number>;
}

const itemKey = (v: Value) => `${typeof v}:${String(v)}`;

function sharedItemsXml(f: CacheField): string {
  const nums = f.items.filter((v): v is number => typeof v === 'number');
  const strings = f.items.some((v) => typeof v === 'string' && v !== '') || f.items.some((v) => typeof v === 'boolean');
  const blank = f.items.includes('');
  const attrs: string[] = [];
  if (nums.length && !strings) attrs.push('containsSemiMixedTypes="0"', 'containsString="0"');
  if (nums.length) {
    attrs.push('containsNumber="1"');
    if (nums.every(Number.isInteger)) attrs.push('containsInteger="1"');
    attrs.push(`minValue="${Math.min(...nums)}"`, `maxValue="${Math.max(...nums)}"`);
    if (strings || blank) attrs.push('containsMixedTypes="1"');
  }
  if (blank) attrs.push('containsBlank="1"');
  const items = f.items
    .map((v) =>
      v === ''
        ? '<m/>'
        : typeof v === 'number'
          ? `<n v="${v}"/>`
          : typeof v === 'boolean'
            ? `<b v="${v ? 1 : 0}"/>`
            : `<s v="${escapeXml(v)}"/>`,
    )
    .join('');
  return `<sharedItems${attrs.length ? ` ${attrs.join(' ')}` : ''} count="${f.items.length}">${items}</sharedItems>`;
}

/** The three parts of one pivot: cache definition, cache records, table definition. */
export function pivotParts(
  model: WorkbookModel,
  p: PivotModel,
  cacheId: number,
): { definition: string; records: string; table: string } {
  const { sheet, rect } = p.source();
  const fields: CacheField[] = [];
  const used = new Set<string>();
  for (let c = 0; c < rect.columnCount; c++) {
    let name = String(sheet.value(rect.row, rect.column + c)) || `Column${c + 1}`;
    for (let k = 2; used.has(name.toLowerCase()); k++)
      name = `${String(sheet.value(rect.row, rect.column + c)) || 'Column'}${k}`;
    used.add(name.toLowerCase());
    fields.push({ name, items: [], index: new Map() });
  }
  const records: string[] = [];
  let count = 0;
  for (let r = rect.row + 1; r < rect.row + rect.rowCount; r++) {
    const row: string[] = [];
    for (let c = 0; c < rect.columnCount; c++) {
      const v = sheet.value(r, rect.column + c);
      const f = fields[c];
      const k = itemKey(v);
      let x = f.index.get(k);
      if (x === undefined) {
        x = f.items.push(v) - 1;
        f.index.set(k, x);
      }
      row.push(`<x v="${x}"/>`);
    }
    records.push(`<r>${row.join('')}</r>`);
    count++;
  }
  const fieldIndex = (name: string) => fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
  const table = model.tables.find(
    (t) =>
      t.sheet === sheet &&
      t.rect.row === rect.row &&
      t.rect.column === rect.column &&
      t.rect.rowCount === rect.rowCount &&
      t.rect.columnCount === rect.columnCount,
  );
  const sourceXml = table
    ? `<worksheetSource name="${escapeXml(table.name)}"/>`
    : `<worksheetSource ref="${formatRange(rect)}" sheet="${escapeXml(sheet.name)}"/>`;
  const cacheFieldsXml = fields
    .map((f) => `<cacheField name="${escapeXml(f.name)}" numFmtId="0">${sharedItemsXml(f)}</cacheField>`)
    .join('');
  const definition =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${NS.main}" ` +
    `xmlns:r="${NS.r}" r:id="rId1" refreshOnLoad="1" refreshedBy="Moderation QA" refreshedDate="0" ` +
    `createdVersion="3" refreshedVersion="3" minRefreshableVersion="3" recordCount="${count}">` +
    `<cacheSource type="worksheet">${sourceXml}</cacheSource>` +
    `<cacheFields count="${fields.length}">${cacheFieldsXml}</cacheFields>` +
    `</pivotCacheDefinition>`;
  const recordsXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords ` +
    `xmlns="${NS.main}" xmlns:r="${NS.r}" count="${count}">${records.join('')}</pivotCacheRecords>`;

  // Items on an axis are listed in the order the pivot shows them (the emulator sorts them as Excel does).
  const collator = new Intl.Collator(model.culture, { numeric: true });
  const axisOf = (i: number) =>
    p.rows.some((n) => fieldIndex(n) === i)
      ? 'axisRow'
      : p.columns.some((n) => fieldIndex(n) === i)
        ? 'axisCol'
        : p.filters.some((n) => fieldIndex(n) === i)
          ? 'axisPage'
          : undefined;
  const dataFieldSet = new Set(p.data.map((d) => fieldIndex(d.field)));
  const pivotFields = fields
    .map((f, i) => {
      const axis = axisOf(i);
      const data = dataFieldSet.has(i) ? ' dataField="1"' : '';
      if (!axis) return `<pivotField${data} showAll="0"/>`;
      const order = f.items.map((_, x) => x).sort((a, b) => collator.compare(String(f.items[a]), String(f.items[b])));
      return (
        `<pivotField axis="${axis}"${data} showAll="0">` +
        `<items count="${order.length + 1}">${order.map((x) => `<item x="${x}"/>`).join('')}<item ` +
        `t="default"/></items></pivotField>`
      );
    })
    .join('');
  const list = (tag: string, names: string[], extra: number[] = []) => {
    const xs = [...names.map(fieldIndex).filter((x) => x >= 0), ...extra];
    return xs.length ? `<${tag} count="${xs.length}">${xs.map((x) => `<field x="${x}"/>`).join('')}</${tag}>` : '';
  };
  const multipleData = p.data.length > 1;
  const rowFields = list('rowFields', p.rows);
  const colFields = list('colFields', p.columns, multipleData ? [-2] : []);
  const pageFields = p.filters.length
    ? `<pageFields count="${p.filters.length}">` +
      `${p.filters.map((n) => `<pageField fld="${fieldIndex(n)}" hier="-1"/>`).join('')}</pageFields>`
    : '';
  const dataFields = p.data.length
    ? `<dataFields count="${p.data.length}">${p.data
        .map((d) => {
          const showAs = SHOW_AS[d.showAs];
          return (
            `<dataField name="${escapeXml(d.name)}" fld="${fieldIndex(d.field)}" ` +
            `subtotal="${d.summarizeBy.toLowerCase()}"${showAs ? ` showDataAs="${showAs}" numFmtId="10"` : ''} ` +
            `baseField="0" baseItem="0"/>`
          );
        })
        .join('')}</dataFields>`
    : '';
  const at = p.rendered?.rect ?? { row: p.at.row, column: p.at.column, rowCount: 3, columnCount: 2 };
  const withColumns = p.columns.length > 0 || multipleData;
  const location =
    `<location ref="${formatRange(at)}" firstHeaderRow="1" firstDataRow="${withColumns ? 2 : 1}" ` +
    `firstDataCol="1"${p.filters.length ? ` rowPageCount="${p.filters.length}" colPageCount="1"` : ''}/>`;
  const compact = p.layout === 'Compact';
  const layout = compact
    ? ' outline="1" outlineData="1"'
    : p.layout === 'Outline'
      ? ' compact="0" compactData="0" outline="1" outlineData="1"'
      : ' compact="0" compactData="0" outline="0"';
  const captions = model.culture === 'ja-JP' ? ' dataCaption="値"' : ' dataCaption="Values"';
  const tableXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${NS.main}" ` +
    `name="${escapeXml(p.name)}" cacheId="${cacheId}" applyNumberFormats="0" applyBorderFormats="0" ` +
    `applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1"${captions} ` +
    `updatedVersion="3" minRefreshableVersion="3" useAutoFormatting="${p.autoFormat === false ? 0 : 1}" ` +
    `itemPrintTitles="1" createdVersion="3" indent="0"${layout} multipleFieldFilters="0">${location}` +
    `<pivotFields count="${fields.length}">${pivotFields}</pivotFields>${rowFields}${colFields}${pageFields}` +
    `${dataFields}<pivotTableStyleInfo name="PivotStyleLight16" ` +
    `showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" ` +
    `showLastColumn="1"/></pivotTableDefinition>`;
  return { definition, records: recordsXml, table: tableXml };
}
