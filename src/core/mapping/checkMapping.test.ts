import { checkMapping } from './checkMapping';

const rows = [
  ['7301', 'sato', '削除', 'SAF.HATE', 'JP'],
  ['7302', 'p.silva', 'approve', '', 'BR'],
  ['7303', 'sato', 'Age Restrict', 'SEN.NUDITY', 'JP'],
];

test('a good mapping has no warnings', () => {
  expect(checkMapping({ item_id: 0, moderator: 1, verdict: 2, policy: 3, market: 4 }, rows)).toEqual([]);
});

test('one column mapped to two fields is named with both fields', () => {
  expect(checkMapping({ item_id: 0, moderator: 1, verdict: 2, policy: 1, market: 4 }, rows)).toEqual([
    { code: 'sameColumn', column: 1, fields: ['moderator', 'policy'] },
  ]);
  expect(checkMapping({ item_id: 0, moderator: 0, verdict: 2, queue: 0 }, rows)).toEqual([
    { code: 'sameColumn', column: 0, fields: ['item_id', 'moderator', 'queue'] },
  ]);
});

test('a verdict column without one recognizable verdict quotes what it holds', () => {
  // The market column taken for the verdict: JP, BR, JP.
  expect(checkMapping({ item_id: 0, moderator: 1, verdict: 4, policy: 3 }, rows)).toEqual([
    { code: 'noVerdicts', column: 4, rows: 3, values: ['JP', 'BR'] },
  ]);
  // At most three values are quoted.
  const many = ['a', 'b', 'c', 'd'].map((x) => ['1', 'm', x]);
  expect(checkMapping({ verdict: 2 }, many)).toEqual([
    { code: 'noVerdicts', column: 2, rows: 4, values: ['a', 'b', 'c'] },
  ]);
});

test("one recognizable verdict among unknown words is validation's business, not a mapping warning", () => {
  expect(
    checkMapping({ verdict: 2 }, [
      ['1', 'm', 'takedown'],
      ['2', 'm', '承認'],
    ]),
  ).toEqual([]);
});

test('an empty verdict column is its own warning; no rows, no verdict warning', () => {
  expect(
    checkMapping({ verdict: 2 }, [
      ['1', 'm', ''],
      ['2', 'm', '  '],
      ['3', 'm'],
    ]),
  ).toEqual([{ code: 'emptyVerdicts', column: 2, rows: 3 }]);
  expect(checkMapping({ verdict: 2 }, [])).toEqual([]);
  expect(checkMapping({}, rows)).toEqual([]);
});
