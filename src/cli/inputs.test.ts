/**
 * The CLI as a lead runs it on real inputs (issues 10 and 13): what it refuses, what it says,
 * and that it never writes over its input unless told to.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkbook } from '../emulator';
import { exportXlsx, importXlsx } from '../emulator/xlsx';
import { main } from './main';
import { capturedIo, tempFolder, writeDemoDecisions } from './testing';

const NOW = Date.UTC(2026, 10, 24, 12);
const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'bad-input');

async function cli(args: string[], env: Record<string, string> = {}) {
  const io = capturedIo(NOW, env);
  const code = await main(args, io.value);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const dir = tempFolder('mqa-cli-inputs-');
const decisions = path.join(dir, 'decisions.xlsx');
let original: Buffer;

beforeAll(async () => {
  await writeDemoDecisions(decisions, 300, 7);
  original = fs.readFileSync(decisions);
});
afterEach(() => {
  // Whatever a test ran, the input is as it was.
  expect(fs.readFileSync(decisions).equals(original)).toBe(true);
});

const noStack = (text: string) =>
  expect(text).not.toMatch(/\n\s+at |Cannot read properties|end of central directory|EACCES|ENOENT/);

test('no arguments: the help on standard error and a failing exit code', async () => {
  const r = await cli([]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('Usage:');
  const ja = await cli([], { LANG: 'ja_JP.UTF-8' });
  expect(ja.code).toBe(2);
  expect(ja.err).toContain('使い方');
});

test('--help in Japanese translates the titles and placeholders too, not only the descriptions', async () => {
  for (const args of [
    ['--help', '--lang', 'ja'],
    ['sample', '--help', '--lang', 'ja'],
  ]) {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.out).toContain('使い方：');
    expect(r.out).toContain('オプション：');
    expect(r.out).not.toMatch(/Usage:|Options:|\[options\]|display help|choices:|default:/);
  }
});

test('sample without --out says nothing was saved and how to save, and writes nothing', async () => {
  const before = fs.readdirSync(dir).sort();
  const r = await cli(['sample', decisions, '--batch', 'w48', '--n', '10']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('Nothing was saved');
  expect(r.out).toContain('--out');
  expect(fs.readdirSync(dir).sort()).toEqual(before);
  const ja = await cli(['sample', decisions, '--batch', 'w48', '--n', '10', '--lang', 'ja']);
  expect(ja.out).toContain('何も保存していません');
});

test('an unknown stratum field is named with the fields to choose from (not "Excel could not finish")', async () => {
  const r = await cli([
    'sample',
    decisions,
    '--batch',
    'w1',
    '--method',
    'stratified_proportional',
    '--strata',
    'market,contry',
  ]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('"contry"');
  expect(r.err).toContain('market');
  expect(r.err).not.toContain('Excel could not finish');
  noStack(r.err);
});

test.each([
  [['--n', '10', '--percent', '5'], '--n and --percent cannot be used together'],
  [['--n', '10', '--level', 'II', '--aql', '1.5'], 'cannot be used together'],
  [['--level', 'II'], '--level II needs --aql'],
  [['--strata', 'market'], '--strata and --method simple cannot be used together'],
  [['--quota', '3'], '--quota and --method simple cannot be used together'],
  [['--method', 'moderator_quota'], 'needs --quota'],
  [['--method', 'moderator_quota', '--quota', '0'], '--quota must be a whole number above 0'],
  [['--n', 'ten'], '--n must be a whole number above 0'],
])('conflicting or bad sample options are refused before the file is read: %j', async (options, text) => {
  const r = await cli(['sample', path.join(dir, 'not-read.xlsx'), '--batch', 'b', ...options]);
  expect(r.code).toBe(2);
  expect(r.err).toContain(text);
  noStack(r.err);
});

test('--aql without --level says which plan was used', async () => {
  const r = await cli(['sample', decisions, '--batch', 'iso', '--aql', '2.5']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('used inspection level II');
  expect(r.out).toMatch(/Plan used: ISO 2859-1 .*level II, AQL 2\.5: code letter H, inspect 50/);
});

test(
  '--out equal to the input (also through a link) ' + 'is refused; --in-place writes beside, checks, and replaces',
  async () => {
    const copy = path.join(dir, 'copy.xlsx');
    fs.copyFileSync(decisions, copy);
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(copy, link);
    for (const out of [copy, link, path.join(dir, '.', 'copy.xlsx')]) {
      const r = await cli(['sample', copy, '--batch', 'b1', '--n', '5', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--in-place');
    }
    const copyBefore = fs.readFileSync(copy);
    expect(copyBefore.equals(original)).toBe(true);
    const r = await cli(['sample', link, '--batch', 'b1', '--n', '5', '--in-place']);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true); // the link still points at the replaced file
    const model = await importXlsx(fs.readFileSync(copy));
    expect(model.sheet('QA b1')).toBeDefined();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  },
);

test(
  'a .csv output name is refused, as is a folder that cannot be written ' + '— before anything claims success',
  async () => {
    const sampleTo = (out: string) => cli(['sample', decisions, '--batch', 'c', '--n', '5', '--out', out]);
    const csv = await sampleTo(path.join(dir, 'out.csv'));
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('.xlsx');
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o500);
    const isRoot = process.getuid?.() === 0;
    const r = await sampleTo(path.join(dir, 'missing-folder', 'out.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('there is no such file or folder');
    if (!isRoot) {
      const denied = await sampleTo(path.join(locked, 'out.xlsx'));
      expect(denied.err).toContain('permission denied');
      expect(denied.out).toBe('');
    }
    noStack(r.err);
  },
);

test.each([
  ['42-excel-97-2003.xls', 'Excel 97–2003'],
  ['44-xls-renamed.xlsx', 'Excel 97–2003'],
  ['43-opendocument.ods', 'OpenDocument'],
  ['45-binary-workbook.xlsb', '.xlsb'],
  ['46-password-protected.xlsx', 'password-protected'],
])('%s is named for what it is', async (file, text) => {
  const r = await cli(['validate', path.join(FIXTURES, file)]);
  expect(r.code).toBe(2);
  expect(r.err).toContain(text);
  noStack(r.err);
});

test("a damaged .xlsx and a missing file get a message with the fix, not the library's", async () => {
  const damaged = path.join(dir, 'damaged.xlsx');
  fs.writeFileSync(damaged, original.subarray(0, 2000));
  const r = await cli(['validate', damaged]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('could not be read');
  noStack(r.err);
  const missing = await cli(['validate', path.join(dir, 'nope.xlsx'), '--lang', 'ja']);
  expect(missing.err).toContain('そのファイルまたはフォルダーがありません');
  noStack(missing.err);
});

test("validate prints the findings as a table, capped, and the CSV reader's lines among them", async () => {
  const r = await cli(['validate', path.join(FIXTURES, '29-unbalanced-quote.csv'), '--limit', '3']);
  expect(r.code).toBe(0);
  const lines = r.out.split('\n');
  expect(lines[1]).toMatch(/^Cell\s+Rule\s+Severity\s+Message/);
  expect(r.out).toContain('csv_unbalanced_quote');
  expect(r.err).toContain('could not be read as written');
  const big = await cli(['validate', decisions, '--limit', '5']);
  expect(big.out).toMatch(/… and \d+ more/);
  expect(big.out.split('\n').filter((l) => /^'判定'!/.test(l))).toHaveLength(5);
});

test('report --batch W48 finds batch w48; an unknown batch is named with the batches there are', async () => {
  const sampled = path.join(dir, 'sampled.xlsx');
  const s = await cli(['sample', decisions, '--batch', 'w48', '--n', '20', '--out', sampled, '--json']);
  expect(s.code).toBe(0);
  const r = await cli(['report', sampled, '--batch', 'W48', '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ sampleSize: 20, lotSize: JSON.parse(s.out).lotSize });
  expect(r.err).toContain('Nothing was saved');
  const none = await cli(['report', sampled, '--batch', 'w49']);
  expect(none.code).toBe(2);
  expect(none.err).toContain('Batches: w48');
});

test('--map sets the mapping by header name; a header that is not there is named', async () => {
  const file = path.join(dir, 'odd-headers.xlsx');
  const b = createWorkbook();
  b.addSheet('Export', [
    ['投稿ID', '担当', '最終判定', 'ポリシー'],
    ['a1', 'sato', '削除', 'SAF.HATE'],
    ['a2', 'lee', '承認', ''],
  ]);
  fs.writeFileSync(file, await exportXlsx(b.model));
  const unmapped = await cli(['validate', file]);
  expect(unmapped.code).toBe(2);
  const r = await cli(['validate', file, '--map', 'moderator=担当,verdict=最終判定', '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).rowsChecked).toBe(2);
  const bad = await cli(['validate', file, '--map', 'verdict=判定']);
  expect(bad.err).toContain('no column "判定"');
});

test('hidden sheets are skipped when choosing the decisions sheet', async () => {
  const r = await cli(['validate', path.join(FIXTURES, '34-hidden-first-sheet.xlsx'), '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toMatchObject({ sheet: 'Decisions', rowsChecked: 7 });
});

test('the installed command reads files both compiled and through its tsx fallback (flows loaded on demand)', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'moderation-qa.js');
  const r = spawnSync(process.execPath, [bin, 'validate', path.join(FIXTURES, '28-mixed-line-endings.csv'), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, MQA_CLI_TSX: '1' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).rowsChecked).toBe(5);
});
