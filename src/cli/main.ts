/**
 * `moderation-qa <validate|sample|report|plan> FILE [options]`: the add-in's flows, headless, on
 * .xlsx and .csv files, for leads who schedule weekly reports. Exit codes: 0 done, 1 findings
 * with --strict, 2 bad input or usage (with a clear message, never a stack trace).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import cliProgress from 'cli-progress';
import { Command, CommanderError, Option } from 'commander';
import { INSPECTION_LEVELS, AQLS, type Aql, type InspectionLevel } from '../core/iso2859/planTables';
import { samplingPlan } from '../core/iso2859/samplingPlan';
import type { DecisionField, Lang } from '../core/model';
import { SAMPLING_METHODS, SAMPLING_UNITS, type SamplingMethod, type SamplingUnit } from '../core/sampling/drawSample';
import { createWorkbook, type EmulatedWorkbook } from '../emulator';
import { importCsv } from '../emulator/csv';
import { exportXlsx, importXlsx } from '../emulator/xlsx';
import { readXlsxFile, writeXlsxFile } from '../emulator/xlsxStream';
import { FlowError, type Progress } from '../excel/host';
import { reportFlow } from '../excel/reportFlow';
import { sampleFlow, type SampleSize } from '../excel/sampleFlow';
import { isOwnSheet } from '../excel/sheets';
import { validateFlow } from '../excel/validateFlow';
import { t, type MessageKey } from '../i18n';
import { registerAgreement } from './agreement';
import { usesWarehouse, WarehouseFailure } from './warehouse/commands';
import { addWarehouseOptions, registerExport, warehouseSample, warehouseValidate } from './warehouse/cliActions';

/** Above this file size the streaming reader is used (ExcelJS's in-memory one needs ~16 KB a row). */
const STREAM_BYTES = 20 * 1024 * 1024;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  now(): number;
}

function langOf(argv: string[], env: CliIo['env']): Lang {
  const i = argv.indexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  if (v === 'ja' || v === 'en') return v;
  return (env.LC_ALL ?? env.LANG ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export async function openBook(file: string, lang: Lang): Promise<EmulatedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new CliFailure(t('cli.error.file', { file, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? (lang === 'ja' ? 'ファイルがありません' : 'no such file') : (error as Error).message }, lang));
  }
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === '.csv') return createWorkbook(importCsv(bytes, path.basename(file, ext)));
    if (ext === '.xlsx') return createWorkbook(bytes.length > STREAM_BYTES ? await readXlsxFile(file) : await importXlsx(bytes));
  } catch (error) {
    throw new CliFailure(t('cli.error.file', { file, reason: (error as Error).message }, lang));
  }
  throw new CliFailure(t('cli.error.file', { file, reason: ext || '?' }, lang));
}

export async function saveBook(book: EmulatedWorkbook, file: string): Promise<void> {
  const cells = book.model.sheets.reduce((s, sh) => s + sh.rows.length * (sh.rows[0]?.length ?? 1), 0);
  // Big books go through the streaming writer (values and formats; tables need the in-memory one).
  if (cells > 2_000_000) await writeXlsxFile(book.model, file);
  else fs.writeFileSync(file, await exportXlsx(book.model));
}

export function decisionsSheet(book: EmulatedWorkbook, wanted?: string): string | undefined {
  if (wanted) return wanted;
  return book.model.sheets.find((s) => !isOwnSheet(s.name))?.name;
}

class CliFailure extends Error {}

export function progressBar(io: CliIo, lang: Lang): Progress | undefined {
  if (!io.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return (done, total) => {
    if (!bar) {
      bar = new cliProgress.SingleBar({ format: `${t('cli.progress', {}, lang)} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const lang = langOf(argv, io.env);
  const L = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, lang);
  let exit = 0;
  const program = new Command('moderation-qa')
    .description(L('cli.description'))
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .showHelpAfterError(false);
  const common = (c: Command) =>
    c
      .argument('<file>', '.xlsx / .csv')
      .option('--sheet <name>', L('cli.opt.sheet'))
      .option('--out <file>', L('cli.opt.out'))
      .option('--json', L('cli.opt.json'))
      .addOption(new Option('--lang <lang>', L('cli.opt.lang')).choices(['en', 'ja']));
  const print = (json: boolean | undefined, data: unknown, text: string) => io.out(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);

  const warehouse = { lang, now: io.now(), out: io.out };
  addWarehouseOptions(common(program.command('validate').description(L('cli.validate'))), lang, 'validate')
    .option('--strict', L('cli.opt.strict'))
    .action(async (file: string, o: { sheet?: string; out?: string; json?: boolean; strict?: boolean; engine?: string; perRule?: string; taxonomy?: string }) => {
      if (usesWarehouse(file, o.engine)) {
        if ((await warehouseValidate(file, o, warehouse)) > 0 && o.strict) exit = 1;
        return;
      }
      const book = await openBook(file, lang);
      const result = await validateFlow(book.run, { sheet: decisionsSheet(book, o.sheet), lang, now: io.now(), progress: progressBar(io, lang) });
      print(o.json, { sheet: result.sheet, rowsChecked: result.rowsChecked, counts: result.counts, findings: result.findings.map((f) => ({ address: f.address, rule: f.code, severity: f.severity, message: f.message, suggestion: f.suggestion ?? null })) }, L('cli.done.validate', { rows: result.rowsChecked, sheet: result.sheet, findings: result.findings.length }));
      if (o.out) await saveBook(book, o.out);
      if (o.strict && result.findings.length) exit = 1;
    });

  addWarehouseOptions(common(program.command('sample').description(L('cli.sample'))), lang, 'sample')
    .requiredOption('--batch <name>', L('cli.opt.batch'))
    .addOption(new Option('--method <method>', L('cli.opt.method')).choices([...SAMPLING_METHODS]).default('simple'))
    .option('--n <n>', L('cli.opt.n'))
    .option('--percent <p>', L('cli.opt.percent'))
    .addOption(new Option('--level <level>', L('cli.opt.level')).choices([...INSPECTION_LEVELS]))
    .addOption(new Option('--aql <aql>', L('cli.opt.aql')).choices([...AQLS]))
    .option('--seed <seed>', L('cli.opt.seed'))
    .option('--strata <fields>', L('cli.opt.strata'))
    .option('--quota <k>', L('cli.opt.quota'))
    .addOption(new Option('--unit <unit>', L('cli.opt.unit')).choices([...SAMPLING_UNITS]).default('decision'))
    .action(async (file: string, o: { sheet?: string; out?: string; json?: boolean; batch: string; method: SamplingMethod; n?: string; percent?: string; level?: InspectionLevel; aql?: Aql; seed?: string; strata?: string; quota?: string; engine?: string; unit: SamplingUnit }) => {
      const size: SampleSize = o.level && o.aql ? { kind: 'iso2859', level: o.level, aql: o.aql } : o.percent ? { kind: 'percent', percent: Number(o.percent) } : { kind: 'fixed', n: Number(o.n ?? 50) };
      if ((size.kind === 'fixed' && !(size.n > 0 && Number.isInteger(size.n))) || (size.kind === 'percent' && !(size.percent > 0 && size.percent <= 100))) throw new CommanderError(2, 'usage', lang === 'ja' ? '--n は正の整数、--percent は 0〜100 にしてください。' : '--n must be a whole number above 0 and --percent between 0 and 100.');
      if (usesWarehouse(file, o.engine)) return warehouseSample(file, o, size, warehouse);
      const book = await openBook(file, lang);
      const result = await sampleFlow(book.run, {
        batch: o.batch,
        method: o.method,
        size,
        seed: o.seed ?? o.batch,
        strata: o.strata ? (o.strata.split(',').map((s) => s.trim()) as DecisionField[]) : undefined,
        quota: o.quota ? Number(o.quota) : undefined,
        unit: o.unit,
        sheet: decisionsSheet(book, o.sheet),
        lang,
        now: io.now(),
        progress: progressBar(io, lang),
      });
      print(o.json, result, L('cli.done.sample', { batch: result.batch, n: result.sampleSize, lot: result.lotSize, sheet: result.sheet }));
      if (o.out) await saveBook(book, o.out);
    });

  common(program.command('report').description(L('cli.report')))
    .requiredOption('--batch <name>', L('cli.opt.batch'))
    .action(async (file: string, o: { out?: string; json?: boolean; batch: string }) => {
      const book = await openBook(file, lang);
      const result = await reportFlow(book.run, { batch: o.batch, lang });
      const s = result.summary;
      print(o.json, { sheet: result.sheet, lotSize: result.lotSize, sampleSize: s.sampleSize, inspected: s.inspected, outcomes: s.outcomes, accuracy: { rate: s.accuracy.rate, wilson95: s.accuracy.wilson, clopperPearson95: s.accuracy.clopperPearson }, errorRates: Object.fromEntries(Object.entries(s.errorRates).map(([k, r]) => [k, r.rate])), kappa: s.kappa, weightedAccuracy: s.weightedAccuracy, lotDecision: s.lotDecision ?? null, escalations: result.escalations }, L('cli.done.report', { sheet: result.sheet, inspected: s.inspected, n: s.sampleSize, accuracy: Number.isFinite(s.accuracy.rate) ? `${(s.accuracy.rate * 100).toFixed(1)}%` : '—' }));
      if (o.out) await saveBook(book, o.out);
    });

  registerExport(program, warehouse);

  program
    .command('plan')
    .description(L('cli.plan'))
    .requiredOption('--lot <n>', L('cli.opt.lot'))
    .addOption(new Option('--level <level>', L('cli.opt.level')).choices([...INSPECTION_LEVELS]).default('II'))
    .addOption(new Option('--aql <aql>', L('cli.opt.aql')).choices([...AQLS]).makeOptionMandatory())
    .option('--json', L('cli.opt.json'))
    .addOption(new Option('--lang <lang>', L('cli.opt.lang')).choices(['en', 'ja']))
    .action((o: { lot: string; level: InspectionLevel; aql: Aql; json?: boolean }) => {
      const lot = Number(o.lot);
      if (!Number.isInteger(lot) || lot < 2) throw new CommanderError(2, 'usage', lang === 'ja' ? '--lot は 2 以上の整数にしてください。' : '--lot must be a whole number of at least 2.');
      const plan = samplingPlan({ lotSize: lot, level: o.level, aql: o.aql });
      print(o.json, { lot, level: o.level, aql: o.aql, ...plan }, L(plan.inspectAll ? 'cli.done.planAll' : 'cli.done.plan', { lot, level: o.level, aql: o.aql, letter: plan.letter, n: plan.sampleSize, ac: plan.accept, re: plan.reject }));
    });

  registerAgreement(program, { io, lang, L, common, print });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
      io.err(`${L('cli.error.usage', { message: error.message.replace(/^error: /, '') })}\n`);
      return 2;
    }
    if (error instanceof FlowError) {
      io.err(`${error.render(lang)}\n`);
      return 2;
    }
    if (error instanceof CliFailure || error instanceof WarehouseFailure) {
      io.err(`${error.message}\n`);
      return 2;
    }
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env, isTTY: Boolean(process.stderr.isTTY), now: () => Date.now() }).then((code) => {
    process.exitCode = code;
  });
}
