import { defaultTaxonomy } from '../taxonomy/defaultTaxonomy';
import { createDecisionValidator, validateDecisions } from './createDecisionValidator';

const mapping = { item_id: 0, moderator: 1, verdict: 2, policy: 3, decided_at: 4, market: 5, language: 6 };

const now = Date.UTC(2026, 10, 24, 12, 0);

const taxonomy = defaultTaxonomy();

const codesOf = (rows: (string | number)[][]) =>
  validateDecisions(rows, 2, { mapping, taxonomy, now }).findings.map((f) => `${f.code}@${f.row}:${f.column}`);

test('a clean row in English and one in Japanese give no findings', () => {
  expect(
    codesOf([
      ['7301234567890123456', 'sato', '削除', 'ヘイトスピーチ・憎悪的な行為', '2026/11/20 10:00', 'JP', 'ja'],
      ['00123', 'lee', 'approve', '', 46000, 'US', 'en-US'],
    ]),
  ).toEqual([]);
});

test('each rule names its cell', () => {
  const rows: (string | number)[][] = [
    ['', 'a', 'approve', '', '', '', ''], // 2: missing item_id
    ['2', 'a', 'maybe', '', '', '', ''], // 3: unknown verdict
    ['3', 'a', 'remove', 'SAF.HTAE', '', '', ''], // 4: unknown policy with suggestion
    ['4', 'a', 'remove', 'INT.SPAM', '', '', ''], // 5: deprecated
    ['5', 'a', 'age_restrict', 'SAF.HATE', '', '', ''], // 6: verdict not allowed
    ['6', 'a', 'remove', '', '', '', ''], // 7: enforcing without policy
    ['7', 'a', 'approve', 'SAF.HATE', '', '', ''], // 8: approve with policy
    ['8', 'a', 'remove', 'SAF.VIO', '', '', ''], // 9
    ['8', 'a', 'approve', '', '', '', ''], // 10: the same moderator again, another verdict
    ['9', 'a', 'approve', '', 'last tuesday', '', ''], // 11: unparseable date
    ['10', 'a', 'approve', '', '2027-01-01', '', ''], // 12: future date
    ['11', 'a', 'approve', '', '', 'XX', 'zz'], // 13: unknown market and language
    [7301234567890123000, 'a', 'approve', '', '', '', ''], // 14: precision loss
    ['12', 'a', '#N/A', '', '', '', ''], // 15: error value
    ['13', '', 'approve', '', '', '', ''], // 16: missing moderator
  ];
  expect(codesOf(rows)).toEqual([
    'missing_value@2:0',
    'unknown_verdict@3:2',
    'unknown_policy@4:3',
    'deprecated_policy@5:3',
    'verdict_not_allowed@6:2',
    'enforcing_without_policy@7:2',
    'approve_with_policy@8:3',
    'duplicate_conflicting@10:0',
    'unparseable_date@11:4',
    'future_date@12:4',
    'unknown_market@13:5',
    'unknown_language@13:6',
    'id_precision_loss@14:0',
    'error_value@15:2',
    'missing_value@16:1',
  ]);
  const summary = validateDecisions(rows, 2, { mapping, taxonomy, now });
  expect(summary.findings.find((f) => f.code === 'unknown_policy')?.suggestion).toBe('SAF.HATE');
  expect(summary.findings.find((f) => f.code === 'deprecated_policy')?.suggestion).toBe('INT.FAKE');
});

test('duplicates are found across chunks, and counts go on past maxFindings', () => {
  const v = createDecisionValidator({ mapping, taxonomy, now, maxFindings: 1 });
  v.addChunk([['A', 'x', 'approve', '', '', '', '']], 2);
  v.addChunk(
    [
      ['A', 'x', 'approve', '', '', '', ''],
      ['B', 'x', 'nope', '', '', '', ''],
    ],
    1000,
  );
  const s = v.finish();
  expect(s.findings).toHaveLength(1);
  expect(s.findings[0]).toMatchObject({ code: 'duplicate_item', row: 1000, params: { otherRow: 2 } });
  expect(s.counts).toEqual({ duplicate_item: 1, unknown_verdict: 1 });
});

test(
  'a repeat is the same moderator on the same item (and time); ' +
    'other moderators are decisions, their disagreements an info finding',
  () => {
    const rows = [
      ['1', 'aki', 'remove', 'SAF.HATE', '2026-11-20 10:00', '', ''], // 2
      ['1', 'ben', 'remove', 'SAF.HATE', '2026-11-20 11:00', '', ''], // 3: agrees: nothing
      // 4: another policy: a disagreement, not "the same verdict"
      ['1', 'cho', 'remove', 'SAF.HARASS', '2026-11-20 12:00', '', ''],
      ['1', 'dan', 'approve', '', '2026-11-20 12:00', '', ''], // 5: another verdict
      // 6: aki again, same time, same judgment: a repeat
      ['1', 'aki', 'remove', 'SAF.HATE', '2026-11-20 10:00', '', ''],
      ['1', 'ben', 'approve', '', '2026-11-20 11:00', '', ''], // 7: ben again, same time, another verdict
      ['1', 'aki', 'approve', '', '2026-11-21 09:00', '', ''], // 8: aki a day later (an appeal): a decision
    ];
    const s = validateDecisions(rows, 2, { mapping, taxonomy, now, collectDecisions: true });
    expect(s.findings.map((f) => `${f.code}@${f.row}`)).toEqual([
      'conflicting_judgments@4',
      'conflicting_judgments@5',
      'duplicate_item@6',
      'duplicate_conflicting@7',
      'conflicting_judgments@8',
    ]);
    expect(s.findings.find((f) => f.row === 4)?.severity).toBe('info');
    expect(s.findings.find((f) => f.row === 7)?.params).toMatchObject({
      moderator: 'ben',
      otherRow: 3,
      otherVerdict: 'remove',
      otherPolicy: '(SAF.HATE)',
    });
    expect(s.decisions.map((d) => d.repeat ?? false)).toEqual([false, false, false, false, true, true, false]);
  },
);

test('the expected row count only sizes the duplicate table: too small, exact or too large, the same findings', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => [
    String(i % 3700),
    `m${i % 9}`,
    i % 7 === 0 ? 'remove' : 'approve',
    '',
    '',
    '',
    '',
  ]);
  const summaryWith = (expectedRows?: number) => {
    const v = createDecisionValidator({ mapping, taxonomy, now, collectDecisions: true, expectedRows });
    for (let i = 0; i < rows.length; i += 1000) v.addChunk(rows.slice(i, i + 1000), i + 2);
    const { findings, counts, rowsChecked, decisions } = v.finish();
    return { findings, counts, rowsChecked, decisions };
  };
  const plain = summaryWith();
  expect(plain.decisions).toHaveLength(5000);
  // Every repeated ID is another moderator's decision (i and i + 3700 have different moderators): no repeat.
  expect(plain.decisions.filter((d) => d.duplicate).length).toBe(1300);
  expect((plain.counts.duplicate_item ?? 0) + (plain.counts.duplicate_conflicting ?? 0)).toBe(0);
  expect(plain.counts.conflicting_judgments).toBeGreaterThan(0);
  for (const expected of [1, 5000, 2_000_000]) expect(summaryWith(expected)).toEqual(plain);
});

test('a missing required column is one finding on the header row; formulas are noticed', () => {
  const v = createDecisionValidator({ mapping: { item_id: 0, verdict: 1 }, taxonomy, now, collectDecisions: true });
  v.addChunk([['1', 'approve']], 5, [['1', '=IF(TRUE,"approve")']]);
  const s = v.finish();
  expect(s.findings.map((f) => `${f.code}@${f.row}`)).toEqual(['missing_required_column@4', 'formula_in_cell@5']);
  expect(s.decisions[0]).toMatchObject({ itemId: '1', verdict: 'approve', row: 5 });
});
