import { createWorkbook, type EmulatedWorkbook } from '../emulator';
import { importCsv } from '../emulator/csv';
import { exportXlsx, importXlsx } from '../emulator/xlsx';
import { generateDecisions } from '../core/demo/generateDecisions';
import type { Lang } from '../i18n';

/** Why a file could not be opened, as a message key's last part (the workbench says it in the analyst's language). */
export type OpenFailure = 'xls' | 'type' | 'unreadable';

export class OpenFileError extends Error {
  constructor(readonly reason: OpenFailure) {
    super(
      {
        xls: 'the old .xls format is not supported; save it as .xlsx',
        type: 'not an .xlsx or .csv file',
        unreadable: 'the file could not be read as a workbook',
      }[reason],
    );
  }
}

/** A workbook opened from a file's bytes: .xlsx with ExcelJS, .csv (UTF-8 or Shift_JIS) with papaparse. */
export async function openWorkbookFile(name: string, bytes: Uint8Array): Promise<EmulatedWorkbook> {
  const lower = name.toLowerCase();
  let model;
  if (lower.endsWith('.xls')) throw new OpenFileError('xls');
  if (!/\.(xlsx|csv|txt)$/.test(lower)) throw new OpenFileError('type');
  try {
    if (lower.endsWith('.xlsx')) model = await importXlsx(bytes);
    else
      model = importCsv(
        bytes,
        name
          .replace(/\.[^.]+$/, '')
          .slice(0, 31)
          .replace(/[\\/?*[\]:]/g, '_') || 'Sheet1',
      );
  } catch {
    throw new OpenFileError('unreadable');
  }
  const book = createWorkbook(model);
  book.model.activeSheet ??= book.model.sheets.find((s) => s.visibility === 'Visible');
  return book;
}

/** The workbook as .xlsx bytes, for the Save button. */
export function saveWorkbookBytes(book: EmulatedWorkbook): Promise<Uint8Array> {
  return exportXlsx(book.model);
}

/** Demo rows: a realistic decisions sheet, with English and Japanese values (headers in the given language). */
export const DEMO_ROWS = 400;

/**
 * The workbench's starting workbook: one decisions sheet of {@link DEMO_ROWS} (or `rows`) generated decisions
 * (about 2% with a deliberate problem), dated in the last 30 days. The workbook's culture follows
 * the language, as a Japanese Excel's would (pivot captions in Japanese).
 */
export function demoWorkbook(lang: Lang, now = Date.now(), rows = DEMO_ROWS): EmulatedWorkbook {
  const book = createWorkbook();
  book.model.culture = lang === 'ja' ? 'ja-JP' : 'en-US';
  const sheet = book.addSheet(
    lang === 'ja' ? '判定' : 'Decisions',
    generateDecisions({ rows, headers: lang, seed: 2026, now }),
  );
  sheet.columnWidths.set(0, 150);
  sheet.columnWidths.set(4, 120);
  sheet.columnWidths.set(8, 220);
  for (let c = 0; c < 12; c++) sheet.setFormat(0, c, { fontBold: true });
  // Serial dates show as dates, as they would in Excel.
  sheet.rows.forEach((row, r) => {
    if (r > 0 && typeof row?.[4] === 'number') sheet.setNumberFormat(r, 4, 'yyyy-mm-dd hh:mm');
  });
  sheet.freeze = { rows: 1, columns: 0 };
  book.model.activeSheet = sheet;
  book.model.selection = { sheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
  return book;
}

/** Triggers a browser download of bytes as a file. */
export function download(
  name: string,
  bytes: Uint8Array,
  type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
