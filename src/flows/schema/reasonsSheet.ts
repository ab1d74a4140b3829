/** `QA Reasons`: the error reasons (bilingual, the lead edits them); the inspection sheets hold the codes. */
import type { ErrorReason } from '../../core/reasons';
import type { CellValue } from '../../excelSpec';
import { REASONS_SHEET } from '../sheets';
import { defineSheet } from './sheetSchema';

export const reasonsSheet = defineSheet(REASONS_SHEET, [
  { name: 'code', ja: 'コード' },
  { name: 'name_en', ja: '英語名' },
  { name: 'name_ja', ja: '日本語名' },
  { name: 'definition_en', ja: '英語の定義' },
  { name: 'definition_ja', ja: '日本語の定義' },
]);

/** A reason as a sheet row. */
export const reasonRow = (r: ErrorReason): CellValue[] =>
  reasonsSheet.row({
    code: r.code,
    name_en: r.en,
    name_ja: r.ja,
    definition_en: r.definitionEn,
    definition_ja: r.definitionJa,
  });

/** The reasons listed on the sheet (header first); a missing name falls back to the other language, then the code. */
export function readReasons(values: readonly (readonly CellValue[])[]): ErrorReason[] {
  return reasonsSheet
    .records(values)
    .filter((r) => r.code !== '')
    .map((r) => ({
      code: r.code,
      en: r.name_en || r.code,
      ja: r.name_ja || r.name_en || r.code,
      definitionEn: r.definition_en,
      definitionJa: r.definition_ja,
    }));
}
