import type { Lang } from '../i18n';
import type { CellValue } from '../excelSpec';
import { createPolicyIndex, type PolicyIndex } from '../core/taxonomy/policyIndex';
import { defaultTaxonomy } from '../core/taxonomy/defaultTaxonomy';
import { rowsToTaxonomy } from '../core/taxonomy/taxonomyRows';
import type { Taxonomy } from '../core/taxonomy/types';
import { TAXONOMY_SHEET } from './sheets';

/** Policies as the flows compare and show them: whatever a cell says (code, name, alias) → its code. */
export interface PolicyLookup {
  /** The taxonomy code a cell names; text the taxonomy does not know comes back as written (trimmed). */
  code(value: string): string;
  /** The severity of the policy a cell names, if known. */
  severity(value: string): number | undefined;
  /** How a policy is shown to a person: its name in `lang` (the code when it has no name or is unknown). */
  name(value: string, lang: Lang): string;
  taxonomy: Taxonomy;
  index: PolicyIndex;
}

/** A lookup over a taxonomy. */
export function policyLookup(taxonomy: Taxonomy): PolicyLookup {
  const index = createPolicyIndex(taxonomy);
  return {
    taxonomy,
    index,
    code: (value) => index.find(value)?.code ?? value.trim(),
    severity: (value) => index.find(value)?.severity,
    name(value, lang) {
      const p = index.find(value);
      if (!p) return value;
      return (lang === 'ja' ? p.nameJa : p.nameEn) || p.code;
    },
  };
}

/**
 * Queues the read of `QA Taxonomy` on the caller's next sync and returns the lookup after it:
 * the lead's taxonomy as the sheet holds it (rows it cannot read are left out here; validation
 * names them), or the default one when the workbook has none yet. Writes nothing.
 */
export function queuePolicyLookup(context: Excel.RequestContext): () => PolicyLookup {
  const used = context.workbook.worksheets.getItemOrNullObject(TAXONOMY_SHEET).getUsedRangeOrNullObject(true);
  used.load('values');
  return () => {
    if (used.isNullObject) return policyLookup(defaultTaxonomy());
    const { taxonomy } = rowsToTaxonomy(used.values as CellValue[][], TAXONOMY_SHEET, 1);
    return policyLookup(taxonomy.policies.length ? taxonomy : defaultTaxonomy());
  };
}
