import { generateDecisions } from '../core/demo/generateDecisions';
import { detectMapping } from '../core/mapping/detectMapping';
import { defaultTaxonomy } from '../core/taxonomy/defaultTaxonomy';
import { validateDecisions } from '../core/validation/createDecisionValidator';
import { createWorkbook } from '../emulator';
import { sheetSnapshot } from '../../test/helpers/sheetSnapshot';
import { validateFlow } from './validateFlow';

const NOW = Date.UTC(2026, 10, 24, 12);

function decisionsBook(rows = 3000) {
  const b = createWorkbook();
  const data = generateDecisions({ rows, headers: 'ja', seed: 11 });
  // Title rows above the header, as exports often have.
  b.addSheet('判定データ', [['週次エクスポート'], [], ...data]);
  b.model.activeSheet = b.model.sheet('判定データ');
  return { b, data };
}

test(
  'validate finds what the core finds, writes QA Findings as a table, ' + 'and leaves the decisions sheet untouched',
  async () => {
    const { b, data } = decisionsBook();
    const before = sheetSnapshot(b.model.sheet('判定データ')!);
    const result = await validateFlow(b.run, { lang: 'ja', now: NOW });
    const expected = validateDecisions(data.slice(1), 4, {
      mapping: detectMapping(data).mapping,
      taxonomy: defaultTaxonomy(),
      now: NOW,
    });
    expect(result.rowsChecked).toBe(3000);
    expect(result.findings.length).toBe(expected.findings.length);
    expect(result.counts).toEqual(expected.counts);
    expect(sheetSnapshot(b.model.sheet('判定データ')!)).toBe(before);
    const findings = b.valuesOf('QA Findings');
    // A Japanese run: headers and severities in Japanese (the rule stays its code).
    expect(findings[0]).toEqual(['シート', 'セル', 'ルール', '重大度', 'メッセージ', '候補']);
    expect(new Set(findings.slice(1).map((r) => r[3]))).toEqual(
      new Set(expected.findings.map((f) => ({ error: 'エラー', warning: '警告', info: '情報' })[f.severity])),
    );
    expect(findings).toHaveLength(expected.findings.length + 1);
    expect(findings[1][1]).toMatch(/^'判定データ'!/);
    expect(String(findings[1][4])).toContain(String(findings[1][1]));
    expect(b.model.tables.map((t) => t.name)).toContain('QA_Findings');
    // Taxonomy sheet created on first use; syncs stay within chunks + 10.
    expect(b.model.sheet('QA Taxonomy')).toBeDefined();
    expect(b.instrumentation.syncs).toBeLessThanOrEqual(Math.ceil(3000 / 1000) + 10);
  },
);

test('a run interrupted at any sync leaves no half-written sheet and keeps the previous findings', async () => {
  const { b } = decisionsBook(400);
  await validateFlow(b.run, { now: NOW }); // creates QA Taxonomy
  const s0 = b.instrumentation.syncs;
  await validateFlow(b.run, { now: NOW });
  const syncsPerRun = b.instrumentation.syncs - s0;
  const previous = JSON.stringify(b.valuesOf('QA Findings'));
  expect(syncsPerRun).toBeGreaterThan(4);
  for (let k = 1; k <= syncsPerRun; k++) {
    const start = b.instrumentation.syncs;
    b.instrumentation.failAtSync = { sync: start + k, code: 'GeneralException' };
    await expect(validateFlow(b.run, { now: NOW })).rejects.toMatchObject({ name: 'FlowError' });
    b.instrumentation.failAtSync = undefined;
    expect(b.model.sheets.map((s) => s.name).filter((n) => n.includes('~'))).toEqual([]);
    expect(JSON.stringify(b.valuesOf('QA Findings'))).toBe(previous);
  }
});

test('QA columns pasted into an inspection sheet are validated too', async () => {
  const { b } = decisionsBook(50);
  b.addSheet('QA b1', [
    ['item_id', 'qa_verdict', 'qa_policy'],
    ['1', 'maybe', ''],
    ['2', 'approve', 'SAF.HATE'],
  ]);
  const result = await validateFlow(b.run, { now: NOW, sheet: '判定データ' });
  const qa = result.findings.filter((f) => f.sheet === 'QA b1').map((f) => `${f.code}@${f.address}`);
  expect(qa).toEqual(["qa_unknown_verdict@'QA b1'!B2", "qa_approve_with_policy@'QA b1'!C3"]);
});

test('a sheet without a header row, or without a required column, gets a clear localized message', async () => {
  const b = createWorkbook();
  b.addSheet('Empty');
  b.addSheet('NoHeader', [
    ['just', 'numbers'],
    [1, 2],
  ]);
  b.addSheet('NoModerator', [
    ['Item ID', 'Verdict'],
    ['1', 'remove'],
  ]);
  await expect(validateFlow(b.run, { sheet: 'Empty', now: NOW })).rejects.toMatchObject({
    key: 'flow.error.emptySheet',
  });
  await expect(validateFlow(b.run, { sheet: 'NoHeader', now: NOW })).rejects.toMatchObject({
    key: 'flow.error.noHeader',
  });
  const err = (await validateFlow(b.run, { sheet: 'NoModerator', now: NOW }).catch((e: unknown) => e)) as {
    render(l: string): string;
  };
  expect(err.render('ja')).toBe(
    '必須列「moderator」が見出し行（NoModerator!A1）にありません。列を追加するか、「マッピング」ページで手動で割り当ててください。',
  );
});

test(
  'cancel between chunks: nothing is written, ' + 'the message says so; progress reports rows done of total',
  async () => {
    const { b } = decisionsBook(3000);
    const controller = new AbortController();
    const seen: [number, number][] = [];
    const run = validateFlow(b.run, {
      now: NOW,
      signal: controller.signal,
      progress: (done, total) => {
        seen.push([done, total]);
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ key: 'flow.error.cancelled' });
    expect(seen[0][1]).toBe(3000);
    expect(b.model.sheet('QA Findings')).toBeUndefined();
    const done: [number, number][] = [];
    await validateFlow(b.run, { now: NOW, progress: (d, t) => void done.push([d, t]) });
    expect(done[done.length - 1]).toEqual([3000, 3000]);
  },
);
