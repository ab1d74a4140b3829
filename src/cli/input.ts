/**
 * What the file commands (validate, sample, report) share: their common options, opening the
 * input with `--out` checked first, the decisions sheet (never a hidden one), `--map`, and how
 * the CSV reader's issues are shown.
 */
import { Option, type Command } from 'commander';
import type { Mapping } from '../core/mapping/detectMapping';
import type { DecisionField } from '../core/model';
import type { EmulatedWorkbook } from '../emulator';
import type { CsvIssue } from '../emulator/csv';
import type { CliContext } from './context';
import { openInput, planOutput, saveOutput, type OutputPlan } from './files';
import { progressBar } from './progress';

export interface InputOptions {
  sheet?: string;
  out?: string;
  inPlace?: boolean;
  map?: string;
  json?: boolean;
}

/** A command on a file: `<file>`, --sheet, --map, --out, --in-place, --json, --lang. */
export function fileCommand(program: Command, name: string, description: string, ctx: CliContext): Command {
  return program
    .command(name)
    .description(description)
    .argument('<file>', ctx.L('cli.help.file'))
    .option('--sheet <name>', ctx.L('cli.opt.sheet'))
    .option('--map <field=column,…>', ctx.L('cli.opt.map'))
    .option('--out <file>', ctx.L('cli.opt.out'))
    .option('--in-place', ctx.L('cli.opt.inPlace'))
    .option('--json', ctx.L('cli.opt.json'))
    .addOption(new Option('--lang <lang>', ctx.L('cli.opt.lang')).choices(['en', 'ja']));
}

export interface DecisionsInput {
  book: EmulatedWorkbook;
  csvIssues: CsvIssue[];
  /** The decisions sheet: --sheet, else the first visible sheet that is not the add-in's. */
  sheet?: string;
  /** From --map, else undefined (detection and any confirmed mapping decide). */
  mapping?: Mapping;
  output: OutputPlan;
  /** Writes --out (verified, atomically); nothing without --out. */
  save(): Promise<void>;
}

/** What every flow that reads the decisions is given: the sheet, --map, the language, the clock and a progress bar. */
export function readingOptions(input: DecisionsInput, ctx: CliContext) {
  return {
    sheet: input.sheet,
    mapping: input.mapping,
    lang: ctx.lang,
    now: ctx.io.now(),
    progress: progressBar(ctx),
  };
}

/** Opens the input for a command: --out checked before any work, then the file, the sheet and --map. */
export async function openDecisions(file: string, o: InputOptions, ctx: CliContext): Promise<DecisionsInput> {
  const output = planOutput(file, o, ctx);
  const { book, csvIssues } = await openInput(file, ctx);
  const { isOwnSheet } = await import('../flows/sheets');
  let sheet = o.sheet;
  if (sheet !== undefined) {
    const found = book.model.sheet(sheet);
    if (!found) throw ctx.fail('cli.error.noSheet', { sheet, sheets: book.model.sheets.map((s) => s.name).join(', ') });
    sheet = found.name;
  } else {
    // Hidden and very hidden sheets are never the decisions sheet (lookup lists, old exports).
    sheet = book.model.sheets.find((s) => !isOwnSheet(s.name) && s.visibility === 'Visible')?.name;
  }
  const mapping = o.map ? await parseMap(o.map, book, sheet, ctx) : undefined;
  if (csvIssues.length) ctx.note(ctx.L('cli.csv.summary', { count: csvIssues.length, file }));
  return { book, csvIssues, sheet, mapping, output, save: () => saveOutput(book, output, ctx) };
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * `--map verdict=判定,item_id=投稿ID`: fields to header names (or column letters) of the
 * decisions sheet's header row, found the way the add-in finds it.
 */
async function parseMap(
  text: string,
  book: EmulatedWorkbook,
  sheet: string | undefined,
  ctx: CliContext,
): Promise<Mapping> {
  const { DECISION_FIELDS } = await import('../core/model');
  const { mapFlow } = await import('../flows/mapFlow');
  const { columnLetter } = await import('../excelSpec');
  const located = await mapFlow(book.run, { sheet, previewRows: 0 });
  const header = (located.preview[0] ?? []).map((h) => String(h ?? ''));
  const mapping: Mapping = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw ctx.fail('cli.error.mapSyntax', { pair });
    const field = pair.slice(0, eq).trim() as DecisionField;
    const column = pair.slice(eq + 1).trim();
    if (!(DECISION_FIELDS as readonly string[]).includes(field))
      throw ctx.fail('cli.error.mapField', { field, fields: DECISION_FIELDS.join(', ') });
    let index = header.findIndex((h) => fold(h) === fold(column));
    if (index < 0 && /^[A-Za-z]{1,3}$/.test(column))
      index = header.findIndex((_, c) => columnLetter(c) === column.toUpperCase());
    if (index < 0) throw ctx.fail('cli.error.mapHeader', { column, field, headers: header.filter(Boolean).join(', ') });
    mapping[field] = index;
  }
  return mapping;
}

const ENCODING_NAMES: Record<string, string> = {
  UTF8: 'UTF-8',
  UTF16LE: 'UTF-16',
  UTF16BE: 'UTF-16',
  SJIS: 'Shift_JIS',
  EUCJP: 'EUC-JP',
  JIS: 'ISO-2022-JP',
};

/** A CSV issue as a finding row: the cell, the rule, and the localized message. */
export function csvFindings(issues: CsvIssue[], sheet: string, ctx: CliContext) {
  return issues.map((i) => ({
    address: `'${sheet.replace(/'/g, "''")}'!A${i.row}`,
    rule: `csv_${i.code}`,
    severity: 'error',
    message: ctx.L(`cli.csv.${i.code}`, {
      line: i.line,
      row: i.row,
      cells: i.cells ?? '',
      expected: i.expected ?? '',
      encoding: ENCODING_NAMES[i.encoding ?? ''] ?? i.encoding ?? '',
    }),
    suggestion: null,
  }));
}

/** Findings as a plain-text table, at most `limit` rows, and how many were left out. */
export function findingsTable(
  rows: { address: string; rule: string; severity: string; message: string }[],
  limit: number,
  ctx: CliContext,
): string {
  const shown = rows.slice(0, limit);
  const head = [
    ctx.L('cli.findings.cell'),
    ctx.L('cli.findings.rule'),
    ctx.L('cli.findings.severity'),
    ctx.L('cli.findings.message'),
  ];
  const width = (s: string) =>
    [...s].reduce(
      (w, ch) =>
        w +
        (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
          ? 2
          : 1),
      0,
    );
  const cut = (s: string, max: number) => {
    let out = '';
    for (const ch of s.replace(/\s+/g, ' ')) {
      if (width(out + ch) > max - 1) return `${out}…`;
      out += ch;
    }
    return out;
  };
  const cells = shown.map((r) => [cut(r.address, 28), r.rule, r.severity, cut(r.message, 100)]);
  const widths = head.map((h, c) => Math.max(width(h), ...cells.map((r) => width(r[c]))));
  const line = (r: string[]) =>
    r.map((v, c) => (c === r.length - 1 ? v : v + ' '.repeat(widths[c] - width(v)))).join('  ');
  const lines = [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  if (rows.length > shown.length) lines.push(ctx.L('cli.findings.more', { count: rows.length - shown.length }));
  return lines.join('\n');
}
