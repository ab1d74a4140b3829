import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import type { SheetSchema } from './schema/sheetSchema';
import { removeSheetQuietly, writeRows } from './writeTable';

export interface OwnedSheet {
  ws: Excel.Worksheet;
  /** The used range as loaded (`load`), or undefined when the sheet was just created or is empty. */
  used?: Excel.Range;
  created: boolean;
}

export interface OwnedSheetOptions {
  /** The used range's properties to load with the look-up ("values", "rowIndex, rowCount"…). */
  load?: string;
  /** The header's language (default English: the column names). */
  lang?: Lang;
  /** Rows written below the header when the sheet is created or found empty (a default list). */
  rows?: CellValue[][];
  /** Columns fitted to their content after those rows (from the first; default none). */
  autofit?: number;
}

/** An owned sheet as a look-up found it: absent, empty (no used range), or with its used range loaded. */
export interface FoundSheet {
  ws: Excel.Worksheet;
  exists: boolean;
  used?: Excel.Range;
}

/** Queues the look-up of a sheet the add-in owns and its used range (`load`); call the result after the next sync. */
export function queueOwnedSheet<C extends string>(
  context: Excel.RequestContext,
  schema: SheetSchema<C>,
  load = 'rowIndex, rowCount',
): () => FoundSheet {
  const ws = context.workbook.worksheets.getItemOrNullObject(schema.name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(load);
  return () => ({ ws, exists: !ws.isNullObject, used: ws.isNullObject || used.isNullObject ? undefined : used });
}

/**
 * Queues, for the caller's next sync, a sheet the look-up found missing (created) or empty: its
 * header (bold, frozen) and any default rows. Returns the sheet.
 */
export async function queueOwnedHeader<C extends string>(
  context: Excel.RequestContext,
  schema: SheetSchema<C>,
  found: Pick<FoundSheet, 'exists'>,
  options: Omit<OwnedSheetOptions, 'load'> = {},
): Promise<Excel.Worksheet> {
  const ws = found.exists
    ? context.workbook.worksheets.getItem(schema.name)
    : context.workbook.worksheets.add(schema.name);
  const rows = [schema.header(options.lang ?? 'en'), ...(options.rows ?? [])];
  await writeRows(context, ws, 0, 0, rows, schema.textColumns());
  ws.getRangeByIndexes(0, 0, 1, schema.columns.length).format.font.bold = true;
  ws.freezePanes.freezeRows(1);
  if (options.autofit) ws.getRangeByIndexes(0, 0, rows.length, options.autofit).format.autofitColumns();
  return ws;
}

/**
 * Gets a sheet the add-in owns, or creates it with its header (bold, frozen) and any default
 * rows: one sync for the look-up; the creation is queued for the caller's next sync.
 */
export async function openOwnedSheet<C extends string>(
  context: Excel.RequestContext,
  schema: SheetSchema<C>,
  options: OwnedSheetOptions = {},
): Promise<OwnedSheet> {
  const later = queueOwnedSheet(context, schema, options.load);
  await context.sync();
  const found = later();
  if (found.used) return { ws: found.ws, used: found.used, created: false };
  return { ws: await queueOwnedHeader(context, schema, found, options), created: !found.exists };
}

export interface SwapOptions {
  /** The temporary sheet's name (default "QA ~<name without QA >", cut to 31 characters). */
  temp?: string;
  /** The workbook's sheet names when the caller has read them already (saves the look-up's sync). */
  sheetNames?: readonly string[];
}

/**
 * Builds a sheet under a temporary name and swaps it in for `name` (the previous one deleted, the
 * new one renamed) in the request that ends the build, so an interrupted run leaves the previous
 * sheet in place and no half-written one behind. `build` queues its writes (it may sync) and may
 * return what to do once the sheet has its name (a table name the previous sheet held). Returns
 * the new sheet.
 */
export async function buildAndSwap(
  context: Excel.RequestContext,
  name: string,
  build: (ws: Excel.Worksheet) => Promise<(() => void) | void>,
  options: SwapOptions = {},
): Promise<Excel.Worksheet> {
  const temp = options.temp ?? `QA ~${name.replace(/^QA /, '')}`.slice(0, 31);
  const sheets = context.workbook.worksheets;
  let hasOld: boolean;
  if (options.sheetNames) {
    const has = (n: string) => options.sheetNames!.some((x) => x.toLowerCase() === n.toLowerCase());
    hasOld = has(name);
    // A temporary sheet left by an interrupted run goes first (queued with the first write).
    if (has(temp)) sheets.getItem(temp).delete();
  } else {
    const old = sheets.getItemOrNullObject(name);
    const left = sheets.getItemOrNullObject(temp);
    await context.sync();
    hasOld = !old.isNullObject;
    if (!left.isNullObject) left.delete();
  }
  try {
    const ws = sheets.add(temp);
    const afterRename = await build(ws);
    if (hasOld) sheets.getItem(name).delete();
    ws.name = name;
    afterRename?.();
    await context.sync();
    return ws;
  } catch (error) {
    await removeSheetQuietly(context, temp);
    throw error;
  }
}
