/**
 * What every sheet the add-in owns declares once: its columns in order, each with its Japanese
 * label (English workbooks keep the column name, what formulas and filters already key on), the
 * header spellings a reader also accepts, and whether it holds a number the add-in computes —
 * every other column is written as text, so untrusted text never becomes a formula. Writers build
 * rows from records; readers find columns by name or by either language's label, never by place.
 * The column list is read at each call, so a column added to a schema reaches every flow.
 */
import { t, type Lang, type MessageKey } from '../../i18n';
import type { CellValue } from '../../excelSpec';
import { normalizeKey } from '../../core/text/normalizeKey';

export interface ColumnSpec<C extends string = string> {
  readonly name: C;
  /** The header label in Japanese workbooks. */
  readonly ja: string;
  /** The header label in English workbooks when it is not the column name (a report's wording). */
  readonly en?: string;
  /** Other header texts a reader accepts (a lead's own header, an older label). */
  readonly aliases?: readonly string[];
  /** A number the add-in computes (a count, a weight, a severity): left a number. Every other column is text. */
  readonly numeric?: boolean;
}

/** A row read by column name: the cell as it is, and its text trimmed ('' when the column is absent). */
export interface RowReader<C extends string> {
  /** 0-based position of a column in the header as found, -1 when absent. */
  at(column: C): number;
  cell(row: readonly CellValue[], column: C): CellValue;
  text(row: readonly CellValue[], column: C): string;
  /** The language the header was written in (the first column found says it). */
  lang: Lang;
}

export interface SheetSchema<C extends string, S extends ColumnSpec<C> = ColumnSpec<C>> {
  /** The sheet's name (a prefix for per-batch sheets such as "QA <batch>"). */
  readonly name: string;
  /** The columns in the order the add-in writes them; a test may add one. */
  readonly columns: S[];
  names(): C[];
  label(column: C, lang: Lang): string;
  header(lang: Lang): string[];
  /** A column's 0-based position in a sheet the add-in wrote (the order never depends on the language). */
  position(column: C): number;
  /** Positions of the columns written as text. */
  textColumns(): number[];
  /** Whether a column holds a number the add-in computes (written without the text format). */
  isNumeric(column: C): boolean;
  /** Which column a header cell names, if any. */
  columnOf(header: CellValue | undefined): C | undefined;
  /** Columns located in a header row as found. */
  reader(header: readonly CellValue[]): RowReader<C>;
  /** Every data row (header first in `values`) as a record of trimmed texts; blank rows are skipped. */
  records(values: readonly (readonly CellValue[])[]): Record<C, string>[];
  /** A row in the schema's column order from a record ('' for columns it does not give). */
  row(record: Partial<Record<C, CellValue>>): CellValue[];
}

/** A column's labels from the message catalogs (a report's header, worded for people in each language). */
export const catalogLabels = (key: MessageKey) => ({ en: t(key, {}, 'en'), ja: t(key, {}, 'ja') });

const text = (v: CellValue | undefined) => (v === undefined || v === null ? '' : String(v).trim());

/** A sheet's schema from its name and columns. */
export function defineSheet<const C extends string, S extends ColumnSpec<C> = ColumnSpec<C>>(
  name: string,
  columns: (S & { name: C })[],
): SheetSchema<C, S> {
  const spec = (c: C) => columns.find((x) => x.name === c);
  const byLabel = () => {
    const index = new Map<string, C>();
    for (const c of columns)
      for (const label of [c.name, c.ja, ...(c.en ? [c.en] : []), ...(c.aliases ?? [])])
        if (!index.has(normalizeKey(label))) index.set(normalizeKey(label), c.name);
    return index;
  };
  const schema: SheetSchema<C, S> = {
    name,
    columns,
    names: () => columns.map((c) => c.name),
    label: (c, lang) => (lang === 'ja' ? (spec(c)?.ja ?? c) : (spec(c)?.en ?? c)),
    header: (lang) => columns.map((c) => schema.label(c.name, lang)),
    position: (c) => columns.findIndex((x) => x.name === c),
    textColumns: () => columns.flatMap((c, i) => (c.numeric ? [] : [i])),
    isNumeric: (c) => spec(c)?.numeric === true,
    columnOf: (header) => (header === undefined || header === null ? undefined : byLabel().get(normalizeKey(header))),
    reader(header) {
      const labels = byLabel();
      const index = new Map<C, number>();
      header.forEach((h, i) => {
        const c = h === undefined || h === null ? undefined : labels.get(normalizeKey(h));
        if (c !== undefined && !index.has(c)) index.set(c, i);
      });
      const first = columns.find((c) => index.has(c.name));
      const lang: Lang =
        first && first.ja !== first.name && text(header[index.get(first.name)!]) === first.ja ? 'ja' : 'en';
      const at = (c: C) => index.get(c) ?? -1;
      return {
        at,
        lang,
        cell: (row, c) => (at(c) < 0 ? '' : (row[at(c)] ?? '')),
        text: (row, c) => (at(c) < 0 ? '' : text(row[at(c)])),
      };
    },
    records(values) {
      const r = schema.reader(values[0] ?? []);
      return values
        .slice(1)
        .filter((row) => row.some((v) => text(v) !== ''))
        .map((row) => Object.fromEntries(columns.map((c) => [c.name, r.text(row, c.name)])) as Record<C, string>);
    },
    row: (record) => columns.map((c) => record[c.name] ?? ''),
  };
  return schema;
}
