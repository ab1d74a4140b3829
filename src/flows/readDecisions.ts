import { cellAddress } from '../excelSpec';
import { detectMapping, type Mapping } from '../core/mapping/detectMapping';
import { REQUIRED_FIELDS } from '../core/model';
import type { CellValue } from '../excelSpec';
import { rowsBytes, rowsPerChunk } from './chunks';
import { FlowError, throwIfCancelled, type BatchRunner, type FlowControl } from './host';
import { queueConfirmedMappings, staleMappingField } from './settings';
import { isOwnSheet } from './sheets';

/** Where the decisions are: the sheet, its header row, its columns and the field mapping. */
export interface DecisionsLocation {
  sheet: string;
  /** 0-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet row of the last used row. */
  lastRow: number;
  /** Columns read, from A (so mapping indexes are sheet columns). */
  columnCount: number;
  headers: string[];
  /** Columns the header names (its last non-empty cell + 1): text past it is a ragged row. */
  headerWidth: number;
  mapping: Mapping;
  /** Rows per read that keep each request under the payload budget. */
  chunkRows: number;
  /** UTF-8 JSON bytes of one row's values, from the rows under the header (for sizing reads). */
  bytesPerRow?: number;
}

const HEADER_SCAN = 30;
/** Rows handed to the checker between two pauses, when the caller pauses (the pane). */
const PAUSE_ROWS = 1000;

/**
 * The decisions sheet, its used range and the confirmed mappings, in one sync: the named sheet,
 * else the active one. When the active sheet is one of the add-in's own (an analyst on her
 * inspection sheet presses Validate), the sheet with a confirmed mapping is used instead, else
 * the first visible sheet that is not the add-in's (one more sync, only then).
 */
export async function resolveDecisionsSheet(context: Excel.RequestContext, sheetName?: string) {
  const sheets = context.workbook.worksheets;
  const usedRangeOf = (sheet: Excel.Worksheet) => {
    sheet.load('name');
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('rowIndex, columnIndex, rowCount, columnCount');
    return range;
  };
  let ws = sheetName ? sheets.getItemOrNullObject(sheetName) : sheets.getActiveWorksheet();
  ws.load('visibility');
  let used = usedRangeOf(ws);
  if (!sheetName) sheets.load('items/name, items/visibility');
  const confirmedFor = queueConfirmedMappings(context);
  await context.sync();
  if (ws.isNullObject) throw new FlowError('flow.error.noSheet', { sheet: sheetName ?? '' });
  // A hidden or very hidden sheet is never taken for the decisions sheet unless named (a file may open on one).
  if (!sheetName && (isOwnSheet(ws.name) || ws.visibility !== 'Visible')) {
    const candidates = sheets.items.filter((s) => !isOwnSheet(s.name) && s.visibility === 'Visible').map((s) => s.name);
    const fallback = candidates.find((n) => confirmedFor(n) !== undefined) ?? candidates[0];
    if (fallback) {
      ws = sheets.getItem(fallback);
      used = usedRangeOf(ws);
      await context.sync();
    }
  }
  // The add-in replaces its own sheets (QA Findings…): a decisions sheet with such a name would be lost.
  if (isOwnSheet(ws.name)) throw new FlowError('flow.error.reservedSheet', { sheet: ws.name });
  if (used.isNullObject) throw new FlowError('flow.error.emptySheet', { sheet: ws.name });
  return { ws, used, confirmedFor };
}

/**
 * Finds the decisions sheet (by name, else the active sheet — see resolveDecisionsSheet), its
 * header row (title rows above it are common) and the field mapping. Two syncs. A confirmed
 * mapping overrides the detected one.
 */
export async function locateDecisions(
  run: BatchRunner,
  sheetName?: string,
  confirmed?: Mapping,
): Promise<DecisionsLocation> {
  return run(async (context) => {
    const { ws, used, confirmedFor } = await resolveDecisionsSheet(context, sheetName);
    const columnCount = used.columnIndex + used.columnCount;
    const lastRow = used.rowIndex + used.rowCount - 1;
    const head = ws.getRangeByIndexes(0, 0, Math.min(HEADER_SCAN, lastRow + 1), columnCount);
    head.load('values');
    const hidden = queueHiddenColumns(ws, columnCount);
    await context.sync();
    const rows = head.values as CellValue[][];
    const detected = detectMapping(rows, HEADER_SCAN, { hidden: hidden() });
    if (detected.headerRow < 0) throw new FlowError('flow.error.noHeader', { sheet: ws.name });
    // A mapping confirmed on the Map page (kept in QA Settings) wins over detection — unless the
    // header has changed under it (a column inserted): then say so rather than read wrong columns.
    const saved = confirmed ?? confirmedFor(ws.name);
    if (!confirmed && saved) {
      const stale = staleMappingField(
        saved,
        confirmedFor.headers(ws.name),
        rows[detected.headerRow] ?? [],
        detected.mapping,
      );
      if (stale)
        throw new FlowError('flow.error.staleMapping', {
          sheet: ws.name,
          field: stale.field,
          expected: stale.expected,
          found: stale.found,
          cell: cellAddress(detected.headerRow + 1, stale.column, ws.name),
        });
    }
    const mapping = { ...detected.mapping, ...saved };
    const missing = REQUIRED_FIELDS.find((f) => mapping[f] === undefined);
    if (missing)
      throw new FlowError('flow.error.missingColumn', {
        field: missing,
        cell: cellAddress(detected.headerRow + 1, 0, ws.name),
      });
    const sample = rows.slice(detected.headerRow + 1);
    const bytesPerRow = sample.length ? rowsBytes(sample) / sample.length : columnCount * 20;
    return {
      sheet: ws.name,
      headerRow: detected.headerRow,
      lastRow,
      columnCount,
      headers: (rows[detected.headerRow] ?? []).map((h) => String(h ?? '')),
      headerWidth: headerWidthOf(rows[detected.headerRow] ?? []),
      mapping,
      // values and formulas both come back: twice the bytes; long text cells get a margin.
      chunkRows: rowsPerChunk(columnCount, bytesPerRow * 1.5, 2),
      bytesPerRow,
    };
  });
}

/**
 * Reads the decisions below the header in chunks, one sync each, handing each chunk (values and
 * formulas, with its 1-based first sheet row) to `onChunk`. Reports progress; stops on cancel.
 */
export async function readDecisionChunks(
  run: BatchRunner,
  at: DecisionsLocation,
  onChunk: (values: CellValue[][], firstRow: number, formulas: CellValue[][]) => void,
  control: FlowControl = {},
): Promise<void> {
  const total = at.lastRow - at.headerRow;
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(at.sheet);
    for (let start = at.headerRow + 1; start <= at.lastRow; start += at.chunkRows) {
      throwIfCancelled(control.signal);
      const count = Math.min(at.chunkRows, at.lastRow - start + 1);
      const range = ws.getRangeByIndexes(start, 0, count, at.columnCount);
      range.load('values, formulas');
      await context.sync();
      const values = range.values as CellValue[][];
      const formulas = range.formulas as CellValue[][];
      if (!control.pause) onChunk(values, start + 1, formulas);
      else {
        // A read holds thousands of rows: checked in slices, the page answering in between.
        for (let i = 0; i < count; i += PAUSE_ROWS) {
          if (i) {
            await control.pause();
            throwIfCancelled(control.signal);
          }
          onChunk(values.slice(i, i + PAUSE_ROWS), start + 1 + i, formulas.slice(i, i + PAUSE_ROWS));
          control.progress?.(start + Math.min(count, i + PAUSE_ROWS) - at.headerRow - 1, total);
        }
      }
      control.progress?.(start + count - at.headerRow - 1, total);
    }
  });
}

/**
 * Queues the read of which of the first columns are hidden (Range.columnHidden, one small range
 * per column, on the caller's next sync): a visible column wins over a hidden one of the same name.
 * Sheets wider than 200 columns are not asked (the request would grow for little gain).
 */
export function queueHiddenColumns(ws: Excel.Worksheet, columnCount: number): () => Set<number> {
  const ranges =
    columnCount <= 200 ? Array.from({ length: columnCount }, (_, c) => ws.getRangeByIndexes(0, c, 1, 1)) : [];
  for (const r of ranges) r.load('columnHidden');
  return () => new Set(ranges.flatMap((r, c) => (r.columnHidden ? [c] : [])));
}

/** The last non-empty header cell + 1. */
function headerWidthOf(header: readonly CellValue[]): number {
  let width = 0;
  header.forEach((h, c) => {
    if (String(h ?? '').trim() !== '') width = c + 1;
  });
  return width;
}
