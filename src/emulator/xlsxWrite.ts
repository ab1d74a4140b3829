/**
 * The .xlsx writer. A workbook read from a file goes back into ITS OWN package: every sheet the
 * model still holds as it was read keeps its part and everything hanging from it (comments,
 * images, hyperlinks, merges, rich text, styles, row heights, hidden rows and columns,
 * autofilters, tab colours, protection, other conditional formats and validation, pivots, charts)
 * byte for byte, as do the workbook's other parts (defined names, themes, macros in .xlsm).
 * Sheets that are new or changed (the add-in's `QA …` sheets) are written from the model, with
 * cached values beside formulas, styles appended to the user's style sheet, tables, list
 * validation, conditional formats, and live PivotTables and charts. A model without a package
 * (a .csv, a new book) is written into a minimal one the same way.
 */
import { columnLetter, formatRange, isCellError, MAX_COLUMN } from '../excelSpec';
import type { CellFormat, SheetModel, Value, WorkbookModel } from './model';
import { pivots } from './pivot';
import { chartXml, drawingXml } from './xlsxCharts';
import { pivotParts } from './xlsxPivot';
import { adoptSource, fingerprint, sourceOf } from './xlsxRead';
import {
  BUILTIN_FORMATS,
  NS,
  attrsOf,
  elements,
  escapeXml,
  firstElement,
  parseRels,
  relativeTarget,
  relsPathOf,
  relsXml,
  unescapeXml,
  unprefix,
  type Relationship,
} from './xlsxXml';
import { EntryWriter, entryText, newEntry, writeZip, type ZipEntry } from './zip';

const CT = {
  sheet: NS.ct('spreadsheetml.worksheet'),
  table: NS.ct('spreadsheetml.table'),
  drawing: NS.ct('drawing'),
  chart: NS.ct('drawingml.chart'),
  pivotTable: NS.ct('spreadsheetml.pivotTable'),
  pivotCache: NS.ct('spreadsheetml.pivotCacheDefinition'),
  pivotRecords: NS.ct('spreadsheetml.pivotCacheRecords'),
};

/** A new workbook's package: the parts every .xlsx needs. */
function templateEntries(): Map<string, ZipEntry> {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.types}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ` +
      `ContentType="${NS.ct('spreadsheetml.sheet.main')}"/><Override PartName="/xl/styles.xml" ` +
      `ContentType="${NS.ct('spreadsheetml.styles')}"/></Types>`,
    '_rels/.rels': relsXml([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]),
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" ` +
      `xmlns:r="${NS.r}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets></sheets><calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels': relsXml([{ id: 'rId1', type: 'styles', target: 'styles.xml' }]),
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet ` +
      `xmlns="${NS.main}"><fonts count="1"><font>` +
      `<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/>` +
      `</fill><fill><patternFill patternType="gray125"/></fill>` +
      `</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" ` +
      `borderId="0"/></cellStyleXfs><cellXfs count="1">` +
      `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1">` +
      `<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>` +
      `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" ` +
      `defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
  };
  return new Map(Object.entries(parts).map(([name, text]) => [name, newEntry(name, text)]));
}

const BUILTIN_IDS = new Map(
  Object.entries(BUILTIN_FORMATS)
    .filter(([id]) => Number(id) < 27 || (Number(id) >= 37 && Number(id) <= 49))
    .map(([id, code]) => [code, Number(id)]),
);
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const fontColorXml = (color: string | undefined) => (color ? `<color rgb="${argb(color)}"/>` : '');

/** The user's style sheet with our cell and conditional styles appended (their indexes stay as they were). */
class StyleBook {
  private numFmts: string[] = [];
  private fonts: string[] = [];
  private fills: string[] = [];
  private xfs: string[] = [];
  private dxfs: string[] = [];
  private readonly xfIds = new Map<string, number>();
  private readonly dxfIds = new Map<string, number>();
  private readonly customFormats = new Map<string, number>();
  private nextFmt = 164;
  private readonly counts: { fonts: number; fills: number; xfs: number; dxfs: number };
  private readonly baseFont: string;

  constructor(private readonly xml: string) {
    for (const { attrs } of elements(xml, 'numFmt')) {
      const id = Number(attrs.numFmtId);
      this.customFormats.set(attrs.formatCode, id);
      this.nextFmt = Math.max(this.nextFmt, id + 1);
    }
    const count = (section: string, item: string) => elements(firstElement(xml, section)?.inner ?? '', item).length;
    this.counts = {
      fonts: count('fonts', 'font'),
      fills: count('fills', 'fill'),
      xfs: count('cellXfs', 'xf'),
      dxfs: count('dxfs', 'dxf'),
    };
    this.baseFont = (
      elements(firstElement(xml, 'fonts')?.inner ?? '', 'font')[0]?.inner ?? '<sz val="11"/><name val="Calibri"/>'
    ).replace(/<b\/>|<b [^>]*\/>|<color [^>]*\/>/g, '');
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_IDS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = this.nextFmt++;
      this.customFormats.set(code, id);
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  /** The cellXfs index for a number format and cell format (0 for neither). */
  xf(numberFormat: string, format: CellFormat | undefined): number {
    if (numberFormat === 'General' && !format) return 0;
    const formatKey = format
      ? `${format.fill ?? ''}|${format.fontBold ? 1 : 0}|${format.fontColor ?? ''}|${format.wrapText ? 1 : 0}`
      : '';
    const key = `${numberFormat}\u0000${formatKey}`;
    let id = this.xfIds.get(key);
    if (id !== undefined) return id;
    const fmt = this.formatId(numberFormat);
    let fontId = 0;
    if (format?.fontBold || format?.fontColor) {
      fontId = this.counts.fonts + this.fonts.length;
      this.fonts.push(`<font>${format.fontBold ? '<b/>' : ''}${fontColorXml(format.fontColor)}${this.baseFont}</font>`);
    }
    let fillId = 0;
    if (format?.fill) {
      fillId = this.counts.fills + this.fills.length;
      this.fills.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(format.fill)}"/>` +
          `<bgColor indexed="64"/></patternFill></fill>`,
      );
    }
    id = this.counts.xfs + this.xfs.length;
    this.xfs.push(
      `<xf numFmtId="${fmt}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        `${fmt ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}` +
        `${format?.wrapText ? ' applyAlignment="1"><alignment wrapText="1"/></xf>' : '/>'}`,
    );
    this.xfIds.set(key, id);
    return id;
  }

  /** The dxfs index for a conditional format's look. */
  dxf(format: CellFormat): number {
    const key = JSON.stringify(format);
    let id = this.dxfIds.get(key);
    if (id !== undefined) return id;
    const font =
      format.fontBold || format.fontColor
        ? `<font>${format.fontBold ? '<b/>' : ''}${fontColorXml(format.fontColor)}</font>`
        : '';
    const fill = format.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(format.fill)}"/></patternFill></fill>`
      : '';
    id = this.counts.dxfs + this.dxfs.length;
    this.dxfs.push(`<dxf>${font}${fill}</dxf>`);
    this.dxfIds.set(key, id);
    return id;
  }

  get changed(): boolean {
    return this.xfs.length + this.dxfs.length > 0;
  }

  /** The style sheet with the new entries; sections created where the user's had none. */
  toXml(): string {
    let xml = this.xml;
    const append = (section: string, items: string[], total: number, before: string[]) => {
      if (!items.length) return;
      const open = new RegExp(`<${section}(\\s[^>]*)?(/?)>`).exec(xml);
      if (open && open[2] === '/') {
        xml =
          xml.slice(0, open.index) +
          `<${section} count="${total}">${items.join('')}</${section}>` +
          xml.slice(open.index + open[0].length);
      } else if (open) {
        const close = xml.indexOf(`</${section}>`, open.index);
        xml =
          xml.slice(0, open.index) +
          `<${section} count="${total}">` +
          xml.slice(open.index + open[0].length, close) +
          items.join('') +
          xml.slice(close);
      } else {
        const at = before.map((b) => xml.indexOf(`<${b}`)).find((i) => i >= 0) ?? xml.indexOf('</styleSheet>');
        xml = xml.slice(0, at) + `<${section} count="${total}">${items.join('')}</${section}>` + xml.slice(at);
      }
    };
    append('numFmts', this.numFmts, this.customFormats.size, ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs']);
    append('fonts', this.fonts, this.counts.fonts + this.fonts.length, ['fills']);
    append('fills', this.fills, this.counts.fills + this.fills.length, ['borders']);
    append('cellXfs', this.xfs, this.counts.xfs + this.xfs.length, [
      'cellStyles',
      'dxfs',
      'tableStyles',
      'colors',
      'extLst',
    ]);
    append('dxfs', this.dxfs, this.counts.dxfs + this.dxfs.length, ['tableStyles', 'colors', 'extLst']);
    return xml;
  }
}

/** Parts and names handed out while writing, unique in the package. */
class Names {
  // Part names compare without regard to case (OPC, ECMA-376 Part 2 §9.1.1.1).
  private readonly used: Set<string>;
  constructor(entries: Iterable<string>) {
    this.used = new Set([...entries].map((e) => e.toLowerCase()));
  }
  part(prefix: string, ext = '.xml'): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${ext}`;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }
}

function cellXml(ref: string, style: number, value: Value, formula: string | undefined): string {
  const s = style ? ` s="${style}"` : '';
  if (formula !== undefined) {
    const f = `<f>${escapeXml(formula.replace(/^=/, ''))}</f>`;
    if (value === '') return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof value === 'number') return `<c r="${ref}"${s}>${f}<v>${value}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="${isCellError(value) ? 'e' : 'str'}">${f}<v>${escapeXml(value)}</v></c>`;
  }
  if (value === '') return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? `<c r="${ref}"${s}><v>${value}</v></c>`
      : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

interface SheetOut {
  sheet: SheetModel;
  part: string;
  rels: Relationship[];
  hasFormulas: boolean;
}

/** Writes one sheet of the model as a new worksheet part (with its tables, pivots, charts), streaming its rows. */
function writeSheet(model: WorkbookModel, sheet: SheetModel, out: WriteState): SheetOut {
  const part = out.names.part('xl/worksheets/sheet');
  const rels: Relationship[] = [];
  const rel = (type: string, target: string, external = false) => {
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type, target, external });
    return id;
  };
  const w = new EntryWriter(part);
  const used = sheet.usedRect(false);
  w.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`);
  const dimension = used
    ? formatRange({
        row: 0,
        column: 0,
        rowCount: used.row + used.rowCount,
        columnCount: used.column + used.columnCount,
      })
    : 'A1';
  w.write(`<dimension ref="${dimension}"/>`);
  const { rows: fr, columns: fc } = sheet.freeze;
  const pane =
    fr || fc
      ? `<pane${fc ? ` xSplit="${fc}"` : ''}${fr ? ` ySplit="${fr}"` : ''} ` +
        `topLeftCell="${columnLetter(fc)}${fr + 1}" ` +
        `activePane="${fr && fc ? 'bottomRight' : fr ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
      : '';
  w.write(
    `<sheetViews>` +
      `<sheetView workbookViewId="0"${model.activeSheet === sheet ? ' tabSelected="1"' : ''}>${pane}</sheetView>` +
      `</sheetViews><sheetFormatPr defaultRowHeight="15"/>`,
  );
  const colIndexes = [...new Set([...sheet.columnWidths.keys(), ...sheet.hiddenColumns])].sort((a, b) => a - b);
  if (colIndexes.length) {
    w.write(
      `<cols>${colIndexes
        .map((c) => {
          const width = sheet.columnWidths.get(c);
          return (
            `<col min="${c + 1}" max="${c + 1}" ` +
            `width="${width !== undefined ? Math.round((width / 7) * 100) / 100 : 8.43}"` +
            `${width !== undefined ? ' customWidth="1"' : ''}${sheet.hiddenColumns.has(c) ? ' hidden="1"' : ''}/>`
          );
        })
        .join('')}</cols>`,
    );
  }
  w.write('<sheetData>');
  // Cells with a style and no value (a text format set ahead of typing) are written too.
  const styledOnly = new Map<number, Set<number>>();
  const noteStyled = (k: number) => {
    const r = Math.floor(k / MAX_COLUMN);
    let set = styledOnly.get(r);
    if (!set) styledOnly.set(r, (set = new Set()));
    set.add(k % MAX_COLUMN);
  };
  for (const k of sheet.numberFormats.keys()) noteStyled(k);
  for (const k of sheet.formats.keys()) noteStyled(k);
  sheet.styleColumns.forEach((styles, c) => styles?.forEach((id, r) => id && noteStyled(r * MAX_COLUMN + c)));
  let lastRow = sheet.rows.length;
  for (const r of styledOnly.keys()) if (r >= lastRow) lastRow = r + 1;
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetter(c));
  let hasFormulas = false;
  for (let r = 0; r < lastRow; r++) {
    const values = sheet.rows[r];
    const extra = styledOnly.get(r);
    if (!values && !extra && !sheet.hiddenRows.has(r)) continue;
    let width = values?.length ?? 0;
    if (extra) for (const c of extra) if (c >= width) width = c + 1;
    let cells = '';
    for (let c = 0; c < width; c++) {
      const v = values?.[c] ?? '';
      const formula = sheet.formulas.size ? sheet.formula(r, c) : undefined;
      const styled = extra?.has(c);
      if (v === '' && formula === undefined && !styled) continue;
      if (formula !== undefined) hasFormulas = true;
      cells += cellXml(
        `${letter(c)}${r + 1}`,
        styled ? out.styles.xf(sheet.numberFormat(r, c), sheet.format(r, c)) : 0,
        v,
        formula,
      );
    }
    w.write(`<row r="${r + 1}"${sheet.hiddenRows.has(r) ? ' hidden="1"' : ''}>${cells}</row>`);
  }
  w.write('</sheetData>');
  if (sheet.protected) w.write('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  if (sheet.merges.length)
    w.write(
      `<mergeCells count="${sheet.merges.length}">` +
        `${sheet.merges.map((m) => `<mergeCell ref="${formatRange(m)}"/>`).join('')}</mergeCells>`,
    );
  sheet.conditionalFormats.forEach((cf, i) => {
    const dxf = out.styles.dxf(cf.format);
    const stop = cf.stopIfTrue ? ' stopIfTrue="1"' : '';
    let rule: string;
    if (cf.type === 'ContainsText') {
      const text = cf.rule.text ?? '';
      const first = `${columnLetter(cf.rect.column)}${cf.rect.row + 1}`;
      rule =
        `<cfRule type="containsText" dxfId="${dxf}" priority="${i + 1}"${stop} operator="containsText" ` +
        `text="${escapeXml(text)}">` +
        `<formula>${escapeXml(`NOT(ISERROR(SEARCH("${text.replace(/"/g, '""')}",${first})))`)}</formula></cfRule>`;
    } else if (cf.type === 'Custom') {
      rule =
        `<cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"${stop}>` +
        `<formula>${escapeXml(cf.rule.formula.replace(/^=/, ''))}</formula></cfRule>`;
    } else {
      const op = (cf.rule.operator ?? 'EqualTo').replace(/To$/, '').replace(/^./, (ch) => ch.toLowerCase());
      const formulas = [cf.rule.formula1, cf.rule.formula2]
        .filter((f): f is string => f !== undefined)
        .map((f) => `<formula>${escapeXml(f.replace(/^=/, ''))}</formula>`);
      rule =
        `<cfRule type="cellIs" dxfId="${dxf}" priority="${i + 1}"${stop} ` +
        `operator="${op}">${formulas.join('')}</cfRule>`;
    }
    w.write(`<conditionalFormatting sqref="${formatRange(cf.rect)}">${rule}</conditionalFormatting>`);
  });
  if (sheet.validations.length) {
    w.write(`<dataValidations count="${sheet.validations.length}">`);
    for (const v of sheet.validations) {
      const formula = v.source.startsWith('=') ? v.source.slice(1) : `"${v.source.replace(/"/g, '""')}"`;
      w.write(
        `<dataValidation type="list" errorStyle="${v.errorStyle.toLowerCase()}"` +
          `${v.ignoreBlanks ? ' allowBlank="1"' : ''}${v.inCellDropDown ? '' : ' showDropDown="1"'} ` +
          `showErrorMessage="1" sqref="${formatRange(v.rect)}"><formula1>${escapeXml(formula)}</formula1>` +
          `</dataValidation>`,
      );
    }
    w.write('</dataValidations>');
  }
  if (sheet.hyperlinks.size) {
    w.write('<hyperlinks>');
    for (const [k, target] of sheet.hyperlinks) {
      const ref = `${columnLetter(k % MAX_COLUMN)}${Math.floor(k / MAX_COLUMN) + 1}`;
      if (target.startsWith('#')) w.write(`<hyperlink ref="${ref}" location="${escapeXml(target.slice(1))}"/>`);
      else w.write(`<hyperlink ref="${ref}" r:id="${rel('hyperlink', target, true)}"/>`);
    }
    w.write('</hyperlinks>');
  }
  w.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // Pivots on this sheet: cache definition + records (listed in workbook.xml) and the table part.
  for (const p of pivots(model).filter((x) => x.sheet === sheet)) {
    const cacheId = out.nextCacheId++;
    const parts = pivotParts(model, p, cacheId);
    const tablePart = out.names.part('xl/pivotTables/pivotTable');
    const cachePart = out.names.part('xl/pivotCache/pivotCacheDefinition');
    const recordsPart = out.names.part('xl/pivotCache/pivotCacheRecords');
    out.add(tablePart, parts.table, CT.pivotTable, [
      { id: 'rId1', type: 'pivotCacheDefinition', target: cachePart, external: false },
    ]);
    out.add(cachePart, parts.definition, CT.pivotCache, [
      { id: 'rId1', type: 'pivotCacheRecords', target: recordsPart, external: false },
    ]);
    out.add(recordsPart, parts.records, CT.pivotRecords);
    out.pivotCaches.push({ cacheId, part: cachePart });
    rel('pivotTable', tablePart);
  }
  if (sheet.charts.length) {
    const drawingPart = out.names.part('xl/drawings/drawing');
    const drawingRels: Relationship[] = [];
    for (const chart of sheet.charts) {
      const chartPart = out.names.part('xl/charts/chart');
      out.add(
        chartPart,
        chartXml(chart, (name) => model.sheet(name)),
        CT.chart,
      );
      drawingRels.push({ id: `rId${drawingRels.length + 1}`, type: 'chart', target: chartPart, external: false });
    }
    out.add(
      drawingPart,
      drawingXml(sheet.charts.map((chart, i) => ({ chart, rid: drawingRels[i].id }))),
      CT.drawing,
      drawingRels,
    );
    w.write(`<drawing r:id="${rel('drawing', drawingPart)}"/>`);
  }
  const tables = model.tables.filter((t) => t.sheet === sheet);
  if (tables.length) {
    const ids: string[] = [];
    for (const t of tables) {
      const tablePart = out.names.part('xl/tables/table');
      const names = new Set<string>();
      const columns = Array.from({ length: t.rect.columnCount }, (_, c) => {
        const header = String(sheet.value(t.rect.row, t.rect.column + c)) || `Column${c + 1}`;
        let name = header;
        for (let k = 2; names.has(name.toLowerCase()); k++) name = `${header}${k}`;
        names.add(name.toLowerCase());
        return `<tableColumn id="${c + 1}" name="${escapeXml(name)}"/>`;
      });
      const ref = formatRange(t.rect);
      const xml =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table ` +
        `xmlns="${NS.main}" id="${out.nextTableId++}" ` +
        `name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.join('')}</tableColumns>` +
        `<tableStyleInfo name="${escapeXml(t.style)}" showFirstColumn="0" showLastColumn="0" ` +
        `showRowStripes="${t.showBandedRows ? 1 : 0}" showColumnStripes="0"/></table>`;
      out.add(tablePart, xml, CT.table);
      ids.push(rel('table', tablePart));
    }
    w.write(`<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  }
  w.write('</worksheet>');
  out.entries.set(part, w.end());
  out.types.set(part, CT.sheet);
  if (rels.length)
    out.entries.set(
      relsPathOf(part),
      newEntry(
        relsPathOf(part),
        relsXml(rels.map((r) => ({ ...r, target: r.external ? r.target : relativeTarget(part, r.target) }))),
      ),
    );
  return { sheet, part, rels, hasFormulas };
}

/** What the writer builds up: new parts, their content types, pivot caches, unique names and ids. */
class WriteState {
  entries = new Map<string, ZipEntry>();
  types = new Map<string, string>();
  pivotCaches: { cacheId: number; part: string }[] = [];
  nextCacheId: number;
  nextTableId: number;
  constructor(
    readonly names: Names,
    readonly styles: StyleBook,
    firstCacheId: number,
    firstTableId: number,
  ) {
    this.nextCacheId = firstCacheId;
    this.nextTableId = firstTableId;
  }
  add(part: string, xml: string, type: string, rels?: Relationship[]): void {
    this.entries.set(part, newEntry(part, xml));
    this.types.set(part, type);
    if (rels?.length)
      this.entries.set(
        relsPathOf(part),
        newEntry(
          relsPathOf(part),
          relsXml(rels.map((r) => ({ ...r, target: r.external ? r.target : relativeTarget(part, r.target) }))),
        ),
      );
  }
}

/** Every part reachable from the package's root through relationships. */
function reachable(entries: Map<string, ZipEntry>, relsText: (part: string) => string | undefined): Set<string> {
  const seen = new Set<string>();
  const queue = [''];
  while (queue.length) {
    const part = queue.pop()!;
    const text = relsText(part === '' ? '_rels/.rels' : relsPathOf(part));
    if (!text) continue;
    for (const r of parseRels(text, part)) {
      if (r.external || seen.has(r.target)) continue;
      seen.add(r.target);
      if (entries.has(r.target)) queue.push(r.target);
    }
  }
  return seen;
}

/**
 * Writes the workbook as .xlsx bytes: into the package it was read from, when there is one.
 *
 * @example fs.writeFileSync('out.xlsx', writeXlsx(book.model));
 */
export function writeXlsx(model: WorkbookModel): Uint8Array {
  const source = sourceOf(model);
  const base = source?.entries ?? templateEntries();
  const text = (name: string) => {
    const e = base.get(name);
    return e ? unprefix(entryText(e)) : undefined;
  };
  const rootRels = parseRels(text('_rels/.rels') ?? '', '');
  const bookPart = rootRels.find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  let bookXml = text(bookPart) ?? '';
  const bookRelsPath = relsPathOf(bookPart);
  let bookRels = parseRels(text(bookRelsPath) ?? '', bookPart);
  const stylesPart = bookRels.find((r) => r.type === 'styles')?.target;
  const styles = new StyleBook(
    stylesPart ? (text(stylesPart) ?? '') : entryText(templateEntries().get('xl/styles.xml')!),
  );
  const maxAttr = (prefix: string, re: RegExp) =>
    Math.max(
      0,
      ...[...base.keys()]
        .filter((k) => k.startsWith(prefix) && !k.includes('_rels'))
        .map((k) => Number(re.exec(text(k) ?? '')?.[1] ?? 0)),
    );
  const cacheIds = elements(bookXml, 'pivotCache').map((e) => Number(e.attrs.cacheId));
  const out = new WriteState(
    new Names(base.keys()),
    styles,
    Math.max(0, ...cacheIds) + 1,
    maxAttr('xl/tables/', /<table\b[^>]*\bid="(\d+)"/) + 1,
  );

  // Sheets: kept as they were, or written from the model.
  const kept = new Map<SheetModel, { part: string; element: string }>();
  for (const [sheet, s] of source?.sheets ?? [])
    if (
      model.sheets.includes(sheet) &&
      base.has(s.part) &&
      s.rows === sheet.rows &&
      fingerprint(model, sheet) === s.fingerprint
    )
      kept.set(sheet, s);
  const written = new Map<SheetModel, SheetOut>();
  for (const sheet of model.sheets) if (!kept.has(sheet)) written.set(sheet, writeSheet(model, sheet, out));

  // workbook.xml.rels: sheets' relationships rebuilt; the rest kept (calcChain dropped: Excel rebuilds it).
  const sheetRelIds = new Map<SheetModel, string>();
  const oldSheetRel = new Map(
    bookRels.filter((r) => r.type === 'worksheet').map((r) => [r.target.toLowerCase(), r.id]),
  );
  bookRels = bookRels.filter(
    (r) =>
      r.type !== 'calcChain' &&
      r.type !== 'pivotCacheDefinition' &&
      (r.type !== 'worksheet' || [...kept.values()].some((k) => k.part.toLowerCase() === r.target.toLowerCase())),
  );
  const chartSheets = bookRels.filter((r) => r.type === 'chartsheet' || r.type === 'dialogsheet');
  let nextRel = 1;
  const newRelId = () => {
    while (bookRels.some((r) => r.id === `rId${nextRel}`)) nextRel++;
    return `rId${nextRel}`;
  };
  for (const [sheet, k] of kept) sheetRelIds.set(sheet, oldSheetRel.get(k.part.toLowerCase())!);
  for (const [sheet, w] of written) {
    const id = newRelId();
    bookRels.push({ id, type: 'worksheet', target: w.part, external: false });
    sheetRelIds.set(sheet, id);
  }
  // Pivot caches: those of kept pivots stay, new ones are added.
  const cacheEntries: string[] = [];
  const oldCacheRels = new Map(
    parseRels(text(bookRelsPath) ?? '', bookPart)
      .filter((r) => r.type === 'pivotCacheDefinition')
      .map((r) => [r.id, r]),
  );
  const keptCacheParts = new Set<string>();
  for (const { part } of kept.values()) {
    for (const r of parseRels(text(relsPathOf(part)) ?? '', part)) {
      if (r.type !== 'pivotTable') continue;
      for (const c of parseRels(text(relsPathOf(r.target)) ?? '', r.target))
        if (c.type === 'pivotCacheDefinition') keptCacheParts.add(c.target);
    }
  }
  for (const { attrs } of elements(bookXml, 'pivotCache')) {
    const r = oldCacheRels.get(attrs['r:id']);
    if (r && keptCacheParts.has(r.target)) {
      bookRels.push(r);
      cacheEntries.push(`<pivotCache cacheId="${attrs.cacheId}" r:id="${r.id}"/>`);
    }
  }
  for (const c of out.pivotCaches) {
    const id = newRelId();
    bookRels.push({ id, type: 'pivotCacheDefinition', target: c.part, external: false });
    cacheEntries.push(`<pivotCache cacheId="${c.cacheId}" r:id="${id}"/>`);
  }

  // workbook.xml: the sheet list in the model's order, names and visibility as the model has them.
  const oldSheets = [
    ...(firstElement(bookXml, 'sheets')?.inner ?? '').matchAll(/<sheet\s[^>]*\/>|<sheet\s[^>]*>[\s\S]*?<\/sheet>/g),
  ].map((m) => m[0]);
  const oldIndexOfPart = new Map<string, number>();
  oldSheets.forEach((el, i) => {
    const r = parseRels(text(bookRelsPath) ?? '', bookPart).find((x) => x.id === attrsOf(el)['r:id']);
    if (r) oldIndexOfPart.set(r.target.toLowerCase(), i);
  });
  let nextSheetId = Math.max(0, ...oldSheets.map((el) => Number(attrsOf(el).sheetId ?? 0))) + 1;
  const state = (s: SheetModel) =>
    s.visibility === 'Hidden' ? ' state="hidden"' : s.visibility === 'VeryHidden' ? ' state="veryHidden"' : '';
  const newIndex = new Map<number, number>();
  const sheetsXml = model.sheets.map((sheet, i) => {
    const k = kept.get(sheet);
    if (k) {
      newIndex.set(oldIndexOfPart.get(k.part.toLowerCase()) ?? -1, i);
      const a = attrsOf(k.element);
      return (
        `<sheet name="${escapeXml(sheet.name)}" ` +
        `sheetId="${a.sheetId}"${state(sheet)} r:id="${sheetRelIds.get(sheet)}"/>`
      );
    }
    const from = source?.sheets.get(sheet);
    if (from) newIndex.set(oldIndexOfPart.get(from.part.toLowerCase()) ?? -1, i);
    const id = from ? attrsOf(from.element).sheetId : String(nextSheetId++);
    return `<sheet name="${escapeXml(sheet.name)}" sheetId="${id}"${state(sheet)} r:id="${sheetRelIds.get(sheet)}"/>`;
  });
  // Chart sheets and dialog sheets the model does not hold stay at the end of the list.
  for (const el of oldSheets) {
    const r = chartSheets.find((x) => x.id === attrsOf(el)['r:id']);
    if (r) sheetsXml.push(el);
  }
  bookXml = replaceElement(bookXml, 'sheets', `<sheets>${sheetsXml.join('')}</sheets>`);
  bookXml = bookXml
    .replace(/(<workbookView\b[^>]*?)\sactiveTab="\d+"/, '$1')
    .replace(
      /<workbookView\b/,
      `<workbookView activeTab="${Math.max(0, model.activeSheet ? model.sheets.indexOf(model.activeSheet) : 0)}"`,
    );
  bookXml = bookXml.replace(/(<workbookView\b[^>]*?)\sfirstSheet="\d+"/, '$1');
  // Defined names: the model's workbook names; sheet-scoped and
  // built-in ones kept, their sheet index moved with the sheet.
  const names: string[] = [];
  const emitted = new Set<string>();
  for (const e of elements(bookXml, 'definedName')) {
    const local = e.attrs.localSheetId;
    const element = bookXml.slice(e.start, e.end);
    if (local !== undefined) {
      const to = newIndex.get(Number(local));
      if (to !== undefined) names.push(element.replace(/localSheetId="\d+"/, `localSheetId="${to}"`));
    } else if (e.attrs.name.startsWith('_xlnm.')) names.push(element);
    else {
      // A name the model still holds unchanged keeps its element (hidden, comment and all).
      const now = model.names.get(e.attrs.name.toLowerCase());
      if (now && now.reference === `=${unescapeXml(e.inner)}`) {
        names.push(element);
        emitted.add(e.attrs.name.toLowerCase());
      }
    }
  }
  for (const [key, n] of model.names) {
    if (!emitted.has(key))
      names.push(
        `<definedName name="${escapeXml(n.name)}"${n.comment ? ` comment="${escapeXml(n.comment)}"` : ''}>` +
          `${escapeXml(n.reference.replace(/^=/, ''))}</definedName>`,
      );
  }
  bookXml = replaceElement(
    bookXml,
    'definedNames',
    names.length ? `<definedNames>${names.join('')}</definedNames>` : '',
  );
  bookXml = replaceElement(
    bookXml,
    'pivotCaches',
    cacheEntries.length ? `<pivotCaches>${cacheEntries.join('')}</pivotCaches>` : '',
  );
  if ([...written.values()].some((w) => w.hasFormulas)) {
    // Formulas the embedded Excel could not compute have no cached value: Excel computes them on open.
    bookXml = /<calcPr\b/.test(bookXml)
      ? bookXml.replace(/<calcPr\b(?![^>]*fullCalcOnLoad)/, '<calcPr fullCalcOnLoad="1"')
      : replaceElement(bookXml, 'calcPr', '<calcPr fullCalcOnLoad="1"/>');
  }
  // The sheet list is written with r:id: the root must bind "r" (a generator may have used another prefix).
  if (!/<workbook\b[^>]*\sxmlns:r=/.test(bookXml))
    bookXml = bookXml.replace(/<workbook\b/, `<workbook xmlns:r="${NS.r}"`);
  out.entries.set(bookPart, newEntry(bookPart, bookXml));
  out.entries.set(
    bookRelsPath,
    newEntry(
      bookRelsPath,
      relsXml(bookRels.map((r) => ({ ...r, target: r.external ? r.target : relativeTarget(bookPart, r.target) }))),
    ),
  );
  if (stylesPart && styles.changed) out.entries.set(stylesPart, newEntry(stylesPart, styles.toXml()));

  // Parts the new package no longer reaches (a replaced sheet's,
  // dropped caches, calcChain) go; everything else stays as it was.
  const merged = new Map(base);
  for (const [k, v] of out.entries) merged.set(k, v);
  const relsOf = (m: Map<string, ZipEntry>) => (part: string) => {
    const e = m.get(part);
    return e ? entryText(e) : undefined;
  };
  const before = source ? reachable(base, relsOf(base)) : new Set<string>();
  const after = reachable(merged, relsOf(merged));
  const gone = new Set([...before].filter((p) => !after.has(p)));
  for (const p of gone) {
    merged.delete(p);
    merged.delete(relsPathOf(p));
  }

  // [Content_Types].xml: overrides of parts that went are dropped, new parts' added.
  let types = text('[Content_Types].xml') ?? '';
  const present = new Set([...merged.keys()].map((k) => k.toLowerCase()));
  types = types.replace(/<Override\s[^>]*\/>/g, (el) =>
    present.has(attrsOf(el).PartName.replace(/^\//, '').toLowerCase()) ? el : '',
  );
  const added = [...out.types]
    .filter(([part]) => !new RegExp(`PartName="/${part.replace(/[.[\]]/g, '\\$&')}"`).test(types))
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`);
  types = types.replace('</Types>', `${added.join('')}</Types>`);
  merged.set('[Content_Types].xml', newEntry('[Content_Types].xml', types));

  const order = [
    '[Content_Types].xml',
    ...[...base.keys()].filter((k) => k !== '[Content_Types].xml' && merged.has(k)),
    ...[...out.entries.keys()].filter((k) => !base.has(k)),
  ];
  const entries = order.map((k) => merged.get(k)!);
  // What the file now holds: a later write (the workbench's next copy of an unsaved workbook, the
  // next Save) copies the sheets unchanged since — a 100,000-row decisions sheet is not rewritten.
  adoptSource(model, {
    entries: new Map(order.map((k) => [k, merged.get(k)!])),
    sheets: new Map(
      model.sheets.map((sheet, i) => {
        const part = kept.get(sheet)?.part ?? written.get(sheet)!.part;
        return [sheet, { part, element: sheetsXml[i], fingerprint: fingerprint(model, sheet), rows: sheet.rows }];
      }),
    ),
    pivotNames: new Map(),
  });
  return writeZip(entries);
}

/**
 * The children of <workbook> that this writer places, and those
 * after them, in the order the schema (CT_Workbook) gives.
 */
const WORKBOOK_CHILDREN = [
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
] as const;

/**
 * Replaces an element of workbook.xml (or removes it with ''), or inserts it before the first element that the
 * schema puts after it and that exists.
 */
function replaceElement(xml: string, name: (typeof WORKBOOK_CHILDREN)[number], replacement: string): string {
  const before = WORKBOOK_CHILDREN.slice(WORKBOOK_CHILDREN.indexOf(name) + 1);
  const open = new RegExp(`<${name}(\\s[^>]*)?(/?)>`).exec(xml);
  if (open) {
    const end = open[2] === '/' ? open.index + open[0].length : xml.indexOf(`</${name}>`, open.index) + name.length + 3;
    return xml.slice(0, open.index) + replacement + xml.slice(end);
  }
  if (!replacement) return xml;
  const at =
    before.map((b) => new RegExp(`<${b}[\\s/>]`).exec(xml)?.index ?? -1).find((i) => i >= 0) ?? xml.lastIndexOf('</');
  return xml.slice(0, at) + replacement + xml.slice(at);
}
