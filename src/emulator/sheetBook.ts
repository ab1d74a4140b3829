import { WorkbookModel } from './model';

/**
 * One sheet of a workbook as a workbook of its own (values, number formats, widths, frozen panes),
 * for a file to share such as a coaching sheet. The sheet is shared, not copied: export it, then drop the result.
 */
export function sheetAsWorkbook(source: WorkbookModel, sheet: string): WorkbookModel {
  const model = new WorkbookModel();
  const s = source.sheet(sheet);
  if (s) {
    model.sheets.push(s);
    model.activeSheet = s;
  }
  model.culture = source.culture;
  return model;
}
