/** Helpers for flow tests on the embedded Excel (test-only; not part of the pane's bundle). */
import type { SheetModel } from '../../src/emulator/model';

/** Everything about a sheet that a flow must never change: values, formulas, formats, widths, rules. */
export function sheetSnapshot(sheet: SheetModel): string {
  return JSON.stringify({
    name: sheet.name,
    rows: sheet.rows,
    formulas: [...sheet.formulas],
    numberFormats: [...sheet.numberFormats],
    formats: [...sheet.formats],
    widths: [...sheet.columnWidths],
    validations: sheet.validations,
    conditional: sheet.conditionalFormats,
    freeze: sheet.freeze,
    visibility: sheet.visibility,
    protected: sheet.protected,
  });
}
