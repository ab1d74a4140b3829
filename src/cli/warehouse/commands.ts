/**
 * The warehouse path of the CLI: `sample` and `validate` on Parquet and CSV lots through DuckDB
 * (only the sample enters a workbook), `--emit-sql` for the analyst's own warehouse, and `export`
 * of inspected samples back to Parquet or CSV for dashboards.
 */
import { inspectionColumnOf, locateInspectionColumns, parseOutcome } from '../../flows/schema/inspectionSheet';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Mapping } from '../../core/mapping/detectMapping';
import type { DecisionField } from '../../core/model';
import type { Lang } from '../../i18n';
import type { CellValue } from '../../excelSpec';
import type { SampleResult } from '../../core/sampling/drawSample';
import { defaultTaxonomy } from '../../core/taxonomy/defaultTaxonomy';
import type { Taxonomy } from '../../core/taxonomy/types';
import type { SqlDialect } from '../../core/warehouse/drawSql';
import { SQL_STRATUM_FIELDS } from '../../core/warehouse/lotSql';
import { createWorkbook, type EmulatedWorkbook } from '../../emulator';
import { exportXlsx, importXlsx } from '../../emulator/xlsx';
import { FlowError } from '../../flows/host';
import { sampleFlow, type SampleFlowResult } from '../../flows/sampleFlow';
import { isInspectionSheet } from '../../flows/sheets';
import { loadTaxonomy } from '../../flows/taxonomyFlow';
import { t, type MessageKey } from '../../i18n';
import { drawFromLot, type WarehouseDraw, type WarehouseDrawOptions } from './drawLot';
import { emitDrawSql } from './emitSql';
import { isWarehouseFile, openLot, queryRows, WarehouseError, type WarehouseLot } from './lot';
import { validateLot, type LotValidation } from './validateLot';

/** Whether a run goes through DuckDB: Parquet and compressed or tab-separated lots always; a .csv when asked. */
export function usesWarehouse(file: string, engine?: string): boolean {
  if (engine === 'sheet') return false;
  if (engine === 'duckdb') return isWarehouseFile(file);
  return isWarehouseFile(file) && !file.toLowerCase().endsWith('.csv');
}

/** A warehouse failure in the analyst's language (never DuckDB's own message alone). */
export class WarehouseFailure extends Error {}

function fail(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): never {
  throw new WarehouseFailure(t(key, params, lang));
}

async function withLot<T>(
  file: string,
  lang: Lang,
  mapping: Mapping | undefined,
  work: (lot: WarehouseLot) => Promise<T>,
): Promise<T> {
  if (!fs.existsSync(file)) fail(lang, 'warehouse.error.noFile', { file });
  let lot: WarehouseLot;
  try {
    lot = await openLot(file, mapping);
  } catch (error) {
    if (error instanceof WarehouseError && error.key === 'noHeader')
      fail(lang, 'warehouse.error.noHeader', error.params);
    if (error instanceof WarehouseError) fail(lang, 'warehouse.error.unreadable', error.params);
    throw error;
  }
  try {
    return await work(lot);
  } finally {
    lot.close();
  }
}

/** The taxonomy in use: a workbook's `QA Taxonomy` sheet when one is given, else the default. */
async function taxonomyOf(file: string | undefined, lang: Lang): Promise<Taxonomy> {
  if (!file) return defaultTaxonomy();
  const book = await openWorkbook(file, lang);
  return (await loadTaxonomy(book.run, lang)).taxonomy;
}

async function openWorkbook(file: string, lang: Lang): Promise<EmulatedWorkbook> {
  if (!fs.existsSync(file)) fail(lang, 'warehouse.error.noFile', { file });
  try {
    return createWorkbook(await importXlsx(fs.readFileSync(file)));
  } catch {
    return fail(lang, 'warehouse.error.unreadable', {
      file: path.basename(file),
      reason: lang === 'ja' ? '.xlsx として読めません' : 'not readable as an .xlsx workbook',
    });
  }
}

/**
 * Item IDs drawn by earlier batches: every inspection sheet of a workbook (.xlsx), or the
 * `item_id` column (else the first) of a batches file (.csv, .parquet).
 */
export async function earlierItemIds(files: readonly string[], lang: Lang): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const file of files) {
    if (file.toLowerCase().endsWith('.xlsx')) {
      const book = await openWorkbook(file, lang);
      for (const sheet of book.model.sheets) {
        if (!isInspectionSheet(sheet.name)) continue;
        const values = book.valuesOf(sheet.name) as CellValue[][];
        const c = locateInspectionColumns(values[0] ?? []).at('item_id');
        if (c >= 0)
          for (const row of values.slice(1)) if (row[c] !== '' && row[c] !== undefined) ids.add(String(row[c]).trim());
      }
      continue;
    }
    await withLot(file, lang, undefined, async (lot) => {
      const i = lot.header.findIndex((h) => h.toLowerCase() === 'item_id');
      const rows = await queryRows(
        lot.connection,
        `SELECT DISTINCT TRIM(CAST(${lot.columnAt(i < 0 ? 0 : i)} AS VARCHAR)) AS id FROM ${lot.relation}`,
      );
      for (const r of rows) if (r.id) ids.add(String(r.id));
    });
  }
  return ids;
}

/** The draw's own options (as DuckDB runs them), plus where the sample workbook's batch and lists come from. */
export interface WarehouseSampleOptions extends Pick<
  WarehouseDrawOptions,
  'method' | 'size' | 'seed' | 'unit' | 'strata' | 'minimumPerStratum' | 'quota' | 'filters'
> {
  batch: string;
  excludeFrom?: string[];
  taxonomyFrom?: string;
  mapping?: Mapping;
  lang: Lang;
  now: number;
  createdBy?: string;
}

/** A sheet name for the lot's rows in the sample workbook: the file's name, as the add-in's CSV import names it. */
const sheetNameOf = (file: string) =>
  path
    .basename(file)
    .replace(/\.(parquet|csv|tsv)(\.gz)?$/i, '')
    .slice(0, 31)
    .replace(/[:\\/?*[\]]/g, '_') || 'Decisions';

/**
 * Builds the inspection workbook of a warehouse draw with the add-in's own sample flow: a sheet of
 * the sampled decisions (as the lot holds them) and `QA <batch>`, `QA Batches`, `QA Taxonomy` as
 * the add-in writes them, with the lot's size and per-stratum counts in the batch's parameters.
 *
 * @example const { book } = await sampleWorkbook(lot, draw, options, 'w48.parquet');
 */
export async function sampleWorkbook(
  lot: WarehouseLot,
  draw: WarehouseDraw,
  options: WarehouseSampleOptions,
  file: string,
): Promise<{ book: EmulatedWorkbook; result: SampleFlowResult }> {
  const book = createWorkbook();
  const sheet = book.addSheet(sheetNameOf(file), [lot.header, ...draw.rows.map((r) => r.values)]);
  book.model.activeSheet = sheet;
  const drawn: SampleResult = {
    items: draw.rows.map((r, i) => ({
      itemId: r.itemId,
      row: i + 2,
      stratum: r.stratum,
      key: r.key,
      inclusionProbability: r.weight ? 1 / r.weight : 0,
      weight: r.weight,
    })),
    allocation: draw.allocation,
    population: draw.lotSize,
    excluded: draw.excluded,
  };
  const result = await sampleFlow(book.run, {
    batch: options.batch,
    method: options.method,
    size: options.size,
    seed: options.seed,
    strata: options.strata,
    minimumPerStratum: options.minimumPerStratum,
    quota: options.quota,
    filters: options.filters,
    sheet: sheet.name,
    mapping: lot.mapping,
    lang: options.lang,
    now: options.now,
    createdBy: options.createdBy,
    predrawn: {
      drawn,
      lotSize: draw.lotSize,
      plan: draw.plan,
      source: { file: path.basename(file), engine: 'duckdb', rows: lot.rowCount, unit: options.unit },
    },
  });
  return { book, result };
}

function drawOptions(options: WarehouseSampleOptions, taxonomy: Taxonomy, exclude: Set<string>): WarehouseDrawOptions {
  for (const f of options.strata ?? [])
    if (!SQL_STRATUM_FIELDS.includes(f))
      fail(options.lang, 'warehouse.error.stratum', { field: f, fields: SQL_STRATUM_FIELDS.join(', ') });
  return {
    method: options.method,
    size: options.size,
    seed: options.seed,
    unit: options.unit,
    strata: options.strata,
    minimumPerStratum: options.minimumPerStratum,
    quota: options.quota,
    filters: options.filters,
    exclude,
    taxonomy,
  };
}

/**
 * `sample LOT --out w48.xlsx` through DuckDB; with `emitSql`, the draw's SQL instead of a workbook.
 *
 * @example await sampleFromWarehouse(
 *   'decisions.parquet',
 *   { batch: 'w48', method: 'simple', size: { kind: 'fixed', n: 2000 }, seed: 'w48', unit: 'decision', lang: 'en',
 *     now },
 *   { out: 'w48.xlsx' },
 * )
 */
export async function sampleFromWarehouse(
  file: string,
  options: WarehouseSampleOptions,
  output: { out?: string; emitSql?: SqlDialect; table?: string },
): Promise<{ result?: SampleFlowResult; draw: WarehouseDraw; sql?: string; bytes?: Uint8Array }> {
  const taxonomy = await taxonomyOf(options.taxonomyFrom, options.lang);
  const exclude = await earlierItemIds(options.excludeFrom ?? [], options.lang);
  return withLot(file, options.lang, options.mapping, async (lot) => {
    for (const f of ['item_id', 'moderator'] as DecisionField[])
      if (lot.column(f) === undefined)
        fail(options.lang, 'warehouse.error.noColumn', {
          field: f,
          file: path.basename(file),
          columns: lot.header.join(', '),
        });
    const drawOpts = drawOptions(options, taxonomy, exclude);
    let draw: WarehouseDraw;
    try {
      draw = await drawFromLot(lot, drawOpts);
    } catch (error) {
      if (error instanceof RangeError) fail(options.lang, 'warehouse.error.size', { reason: error.message });
      if (error instanceof Error && error.message === 'decided_at') fail(options.lang, 'warehouse.error.noDates');
      throw error;
    }
    if (output.emitSql)
      return {
        draw,
        sql: await emitDrawSql(lot, drawOpts, draw, { dialect: output.emitSql, table: output.table ?? 'decisions' }),
      };
    if (draw.rows.length === 0) fail(options.lang, 'warehouse.error.emptySample');
    const { book, result } = await sampleWorkbook(lot, draw, options, file);
    return { draw, result, bytes: await exportXlsx(book.model) };
  });
}

/** `validate LOT` through DuckDB. */
export async function validateWarehouse(
  file: string,
  options: { lang: Lang; now: number; perRule?: number; taxonomyFrom?: string; mapping?: Mapping },
): Promise<LotValidation & { rows: number }> {
  const taxonomy = await taxonomyOf(options.taxonomyFrom, options.lang);
  return withLot(file, options.lang, options.mapping, async (lot) => ({
    ...(await validateLot(lot, { taxonomy, now: options.now, lang: options.lang, perRule: options.perRule })),
    rows: lot.rowCount,
  }));
}

export const EXPORT_FORMATS = ['parquet', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `export w48.xlsx --format parquet|csv`: every inspected decision of the workbook's inspection
 * sheets (one row each, pending ones left out unless asked) with its batch, outcome, weight and
 * every QA column, for dashboards. Returns how many rows were written.
 *
 * @example await exportInspections('w48.xlsx', 'w48.parquet', { format: 'parquet', lang: 'en' })
 */
export async function exportInspections(
  file: string,
  out: string,
  options: { format: ExportFormat; lang: Lang; batch?: string; includePending?: boolean },
): Promise<{ rows: number; batches: string[] }> {
  const book = await openWorkbook(file, options.lang);
  const sheets = book.model.sheets.filter(
    (s) =>
      isInspectionSheet(s.name) && (!options.batch || s.name.toLowerCase() === `qa ${options.batch}`.toLowerCase()),
  );
  if (sheets.length === 0) fail(options.lang, 'warehouse.error.noInspection', { file: path.basename(file) });
  const columns: string[] = ['batch'];
  const records: Record<string, CellValue>[] = [];
  for (const sheet of sheets) {
    const values = book.valuesOf(sheet.name) as CellValue[][];
    // Field names whatever language the sheet was written in (its schema reads both).
    const header = (values[0] ?? []).map((h) => inspectionColumnOf(h) ?? String(h));
    for (const h of header) if (h && !columns.includes(h)) columns.push(h);
    const outcome = header.indexOf('outcome');
    for (const row of values.slice(1)) {
      if (!row.some((v) => v !== '')) continue;
      if (
        !options.includePending &&
        outcome >= 0 &&
        (parseOutcome(row[outcome] ?? '') === 'pending' || row[outcome] === '')
      )
        continue;
      records.push({ batch: sheet.name.slice(3), ...Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])) });
    }
  }
  const { openDuckDb } = await import('./lot');
  const { instance, connection } = await openDuckDb();
  try {
    const numeric = new Set(['weight', 'severity', 'source_row']);
    await connection.run(
      `CREATE TABLE inspected ` +
        `(${columns.map((c) => `"${c.replace(/"/g, '""')}" ${numeric.has(c) ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`,
    );
    const appender = await connection.createAppender('inspected');
    for (const r of records) {
      for (const c of columns) {
        const v = r[c];
        if (numeric.has(c)) {
          if (v === '' || v === undefined || !Number.isFinite(Number(v))) appender.appendNull();
          else appender.appendDouble(Number(v));
        } else appender.appendVarchar(v === undefined ? '' : String(v));
      }
      appender.endRow();
    }
    appender.closeSync();
    const target = out.replace(/'/g, "''");
    await connection.run(
      options.format === 'parquet'
        ? `COPY inspected TO '${target}' (FORMAT parquet)`
        : `COPY inspected TO '${target}' (FORMAT csv, HEADER true)`,
    );
  } catch (error) {
    if (error instanceof WarehouseFailure) throw error;
    fail(options.lang, 'warehouse.error.write', { file: out, reason: (error as Error).message.split('\n')[0] });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { rows: records.length, batches: sheets.map((s) => s.name.slice(3)) };
}

/** A FlowError from the add-in's sample flow, passed on as it is (it is already localized). */
export const isFlowError = (error: unknown): error is FlowError => error instanceof FlowError;
