/**
 * `QA Taxonomy`: the policy taxonomy in use, one row per policy (its aliases in one cell, "; "
 * between them). Core reads and writes the rows (taxonomyRows.ts, shared with the CLI); this is
 * the sheet's side: labels, which columns are text, where the codes are.
 */
import { TAXONOMY_COLUMNS, TAXONOMY_HEADER_ALIASES, type TaxonomyColumn } from '../../core/taxonomy/taxonomyRows';
import { TAXONOMY_SHEET } from '../sheets';
import { defineSheet } from './sheetSchema';

const JA: Record<TaxonomyColumn, string> = {
  code: 'コード',
  parent: '親コード',
  name_en: '英語名',
  name_ja: '日本語名',
  severity: '重大度',
  allowed_verdicts: '使える判定',
  dsa_category: 'DSAカテゴリ',
  status: '状態',
  replaced_by: '後継コード',
  aliases: '別名',
};

export const taxonomySheet = defineSheet(
  TAXONOMY_SHEET,
  TAXONOMY_COLUMNS.map((name) => ({
    name,
    ja: JA[name],
    aliases: TAXONOMY_HEADER_ALIASES[name],
    numeric: name === 'severity',
  })),
);
