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
import { openOwnedSheet } from './ownedSheet';
import { taxonomySheet } from './schema/taxonomySheet';

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
    // On first use the default taxonomy is written (core writes its rows; the header is the schema's).
    const { used } = await openOwnedSheet(context, taxonomySheet, {
      load: 'values',
      rows: taxonomyToRows(defaultTaxonomy()).slice(1),
      autofit: taxonomySheet.columns.length,
    });
    if (!used) {
      await context.sync();
      return { taxonomy: defaultTaxonomy(), codeRange: `A2:A${defaultTaxonomy().policies.length + 1}` };
    }
    const read = rowsToTaxonomy(used.values as CellValue[][], TAXONOMY_SHEET, 1);
    const findings = [...read.findings, ...validateTaxonomy(read.taxonomy, TAXONOMY_SHEET)];
    if (findings.length) {
      const first = findings[0];
      throw new FlowError('flow.error.invalidTaxonomy', {
        count: findings.length,
        cell: cellAddress(first.row, first.column, TAXONOMY_SHEET),
        message: renderFinding(first, lang, TAXONOMY_SHEET),
      });
    }
    const values = used.values as CellValue[][];
    const codeColumn = Math.max(0, taxonomySheet.reader(values[0] ?? []).at('code'));
    const letter = columnLetter(codeColumn);
    return { taxonomy: read.taxonomy, codeRange: `${letter}2:${letter}${values.length}` };
  });
}
