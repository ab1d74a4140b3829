/**
 * The inspection sheet `QA <batch>`: one place that says which columns it has, in which order,
 * and what each is called in English and Japanese. Writers put the workbook language's labels in
 * the header; readers find a column by its field name or by either language's label, so a sheet
 * written in one language reads in the other. (The first of the per-sheet schemas issue 12 asks for.)
 */
import { DECISION_FIELDS, OUTCOMES, QA_COLUMNS, type Outcome } from '../../core/model';
import type { Lang } from '../../i18n';
import type { CellValue } from '../../excelSpec';
import { normalizeKey } from '../../core/text/normalizeKey';

/** The inspection sheet's columns: the copied decision, where it came from, then the QA columns. */
export const INSPECTION_COLUMNS = [...DECISION_FIELDS, 'source_row', 'weight', ...QA_COLUMNS] as const;
export type InspectionColumn = (typeof INSPECTION_COLUMNS)[number];
/** A column's 0-based position in a sheet the add-in wrote (the order never depends on the language). */
export const col = (name: InspectionColumn) => INSPECTION_COLUMNS.indexOf(name);

/** Header labels. English keeps the field names (what English workbooks and formulas already use). */
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

/** A column's header label in a language. */
export function inspectionLabel(column: InspectionColumn, lang: Lang): string {
  return lang === 'ja' ? JA_LABELS[column] : column;
}

/** The header row of an inspection sheet written in `lang`. */
export function inspectionHeader(lang: Lang): string[] {
  return INSPECTION_COLUMNS.map((c) => inspectionLabel(c, lang));
}

const BY_LABEL = new Map<string, InspectionColumn>();
for (const c of INSPECTION_COLUMNS) for (const label of [c, JA_LABELS[c]]) BY_LABEL.set(normalizeKey(label), c);

/** Which inspection column a header cell names (field name or either language's label), if any. */
export function inspectionColumnOf(header: CellValue | undefined): InspectionColumn | undefined {
  return header === undefined ? undefined : BY_LABEL.get(normalizeKey(header));
}

/** Where each column is in a header row as found (-1 when absent), and the language the sheet was written in. */
export function locateInspectionColumns(header: readonly CellValue[]): { at: (c: InspectionColumn) => number; lang: Lang } {
  const index = new Map<InspectionColumn, number>();
  header.forEach((h, i) => {
    const c = inspectionColumnOf(h);
    if (c && !index.has(c)) index.set(c, i);
  });
  const first = String(header[index.get('item_id') ?? 0] ?? '').trim();
  return { at: (c) => index.get(c) ?? -1, lang: first === JA_LABELS.item_id ? 'ja' : 'en' };
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
