import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { generateDecisions } from '../../core/demo/generateDecisions';
import type { CellValue } from '../../excelSpec';
import { createWorkbook } from '../../emulator';
import { exportXlsx, importXlsx } from '../../emulator/xlsx';
import { inspectionState, saveQaDecision } from '../../flows/inspectFlow';
import { main } from '../main';

const NOW = Date.UTC(2026, 10, 24, 12);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqa-cli-warehouse-'));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    env: {},
    isTTY: false,
    now: () => NOW,
  });
  return { code, out, err };
}

let parquet: string;
let csv: string;
beforeAll(async () => {
  csv = path.join(dir, 'decisions.csv');
  fs.writeFileSync(
    csv,
    Papa.unparse(generateDecisions({ rows: 3000, seed: 4, headers: 'en', now: NOW }) as unknown[][]),
  );
  parquet = path.join(dir, 'decisions.parquet');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
  );
  c.closeSync();
  db.closeSync();
});

test('sample a Parquet lot: only the sample enters the workbook, and the add-in inspects and reports it', async () => {
  const out = path.join(dir, 'w48.xlsx');
  const r = await run([
    'sample',
    parquet,
    '--batch',
    'w48',
    '--n',
    '30',
    '--method',
    'stratified_proportional',
    '--strata',
    'market',
    '--out',
    out,
  ]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  // Rows without a moderator or a known verdict are left out of the lot, as in the add-in.
  expect(r.out).toMatch(/30 of 29\d\d decisions drawn by DuckDB/);
  const lot = Number(/30 of (\d+)/.exec(r.out)![1]);
  const book = createWorkbook(await importXlsx(fs.readFileSync(out)));
  expect(book.model.sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(['decisions', 'QA w48', 'QA Batches', 'QA Taxonomy']),
  );
  expect(book.valuesOf('decisions')).toHaveLength(31);
  const batches = book.valuesOf('QA Batches') as CellValue[][];
  const lotSize = batches[0].indexOf('lot_size');
  expect(batches[1][lotSize]).toBe(lot);
  const parameters = JSON.parse(String(batches[1][batches[0].indexOf('parameters')]));
  expect(parameters.source).toMatchObject({ file: 'decisions.parquet', engine: 'duckdb', rows: 3000 });
  expect(parameters.allocation.reduce((s: number, a: { population: number }) => s + a.population, 0)).toBe(lot);
  // The add-in's Inspect flow takes it as its own.
  const state = await inspectionState(book.run, 'w48');
  expect(state.total).toBe(30);
  await saveQaDecision(book.run, 'w48', state.next!.index, {
    qaVerdict: 'approve',
    qaPolicy: '',
    inspector: 'qa.sato',
    now: NOW,
  });
  fs.writeFileSync(out, await exportXlsx(book.model));
  // And the CLI's report reads it, with the lot's size.
  const report = await run(['report', out, '--batch', 'w48', '--json']);
  expect(report.code).toBe(0);
  expect(JSON.parse(report.out)).toMatchObject({ lotSize: lot, inspected: 1 });
});

test('the same seed draws the same decisions from the Parquet lot and from the CSV read by DuckDB', async () => {
  const a = await run(['sample', parquet, '--batch', 'w1', '--n', '25', '--json']);
  const b = await run(['sample', csv, '--engine', 'duckdb', '--batch', 'w1', '--n', '25', '--json']);
  expect(JSON.parse(a.out).itemIds).toHaveLength(25);
  expect(JSON.parse(a.out).itemIds).toEqual(JSON.parse(b.out).itemIds);
  const sqlA = await run([
    'sample',
    parquet,
    '--batch',
    'w1',
    '--n',
    '25',
    '--emit-sql',
    'bigquery',
    '--table',
    'proj.qa.decisions',
  ]);
  expect(sqlA.code).toBe(0);
  expect(sqlA.out).toContain('TO_HEX(MD5(');
  expect(sqlA.out).toContain('`proj`.`qa`.`decisions`');
});

test('validate a Parquet lot prints counts per rule and the first findings; --json for machines', async () => {
  const text = await run(['validate', parquet]);
  expect(text.code).toBe(0);
  expect(text.out).toMatch(/3000 decisions checked by DuckDB/);
  const json = await run(['validate', parquet, '--json', '--per-rule', '2']);
  const v = JSON.parse(json.out);
  expect(v.rowsChecked).toBe(3000);
  for (const [rule, n] of Object.entries(v.counts as Record<string, number>))
    expect(v.findings.filter((f: { rule: string }) => f.rule === rule).length).toBe(Math.min(2, n));
});

test('export writes one row per inspected decision to Parquet', async () => {
  const out = path.join(dir, 'w48.xlsx');
  const target = path.join(dir, 'w48-results.parquet');
  const r = await run(['export', out, '--format', 'parquet', '--out', target]);
  expect(r.code).toBe(0);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const rows = (
    await c.runAndReadAll(`SELECT batch, outcome, weight FROM read_parquet('${target}')`)
  ).getRowObjectsJS();
  c.closeSync();
  db.closeSync();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ batch: 'w48' });
  expect(Number(rows[0].weight)).toBeGreaterThan(1);
});

test("bad input is named in the analyst's language", async () => {
  const missing = await run(['sample', path.join(dir, 'nope.parquet'), '--batch', 'w2', '--lang', 'ja']);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('ファイル「');
  const stratum = await run([
    'sample',
    parquet,
    '--batch',
    'w2',
    '--method',
    'stratified_proportional',
    '--strata',
    'url',
  ]);
  expect(stratum.code).toBe(2);
  expect(stratum.err).toMatch(/not from "url"/);
  const garbage = path.join(dir, 'garbage.parquet');
  fs.writeFileSync(garbage, 'not parquet at all');
  const bad = await run(['validate', garbage]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/DuckDB could not read "garbage.parquet"/);
});

test('text that looks like a formula in the lot stays text in every sheet of the sample workbook', async () => {
  const rows = generateDecisions({ rows: 40, seed: 8, headers: 'en', now: NOW });
  const notes = rows[0].indexOf('Notes');
  const hostile = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-2', '@SUM(1)'];
  rows.slice(1).forEach((r, i) => (r[notes] = hostile[i % hostile.length]));
  const lot = path.join(dir, 'hostile.csv');
  fs.writeFileSync(lot, Papa.unparse(rows as unknown[][]));
  const out = path.join(dir, 'hostile.xlsx');
  const r = await run(['sample', lot, '--engine', 'duckdb', '--batch', 'h1', '--n', '40', '--out', out]);
  expect(r.code).toBe(0);
  const model = await importXlsx(fs.readFileSync(out));
  for (const sheet of model.sheets)
    expect({ sheet: sheet.name, formulas: sheet.formulas.size }).toEqual({ sheet: sheet.name, formulas: 0 });
  const inspection = createWorkbook(model).valuesOf('QA h1') as CellValue[][];
  const c = inspection[0].indexOf('notes');
  expect(new Set(inspection.slice(1).map((row) => row[c]))).toEqual(new Set(hostile));
});
