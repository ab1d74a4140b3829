import { byteLength, jsonByteLength, TimeSlicer } from './schedule';

const exact = (v: unknown) => byteLength(JSON.stringify(v));

test(
  'measured in slices, a body has the byte length of its whole JSON ' +
    'text (undefined left out, Japanese and emoji counted as UTF-8)',
  async () => {
    const rows = Array.from({ length: 300 }, (_, r) => [
      `id-${r}`,
      r % 7 === 0 ? '嫌がらせ・いじめ' : 'approve',
      r * 1.5,
      r % 11 === 0 ? null : true,
      '😀"\\\n',
    ]);
    const bodies: unknown[] = [
      { Results: [{ ActionId: 3, Value: { values: rows, formulas: rows, skip: undefined } }], TraceIds: [] },
      Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? undefined : { a: i, b: undefined, c: [NaN, 'x'] })),
      [],
      {},
      'plain',
      Array.from({ length: 65 }, () => []),
    ];
    for (const body of bodies) expect(await jsonByteLength(body, new TimeSlicer(0))).toBe(exact(body));
  },
);

test('a slicer pauses on a new task once its slice is spent, not before', async () => {
  const after = async (slicer: TimeSlicer) => {
    let done = false;
    const paused = slicer.pause().then(() => (done = true));
    // Microtasks alone (a flow's awaits) do not let a paused slicer go on.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    const early = done;
    await paused;
    return early;
  };
  expect(await after(new TimeSlicer(0))).toBe(false);
  expect(await after(new TimeSlicer(60_000))).toBe(true);
});

test(
  'a workbook that yields to the page answers the same ' + 'batch with the same values and the same measured bytes',
  async () => {
    const { createWorkbook } = await import('../index');
    const read = async (yieldToPage: boolean) => {
      const book = createWorkbook();
      book.yieldToPage = yieldToPage;
      book.addSheet(
        'Decisions',
        Array.from({ length: 500 }, (_, r) => [`item-${r}`, r % 3 ? 'remove' : '承認', r]),
      );
      const values = await book.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Decisions').getRange('A1:C500');
        range.load('values, formulas');
        await context.sync();
        range.values = range.values.map((row) => [row[0], row[1], Number(row[2]) + 1]);
        await context.sync();
        return range.values;
      });
      return {
        values,
        request: book.instrumentation.requestBytes,
        response: book.instrumentation.responseBytes,
        last: book.valuesOf('Decisions')[499],
      };
    };
    const yielding = await read(true);
    expect(yielding).toEqual(await read(false));
    expect(yielding.last).toEqual(['item-499', 'remove', 500]);
  },
);

test(
  "a response's rows are measured in slices even inside a " + 'short list of results (the page gets the thread back)',
  async () => {
    const rows = Array.from({ length: 2_000 }, (_, r) => [`id-${r}`, 'approve', r]);
    const body = { Body: { Results: [{ ActionId: 7, Value: { Values: rows } }] } };
    let pauses = 0;
    const slicer = new TimeSlicer(0);
    const pause = slicer.pause.bind(slicer);
    slicer.pause = async () => {
      pauses++;
      await pause();
    };
    expect(await jsonByteLength(body, slicer)).toBe(exact(body));
    // One pause a row: a body with a few results never measures its 2,000 rows in one block.
    expect(pauses).toBeGreaterThanOrEqual(2_000);
  },
);
