import type { EmulatedWorkbook } from '../emulator';
import { parseRange, splitAddress } from '../excelSpec';
import type { Lang } from '../i18n';
import { sheetAsWorkbook } from '../emulator/sheetBook';
import { hostRunner } from '../flows/host';
import { isOpenableUrl, type PaneHost, type ThemeKind } from '../taskpane/host';

/**
 * The task pane's host in the workbench: the same pane code, with the embedded workbook's `run`
 * in place of `Excel.run`. Links open in a new browser tab (http and https only, as in Excel).
 */
export function workbenchHost(
  book: EmulatedWorkbook,
  options: { lang: Lang; theme?: ThemeKind; openWindow?: (url: string) => void },
): PaneHost {
  // The host shares the page's thread: it answers each sync on a later task, so the grid paints
  // and Cancel can be clicked while a flow reads a big sheet.
  book.yieldToPage = true;
  return {
    kind: 'workbench',
    // As in Excel: wait out cell edits where ExcelApi 1.11 is there; requirement sets of the book's platform.
    runner: hostRunner(book, book.requirements),
    displayLanguage: options.lang,
    theme: options.theme ?? 'light',
    openUrl(url) {
      if (!isOpenableUrl(url)) return;
      (options.openWindow ?? ((u: string) => window.open(u, '_blank', 'noopener,noreferrer')))(url);
    },
    async selectCell(address) {
      selectAddress(book, address);
    },
    async showPane() {
      // The pane is always beside the grid in the workbench.
    },
    async saveSheetAsFile(sheet, fileName) {
      // The file writer loads on use (it is the workbench's heaviest part).
      const [{ exportXlsx }, { download }] = await Promise.all([import('../emulator/xlsx'), import('./files')]);
      download(fileName, await exportXlsx(sheetAsWorkbook(book.model, sheet)));
    },
  };
}

/** Selects a cell or range such as "'QA Findings'!B7" (the sheet becomes active), as Range.select() does. */
export function selectAddress(book: EmulatedWorkbook, address: string): void {
  const { sheet: sheetName, local } = splitAddress(address);
  const sheet = sheetName ? book.model.sheet(sheetName) : book.model.activeSheet;
  if (!sheet) return;
  book.model.activeSheet = sheet;
  book.model.selection = { sheet, rect: parseRange(local) };
  book.notify();
}
