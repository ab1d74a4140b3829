/**
 * .csv in: UTF-8 with or without BOM, and Shift_JIS (what Japanese Excel writes by default),
 * detected with encoding-japanese and parsed with papaparse. Unlike Excel's own CSV opening, IDs
 * are protected: a number is only made of text that Excel would keep exactly (at most 15
 * significant digits and no leading zero); everything else stays text (see DIFFERENCES.md).
 */
import Encoding from 'encoding-japanese';
import Papa from 'papaparse';
import { WorkbookModel, type Value } from './model';

const SAFE_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** The text of CSV bytes, whatever the encoding, and which encoding it was. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  let data = bytes;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
  const detected = Encoding.detect(data);
  const encoding = detected === 'SJIS' || detected === 'EUCJP' || detected === 'JIS' ? detected : 'UTF8';
  const text = Encoding.convert(data, { to: 'UNICODE', from: encoding, type: 'string' }) as string;
  return { text, encoding };
}

/**
 * Reads CSV bytes into a one-sheet workbook model.
 *
 * @example const model = importCsv(fs.readFileSync('decisions.csv'), 'decisions');
 * Invalid input: empty bytes give an empty sheet; ragged rows are kept as they are.
 */
export function importCsv(bytes: Uint8Array, sheetName = 'Sheet1'): WorkbookModel {
  const { text } = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const model = new WorkbookModel();
  const sheet = model.addSheet(sheetName.slice(0, 31).replace(/[:\\/?*[\]]/g, '_') || 'Sheet1');
  const rows = parsed.data;
  // papaparse gives a trailing empty row for a final newline.
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  sheet.rows = rows.map((row) => row.map((cell): Value => (SAFE_NUMBER.test(cell) ? Number(cell) : cell)));
  return model;
}
