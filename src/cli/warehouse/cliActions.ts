/**
 * What the CLI's `sample`, `validate` and `export` print and write on the warehouse path. main.ts
 * routes a run here (`usesWarehouse`); the flows' semantics live in the modules beside this one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import type { DecisionField } from '../../core/model';
import type { Lang } from '../../i18n';
import type { SamplingMethod } from '../../core/sampling/drawSample';
import { SQL_DIALECTS, type DrawUnit, type SqlDialect } from '../../core/warehouse/drawSql';
import type { SampleSize } from '../../flows/sampleFlow';
import { t, type MessageKey } from '../../i18n';
import type { CliCommand } from '../context';
// Loaded when a warehouse run starts (it brings DuckDB), so `--help` and `plan` start fast.
import type { ExportFormat } from './commands';

const EXPORT_FORMATS: readonly ExportFormat[] = ['parquet', 'csv'];

export interface WarehouseCliContext {
  lang: Lang;
  now: number;
  out(text: string): void;
}

/** The options the warehouse path adds to `sample` (and, in part, `validate`). */
export function addWarehouseOptions(command: Command, lang: Lang, kind: 'sample' | 'validate'): Command {
  const L = (key: MessageKey) => t(key, {}, lang);
  command
    .addOption(new Option('--engine <engine>', L('cli.opt.engine')).choices(['sheet', 'duckdb']))
    .option('--taxonomy <workbook>', L('cli.opt.taxonomy'));
  if (kind === 'validate') return command.option('--per-rule <n>', L('cli.opt.perRule'));
  return command
    .addOption(new Option('--emit-sql <dialect>', L('cli.opt.emitSql')).choices([...SQL_DIALECTS]))
    .option('--table <name>', L('cli.opt.table'))
    .option('--exclude-from <files...>', L('cli.opt.excludeFrom'));
}

export interface WarehouseSampleCli {
  batch: string;
  method: SamplingMethod;
  seed?: string;
  strata?: string;
  quota?: string;
  unit?: DrawUnit;
  json?: boolean;
  out?: string;
  emitSql?: SqlDialect;
  table?: string;
  excludeFrom?: string[];
  taxonomy?: string;
}

/** `sample LOT …` through DuckDB: writes the sample workbook to --out, or prints the SQL. */
export async function warehouseSample(
  file: string,
  o: WarehouseSampleCli,
  size: SampleSize,
  ctx: WarehouseCliContext,
): Promise<void> {
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, ctx.lang);
  const { sampleFromWarehouse } = await import('./commands');
  const run = await sampleFromWarehouse(
    file,
    {
      batch: o.batch,
      method: o.method,
      size,
      seed: o.seed ?? o.batch,
      unit: o.unit ?? 'decision',
      strata: o.strata ? (o.strata.split(',').map((s) => s.trim()) as DecisionField[]) : undefined,
      quota: o.quota ? Number(o.quota) : undefined,
      excludeFrom: o.excludeFrom,
      taxonomyFrom: o.taxonomy,
      lang: ctx.lang,
      now: ctx.now,
    },
    { emitSql: o.emitSql, table: o.table },
  );
  const n = run.draw.rows.length;
  if (run.sql !== undefined) {
    ctx.out(run.sql);
    ctx.out(`-- ${L('warehouse.done.emitSql', { dialect: o.emitSql ?? '', n, lot: run.draw.lotSize })}\n`);
    return;
  }
  const summary = {
    batch: o.batch,
    lotSize: run.draw.lotSize,
    sampleSize: n,
    excluded: run.draw.excluded,
    plan: run.draw.plan ?? null,
    allocation: run.draw.allocation,
    engine: 'duckdb',
    sheet: run.result?.sheet,
    itemIds: run.draw.rows.map((r) => r.itemId),
  };
  ctx.out(
    o.json
      ? `${JSON.stringify(summary, null, 2)}\n`
      : `${L('warehouse.done.sample', {
          batch: o.batch,
          n,
          lot: run.draw.lotSize,
          file: path.basename(file),
          rows: run.draw.lotSize,
        })}\n`,
  );
  if (o.out && run.bytes) {
    fs.writeFileSync(o.out, run.bytes);
    if (!o.json) ctx.out(`${L('cli.wrote', { file: o.out })}\n`);
  }
}

/** `validate LOT …` through DuckDB: counts per rule and the first findings of each. */
export async function warehouseValidate(
  file: string,
  o: { json?: boolean; perRule?: string; taxonomy?: string },
  ctx: WarehouseCliContext,
): Promise<number> {
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, ctx.lang);
  const perRule = o.perRule ? Math.max(1, Math.floor(Number(o.perRule)) || 20) : 20;
  const { validateWarehouse } = await import('./commands');
  const v = await validateWarehouse(file, { lang: ctx.lang, now: ctx.now, perRule, taxonomyFrom: o.taxonomy });
  const total = Object.values(v.counts).reduce((s, n) => s + (n ?? 0), 0);
  if (o.json) {
    ctx.out(
      `${JSON.stringify(
        {
          file: path.basename(file),
          engine: 'duckdb',
          rowsChecked: v.rowsChecked,
          counts: v.counts,
          findings: v.findings.map((f) => ({
            address: f.address,
            row: f.row,
            rule: f.code,
            severity: f.severity,
            message: f.message,
            suggestion: f.suggestion ?? null,
          })),
        },
        null,
        2,
      )}\n`,
    );
    return total;
  }
  ctx.out(
    `${L('warehouse.done.validate', {
      rows: v.rowsChecked,
      file: path.basename(file),
      findings: total,
      rules: Object.keys(v.counts).length,
    })}\n`,
  );
  for (const [code, count] of Object.entries(v.counts)) {
    const listed = v.findings.filter((f) => f.code === code);
    ctx.out(`\n${code} (${count})\n`);
    for (const f of listed) ctx.out(`  ${f.message}\n`);
    if ((count ?? 0) > listed.length)
      ctx.out(`  ${L('warehouse.findings.more', { more: (count ?? 0) - listed.length })}\n`);
  }
  return total;
}

/** Registers `export WORKBOOK --format parquet|csv --out FILE`. */
export function registerExport(program: Command, ctx: WarehouseCliContext): void {
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, ctx.lang);
  program
    .command('export')
    .description(L('cli.export'))
    .argument('<file>', '.xlsx')
    .addOption(new Option('--format <format>', L('cli.opt.format')).choices([...EXPORT_FORMATS]).default('parquet'))
    .requiredOption('--out <file>', L('cli.opt.out'))
    .option('--batch <name>', L('cli.opt.batch'))
    .option('--include-pending', L('cli.opt.includePending'))
    .option('--json', L('cli.opt.json'))
    .addOption(new Option('--lang <lang>', L('cli.opt.lang')).choices(['en', 'ja']))
    .action(
      async (
        file: string,
        o: { format: ExportFormat; out: string; batch?: string; includePending?: boolean; json?: boolean },
      ) => {
        const { exportInspections } = await import('./commands');
        const r = await exportInspections(file, o.out, {
          format: o.format,
          lang: ctx.lang,
          batch: o.batch,
          includePending: o.includePending,
        });
        ctx.out(
          o.json
            ? `${JSON.stringify({ file: o.out, format: o.format, ...r }, null, 2)}\n`
            : `${L('warehouse.done.export', { rows: r.rows, batches: r.batches.join(', '), file: o.out })}\n`,
        );
      },
    );
}

/** `export` as a CLI sub-command (registered in main.ts's COMMANDS). */
export const exportCommand: CliCommand = (program, ctx) =>
  registerExport(program, { lang: ctx.lang, now: ctx.io.now(), out: ctx.io.out });

/** Whether a run goes through DuckDB (see commands.ts usesWarehouse), loading it only then. */
export async function usesWarehouseLazily(file: string, engine?: string): Promise<boolean> {
  const f = file.toLowerCase();
  if (engine === 'sheet' || !['.parquet', '.csv', '.csv.gz', '.tsv', '.tsv.gz'].some((ext) => f.endsWith(ext)))
    return false;
  return (await import('./commands')).usesWarehouse(file, engine);
}
