/**
 * The analyst's loop, done as a first-time analyst did it (issue 10): policies written as names,
 * verdicts typed in the grid with no page open, escalations both ways, a stratified sample, a
 * Japanese workbook. Each test works through the flows on the embedded workbook.
 */
import type { CellValue } from '../excelSpec';
import { defaultTaxonomy } from '../core/taxonomy/defaultTaxonomy';
import { taxonomyToRows } from '../core/taxonomy/taxonomyRows';
import { createWorkbook, type EmulatedWorkbook } from '../emulator';
import { exportXlsx, importXlsx } from '../emulator/xlsx';
import { inspectionState, saveQaDecision } from './inspectFlow';
import { InspectionWatcher } from './inspectionWatcher';
import { reportFlow, reportStatus } from './reportFlow';
import { sampleFlow } from './sampleFlow';
import { col, inspectionHeader } from './schema/inspectionSheet';
import { validateFlow } from './validateFlow';

const NOW = Date.UTC(2026, 10, 24, 12);

/** 40 decisions of 4 moderators: approves, SAF.HARASS removals (one written as its Japanese name), JP and US. */
function decisions(): CellValue[][] {
  const rows: CellValue[][] = [['item_id', 'moderator', 'verdict', 'policy', 'market']];
  for (let i = 0; i < 40; i++) {
    const verdict = i % 2 === 0 ? 'remove' : 'approve';
    const policy = verdict === 'remove' ? (i % 4 === 0 ? '嫌がらせ・いじめ' : 'SAF.HARASS') : '';
    rows.push([`v${1000 + i}`, `mod${i % 4}`, verdict, policy, i < 30 ? 'JP' : 'US']);
  }
  return rows;
}

async function sampled(options: { lang?: 'en' | 'ja'; n?: number } = {}): Promise<EmulatedWorkbook> {
  const b = createWorkbook();
  b.addSheet('Decisions', decisions());
  b.model.activeSheet = b.model.sheet('Decisions');
  await sampleFlow(b.run, {
    batch: 'b1',
    method: 'simple',
    size: { kind: 'fixed', n: options.n ?? 40 },
    seed: 's',
    now: NOW,
    lang: options.lang,
  });
  return b;
}

const cell = (b: EmulatedWorkbook, row: number, column: Parameters<typeof col>[0]) =>
  b.model.sheet('QA b1')!.value(row + 1, col(column));
const rowOf = (b: EmulatedWorkbook, pick: (r: CellValue[]) => boolean) => b.valuesOf('QA b1').slice(1).findIndex(pick);

test('a QA policy written as its Japanese or English name is compared by code: correct, not wrong_policy', async () => {
  const b = await sampled();
  const removed = b
    .valuesOf('QA b1')
    .slice(1)
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r[col('verdict')] === 'remove');
  // The pane saves QA's Japanese name, the English name, and the code.
  const names = ['嫌がらせ・いじめ', 'Harassment and bullying', 'saf.harass'];
  for (const [k, { i }] of removed.slice(0, 3).entries()) {
    expect(
      await saveQaDecision(b.run, 'b1', i, { qaVerdict: 'remove', qaPolicy: names[k], inspector: 'qa', now: NOW }),
    ).toBe('correct');
  }
  // A Japanese name pasted into the grid, then Refresh.
  const pasted = removed[3].i;
  await b.editCell('QA b1', pasted + 1, col('qa_verdict'), 'remove');
  await b.editCell('QA b1', pasted + 1, col('qa_policy'), '嫌がらせ・いじめ');
  const report = await reportFlow(b.run, { batch: 'b1' });
  expect(cell(b, pasted, 'outcome')).toBe('correct');
  expect(report.summary.outcomes).toMatchObject({ correct: 4, wrong_policy: 0 });
  // The verdict + policy kappa sees the same policies as agreeing.
  expect(report.summary.kappaWithPolicy).toBe(report.summary.kappa);
});

test(
  'a verdict typed in the grid with no page open is a real ' +
    'inspection; agreeing fills the policy; the report knows it is stale',
  async () => {
    const b = await sampled();
    expect(await reportStatus(b.run, 'b1')).toBe('none');
    await reportFlow(b.run, { batch: 'b1' });
    expect(await reportStatus(b.run, 'b1')).toBe('current');
    // The session watches every inspection sheet: no Inspect page involved.
    let clock = NOW;
    const watcher = new InspectionWatcher(b.run, () => ({ inspector: 'qa.kimura', now: clock }));
    await watcher.sync();
    expect(watcher.watches('b1')).toBe(true);
    const seen: number[] = [];
    watcher.subscribe((c) => seen.push(c.changed));
    const i = rowOf(b, (r) => r[col('verdict')] === 'remove' && r[col('policy')] === 'SAF.HARASS');
    clock = NOW + 60_000;
    await b.editCell('QA b1', i + 1, col('qa_verdict'), 'remove');
    expect(cell(b, i, 'qa_policy')).toBe('SAF.HARASS');
    expect(cell(b, i, 'outcome')).toBe('correct');
    expect(cell(b, i, 'inspector')).toBe('qa.kimura');
    expect(cell(b, i, 'inspected_at')).toBe('2026-11-24 12:01:00');
    expect(seen[0]).toBe(1);
    // What the inspector typed is never overwritten: a later edit of another row leaves this one as it is.
    await b.editCell('QA b1', i + 1, col('inspector'), 'someone.else');
    clock = NOW + 120_000;
    const j = rowOf(b, (r) => r[col('verdict')] === 'approve');
    await b.editCell('QA b1', j + 1, col('qa_verdict'), 'approve');
    expect(cell(b, i, 'inspector')).toBe('someone.else');
    expect(cell(b, j, 'inspected_at')).toBe('2026-11-24 12:02:00');
    const state = await inspectionState(b.run, 'b1');
    expect(state.inspected).toBe(2);
    expect(await reportStatus(b.run, 'b1')).toBe('stale');
    const report = await reportFlow(b.run, { batch: 'b1' });
    expect(report.summary.inspected).toBe(2);
    expect(await reportStatus(b.run, 'b1')).toBe('current');
    await watcher.stop();
    await b.editCell('QA b1', i + 3, col('qa_verdict'), 'approve');
    expect(cell(b, i + 2, 'inspector')).toBe('');
  },
);

test(
  'severity comes from the more severe policy; ' + 'escalation has one meaning and one count in Inspect and Report',
  async () => {
    const b = await sampled();
    const approved = rowOf(b, (r) => r[col('verdict')] === 'approve');
    // The moderator approved; QA removes under a severity-3 policy: missed harm of severity 3.
    expect(
      await saveQaDecision(b.run, 'b1', approved, {
        qaVerdict: 'remove',
        qaPolicy: 'SAF.HARASS',
        inspector: 'qa',
        now: NOW,
      }),
    ).toBe('under_enforcement');
    expect(cell(b, approved, 'severity')).toBe(3);
    // Verdict "escalate": escalated, still pending. The box with a decided verdict: escalated and inspected.
    const a = rowOf(b, (r) => r[col('verdict')] === 'remove');
    await saveQaDecision(b.run, 'b1', a, { qaVerdict: 'escalate', qaPolicy: '', inspector: 'qa', now: NOW });
    expect(cell(b, a, 'escalate')).toBe('yes');
    expect(cell(b, a, 'outcome')).toBe('pending');
    const c = rowOf(b, (r) => r[col('verdict')] === 'approve' && r[col('qa_verdict')] === '');
    await saveQaDecision(b.run, 'b1', c, {
      qaVerdict: 'approve',
      qaPolicy: '',
      escalate: true,
      inspector: 'qa',
      now: NOW,
    });
    // An escalate verdict typed in the grid counts the same way.
    const d = rowOf(b, (r) => r[col('qa_verdict')] === '');
    await b.editCell('QA b1', d + 1, col('qa_verdict'), 'escalate');
    const state = await inspectionState(b.run, 'b1');
    const report = await reportFlow(b.run, { batch: 'b1' });
    expect(cell(b, d, 'escalate')).toBe('yes');
    expect(state).toMatchObject({ inspected: 2, escalated: 3, awaitingDecision: 2 });
    expect(report.summary.inspected).toBe(state.inspected);
    expect(report.escalations).toBe(state.escalated);
    const values = b.valuesOf('QA Report b1');
    expect(values[3][1]).toBe(2);
    expect(values[5][1]).toBe(3);
    expect(values[1][0]).toBe('Lot size (items)');
    expect(values[15][0]).toMatch(/verdict only/);
    expect(values[16][0]).toMatch(/verdict and policy/);
  },
);

test('a stratified sample with a minimum per stratum headlines the weighted accuracy with its interval', async () => {
  const b = createWorkbook();
  b.addSheet('Decisions', decisions());
  b.model.activeSheet = b.model.sheet('Decisions');
  // JP: 30 decisions, US: 10; 12 drawn proportionally with at least 5 per stratum → unequal weights.
  await sampleFlow(b.run, {
    batch: 'b1',
    method: 'stratified_proportional',
    strata: ['market'],
    minimumPerStratum: 5,
    size: { kind: 'fixed', n: 12 },
    seed: 's',
    now: NOW,
  });
  const rows = b.valuesOf('QA b1').slice(1);
  const weights = new Set(rows.map((r) => r[col('weight')]));
  expect(weights.size).toBe(2);
  // QA finds every US decision wrong and every JP one right.
  for (const [i, r] of rows.entries()) {
    const wrong = r[col('market')] === 'US';
    const verdict = r[col('verdict')] === 'remove' ? (wrong ? 'approve' : 'remove') : wrong ? 'remove' : 'approve';
    await saveQaDecision(b.run, 'b1', i, {
      qaVerdict: verdict,
      qaPolicy: verdict === 'remove' ? 'SAF.HARASS' : '',
      inspector: 'qa',
      now: NOW,
    });
  }
  const report = await reportFlow(b.run, { batch: 'b1' });
  expect(report.weightedHeadline).toBe(true);
  // Population: 30 JP all correct, 10 US all wrong → the lot's accuracy
  // is 0.75 (a census of each stratum's sample says so exactly).
  expect(report.summary.weighted.estimate).toBeCloseTo(0.75, 6); // weights are kept to 6 decimals
  const jp = rows.filter((r) => r[col('market')] === 'JP').length;
  expect(report.summary.accuracy.rate).toBeCloseTo(jp / rows.length, 12);
  const values = b.valuesOf('QA Report b1');
  expect(values[6]).toEqual([
    'Accuracy, weighted for the lot (% of inspected; weights differ)',
    report.summary.weighted.estimate,
    ...values[6].slice(2),
  ]);
  expect(values[7][1]).toMatch(/^\d+\.\d% – \d+\.\d%$/);
  expect(values[8][1]).toBe(report.summary.accuracy.rate);
});

test(
  'a Japanese workbook gets Japanese headers, outcome labels, ' +
    'pivot captions and escalation headers; both languages read',
  async () => {
    const b = await sampled({ lang: 'ja' });
    b.model.culture = 'ja-JP';
    expect(b.valuesOf('QA b1')[0]).toEqual(inspectionHeader('ja'));
    expect(cell(b, 0, 'outcome')).toBe('未検査');
    const i = rowOf(b, (r) => r[col('verdict')] === 'remove');
    await saveQaDecision(b.run, 'b1', i, {
      qaVerdict: 'remove',
      qaPolicy: '',
      escalate: true,
      inspector: 'qa',
      now: NOW,
    });
    expect(cell(b, i, 'outcome')).toBe('正しい');
    expect(cell(b, i, 'escalate')).toBe('はい');
    const j = rowOf(b, (r) => r[col('verdict')] === 'approve');
    await b.editCell('QA b1', j + 1, col('qa_verdict'), 'remove');
    await b.editCell('QA b1', j + 1, col('qa_policy'), 'SAF.HARASS');
    const report = await reportFlow(b.run, { batch: 'b1', lang: 'ja' });
    expect(cell(b, j, 'outcome')).toBe('措置漏れ');
    expect(report.summary.outcomes).toMatchObject({ correct: 1, under_enforcement: 1 });
    const values = b.valuesOf('QA Report b1');
    expect(values[24]).toEqual(expect.arrayContaining(['行ラベル', '正しい', '措置漏れ', '総計']));
    expect(values[24]).not.toContain('未検査');
    expect(values[1].slice(30, 36)).toEqual(['アイテムID', 'モデレーター', 'ポリシー', 'QA判定', 'QAコメント', 'URL']);
    // The escalation list shows the policy's name, never its bare code.
    expect(values[2][32]).toBe('嫌がらせ・いじめ');
    // A refresh in English still reads the Japanese sheet.
    expect((await reportFlow(b.run, { batch: 'b1', lang: 'en' })).summary.inspected).toBe(2);
  },
);

test(
  'Japanese validation: local terms get a suggestion on a taxonomy without ' +
    'aliases, match the default aliases, and messages show names, not bare codes',
  async () => {
    const rows: CellValue[][] = [
      ['投稿ID', '担当者', '判定', 'ポリシー'],
      ['a1', 'sato', '削除', 'ヘイトスピーチ'],
      ['a2', 'sato', '削除', 'スパム'],
      ['a3', 'sato', '削除', 'ショッキングで生々しいコンテンツ'],
      ['a4', 'sato', 'おすすめ対象外', 'SAF.HATE'],
    ];
    // A lead's older taxonomy sheet: no aliases column.
    const old = createWorkbook();
    old.addSheet('判定', rows);
    old.addSheet(
      'QA Taxonomy',
      taxonomyToRows(defaultTaxonomy()).map((r) => r.slice(0, 9)),
    );
    old.model.activeSheet = old.model.sheet('判定');
    const result = await validateFlow(old.run, { lang: 'ja', now: NOW });
    const unknown = result.findings.filter((f) => f.code === 'unknown_policy');
    expect(unknown.map((f) => f.suggestion)).toEqual(['SAF.HATE', 'SEN.GRAPHIC']);
    // スパム is the old code's name without its note: read as INT.SPAM, which says to use its replacement.
    const spam = result.findings.find((f) => f.row === 3)!;
    expect(spam).toMatchObject({ code: 'deprecated_policy', suggestion: 'INT.FAKE' });
    expect(spam.message).toContain('欺瞞的な行為・偽のエンゲージメント（INT.FAKE）');
    expect(unknown[0].message).toContain('ヘイトスピーチ・憎悪的な行為（SAF.HATE）');
    const notAllowed = result.findings.find((f) => f.code === 'verdict_not_allowed')!;
    expect(notAllowed.message).toContain('おすすめ対象外');
    expect(notAllowed.message).not.toMatch(/fyf_ineligible|「SAF\.HATE」/);
    expect(b2text(old.valuesOf('QA Findings')[1][5])).toBe('SAF.HATE（ヘイトスピーチ・憎悪的な行為）');
    // The default taxonomy (with its aliases column) knows these terms: no unknown policy at all.
    const fresh = createWorkbook();
    fresh.addSheet('判定', rows);
    fresh.model.activeSheet = fresh.model.sheet('判定');
    const again = await validateFlow(fresh.run, { lang: 'ja', now: NOW });
    expect(again.findings.filter((f) => f.code === 'unknown_policy')).toEqual([]);
    expect(fresh.valuesOf('QA Taxonomy')[0]).toContain('aliases');
  },
);

const b2text = (v: CellValue) => String(v);

test(
  'the same decisions with QA policies written as codes or as ' +
    'Japanese names give identical reports after a file round trip',
  async () => {
    // Like shared/realworld/ja_filled_{codes,names}.xlsx: a Japanese lot, a 50-item ISO draw, 40 QA
    // verdicts typed into the sheet (Japanese verdict words), 10 escalated without a decision.
    const policies = ['SAF.HATE', 'SAF.HARASS', 'INT.CIVIC', 'SEN.NUDITY'];
    const names = Object.fromEntries(defaultTaxonomy().policies.map((p) => [p.code, p.nameJa]));
    const lot: CellValue[][] = [['投稿ID', '担当者', '判定', 'ポリシー', '市場', '言語']];
    for (let i = 0; i < 400; i++) {
      const kind = i % 5;
      const verdict = ['承認', '削除', 'おすすめ対象外', '承認', 'エスカレーション'][kind];
      lot.push([
        String(1000 + i),
        `annotator_${(i % 3) + 1}`,
        verdict,
        kind === 1 || kind === 2 ? names[policies[i % 4]] : '',
        'JP',
        'ja',
      ]);
    }
    const reports = [];
    for (const as of ['code', 'name'] as const) {
      const b = createWorkbook();
      b.addSheet('判定', lot);
      b.model.activeSheet = b.model.sheet('判定');
      await sampleFlow(b.run, {
        batch: 'ja-iso',
        method: 'simple',
        size: { kind: 'iso2859', level: 'II', aql: '1.5' },
        seed: 'ja1',
        now: NOW,
        lang: 'ja',
      });
      const rows = b.valuesOf('QA ja-iso').slice(1);
      for (const [i, r] of rows.entries()) {
        const sheetRow = i + 1;
        if (i >= 40) {
          b.model.sheet('QA ja-iso')!.setCell(sheetRow, col('qa_verdict'), 'エスカレーション');
          continue;
        }
        // QA disagrees on every fourth item: another policy, or approve.
        const moderator = String(r[col('verdict')]);
        const enforced = moderator === '削除' || moderator === 'おすすめ対象外';
        const code = i % 8 === 3 ? 'SAF.HARASS' : String(r[col('policy')]);
        const verdict = i % 8 === 7 ? '承認' : enforced ? moderator : i % 8 === 3 ? '削除' : '承認';
        b.model.sheet('QA ja-iso')!.setCell(sheetRow, col('qa_verdict'), verdict);
        if (verdict !== '承認')
          b.model.sheet('QA ja-iso')!.setCell(sheetRow, col('qa_policy'), as === 'code' ? code : (names[code] ?? code));
      }
      const reopened = createWorkbook(await importXlsx(await exportXlsx(b.model)));
      const report = await reportFlow(reopened.run, { batch: 'ja-iso', lang: 'ja' });
      const sheet = reopened.valuesOf('QA Report ja-iso');
      reports.push({
        summary: report.summary,
        escalations: report.escalations,
        lotSize: report.lotSize,
        block: sheet.slice(0, 20).map((r) => r.slice(0, 2)),
        pivots: sheet.slice(22).map((r) => r.slice(0, 30)),
      });
    }
    expect(reports[0].summary.inspected).toBe(40);
    expect(reports[0].escalations).toBe(10);
    expect(
      reports[0].summary.outcomes.wrong_policy +
        reports[0].summary.outcomes.under_enforcement +
        reports[0].summary.outcomes.over_enforcement,
    ).toBeGreaterThan(0);
    expect(reports[1]).toEqual(reports[0]);
  },
);

test(
  'the lot size says what it counts: items for the add-in’s draw, ' + 'decisions for a warehouse draw by decision',
  async () => {
    const b = await sampled({ n: 10 });
    expect((await reportFlow(b.run, { batch: 'b1' })).lotUnit).toBe('item');
    expect(b.valuesOf('QA Report b1')[1]).toEqual(['Lot size (items)', 40, ...b.valuesOf('QA Report b1')[1].slice(2)]);
    const batches = b.model.sheet('QA Batches')!;
    const parameters = JSON.parse(String(batches.value(1, 5))) as Record<string, unknown>;
    batches.setCell(1, 5, JSON.stringify({ ...parameters, source: { engine: 'duckdb', unit: 'decision' } }));
    const report = await reportFlow(b.run, { batch: 'b1', lang: 'ja' });
    expect(report.lotUnit).toBe('decision');
    expect(b.valuesOf('QA Report b1')[1][0]).toBe('ロットサイズ（判定数）');
  },
);
