import fc from 'fast-check';
import { isoWeek, parseDate, parseDateText, serialToMs } from './parseDate';

describe('parseDate', () => {
  // Independent arithmetic: 2000-01-01 is 36,526 days after Excel's day 0 (1899-12-31 with the
  // phantom 1900-02-29), as Microsoft documents for Range.values.
  test('Excel serials', () => {
    expect(new Date(serialToMs(36526)).toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(new Date(parseDate(36526.5)!).toISOString()).toBe('2000-01-01T12:00:00.000Z');
    expect(new Date(parseDate(1)!).toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(parseDate(60)).toBeUndefined();
  });
  test('ISO 8601 and the forms Japanese Excel writes', () => {
    expect(new Date(parseDate('2026-11-24T13:05:00Z')!).toISOString()).toBe('2026-11-24T13:05:00.000Z');
    expect(new Date(parseDate('2026-11-24T13:05:00+09:00')!).toISOString()).toBe('2026-11-24T04:05:00.000Z');
    expect(new Date(parseDate('2026/11/24 13:05')!).toISOString()).toBe('2026-11-24T13:05:00.000Z');
    expect(new Date(parseDate('2026年11月24日')!).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(new Date(parseDate('2026年11月24日 13時05分')!).toISOString()).toBe('2026-11-24T13:05:00.000Z');
    expect(new Date(parseDate('２０２６/１１/２４')!).toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });
  test('leap years follow the Gregorian rule', () => {
    expect(parseDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDate('2000/02/29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseDate('2026-02-29')).toBeUndefined();
    expect(parseDate('1900-02-29')).toBeUndefined();
    expect(parseDate('2026-04-31')).toBeUndefined();
    expect(parseDate('2026年12月31日')).toBe(Date.UTC(2026, 11, 31));
  });
  test('impossible and unreadable dates are undefined, empty is null', () => {
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('yesterday')).toBeUndefined();
    expect(parseDate('')).toBeNull();
    expect(parseDate(true)).toBeUndefined();
  });
});

describe('parseDate: the allocation-free reader and the general parser agree', () => {
  const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  // Near-valid texts: digits out of range, both separators,
  // optional time, seconds, fraction and zone, stray characters.
  const dateText = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      pick('-', '/', '.'),
      two,
      pick('-', '/'),
      two,
      fc.option(
        fc.tuple(
          pick('T', ' ', '  ', 't'),
          two,
          pick(':', '-'),
          two,
          fc.option(fc.tuple(two, fc.option(fc.stringMatching(/^\.\d{1,4}$/)))),
        ),
      ),
      fc.option(pick('Z', '+09:00', '-0530', '+9', ' Z', 'z', 'x')),
    )
    .map(([y, s1, mo, s2, d, time, zone]) => {
      let text = `${y}${s1}${mo}${s2}${d}`;
      if (time) {
        const [sep, h, colon, mi, sec] = time;
        text += `${sep}${h}${colon}${mi}`;
        if (sec) text += `:${sec[0]}${sec[1] ?? ''}`;
      }
      return text + (zone ?? '');
    });

  test('on any near-valid date text', () => {
    fc.assert(
      fc.property(dateText, (text) => {
        expect(parseDate(text)).toBe(parseDateText(text));
      }),
      { numRuns: 20000 },
    );
  });

  test('on published forms, including time zones and fractions', () => {
    for (const text of [
      '2026-11-24',
      '2026-11-24T13:05:09Z',
      '2026-11-24T13:05:09.123Z',
      '2026-11-24T13:05:09+09:00',
      '2026-11-24T13:05-0530',
      '2026/11/24 13:05',
      '2026/11/24 13:05:59',
      '2026-02-29T00:00',
      '2024-02-29 23:59:59',
      '2026-13-01',
      '2026-11-24T24:00',
    ]) {
      expect(parseDate(text)).toBe(parseDateText(text));
    }
    expect(parseDate('2026-11-24T13:05:09+09:00')).toBe(Date.UTC(2026, 10, 24, 4, 5, 9));
  });
});

test('isoWeek: Monday-start weeks, week 1 holds the first Thursday, across year ends', () => {
  expect(isoWeek(Date.UTC(2026, 10, 24))).toBe('2026-W48');
  expect(isoWeek(Date.UTC(2021, 0, 3))).toBe('2020-W53');
  expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01');
  expect(isoWeek(Date.UTC(2026, 0, 1, 23, 59))).toBe('2026-W01');
  expect(isoWeek(NaN)).toBe('');
});
