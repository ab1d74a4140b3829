import { DECISION_FIELDS, REQUIRED_FIELDS, type DecisionField } from '../model';
import type { CellValue } from '../../excelSpec';
import { parseLanguage, parseMarket } from '../normalize/marketAndLanguage';
import { parseDate } from '../normalize/parseDate';
import { parseVerdict } from '../normalize/parseVerdict';
import { editDistance } from '../text/editDistance';
import { normalizeKey } from '../text/normalizeKey';
import { FIELD_ALIASES } from './fieldAliases';

/**
 * Where each field lives on the sheet: 0-based column indexes.
 * Serializable, so a confirmed mapping can be kept in the workbook.
 */
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
  const limit = k.length >= 8 ? 2 : 1;
  for (const alias of ALIAS_KEYS) {
    // A length gap wider than the limit is a distance wider than it: skip the O(n·m) table
    // (the first rows hold long comments and URLs; the result is the same).
    if (alias.length < 4 || Math.abs(alias.length - k.length) > limit) continue;
    const d = editDistance(k, alias);
    if (d < bestD) {
      bestD = d;
      best = alias;
    }
  }
  if (best !== undefined && bestD <= limit) return { field: EXACT.get(best)!, confidence: bestD === 1 ? 0.8 : 0.6 };
  return undefined;
}

/** What the sheet tells about its columns beyond the header: the rows below it, and which columns are hidden. */
export interface ColumnEvidence {
  /** Rows below the header (a few dozen are enough), to score candidates by their values. */
  below?: readonly (readonly CellValue[])[];
  /** 0-based columns hidden on the sheet: a visible column of the same name wins. */
  hidden?: ReadonlySet<number>;
}

/**
 * How well a column's values fit a field, 0–1 (0.5 with no values to judge): an "ID" column that
 * holds row numbers 1, 2, 3… fits item_id worse than "Video ID" holding real IDs; a verdict
 * column should hold verdicts.
 */
export function valueFit(field: DecisionField, values: readonly CellValue[]): number {
  const filled = values.filter((v) => v !== '' && v !== null && v !== undefined);
  if (filled.length === 0) return values.length ? 0 : 0.5;
  const ratio = (ok: (v: CellValue) => boolean) => filled.filter(ok).length / filled.length;
  const coverage = filled.length / values.length;
  switch (field) {
    case 'item_id': {
      const numbers = filled.map((v) =>
        typeof v === 'number' ? v : /^\d{1,7}$/.test(String(v).trim()) ? Number(v) : NaN,
      );
      // Row numbers: small whole numbers, each one more than the last.
      const rowNumbers =
        numbers.length >= 2 && numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1] + 1));
      if (rowNumbers) return 0;
      return coverage * (new Set(filled.map(String)).size / filled.length);
    }
    case 'moderator':
      return coverage * ratio((v) => typeof v === 'string' && !/^\d+$/.test(v.trim()));
    case 'verdict':
      return coverage * ratio((v) => parseVerdict(v) != null);
    case 'decided_at':
      return coverage * ratio((v) => parseDate(v) != null);
    case 'market':
      return coverage * ratio((v) => parseMarket(v) != null);
    case 'language':
      return coverage * ratio((v) => parseLanguage(v) != null);
    default:
      return coverage;
  }
}

/**
 * Finds the header row among the first rows of a sheet (title rows above it are common) and maps
 * its columns to the decision fields, in English or Japanese. Where two columns claim a field, a
 * visible one beats a hidden one, then the one whose header and values fit better.
 *
 * @example detectMapping([['Weekly QA export'], [], ['動画ID', '担当者', '判定', 'ポリシー']]).headerRow // 2
 * Invalid input: no rows, or no row with at least two recognizable headers, gives headerRow -1,
 * an empty mapping and every required field missing.
 */
export function detectMapping(
  rows: readonly (readonly CellValue[])[],
  maxScan = 30,
  evidence: Pick<ColumnEvidence, 'hidden'> = {},
): MappingResult {
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
  if (bestRow < 0)
    return { headerRow: -1, mapping: {}, matches: {}, unmapped: [], missingRequired: [...REQUIRED_FIELDS, 'policy'] };
  return mapHeaderRow(rows[bestRow], bestRow, {
    below: rows.slice(bestRow + 1, bestRow + 31),
    hidden: evidence.hidden,
  });
}

/**
 * Maps one known header row. When two columns claim a field, a visible one wins over a hidden
 * one, then the better fit (header confidence plus how well the values below fit); the other is
 * unmapped.
 *
 * @example mapHeaderRow(['Item ID', 'Moderator', 'Verdict', 'Policy'], 0).mapping
 *   // { item_id: 0, moderator: 1, verdict: 2, policy: 3 }
 */
export function mapHeaderRow(
  header: readonly CellValue[],
  headerRow: number,
  evidence: ColumnEvidence = {},
): MappingResult {
  const candidates = new Map<DecisionField, (FieldMatch & { rank: number })[]>();
  const unmapped: { column: number; header: string }[] = [];
  const below = evidence.below ?? [];
  header.forEach((cell, column) => {
    const text = typeof cell === 'string' ? cell : String(cell ?? '');
    if (!text.trim()) return;
    const m = matchHeader(text);
    if (!m) {
      unmapped.push({ column, header: text });
      return;
    }
    const visible = evidence.hidden?.has(column) ? 0 : 1;
    const fit = below.length
      ? valueFit(
          m.field,
          below.map((r) => r[column] ?? ''),
        )
      : 0.5;
    const list = candidates.get(m.field) ?? [];
    list.push({ column, header: text, confidence: m.confidence, rank: visible * 10 + m.confidence + fit });
    candidates.set(m.field, list);
  });
  const matches: Partial<Record<DecisionField, FieldMatch>> = {};
  for (const [field, list] of candidates) {
    // Stable: on a tie the leftmost column wins, as before.
    const best = list.reduce((a, b) => (b.rank > a.rank ? b : a));
    matches[field] = { column: best.column, header: best.header, confidence: best.confidence };
    for (const other of list) if (other !== best) unmapped.push({ column: other.column, header: other.header });
  }
  const mapping: Mapping = {};
  for (const [field, match] of Object.entries(matches) as [DecisionField, FieldMatch][]) mapping[field] = match.column;
  const missingRequired = [...REQUIRED_FIELDS, 'policy' as const].filter((f) => mapping[f] === undefined);
  unmapped.sort((a, b) => a.column - b.column);
  return { headerRow, mapping, matches, unmapped, missingRequired };
}
