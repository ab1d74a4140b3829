import { VERDICTS, type Verdict } from '../model';
import type { CellValue } from '../../excelSpec';
import { normalizeKey } from '../text/normalizeKey';
import { makeFinding, type Finding } from '../findings/finding';
import { DSA_CATEGORIES, type Policy, type Taxonomy } from './types';

/** The columns of the `QA Taxonomy` sheet, in order. */
export const TAXONOMY_COLUMNS = [
  'code',
  'parent',
  'name_en',
  'name_ja',
  'severity',
  'allowed_verdicts',
  'dsa_category',
  'status',
  'replaced_by',
  'aliases',
] as const;
export type TaxonomyColumn = (typeof TAXONOMY_COLUMNS)[number];

/** The header texts each column is read by (English and Japanese; the first is what the add-in writes). */
export const TAXONOMY_HEADER_ALIASES: Record<TaxonomyColumn, readonly string[]> = {
  code: ['code', 'コード', 'ポリシーコード'],
  parent: ['parent', '親', '親コード', 'セクション'],
  name_en: ['name_en', 'name (en)', 'english name', '英語名', '名前(英語)'],
  name_ja: ['name_ja', 'name (ja)', 'japanese name', '日本語名', '名前(日本語)'],
  severity: ['severity', '重大度', '深刻度'],
  allowed_verdicts: ['allowed_verdicts', 'allowed verdicts', 'verdicts', '許可判定', '使える判定'],
  dsa_category: ['dsa_category', 'dsa category', 'dsa', 'DSAカテゴリ'],
  status: ['status', '状態', 'ステータス'],
  replaced_by: ['replaced_by', 'replaced by', 'replacement', '後継', '後継コード'],
  aliases: ['aliases', 'alias', 'other names', '別名', 'エイリアス', '別称'],
};

/** How several aliases share one cell: ";" (full-width "；" too) or a line break. */
export const ALIAS_SEPARATOR = '; ';
const ALIAS_SPLIT = /[;；\n\r]+/u;

/** The aliases written in one cell. @example splitAliases('ヘイト; Hate speech') // ['ヘイト', 'Hate speech'] */
export function splitAliases(cell: string): string[] {
  return cell
    .split(ALIAS_SPLIT)
    .map((a) => a.trim())
    .filter(Boolean);
}
const HEADER_INDEX = new Map<string, TaxonomyColumn>();
for (const [col, aliases] of Object.entries(TAXONOMY_HEADER_ALIASES) as [TaxonomyColumn, string[]][])
  for (const a of aliases) HEADER_INDEX.set(normalizeKey(a), col);

/**
 * The taxonomy as sheet rows: a header row, then one row per policy (verdicts space-separated).
 *
 * @example taxonomyToRows(defaultTaxonomy())[0] // ['code', 'parent', 'name_en', …]
 */
export function taxonomyToRows(taxonomy: Taxonomy): CellValue[][] {
  return [
    [...TAXONOMY_COLUMNS],
    ...taxonomy.policies.map((p) => [
      p.code,
      p.parent,
      p.nameEn,
      p.nameJa,
      p.severity,
      p.allowedVerdicts.join(' '),
      p.dsaCategory,
      p.status,
      p.replacedBy,
      (p.aliases ?? []).join(ALIAS_SEPARATOR),
    ]),
  ];
}

export interface TaxonomyReading {
  taxonomy: Taxonomy;
  /** Problems with the rows themselves; see also validateTaxonomy for the structure. */
  findings: Finding[];
}

/**
 * Reads a lead's taxonomy back from sheet rows (English or Japanese headers, any column order).
 * `firstRow` is the 1-based sheet row of the header, so findings name the right cells.
 *
 * @example rowsToTaxonomy(taxonomyToRows(defaultTaxonomy())).taxonomy.policies.length // 31
 * Invalid input: unreadable cells become findings that name them; rows without any value are skipped.
 */
export function rowsToTaxonomy(
  rows: readonly (readonly CellValue[])[],
  sheet = 'QA Taxonomy',
  firstRow = 1,
): TaxonomyReading {
  const findings: Finding[] = [];
  const header = rows[0] ?? [];
  const col: Partial<Record<TaxonomyColumn, number>> = {};
  header.forEach((h, i) => {
    const c = HEADER_INDEX.get(normalizeKey(h));
    if (c && col[c] === undefined) col[c] = i;
  });
  const get = (row: readonly CellValue[], c: TaxonomyColumn): string => {
    const i = col[c];
    const v = i === undefined ? '' : row[i];
    return v === undefined || v === null ? '' : String(v).trim();
  };
  const policies: Policy[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.every((v) => v === '' || v === null || v === undefined)) continue;
    const sheetRow = firstRow + r;
    const code = get(row, 'code');
    if (!code) {
      findings.push(makeFinding('taxonomy_missing_code', sheetRow, col.code ?? 0, 'code', {}, undefined, sheet));
      continue;
    }
    const severityText = get(row, 'severity');
    const severity = Number(severityText || (get(row, 'parent') ? NaN : 1));
    if (!Number.isInteger(severity) || severity < 1 || severity > 4) {
      findings.push(
        makeFinding(
          'taxonomy_bad_severity',
          sheetRow,
          col.severity ?? 0,
          'severity',
          { value: severityText },
          undefined,
          sheet,
        ),
      );
    }
    const allowed: Verdict[] = [];
    for (const word of get(row, 'allowed_verdicts')
      .split(/[\s,、]+/)
      .filter(Boolean)) {
      const v = word.toLowerCase() as Verdict;
      if (VERDICTS.includes(v)) allowed.push(v);
      else
        findings.push(
          makeFinding(
            'taxonomy_unknown_verdict',
            sheetRow,
            col.allowed_verdicts ?? 0,
            'allowed_verdicts',
            { value: word },
            undefined,
            sheet,
          ),
        );
    }
    const dsa = get(row, 'dsa_category')
      .replace(/^STATEMENT_CATEGORY_/, '')
      .toUpperCase();
    const status = ['deprecated', '廃止'].includes(get(row, 'status').toLowerCase()) ? 'deprecated' : 'active';
    policies.push({
      code,
      parent: get(row, 'parent'),
      nameEn: get(row, 'name_en'),
      nameJa: get(row, 'name_ja'),
      severity: (Number.isInteger(severity) && severity >= 1 && severity <= 4 ? severity : 1) as Policy['severity'],
      allowedVerdicts: allowed,
      dsaCategory: (DSA_CATEGORIES as readonly string[]).includes(dsa) ? (dsa as Policy['dsaCategory']) : '',
      status,
      replacedBy: get(row, 'replaced_by'),
      aliases: splitAliases(get(row, 'aliases')),
    });
    rowOf.set(policies[policies.length - 1], sheetRow);
  }
  return { taxonomy: { policies }, findings };
}

// Remembers which sheet row each read policy came from, so structural findings name its cells.
const rowOf = new WeakMap<Policy, number>();

/** The 1-based sheet row a policy was read from, when it came from rowsToTaxonomy. */
export function sheetRowOf(policy: Policy): number | undefined {
  return rowOf.get(policy);
}
