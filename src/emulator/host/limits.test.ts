/**
 * The response side of Excel on the web's payload limit: requests and responses are limited to
 * 5 MB (P concepts/resource-limits-and-performance-optimization.md, "Excel add-ins"; P
 * excel/performance.md). The host measures each response as
 * the UTF-8 bytes of its JSON, so Japanese text counts three bytes a character, not one UTF-16 unit.
 */
import { createWorkbook } from '../index';

/** 1,000 cells of 1,700 characters each: 1.7 million UTF-16 units, 1.7 MB in ASCII, 5.1 MB in Japanese. */
function bookOf(char: string) {
  const b = createWorkbook(undefined, { platform: 'web' });
  b.addSheet(
    'Notes',
    Array.from({ length: 1000 }, () => [char.repeat(1700)]),
  );
  return b;
}

const readAll = (b: ReturnType<typeof bookOf>) =>
  b.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Notes').getRange('A1:A1000');
    range.load('values');
    await context.sync();
    return range.values.length;
  });

test(
  'P excel/performance.md: a response over 5,000,000 UTF-8 bytes fails with ' +
    'ResponsePayloadSizeLimitExceeded, though its UTF-16 length is a third of that',
  async () => {
    const ascii = bookOf('x');
    expect(await readAll(ascii)).toBe(1000);
    const asciiBytes = ascii.instrumentation.responseBytes[0];
    expect(asciiBytes).toBeGreaterThan(1_700_000);
    expect(asciiBytes).toBeLessThan(1_800_000);

    const japanese = bookOf('検');
    await expect(readAll(japanese)).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    // Measured, not refused on a guess: the response was built and weighed at about three times the ASCII one.
    expect(japanese.instrumentation.responseBytes[0]).toBeGreaterThan(5_000_000);
    expect(japanese.instrumentation.responseBytes[0] - asciiBytes).toBe(2 * 1700 * 1000);
  },
);
