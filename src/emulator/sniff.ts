/**
 * What a file really is, from its first bytes and its package's part names, whatever its name
 * says: an .xlsx, a CSV/text file, or one of the files people hand over instead (an encrypted
 * workbook, an old .xls, an .xlsb, an .ods, an HTML "Excel" export). Pure bytes, no I/O, so the
 * CLI and the workbench name the same things.
 */

export type FileKind =
  | 'empty'
  | 'damaged'
  | 'xlsx'
  | 'text'
  | 'encrypted'
  | 'xls'
  | 'xlsb'
  | 'ods'
  | 'zip'
  | 'compound'
  | 'html'
  | 'pdf'
  | 'binary';

/** Whether the bytes hold a text (Latin-1 or UTF-16LE) in their first 64 KB or last 4 MB (a zip's directory). */
function has(bytes: Uint8Array, text: string, utf16 = false): boolean {
  const needle = Array.from(text, (ch) => (utf16 ? [ch.charCodeAt(0), 0] : [ch.charCodeAt(0)])).flat();
  const scan = (from: number, to: number) => {
    for (let i = from; i <= to - needle.length; i++) {
      if (bytes[i] !== needle[0]) continue;
      let k = 1;
      while (k < needle.length && bytes[i + k] === needle[k]) k++;
      if (k === needle.length) return true;
    }
    return false;
  };
  const head = Math.min(bytes.length, 65536);
  return scan(0, head) || scan(Math.max(head - needle.length, bytes.length - 4 * 1024 * 1024), bytes.length);
}
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Whether the zip's end-of-central-directory record is in its last 64 KB + 22 bytes. */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/**
 * The kind of a file's content.
 *
 * @example sniffFile(fs.readFileSync('decisions.xlsx')) // 'xlsx'
 * Invalid input: zero bytes give 'empty'; unknown binary gives 'binary'.
 */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // A zip ends with its directory (end record "PK\x05\x06"): without it the file was cut short.
    if (!hasEndRecord(bytes)) return 'damaged';
    // Part names are stored uncompressed in the zip's headers.
    if (has(bytes, 'xl/workbook.xml')) return 'xlsx';
    if (has(bytes, 'xl/workbook.bin')) return 'xlsb';
    if (has(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: Office's password protection wraps the .xlsx in one ("EncryptionInfo",
    // "EncryptedPackage"); an Excel 97–2003 workbook holds a "Workbook" (or "Book") stream.
    if (has(bytes, 'EncryptedPackage', true) || has(bytes, 'EncryptionInfo', true)) return 'encrypted';
    if (has(bytes, 'Workbook', true) || has(bytes, 'Book', true)) return 'xls';
    return 'compound';
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart()
    .toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    head.startsWith('<table') ||
    (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet'))
  )
    return 'html';
  // UTF-16 text has a BOM or NULs in every other byte; other text has no NUL at all.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'text';
  const sample = bytes.subarray(0, 4096);
  let nul = 0;
  let control = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (nul === 0 && control <= sample.length / 100) return 'text';
  if (nul >= sample.length / 3 && control <= sample.length / 20) return 'text'; // UTF-16 without a BOM
  return 'binary';
}
