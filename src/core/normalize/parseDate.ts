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
/** parseAsciiDate's answer when the text is not in one of its forms: the general parser decides. */
const FALL_BACK = -Infinity;

/** Two or four ASCII digits at `at` as a number, or -1. */
function digits(s: string, at: number, n: number): number {
  let x = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    x = x * 10 + c;
  }
  return x;
}

/**
 * The forms most sheets hold — "2026-11-24", "2026-11-24T13:05:09Z", "2026-11-24 13:05",
 * "2026/11/24 13:05" (two-digit fields, optional seconds, fraction and zone) — read character by
 * character, with no regular expression and no allocation: a million dates a second matter on
 * a full sheet. Anything else returns FALL_BACK; an impossible date returns undefined.
 */
function parseAsciiDate(s: string): number | null | undefined {
  const n = s.length;
  if (n < 10 || n > 29) return FALL_BACK;
  const sep = s.charCodeAt(4);
  if ((sep !== 45 /* - */ && sep !== 47) /* / */ || s.charCodeAt(7) !== sep) return FALL_BACK;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return FALL_BACK;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let at = 10;
  let zoneMinutes = 0;
  if (at < n) {
    const t = s.charCodeAt(at);
    if (!(t === 32 || (t === 84 /* T */ && sep === 45)) || n < at + 6 || s.charCodeAt(at + 3) !== 58 /* : */)
      return FALL_BACK;
    h = digits(s, at + 1, 2);
    mi = digits(s, at + 4, 2);
    if (h < 0 || mi < 0) return FALL_BACK;
    at += 6;
    if (at < n && s.charCodeAt(at) === 58) {
      sec = digits(s, at + 1, 2);
      if (sec < 0) return FALL_BACK;
      at += 3;
      if (at < n && s.charCodeAt(at) === 46 /* . */ && sep === 45) {
        at++;
        const start = at;
        while (at < n && s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57) at++;
        if (at === start) return FALL_BACK;
      }
    }
    if (at < n && sep === 45) {
      const z = s.charCodeAt(at);
      if (z === 90 /* Z */ && at === n - 1) at++;
      else if ((z === 43 || z === 45) && (n - at === 6 || n - at === 5)) {
        const zh = digits(s, at + 1, 2);
        const zm = digits(s, n - 2, 2);
        if (zh < 0 || zm < 0 || (n - at === 6 && s.charCodeAt(at + 3) !== 58)) return FALL_BACK;
        zoneMinutes = (z === 45 ? -1 : 1) * (zh * 60 + zm);
        at = n;
      } else return FALL_BACK;
    }
    if (at !== n) return FALL_BACK;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31)) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, sec) - zoneMinutes * 60000;
}
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
  const fast = parseAsciiDate(value);
  return fast !== FALL_BACK ? fast : parseDateText(value);
}

/**
 * The general text parser (ISO 8601, slashes, Japanese 年月日, full-width digits). parseDate tries
 * the allocation-free reader first; exported so a test can hold the two to the same answers.
 */
export function parseDateText(value: string): number | undefined {
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

/**
 * The ISO 8601 week of a date (UTC milliseconds) as "YYYY-Www": weeks start on Monday and week 1
 * holds the year's first Thursday, so early January can belong to the previous year's week 52/53.
 *
 * @example isoWeek(Date.UTC(2026, 10, 24)) // '2026-W48'
 * Invalid input: a non-finite number gives ''.
 */
export function isoWeek(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
