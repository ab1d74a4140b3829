/**
 * The inspection sheet `QA <batch>`: one place that says which columns it has, in which order,
 * and what each is called in English and Japanese. Writers put the workbook language's labels in
 * the header; readers find a column by its field name or by either language's label, so a sheet
 * written in one language reads in the other. (The first of the per-sheet schemas issue 12 asks for.)
 */
import { DECISION_FIELDS, QA_COLUMNS, OUTCOMES, SETTLEMENTS, VERDICTS, type Outcome } from '../../core/model';
import type { Lang } from '../../i18n';
import type { CellValue } from '../../excelSpec';
import { isoWeek, parseDate } from '../../core/normalize/parseDate';
import { INSPECTION_PREFIX } from '../sheets';
import { defineSheet, type ColumnSpec } from './sheetSchema';

/** The inspection sheet's columns: the copied decision, where it came from, then the QA columns. */
export const INSPECTION_COLUMNS = [...DECISION_FIELDS, 'source_row', 'weight', ...QA_COLUMNS] as const;
export type InspectionColumn = (typeof INSPECTION_COLUMNS)[number];

/** Where a column's values come from, how the inspector fills it, and where the report shows it. */
export interface InspectionColumnSpec extends ColumnSpec<InspectionColumn> {
  /** The report re-cuts the outcome by this column (a pivot of its own; the number orders them). */
  readonly recut?: number;
  /**
   * The values an inspector may give: a dropdown on the sheet, and Validate lists any other value
   * pasted past it. A fixed list, or one the flow knows (verdicts, taxonomy codes, reasons, yes/no).
   */
  readonly list?: readonly string[] | 'verdicts' | 'policies' | 'reasons' | 'settlements' | 'yesNo';
  /** The value written at the draw, from the drawn decision (empty when not given). */
  readonly draw?: (drawn: DrawnRow) => CellValue;
}

/** What the draw knows of one drawn decision when it builds its row. */
export interface DrawnRow {
  /** A decision field's cell as the inspection sheet gets it (the policy as its code, a link's target). */
  field(name: (typeof DECISION_FIELDS)[number]): CellValue;
  /** The decisions sheet's row (1-based), the item's weight, and its policy's severity (or ''). */
  sourceRow: number;
  weight: number;
  severity: number | '';
  lang: Lang;
}

const JA_LABELS: Record<InspectionColumn, string> = {
  item_id: 'アイテムID',
  moderator: 'モデレーター',
  verdict: '判定',
  policy: 'ポリシー',
  decided_at: '判定日時',
  market: 'マーケット',
  language: '言語',
  queue: 'キュー',
  url: 'URL',
  notes: 'メモ',
  source_row: '元の行',
  weight: '重み',
  qa_verdict: 'QA判定',
  qa_policy: 'QAポリシー',
  outcome: '結果',
  severity: '重大度',
  qa_comment: 'QAコメント',
  escalate: 'エスカレーション',
  inspector: '検査者',
  inspected_at: '検査日時',
  reason: '誤りの理由',
  dispute: '異議',
  dispute_comment: '異議コメント',
  settlement: '裁定',
  settled_by: '裁定者',
  settled_at: '裁定日時',
  week: '週',
  blind: 'ブラインド',
};

/** The ISO week of a decision's date cell, or '' when it has none or it cannot be read. */
function weekOf(value: CellValue): string {
  const ms = parseDate(value);
  return typeof ms === 'number' ? isoWeek(ms) : '';
}

/** What each column is beyond its label (columns not listed are text, empty at the draw, no list). */
const SPECS: Partial<Record<InspectionColumn, Omit<InspectionColumnSpec, 'name' | 'ja'>>> = {
  language: { recut: 2 },
  queue: { recut: 1 },
  source_row: { numeric: true, draw: (d) => d.sourceRow },
  weight: { numeric: true, draw: (d) => Math.round(d.weight * 1e6) / 1e6 },
  qa_verdict: { list: 'verdicts' },
  qa_policy: { list: 'policies' },
  outcome: { draw: (d) => outcomeLabel('pending', d.lang) },
  severity: { numeric: true, draw: (d) => d.severity },
  escalate: { list: 'yesNo' },
  inspector: { recut: 3 },
  reason: { list: 'reasons', recut: 5 },
  settlement: { list: 'settlements' },
  week: { recut: 4, draw: (d) => weekOf(d.field('decided_at')) },
};

/**
 * The inspection sheet `QA <batch>` (the name is the prefix). Writers put the workbook language's
 * labels in the header; readers find a column by its field name or by either language's label,
 * so a sheet written in one language reads in the other.
 */
export const inspectionSheet = defineSheet<InspectionColumn, InspectionColumnSpec>(
  INSPECTION_PREFIX,
  INSPECTION_COLUMNS.map((name) => ({
    name,
    ja: JA_LABELS[name],
    ...((DECISION_FIELDS as readonly string[]).includes(name)
      ? { draw: (d: DrawnRow) => d.field(name as (typeof DECISION_FIELDS)[number]) }
      : {}),
    ...SPECS[name],
  })),
);

/** A column's 0-based position in a sheet the add-in wrote (the order never depends on the language). */
export const col = (name: InspectionColumn) => inspectionSheet.position(name);

/** A column's header label in a language. */
export function inspectionLabel(column: InspectionColumn, lang: Lang): string {
  return inspectionSheet.label(column, lang);
}

/** The header row of an inspection sheet written in `lang`. */
export function inspectionHeader(lang: Lang): string[] {
  return inspectionSheet.header(lang);
}

/** Which inspection column a header cell names (field name or either language's label), if any. */
export function inspectionColumnOf(header: CellValue | undefined): InspectionColumn | undefined {
  return inspectionSheet.columnOf(header);
}

/** Where each column is in a header row as found (-1 when absent), and the language the sheet was written in. */
export function locateInspectionColumns(header: readonly CellValue[]): {
  at: (c: InspectionColumn) => number;
  lang: Lang;
} {
  const r = inspectionSheet.reader(header);
  return { at: r.at, lang: r.lang };
}

/** Outcome cells: the code in English sheets (what pivots and formulas group on), the name in Japanese ones. */
const JA_OUTCOMES: Record<Outcome, string> = {
  correct: '正しい',
  over_enforcement: '過剰措置',
  under_enforcement: '措置漏れ',
  wrong_policy: 'ポリシー誤り',
  wrong_action: '措置内容誤り',
  pending: '未検査',
};

export function outcomeLabel(outcome: Outcome, lang: Lang): string {
  return lang === 'ja' ? JA_OUTCOMES[outcome] : outcome;
}

/** An outcome cell read back in either language. */
export function parseOutcome(text: CellValue): Outcome | undefined {
  const s = String(text).trim();
  return (OUTCOMES as readonly string[]).includes(s) ? (s as Outcome) : OUTCOMES.find((o) => JA_OUTCOMES[o] === s);
}

/** The escalate column's values: "yes"/"no", or はい/いいえ. */
export const escalateValues = (lang: Lang): [string, string] => (lang === 'ja' ? ['はい', 'いいえ'] : ['yes', 'no']);

/** Whether an escalate cell says yes, in either language. */
export function isYes(text: CellValue): boolean {
  return ['yes', 'true', '1', 'y', 'はい', 'x', '✓', '✔'].includes(String(text).trim().toLowerCase());
}

/**
 * The values of a column's list that the schema itself knows (taxonomy codes and reasons live on
 * their sheets; undefined for those).
 */
export function listValues(list: NonNullable<InspectionColumnSpec['list']>, lang: Lang): readonly string[] | undefined {
  if (list === 'verdicts') return VERDICTS;
  if (list === 'settlements') return SETTLEMENTS;
  if (list === 'yesNo') return escalateValues(lang);
  if (list === 'policies' || list === 'reasons') return undefined;
  return list;
}
