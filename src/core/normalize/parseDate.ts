/** Milliseconds in a day; Excel serials count days since 1899-12-30 (with Lotus's 1900 leap-year quirk folded in). */
const DAY_MS = 86400000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An Excel date serial as UTC milliseconds. Serials from 61 on are exact; 1–59 are shifted by
 * Excel's phantom 1900-02-29 (serial 60), which has no real date and gives NaN.
 *
 * @example new Date(serialToMs(36526)).toISOString() // '2000-01-01T00:00:00.000Z'
 */
export function serialToMs(serial: number): number {
  if (serial === 60) return NaN;
  const days = serial < 60 ? serial + 1 : serial;
  return EXCEL_EPOCH_MS + Math.round(days * DAY_MS);
}

/** UTC milliseconds as an Excel serial (days and fraction). */
export function msToSerial(ms: number): number {
  const days = (ms - EXCEL_EPOCH_MS) / DAY_MS;
  return days < 61 ? days - 1 : days;
}

const NON_ASCII = /[^\x00-\x7f]/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})(?:時|:)(\d{1,2})分?(?:(\d{1,2})秒)?)?$/;

/**
 * A decision date as UTC milliseconds, from an Excel serial, ISO 8601, or the forms Japanese Excel
 * writes (2026/11/24 13:05, 2026年11月24日, 2026年11月24日 13時05分). Times without a zone are
 * taken as written (the sheet's local time, stored as if UTC), as Excel does.
 *
 * @example new Date(parseDate('2026/11/24 13:05')!).toISOString() // '2026-11-24T13:05:00.000Z'
 * Invalid input: an empty cell gives `null`; anything unreadable (or an impossible date such as
 * 2026-02-30) gives `undefined`.
 */
export function parseDate(value: unknown): number | null | undefined {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) return undefined;
    const ms = serialToMs(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof value !== 'string') return undefined;
  // NFKC only matters for full-width digits; most cells are ASCII and skip it.
  const s = (NON_ASCII.test(value) ? value.normalize('NFKC') : value).trim();
  const m = ISO.exec(s) ?? SLASH.exec(s) ?? KANJI.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x)));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return undefined;
  // 2026-02-30 and the like are not dates (checked without building a Date object).
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31)) return undefined;
  let ms = Date.UTC(y, mo - 1, d, h, mi, sec);
  const zone = m[7];
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[+:-]/g, '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
  }
  return ms;
}
