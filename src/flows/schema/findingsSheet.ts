/** `QA Findings`: the last validation run, one row per finding; every cell is text. */
import { FINDINGS_SHEET } from '../sheets';
import { defineSheet } from './sheetSchema';

export const findingsSheet = defineSheet(FINDINGS_SHEET, [
  { name: 'sheet', ja: 'シート' },
  { name: 'cell', ja: 'セル' },
  { name: 'rule', ja: 'ルール' },
  { name: 'severity', ja: '重大度' },
  { name: 'message', ja: 'メッセージ' },
  { name: 'suggestion', ja: '候補' },
]);
/** The findings sheet's Excel table (what a lead's formulas refer to). */
export const FINDINGS_TABLE = 'QA_Findings';
