import { splitAddress } from '../excelSpec';
import type { BatchRunner } from './host';

/**
 * Selects a cell such as "'Decisions'!C12" (or "C12" on the active sheet) and shows its sheet:
 * how a finding, a report or a pivot takes the analyst to the cell it names. One sync.
 */
export async function selectCellFlow(run: BatchRunner, address: string): Promise<void> {
  const { sheet, local } = splitAddress(address);
  await run(async (context) => {
    const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
    ws.activate();
    ws.getRange(local).select();
    await context.sync();
  });
}
