import { cellAddress } from '../excelSpec';
import { columnLetter } from '../excelSpec';
import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { defaultTaxonomy } from '../core/taxonomy/defaultTaxonomy';
import { rowsToTaxonomy, taxonomyToRows } from '../core/taxonomy/taxonomyRows';
import type { Taxonomy } from '../core/taxonomy/types';
import { validateTaxonomy } from '../core/taxonomy/validateTaxonomy';
import { renderFinding } from './renderFinding';
import { FlowError, type BatchRunner } from './host';
import { TAXONOMY_SHEET } from './sheets';
import { writeRows } from './writeTable';

/**
 * The taxonomy in use: read from `QA Taxonomy` (a lead's edits travel with the workbook), or, on
 * first use, the default written there. Refuses an invalid taxonomy with a message naming its
 * first bad cell. One or two syncs.
 */
export interface TaxonomyInUse {
  taxonomy: Taxonomy;
  /** The sheet range holding the policy codes, for the inspection sheet's dropdown ("A2:A32"). */
  codeRange: string;
}

export async function loadTaxonomy(run: BatchRunner, lang: Lang = 'en'): Promise<TaxonomyInUse> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(TAXONOMY_SHEET);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('values');
    await context.sync();
    if (ws.isNullObject || used.isNullObject) {
      const sheet = ws.isNullObject ? context.workbook.worksheets.add(TAXONOMY_SHEET) : ws;
      const rows = taxonomyToRows(defaultTaxonomy());
      await writeRows(context, sheet, 0, 0, rows, [0, 1, 2, 3, 5, 6, 7, 8, 9]);
      sheet.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
      sheet.freezePanes.freezeRows(1);
      sheet.getRangeByIndexes(0, 0, rows.length, rows[0].length).format.autofitColumns();
      await context.sync();
      return { taxonomy: defaultTaxonomy(), codeRange: `A2:A${rows.length}` };
    }
    const read = rowsToTaxonomy(used.values as CellValue[][], TAXONOMY_SHEET, 1);
    const findings = [...read.findings, ...validateTaxonomy(read.taxonomy, TAXONOMY_SHEET)];
    if (findings.length) {
      const first = findings[0];
      throw new FlowError('flow.error.invalidTaxonomy', { count: findings.length, cell: cellAddress(first.row, first.column, TAXONOMY_SHEET), message: renderFinding(first, lang, TAXONOMY_SHEET) });
    }
    const values = used.values as CellValue[][];
    const codeColumn = Math.max(0, (values[0] ?? []).findIndex((h) => ['code', 'コード', 'ポリシーコード'].includes(String(h).trim().toLowerCase())));
    const letter = columnLetter(codeColumn);
    return { taxonomy: read.taxonomy, codeRange: `${letter}2:${letter}${values.length}` };
  });
}
