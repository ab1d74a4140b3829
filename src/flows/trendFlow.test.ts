import { SLIPPING, WEEKS, threeWeeksBook } from '../../test/helpers/threeWeeks';
import { nextPlanAdvice, trendFlow } from './trendFlow';

test(
  'three weeks: the slipping moderator is flagged with the batches that show ' +
    'it, moves to tightened, and the next batch is offered the tightened plan',
  async () => {
    const book = await threeWeeksBook('en');
    const result = await trendFlow(book.run, { lang: 'ja' });
    expect(result.batches.map((b) => b.batch)).toEqual([...WEEKS]);
    const flaggedModerators = result.flagged.filter((s) => s.dimension === 'moderator');
    expect(flaggedModerators.map((s) => s.key)).toEqual([SLIPPING]);
    expect([flaggedModerators[0].slip!.from.batch, flaggedModerators[0].slip!.to.batch]).toEqual(['W45', 'W47']);
    const sato = result.moderators.find((m) => m.moderator === SLIPPING)!;
    expect(sato.lots).toEqual(['accept', 'reject', 'reject']);
    expect([sato.state, sato.rule, sato.movedAtBatch]).toEqual(['tightened', 'normalToTightened', 'W47']);
    expect(result.moderators.filter((m) => m.moderator !== SLIPPING).every((m) => m.state === 'normal')).toBe(true);
    expect(result.next).toMatchObject({ inspection: 'tightened', aql: '2.5' });
    expect(result.next.because.map((m) => m.moderator)).toEqual([SLIPPING]);
    expect((await nextPlanAdvice(book.run)).inspection).toBe('tightened');

    // The sheet, in Japanese: the state and its rule, the slip, each point with its interval, two line charts.
    const values = book.valuesOf('QA Trends');
    const text = values.map((r) => r.join('|')).join('\n');
    expect(values[0][0]).toBe('3 バッチにわたる推移');
    const satoRow = values.find((r) => r[0] === SLIPPING)!;
    expect(satoRow.slice(1, 6)).toEqual([
      'W45 ✓ · W46 ✗ · W47 ✗',
      'きつい検査',
      '連続 5 ロット以内で 2 ロットが不合格',
      'W47',
      'きつい検査',
    ]);
    expect(text).toContain(`担当者|${SLIPPING}|W45|`);
    const points = values.filter((r) => r[0] === '担当者' && r[1] === SLIPPING && typeof r[6] === 'number');
    expect(points.map((r) => r[2])).toEqual([...WEEKS]);
    expect(points[2][6]).toBe(0);
    expect(points[2][9]).toBe('低下');
    const charts = book.model.sheet('QA Trends')!.charts;
    expect(charts.map((c) => [c.type, c.title, c.seriesBy])).toEqual([
      ['Line', 'バッチごとの担当者別正確度', 'Rows'],
      ['Line', 'バッチごとのポリシー別正確度', 'Rows'],
    ]);
    // Each chart sits to the right of its data (M: group, then one column
    // per batch), 15 rows by 8 columns, the second below the first.
    expect(charts[0].sourceAddress).toBe(`'QA Trends'!M4:P${4 + result.moderators.length}`);
    expect(charts[0].position).toEqual({ row: 3, column: 17, rowCount: 15, columnCount: 8 });
    expect(charts[1].position!.row).toBeGreaterThan(charts[0].position!.row + 14);
    // Re-running rewrites the sheet; the inspection sheets are only read.
    const before = book.valuesOf('QA W46');
    await trendFlow(book.run, { lang: 'en' });
    expect(book.valuesOf('QA W46')).toEqual(before);
    expect(book.valuesOf('QA Trends')[0][0]).toBe('Trends across 3 batch(es)');
  },
);
