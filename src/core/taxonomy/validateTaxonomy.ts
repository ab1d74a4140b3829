import { makeFinding, type Finding } from '../findings/finding';
import { TAXONOMY_COLUMNS, sheetRowOf } from './taxonomyRows';
import type { Taxonomy } from './types';

const COL = Object.fromEntries(TAXONOMY_COLUMNS.map((c, i) => [c, i])) as Record<
  (typeof TAXONOMY_COLUMNS)[number],
  number
>;

/**
 * Checks a taxonomy's structure: duplicate codes, unknown parents, parent cycles, replacements
 * that point nowhere (or to a deprecated code), missing names. Findings name the `QA Taxonomy`
 * cells (rows as read by rowsToTaxonomy, else header row 1 and policies from row 2 in order).
 *
 * @example validateTaxonomy(defaultTaxonomy()) // []
 * Invalid input: an empty taxonomy is valid (and finds nothing); the flows refuse to sample with it.
 */
export function validateTaxonomy(taxonomy: Taxonomy, sheet = 'QA Taxonomy'): Finding[] {
  const findings: Finding[] = [];
  const firstRowOf = new Map<string, number>();
  const byCode = new Map(taxonomy.policies.map((p) => [p.code, p]));
  taxonomy.policies.forEach((p, i) => {
    const row = sheetRowOf(p) ?? i + 2;
    const seen = firstRowOf.get(p.code);
    if (seen !== undefined)
      findings.push(
        makeFinding(
          'taxonomy_duplicate_code',
          row,
          COL.code,
          'code',
          { value: p.code, otherRow: seen },
          undefined,
          sheet,
        ),
      );
    else firstRowOf.set(p.code, row);
    if (p.parent && !byCode.has(p.parent))
      findings.push(
        makeFinding('taxonomy_unknown_parent', row, COL.parent, 'parent', { value: p.parent }, undefined, sheet),
      );
    if (!p.nameEn)
      findings.push(
        makeFinding(
          'taxonomy_missing_name',
          row,
          COL.name_en,
          'name_en',
          { value: p.code, language: 'en' },
          undefined,
          sheet,
        ),
      );
    if (!p.nameJa)
      findings.push(
        makeFinding(
          'taxonomy_missing_name',
          row,
          COL.name_ja,
          'name_ja',
          { value: p.code, language: 'ja' },
          undefined,
          sheet,
        ),
      );
    if (p.status === 'deprecated' || p.replacedBy) {
      const target = byCode.get(p.replacedBy);
      if (p.status === 'deprecated' && (!target || target.status === 'deprecated' || target.code === p.code)) {
        findings.push(
          makeFinding(
            'taxonomy_replaced_by_missing',
            row,
            COL.replaced_by,
            'replaced_by',
            { value: p.code, replacement: p.replacedBy },
            undefined,
            sheet,
          ),
        );
      }
    }
    // Walk up the parents; meeting the start again is a cycle.
    const path = [p.code];
    let cur = byCode.get(p.parent);
    while (cur && path.length <= taxonomy.policies.length) {
      path.push(cur.code);
      if (cur.code === p.code) {
        findings.push(
          makeFinding(
            'taxonomy_parent_cycle',
            row,
            COL.parent,
            'parent',
            { value: p.code, path: path.join(' → ') },
            undefined,
            sheet,
          ),
        );
        break;
      }
      cur = byCode.get(cur.parent);
    }
  });
  return findings;
}
