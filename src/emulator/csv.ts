/**
 * .csv in: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text", tab-separated, and "CSV
 * UTF-16"), Shift_JIS (what Japanese Excel writes by default) and EUC-JP. Every line of the file
 * is either read into a row or named in an issue: a row with bytes that are not text in the
 * file's encoding, an unbalanced quote (read as a literal quote, not as the start of a cell that
 * swallows the rest of the file), a line with more or fewer cells than the header. Line endings
 * may be mixed (\r\n, \n, \r). Unlike Excel's own CSV opening, IDs are protected: a number is only
 * made of text that Excel would keep exactly (at most 15 significant digits and no leading zero);
 * everything else stays text (see DIFFERENCES.md).
 *
 * Why not papaparse here: it guesses one line ending for the whole file and lets one stray quote
 * swallow every later line; neither can be told apart from its output afterwards.
 */
import Encoding from 'encoding-japanese';
import { WorkbookModel, type Value } from './model';

const SAFE_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

export type CsvEncoding = 'UTF8' | 'UTF16LE' | 'UTF16BE' | 'SJIS' | 'EUCJP' | 'JIS';

/** A line the reader could not read as written. `row` is the 1-based sheet row it went to. */
export interface CsvIssue {
  code: 'invalid_bytes' | 'unbalanced_quote' | 'ragged_row';
  /** 1-based line of the file where the row starts. */
  line: number;
  row: number;
  /** ragged_row: the row's cells and the header's. */
  cells?: number;
  expected?: number;
  /** invalid_bytes: the encoding the file was read in. */
  encoding?: CsvEncoding;
}

export interface CsvReading {
  model: WorkbookModel;
  issues: CsvIssue[];
  encoding: CsvEncoding;
  delimiter: string;
}

/**
 * Shift_JIS (CP932) byte structure: single bytes, half-width kana, and
 * lead + trail pairs. A lead byte cut off at the very end is allowed.
 */
function isShiftJis(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) continue;
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      const t = bytes[i + 1];
      if (t === undefined) return true;
      if (t < 0x40 || t === 0x7f || t > 0xfc) return false;
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * Well-formed UTF-8 multibyte sequences and stray bytes: a UTF-8 file
 * with one damaged character has many of the first and one of the second.
 */
function utf8Evidence(bytes: Uint8Array): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] ?? 0) >> 6 === 2;
    if (ok) {
      good++;
      i += len - 1;
    } else bad++;
  }
  return { good, bad };
}

/** UTF-16 without a BOM: NUL in every other byte of ASCII text. */
function utf16Without(bytes: Uint8Array): 'UTF16LE' | 'UTF16BE' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd > n / 6 && even === 0) return 'UTF16LE';
  if (even > n / 6 && odd === 0) return 'UTF16BE';
  return undefined;
}

/**
 * The text of CSV bytes, whatever the encoding, which encoding it was, and whether some bytes
 * were not text in it (each became U+FFFD, so the line is kept and named).
 *
 * @example decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { text: 'a', encoding: 'UTF8', damaged: false }
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding; damaged: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF16LE', damaged: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF16BE', damaged: false };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const data = bom ? bytes.subarray(3) : bytes;
  const wide = bom ? undefined : utf16Without(data);
  if (wide)
    return {
      text: new TextDecoder(wide === 'UTF16LE' ? 'utf-16le' : 'utf-16be').decode(data),
      encoding: wide,
      damaged: false,
    };
  const utf8 = () => {
    try {
      return {
        text: new TextDecoder('utf-8', { fatal: true }).decode(data),
        encoding: 'UTF8' as const,
        damaged: false,
      };
    } catch {
      return { text: new TextDecoder('utf-8').decode(data), encoding: 'UTF8' as const, damaged: true };
    }
  };
  const first = utf8();
  if (!first.damaged || bom) return first;
  // Not valid UTF-8. Shift_JIS only when its byte structure holds and the bytes do not look like
  // UTF-8 with a few damaged characters (which must not become mojibake on every line).
  const { good, bad } = utf8Evidence(data);
  if (good <= bad && isShiftJis(data)) {
    const cut = (() => {
      let i = 0;
      while (i < data.length) i += (data[i] >= 0x81 && data[i] <= 0x9f) || (data[i] >= 0xe0 && data[i] <= 0xfc) ? 2 : 1;
      return i > data.length; // the last character lost its second byte
    })();
    const body = cut ? data.subarray(0, data.length - 1) : data;
    const text = Encoding.convert(body, { to: 'UNICODE', from: 'SJIS', type: 'string' }) as string;
    return { text: cut ? `${text}\uFFFD` : text, encoding: 'SJIS', damaged: cut };
  }
  if (good <= bad) {
    const detected = Encoding.detect(data);
    if (detected === 'EUCJP' || detected === 'JIS')
      return {
        text: Encoding.convert(data, { to: 'UNICODE', from: detected, type: 'string' }) as string,
        encoding: detected,
        damaged: false,
      };
  }
  return first;
}

/** The delimiter of the first line with more than one cell: tab (Excel's "Unicode text"), semicolon or comma. */
function delimiterOf(text: string): string {
  const end = text.search(/[\r\n]/);
  const line = end < 0 ? text : text.slice(0, Math.max(end, 0) || text.length);
  const count = (ch: string) => line.split(ch).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semis = count(';');
  if (tabs > 0 && tabs >= commas) return '\t';
  if (semis > commas) return ';';
  return ',';
}

interface CsvRecord {
  cells: string[];
  line: number;
  /** Position of the opening quote of a quoted cell that ran over a line end, if any. */
  spanningQuote: number;
  unterminated: boolean;
  /** Text between a closing quote and the delimiter: a sign the quote was not the cell's end. */
  strayAfterQuote: boolean;
}

/**
 * One record from `pos`: cells split on the delimiter, quotes doubled inside quoted cells, any of
 * \r\n, \n, \r ends it outside quotes. A quote at a position in `literal` is read as text.
 */
function readRecord(
  text: string,
  pos: number,
  delim: string,
  literal: Set<number>,
): { record: Omit<CsvRecord, 'line'>; next: number; lines: number } {
  const cells: string[] = [];
  let cell = '';
  let i = pos;
  let lines = 0;
  let spanningQuote = -1;
  let unterminated = false;
  let strayAfterQuote = false;
  for (;;) {
    // One cell.
    if (text[i] === '"' && !literal.has(i)) {
      const open = i;
      i++;
      for (;;) {
        if (i >= text.length) {
          unterminated = true;
          break;
        }
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\r' || ch === '\n') {
          if (spanningQuote < 0) spanningQuote = open;
          lines++;
          if (ch === '\r' && text[i + 1] === '\n') {
            cell += '\r\n';
            i += 2;
            continue;
          }
        }
        cell += ch;
        i++;
      }
      if (unterminated) spanningQuote = open;
      else if (i < text.length && text[i] !== delim && text[i] !== '\r' && text[i] !== '\n') strayAfterQuote = true;
    }
    // Unquoted text, or what follows a closing quote before the delimiter (kept, as Excel does).
    while (i < text.length && text[i] !== delim && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    cells.push(cell);
    cell = '';
    if (i < text.length && text[i] === delim) {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (i < text.length) i++;
    return { record: { cells, spanningQuote, unterminated, strayAfterQuote }, next: i, lines: lines + 1 };
  }
}

/**
 * Reads CSV bytes into a one-sheet workbook model, with every line it could not read as written.
 *
 * @example const { model, issues } = readCsv(fs.readFileSync('decisions.csv'), 'decisions');
 * Invalid input: empty bytes give an empty sheet and no issue.
 */
export function readCsv(bytes: Uint8Array, sheetName = 'Sheet1'): CsvReading {
  const { text, encoding, damaged } = decodeCsv(bytes);
  const delimiter = delimiterOf(text);
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  const literal = new Set<number>();
  let expected = 0;
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const { record, next, lines } = readRecord(text, pos, delimiter, literal);
    // A quoted cell that never closes, or that ran over lines into a record of the wrong width,
    // began with a stray quote: read that quote as text, and the record again.
    if (
      record.spanningQuote >= 0 &&
      (record.unterminated || record.strayAfterQuote || (expected > 0 && record.cells.length !== expected))
    ) {
      literal.add(record.spanningQuote);
      issues.push({ code: 'unbalanced_quote', line, row: records.length + 1 });
      continue;
    }
    const blank = record.cells.length === 1 && record.cells[0] === '';
    if (!expected && record.cells.length > 1) expected = record.cells.length;
    else if (expected && !blank && record.cells.length !== expected)
      issues.push({ code: 'ragged_row', line, row: records.length + 1, cells: record.cells.length, expected });
    records.push({ ...record, line });
    pos = next;
    line += lines;
  }
  if (damaged) {
    const seen = new Set(issues.filter((i) => i.code === 'invalid_bytes').map((i) => i.row));
    records.forEach((r, k) => {
      if (!seen.has(k + 1) && r.cells.some((c) => c.includes('\uFFFD')))
        issues.push({ code: 'invalid_bytes', line: r.line, row: k + 1, encoding });
    });
  }
  issues.sort((a, b) => a.row - b.row);
  // A final line ending gives no extra row.
  const model = new WorkbookModel();
  const sheet = model.addSheet(
    sheetName
      .slice(0, 31)
      .replace(/[:\\/?*[\]]/g, '_')
      .replace(/^'+|'+$/g, '') || 'Sheet1',
  );
  sheet.rows = records.map((r) =>
    r.cells.length === 1 && r.cells[0] === ''
      ? []
      : r.cells.map((cell): Value => (SAFE_NUMBER.test(cell) ? Number(cell) : cell)),
  );
  return { model, issues, encoding, delimiter };
}

/**
 * Reads CSV bytes into a one-sheet workbook model (the issues are dropped: use readCsv to show them).
 *
 * @example const model = importCsv(fs.readFileSync('decisions.csv'), 'decisions');
 * Invalid input: empty bytes give an empty sheet; ragged rows are kept as they are.
 */
export function importCsv(bytes: Uint8Array, sheetName = 'Sheet1'): WorkbookModel {
  return readCsv(bytes, sheetName).model;
}
