/**
 * The .xlsx reader: one pass over each sheet's XML, inflated a chunk at a time and scanned as
 * bytes, for every size of file (no second, lossy path for big ones). It keeps what the add-in
 * and the workbench read: values (shared and inline strings, numbers, booleans, errors, dates as
 * serials with their number formats), formulas with their cached values (filled-down shared
 * formulas expanded), fills and fonts, hidden sheets, rows and columns, column widths, freeze
 * panes, merged cells, hyperlink targets, tables, list validations, conditional formats, defined
 * names, PivotTables and charts. The package itself is kept beside the model (`sourceOf`), so the
 * writer can return every part the model does not hold as it was.
 */
import { columnIndex, columnLetter, MAX_COLUMN, type CellRect } from '../excelSpec';
import { localRect } from './errors';
import { pivots, type PivotModel } from './pivot';
import { WorkbookModel, type CellFormat, type ConditionalFormatModel, type SheetModel, type Value } from './model';
import { entryText, readZip, streamEntryAsync, type ZipEntry } from './zip';
import {
  BUILTIN_FORMATS,
  mainPrefix,
  unprefix,
  attrsOf,
  elements,
  firstElement,
  isoToSerial,
  parseRels,
  relsPathOf,
  unescapeXml,
  type Relationship,
} from './xlsxXml';
import { readChart } from './xlsxCharts';

/** Where a sheet of the model came from in the package, and what it held when read. */
export interface SheetSource {
  part: string;
  /** The sheet's element in workbook.xml, as written there. */
  element: string;
  fingerprint: string;
  /** The row array as read: a sheet whose rows were replaced wholesale has changed. */
  rows: unknown;
}

export interface PackageSource {
  entries: Map<string, ZipEntry>;
  sheets: Map<SheetModel, SheetSource>;
  /** Pivot names read from each sheet part (a sheet kept as it was keeps its pivots' parts). */
  pivotNames: Map<string, string[]>;
}

const sources = new WeakMap<WorkbookModel, PackageSource>();

/** The package a model was read from, or last written to, if any. */
export function sourceOf(model: WorkbookModel): PackageSource | undefined {
  return sources.get(model);
}

/** Records the package just written from the model: the next write keeps the sheets unchanged since. */
export function adoptSource(model: WorkbookModel, source: PackageSource): void {
  sources.set(model, source);
}

/** Why a file could not be read as .xlsx (the CLI and workbench turn it into their own message). */
export class XlsxFormatError extends Error {
  constructor(
    readonly reason: 'not-zip' | 'no-workbook' | 'encrypted' | 'xlsb',
    message: string,
  ) {
    super(message);
  }
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder();
type NodeBuffer = Uint8Array & {
  utf8Slice(a: number, b: number): string;
  latin1Slice(a: number, b: number): string;
  indexOf(seq: Uint8Array, from: number): number;
  lastIndexOf(seq: Uint8Array): number;
};
const NodeBuf = (globalThis as unknown as { Buffer?: { from(b: ArrayBufferLike, o: number, l: number): NodeBuffer } })
  .Buffer;

/** A chunk of bytes with fast, copying text slices (Node's Buffer where there is one). */
function textSlicer(b: Uint8Array) {
  if (NodeBuf) {
    const nb = NodeBuf.from(b.buffer, b.byteOffset, b.byteLength);
    return {
      utf8: (a: number, z: number) => nb.utf8Slice(a, z),
      ascii: (a: number, z: number) => nb.latin1Slice(a, z),
    };
  }
  return {
    utf8: (a: number, z: number) => utf8.decode(b.subarray(a, z)),
    ascii: (a: number, z: number) => latin1.decode(b.subarray(a, z)),
  };
}

function indexOfSeq(b: Uint8Array, seq: Uint8Array, from: number, to = b.length, far = false): number {
  if (NodeBuf && far) {
    // Long searches (the end of the sheet's data in a chunk) with Node's native search.
    const at = NodeBuf.from(b.buffer, b.byteOffset, b.byteLength).indexOf(seq, from);
    return at >= 0 && at <= to - seq.length ? at : -1;
  }
  for (let i = b.indexOf(seq[0], from); i >= 0 && i <= to - seq.length; i = b.indexOf(seq[0], i + 1)) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq[k]) k++;
    if (k === seq.length) return i;
  }
  return -1;
}

function lastIndexOfSeq(b: Uint8Array, seq: Uint8Array): number {
  if (NodeBuf) return NodeBuf.from(b.buffer, b.byteOffset, b.byteLength).lastIndexOf(seq);
  for (let i = b.lastIndexOf(seq[0]); i >= 0; i = i > 0 ? b.lastIndexOf(seq[0], i - 1) : -1) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq[k]) k++;
    if (k === seq.length) return i;
  }
  return -1;
}

const enc = new TextEncoder();
const SEQ = {
  sheetData: enc.encode('<sheetData'),
  sheetDataEnd: enc.encode('</sheetData>'),
  rowEnd: enc.encode('</row>'),
  isEnd: enc.encode('</is>'),
  siEnd: enc.encode('</si>'),
  rPhEnd: enc.encode('</rPh>'),
};

/**
 * The text of a string item (<si> or <is>) between a and z: its <t> runs, without the phonetic
 * guides (<rPh>) Japanese Excel adds.
 */
function stringItem(b: Uint8Array, a: number, z: number, text: ReturnType<typeof textSlicer>): string {
  let out = '';
  let j = a;
  for (;;) {
    const lt = b.indexOf(60, j);
    if (lt < 0 || lt >= z) break;
    const n1 = b[lt + 1];
    if (n1 === 116 /* t */ && (b[lt + 2] === 62 || b[lt + 2] === 32)) {
      const start = b.indexOf(62, lt) + 1;
      const end = b.indexOf(60, start);
      out += text.utf8(start, end);
      j = end;
    } else if (n1 === 114 && b[lt + 2] === 80 && b[lt + 3] === 104 /* rPh */) {
      const end = indexOfSeq(b, SEQ.rPhEnd, lt, z);
      j = end < 0 ? z : end + 6;
    } else j = lt + 1;
  }
  return out.includes('&') || out.includes('_x') ? unescapeXml(out) : out;
}

/** Feeds a part's bytes chunk by chunk to `scan`, which returns how many bytes it used; the rest is carried over. */
function scanPart(entry: ZipEntry, scan: (b: Uint8Array, final: boolean) => number): Promise<void> {
  let carry: Uint8Array | undefined;
  let prefix: Uint8Array | null | undefined;
  return streamEntryAsync(entry, (chunk, final) => {
    let b = chunk;
    if (carry && carry.length) {
      b = new Uint8Array(carry.length + chunk.length);
      b.set(carry);
      b.set(chunk, carry.length);
    }
    if (prefix === undefined) {
      const p = mainPrefix(latin1.decode(b.subarray(0, 4096)));
      prefix = p ? enc.encode(`${p}:`) : null;
    }
    if (prefix) b = dropPrefix(b, prefix);
    const used = scan(b, final);
    carry = used < b.length ? b.slice(used) : undefined;
  });
}

/** The bytes without `prefix` after each "<" and "</" (see unprefix). */
function dropPrefix(b: Uint8Array, prefix: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let o = 0;
  let i = 0;
  for (let lt = b.indexOf(60); lt >= 0; lt = b.indexOf(60, lt + 1)) {
    const at = b[lt + 1] === 47 ? lt + 2 : lt + 1;
    let k = 0;
    while (k < prefix.length && b[at + k] === prefix[k]) k++;
    if (k < prefix.length) continue;
    out.set(b.subarray(i, at), o);
    o += at - i;
    i = at + prefix.length;
  }
  out.set(b.subarray(i), o);
  return out.subarray(0, o + b.length - i);
}

async function readSharedStrings(entry: ZipEntry | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  await scanPart(entry, (b, final) => {
    const text = textSlicer(b);
    let used = 0;
    for (let i = b.indexOf(60); i >= 0; i = b.indexOf(60, i + 1)) {
      if (b[i + 1] !== 115 || b[i + 2] !== 105) continue; // <si
      if (b[i + 3] === 47) {
        out.push(''); // <si/>
        used = i + 5;
        continue;
      }
      const end = indexOfSeq(b, SEQ.siEnd, i);
      if (end < 0) return final ? b.length : i;
      out.push(stringItem(b, i, end, text));
      used = i = end + 4;
    }
    return final ? b.length : used;
  });
  return out;
}

interface Styles {
  /** For each cellXfs index, the model's style id in the sheet's styleTable (0: nothing to keep). */
  xf: { numberFormat?: string; format?: CellFormat }[];
  dxf: CellFormat[];
}

const rgbOf = (xml: string | undefined) => {
  const rgb = xml ? /rgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"/.exec(xml)?.[1] : undefined;
  return rgb ? `#${rgb.toUpperCase()}` : undefined;
};

function formatOf(font: string | undefined, fill: string | undefined, wrap: boolean): CellFormat | undefined {
  const f: CellFormat = {};
  if (font && /<b\/>|<b val="(1|true)"\/>/.test(font)) f.fontBold = true;
  const color = font?.includes('<color') ? rgbOf(font.slice(font.indexOf('<color'))) : undefined;
  if (color && color !== '#000000') f.fontColor = color;
  if (fill?.includes('patternType="solid"') && fill.includes('<fgColor')) {
    const c = rgbOf(fill.slice(fill.indexOf('<fgColor')));
    if (c) f.fill = c;
  }
  if (wrap) f.wrapText = true;
  return Object.keys(f).length ? f : undefined;
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { xf: [], dxf: [] };
  const custom = new Map<number, string>();
  for (const { attrs } of elements(xml, 'numFmt')) custom.set(Number(attrs.numFmtId), attrs.formatCode);
  const section = (name: string) => firstElement(xml, name)?.inner ?? '';
  const fonts = elements(section('fonts'), 'font').map((e) => e.inner);
  const fills = elements(section('fills'), 'fill').map((e) => e.inner);
  const xf = elements(section('cellXfs'), 'xf').map(({ attrs, inner }) => {
    const id = Number(attrs.numFmtId ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
    const format = formatOf(
      fonts[Number(attrs.fontId ?? 0)],
      fills[Number(attrs.fillId ?? 0)],
      /wrapText="(1|true)"/.test(inner),
    );
    return { numberFormat: code === 'General' ? undefined : code, format };
  });
  const dxf = elements(section('dxfs'), 'dxf').map(({ inner }) => {
    const font = firstElement(inner, 'font')?.inner;
    const fill = firstElement(inner, 'fill')?.inner;
    const f: CellFormat = {};
    if (font && /<b\/>|<b val="(1|true)"\/>/.test(font)) f.fontBold = true;
    const fc = rgbOf(font);
    if (fc) f.fontColor = fc;
    const bg = fill
      ? rgbOf(
          firstElement(fill, 'bgColor') ? fill.slice(fill.indexOf('<bgColor')) : fill.slice(fill.indexOf('<fgColor')),
        )
      : undefined;
    if (bg) f.fill = bg;
    return f;
  });
  return { xf, dxf };
}

/** A formula's text split into literal pieces and cell references, to move it down a filled range. */
type FormulaTemplate = (string | { colAbs: boolean; col: number; rowAbs: boolean; row: number })[];

const CELL_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![0-9A-Za-z_(!])/g;

function formulaTemplate(text: string): FormulaTemplate {
  const out: FormulaTemplate = [];
  // Strings ("…"), quoted sheet names ('…') and structured references ([…]) hold no references to move.
  const pieces = text.split(/("(?:[^"]|"")*"|'(?:[^']|'')*'|\[[^\]]*\])/);
  for (const piece of pieces) {
    if (!piece) continue;
    if (piece[0] === '"' || piece[0] === "'" || piece[0] === '[') {
      out.push(piece);
      continue;
    }
    let last = 0;
    for (const m of piece.matchAll(CELL_REF)) {
      const letters = m[2].toUpperCase();
      if (letters.length === 3 && letters > 'XFD') continue;
      const col = columnIndex(letters);
      out.push(piece.slice(last, m.index));
      out.push({ colAbs: m[1] === '$', col, rowAbs: m[3] === '$', row: Number(m[4]) - 1 });
      last = m.index! + m[0].length;
    }
    out.push(piece.slice(last));
  }
  return out;
}

function moveFormula(t: FormulaTemplate, dRow: number, dCol: number): string {
  let s = '=';
  for (const p of t) {
    if (typeof p === 'string') s += p;
    else {
      const c = p.colAbs ? p.col : p.col + dCol;
      const r = p.rowAbs ? p.row : p.row + dRow;
      const letters = c >= 0 && c < MAX_COLUMN ? columnLetter(c) : '#REF!';
      s += `${p.colAbs ? '$' : ''}${letters}${p.rowAbs ? '$' : ''}${r + 1}`;
    }
  }
  return s;
}

function parseNumber(b: Uint8Array, a: number, z: number, text: ReturnType<typeof textSlicer>): number {
  let i = a;
  const neg = b[i] === 45;
  if (neg) i++;
  let n = 0;
  for (; i < z; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === z && z - a < 16) return neg ? -n : n;
  return Number(text.ascii(a, z));
}

const ERROR_OR_TEXT = (s: string): Value => s;

/** Reads one worksheet part into the sheet: cells in one streaming pass, then the small parts around them. */
async function readSheet(
  entry: ZipEntry,
  sheet: SheetModel,
  strings: string[],
  styles: Styles,
  styleIds: Map<number, number>,
): Promise<{ head: string; tail: string }> {
  let state: 'head' | 'data' | 'tail' = 'head';
  const head: string[] = [];
  const tail: string[] = [];
  let row = -1;
  const shared = new Map<string, { template: FormulaTemplate; row: number; col: number }>();
  // Inline strings repeat (a verdict, a market, a queue in every row): one copy of each short one
  // keeps a full sheet's live objects, and so the garbage collector's work, a fraction as big.
  const interned = new Map<string, string>();
  const intern = (v: string): string => {
    if (v.length > 32) return v;
    const seen = interned.get(v);
    if (seen !== undefined) return seen;
    if (interned.size < 200_000) interned.set(v, v);
    return v;
  };
  const styleOf = (xf: number): number => {
    let id = styleIds.get(xf);
    if (id === undefined) {
      const st = styles.xf[xf];
      id = st && (st.numberFormat || st.format) ? sheet.styleTable.push(st) - 1 : 0;
      styleIds.set(xf, id);
    }
    return id;
  };
  const setStyle = (r: number, c: number, id: number) => {
    let col = sheet.styleColumns[c];
    if (!col || col.length <= r) {
      const grown = new Uint16Array(Math.max(1024, (r + 1) * 2));
      if (col) grown.set(col);
      col = sheet.styleColumns[c] = grown;
    }
    col[r] = id;
  };
  const scanRows = (b: Uint8Array, from: number, to: number) => {
    const text = textSlicer(b);
    let values: Value[] | undefined;
    let col = -1;
    for (let i = b.indexOf(60, from); i >= 0 && i < to; i = b.indexOf(60, i)) {
      const n1 = b[i + 1];
      if (n1 === 99 /* c */ && (b[i + 2] === 32 || b[i + 2] === 62 || b[i + 2] === 47)) {
        // <c r="B2" s="3" t="s">
        let j = i + 2;
        let type = 0; // 0 n, 1 s, 2 str, 3 b, 4 e, 5 inlineStr, 6 d
        let xf = 0;
        let explicitCol = -1;
        for (;;) {
          while (b[j] === 32 || b[j] === 10 || b[j] === 13 || b[j] === 9) j++;
          if (b[j] === 62 || b[j] === 47) break;
          const nameStart = j;
          while (b[j] !== 61) j++;
          const nameLen = j - nameStart;
          const q = b[j + 1];
          const vs = j + 2;
          const ve = b.indexOf(q, vs);
          if (nameLen === 1) {
            const n = b[nameStart];
            if (n === 114) {
              let c = 0;
              let k = vs;
              for (; k < ve && b[k] >= 65; k++) c = c * 26 + (b[k] & 0x1f);
              explicitCol = c - 1;
            } else if (n === 115) {
              for (let k = vs; k < ve; k++) xf = xf * 10 + b[k] - 48;
            } else if (n === 116) {
              const t0 = b[vs];
              type =
                t0 === 115
                  ? ve - vs === 1
                    ? 1
                    : 2
                  : t0 === 98
                    ? 3
                    : t0 === 101
                      ? 4
                      : t0 === 105
                        ? 5
                        : t0 === 100
                          ? 6
                          : 0;
            }
          }
          j = ve + 1;
        }
        col = explicitCol >= 0 ? explicitCol : col + 1;
        if (xf) {
          const id = styleOf(xf);
          if (id) setStyle(row, col, id);
        }
        if (b[j] === 47) {
          i = j + 2;
          continue;
        }
        // Cell content: <f>, <v>, <is>, up to </c>.
        let value: Value | undefined;
        let formula: string | undefined;
        j++;
        for (;;) {
          const lt = b.indexOf(60, j);
          if (lt < 0) {
            i = to;
            break;
          }
          const m1 = b[lt + 1];
          if (m1 === 47) {
            // </c>
            i = lt + 4;
            break;
          }
          if (m1 === 118 /* v */) {
            const vs = b.indexOf(62, lt) + 1;
            const ve = b.indexOf(60, vs);
            if (type === 0) value = parseNumber(b, vs, ve, text);
            else if (type === 1) value = strings[parseNumber(b, vs, ve, text)] ?? '';
            else if (type === 3) value = b[vs] === 49;
            else if (type === 6) value = isoToSerial(text.ascii(vs, ve));
            else {
              const s = text.utf8(vs, ve);
              value = s.includes('&') || s.includes('_x') ? unescapeXml(s) : s;
              if (type === 4) value = ERROR_OR_TEXT(value);
            }
            j = ve + 4;
          } else if (m1 === 102 /* f */) {
            const gt = b.indexOf(62, lt);
            const selfClosing = b[gt - 1] === 47;
            const attrs = gt - lt > 3 ? attrsOf(text.ascii(lt + 2, gt)) : {};
            let body = '';
            if (!selfClosing) {
              const fe = b.indexOf(60, gt + 1);
              body = text.utf8(gt + 1, fe);
              if (body.includes('&')) body = unescapeXml(body);
              j = fe + 4;
            } else j = gt + 1;
            if (attrs.t === 'shared' && attrs.si !== undefined) {
              const master = shared.get(attrs.si);
              if (body) {
                shared.set(attrs.si, { template: formulaTemplate(body), row, col });
                formula = `=${body}`;
              } else if (master) formula = moveFormula(master.template, row - master.row, col - master.col);
            } else if (body && attrs.t !== 'dataTable') formula = `=${body}`;
          } else if (m1 === 105 && b[lt + 2] === 115 /* is */) {
            const end = indexOfSeq(b, SEQ.isEnd, lt);
            value = intern(stringItem(b, lt, end, text));
            j = end + 5;
          } else j = lt + 1;
        }
        if (value === undefined && formula === undefined) continue;
        if (!values) values = sheet.rows[row] = [];
        while (values.length < col) values.push('');
        values[col] = value ?? '';
        if (formula !== undefined) sheet.formulas.set(row * MAX_COLUMN + col, formula);
      } else if (n1 === 114 && b[i + 2] === 111 && b[i + 3] === 119 /* row */) {
        const gt = b.indexOf(62, i);
        const tag = text.ascii(i + 4, gt);
        const r = / r="(\d+)"/.exec(` ${tag}`);
        row = r ? Number(r[1]) - 1 : row + 1;
        if (/hidden="(1|true)"/.test(tag)) sheet.hiddenRows.add(row);
        values = sheet.rows[row];
        col = -1;
        i = gt + 1;
      } else i++;
    }
  };
  await scanPart(entry, (b, final) => {
    if (state === 'head') {
      const at = indexOfSeq(b, SEQ.sheetData, 0, b.length, true);
      if (at < 0) {
        if (!final) return 0;
        head.push(utf8.decode(b));
        return b.length;
      }
      head.push(utf8.decode(b.subarray(0, at)));
      const gt = b.indexOf(62, at);
      if (b[gt - 1] === 47) {
        state = 'tail';
        tail.push(utf8.decode(b.subarray(gt + 1)));
        return b.length;
      }
      state = 'data';
      b = b.subarray(gt + 1);
      const used = scanData(b, final);
      return gt + 1 + used;
    }
    if (state === 'data') return scanData(b, final);
    tail.push(utf8.decode(b, { stream: !final }));
    return b.length;
  });
  function scanData(b: Uint8Array, final: boolean): number {
    const end = indexOfSeq(b, SEQ.sheetDataEnd, 0, b.length, true);
    if (end >= 0) {
      scanRows(b, 0, end);
      state = 'tail';
      tail.push(utf8.decode(b.subarray(end)));
      return b.length;
    }
    if (final) {
      scanRows(b, 0, b.length);
      return b.length;
    }
    const lastRow = lastIndexOfSeq(b, SEQ.rowEnd);
    if (lastRow < 0) return 0;
    scanRows(b, 0, lastRow + 6);
    return lastRow + 6;
  }
  return { head: head.join(''), tail: tail.join('') };
}

function rectsOf(sqref: string): CellRect[] {
  const out: CellRect[] = [];
  for (const ref of sqref.trim().split(/\s+/)) {
    try {
      out.push(localRect(ref.includes(':') ? ref : `${ref}:${ref}`));
    } catch {
      // a reference the model cannot hold (whole rows or columns written oddly) stays only in the file
    }
  }
  return out;
}

/** Views, columns and protection before the cells; merges, links, validation and conditional formats after them. */
function readSheetSettings(
  sheet: SheetModel,
  head: string,
  tail: string,
  rels: Relationship[],
  styles: Styles,
  model: WorkbookModel,
): void {
  const pane = firstElement(head, 'pane')?.attrs;
  if (pane?.state === 'frozen' || pane?.state === 'frozenSplit')
    sheet.freeze = { rows: Number(pane.ySplit ?? 0), columns: Number(pane.xSplit ?? 0) };
  for (const { attrs } of elements(head, 'col')) {
    for (let c = Number(attrs.min) - 1; c < Math.min(Number(attrs.max), MAX_COLUMN); c++) {
      if (attrs.width && attrs.customWidth !== '0') sheet.columnWidths.set(c, Math.round(Number(attrs.width) * 7));
      if (attrs.hidden === '1' || attrs.hidden === 'true') sheet.hiddenColumns.add(c);
      // a style for "all columns": not widths worth a map entry each
      if (Number(attrs.max) - Number(attrs.min) > 1000) break;
    }
  }
  const protection = firstElement(tail, 'sheetProtection')?.attrs ?? firstElement(head, 'sheetProtection')?.attrs;
  if (protection && (protection.sheet === '1' || protection.sheet === 'true')) sheet.protected = true;
  for (const { attrs } of elements(tail, 'mergeCell')) sheet.merges.push(...rectsOf(attrs.ref));
  const relById = new Map(rels.map((r) => [r.id, r]));
  for (const { attrs } of elements(tail, 'hyperlink')) {
    const rel = attrs['r:id'] ? relById.get(attrs['r:id']) : undefined;
    const target = rel
      ? rel.target + (attrs.location ? `#${attrs.location}` : '')
      : attrs.location
        ? `#${attrs.location}`
        : undefined;
    if (!target) continue;
    for (const rect of rectsOf(attrs.ref)) {
      for (let r = rect.row; r < rect.row + Math.min(rect.rowCount, 100000); r++)
        for (let c = rect.column; c < rect.column + rect.columnCount; c++)
          sheet.hyperlinks.set(r * MAX_COLUMN + c, target);
    }
  }
  // List validations, in the main part and in Excel 2010's extension (references to other sheets).
  const lists: { sqref: string; formula: string; attrs: Record<string, string> }[] = [];
  for (const { attrs, inner } of elements(tail, 'dataValidation')) {
    if (attrs.type !== 'list') continue;
    const f = firstElement(inner, 'formula1')?.inner;
    const sqref = attrs.sqref ?? firstElement(inner, 'sqref')?.inner;
    const ext = firstElement(inner, 'f')?.inner;
    const formula = ext ?? f;
    if (formula !== undefined && sqref)
      lists.push({ sqref, formula: unescapeXml(formula.replace(/<[^>]+>/g, '')), attrs });
  }
  for (const v of lists) {
    const source = v.formula.startsWith('"') ? v.formula.slice(1, -1).replace(/""/g, '"') : `=${v.formula}`;
    const errorStyle =
      v.attrs.errorStyle === 'warning' ? 'Warning' : v.attrs.errorStyle === 'information' ? 'Information' : 'Stop';
    for (const rect of rectsOf(v.sqref))
      sheet.validations.push({
        rect,
        source,
        inCellDropDown: v.attrs.showDropDown !== '1',
        errorStyle,
        ignoreBlanks: v.attrs.allowBlank === '1' || v.attrs.allowBlank === 'true',
      });
  }
  for (const { attrs: cfAttrs, inner } of elements(tail, 'conditionalFormatting')) {
    for (const { attrs, inner: ruleXml } of elements(inner, 'cfRule')) {
      const formulas = elements(ruleXml, 'formula').map((e) => unescapeXml(e.inner));
      const format = attrs.dxfId !== undefined ? (styles.dxf[Number(attrs.dxfId)] ?? {}) : {};
      let type: ConditionalFormatModel['type'];
      let rule: Record<string, string>;
      if (attrs.type === 'cellIs') {
        type = 'CellValue';
        const op = attrs.operator ?? 'equal';
        // Office.js names: EqualTo, NotEqualTo, GreaterThan, Between… (OOXML: equal, notEqual, greaterThan, between…)
        rule = {
          operator: op[0].toUpperCase() + op.slice(1) + (op === 'equal' || op === 'notEqual' ? 'To' : ''),
          formula1: formulas[0] ?? '',
          ...(formulas[1] !== undefined ? { formula2: formulas[1] } : {}),
        };
      } else if (attrs.type === 'containsText') {
        type = 'ContainsText';
        rule = { operator: 'Contains', text: attrs.text ?? '' };
      } else if (attrs.type === 'expression') {
        type = 'Custom';
        rule = { formula: `=${formulas[0] ?? ''}` };
      } else continue; // colour scales, data bars, icon sets: kept in the file, not modelled
      for (const rect of rectsOf(cfAttrs.sqref ?? ''))
        sheet.conditionalFormats.push({
          id: model.newId('cf'),
          rect,
          type,
          rule,
          format,
          stopIfTrue: attrs.stopIfTrue === '1',
        });
    }
  }
}

/**
 * What a sheet holds, in short, to tell at save time whether anything changed since it was read:
 * the model's edit counter (every cell, formula and format write goes through SheetModel's
 * methods, which count), the row array itself, and the sheet's smaller structures.
 */
export function fingerprint(model: WorkbookModel, sheet: SheetModel): string {
  return JSON.stringify([
    sheet.revision,
    sheet.rows.length,
    sheet.formulas.size,
    sheet.numberFormats.size,
    sheet.formats.size,
    sheet.validations,
    sheet.conditionalFormats.map((c) => [c.rect, c.type, c.rule, c.format]),
    sheet.charts,
    [...sheet.columnWidths],
    sheet.freeze,
    sheet.protected,
    sheet.merges,
    sheet.hyperlinks.size,
    [...sheet.hiddenRows].length,
    [...sheet.hiddenColumns],
    model.tables.filter((t) => t.sheet === sheet).map((t) => [t.name, t.rect, t.style, t.showBandedRows]),
    pivots(model)
      .filter((p) => p.sheet === sheet)
      .map((p) => [p.name, p.at, p.rows, p.columns, p.data, p.filters, p.layout, p.autoFormat]),
  ]);
}

/**
 * Reads .xlsx (or .xlsm) bytes into a workbook model, and keeps the package beside it for the writer.
 *
 * @example const model = await readXlsx(fs.readFileSync('decisions.xlsx'));
 */
export async function readXlsx(bytes: Uint8Array): Promise<WorkbookModel> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new XlsxFormatError('encrypted', 'an encrypted workbook or an old .xls file (OLE container)');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new XlsxFormatError('not-zip', 'not an .xlsx file (no zip container)');
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZip(bytes);
  } catch (error) {
    throw new XlsxFormatError('not-zip', `not an .xlsx file (${(error as Error).message})`);
  }
  // Part names compare without regard to case (OPC): a target "sheet1.xml" finds "Sheet1.xml".
  const lower = new Map([...entries].map(([k, v]) => [k.toLowerCase(), v]));
  const entryOf = (name: string) => entries.get(name) ?? lower.get(name.toLowerCase());
  const text = (name: string) => {
    const e = entryOf(name);
    return e ? unprefix(entryText(e)) : undefined;
  };
  const rootRels = parseRels(text('_rels/.rels') ?? '', '');
  const bookPart = rootRels.find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  if (bookPart.endsWith('.bin')) throw new XlsxFormatError('xlsb', 'a binary workbook (.xlsb)');
  const bookXml = text(bookPart);
  if (!bookXml) throw new XlsxFormatError('no-workbook', 'the package has no workbook part');
  const bookRels = parseRels(text(relsPathOf(bookPart)) ?? '', bookPart);
  const relOf = (id: string) => bookRels.find((r) => r.id === id);
  const strings = await readSharedStrings(entryOf(bookRels.find((r) => r.type === 'sharedStrings')?.target ?? ''));
  const styles = readStyles(text(bookRels.find((r) => r.type === 'styles')?.target ?? ''));
  const model = new WorkbookModel();
  const source: PackageSource = { entries, sheets: new Map(), pivotNames: new Map() };
  const caches = new Map<string, string>();
  for (const { attrs } of elements(bookXml, 'pivotCache')) {
    const part = relOf(attrs['r:id'])?.target;
    if (part) caches.set(attrs.cacheId, part);
  }
  const read: { sheet: SheetModel; part: string; rels: Relationship[] }[] = [];
  const sheetsXml = firstElement(bookXml, 'sheets')?.inner ?? '';
  const sheetElements = /<sheet\s[^>]*\/>|<sheet\s[^>]*>[\s\S]*?<\/sheet>/g;
  for (const m of sheetsXml.matchAll(sheetElements)) {
    const attrs = attrsOf(m[0]);
    const part = relOf(attrs['r:id'])?.target;
    const entry = part ? entryOf(part) : undefined;
    // chart sheets and dialog sheets stay in the file only
    if (!part || !entry || relOf(attrs['r:id'])?.type !== 'worksheet') continue;
    const sheet = model.addSheet(attrs.name);
    sheet.visibility = attrs.state === 'hidden' ? 'Hidden' : attrs.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    const { head, tail } = await readSheet(entry, sheet, strings, styles, new Map());
    const rels = parseRels(text(relsPathOf(part)) ?? '', part);
    readSheetSettings(sheet, head, tail, rels, styles, model);
    read.push({ sheet, part, rels });
    source.sheets.set(sheet, { part: entry.name, element: m[0], fingerprint: '', rows: sheet.rows });
  }
  for (const { sheet, rels } of read) {
    for (const rel of rels) {
      if (rel.type !== 'table') continue;
      const xml = text(rel.target);
      const t = xml ? firstElement(xml, 'table')?.attrs : undefined;
      if (!t?.ref) continue;
      const style = firstElement(xml!, 'tableStyleInfo')?.attrs;
      model.tables.push({
        id: model.newId('table'),
        name: t.displayName ?? t.name,
        sheet,
        rect: localRect(t.ref),
        style: style?.name ?? 'TableStyleMedium2',
        showBandedRows: style?.showRowStripes !== '0',
      });
    }
  }
  for (const { sheet, part, rels } of read) {
    const names: string[] = [];
    for (const rel of rels) {
      if (rel.type === 'pivotTable') {
        const pivot = readPivot(model, sheet, text(rel.target) ?? '', (id) => {
          const cachePart = caches.get(id);
          return cachePart ? text(cachePart) : undefined;
        });
        if (pivot) names.push(pivot.name);
      } else if (rel.type === 'drawing') {
        const drawingRels = parseRels(text(relsPathOf(rel.target)) ?? '', rel.target);
        const drawing = text(rel.target) ?? '';
        for (const chartRel of drawingRels.filter((r) => r.type === 'chart')) {
          const chart = readChart(text(chartRel.target) ?? '', drawing, chartRel.id);
          if (chart) sheet.charts.push({ id: model.newId('chart'), ...chart });
        }
      }
    }
    source.pivotNames.set(part, names);
  }
  for (const { name, attrs, inner } of elements(bookXml, 'definedName').map((e) => ({
    name: e.attrs.name,
    attrs: e.attrs,
    inner: e.inner,
  }))) {
    // print areas and sheet-scoped names stay in the file
    if (!name || name.startsWith('_xlnm.') || attrs.localSheetId !== undefined) continue;
    model.names.set(name.toLowerCase(), { name, reference: `=${unescapeXml(inner)}`, comment: attrs.comment ?? '' });
  }
  const active = Number(firstElement(bookXml, 'workbookView')?.attrs.activeTab ?? 0);
  model.activeSheet = model.sheets[active] ?? model.sheets[0];
  for (const [sheet, s] of source.sheets) s.fingerprint = fingerprint(model, sheet);
  sources.set(model, source);
  return model;
}

const SHOW_AS: Record<string, PivotModel['data'][number]['showAs']> = {
  percentOfRow: 'PercentOfRowTotal',
  percentOfCol: 'PercentOfColumnTotal',
  percentOfTotal: 'PercentOfGrandTotal',
};

/** A PivotTable part (and its cache's source and field names) as the model's pivot, laid out where the file has it. */
function readPivot(
  model: WorkbookModel,
  sheet: SheetModel,
  xml: string,
  cacheXml: (id: string) => string | undefined,
): PivotModel | undefined {
  const def = firstElement(xml, 'pivotTableDefinition')?.attrs;
  const location = firstElement(xml, 'location')?.attrs;
  const cache = def ? cacheXml(def.cacheId) : undefined;
  if (!def || !location || !cache) return undefined;
  const ws = firstElement(cache, 'worksheetSource')?.attrs;
  if (!ws) return undefined;
  const fields = elements(cache, 'cacheField').map((e) => e.attrs.name);
  const axis = (name: string) =>
    elements(firstElement(xml, name)?.inner ?? '', 'field')
      .map((e) => Number(e.attrs.x))
      .filter((x) => x >= 0)
      .map((x) => fields[x]);
  const source = (): { sheet: SheetModel; rect: CellRect } => {
    if (ws.name) {
      const t = model.tables.find((x) => x.name.toLowerCase() === ws.name.toLowerCase());
      if (t) return { sheet: t.sheet, rect: t.rect };
    }
    return { sheet: model.sheet(ws.sheet ?? '') ?? sheet, rect: localRect(ws.ref ?? 'A1:A1') };
  };
  const data = elements(firstElement(xml, 'dataFields')?.inner ?? '', 'dataField').map(({ attrs }) => ({
    field: fields[Number(attrs.fld)],
    name: attrs.name ?? fields[Number(attrs.fld)],
    summarizeBy: (attrs.subtotal === 'count' ? 'Count' : attrs.subtotal === 'average' ? 'Average' : 'Sum') as
      'Count' | 'Sum' | 'Average',
    showAs: SHOW_AS[attrs.showDataAs ?? ''] ?? 'None',
  }));
  const rect = localRect(location.ref);
  const firstDataRow = Number(location.firstDataRow ?? 1);
  const firstDataCol = Number(location.firstDataCol ?? 1);
  const pivot: PivotModel = {
    id: model.newId('pivot'),
    name: def.name,
    sheet,
    at: { row: rect.row, column: rect.column },
    source,
    rows: axis('rowFields'),
    columns: axis('colFields'),
    data,
    filters: elements(firstElement(xml, 'pageFields')?.inner ?? '', 'pageField').map(
      (e) => fields[Number(e.attrs.fld)],
    ),
    layout: def.compact === '0' ? (def.outline === '1' ? 'Outline' : 'Tabular') : 'Compact',
    // "Autofit column widths on update" is PivotLayout.autoFormat.
    autoFormat: def.useAutoFormatting === '1' || def.useAutoFormatting === 'true',
    rendered: {
      rect,
      body: {
        row: rect.row + firstDataRow,
        column: rect.column + firstDataCol,
        rowCount: Math.max(1, rect.rowCount - firstDataRow),
        columnCount: Math.max(1, rect.columnCount - firstDataCol),
      },
      rowLabels: {
        row: rect.row + firstDataRow,
        column: rect.column,
        rowCount: Math.max(1, rect.rowCount - firstDataRow),
        columnCount: 1,
      },
    },
  };
  pivots(model).push(pivot);
  return pivot;
}
