/**
 * A lot too big for a sheet, read by DuckDB (embedded, no server): Parquet as it is, CSV through
 * the add-in's own CSV reader (so every encoding and quirk reads as in the workbench), or, past
 * what fits in memory, DuckDB's CSV reader. Every row gets the number it would have on a sheet
 * (header on row 1), so findings and source rows speak the same language as the add-in's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DuckDBConnection, DuckDBInstance, DuckDBScalarFunction, VARCHAR, type DuckDBType } from '@duckdb/node-api';
import { detectMapping, type Mapping } from '../../core/mapping/detectMapping';
import type { DecisionField } from '../../core/model';
import { parseDate } from '../../core/normalize/parseDate';
import type { CellValue } from '../../excelSpec';
import { sqlName, sqlString } from '../../core/warehouse/drawSql';
import { decodeCsv } from '../../emulator/csv';
import Papa from 'papaparse';

/** Files the warehouse path reads. */
export const WAREHOUSE_EXTENSIONS = ['.parquet', '.csv', '.csv.gz', '.tsv', '.tsv.gz'] as const;

/** Whether a file name is one the warehouse path reads. */
export function isWarehouseFile(file: string): boolean {
  const f = file.toLowerCase();
  return WAREHOUSE_EXTENSIONS.some((ext) => f.endsWith(ext));
}

/** Above this size a CSV is read by DuckDB's own reader (UTF-8 only) rather than loaded whole into memory. */
export const CSV_IN_MEMORY_BYTES = 256 * 1024 * 1024;

export interface WarehouseLot {
  connection: DuckDBConnection;
  /** The relation holding the lot: `row_no` (the sheet row) and the file's columns. */
  relation: string;
  /** The file's column names, in order. */
  header: string[];
  /** Each column's DuckDB type (VARCHAR for CSV). */
  types: string[];
  mapping: Mapping;
  /** Rows of decisions (below the header). */
  rowCount: number;
  /** The SQL reference of a mapped field's column (undefined when not mapped). */
  column(field: DecisionField): string | undefined;
  /** The SQL reference of the file's i-th column. */
  columnAt(i: number): string;
  close(): void;
}

export class WarehouseError extends Error {
  constructor(
    readonly key: 'noHeader' | 'unreadable' | 'unknownField',
    readonly params: Record<string, string | number>,
  ) {
    super(key);
  }
}

/** Opens DuckDB with limits that keep a 10,000,000-row lot under 1 GB of memory on a small machine. */
export async function openDuckDb(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: '600MB',
    threads: '2',
    preserve_insertion_order: 'true',
  });
  const connection = await instance.connect();
  return { instance, connection };
}

/** Text the add-in's CSV reader takes as a number (src/emulator/csv.ts): kept as that number's text here. */
export const SAFE_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/**
 * Registers the SQL function `name(text)` on the connection: the add-in's reading of a date cell (ISO, Japanese
 * forms, serials; a number in a CSV is a serial date to the add-in too), given to `answer` (a time in
 * milliseconds, null for an empty cell, undefined for one it cannot read).
 */
export function registerDateReading(
  connection: DuckDBConnection,
  name: string,
  returnType: DuckDBType,
  answer: (read: number | null | undefined) => number | null,
): void {
  connection.registerScalarFunction(
    DuckDBScalarFunction.create({
      name,
      returnType,
      parameterTypes: [VARCHAR],
      mainFunction: (_info, input, output) => {
        const texts = input.getColumnVector(0);
        for (let i = 0; i < input.rowCount; i++) {
          const t = texts.getItem(i);
          output.setItem(i, answer(t === null ? null : parseDate(SAFE_NUMBER.test(String(t)) ? Number(t) : String(t))));
        }
        output.flush();
      },
    }),
  );
}

/** The text of a cell as the add-in's validator reads it (numbers in full digits). */
const cellText = (v: CellValue | undefined | null): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) && Number.isFinite(v) ? BigInt(v).toString() : String(v);
  return String(v);
};

async function loadCsvInMemory(
  connection: DuckDBConnection,
  file: string,
): Promise<{ header: string[]; headerRow: number; rowCount: number; sample: CellValue[][] }> {
  let bytes: Uint8Array = fs.readFileSync(file);
  if (file.toLowerCase().endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
  const { text } = decodeCsv(bytes);
  const tsv = /\.tsv(\.gz)?$/i.test(file);
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: tsv ? '\t' : '' }).data;
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  const detected = detectMapping(rows.slice(0, 30));
  if (detected.headerRow < 0) throw new WarehouseError('noHeader', { file: path.basename(file) });
  const width = Math.max(
    rows[detected.headerRow].length,
    ...rows.slice(detected.headerRow + 1, detected.headerRow + 1000).map((r) => r.length),
  );
  // Column names as the file's header (blank ones numbered, repeated ones suffixed), so SQL reads as the file does.
  const header: string[] = [];
  for (let i = 0; i < width; i++) {
    const name = String(rows[detected.headerRow][i] ?? '').trim() || `column_${i + 1}`;
    let unique = name;
    for (
      let k = 2;
      header.some((h) => h.toLowerCase() === unique.toLowerCase()) || unique.toLowerCase() === 'row_no';
      k++
    )
      unique = `${name}_${k}`;
    header.push(unique);
  }
  await connection.run(
    `CREATE TABLE lot_src (row_no BIGINT, ${header.map((c) => `${sqlName(c, 'duckdb')} VARCHAR`).join(', ')})`,
  );
  const appender = await connection.createAppender('lot_src');
  let rowCount = 0;
  for (let r = detected.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    appender.appendBigInt(BigInt(r + 1));
    for (let c = 0; c < width; c++)
      appender.appendVarchar(SAFE_NUMBER.test(row[c] ?? '') ? cellText(Number(row[c])) : (row[c] ?? ''));
    appender.endRow();
    rowCount++;
  }
  appender.closeSync();
  return { header, headerRow: detected.headerRow, rowCount, sample: rows.slice(0, detected.headerRow + 200) };
}

/**
 * Opens a lot file in DuckDB and maps its columns as the add-in would (the same header detection,
 * or the analyst's `mapping`). The caller closes it.
 *
 * @example const lot = await openLot('decisions.parquet'); lot.rowCount // 10000000
 * Invalid input: a file with no recognisable header row throws a WarehouseError('noHeader');
 * a file DuckDB cannot read, WarehouseError('unreadable') with DuckDB's reason.
 */
export async function openLot(file: string, mapping?: Mapping): Promise<WarehouseLot> {
  const { instance, connection } = await openDuckDb();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const lower = file.toLowerCase();
    let header: string[];
    let types: string[];
    let detectedMapping: Mapping;
    let columnRef: (i: number) => string;
    if (lower.endsWith('.parquet')) {
      await connection.run(
        `CREATE VIEW lot_src AS SELECT file_row_number + 2 AS row_no, * EXCLUDE (file_row_number) ` +
          `FROM read_parquet(${sqlString(file, 'duckdb')}, file_row_number = true)`,
      );
      const described = (
        await connection.runAndReadAll(`DESCRIBE SELECT * EXCLUDE (row_no) FROM lot_src`)
      ).getRowObjects();
      header = described.map((r) => String(r.column_name));
      types = described.map((r) => String(r.column_type));
      const firstRows = (await connection.runAndReadAll(`SELECT * EXCLUDE (row_no) FROM lot_src LIMIT 200`)).getRows();
      const detected = detectMapping([header, ...firstRows.map((r) => r.map((v) => cellText(v as CellValue)))], 1);
      detectedMapping = detected.mapping;
      if (detected.headerRow < 0) throw new WarehouseError('noHeader', { file: path.basename(file) });
      columnRef = (i) => sqlName(header[i], 'duckdb');
    } else if (fs.statSync(file).size <= CSV_IN_MEMORY_BYTES || lower.endsWith('.gz')) {
      const loaded = await loadCsvInMemory(connection, file);
      header = loaded.header;
      types = header.map(() => 'VARCHAR');
      detectedMapping = detectMapping(loaded.sample).mapping;
      columnRef = (i) => sqlName(header[i], 'duckdb');
    } else {
      // Past what fits in memory: DuckDB's own reader, UTF-8 only, every value as text; rows it
      // cannot parse are kept in reject_errors and named by the caller.
      const delim = lower.endsWith('.tsv') ? '\\t' : ',';
      await connection.run(
        `CREATE TABLE lot_src AS SELECT row_number() OVER () + 1 AS row_no, ` +
          `* FROM read_csv(${sqlString(file, 'duckdb')}, header = true, all_varchar = true, ` +
          `delim = '${delim}', quote = '"', escape = '"', strict_mode = false, store_rejects = true)`,
      );
      const described = (
        await connection.runAndReadAll(`DESCRIBE SELECT * EXCLUDE (row_no) FROM lot_src`)
      ).getRowObjects();
      header = described.map((r) => String(r.column_name));
      types = header.map(() => 'VARCHAR');
      const firstRows = (
        await connection.runAndReadAll(`SELECT * EXCLUDE (row_no) FROM lot_src ORDER BY row_no LIMIT 200`)
      ).getRows();
      detectedMapping = detectMapping(
        [header, ...firstRows.map((r) => r.map((v) => cellText(v as CellValue)))],
        1,
      ).mapping;
      columnRef = (i) => sqlName(header[i], 'duckdb');
    }
    const used = mapping ?? detectedMapping;
    const rowCount = Number((await connection.runAndReadAll('SELECT COUNT(*) FROM lot_src')).getRows()[0][0]);
    return {
      connection,
      relation: 'lot_src',
      header,
      types,
      mapping: used,
      rowCount,
      column: (field) => (used[field] === undefined ? undefined : columnRef(used[field] as number)),
      columnAt: columnRef,
      close,
    };
  } catch (error) {
    close();
    if (error instanceof WarehouseError) throw error;
    throw new WarehouseError('unreadable', {
      file: path.basename(file),
      reason: (error as Error).message.split('\n')[0],
    });
  }
}

/** Reads a whole query's rows as plain JavaScript values (BIGINT as number). */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}
