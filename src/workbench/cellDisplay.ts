import { parseRange, splitAddress, type CellRect } from '../excelSpec';
import type { CellFormat, SheetModel, Value, WorkbookModel } from '../emulator/model';

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Rounds half away from zero on the decimal digits Excel shows (87.65 → 87.7), not on the binary value. */
const fixed = (x: number, digits: number) => {
  const scale = 10 ** digits;
  const scaled = Number((Math.abs(x) * scale).toPrecision(15));
  return `${x < 0 ? '-' : ''}${(Math.round(scaled) / scale).toFixed(digits)}`;
};
const inRect = (r: CellRect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rowCount && column >= r.column && column < r.column + r.columnCount;

/**
 * A cell's text as Excel would show it for the number formats the add-in writes: dates
 * ("yyyy-mm-dd hh:mm"), percentages ("0.0%"), fixed decimals ("0.000"), text ("@") and General
 * (up to 11 significant digits, as Excel's General does in a normal-width column).
 *
 * @example displayValue(46350.5, 'yyyy-mm-dd hh:mm') // '2026-11-24 12:00'
 */
export function displayValue(value: Value, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (/[yd]/i.test(format) && !format.startsWith('"')) {
    const d = new Date(SERIAL_EPOCH + Math.round(value * 86_400_000));
    let out = format
      .replace(/yyyy/i, String(d.getUTCFullYear()))
      .replace(/mm(?!:)/, pad(d.getUTCMonth() + 1))
      .replace(/dd/i, pad(d.getUTCDate()));
    out = out
      .replace(/hh/i, pad(d.getUTCHours()))
      .replace(/:mm/, `:${pad(d.getUTCMinutes())}`)
      .replace(/ss/i, pad(d.getUTCSeconds()));
    return out;
  }
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${fixed(value * 100, percent[1]?.length ?? 0)}%`;
  const decimals = /^0(?:\.(0+))?$/.exec(format);
  if (decimals) return fixed(value, decimals[1]?.length ?? 0);
  // General: at most 11 characters in a normal column, else scientific with 6 significant digits.
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  if (Math.abs(value) >= 1e11 || (value !== 0 && Math.abs(value) < 1e-9))
    return value
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .replace('e+', 'E+')
      .replace('e-', 'E-');
  for (let p = 10; p > 1; p--) {
    const text = String(Number(value.toPrecision(p)));
    if (text.length <= 11) return text;
  }
  return String(Number(value.toPrecision(1)));
}

/** The cell's format with any conditional format that applies (ContainsText and CellValue equal). */
export function effectiveFormat(sheet: SheetModel, row: number, column: number): CellFormat | undefined {
  const own = sheet.format(row, column);
  for (const cf of sheet.conditionalFormats) {
    if (!inRect(cf.rect, row, column)) continue;
    const v = String(sheet.value(row, column)).toLowerCase();
    const text = (cf.rule.text ?? cf.rule.formula1 ?? '').replace(/^"|"$/g, '').toLowerCase();
    const op = cf.rule.operator;
    const hit =
      cf.type === 'ContainsText'
        ? op === 'BeginsWith'
          ? v.startsWith(text)
          : op === 'EndsWith'
            ? v.endsWith(text)
            : op === 'NotContains'
              ? !v.includes(text)
              : v.includes(text)
        : cf.type === 'CellValue' && op === 'EqualTo'
          ? v === text
          : false;
    if (hit) return { ...own, ...cf.format };
  }
  return own;
}

/** The choices of a list-validated cell (a comma list or a reference to cells), or undefined. */
export function listChoices(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  column: number,
): string[] | undefined {
  const rule = [...sheet.validations].reverse().find((v) => inRect(v.rect, row, column));
  if (!rule) return undefined;
  if (!rule.source.startsWith('='))
    return rule.source
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const { sheet: name, local } = splitAddress(rule.source.slice(1));
  const source = name ? model.sheet(name) : sheet;
  if (!source) return [];
  const rect = parseRange(local.replace(/\$/g, ''));
  const out: string[] = [];
  for (let r = rect.row; r < rect.row + Math.min(rect.rowCount, 10_000); r++) {
    for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
      const v = source.value(r, c);
      if (v !== '') out.push(String(v));
    }
  }
  return out;
}
