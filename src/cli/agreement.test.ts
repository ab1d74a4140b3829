import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreementReport } from '../core/stats/agreementReport';
import { importXlsx } from '../emulator/xlsx';
import { main } from './main';
import { capturedIo, tempFolder } from './testing';

const NOW = Date.UTC(2026, 11, 1, 12);
const dir = tempFolder('mqa-agreement-');

const io = () => capturedIo(NOW);

// The Japanese real-world workbook's shape (shared/realworld):
// Japanese headers and verdicts, 2–4 annotators per sentence.
const rows: string[][] = [['投稿ID', '担当者', '判定', 'ポリシー', '市場', '言語']];
const judgments: { item: string; rater: string; verdict: 'approve' | 'remove'; policy: string }[] = [];
for (let i = 0; i < 40; i++) {
  const k = 2 + (i % 3);
  for (let a = 1; a <= k; a++) {
    const remove = (i * 7 + a * (i % 4 === 0 ? 3 : 0)) % 5 === 0 || i % 6 === 0;
    const policy = remove ? (a === 2 && i % 3 === 0 ? 'SAF.HARASS' : 'SAF.HATE') : '';
    rows.push([`s${i}`, `annotator_${a}`, remove ? '削除' : '承認', policy, 'JP', 'ja']);
    judgments.push({ item: `s${i}`, rater: `annotator_${a}`, verdict: remove ? 'remove' : 'approve', policy });
  }
}
const file = path.join(dir, 'ja.csv');
fs.writeFileSync(file, `\uFEFF${rows.map((r) => r.join(',')).join('\n')}\n`);

test(
  'agreement --json gives alpha on the verdict and on verdict + policy, ' + 'with intervals, as the core computes them',
  async () => {
    const a = io();
    expect(await main(['agreement', file, '--json', '--resamples', '200', '--seed', 'ja'], a.value)).toBe(0);
    const json = JSON.parse(a.out.join(''));
    const direct = agreementReport(judgments, { seed: 'ja', resamples: 200 });
    expect(json.items).toBe(40);
    expect(json.judgments).toBe(rows.length - 1);
    expect(json.alphaVerdict).toEqual({
      value: direct.alphaVerdict.value,
      ci95: [direct.alphaVerdict.low, direct.alphaVerdict.high],
      items: 40,
    });
    expect(json.alphaVerdictPolicy.value).toBe(direct.alphaVerdictPolicy.value);
    expect(json.pairwiseKappa.length).toBe(6); // 4 annotator slots: 6 pairs
  },
);

test('agreement in Japanese, and --out writes QA Agreement into a copy beside every decision row', async () => {
  const a = io();
  const out = path.join(dir, 'with-agreement.xlsx');
  expect(await main(['agreement', file, '--lang', 'ja', '--resamples', '50', '--out', out], a.value)).toBe(0);
  expect(a.out.join('')).toContain('判定＋ポリシーの α');
  const book = await importXlsx(fs.readFileSync(out));
  expect(book.sheets.map((s) => s.name)).toContain('QA Agreement');
  expect(book.sheets[0].rows.length).toBe(rows.length);
});

test('bad input: no item judged twice, or a bad --resamples, exits 2 with a message', async () => {
  const single = path.join(dir, 'single.csv');
  fs.writeFileSync(single, 'item_id,moderator,verdict\n1,a,approve\n2,a,remove\n');
  const a = io();
  expect(await main(['agreement', single], a.value)).toBe(2);
  expect(a.err.join('')).toContain('nothing to compare');
  const b = io();
  expect(await main(['agreement', file, '--resamples', 'many'], b.value)).toBe(2);
  expect(b.err.join('')).toContain('--resamples');
});
