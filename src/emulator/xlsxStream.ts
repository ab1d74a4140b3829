/**
 * Streaming .xlsx for sheets too big for ExcelJS's in-memory workbook (about 16 KB per 12-cell
 * row: a full 1,048,576-row sheet would need gigabytes). Node only — the CLI and the bench use it;
 * the browser workbench uses xlsx.ts. Writes values, formulas, number formats, column widths and
 * freeze panes; tables, validation and conditional formats need the in-memory writer
 * (DIFFERENCES.md), which the flows' sheets are small enough for.
 */
import ExcelJS from 'exceljs';
import { WorkbookModel, type Value } from './model';

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Writes the workbook to a file, row by row. */
export async function writeXlsxFile(model: WorkbookModel, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.freeze.rows || sheet.freeze.columns ? { views: [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] } : {});
    for (const [c, width] of sheet.columnWidths) ws.getColumn(c + 1).width = width / 7;
    const formats = sheet.numberFormats;
    for (let r = 0; r < sheet.rows.length; r++) {
      const values = sheet.rows[r];
      if (!values) continue;
      const row = ws.getRow(r + 1);
      for (let c = 0; c < values.length; c++) {
        const formula = sheet.formulas.size ? sheet.formula(r, c) : undefined;
        const v = values[c];
        if (formula === undefined && v === '') continue;
        const cell = row.getCell(c + 1);
        cell.value = formula !== undefined ? ({ formula: formula.slice(1) } as ExcelJS.CellFormulaValue) : v;
        if (formats.size) {
          const f = formats.get(r * 16384 + c);
          if (f) cell.numFmt = f;
        }
      }
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/** Reads an .xlsx file row by row into a workbook model (values, formulas as text). */
export async function readXlsxFile(file: string): Promise<WorkbookModel> {
  const model = new WorkbookModel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    const sheet = model.addSheet(name);
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      const values: Value[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        while (values.length < c - 1) values.push('');
        const v = cell.value;
        if (v === null || v === undefined) values.push('');
        else if (typeof v === 'object') {
          if (v instanceof Date) values.push((v.getTime() - SERIAL_EPOCH) / 86400000);
          else if ('formula' in v) {
            values.push(typeof v.result === 'number' || typeof v.result === 'string' || typeof v.result === 'boolean' ? v.result : '');
            sheet.formulas.set((row.number - 1) * 16384 + c - 1, `=${v.formula}`);
          } else if ('richText' in v) values.push(v.richText.map((t) => t.text).join(''));
          else if ('error' in v) values.push(String(v.error));
          else values.push(String((v as { text?: string }).text ?? ''));
        } else values.push(v as Value);
      });
      sheet.rows[row.number - 1] = values;
    }
  }
  model.activeSheet = model.sheets[0];
  return model;
}
