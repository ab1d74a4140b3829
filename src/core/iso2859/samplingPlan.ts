import {
  AQLS,
  CODE_LETTERS,
  CODE_LETTER_TABLE,
  INSPECTION_LEVELS,
  PLAN_TABLE,
  type Aql,
  type CodeLetter,
  type Inspection,
  type InspectionLevel,
} from './planTables';

export interface SamplingPlanOptions {
  lotSize: number;
  level: InspectionLevel;
  /** Acceptance quality limit in percent nonconforming: '0.065' … '10' (a number is accepted too). */
  aql: Aql | number;
  inspection?: Inspection;
}

export interface SamplingPlan {
  letter: CodeLetter;
  /** Items to inspect: the plan's n, or the whole lot when n reaches it. */
  sampleSize: number;
  /** Accept the lot with at most this many defects. */
  accept: number;
  /** Reject the lot with this many defects or more. */
  reject: number;
  /** True when n reached the lot size, so every item is inspected. */
  inspectAll: boolean;
}

/**
 * The sample-size code letter for a lot (ISO 2859-1 table I).
 *
 * @example codeLetter(5000, 'II') // 'L'
 * Invalid input: a lot size below 2 or not whole, or an unknown level, throws a RangeError.
 */
export function codeLetter(lotSize: number, level: InspectionLevel): CodeLetter {
  if (!Number.isInteger(lotSize) || lotSize < 2)
    throw new RangeError(`lot size must be a whole number ≥ 2, got ${lotSize}`);
  const col = INSPECTION_LEVELS.indexOf(level);
  if (col < 0) throw new RangeError(`unknown inspection level ${String(level)}`);
  const row = CODE_LETTER_TABLE.find(([max]) => lotSize <= max)!;
  return row[1][col] as CodeLetter;
}

function toAql(aql: Aql | number): Aql {
  const found = AQLS.find((a) => Number(a) === Number(aql));
  if (!found) throw new RangeError(`AQL must be one of ${AQLS.join(', ')}; got ${aql}`);
  return found;
}

/**
 * The ISO 2859-1 single sampling plan for a lot: code letter, sample size, acceptance and
 * rejection numbers, after the standard's arrows; 100% inspection where n reaches the lot size.
 *
 * @example samplingPlan({ lotSize: 5000, level: 'II', aql: 1.5 })
 *   // { letter: 'L', sampleSize: 200, accept: 7, reject: 8, inspectAll: false }
 * Invalid input: a lot size below 2, an unknown level or an AQL outside 0.065–10 throws a RangeError.
 */
export function samplingPlan(options: SamplingPlanOptions): SamplingPlan {
  const letter = codeLetter(options.lotSize, options.level);
  const { sampleSize: n, accept: ac, reject: re } = planForLetter(letter, options.aql, options.inspection);
  const inspectAll = n >= options.lotSize;
  // Inspecting the whole lot keeps the acceptance number of the plan the arrows led to.
  return { letter, sampleSize: inspectAll ? options.lotSize : n, accept: ac, reject: re, inspectAll };
}

/**
 * The plan a code letter leads to at an AQL, after the table's arrows (no lot size involved).
 *
 * @example planForLetter('H', 0.65) // { sampleSize: 80, accept: 1, reject: 2 } (H's ↓ leads to J's plan)
 * Invalid input: an unknown letter or an AQL outside 0.065–10 throws a RangeError.
 */
export function planForLetter(
  letter: CodeLetter,
  aql: Aql | number,
  inspection: Inspection = 'normal',
): { sampleSize: number; accept: number; reject: number } {
  const i = CODE_LETTERS.indexOf(letter);
  if (i < 0) throw new RangeError(`unknown code letter ${String(letter)}`);
  const [sampleSize, accept, reject] = PLAN_TABLE[inspection][toAql(aql)].split(' ')[i].split(':').map(Number);
  return { sampleSize, accept, reject };
}
