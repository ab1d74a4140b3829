import type { Lang } from '../i18n';
import { PAGE_IDS, type PageId } from '../commands/types';
import { languageFromLocale } from '../i18n';
import { officeRunner, type Requirements } from '../flows/host';
import { selectCellFlow } from '../flows/selectCellFlow';

/** A way to run a batch of Excel API calls: `Excel.run` in Excel, the emulator's `run` in the workbench. */
export type { BatchRunner } from '../flows/host';
import type { BatchRunner } from '../flows/host';

export type ThemeKind = 'light' | 'dark';

/** What the task pane needs from wherever it runs (Excel, or the workbench beside an embedded workbook). */
export interface PaneHost {
  kind: 'excel' | 'workbench';
  runner: BatchRunner;
  displayLanguage: Lang;
  theme: ThemeKind;
  /** Opens a link in a browser window; only http and https are ever opened. */
  openUrl(url: string): void;
  /** Selects a cell such as "'Decisions'!C12" in the workbook. */
  selectCell(address: string): Promise<void>;
  /** Shows the pane (from a ribbon function in the shared runtime). */
  showPane(): Promise<void>;
  /**
   * Saves one sheet as a separate .xlsx file (the workbench downloads it; in Excel the sheet stays in the workbook).
   */
  saveSheetAsFile?(sheet: string, fileName: string): Promise<void>;
}

/**
 * Whether a link may be opened: http and https only; anything else (javascript:, file:, data:)
 * is shown as plain text.
 *
 * @example isOpenableUrl('javascript:alert(1)') // false
 */
export function isOpenableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Opens an http(s) link from the pane. Office's own browser window where the host has
 * OpenBrowserWindowApi (desktop); Excel on the web does not have it
 * (P reference/requirement-sets/common/open-browser-window-api-requirement-sets.md), so there the
 * link opens in a new browser tab, without the opener. Checked with isSetSupported at each click.
 * Returns how it opened, or undefined for a link that is not http(s).
 */
export function openLink(
  url: string,
  requirements: Requirements,
  openBrowserWindow: (url: string) => void,
  openTab: (url: string) => void,
): 'window' | 'tab' | undefined {
  if (!isOpenableUrl(url)) return undefined;
  if (requirements.isSetSupported('OpenBrowserWindowApi', '1.1')) {
    openBrowserWindow(url);
    return 'window';
  }
  openTab(url);
  return 'tab';
}

/** Light or dark from Office's body background (luminance below one half is dark). */
export function themeFromBackground(color: string | undefined): ThemeKind {
  const m = /^#?([0-9a-f]{6})$/i.exec(color ?? '');
  if (!m) return 'light';
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5 ? 'dark' : 'light';
}

/** The host inside Excel, from Office.js (call after Office.onReady). */
export function officeHost(): PaneHost {
  const runner = officeRunner();
  return {
    kind: 'excel',
    runner,
    displayLanguage: languageFromLocale(Office.context.displayLanguage),
    theme: themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor),
    openUrl(url) {
      openLink(
        url,
        Office.context.requirements,
        (u) => Office.context.ui.openBrowserWindow(u),
        (u) => window.open(u, '_blank', 'noopener,noreferrer'),
      );
    },
    selectCell: (address) => selectCellFlow(runner, address),
    showPane: () => Office.addin.showAsTaskpane(),
  };
}

/** Reads the page to open from the URL (`?page=sample`), so New sample can open the right page. */
export function pageFromUrl(search: string): PageId | undefined {
  const page = new URLSearchParams(search).get('page');
  return page && (PAGE_IDS as readonly string[]).includes(page) ? (page as PageId) : undefined;
}
