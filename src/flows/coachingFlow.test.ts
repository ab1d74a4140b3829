import { SLIPPING, threeWeeksBook } from '../../test/helpers/threeWeeks';
import { coachingFlow } from './coachingFlow';
import { FlowError } from './host';

test(
  'a coaching sheet for one moderator: their errors with link, ' +
    'verdicts, reason and comment, in a batch or a date range',
  async () => {
    const book = await threeWeeksBook('en');
    const [one] = await coachingFlow(book.run, { moderator: SLIPPING, batch: 'W46', lang: 'ja' });
    expect(one.sheet).toBe(`QA Coach ${SLIPPING}`);
    const values = book.valuesOf(one.sheet);
    expect(values[0][0]).toBe(`コーチング — ${SLIPPING} — W46`);
    expect(values[2]).toEqual([
      'バッチ',
      'アイテム',
      'リンク',
      'あなたの判定',
      'あなたのポリシー',
      'QA 判定',
      'QA ポリシー',
      '結果',
      '理由',
      '検査者のコメント',
      '異議',
    ]);
    expect(one.errors).toBeGreaterThan(0);
    expect(values.length).toBe(3 + one.errors);
    for (const row of values.slice(3)) {
      expect(row[0]).toBe('W46');
      expect(String(row[2])).toMatch(/^https?:\/\//);
      expect(row[8]).toBe('文脈の見落とし');
      expect(row[9]).toBe('Check the caption and comments');
    }
    expect(values[1][0]).toBe(`検査 ${one.inspected} 件中 ${one.errors} 件の誤り`);

    // A date range over the last two weeks gathers both weeks' errors; a moderator with none gets a kind line.
    const range = await coachingFlow(book.run, { from: '2026-11-09', to: '2026-11-20', lang: 'en' });
    const sato = range.find((s) => s.moderator === SLIPPING)!;
    expect(sato.errors).toBeGreaterThan(one.errors);
    expect(
      new Set(
        book
          .valuesOf(sato.sheet)
          .slice(3)
          .map((r) => r[0]),
      ),
    ).toEqual(new Set(['W46', 'W47']));
    const other = range.find((s) => s.moderator !== SLIPPING)!;
    expect([other.errors, book.valuesOf(other.sheet)[1][0]]).toEqual([0, 'No error in this period. Well done.']);
    expect(range.length).toBeGreaterThan(5);
  },
);

test('an unknown moderator is named in the message, with the fix', async () => {
  const book = await threeWeeksBook('en');
  const error = await coachingFlow(book.run, { moderator: 'nobody', lang: 'ja' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FlowError);
  expect((error as FlowError).render('ja')).toContain('担当者「nobody」');
});
