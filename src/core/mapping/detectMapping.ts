import { DECISION_FIELDS, REQUIRED_FIELDS, type CellValue, type DecisionField } from '../model';
import { editDistance } from '../text/editDistance';
import { normalizeKey } from '../text/normalizeKey';
import { FIELD_ALIASES } from './fieldAliases';

/** Where each field lives on the sheet: 0-based column indexes. Serializable, so a confirmed mapping can be kept in the workbook. */
export type Mapping = Partial<Record<DecisionField, number>>;

export interface FieldMatch {
  column: number;
  header: string;
  /** 1 for an exact alias, lower for a near one (edit distance 1–2). */
  confidence: number;
}

export interface MappingResult {
  /** The 0-based index (within the rows given) of the header row, or -1 when none looks like one. */
  headerRow: number;
  mapping: Mapping;
  matches: Partial<Record<DecisionField, FieldMatch>>;
  /** Columns of the header row that map to no field, with their header text. */
  unmapped: { column: number; header: string }[];
  /** Required fields no column was found for. */
  missingRequired: DecisionField[];
}

const EXACT = new Map<string, DecisionField>();
for (const field of DECISION_FIELDS) {
  for (const alias of FIELD_ALIASES[field]) {
    const k = normalizeKey(alias);
    if (!EXACT.has(k)) EXACT.set(k, field);
  }
}
const ALIAS_KEYS = [...EXACT.keys()];

/** The field a header names and how sure we are. */
function matchHeader(header: string): { field: DecisionField; confidence: number } | undefined {
  const k = normalizeKey(header);
  if (!k) return undefined;
  const exact = EXACT.get(k);
  if (exact) return { field: exact, confidence: 1 };
  let best: string | undefined;
  let bestD = Infinity;
  for (const alias of ALIAS_KEYS) {
    if (alias.length < 4) continue;
    const d = editDistance(k, alias);
    if (d < bestD) {
      bestD = d;
      best = alias;
    }
  }
  if (best !== undefined && bestD <= (k.length >= 8 ? 2 : 1)) return { field: EXACT.get(best)!, confidence: bestD === 1 ? 0.8 : 0.6 };
  return undefined;
}

/**
 * Finds the header row among the first rows of a sheet (title rows above it are common) and maps
 * its columns to the decision fields, in English or Japanese.
 *
 * @example detectMapping([['Weekly QA export'], [], ['動画ID', '担当者', '判定', 'ポリシー']]).headerRow // 2
 * Invalid input: no rows, or no row with at least two recognizable headers, gives headerRow -1,
 * an empty mapping and every required field missing.
 */
export function detectMapping(rows: readonly (readonly CellValue[])[], maxScan = 30): MappingResult {
  let bestRow = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, maxScan); r++) {
    const row = rows[r] ?? [];
    const seen = new Set<DecisionField>();
    let score = 0;
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      const m = matchHeader(cell);
      if (m && !seen.has(m.field)) {
        seen.add(m.field);
        score += m.confidence;
      }
    }
    if (seen.size >= 2 && score > bestScore) {
      bestScore = score;
      bestRow = r;
    }
  }
  if (bestRow < 0) return { headerRow: -1, mapping: {}, matches: {}, unmapped: [], missingRequired: [...REQUIRED_FIELDS, 'policy'] };
  return mapHeaderRow(rows[bestRow], bestRow);
}

/**
 * Maps one known header row. When two columns claim a field, the surer one wins and the other is unmapped.
 *
 * @example mapHeaderRow(['Item ID', 'Moderator', 'Verdict', 'Policy'], 0).mapping // { item_id: 0, moderator: 1, verdict: 2, policy: 3 }
 */
export function mapHeaderRow(header: readonly CellValue[], headerRow: number): MappingResult {
  const matches: Partial<Record<DecisionField, FieldMatch>> = {};
  const unmapped: { column: number; header: string }[] = [];
  header.forEach((cell, column) => {
    const text = typeof cell === 'string' ? cell : String(cell ?? '');
    if (!text.trim()) return;
    const m = matchHeader(text);
    const current = m ? matches[m.field] : undefined;
    if (m && (!current || current.confidence < m.confidence)) {
      if (current) unmapped.push({ column: current.column, header: current.header });
      matches[m.field] = { column, header: text, confidence: m.confidence };
    } else unmapped.push({ column, header: text });
  });
  const mapping: Mapping = {};
  for (const [field, match] of Object.entries(matches) as [DecisionField, FieldMatch][]) mapping[field] = match.column;
  const missingRequired = [...REQUIRED_FIELDS, 'policy' as const].filter((f) => mapping[f] === undefined);
  unmapped.sort((a, b) => a.column - b.column);
  return { headerRow, mapping, matches, unmapped, missingRequired };
}
