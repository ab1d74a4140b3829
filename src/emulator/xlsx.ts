/**
 * .xlsx in and out with ExcelJS (a well-kept library that reads and writes the Office Open XML
 * format in Node and the browser). Export keeps values, formulas, number formats, column widths,
 * freeze panes, tables, list validation and conditional formats; pivot tables go out as their
 * rendered values with a note on the pivot's first cell, and charts are not written (ExcelJS
 * 4.4.0 writes neither; see DIFFERENCES.md).
 */
import ExcelJS from 'exceljs';
import { columnName, formatRect, parseRange, quoteSheet } from './address';
import { WorkbookModel, type SheetModel, type Value } from './model';
import { pivots } from './pivot';

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const toSerial = (d: Date) => (d.getTime() - SERIAL_EPOCH) / 86400000;

/** Column width in Excel's characters from our pixels-like points (Excel: about 7 px per character). */
const toChars = (px: number) => Math.round((px / 7) * 100) / 100;
const toPx = (chars: number) => Math.round(chars * 7);

function cellValueOut(sheet: SheetModel, r: number, c: number): ExcelJS.CellValue {
  const formula = sheet.formula(r, c);
  if (formula !== undefined) return { formula: formula.replace(/^=/, ''), result: undefined } as ExcelJS.CellFormulaValue;
  const v = sheet.value(r, c);
  return v === '' ? null : v;
}

/**
 * Writes the workbook as .xlsx bytes.
 *
 * @example const bytes = await exportXlsx(book.model); fs.writeFileSync('out.xlsx', bytes);
 */
export async function exportXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Moderation QA';
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility === 'Visible' ? 'visible' : sheet.visibility === 'Hidden' ? 'hidden' : 'veryHidden' });
    if (sheet.freeze.rows || sheet.freeze.columns) ws.views = [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
    for (const [c, width] of sheet.columnWidths) ws.getColumn(c + 1).width = toChars(width);
    const tables = model.tables.filter((t) => t.sheet === sheet);
    const inTable = (r: number, c: number) => tables.some((t) => r >= t.rect.row && r < t.rect.row + t.rect.rowCount && c >= t.rect.column && c < t.rect.column + t.rect.columnCount);
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (inTable(r, c)) continue; // ExcelJS writes table cells from the table's own rows
        const v = cellValueOut(sheet, r, c);
        if (v === null) continue;
        ws.getCell(r + 1, c + 1).value = v;
      }
    }
    for (const [key, fmt] of sheet.numberFormats) {
      const r = Math.floor(key / 16384);
      const c = key % 16384;
      ws.getCell(r + 1, c + 1).numFmt = fmt;
    }
    for (const [key, f] of sheet.formats) {
      const cell = ws.getCell(Math.floor(key / 16384) + 1, (key % 16384) + 1);
      if (f.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${f.fill.replace('#', '').toUpperCase()}` } };
      if (f.fontBold || f.fontColor) cell.font = { bold: f.fontBold, color: f.fontColor ? { argb: `FF${f.fontColor.replace('#', '').toUpperCase()}` } : undefined };
      if (f.wrapText) cell.alignment = { wrapText: true };
    }
    for (const t of tables) {
      const headers = Array.from({ length: t.rect.columnCount }, (_, c) => String(sheet.value(t.rect.row, t.rect.column + c)));
      const rows = Array.from({ length: Math.max(1, t.rect.rowCount - 1) }, (_, i) => headers.map((_, c) => cellValueOut(sheet, t.rect.row + 1 + i, t.rect.column + c)));
      ws.addTable({ name: t.name, ref: `${columnName(t.rect.column)}${t.rect.row + 1}`, headerRow: true, style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: t.showBandedRows }, columns: headers.map((name) => ({ name, filterButton: true })), rows });
    }
    for (const v of sheet.validations) {
      const formulae = v.source.startsWith('=') ? [v.source.slice(1)] : [`"${v.source}"`];
      (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(formatRect(v.rect), { type: 'list', allowBlank: v.ignoreBlanks, formulae, showErrorMessage: true, errorStyle: v.errorStyle.toLowerCase() as 'stop' });
    }
    for (const cf of sheet.conditionalFormats) {
      const style: Partial<ExcelJS.Style> = {};
      if (cf.format.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${cf.format.fill.replace('#', '').toUpperCase()}` } };
      if (cf.format.fontColor || cf.format.fontBold) style.font = { bold: cf.format.fontBold, color: cf.format.fontColor ? { argb: `FF${cf.format.fontColor.replace('#', '').toUpperCase()}` } : undefined };
      let rule: ExcelJS.ConditionalFormattingRule;
      if (cf.type === 'ContainsText') rule = { type: 'containsText', operator: 'containsText', text: cf.rule.text, style, priority: 1 } as ExcelJS.ConditionalFormattingRule;
      else if (cf.type === 'Custom') rule = { type: 'expression', formulae: [cf.rule.formula.replace(/^=/, '')], style, priority: 1 };
      else rule = { type: 'cellIs', operator: (cf.rule.operator ?? 'equal').replace(/^./, (c) => c.toLowerCase()) as 'equal', formulae: [cf.rule.formula1], style, priority: 1 };
      ws.addConditionalFormatting({ ref: formatRect(cf.rect), rules: [rule] });
    }
  }
  for (const p of pivots(model)) {
    if (!p.rendered) continue;
    const ws = wb.getWorksheet(p.sheet.name);
    if (ws) ws.getCell(p.rendered.rect.row + 1, p.rendered.rect.column + 1).note = `PivotTable "${p.name}" exported as its values (ExcelJS writes no pivot tables). Refresh the report in Excel to rebuild it.`;
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function cellValueIn(v: ExcelJS.CellValue): { value: Value; formula?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: toSerial(v) };
  if (typeof v === 'object') {
    if ('formula' in v && v.formula) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      const value = result === undefined || result === null || typeof result === 'object' ? (result instanceof Date ? toSerial(result) : result && 'error' in result ? String(result.error) : '') : result;
      return { value, formula: `=${v.formula}` };
    }
    if ('sharedFormula' in v) return { value: '' };
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('hyperlink' in v) return { value: String((v as ExcelJS.CellHyperlinkValue).text ?? v.hyperlink) };
    if ('error' in v) return { value: String(v.error) };
  }
  return { value: String(v) };
}

/**
 * Reads .xlsx bytes into a workbook model: values (dates as serials, errors as their text),
 * formulas as text, number formats, sheet names and visibility, tables, list validations,
 * freeze panes and column widths.
 *
 * @example const model = await importXlsx(fs.readFileSync('decisions.xlsx'));
 */
export async function importXlsx(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) as unknown as ExcelJS.Buffer);
  const model = new WorkbookModel();
  wb.eachSheet((ws) => {
    const sheet = model.addSheet(ws.name);
    sheet.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // Merged cells: only the master holds the value, as Range.values reads them.
        if (cell.isMerged && cell.master !== cell) return;
        const { value, formula } = cellValueIn(cell.value);
        sheet.setCell(r - 1, c - 1, value, formula);
        // Range.values shows a link's text; its target is read with getCellProperties({ hyperlink }).
        if (cell.hyperlink) sheet.hyperlinks.set((r - 1) * 16384 + c - 1, { address: cell.hyperlink, textToDisplay: String(value) });
        if (cell.numFmt && cell.numFmt !== 'General') sheet.setNumberFormat(r - 1, c - 1, cell.numFmt);
      });
    });
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen') sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    ws.columns?.forEach((col, i) => {
      if (col.width) sheet.columnWidths.set(i, toPx(col.width));
      if (col.hidden) sheet.hiddenColumns.add(i);
    });
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    // ExcelJS reads validations cell by cell; runs of cells in a column with the same list merge back into one rule.
    const cells: { rect: ReturnType<typeof parseRange>; source: string; ignoreBlanks: boolean }[] = [];
    for (const [ref, dv] of Object.entries(validations)) {
      if (dv.type !== 'list' || !dv.formulae?.length) continue;
      const f = String(dv.formulae[0]);
      const source = f.startsWith('"') ? f.slice(1, -1) : `=${f}`;
      try {
        cells.push({ rect: parseRange(ref.replace(/^range:/, '').split(' ')[0]), source, ignoreBlanks: dv.allowBlank ?? true });
      } catch {
        // A validation on a reference we cannot read is left out (DIFFERENCES.md).
      }
    }
    cells.sort((a, b) => a.source.localeCompare(b.source) || a.rect.column - b.rect.column || a.rect.row - b.rect.row);
    for (const cell of cells) {
      const last = sheet.validations[sheet.validations.length - 1];
      if (last && last.source === cell.source && last.rect.column === cell.rect.column && last.rect.columnCount === cell.rect.columnCount && last.rect.row + last.rect.rowCount === cell.rect.row) {
        last.rect = { ...last.rect, rowCount: last.rect.rowCount + cell.rect.rowCount };
      } else sheet.validations.push({ rect: cell.rect, source: cell.source, inCellDropDown: true, errorStyle: 'Stop', ignoreBlanks: cell.ignoreBlanks });
    }
  });
  wb.eachSheet((ws) => {
    const sheet = model.sheet(ws.name)!;
    const tables = (ws as unknown as { getTables(): { table: { name: string; tableRef?: string; ref: string; style?: { theme?: string; showRowStripes?: boolean }; columns: unknown[]; rows?: unknown[] } }[] }).getTables();
    for (const { table } of tables) {
      const refText = table.tableRef ?? table.ref;
      const rect = parseRange(refText.includes(':') ? refText : `${refText}:${refText}`);
      const columnCount = table.columns.length;
      const rowCount = refText.includes(':') ? rect.rowCount : (table.rows?.length ?? 0) + 1;
      model.tables.push({ id: model.newId('table'), name: table.name, sheet, rect: { ...rect, columnCount, rowCount }, style: table.style?.theme ?? 'TableStyleMedium2', showBandedRows: table.style?.showRowStripes ?? true });
    }
  });
  model.activeSheet = model.sheets[0];
  return model;
}

export { quoteSheet };
