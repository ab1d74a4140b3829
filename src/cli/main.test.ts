import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importXlsx } from '../emulator/xlsx';
import { main } from './main';
import { capturedIo, tempFolder, writeDemoDecisions } from './testing';

const NOW = Date.UTC(2026, 10, 24, 12);
const io = () => capturedIo(NOW);
const dir = tempFolder('mqa-cli-');
const decisions = path.join(dir, 'decisions.xlsx');

beforeAll(() => writeDemoDecisions(decisions, 600, 21));

test(
  "plan prints the ISO 2859-1 plan (the standard's " + 'worked example) in English and Japanese, and as JSON',
  async () => {
    const a = io();
    expect(await main(['plan', '--lot', '5000', '--level', 'II', '--aql', '1.5'], a.value)).toBe(0);
    expect(a.out.join('')).toContain('code letter L, inspect 200, accept with ≤ 7 defects, reject with ≥ 8');
    const b = io();
    expect(await main(['plan', '--lot', '5000', '--aql', '1.5', '--lang', 'ja', '--json'], b.value)).toBe(0);
    expect(JSON.parse(b.out.join(''))).toMatchObject({ letter: 'L', sampleSize: 200, accept: 7, reject: 8 });
  },
);

test('validate with --json lists findings; --strict exits 1 when there are findings', async () => {
  const a = io();
  expect(await main(['validate', decisions, '--json', '--strict'], a.value)).toBe(1);
  const json = JSON.parse(a.out.join(''));
  expect(json.rowsChecked).toBe(600);
  expect(json.findings.length).toBeGreaterThan(0);
  expect(json.findings[0].address).toMatch(/^'判定'!/);
});

test('sample then report on the written file: the same flows, headless', async () => {
  const out = path.join(dir, 'sampled.xlsx');
  const a = io();
  expect(
    await main(
      ['sample', decisions, '--batch', 'w48', '--level', 'II', '--aql', '2.5', '--seed', 'w48', '--json', '--out', out],
      a.value,
    ),
  ).toBe(0);
  const sample = JSON.parse(a.out.join(''));
  expect(sample.itemIds).toHaveLength(sample.sampleSize);
  const model = await importXlsx(fs.readFileSync(out));
  expect(model.sheet('QA w48')).toBeDefined();
  const r = io();
  expect(await main(['report', out, '--batch', 'w48', '--json'], r.value)).toBe(0);
  expect(JSON.parse(r.out.join(''))).toMatchObject({
    sampleSize: sample.sampleSize,
    inspected: 0,
    lotSize: sample.lotSize,
  });
});

test('bad input and usage exit 2 with a clear message, never a stack trace', async () => {
  for (const [args, text] of [
    [['validate', path.join(dir, 'missing.xlsx')], 'no such file'],
    [['plan', '--lot', '1', '--aql', '1.5'], '--lot must be a whole number'],
    [['plan', '--lot', '10', '--aql', '3'], 'Run with --help'],
    [['sample', decisions, '--batch', 'x'.repeat(30)], 'cannot be used'],
    [['frobnicate'], 'Run with --help'],
  ] as const) {
    const a = io();
    expect(await main([...args], a.value)).toBe(2);
    expect(a.err.join('')).toContain(text);
    expect(a.err.join('')).not.toMatch(/\n\s+at /);
  }
});

test('the installed command runs from the repository (bin/moderation-qa.js), with help in Japanese', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'moderation-qa.js');
  const help = execFileSync(process.execPath, [bin, '--help', '--lang', 'ja'], { encoding: 'utf8' });
  expect(help).toContain('ロットの ISO 2859-1 一回抜取方式を表示する');
  const bad = spawnSync(process.execPath, [bin, 'plan', '--lot', 'x', '--aql', '1.5'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
});
