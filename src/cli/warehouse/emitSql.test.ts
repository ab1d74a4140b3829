import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Parser } from 'node-sql-parser';
import Papa from 'papaparse';
import { generateDecisions } from '../../core/demo/generateDecisions';
import { SAMPLING_METHODS, type SamplingMethod } from '../../core/sampling/drawSample';
import { defaultTaxonomy } from '../../core/taxonomy/defaultTaxonomy';
import { SQL_DIALECTS, type SqlDialect } from '../../core/warehouse/drawSql';
import { drawFromLot, duckDbSource, type WarehouseDrawOptions } from './drawLot';
import { emitDrawSql } from './emitSql';
import { openLot, queryRows, type WarehouseLot } from './lot';

const NOW = Date.UTC(2026, 10, 24, 12);
const taxonomy = defaultTaxonomy();
let lot: WarehouseLot;

/**
 * The text of another dialect made runnable in DuckDB, by the functions' documented meanings:
 * BigQuery's MD5 returns BYTES and TO_HEX(MD5(x)) is the hex text DuckDB's md5(x) returns; INT64,
 * FLOAT64 and STRING are BIGINT, DOUBLE and VARCHAR; Spark's conv(hex, 16, 10) reads hex as an
 * integer; UNIX_MILLIS is DuckDB's epoch_ms; both quote names with backticks and escape a quote
 * in a literal with a backslash. Nothing else is rewritten.
 */
function asDuckDb(sql: string): string {
  return sql
    .replace(/^--.*$/gm, '')
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, body: string) => `'${body.replace(/\\'/g, "''").replace(/\\\\/g, '\\')}'`)
    .replace(/`((?:[^`\\]|\\.)*)`/g, (_, name: string) => `"${name.replace(/\\`/g, '`').replace(/"/g, '""')}"`)
    .replace(/TO_HEX\(MD5\(/g, '(md5(')
    .replace(/\bINT64\b/g, 'BIGINT')
    .replace(/\bFLOAT64\b/g, 'DOUBLE')
    .replace(/\bSTRING\b/g, 'VARCHAR');
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-emit-'));
  const file = path.join(dir, 'lot.csv');
  fs.writeFileSync(
    file,
    Papa.unparse(generateDecisions({ rows: 2000, seed: 9, headers: 'en', now: NOW }) as unknown[][]),
  );
  lot = await openLot(file);
  // The warehouse's table: the same columns, decided_at as a timestamp (as the add-in reads the CSV's dates).
  await duckDbSource(lot, taxonomy);
  const date = lot.column('decided_at');
  await lot.connection.run(
    `CREATE TABLE decisions AS SELECT * EXCLUDE (row_no) ` +
      `REPLACE (make_timestamp(CAST(mqa_date_ms(${date}) * 1000 AS BIGINT)) AS ${date}) FROM lot_src`,
  );
  await lot.connection.run(
    `CREATE MACRO conv(hex, from_base, to_base) AS CAST(CAST('0x' || hex AS UBIGINT) AS VARCHAR)`,
  );
  await lot.connection.run(`CREATE MACRO unix_millis(t) AS epoch_ms(t)`);
  // BigQuery's FORMAT_TIMESTAMP(format, t, 'UTC') and TIMESTAMP_SECONDS; Spark's timestamp_seconds and
  // date_format(t, "yyyy-MM-dd'T'HH:mm:ss'Z'") (the one pattern the key uses, in a UTC session).
  await lot.connection.run(`CREATE MACRO format_timestamp(format, t, zone) AS strftime(t, format)`);
  await lot.connection.run(`CREATE MACRO timestamp_seconds(s) AS make_timestamp(CAST(s AS BIGINT) * 1000000)`);
  await lot.connection.run(`CREATE MACRO date_format(t, pattern) AS strftime(t, '%Y-%m-%dT%H:%M:%SZ')`);
});
afterAll(() => lot?.close());

const cases: [SamplingMethod, Partial<WarehouseDrawOptions>][] = SAMPLING_METHODS.map((method) => [
  method,
  {
    strata: method.startsWith('stratified') ? ['market'] : undefined,
    minimumPerStratum: method === 'stratified_neyman' ? 2 : undefined,
    quota: method === 'moderator_quota' ? 1 : undefined,
    expectedErrorRate: method === 'stratified_neyman' ? { JP: 0.2, default: 0.03 } : undefined,
    filters: method === 'simple' ? { decidedFrom: NOW - 15 * 86400000, verdicts: ['remove', 'approve'] } : undefined,
  },
]);

describe.each(SQL_DIALECTS.map((d) => [d]))('%s', (dialect: SqlDialect) => {
  test.each(cases)(
    'the emitted %s draw selects the same decisions as the CLI (run in DuckDB)',
    async (method, extra) => {
      const options: WarehouseDrawOptions = {
        method,
        size: { kind: 'fixed', n: 40 },
        seed: "wk'48",
        unit: 'item',
        taxonomy,
        ...extra,
      };
      const draw = await drawFromLot(lot, options);
      const sql = await emitDrawSql(lot, options, draw, { dialect, table: 'decisions' });
      const got = await queryRows(lot.connection, asDuckDb(sql).replace(/;\s*$/, ''));
      expect(got.map((r) => String(r.item_id)).sort()).toEqual(draw.rows.map((r) => r.itemId).sort());
    },
  );

  test('the emitted text parses in the dialect', async () => {
    const options: WarehouseDrawOptions = {
      method: 'stratified_proportional',
      size: { kind: 'fixed', n: 40 },
      seed: 'w48',
      unit: 'decision',
      strata: ['market', 'queue'],
      taxonomy,
    };
    const sql = await emitDrawSql(lot, options, await drawFromLot(lot, options), {
      dialect,
      table: dialect === 'spark' ? 'qa.decisions' : 'proj.qa.decisions',
    });
    if (dialect === 'duckdb') {
      await expect(
        lot.connection.run(`EXPLAIN ${sql.replace('"proj"."qa"."decisions"', 'decisions').replace(/;\s*$/, '')}`),
      ).resolves.toBeDefined();
      return;
    }
    // node-sql-parser's BigQuery grammar, and its Hive grammar for Spark SQL (Spark's SQL is Hive's dialect).
    const parser = new Parser();
    expect(() =>
      parser.astify(sql.replace(/^--.*$/gm, ''), { database: dialect === 'bigquery' ? 'bigquery' : 'hive' }),
    ).not.toThrow();
  });
});

test('string literals keep quotes and backslashes in every dialect', () => {
  const parser = new Parser();
  expect(asDuckDb("SELECT 'it\\'s \\\\ok'")).toBe("SELECT 'it''s \\ok'");
  expect(() => parser.astify("SELECT 'it\\'s'", { database: 'bigquery' })).not.toThrow();
});
