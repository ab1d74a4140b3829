import { detectMapping, mapHeaderRow } from './detectMapping';

test('finds the header below title rows and maps Japanese headers', () => {
  const rows = [
    ['週次QAエクスポート 2026-11'],
    [''],
    ['動画ID', '担当者', '判定', 'ポリシー', '市場', '言語', 'キュー', '判定日時', 'メモ'],
    ['7301', 'sato', '削除', 'SAF.HATE', 'JP', 'ja', 'main', '2026/11/24', ''],
  ];
  const result = detectMapping(rows);
  expect(result.headerRow).toBe(2);
  expect(result.mapping).toEqual({
    item_id: 0,
    moderator: 1,
    verdict: 2,
    policy: 3,
    market: 4,
    language: 5,
    queue: 6,
    decided_at: 7,
    notes: 8,
  });
  expect(result.missingRequired).toEqual([]);
});

test('full-width, case, spaces and underscores in headers are ignored', () => {
  const result = mapHeaderRow(
    ['ＩＴＥＭ＿ＩＤ', 'Moderator ', 'VERDICT', 'policy-code', 'Decided At', 'コンテンツＩＤ'],
    0,
  );
  expect(result.mapping.item_id).toBe(0);
  expect(result.mapping.moderator).toBe(1);
  expect(result.mapping.verdict).toBe(2);
  expect(result.mapping.policy).toBe(3);
  expect(result.mapping.decided_at).toBe(4);
  // A second ID column is reported, not silently dropped.
  expect(result.unmapped).toEqual([{ column: 5, header: 'コンテンツＩＤ' }]);
});

test('a near-miss header maps with lower confidence; unknown headers are listed', () => {
  const result = mapHeaderRow(['Video IDs', 'Moderatr', 'Verdict', 'Sentiment'], 0);
  expect(result.matches.moderator?.confidence).toBeLessThan(1);
  expect(result.mapping.moderator).toBe(1);
  expect(result.unmapped.map((u) => u.header)).toContain('Sentiment');
});

test('a missing required column is reported', () => {
  const result = detectMapping([['Item ID', 'Verdict', 'Policy']]);
  expect(result.missingRequired).toEqual(['moderator']);
});

test('an empty sheet has no header row', () => {
  expect(detectMapping([]).headerRow).toBe(-1);
  expect(detectMapping([['just a title']]).missingRequired).toContain('item_id');
});

test(
  'an "ID" column holding row numbers does not beat "Video ' +
    'ID"; a visible column beats a hidden one of the same name',
  () => {
    const rows = [
      ['ID', 'Video ID', 'Moderator', 'Verdict', 'Moderator'],
      [1, '7301234567890120001', 'sato', 'remove', 'old'],
      [2, '7301234567890120002', 'lee', 'approve', 'old'],
      [3, '7301234567890120003', 'kim', 'remove', 'old'],
    ];
    expect(detectMapping(rows).mapping.item_id).toBe(1);
    expect(detectMapping(rows, 30, { hidden: new Set([2]) }).mapping.moderator).toBe(4);
    expect(detectMapping(rows).mapping.moderator).toBe(2);
  },
);
