/**
 * The CLI's files: reading the input (named for what it really is, whatever its name says),
 * checking `--out` before any work (never the input unless `--in-place`, never a .csv name), and
 * writing beside the target, verified, then renamed over it — so a failed write leaves no
 * half-written file and a success line is printed only after the file is there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EmulatedWorkbook } from '../emulator';
import type { CsvIssue } from '../emulator/csv';
import type { CliContext } from './context';
import type { MessageKey } from '../i18n';

export interface OpenedInput {
  book: EmulatedWorkbook;
  /** Rows the CSV reader could not read as they were (named by line), for the findings. */
  csvIssues: CsvIssue[];
  format: 'xlsx' | 'csv';
}

/** An errno as words the user can act on (EACCES → "permission denied"). */
function reasonOf(ctx: CliContext, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const known: Record<string, MessageKey> = {
    ENOENT: 'cli.reason.ENOENT',
    EACCES: 'cli.reason.EACCES',
    EPERM: 'cli.reason.EACCES',
    EISDIR: 'cli.reason.EISDIR',
    ENOSPC: 'cli.reason.ENOSPC',
    EROFS: 'cli.reason.EROFS',
    ENOTDIR: 'cli.reason.ENOENT',
    EBUSY: 'cli.reason.EBUSY',
  };
  return code && known[code] ? ctx.L(known[code]) : ctx.L('cli.reason.other', { code: code ?? '?' });
}

/** Reads the input file; refuses, by name, what is not a workbook or a CSV. */
export async function openInput(file: string, ctx: CliContext): Promise<OpenedInput> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw ctx.fail('cli.error.read', { file, reason: reasonOf(ctx, error) });
  }
  const { sniffFile } = await import('../emulator/sniff');
  const kind = sniffFile(bytes);
  const ext = path.extname(file).toLowerCase();
  const refusals: Partial<Record<typeof kind, MessageKey>> = {
    empty: 'cli.kind.empty',
    damaged: 'cli.kind.damaged',
    encrypted: 'cli.kind.encrypted',
    xls: 'cli.kind.xls',
    xlsb: 'cli.kind.xlsb',
    ods: 'cli.kind.ods',
    zip: 'cli.kind.zip',
    compound: 'cli.kind.compound',
    html: 'cli.kind.html',
    pdf: 'cli.kind.pdf',
    binary: 'cli.kind.binary',
  };
  const refusal = refusals[kind];
  if (refusal) throw ctx.fail(refusal, { file });
  const { createWorkbook } = await import('../emulator');
  if (kind === 'text') {
    if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') ctx.note(ctx.L('cli.kind.renamedText', { file }));
    const { readCsv } = await import('../emulator/csv');
    const { model, issues } = readCsv(bytes, path.basename(file, path.extname(file)));
    return { book: createWorkbook(model), csvIssues: issues, format: 'csv' };
  }
  if (ext !== '.xlsx' && ext !== '.xlsm') ctx.note(ctx.L('cli.kind.renamedXlsx', { file }));
  try {
    const { importXlsx } = await import('../emulator/xlsx');
    return { book: createWorkbook(await importXlsx(bytes)), csvIssues: [], format: 'xlsx' };
  } catch {
    // The library's own words (JSZip, ExcelJS) name nothing the user can fix.
    throw ctx.fail('cli.kind.damaged', { file });
  }
}

export interface OutputPlan {
  /** The file to write, or undefined (nothing is saved). */
  out?: string;
  /** Writing over the input, asked for with --in-place. */
  inPlace: boolean;
}

/** The real file a path names (links followed), or the path itself when nothing is there yet. */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev; // hard links
  } catch {
    return false;
  }
}

/**
 * Checks `--out` before any work: an .xlsx name, not the input (also through a link) unless
 * `--in-place`, in a folder that exists and can be written.
 */
export function planOutput(input: string, o: { out?: string; inPlace?: boolean }, ctx: CliContext): OutputPlan {
  const out = o.out ?? (o.inPlace ? input : undefined);
  if (!out) return { inPlace: false };
  const ext = path.extname(out).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') throw ctx.fail('cli.error.outCsv', { file: out });
  if (ext !== '.xlsx') throw ctx.fail('cli.error.outType', { file: out });
  const same = sameFile(input, out);
  if (same && !o.inPlace) throw ctx.fail('cli.error.outIsInput', { file: out });
  const dir = path.dirname(realTarget(out));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw ctx.fail('cli.error.write', { file: out, reason: reasonOf(ctx, error) });
  }
  if (fs.existsSync(out) && fs.statSync(out).isDirectory())
    throw ctx.fail('cli.error.write', { file: out, reason: ctx.L('cli.reason.EISDIR') });
  return { out, inPlace: same };
}

/**
 * Writes the workbook into its package, through a temporary file beside the target that is
 * checked and then renamed over it (xlsxStream's replaceFileAtomically; a link keeps pointing at
 * the replaced file). Over the input (--in-place), the bytes are also read back as a workbook
 * holding every sheet before anything is replaced.
 */
export async function saveOutput(book: EmulatedWorkbook, plan: OutputPlan, ctx: CliContext): Promise<void> {
  if (!plan.out) return;
  const { exportXlsx, importXlsx } = await import('../emulator/xlsx');
  const { replaceFileAtomically } = await import('../emulator/xlsxStream');
  const bytes = await exportXlsx(book.model);
  if (plan.inPlace) {
    const back = await importXlsx(bytes).catch(() => undefined);
    const missing = book.model.sheets.find((s) => !back?.sheet(s.name));
    if (missing) throw ctx.fail('cli.error.verify', { file: plan.out, sheet: missing.name });
  }
  try {
    replaceFileAtomically(plan.out, bytes);
  } catch (error) {
    throw ctx.fail('cli.error.write', { file: plan.out, reason: reasonOf(ctx, error) });
  }
}
